import type { Explorer } from '../../core/explore/explorer.ts';
import { isFiltering, isKindVisible } from '../../core/explore/filters.ts';
import { count } from '../../core/text/plural.ts';

/** The graph's name and its counts, which follow the filters. Returns its unmount. */
export function mountHeader(
  name: HTMLElement,
  counts: HTMLElement,
  explorer: Explorer,
): () => void {
  const graph = explorer.graph;
  name.textContent = graph.getAttribute('name');
  const totalEvidence = graph.reduceEdges((n, _e, a) => n + a.weight, 0);
  // Relations only machine-coded events support count while those are shown.
  const machineOnly = graph.filterEdges(
    (_e, a) => a.weight === 0 && a.machine !== undefined,
  ).length;
  const draw = () => {
    const { visibility, view } = explorer.current;
    const size = graph.size - (isKindVisible('machine-coded', view.filters) ? 0 : machineOnly);
    const evidence = [...visibility.edges.values()].reduce((n, c) => n + c, 0);
    if (!isFiltering(view.filters)) {
      counts.textContent = `${count(graph.order, 'actor')} · ${count(size, 'relation')} · ${count(totalEvidence, 'statement')}`;
    } else {
      counts.textContent = `Showing ${visibility.nodes.size.toLocaleString('en')} of ${count(graph.order, 'actor')} · ${visibility.edges.size.toLocaleString('en')} of ${count(size, 'relation')} · ${evidence.toLocaleString('en')} of ${count(totalEvidence, 'statement')}`;
    }
  };
  draw();
  return explorer.subscribe((_s, changes) => {
    if (changes.has('filters')) draw();
  });
}
