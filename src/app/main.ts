import './styles.css';
import { Explorer } from '../core/explore/explorer.ts';
import { byId, h, replaceChildren } from './dom.ts';
import { articleTexts, loadGraph } from './loadGraph.ts';
import { readViewFromUrl, syncUrl } from './urlSync.ts';
import { createCanvas } from './views/canvas.ts';
import { focusCameraOn, renderStageControls } from './views/controls.ts';
import { renderDetails } from './views/details.ts';
import { renderFilters } from './views/filters.ts';
import { renderHeader } from './views/header.ts';
import { renderSearch } from './views/search.ts';
import { renderTools } from './views/tools.ts';

/** Where the build's output is served from (vite serves graph-data/build at the site root). */
const GRAPH_URL = 'graph.json';
const TEXTS_URL = 'articles.json';

async function start(): Promise<void> {
  const graph = await loadGraph(GRAPH_URL);
  const explorer = new Explorer(graph, readViewFromUrl({ graph }, window.location.search));
  const texts = articleTexts(TEXTS_URL);

  const sigma = createCanvas(byId('sigma'), explorer);
  renderStageControls(byId('stage-controls'), sigma, byId('app'));
  renderHeader(byId('graph-name'), byId('graph-counts'), explorer);
  const showActor = (actor: string) =>
    focusCameraOn(sigma, [actor, ...(explorer.current.focus?.nodes ?? [])]);
  renderSearch(byId('search'), explorer, (actor) => {
    explorer.selectActor(actor);
    showActor(actor);
  });
  renderFilters(byId('filters'), explorer);
  renderTools(byId('tools'), explorer, sigma);
  renderDetails(byId('details'), explorer, texts);
  syncUrl(explorer, (view) => {
    if (view.actor) showActor(view.actor);
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) explorer.clearSelection();
  });
  if (explorer.current.view.actor) showActor(explorer.current.view.actor);

  // For tests and benchmarks: the page's objects, and a sign that the first frame is drawn.
  Object.assign(window, { explorer: { explorer, sigma } });
  requestAnimationFrame(() => document.body.setAttribute('data-ready', 'true'));
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
