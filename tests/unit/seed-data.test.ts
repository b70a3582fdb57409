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
  // The annotations alone: a GDELT layer imported into graph-data/events/ is not the seed's.
  const files = { ...read.files };
  delete files.events;
  result = buildGraph(files);
  graph = result.graph!;
});

const evidenceOf = (relation: string, source: string, target: string) =>
  graph.getEdgeAttributes(edgeKey(relation, source, target)).evidence;
/** The key of a cooperates-with edge, whose ends are in id order. */
const undirectedKey = (a: string, b: string) =>
  edgeKey('cooperates-with', ...((a < b ? [a, b] : [b, a]) as [string, string]));
const allEvidence = () => graph.mapEdges((_edge, attributes) => attributes.evidence).flat();

const WAPO = 'washington-post-2014-10-kerry-lavrov-paris';
const SPUTNIK = 'sputnik-2015-10-kerry-conditional-cooperation';
const IRAQ_CELL = 'unknown-outlet-2015-09-iraq-intelligence-cell';
const KERRY_2016 = 'unknown-outlet-2016-07-kerry-progress-with-russia';
const RUDAW = 'rudaw-2016-us-proposal-against-nusra';

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
    expect(evidenceOf('cooperates-with', 'nusra-front', 'us-backed-syrian-opposition')).toEqual([
      expect.objectContaining({
        modality: 'denied',
        quote:
          'Dunford denied reports that USA -backed opposition forces have coordinated with Nusra in some cases.',
      }),
    ]);
  });

  it('records the 2014 intelligence-sharing plan against the Islamic State as proposed', () => {
    for (const source of ['united-states', 'russia']) {
      const plan = evidenceOf('opposes', source, 'islamic-state').filter((e) => e.article === WAPO);
      expect(plan).toEqual([
        expect.objectContaining({
          modality: 'proposed',
          quote: expect.stringContaining('will share intelligence on Islamic State militants'),
        }),
      ]);
    }
  });

  it("takes no evidence from the headlines in the Sputnik page's related-links box", () => {
    const text = result.texts![SPUTNIK]!;
    // The box begins where the section name is repeated after the article's last paragraph.
    const box = text.lastIndexOf('Russia Versus ISIL in Syria (618)');
    expect(box).toBeGreaterThan(text.indexOf('Also on Tuesday, Russian Foreign Minister'));
    const sputnik = allEvidence().filter((e) => e.article === SPUTNIK);
    expect(sputnik.length).toBeGreaterThan(15);
    for (const e of sputnik) expect(e.end).toBeLessThanOrEqual(box);
    for (const headline of [
      'Moscow Sends Syria Flight Safety Proposals to Washington',
      'Islamic State Declares Holy War Against Russia',
      'US, Russia Deal on Deconfliction in Syria',
      'Assad Forces Make Progress Under Russia Support',
    ]) {
      expect(allEvidence().some((e) => e.quote.includes(headline))).toBe(false);
    }
  });

  it('records Dunford\'s "not founded on trust" as opposition to the Russians, not cooperation', () => {
    expect(graph.hasEdge(undirectedKey('joseph-dunford', 'russia'))).toBe(false);
    expect(evidenceOf('opposes', 'joseph-dunford', 'russia')).toEqual([
      expect.objectContaining({
        modality: 'asserted',
        quote: expect.stringMatching(
          /^“We’re not entering into a transaction that is founded on trust.*wouldn’t give the Russians a clear view/,
        ),
      }),
    ]);
  });

  it('keeps apart the three names the articles give the Syrian armed opposition', () => {
    expect(graph.hasNode('syrian-opposition')).toBe(false);
    // Each actor's relations, as "relation -> counterpart" (outgoing), "<-" (incoming) or "~".
    const relationsOf = (actor: string) =>
      graph
        .mapEdges(actor, (_edge, a, source, target, _s, _t, undirected) =>
          undirected
            ? `${a.relation} ~ ${source === actor ? target : source}`
            : source === actor
              ? `${a.relation} -> ${target}`
              : `${a.relation} <- ${source}`,
        )
        .sort();
    const uses: Record<string, { article: string; relations: string[] }> = {
      // Rudaw: the groups Russia bombs, which at times include ISIS and Nusra.
      'syrian-anti-regime-armed-groups': {
        article: RUDAW,
        relations: ['opposes -> syria', 'opposes <- russia'],
      },
      // The 2016 proposal would stop the Syrian air force attacking them.
      'syrian-moderate-rebels': { article: KERRY_2016, relations: ['opposes <- syrian-air-force'] },
      // Backed by the US; Dunford denies reports that they coordinated with Nusra.
      'us-backed-syrian-opposition': {
        article: KERRY_2016,
        relations: ['cooperates-with ~ nusra-front', 'cooperates-with ~ united-states'],
      },
    };
    for (const [actor, { article, relations }] of Object.entries(uses)) {
      expect(graph.getNodeAttribute(actor, 'kind')).toBe('armed-group');
      expect(relationsOf(actor)).toEqual(relations);
      graph.forEachEdge(actor, (_edge, attributes) => {
        for (const e of attributes.evidence) expect(e.article).toBe(article);
      });
    }
  });

  it('gives "military support for Assad" to Syria, as the other Russian support for Assad goes', () => {
    expect(graph.hasEdge(undirectedKey('bashar-al-assad', 'russia'))).toBe(false);
    expect(evidenceOf('cooperates-with', 'russia', 'syria')).toContainEqual(
      expect.objectContaining({
        article: IRAQ_CELL,
        modality: 'reported',
        quote: expect.stringContaining('the Russians to fly in military support for Assad'),
      }),
    );
  });

  it("records the pro-Moscow separatists' fight against Ukraine, so Ukraine is no longer isolated", () => {
    expect(graph.degree('ukraine')).toBeGreaterThan(0);
    expect(evidenceOf('opposes', 'pro-russian-separatists', 'ukraine')).toEqual([
      expect.objectContaining({
        article: WAPO,
        modality: 'asserted',
        quote: expect.stringContaining('detained by pro-Moscow separatists in a firefight'),
      }),
    ]);
  });

  it('records the proposal that Washington and Moscow stop the Syrian air force attacking moderate rebels', () => {
    for (const source of ['united-states', 'russia']) {
      expect(evidenceOf('opposes', source, 'syrian-air-force')).toEqual([
        expect.objectContaining({
          article: KERRY_2016,
          modality: 'proposed',
          quote: expect.stringContaining(
            'prohibit the Syrian air force from attacking moderate rebel groups',
          ),
        }),
      ]);
    }
  });

  it("records al-Adnani's call as the Islamic State's own opposition to Russia and the United States", () => {
    for (const target of ['russia', 'united-states']) {
      expect(evidenceOf('opposes', 'islamic-state', target)).toEqual([
        expect.objectContaining({
          article: SPUTNIK,
          modality: 'asserted',
          quote: expect.stringMatching(/^Islamic State spokesman Abu Mohammad al-Adnani called on/),
        }),
      ]);
    }
  });

  it("records Kerry's demand that Russia let in OSCE observers as proposed, not conditional", () => {
    expect(evidenceOf('cooperates-with', 'osce', 'russia')).toEqual([
      expect.objectContaining({
        modality: 'proposed',
        quote: expect.stringContaining('allows observers from the Organization for Security'),
      }),
    ]);
  });

  it('infers no relation from the adjective "pro-Moscow" alone', () => {
    expect(graph.hasEdge(undirectedKey('pro-russian-separatists', 'russia'))).toBe(false);
    expect(allEvidence().some((e) => e.quote === 'pro-Moscow separatists')).toBe(false);
  });

  it("reads no fight against IS into the coalition's name in Lavrov's sentence that questions it", () => {
    const evidence = evidenceOf('opposes', 'us-led-coalition', 'islamic-state');
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.some((e) => e.article === SPUTNIK)).toBe(false);
    expect(evidence.some((e) => e.quote.includes('coalition against the Islamic State'))).toBe(
      false,
    );
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

  it('keeps its counts and warnings: 34 actors, 67 relations, 102 statements, one warning', () => {
    expect([graph.order, graph.size, result.report!.evidence]).toEqual([34, 67, 102]);
    expect(result.issues.map((i) => i.message)).toEqual(['1 actor has no relations: australia']);
  });

  it('dates the events the texts date, and no others: the ceasefire and the May offer', () => {
    const dated = graph
      .mapEdges((edge, a) => a.evidence.map((e) => ({ edge, ...e })))
      .flat()
      .filter((e) => e.eventDate != null)
      .map((e) => [e.edge, e.article, e.eventDate, e.eventDateBasis, e.eventDateHow]);
    expect(dated).toEqual([
      [undirectedKey('united-states', 'russia'), RUDAW, '2016-02-27', 'inferred', 'on February 27'],
      [edgeKey('proposes-to', 'russia', 'united-states'), RUDAW, '2016-05', 'inferred', 'In May'],
    ]);
    const ceasefire = graph.getEdgeAttributes(undirectedKey('united-states', 'russia'));
    expect([ceasefire.firstEventDate, ceasefire.lastEventDate]).toEqual([
      '2016-02-27',
      '2016-02-27',
    ]);
    // Each event date's words are in its own quote, and the article is of the year inferred.
    for (const e of allEvidence().filter((x) => x.eventDate != null)) {
      expect(e.quote).toContain(e.eventDateHow);
      expect(e.date).toBe('2016');
    }
  });

  it('lays out every actor at a finite position', () => {
    graph.forEachNode((_node, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
    });
  });
});
