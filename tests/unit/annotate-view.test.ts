import { describe, expect, it } from 'vitest';
import { articleView, workbenchSummary } from '../../src/core/annotate/articleView.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { edgeKey } from '../../src/core/graph/actorGraph.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

describe('articleView', () => {
  const files = smallDataset();
  const data = toDataFiles(files);

  it('reads the metadata, the normalised text and each relation with its ids and quote span', () => {
    const view = articleView(data, 'a2', 'v1')!;
    expect(view).toMatchObject({
      id: 'a2',
      title: 'A pact',
      published: { date: '2021-02', basis: 'inferred', how: 'From the events it reports.' },
      text: 'Beta and Alpha signed a pact.\nBeta  later\ncriticised Gamma Front.\n',
      version: 'v1',
    });
    expect(view.relations).toEqual([
      {
        index: 0,
        source: 'betaburg',
        type: 'cooperates-with',
        target: 'alpha',
        quote: 'Beta and Alpha signed a pact.',
        sourceId: 'beta',
        targetId: 'alpha',
        start: 0,
        end: 29,
      },
      {
        index: 1,
        source: 'beta',
        type: 'opposes',
        target: 'gamma-front',
        quote: 'Beta later criticised Gamma Front.',
        sourceId: 'beta',
        targetId: 'gamma-front',
        start: 30,
        end: 65,
      },
    ]);
  });

  it('gives the offsets the build’s evidence has', () => {
    const built = buildGraph(data, { layout: false });
    const view = articleView(data, 'a1', 'v')!;
    const evidence = built.graph!.getEdgeAttributes(
      edgeKey('cooperates-with', 'alpha', 'gamma-front'),
    ).evidence[0]!;
    expect(view.text).toBe(built.texts!.a1);
    expect([view.relations[1]!.start, view.relations[1]!.end]).toEqual([
      evidence.start,
      evidence.end,
    ]);
    expect(view.relations[1]).toMatchObject({
      modality: 'negated',
      sourceId: 'alpha',
      targetId: 'gamma-front',
    });
    expect(view.outlet).toBe('The Test Post');
  });

  it('leaves out ids and spans that are not found', () => {
    const broken = smallDataset();
    broken['articles/a2.yaml'] = broken['articles/a2.yaml']!.replace(
      'source: betaburg',
      'source: Nobody',
    ).replace('quote: Beta and Alpha signed a pact.', 'quote: Not in the text.');
    const [first] = articleView(toDataFiles(broken), 'a2', 'v')!.relations;
    expect(first).toEqual({
      index: 0,
      source: 'Nobody',
      type: 'cooperates-with',
      target: 'alpha',
      quote: 'Not in the text.',
      targetId: 'alpha',
    });
  });

  it('does not throw on a broken article YAML, and is undefined for an unknown article', () => {
    const broken = smallDataset();
    broken['articles/a2.yaml'] = 'title: A pact\nrelations: [\n  - {{{\n';
    const view = articleView(toDataFiles(broken), 'a2', 'v')!;
    expect(view.relations).toEqual([]);
    expect(view.text).toContain('Beta and Alpha');
    broken['articles/a2.yaml'] = '- just\n- a list\n';
    expect(articleView(toDataFiles(broken), 'a2', 'v')).toMatchObject({
      title: 'a2',
      relations: [],
    });
    expect(articleView(data, 'nope', 'v')).toBeUndefined();
  });

  it('still resolves names when actors.yaml does not validate', () => {
    const broken = smallDataset();
    broken['actors.yaml'] =
      `${broken['actors.yaml']!}  - id: Bad Id\n    label: Bad\n    kind: alien\n`;
    expect(articleView(toDataFiles(broken), 'a2', 'v')!.relations[0]).toMatchObject({
      sourceId: 'beta',
    });
  });
});

describe('workbenchSummary', () => {
  it('lists the articles, actors and relation types', () => {
    const summary = workbenchSummary(toDataFiles(smallDataset()));
    expect(summary.articles).toEqual([
      {
        id: 'a1',
        title: 'Alpha and Beta agree',
        outlet: 'The Test Post',
        published: '2020-05-01',
        relations: 4,
      },
      { id: 'a2', title: 'A pact', published: '2021-02', relations: 2 },
    ]);
    expect(summary.actors[0]).toEqual({
      id: 'alpha',
      label: 'Alpha Republic',
      kind: 'state',
      aliases: ['Alphaville', 'The Alphans'],
    });
    expect(summary.actors[3]).toMatchObject({ id: 'ann-minister', affiliation: 'alpha' });
    expect(summary.relationTypes.map((t) => [t.id, t.directed, t.color])).toEqual([
      ['cooperates-with', false, '#1b9e77'],
      ['opposes', true, '#d7301f'],
      ['proposes-to', true, '#6a51a3'],
    ]);
  });

  it('gives what it can from broken files', () => {
    const files = smallDataset();
    files['actors.yaml'] = 'actors: [\n';
    files['relation-types.yaml'] = 'relationTypes:\n  - id: x\n  - 42\n';
    files['articles/a1.yaml'] = ': : :\n';
    const summary = workbenchSummary(toDataFiles(files));
    expect(summary.actors).toEqual([]);
    expect(summary.relationTypes).toEqual([
      { id: 'x', label: 'x', directed: true, color: '#888888' },
    ]);
    expect(summary.articles.map((a) => [a.id, a.title, a.relations])).toEqual([
      ['a1', 'a1', 0],
      ['a2', 'A pact', 2],
    ]);
  });
});
