import { describe, expect, it } from 'vitest';
import {
  contradictions,
  frustrationOf,
  isBalanced,
  signedNetwork,
  splitCamps,
  statementsOf,
  triadCensus,
  type Camp,
  type SignedNetwork,
} from '../../src/core/analysis/index.ts';
import { Random } from '../../src/core/generate/random.ts';
import { edgeKey } from '../../src/core/graph/actorGraph.ts';
import { g } from '../helpers/handGraph.ts';

const signs = (network: SignedNetwork) =>
  network.pairs.map((p) => `${p.a}${p.sign > 0 ? '+' : '-'}${p.b}`);

// ---- statements ---------------------------------------------------------------------------------

describe('statementsOf', () => {
  it('lists the statements of the edges, asserted first, or only those evidenceOf keeps', () => {
    const graph = g(['a + b', ['reported', 'asserted']], 'a - c');
    const edges = [edgeKey('cooperates-with', 'a', 'b'), edgeKey('opposes', 'a', 'c')];
    expect(statementsOf(graph, edges).map((s) => [s.relation, s.evidence.modality])).toEqual([
      ['cooperates-with', 'asserted'],
      ['opposes', 'asserted'],
      ['cooperates-with', 'reported'],
    ]);
    // The page passes the filters' choice (visibleEvidence): here, reported statements only.
    const reportedOnly = statementsOf(graph, edges, (attr) =>
      attr.evidence.filter((e) => e.modality === 'reported'),
    );
    expect(reportedOnly.map((s) => [s.edge, s.evidence.modality])).toEqual([
      [edgeKey('cooperates-with', 'a', 'b'), 'reported'],
    ]);
  });
});

// ---- signs ------------------------------------------------------------------------------------

describe('signedNetwork', () => {
  it('signs pairs by their relation types, whichever the direction, and leaves proposals out', () => {
    const network = signedNetwork(g('b + a', 'c - a', 'a - d', 'd - a', 'a > e'));
    expect(signs(network)).toEqual(['a+b', 'a-c', 'a-d']);
    const ad = network.pairs[2]!;
    expect(ad.negative).toBe(2);
    expect(ad.negativeEdges).toEqual([edgeKey('opposes', 'a', 'd'), edgeKey('opposes', 'd', 'a')]);
    expect(network.neighbours.get('a')!.size).toBe(3);
    expect(network.neighbours.has('e')).toBe(false);
  });

  it('counts asserted statements only by default; reported ones when asked', () => {
    const graph = g(
      ['a + b', ['negated', 'denied', 'conditional', 'proposed']],
      ['a + c', ['reported']],
      ['a - c', ['asserted']],
    );
    expect(signs(signedNetwork(graph))).toEqual(['a-c']);
    // With reported statements counted, a - c is a tie: no sign.
    const withReported = signedNetwork(graph, { counted: ['asserted', 'reported'] });
    expect(signs(withReported)).toEqual([]);
    expect(withReported.tallies).toMatchObject([
      { a: 'a', b: 'c', positive: 1, negative: 1, sign: 0 },
    ]);
  });

  it('lets the majority decide a pair with both signs; a tie gives no sign', () => {
    const network = signedNetwork(
      g(['a + b', ['asserted', 'asserted']], 'a - b', 'c + d', 'c - d', 'd - c'),
    );
    expect(network.tallies.map((t) => [t.a, t.b, t.positive, t.negative, t.sign])).toEqual([
      ['a', 'b', 2, 1, 1],
      ['c', 'd', 1, 2, -1],
    ]);
    const tie = signedNetwork(g('a + b', 'a - b'));
    expect(tie.pairs).toEqual([]);
    expect(tie.tallies[0]!.sign).toBe(0);
  });

  it('counts a sentence annotated in both directions once', () => {
    const graph = g('a - b');
    const [e] = graph.getEdgeAttribute(edgeKey('opposes', 'a', 'b'), 'evidence');
    graph.addDirectedEdgeWithKey(edgeKey('opposes', 'b', 'a'), 'b', 'a', {
      ...graph.getEdgeAttributes(edgeKey('opposes', 'a', 'b')),
      evidence: [{ ...e! }],
    });
    expect(signedNetwork(graph).pairs[0]).toMatchObject({ negative: 1, sign: -1 });
  });
});

