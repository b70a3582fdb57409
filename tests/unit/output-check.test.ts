import { MultiGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import {
  checkGraph,
  checkTexts,
  describeProblems,
  PROBLEM_LIMIT,
} from '../../src/core/graph/checkGraph.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { hostileDataset, smallDataset, toDataFiles } from '../helpers/dataset.ts';

// The checks of what the page and the export read back from the build's output.
const built = buildGraph(toDataFiles(smallDataset()), { layout: { iterations: 5 } });
const graph = built.graph!;
const texts = built.texts!;
/** graph.json as the build writes it, parsed: a fresh copy each time. */
const serialised = () =>
  JSON.parse(
    JSON.stringify({
      ...graph.export(),
      attributes: { ...graph.getAttributes(), texts: 'articles.0123456789abcdef.json' },
    }),
  );

describe('checkGraph', () => {
  it('finds nothing wrong in what the build writes', () => {
    expect(checkGraph(serialised())).toEqual({ problems: [], more: false });
    const hostile = buildGraph(toDataFiles(hostileDataset()), { layout: { iterations: 5 } });
    expect(checkGraph(JSON.parse(JSON.stringify(hostile.graph!.export())))).toEqual({
      problems: [],
      more: false,
    });
  });

  it('says when the file holds no object', () => {
    expect(checkGraph([]).problems).toEqual(['not a graph: the file holds a list, not an object']);
    expect(checkGraph(null).problems).toEqual(['not a graph: the file holds null, not an object']);
  });

  it('says where the evidence is not a list, naming the relation', () => {
    const data = serialised();
    data.edges[1].attributes.evidence = 'a quote';
    const key = data.edges[1].key;
    expect(checkGraph(data).problems).toEqual([
      `edges[1] (${key}).attributes.evidence: not a list (string "a quote")`,
    ]);
  });

  it.each<[string, (d: ReturnType<typeof serialised>) => void, string]>([
    ['no nodes', (d) => void delete d.nodes, 'nodes: not a list (missing)'],
    ['no attributes', (d) => void (d.attributes = null), 'attributes: not an object (null)'],
    [
      'relation types not a list',
      (d) => void (d.attributes.relationTypes = {}),
      'attributes.relationTypes: not a list (an object)',
    ],
    [
      'a texts name that leaves the folder',
      (d) => void (d.attributes.texts = '../../etc/passwd.json'),
      'attributes.texts: not the name of a .json file beside graph.json (string "../../etc/passwd.json")',
    ],
    [
      'an actor without a position',
      (d) => void delete d.nodes[0].attributes.x,
      `nodes[0] (alpha).attributes.x: not a number (missing)`,
    ],
    [
      'an unknown kind',
      (d) => void (d.nodes[0].attributes.kind = 'planet'),
      'nodes[0] (alpha).attributes.kind: not one of state, organisation',
    ],
    [
      'an edge to an unknown actor',
      (d) => void (d.edges[0].target = 'zzz'),
      'target: no actor has the key "zzz"',
    ],
    [
      'an unknown relation type',
      (d) => void (d.edges[0].attributes.relation = 'loves'),
      `.attributes.relation: "loves" is not one of the graph's relation types`,
    ],
    [
      'an offset that is not a whole number',
      (d) => void (d.edges[0].attributes.evidence[0].start = 1.5),
      '.attributes.evidence[0].start: not an offset, a whole number from 0 (number 1.5)',
    ],
    [
      'offsets that do not span the quote',
      (d) => void (d.edges[0].attributes.evidence[0].end += 3),
      'but its quote has',
    ],
    [
      'an unknown modality',
      (d) => void (d.edges[0].attributes.evidence[0].modality = 'maybe'),
      '.attributes.evidence[0].modality: not one of asserted, negated',
    ],
    [
      'evidence of an unknown article',
      (d) => void (d.edges[0].attributes.evidence[0].article = 'a9'),
      `.attributes.evidence[0].article: "a9" is not among the graph's articles`,
    ],
  ])('finds %s', (_name, breakIt, expected) => {
    const data = serialised();
    breakIt(data);
    const { problems } = checkGraph(data);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(expected);
  });

  it('stops at the limit and says there are more', () => {
    const data = serialised();
    for (const edge of data.edges) {
      edge.attributes.evidence = edge.attributes.evidence.map(() => 7);
      edge.attributes.size = 'big';
    }
    const result = checkGraph(data, 3);
    expect(result.problems).toHaveLength(3);
    expect(result.more).toBe(true);
    expect(describeProblems(result)).toMatch(/ \(and more than 2 other problems\)$/);
    expect(describeProblems({ problems: ['one', 'two'], more: false })).toBe(
      'one (and 1 other problem)',
    );
    expect(describeProblems({ problems: ['one'], more: false })).toBe('one');
    expect(describeProblems({ problems: ['one'], more: true })).toBe('one (and more)');
  });

  it('accepts event dates and graphs built before them, and checks them', () => {
    const data = serialised();
    const e = data.edges[0].attributes.evidence[0];
    Object.assign(e, { eventDate: '2016-02-27', eventDateBasis: 'inferred', eventDateHow: 'on' });
    data.edges[0].attributes.firstEventDate = '2016-02-27';
    data.edges[1].attributes.evidence[0].eventDate = null;
    delete data.edges[2].attributes.firstEventDate;
    delete data.edges[2].attributes.lastEventDate;
    expect(checkGraph(data)).toEqual({ problems: [], more: false });

    Object.assign(e, { eventDate: '2016-02-30', eventDateBasis: 'guessed' });
    delete e.eventDateHow;
    data.edges[0].attributes.lastEventDate = 'soon';
    data.edges[1].attributes.evidence[0].eventDateHow = 'In May';
    expect(checkGraph(data).problems).toEqual([
      expect.stringMatching(/^edges\[0\] .*\.lastEventDate: not a date or null \(string "soon"\)$/),
      expect.stringMatching(
        /\.evidence\[0\]\.eventDate: not a date or null \(string "2016-02-30"\)$/,
      ),
      expect.stringMatching(/\.evidence\[0\]\.eventDateBasis: not "stated" or "inferred"/),
      expect.stringMatching(/\.evidence\[0\]\.eventDateHow: not a string \(missing\)$/),
      expect.stringMatching(
        /^edges\[1\] .*\.evidence\[0\]\.eventDate: null, but the statement has an event date's basis or words$/,
      ),
    ]);
  });

  it('checks what the filters and panels read of an article, and real dates', () => {
    const data = serialised();
    const [id] = Object.keys(data.attributes.articles);
    data.attributes.articles[id!].published = {};
    data.edges[0].attributes.evidence[0].date = 'banana';
    data.edges[1].attributes.firstDate = '2021-02-31';
    expect(checkGraph(data).problems).toEqual([
      expect.stringMatching(
        /published\.date: not a date as YYYY, YYYY-MM or YYYY-MM-DD \(missing\)$/,
      ),
      expect.stringMatching(/published\.basis: not "stated" or "inferred" \(missing\)$/),
      expect.stringMatching(/published\.how: not a string \(missing\)$/),
      expect.stringMatching(
        /^edges\[0\] .*\.evidence\[0\]\.date: not a date or null \(string "banana"\)$/,
      ),
      expect.stringMatching(/^edges\[1\] .*\.firstDate: not a date or null/),
    ]);
  });

  it('refuses what graphology would refuse or misread: options, repeated keys, self-loops', () => {
    const data = serialised();
    data.options = { type: 'directed', multi: false, allowSelfLoops: false };
    data.edges[1].key = data.edges[0].key;
    data.edges[2].target = data.edges[2].source;
    expect(checkGraph(data).problems).toEqual([
      'options.type: string "directed", where the graph of npm run build:graph has "mixed"',
      'options.multi: boolean false, where the graph of npm run build:graph has true',
      expect.stringMatching(/^edges\[1\] \(.*\)\.key: used by another relation too$/),
      expect.stringMatching(/^edges\[2\] \(.*\): its source and target are the same actor/),
    ]);
  });

  it('says when a weight is not the number of statements', () => {
    const data = serialised();
    data.edges[0].attributes.weight += 1;
    expect(checkGraph(data).problems).toEqual([
      expect.stringMatching(
        /^edges\[0\] .*\.attributes\.weight: \d+, but the relation has \d+ pieces of evidence$/,
      ),
    ]);
  });

  it('reads 100k pieces of evidence in one pass, reporting at most the limit', () => {
    const data = serialised();
    const edge = data.edges[0];
    const one = edge.attributes.evidence[0];
    edge.attributes.evidence = Array.from({ length: 100_000 }, () => ({ ...one }));
    edge.attributes.weight = 100_000;
    expect(checkGraph(data).problems).toEqual([]);
    edge.attributes.evidence.forEach((e: { start: unknown }) => (e.start = -1));
    const result = checkGraph(data);
    expect(result.problems).toHaveLength(PROBLEM_LIMIT);
    expect(result.more).toBe(true);
  });
});

describe('checkTexts', () => {
  it('accepts the texts of the same build', () => {
    expect(checkTexts(graph, texts)).toEqual({ problems: [], more: false });
  });

  it('refuses texts of another build, whose offsets fall elsewhere', () => {
    const edited = Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, `Edited. ${v}`]));
    const { problems } = checkTexts(graph, edited);
    expect(problems[0]).toMatch(
      /^the quote of [\w:-]+ statement 1 is not at \d+-\d+ in the text of article "a\d"$/,
    );
  });

  it('says which article text is missing, once', () => {
    const rest = { ...texts };
    delete rest.a1;
    expect(checkTexts(graph, rest).problems).toEqual(['the text of article "a1" is missing']);
    expect(checkTexts(graph, []).problems).toEqual([
      'not the article texts: the file holds a list, not an object',
    ]);
  });

  it('does not take inherited properties for texts', () => {
    const g = MultiGraph.from(graph.export()) as ActorGraph;
    g.forEachEdge((edge) =>
      g.updateEdgeAttribute(edge, 'evidence', (list) =>
        list!.map((e) => ({ ...e, article: 'constructor' })),
      ),
    );
    expect(checkTexts(g, {}).problems).toEqual(['the text of article "constructor" is missing']);
  });
});
