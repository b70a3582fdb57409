import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';

// Probes: modules that break a layer's rule. Each must fail `npm test` (through eslint, and
// through the layer's tsconfig where types can tell), without ever being written into src/.
const PROBES = {
  coreImportsFs: {
    path: 'src/core/explore/probe.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  },
  coreImportsBareFs: {
    path: 'src/core/pipeline/probe.ts',
    code: "import { readFile } from 'fs/promises';\nexport const read = readFile;\n",
  },
  coreImportsApp: {
    path: 'src/core/explore/probe.ts',
    code: "import { h } from '../../app/dom.ts';\nexport const make = h;\n",
  },
  coreUsesDocument: {
    path: 'src/core/explore/probe.ts',
    code: 'export const title = (): string => document.title;\n',
  },
  coreImportsRenderer: {
    path: 'src/core/explore/probe.ts',
    code: "import Sigma from 'sigma';\nexport const Renderer = Sigma;\n",
  },
  appImportsFs: {
    path: 'src/app/views/probe.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  },
  appUsesProcess: {
    path: 'src/app/views/probe.ts',
    code: 'export const home = (): string | undefined => process.env.HOME;\n',
  },
} as const;

describe('the layers, as eslint enforces them', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const lint = async (probe: { path: string; code: string }) => {
    const [result] = await eslint.lintText(probe.code, { filePath: join(ROOT, probe.path) });
    return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
  };

  it.each([
    ['a core module importing node:fs', PROBES.coreImportsFs, 'no-restricted-imports'],
    ['a core module importing fs/promises', PROBES.coreImportsBareFs, 'no-restricted-imports'],
    ['a core module importing src/app', PROBES.coreImportsApp, 'import-x/no-restricted-paths'],
    ['a core module using document', PROBES.coreUsesDocument, 'no-restricted-globals'],
    ['a core module importing sigma', PROBES.coreImportsRenderer, 'no-restricted-imports'],
    ['an app module importing node:fs', PROBES.appImportsFs, 'no-restricted-imports'],
    ['an app module using process', PROBES.appUsesProcess, 'no-restricted-globals'],
  ])('refuses %s', async (_name, probe, rule) => {
    expect(await lint(probe)).toContain(rule);
  });

  it('accepts what the layers allow: core importing core, the page importing core', async () => {
    expect(
      await lint({
        path: 'src/core/explore/probe.ts',
        code: "import { MODALITIES } from '../model.ts';\nexport const all = MODALITIES;\n",
      }),
    ).toEqual([]);
    expect(
      await lint({
        path: 'src/app/views/probe.ts',
        code: "import { MODALITIES } from '../../core/model.ts';\nexport const all = MODALITIES;\n",
      }),
    ).toEqual([]);
  });
});

/** Type-checks one probe as if it were a file of the layer, with that layer's tsconfig. */
function typeErrors(tsconfig: string, probe: { path: string; code: string }): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, tsconfig),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const probePath = join(ROOT, probe.path);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => (f === probePath ? probe.code : readFile(f));
  host.fileExists = (f) => f === probePath || fileExists(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, language) =>
    f === probePath ? ts.createSourceFile(f, probe.code, language) : getSourceFile(f, language);
  const program = ts.createProgram([probePath], config.options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probePath))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the layers, as their tsconfig files enforce them', () => {
  it('a core module cannot import node:fs or use document (tsconfig.core.json)', () => {
    expect(typeErrors('tsconfig.core.json', PROBES.coreImportsFs).join('\n')).toMatch(
      /Cannot find module 'node:fs'/,
    );
    expect(typeErrors('tsconfig.core.json', PROBES.coreUsesDocument).join('\n')).toMatch(
      /Cannot find name 'document'/,
    );
  });

  it('an app module cannot import node:fs or use process (tsconfig.app.json)', () => {
    expect(typeErrors('tsconfig.app.json', PROBES.appImportsFs).join('\n')).toMatch(
      /Cannot find module 'node:fs'/,
    );
    expect(typeErrors('tsconfig.app.json', PROBES.appUsesProcess).join('\n')).toMatch(
      /Cannot find name 'process'/,
    );
  });

  it('a module within the rules type-checks in its layer', () => {
    expect(
      typeErrors('tsconfig.core.json', {
        path: 'src/core/explore/probe.ts',
        code: "import { MODALITIES } from '../model.ts';\nexport const all: readonly string[] = MODALITIES;\n",
      }),
    ).toEqual([]);
  });
});

describe('core modules', () => {
  it('every one of them loads in plain Node (no DOM, no WebGL at import)', () => {
    const coreDir = join(ROOT, 'src/core');
    const modules = readdirSync(coreDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => join(coreDir, f));
    expect(modules.length).toBeGreaterThan(30);
    const script = `
      const failed = [];
      for (const file of ${JSON.stringify(modules)}) {
        try { await import(file); } catch (error) { failed.push(file + ': ' + error.message); }
      }
      console.log(JSON.stringify(failed));`;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(run.stderr).toBe('');
    const failed = JSON.parse(run.stdout.trim().split('\n').pop()!) as string[];
    expect(failed.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
