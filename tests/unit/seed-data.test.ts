import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edgeKey, type ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { buildGraph, type BuildResult } from '../../src/core/pipeline/buildGraph.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { ROOT } from '../helpers/run.ts';

// The project's own annotated seed articles (graph-data/), built as `npm run build:graph` does.
let result: BuildResult;
let graph: ActorGraph;
beforeAll(async () => {
  const read = await readDataDir(join(ROOT, 'graph-data'));
  expect(read.issues).toEqual([]);
  result = buildGraph(read.files);
  graph = result.graph!;
});

const evidenceOf = (relation: string, source: string, target: string) =>
  graph.getEdgeAttributes(edgeKey(relation, source, target)).evidence;

describe('the seed data', () => {
  it('builds without errors', () => {
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('has the expected breadth: 25+ actors, 50+ relations, all three types', () => {
    expect(graph.order).toBeGreaterThanOrEqual(25);
    expect(result.report!.annotations).toBeGreaterThanOrEqual(50);
    for (const type of ['cooperates-with', 'opposes', 'proposes-to']) {
      expect(result.report!.byRelation[type]!.evidence).toBeGreaterThan(5);
    }
  });

  it('records "not coordinating their efforts with Iran" as a negated cooperation', () => {
    const evidence = evidenceOf('cooperates-with', 'iran', 'united-states');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({
      article: 'unknown-outlet-2015-09-iraq-intelligence-cell',
      quote: 'US officials insist they are not coordinating their efforts with Iran',
      modality: 'negated',
    });
  });

  it("records Iraq's intelligence cell with Russia as an asserted cooperation", () => {
    const evidence = evidenceOf('cooperates-with', 'iraq', 'russia');
    expect(evidence.map((e) => e.modality)).toContain('asserted');
    expect(
      evidence.some((e) =>
        e.quote.includes('increasing intelligence coordination with Russian Federation'),
      ),
    ).toBe(true);
  });

  it("records al-Adnani's call for holy war as opposition to Russia and the United States", () => {
    for (const target of ['russia', 'united-states']) {
      const [evidence] = evidenceOf('opposes', 'abu-mohammad-al-adnani', target);
      // The Sputnik text has no-break spaces in this sentence: the quote keeps them, verbatim.
      expect(evidence!.quote).toContain('against\u00a0Russians');
      expect(evidence!.quote.replace(/\s+/g, ' ')).toMatch(
        /start a holy war against Russians and Americans$/,
      );
    }
  });

  it("records Russia's May offer to the Americans as a proposal, and its rejection", () => {
    expect(evidenceOf('proposes-to', 'russia', 'united-states').map((e) => e.quote)).toContain(
      'In May Russia offered to coordinate anti-ISIS operations with the Americans',
    );
    expect(
      evidenceOf('opposes', 'united-states', 'russia').some((e) =>
        e.quote.endsWith('which was declined by Washington.'),
      ),
    ).toBe(true);
  });

  it('records Kerry\'s "only if" as conditional cooperation, not as a fact', () => {
    const conditional = evidenceOf('cooperates-with', 'russia', 'united-states').filter(
      (e) => e.modality === 'conditional',
    );
    expect(conditional.map((e) => e.quote)).toContainEqual(
      expect.stringContaining('but only if Moscow accepts'),
    );
  });

  it('records the denial of reports that US-backed forces coordinated with Nusra as denied', () => {
    expect(evidenceOf('cooperates-with', 'nusra-front', 'syrian-opposition')).toEqual([
      expect.objectContaining({
        modality: 'denied',
        quote:
          'Dunford denied reports that USA -backed opposition forces have coordinated with Nusra in some cases.',
      }),
    ]);
  });

  it('keeps every quote verbatim: the text between its offsets', () => {
    graph.forEachEdge((_edge, attributes) => {
      for (const e of attributes.evidence) {
        expect(result.texts![e.article]!.slice(e.start, e.end)).toBe(e.quote);
      }
    });
  });

  it('keeps the article texts as the files have them', () => {
    for (const [id, text] of Object.entries(result.texts!)) {
      expect(text).toBe(readFileSync(join(ROOT, 'graph-data/articles', `${id}.txt`), 'utf8'));
    }
  });

  it('dates every article and says how the date is known', () => {
    for (const article of Object.values(graph.getAttribute('articles'))) {
      expect(article.published?.how.length).toBeGreaterThan(20);
    }
  });

  it('lays out every actor at a finite position', () => {
    graph.forEachNode((_node, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
    });
  });
});
