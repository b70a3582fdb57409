import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes files so that a reader never sees a half-written one: each goes to a temporary file
 * beside its destination, and only when all are written are they renamed into place.
 */
export async function writeFilesAtomically(
  dir: string,
  files: Record<string, string>,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const staged: [string, string][] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = join(dir, name);
      await mkdir(dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      staged.push([temporary, target]);
      await writeFile(temporary, content);
    }
  } catch (error) {
    await Promise.all(staged.map(([temporary]) => rm(temporary, { force: true })));
    throw error;
  }
  for (const [temporary, target] of staged) await rename(temporary, target);
}
