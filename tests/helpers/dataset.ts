import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { buildGraph, type DataFiles } from '../../src/core/pipeline/buildGraph.ts';
import type {
  EdgeAttributes,
  GraphAttributes,
  NodeAttributes,
  RelationType,
} from '../../src/core/model.ts';

/** A small, valid graph-data folder as file contents, keyed by path inside the folder. */
export function smallDataset(): Record<string, string> {
  return {
    'relation-types.yaml': `relationTypes:
  - id: cooperates-with
    label: cooperates with
    directed: false
    sign: 1
    color: "#1b9e77"
    cameo: ["04", "05"]
    description: Consult, agree, coordinate.
  - id: opposes
    label: opposes
    inverseLabel: is opposed by
    directed: true
    sign: -1
    color: "#d7301f"
    cameo: ["10", "19"]
    description: Demand, criticise, fight.
  - id: proposes-to
    label: proposes to
    inverseLabel: receives proposals from
    directed: true
    sign: 0
    color: "#6a51a3"
    cameo: ["02", "03"]
    description: Appeal, offer.
`,
    'actors.yaml': `actors:
  - id: alpha
    label: Alpha Republic
    kind: state
    aliases: [Alphaville, The Alphans]
  - id: beta
    label: Beta Kingdom
    kind: state
    aliases: [Betaburg]
  - id: gamma-front
    label: Gamma Front
    kind: armed-group
  - id: ann-minister
    label: Ann Minister
    kind: person
    aliases: [Minister]
    affiliation: alpha
`,
    'articles/a1.txt': `Alpha and Beta agree to share intelligence.
The Alphans said they are “not coordinating” with Gamma Front.
Minister Ann called on Betaburg to stop the raids, and Gamma Front attacked Alphaville.
`,
    'articles/a1.yaml': `title: Alpha and Beta agree
outlet: The Test Post
published:
  date: 2020-05-01
  basis: stated
  how: The dateline.
relations:
  - source: Alpha Republic
    type: cooperates-with
    target: beta
    quote: Alpha and Beta agree to share intelligence.
  - source: the alphans
    type: cooperates-with
    target: Gamma Front
    modality: negated
    quote: 'The Alphans said they are "not coordinating" with Gamma Front.'
  - source: Minister
    type: proposes-to
    target: Betaburg
    quote: Minister Ann called on Betaburg to stop the raids
  - source: Gamma Front
    type: opposes
    target: Alphaville
    quote: Gamma Front attacked Alphaville
`,
    'articles/a2.txt':
      'Beta and Alpha signed a pact.\r\nBeta  later\r\ncriticised Gamma Front.\r\n',
    'articles/a2.yaml': `title: A pact
published:
  date: 2021-02
  basis: inferred
  how: From the events it reports.
relations:
  - source: betaburg
    type: cooperates-with
    target: alpha
    quote: Beta and Alpha signed a pact.
  - source: beta
    type: opposes
    target: gamma-front
    quote: Beta later criticised Gamma Front.
`,
  };
}

/** In-memory DataFiles for buildGraph, as readDataDir would produce them. */
export function toDataFiles(files: Record<string, string>, root = 'data'): DataFiles {
  const articles = new Map<string, DataFiles['articles'][number]>();
  for (const [name, text] of Object.entries(files)) {
    const m = /^articles\/(.+)\.(yaml|txt)$/.exec(name);
    if (!m) continue;
    const entry = articles.get(m[1]!) ?? { id: m[1]! };
    entry[m[2] === 'txt' ? 'text' : 'meta'] = { path: `${root}/${name}`, text };
    articles.set(m[1]!, entry);
  }
  const file = (name: string) =>
    files[name] === undefined
      ? {}
      : {
          [name === 'actors.yaml' ? 'actors' : 'relationTypes']: {
            path: `${root}/${name}`,
            text: files[name]!,
          },
        };
  return {
    root,
    ...file('relation-types.yaml'),
    ...file('actors.yaml'),
    articles: [...articles.values()],
  };
}

