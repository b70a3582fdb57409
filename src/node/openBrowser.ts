import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Whether the dev server should open the page in a browser (vite's `server.open`): not under
 * CI, and on Linux only where a desktop can show it, a display and `xdg-open` on the PATH. On a
 * server or in a container without them vite would print a spawn error (ENOENT) instead, while
 * the address it prints is all a user there needs.
 */
export function browserCanOpen(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (env.CI) return false;
  if (platform !== 'linux') return true;
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  return (env.PATH ?? '').split(delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      accessSync(join(dir, 'xdg-open'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
