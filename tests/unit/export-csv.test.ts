import { join } from 'node:path';
import { MultiGraph } from 'graphology';
import { testNode } from '../helpers/dataset.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { computeActorMetrics } from '../../src/core/graph/metrics.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { csvField, writeCsvEdges, writeCsvNodes } from '../../src/core/export/csv.ts';
import {
  EXPORT_FORMATS,
  exportFilePath,
  exportFormat,
  formatOfFileName,
} from '../../src/core/export/formats.ts';
import type { EdgeAttributes, NodeAttributes } from '../../src/core/model.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { ROOT } from '../helpers/run.ts';

/**
 * A strict RFC 4180 reader: records end with CRLF, quoted fields may hold anything with
 * quotes doubled, an unquoted field holds no quote, CR or LF. Throws on anything else.
 */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      const end = text.slice(i).search(/[,\r\n"]/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      i += field.length;
      if (text[i] === '"') throw new Error(`stray quote at ${i}`);
    }
    record.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
  }
  if (record.length) throw new Error('the last record does not end with CRLF');
  return records;
}

const rows = (text: string) => {
  const [header, ...records] = readCsv(text);
  for (const r of records) expect(r).toHaveLength(header!.length);
  return records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

describe('CSV export of the seed graph', () => {
  let graph: ActorGraph;
  let edges: string;
  let nodes: string;
  beforeAll(async () => {
    graph = buildGraph((await readDataDir(join(ROOT, 'graph-data'))).files).graph!;
    edges = writeCsvEdges(graph);
    nodes = writeCsvNodes(graph);
  });

  it('writes the edge list: one row per edge, every column as documented', () => {
    expect(edges.split('\r\n')[0]).toBe(
      'id,source,target,type,relation,label,weight,evidenceCount,firstDate,lastDate,articles,sourceLabel,targetLabel',
    );
    const records = rows(edges);
    expect(records).toHaveLength(graph.size);
    for (const r of records) {
      const a = graph.getEdgeAttributes(r.id!);
      expect([r.source, r.target]).toEqual([graph.source(r.id!), graph.target(r.id!)]);
      expect(r.type).toBe(graph.isUndirected(r.id!) ? 'undirected' : 'directed');
      expect([r.relation, r.label]).toEqual([a.relation, a.label]);
      expect(Number(r.weight)).toBe(a.weight);
      expect(Number(r.evidenceCount)).toBe(a.evidence.length);
      expect([r.firstDate, r.lastDate]).toEqual([a.firstDate ?? '', a.lastDate ?? '']);
      expect(r.articles!.split('|')).toEqual(a.articles);
      expect(r.sourceLabel).toBe(graph.getNodeAttribute(r.source!, 'label'));
      expect(r.targetLabel).toBe(graph.getNodeAttribute(r.target!, 'label'));
    }
  });

  it('writes the node list with the degree figures', () => {
    const records = rows(nodes);
    expect(records.map((r) => r.id)).toEqual(graph.nodes());
    expect(Object.keys(records[0]!)).toEqual([
      'id',
      'label',
      'kind',
      'affiliation',
      'aliases',
      'wikidata',
      'note',
      'degree',
      'evidenceCount',
      'degree_cooperates-with',
      'degree_opposes',
      'degree_proposes-to',
    ]);
    for (const r of records) {
      const a = graph.getNodeAttributes(r.id!);
      expect([r.label, r.kind, r.affiliation]).toEqual([a.label, a.kind, a.affiliation ?? '']);
      expect(r.aliases).toBe(a.aliases.join('|'));
      expect(Number(r.degree)).toBe(a.degree);
      expect(Number(r.evidenceCount)).toBe(a.evidenceCount);
      expect(Number(r['degree_opposes'])).toBe(a.degreeByRelation.opposes);
    }
  });

  it('ends every line with CRLF, and has no bare LF outside quoted fields', () => {
    for (const text of [edges, nodes]) {
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/[^\r]\n|\r[^\n]/);
    }
  });
});