/** Writes a dataset to a new temporary folder and returns its path. */
export function writeDataset(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'actor-graph-data-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A dataset whose names, titles and quotes look like HTML: they must show as text. */
export function hostileDataset(): Record<string, string> {
  const files = smallDataset();
  files['actors.yaml'] = files['actors.yaml']!.replace(
    'label: Alpha Republic',
    'label: "<img src=x onerror=window.__pwned=1>Alpha"',
  ).replace('label: Gamma Front', 'label: "Gamma <b>Front</b> & Co"');
  files['articles/a1.yaml'] = files['articles/a1.yaml']!.replace(
    'title: Alpha and Beta agree',
    'title: "<script>window.__pwned=2</script>Agreement"',
  )
    .replace('source: Alpha Republic', 'source: alpha')
    .replace('target: Gamma Front', 'target: gamma-front')
    .replace('source: Gamma Front', 'source: gamma-front')
    .replace(
      '    quote: Gamma Front attacked Alphaville',
      '    quote: Gamma Front attacked <em>Alphaville</em>',
    );
  files['articles/a1.txt'] = files['articles/a1.txt']!.replace(
    'Gamma Front attacked Alphaville.',
    'Gamma Front attacked <em>Alphaville</em>.',
  );
  return files;
}

/** Two relation types, as unit tests of single stages need them. */
export const COOPERATES: RelationType = {
  id: 'cooperates-with',
  label: 'cooperates with',
  directed: false,
  sign: 1,
  color: '#1b9e77',
  description: 'd',
  cameo: ['04'],
};
export const OPPOSES: RelationType = {
  id: 'opposes',
  label: 'opposes',
  inverseLabel: 'is opposed by',
  directed: true,
  sign: -1,
  color: '#d7301f',
  description: 'd',
  cameo: ['10'],
};

/** An actor's node attributes for hand-made test graphs: neutral values, then `overrides`. */
export function testNode(id: string, overrides: Partial<NodeAttributes> = {}): NodeAttributes {
  return {
    label: id,
    kind: 'state',
    aliases: [],
    x: 0,
    y: 0,
    size: 4,
    color: '#3a6ea5',
    degree: 0,
    evidenceCount: 0,
    degreeByRelation: {},
    ...overrides,
  };
}

/** graph.json as the build writes it (every node and edge has its attributes). */
export interface SerialisedActorGraph {
  attributes: GraphAttributes;
  nodes: { key: string; attributes: NodeAttributes }[];
  edges: {
    key: string;
    source: string;
    target: string;
    undirected?: boolean;
    attributes: EdgeAttributes;
  }[];
}

/**
 * The small dataset's graph with text the YAML could not carry: markup, control characters,
 * non-ASCII, list syntax, an actor without relations and a quote across lines (offsets kept
 * true to the quote). What the interop tests export; `alpha` gets the given aliases and note.
 */
export function edgeCaseGraph(alpha: { aliases: string[]; note?: string }): ActorGraph {
  const built = buildGraph(toDataFiles(smallDataset()), { layout: { iterations: 10 } }).graph!;
  built.mergeNodeAttributes('alpha', {
    label: `Alpha <b>&"'</b>\u0001\tTab – Bêta 北京 🚀`,
    ...alpha,
  });
  built.removeNodeAttribute('ann-minister', 'affiliation');
  built.addNode('lonely', {
    ...built.getNodeAttributes('beta'),
    label: 'Lonely',
    aliases: [],
    degree: 0,
    evidenceCount: 0,
    degreeByRelation: { 'cooperates-with': 0, opposes: 0, 'proposes-to': 0 },
  });
  built.updateEdgeAttributes(built.edges('gamma-front', 'alpha')[0]!, (a) => ({
    ...a,
    evidence: a.evidence.map((e) => {
      const quote = `${e.quote} "said" <i>&</i> a\\b\u0007\r\nnext line`;
      return { ...e, quote, end: e.start + quote.length };
    }),
  }));
  return built;
}
