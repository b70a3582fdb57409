import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserCanOpen } from '../../src/node/openBrowser.ts';

// PATH folders of the test's own: one with an executable xdg-open, one with a file of that
// name that cannot be run, one with none.
const dir = mkdtempSync(join(tmpdir(), 'open-browser-'));
const folder = (name: string, mode?: number) => {
  const path = join(dir, name);
  mkdirSync(path);
  if (mode !== undefined) writeFileSync(join(path, 'xdg-open'), '#!/bin/sh\n', { mode });
  return path;
};
const opener = folder('bin', 0o755);
const notRunnable = folder('noexec', 0o644);
const empty = folder('empty');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const path = (...dirs: string[]) => dirs.join(delimiter);

describe('whether the dev server opens a browser', () => {
  it('opens one on a Linux desktop: a display and xdg-open on the PATH', () => {
    expect(browserCanOpen({ DISPLAY: ':0', PATH: path(empty, opener) }, 'linux')).toBe(true);
    expect(browserCanOpen({ WAYLAND_DISPLAY: 'wayland-0', PATH: opener }, 'linux')).toBe(true);
  });

  it('does not on Linux without a display, or without a runnable xdg-open', () => {
    expect(browserCanOpen({ PATH: opener }, 'linux')).toBe(false);
    expect(browserCanOpen({ DISPLAY: ':0', PATH: path(empty, notRunnable) }, 'linux')).toBe(false);
    expect(browserCanOpen({ DISPLAY: ':0' }, 'linux')).toBe(false);
  });

  it('leaves macOS and Windows to vite, and never opens one under CI', () => {
    expect(browserCanOpen({}, 'darwin')).toBe(true);
    expect(browserCanOpen({}, 'win32')).toBe(true);
    expect(browserCanOpen({ CI: 'true', DISPLAY: ':0', PATH: opener }, 'linux')).toBe(false);
    expect(browserCanOpen({ CI: 'true' }, 'darwin')).toBe(false);
  });
});