// ---- triads -----------------------------------------------------------------------------------

describe('triadCensus', () => {
  it('finds a balanced triangle balanced', () => {
    for (const lines of [
      ['a + b', 'b + c', 'a + c'],
      ['a + b', 'b - c', 'a - c'],
    ]) {
      const census = triadCensus(signedNetwork(g(...lines)));
      expect([census.triangles, census.balanced, census.unbalanced]).toEqual([1, 1, []]);
    }
  });

  it('lists an unbalanced triangle with its actors, signs and relations', () => {
    // The friend of my friend is my enemy.
    const census = triadCensus(signedNetwork(g('c + b', 'b + a', 'c - a')));
    expect(census.triangles).toBe(1);
    expect(census.unbalanced).toEqual([
      {
        actors: ['a', 'b', 'c'],
        signs: [1, -1, 1],
        edges: [
          [edgeKey('cooperates-with', 'a', 'b')],
          [edgeKey('opposes', 'c', 'a')],
          [edgeKey('cooperates-with', 'b', 'c')],
        ],
      },
    ]);
    expect(census.byNegatives).toEqual([0, 1, 0, 0]);
    // Three enemies: unbalanced too (strict balance).
    const enemies = triadCensus(signedNetwork(g('a - b', 'b - c', 'c - a')));
    expect(enemies.unbalanced.map((t) => t.signs)).toEqual([[-1, -1, -1]]);
  });

  it('gives a contested side the relations of both signs', () => {
    const census = triadCensus(
      signedNetwork(g(['a + b', ['asserted', 'asserted']], 'a - b', 'b + c', 'a - c')),
    );
    expect(census.unbalanced[0]!.edges[0]).toEqual([
      edgeKey('cooperates-with', 'a', 'b'),
      edgeKey('opposes', 'a', 'b'),
    ]);
  });

  it('agrees with a brute-force count on a random signed graph', () => {
    const { graph, ids } = randomSigned(new Random('triads'), 40, 0.25);
    const network = signedNetwork(graph);
    const census = triadCensus(network);
    const sign = (x: string, y: string) => network.neighbours.get(x)?.get(y)?.sign;
    const expected: string[] = [];
    let triangles = 0;
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        for (let k = j + 1; k < ids.length; k++) {
          const [x, y, z] = [ids[i]!, ids[j]!, ids[k]!];
          const s = [sign(x, y), sign(x, z), sign(y, z)];
          if (s.some((v) => v === undefined)) continue;
          triangles++;
          if (!isBalanced(s as (1 | -1)[])) expected.push(`${x} ${y} ${z}`);
        }
    expect(triangles).toBeGreaterThan(50);
    expect(census.triangles).toBe(triangles);
    expect(census.unbalanced.map((t) => t.actors.join(' '))).toEqual(expected);
  });
});

