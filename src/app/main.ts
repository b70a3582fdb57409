import './styles.css';
import { Explorer } from '../core/explore/explorer.ts';
import { activeSections } from '../core/explore/filters.ts';
import { byId, h, lazySection, replaceChildren } from './dom.ts';
import { articleTexts, loadGraph, type ArticleTexts } from './loadGraph.ts';
import type { AppHandles } from './handles.ts';
import { PHONE_QUERY } from './media.ts';
import { readViewFromUrl, syncUrl } from './urlSync.ts';
import { mountCanvas, withBaseStroke } from './views/canvas.ts';
import { focusCameraOn, mountStageControls } from './views/controls.ts';
import { mountDetails } from './views/details.ts';
import { mountHeader } from './views/header.ts';
import { mountLegend } from './views/legend.ts';
import { mountSearch } from './views/search.ts';

/**
 * The annotation workbench's API, when the page is served by the dev server with annotation
 * on (the vite plugin of src/node/annotate writes this meta); absent on the static site.
 */
const ANNOTATE_API =
  document.querySelector<HTMLMetaElement>('meta[name="annotate-api"]')?.content || null;

/**
 * Where the build's output is served from: vite serves graph-data/build at the site root; the
 * workbench serves the build it keeps up to date.
 */
const GRAPH_URL = ANNOTATE_API ? `${ANNOTATE_API}graph.json` : 'graph.json';

const loadPhoneLayout = () => import('./views/phoneLayout.ts');

/** The workbench's version of the graph served (X-Graph-Version); undefined elsewhere. */
const versionOf = (headers: Headers): number | undefined => {
  const version = headers.get('X-Graph-Version');
  return version !== null && /^\d{1,15}$/.test(version) ? Number(version) : undefined;
};

