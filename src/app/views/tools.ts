import type { Explorer } from '../../core/explore/explorer.ts';
import { isFiltering } from '../../core/explore/filters.ts';
import { h, replaceChildren } from '../dom.ts';
import type { NetworkPicture } from './canvas.ts';

/** Today's date as YYYY-MM-DD, for file names and GEXF metadata. */
export const today = (): string => new Date().toISOString().slice(0, 10);

function download(content: string | Blob, fileName: string, type: string): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Layout (ForceAtlas2 in a web worker, started and stopped by the user) and export. The
 * exporters are loaded only when first used, so they cost nothing at start-up; they are the
 * same writers as `npm run export`, and they export what the filters show.
 */
export function mountTools(
  container: HTMLElement,
  explorer: Explorer,
  picture: NetworkPicture,
): void {
  const status = h('p', { className: 'hint', 'aria-live': 'polite' });

  let layout: import('./layoutRunner.ts').LayoutRunner | undefined;
  const layoutButton = h(
    'button',
    { type: 'button', className: 'text-button', 'aria-pressed': 'false' },
    'Run layout',
  );
  layoutButton.addEventListener('click', async () => {
    layout ??= (await import('./layoutRunner.ts')).createLayoutRunner(explorer.graph);
    if (layout.isRunning()) layout.stop();
    else layout.start();
    const running = layout.isRunning();
    layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
    layoutButton.setAttribute('aria-pressed', String(running));
  });

  const exportWith = (kind: string, run: () => Promise<void>) => async () => {
    status.textContent = `Preparing ${kind}…`;
    try {
      await run();
      status.textContent = `${kind} saved${isFiltering(explorer.current.view.filters) ? ', with the filters applied' : ''}.`;
    } catch (error) {
      status.textContent = `${kind} failed: ${(error as Error).message}`;
    }
  };
  const base = () => `actor-graph-${today()}`;
  // The writers are the command line's (src/core/export/formats.ts), loaded on first use.
  // `withTime`: the dynamic GEXF, each relation present in the months of its statements' dates
  // of the timeline's kind (docs/time.md), for Gephi's timeline.
  const exportAs = (id: 'gexf' | 'graphml' | 'csv' | 'json', label: string, withTime = false) =>
    h(
      'button',
      {
        type: 'button',
        className: 'text-button',
        onclick: exportWith(label, async () => {
          const [{ EXPORT_FORMATS, exportFilePath }, { filteredGraph }] = await Promise.all([
            import('../../core/export/formats.ts'),
            import('../../core/explore/filteredGraph.ts'),
          ]);
          const { filters } = explorer.current.view;
          const shown = filteredGraph(explorer.graph, filters, explorer.current.visibility);
          const format = EXPORT_FORMATS[id];
          const dynamic = withTime && format.dynamic ? filters.dateKind : undefined;
          const main = `${base()}${dynamic === undefined ? '' : `-${dynamic === 'event' ? 'events' : 'time'}`}.${format.extension}`;
          const options = dynamic === undefined ? {} : { dynamic };
          for (const file of format.write(shown, { lastModified: today(), ...options })) {
            download(file.content, exportFilePath(main, file), file.mimeType);
          }
        }),
      },
      `Export ${label}`,
    );
  const png = h(
    'button',
    {
      type: 'button',
      className: 'text-button',
      onclick: exportWith('PNG', async () => {
        download(await picture(), `${base()}.png`, 'image/png');
      }),
    },
    'Export PNG',
  );

  const draw = () => {
    replaceChildren(
      container,
      h(
        'div',
        { className: 'tools' },
        h('div', { className: 'button-row' }, layoutButton),
        h(
          'p',
          { className: 'hint' },
          'Drag an actor to move it. Exports contain what the filters show, with the current positions.',
        ),
        h(
          'p',
          { className: 'hint' },
          'The dynamic GEXF places each relation in the months of its statements (by the timeline’s kind of date), for Gephi’s timeline.',
        ),
        h(
          'div',
          { className: 'button-row' },
          exportAs('gexf', 'GEXF'),
          exportAs('gexf', 'dynamic GEXF', true),
          exportAs('graphml', 'GraphML'),
          exportAs('csv', 'CSV'),
          exportAs('json', 'JSON'),
          png,
        ),
        status,
      ),
    );
  };
  draw();
}
