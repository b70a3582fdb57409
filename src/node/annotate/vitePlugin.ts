/**
 * The annotation workbench in vite's dev server (`npm start`, `npm run annotate`): the write
 * API as middleware and, in the page, `<meta name="annotate-api">`, which turns annotation on.
 * Only in the dev server: the static site (`npm run build`) and `vite preview` have neither.
 */
import { resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { ANNOTATE_API } from '../../core/annotate/api.ts';
import { annotateApi } from './api.ts';
import { Workbench, type WorkbenchOptions } from './workbench.ts';

export interface AnnotatePluginOptions {
  /** The data folder the workbench reads and writes (its build/ is vite's publicDir). */
  dataDir: string;
  /** Passed to the workbench (tests: the layout at start). */
  workbench?: Omit<WorkbenchOptions, 'dataDir'>;
  /** Log "Annotation workbench on DIR" once it is open (default true); errors are always logged. */
  announce?: boolean;
}

export const ANNOTATE_PLUGIN = 'actor-graph:annotate';

export function annotatePlugin(options: AnnotatePluginOptions): Plugin {
  const dataDir = resolve(options.dataDir);
  const buildDir = resolve(dataDir, 'build');
  return {
    name: ANNOTATE_PLUGIN,
    // The dev server only: not `vite build`, not `vite preview`, not vitest's server (mode test).
    apply: (_config, env) => env.command === 'serve' && !env.isPreview && env.mode !== 'test',
    config: () => ({
      server: {
        // The workbench's own writes (articles, actors.yaml, their temporary files) are not
        // the page's modules: vite need not watch them. Its build folder stays watched: it is
        // the public folder, whose new files (articles.<hash>.json) vite serves only once it
        // has seen them. Neither reloads the page (no module imports them).
        watch: { ignored: [(path: string) => isDataFile(path, dataDir, buildDir)] },
      },
    }),
    configureServer(server) {
      const workbench = Workbench.open({ ...options.workbench, dataDir: options.dataDir });
      workbench.then(
        (w) => {
          if (options.announce !== false)
            server.config.logger.info(`Annotation workbench on ${w.dataDir}`);
        },
        (error: unknown) =>
          server.config.logger.error(
            `Annotation workbench: ${error instanceof Error ? error.message : String(error)}`,
          ),
      );
      server.middlewares.use(annotateApi({ workbench }));
    },
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'annotate-api', content: ANNOTATE_API }, injectTo: 'head' },
    ],
  };
}

/** A path in the data folder other than the folder itself and its build folder. */
function isDataFile(path: string, dataDir: string, buildDir: string): boolean {
  const full = resolve(path);
  const inside = (dir: string) => full === dir || full.startsWith(dir + sep);
  return full !== dataDir && inside(dataDir) && !inside(buildDir);
}
