import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { Explorer } from '../../src/core/explore/explorer.ts';
import { NO_FILTERS } from '../../src/core/explore/filters.ts';
import {
  EMPTY_VIEW,
  parsePath,
  parseViewState,
  sanitizeViewState,
  serializeViewState,
} from '../../src/core/explore/viewState.ts';
import { hasAnalysis, nodeFields } from '../../src/core/export/fields.ts';
import { writeCsvNodes } from '../../src/core/export/csv.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

const graph = buildGraph(toDataFiles(smallDataset()), { layout: false }).graph!;

describe('a path question in the URL', () => {
  it('reads and writes ?path=a,b, and nothing else', () => {
    expect(parsePath('alpha,gamma-front')).toEqual(['alpha', 'gamma-front']);
    for (const bad of [null, '', 'alpha', 'alpha,', 'alpha,alpha', 'a,b,c'])
      expect(parsePath(bad)).toBeNull();
    expect(parseViewState('?path=alpha,beta').path).toEqual(['alpha', 'beta']);
    expect(serializeViewState({ ...EMPTY_VIEW, path: ['alpha', 'beta'] })).toBe('?path=alpha,beta');
  });

  it('drops a path whose actors the graph does not know', () => {
    expect(sanitizeViewState({ ...EMPTY_VIEW, path: ['alpha', 'nobody'] }, graph).path).toBeNull();
    expect(sanitizeViewState({ ...EMPTY_VIEW, path: ['alpha', 'beta'] }, graph).path).toEqual([
      'alpha',
      'beta',
    ]);
  });
});

describe('the explorer with a path question', () => {
  it('finds the paths, highlights the best, another on request, and clears them', () => {
    const explorer = new Explorer(graph, EMPTY_VIEW);
    explorer.showPath('alpha', 'gamma-front');
    const { paths, focus } = explorer.current;
    expect(paths!.paths.length).toBeGreaterThanOrEqual(1);
    const best = paths!.paths[0]!;
    expect(best.actors[0]).toBe('alpha');
    expect(best.actors.at(-1)).toBe('gamma-front');
    expect([...focus!.nodes].sort()).toEqual([...best.actors].sort());
    expect([...focus!.edges]).toEqual(best.steps.map((s) => s.edge));
    if (paths!.paths.length > 1) {
      explorer.choosePath(1);
      expect([...explorer.current.focus!.nodes].sort()).toEqual(
        [...paths!.paths[1]!.actors].sort(),
      );
    }
    explorer.clearSelection();
    expect(explorer.current.view.path).toBeNull();
    expect(explorer.current.focus).toBeNull();
  });

  it('follows the filters: a hidden relation type takes its steps away', () => {
    const explorer = new Explorer(graph, { ...EMPTY_VIEW, path: ['alpha', 'gamma-front'] });
    const all = explorer.current.paths!.found;
    explorer.setFilters({
      ...NO_FILTERS,
      hiddenRelations: new Set(['cooperates-with', 'opposes', 'proposes-to']),
    });
    expect(explorer.current.paths!.found).toBe(0);
    expect(all).toBeGreaterThan(0);
  });
});

describe('exports with the analysis', () => {
  it('carry the metrics as columns only when the page has computed them', () => {
    const copy = graph.copy();
    expect(hasAnalysis(copy)).toBe(false);
    const header = () => writeCsvNodes(copy).split('\r\n')[0]!;
    const before = header();
    copy.updateEachNodeAttributes((_n, a) => ({
      ...a,
      pagerank: 0.25,
      betweenness: 1.5,
      weightedDegree: 3,
      community: 0,
      camp: 1,
    }));
    expect(hasAnalysis(copy)).toBe(true);
    expect(nodeFields([], true).map((f) => f.name)).toEqual(
      expect.arrayContaining(['pagerank', 'betweenness', 'weightedDegree', 'community', 'camp']),
    );
    expect(before).not.toContain('pagerank');
    expect(header()).toContain('pagerank');
  });
});