/** A random signed graph: each pair related with probability p, by cooperation or opposition. */
function randomSigned(random: Random, n: number, p: number) {
  const ids = Array.from({ length: n }, (_, i) => `n${String(i).padStart(3, '0')}`);
  const lines: string[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (random.chance(p)) lines.push(`${ids[i]} ${random.chance(0.6) ? '+' : '-'} ${ids[j]}`);
  return { graph: g(...lines), ids };
}

// ---- camps ------------------------------------------------------------------------------------

describe('splitCamps', () => {
  const twoCamps = [
    'a + b',
    'b + c',
    'a + c',
    'd + e',
    'e + f',
    'd + f',
    'a - d',
    'b - e',
    'c - f',
    'a - e',
  ];

  it('splits a balanced network without frustration', () => {
    const split = splitCamps(signedNetwork(g(...twoCamps)));
    expect(split.frustration).toBe(0);
    expect(split.exact).toBe(true);
    expect(Object.fromEntries(split.camps)).toEqual({ a: 0, b: 0, c: 0, d: 1, e: 1, f: 1 });
  });

  it('finds the one traitor edge between two camps', () => {
    const network = signedNetwork(g(...twoCamps, 'c + e'));
    const split = splitCamps(network);
    expect(split.frustration).toBe(1);
    expect(split.exact).toBe(true);
    expect(Object.fromEntries(split.camps)).toEqual({ a: 0, b: 0, c: 0, d: 1, e: 1, f: 1 });
    expect(split.frustrated).toMatchObject([
      { a: 'c', b: 'e', sign: 1, positiveEdges: [edgeKey('cooperates-with', 'c', 'e')] },
    ]);
    expect(frustrationOf(network, split.camps)).toBe(1);
  });

  it('labels each component from its first actor, camp 0', () => {
    const split = splitCamps(signedNetwork(g('z - y', 'm - b', 'b + q')));
    expect(Object.fromEntries(split.camps)).toEqual({ b: 0, m: 1, q: 0, y: 0, z: 1 });
    expect(split.components.map((c) => c.actors)).toEqual([
      ['b', 'm', 'q'],
      ['y', 'z'],
    ]);
  });

  it('is exact on small networks: brute force agrees', () => {
    const random = new Random('camps-exact');
    for (let round = 0; round < 10; round++) {
      const { graph } = randomSigned(random, 10, 0.5);
      const network = signedNetwork(graph);
      const split = splitCamps(network);
      const ids = [...split.camps.keys()];
      let least = Infinity;
      for (let mask = 0; mask < 1 << ids.length; mask++) {
        const camps = new Map(ids.map((id, i) => [id, ((mask >> i) & 1) as Camp]));
        least = Math.min(least, frustrationOf(network, camps));
      }
      expect(split.exact).toBe(true);
      expect(split.frustration).toBe(least);
      expect(frustrationOf(network, split.camps)).toBe(least);
    }
  });

  it('reaches the exact answer with the heuristic alone on random graphs of up to 20 actors', () => {
    const random = new Random('camps-heuristic');
    for (let round = 0; round < 30; round++) {
      const { graph } = randomSigned(random, 12 + (round % 9), 0.35);
      const network = signedNetwork(graph);
      const exact = splitCamps(network);
      const heuristic = splitCamps(network, { exactLimit: 0, searchBudget: 0 });
      expect(exact.exact).toBe(true);
      expect(heuristic.exact).toBe(heuristic.frustration === 0);
      expect(heuristic.frustration).toBe(exact.frustration);
      expect(frustrationOf(network, heuristic.camps)).toBe(heuristic.frustration);
    }
  });

  it('gives the same split for the same seed on a large network', () => {
    const { graph } = randomSigned(new Random('camps-large'), 150, 0.05);
    const network = signedNetwork(graph);
    const one = splitCamps(network, { exactLimit: 0, searchBudget: 0, seed: 's' });
    const two = splitCamps(network, { exactLimit: 0, searchBudget: 0, seed: 's' });
    expect(one.exact).toBe(false);
    expect(Object.fromEntries(two.camps)).toEqual(Object.fromEntries(one.camps));
    expect(frustrationOf(network, one.camps)).toBe(one.frustration);
    // Better than putting everybody in one camp (every negative pair frustrated).
    expect(one.frustration).toBeLessThan(network.pairs.filter((p) => p.sign < 0).length);
  });
});

// ---- contradictions ---------------------------------------------------------------------------

describe('contradictions', () => {
  it('lists pairs with both signs, each side strongest first (asserted, then the latest)', () => {
    const graph = g(
      [
        'a + b',
        [
          { modality: 'reported', date: '2022' },
          { date: '2019-05', article: 'old' },
          { date: '2021-01', article: 'new' },
          { date: null, article: 'undated' },
        ],
      ],
      ['b - a', [{ date: '2020-02', article: 'clash' }]],
      'b + c',
    );
    const network = signedNetwork(graph);
    const [c, ...rest] = contradictions(graph, network, { perSide: 3 });
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ a: 'a', b: 'b', sign: 1 });
    expect(c!.positive.counted).toBe(3);
    expect(c!.positive.shown).toBe(4);
    expect(c!.positive.strongest.map((s) => s.evidence.article)).toEqual(['new', 'old', 'undated']);
    expect(c!.negative.strongest.map((s) => [s.edge, s.source, s.evidence.date])).toEqual([
      [edgeKey('opposes', 'b', 'a'), 'b', '2020-02'],
    ]);
  });

  it('lists a tie with sign 0', () => {
    const graph = g('a + b', 'a - b');
    expect(contradictions(graph, signedNetwork(graph)).map((c) => c.sign)).toEqual([0]);
  });
});
