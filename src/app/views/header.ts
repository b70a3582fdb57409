import type { Explorer } from '../../core/explore/explorer.ts';
import { isFiltering } from '../../core/explore/filters.ts';

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The graph's name and its counts, which follow the filters. Returns its unmount. */
export function mountHeader(
  name: HTMLElement,
  counts: HTMLElement,
  explorer: Explorer,
): () => void {
  const graph = explorer.graph;
  name.textContent = graph.getAttribute('name');
  const totalEvidence = graph.reduceEdges((n, _e, a) => n + a.weight, 0);
  const draw = () => {
    const { visibility, view } = explorer.current;
    const evidence = [...visibility.edges.values()].reduce((n, c) => n + c, 0);
    if (!isFiltering(view.filters)) {
      counts.textContent = `${plural(graph.order, 'actor', 'actors')} · ${plural(graph.size, 'relation', 'relations')} · ${plural(totalEvidence, 'statement', 'statements')}`;
    } else {
      counts.textContent = `Showing ${visibility.nodes.size.toLocaleString('en')} of ${plural(graph.order, 'actor', 'actors')} · ${visibility.edges.size.toLocaleString('en')} of ${plural(graph.size, 'relation', 'relations')} · ${evidence.toLocaleString('en')} of ${plural(totalEvidence, 'statement', 'statements')}`;
    }
  };
  draw();
  return explorer.subscribe((_s, changes) => {
    if (changes.has('filters')) draw();
  });
}
