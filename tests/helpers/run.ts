import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's scripts/*.ts with tsx, as `npm run` would. */
export function runScript(script: string, args: string[], options: { cwd?: string } = {}): Run {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', `${ROOT}/scripts/${script}`, ...args],
    {
      cwd: options.cwd ?? ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