describe('CSV export of edge cases', () => {
  const graph: ActorGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: false });
  const node = (id: string, a: Partial<NodeAttributes>) =>
    graph.addNode(id, testNode(id, { degreeByRelation: { opposes: 0 }, ...a }));
  node('a', { label: 'Comma, "Quote" <b>&', aliases: ['One', 'Two, three'] });
  node('b', { label: 'Line\r\nbreak and Bêta 北京', affiliation: 'a' });
  node('lonely', {});
  const attributes = (weight: number, firstDate: string | null): EdgeAttributes => ({
    relation: 'opposes',
    label: 'opposes',
    weight,
    evidence: [],
    articles: ['x', 'y'],
    firstDate,
    lastDate: firstDate,
    color: '#000',
    size: 1,
  });
  graph.addDirectedEdgeWithKey('opposes:a:b', 'a', 'b', attributes(2, '2020-01'));
  graph.addDirectedEdgeWithKey('opposes:b:a', 'b', 'a', attributes(1, null));
  computeActorMetrics(graph);

  it('quotes fields with a comma, quote, CR or LF, and only those', () => {
    const nodes = writeCsvNodes(graph);
    expect(nodes).toContain('\r\na,"Comma, ""Quote"" <b>&",state,,"One|Two, three",,,2,3,2\r\n');
    expect(nodes).toContain('\r\nb,"Line\r\nbreak and Bêta 北京",state,a,,');
    expect(rows(nodes).map((r) => r.label)).toEqual([
      'Comma, "Quote" <b>&',
      'Line\r\nbreak and Bêta 北京',
      'lonely',
    ]);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(2.5)).toBe('2.5');
  });

  it('writes both directions of a pair, empty fields for null dates, and the actor alone', () => {
    const edges = rows(writeCsvEdges(graph));
    expect(edges.map((r) => [r.id, r.source, r.target, r.firstDate])).toEqual([
      ['opposes:a:b', 'a', 'b', '2020-01'],
      ['opposes:b:a', 'b', 'a', ''],
    ]);
    expect(edges[0]!.sourceLabel).toBe('Comma, "Quote" <b>&');
    expect(rows(writeCsvNodes(graph)).find((r) => r.id === 'lonely')).toMatchObject({
      degree: '0',
      affiliation: '',
      aliases: '',
    });
  });

  it('takes another list separator and an optional byte-order mark', () => {
    const nodes = writeCsvNodes(graph, { listSeparator: '; ', bom: true });
    expect(nodes.startsWith('\ufeffid,label,')).toBe(true);
    expect(nodes).toContain(',"One; Two, three",');
  });
});

describe('the format registry', () => {
  const graph = new MultiGraph();
  graph.addNode('a', { label: 'A' });
  graph.addNode('b', { label: 'B' });
  graph.addEdgeWithKey('e', 'a', 'b', { relation: 'opposes', weight: 1 });

  it('knows four formats, with extensions and MIME types', () => {
    expect(Object.keys(EXPORT_FORMATS)).toEqual(['gexf', 'graphml', 'json', 'csv']);
    expect(exportFormat('gexf')?.mimeType).toBe('application/gexf+xml');
    expect(exportFormat('xml')).toBeUndefined();
    expect(formatOfFileName('out/Seed.GraphML')?.id).toBe('graphml');
    expect(formatOfFileName('seed')).toBeUndefined();
  });

  it('makes two CSV files, the node list named beside the edge list', () => {
    const files = EXPORT_FORMATS.csv.write(graph);
    expect(files.map((f) => [f.role, f.suffix, f.extension])).toEqual([
      ['edges', '', 'csv'],
      ['nodes', '.nodes', 'csv'],
    ]);
    expect(files.map((f) => exportFilePath('out/graph.csv', f))).toEqual([
      'out/graph.csv',
      'out/graph.nodes.csv',
    ]);
    expect(exportFilePath('out/graph', files[1]!)).toBe('out/graph.nodes.csv');
    expect(files[0]!.content.split('\r\n')).toHaveLength(3);
  });

  it('exports JSON as the graphology serialisation', () => {
    const [file] = EXPORT_FORMATS.json.write(graph);
    expect(JSON.parse(file!.content)).toEqual(graph.export());
  });

  it('passes the options on to the writers', () => {
    const [gexf] = EXPORT_FORMATS.gexf.write(graph, { lastModified: '2020-01-02', creator: 'me' });
    expect(gexf!.content).toContain('<meta lastmodifieddate="2020-01-02">');
    expect(gexf!.content).toContain('<creator>me</creator>');
  });
});