async function start(): Promise<void> {
  // On a narrow screen the phone layout's code loads in parallel with graph.json (and only
  // there; see below).
  const narrow = window.matchMedia(PHONE_QUERY);
  let phoneModule = narrow.matches ? loadPhoneLayout() : undefined;
  // Awaited below, where a failure is reported; not as an unhandled rejection too.
  phoneModule?.catch(() => undefined);
  // The workbench serves graph.json with its build's version: a save's answer says what
  // changed since a version, which the page applies when it is the one it shows.
  let graphVersion: number | undefined;
  const graph = await loadGraph(GRAPH_URL, {
    headers: (headers) => (graphVersion = versionOf(headers)),
  });
  performance.mark('graph-loaded');
  const explorer = new Explorer(graph, readViewFromUrl(graph, window.location.search));
  // The texts file graph.json names, beside it (fetched when a statement is first shown);
  // another file after a rebuild of the workbench that changed a text (its name is the texts'
  // hash: a rebuild that changed only relations keeps the file, and what was fetched of it).
  let currentTexts = articleTexts(graph, GRAPH_URL);
  let textsName = graph.getAttribute('texts');
  const texts: ArticleTexts = { get: (article) => currentTexts.get(article) };

  const { sigma, highlight, picture } = mountCanvas(byId('sigma'), explorer);
  performance.mark('canvas-drawn');
  mountStageControls(byId('stage-controls'), sigma, byId('app'));
  // The timeline under the network loads after the first frame (it is not needed to draw it).
  const timeline = byId('timeline');
  requestAnimationFrame(
    () =>
      void import('./views/timeline.ts').then(
        (m) => m.mountTimeline(timeline, explorer),
        (error: unknown) => console.error(error),
      ),
  );
  mountHeader(byId('graph-name'), byId('graph-counts'), explorer);
  // On a phone the selection sheet covers the lower part of the network: aim above it.
  const sheet = byId('sheet');
  const showActor = (actor: string) =>
    focusCameraOn(
      sigma,
      [actor, ...(explorer.current.focus?.nodes ?? [])],
      sheet.getBoundingClientRect().height,
    );
  mountSearch(byId('search'), explorer, (actor) => {
    explorer.selectActor(actor);
    showActor(actor);
  });
  mountLegend(byId('legend'), explorer);
  const { filters } = explorer.current.view;
  lazySection(byId('filters'), {
    id: 'filters-section',
    title: 'Filters: statements, actors, articles',
    // A shared link that filters beyond the legend opens the section.
    open: [...activeSections(filters)].some((section) => section !== 'legend'),
    load: async (body) => void (await import('./views/filters.ts')).mountFilters(body, explorer),
  });
  lazySection(byId('analysis'), {
    id: 'analysis-section',
    title: 'Analysis: balance, paths, metrics',
    // A shared link asking how two actors are connected opens the section.
    open: explorer.current.view.path !== null,
    load: async (body) => void (await import('./views/analysis.ts')).mountAnalysis(body, explorer),
  });
  lazySection(byId('tools'), {
    id: 'tools-section',
    title: 'Layout and export',
    open: false,
    load: async (body) => (await import('./views/tools.ts')).mountTools(body, explorer, picture),
  });
  mountDetails(byId('details'), explorer, texts);
  // The phone layout is mounted now on a narrow screen, or once the window becomes one; a
  // failed load is said in the console and tried again at the next change of width.
  const mountPhone = async () => {
    try {
      (await (phoneModule ??= loadPhoneLayout())).mountPhoneLayout(byId('app'), explorer);
      narrow.removeEventListener('change', onWidthChange);
    } catch (error) {
      phoneModule = undefined;
      console.error(error);
    }
  };
  const onWidthChange = () => {
    if (narrow.matches) void mountPhone();
  };
  if (narrow.matches) await mountPhone();
  else narrow.addEventListener('change', onWidthChange);
  syncUrl(explorer, (view) => {
    if (view.actor) showActor(view.actor);
  });

  performance.mark('panels-built');
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) explorer.clearSelection();
  });
  if (explorer.current.view.actor) showActor(explorer.current.view.actor);

  // For tests and benchmarks: the page's objects, and a sign that the first frame is drawn.
  window.app = { explorer, sigma, highlight } satisfies AppHandles;

  if (ANNOTATE_API) {
    const api = ANNOTATE_API;
    void Promise.all([import('./annotate/workbench.ts'), import('../core/annotate/mergeGraph.ts')])
      .then(([{ mountWorkbench }, { applyGraphDiff, GraphDiffError, mergeGraph }]) =>
        mountWorkbench({
          api,
          panel: byId('panel-left'),
          section: byId('workbench'),
          graphVersion,
          async rebuilt(version, diff) {
            let shown: number | undefined;
            let url = GRAPH_URL;
            if (diff) {
              // What changed, from the version shown: applied in place (checked first; one
              // that does not fit changes nothing, and the whole graph is fetched instead).
              try {
                applyGraphDiff(explorer.graph, diff, { edgeAttributes: withBaseStroke });
                shown = diff.to;
              } catch (error) {
                if (!(error instanceof GraphDiffError)) throw error;
                console.warn(`${error.message} The whole graph is fetched instead.`);
              }
            }
            if (shown === undefined) {
              url = `${GRAPH_URL}?v=${version}`;
              const next = await loadGraph(url, {
                headers: (headers) => (shown = versionOf(headers)),
              });
              mergeGraph(explorer.graph, next, { edgeAttributes: withBaseStroke });
            }
            if (explorer.graph.getAttribute('texts') !== textsName) {
              textsName = explorer.graph.getAttribute('texts');
              currentTexts = articleTexts(explorer.graph, url);
            }
            explorer.dataChanged();
            return shown;
          },
        }),
      )
      .then((handle) => {
        if (window.app) window.app.annotate = handle;
        document.body.setAttribute('data-workbench', 'ready');
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        byId('workbench').textContent = `Annotation is not available: ${message}`;
        console.error(error);
      });
  }

  requestAnimationFrame(() => {
    performance.mark('first-frame');
    document.body.setAttribute('data-ready', 'true');
  });
}

start().catch((error: unknown) => {
  const message = byId('stage-message');
  message.hidden = false;
  message.setAttribute('role', 'alert');
  replaceChildren(
    message,
    h('h2', {}, 'The network cannot be shown'),
    h('p', {}, error instanceof Error ? error.message : String(error)),
  );
  byId('graph-counts').textContent = 'No graph loaded';
  document.body.setAttribute('data-ready', 'error');
  console.error(error);
});
