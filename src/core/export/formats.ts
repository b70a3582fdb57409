/**
 * The export formats, for the command line (scripts/export.ts) and the page alike: each has
 * an id, a file extension, a MIME type and a function from a graph to the file(s) it makes.
 * CSV makes two files, the edge list and the node list.
 */
import { writeCsvEdges, writeCsvNodes } from './csv.ts';
import type { ExportableGraph } from './fields.ts';
import type { DateKind } from '../time/kinds.ts';
import { writeGexf, type GexfOptions, type UndirectedEdges } from './gexf.ts';
import { writeGraphml } from './graphml.ts';

export const EXPORT_FORMAT_IDS = ['gexf', 'graphml', 'json', 'csv'] as const;
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number];

/** Options understood across formats; each format uses those that apply to it. */
export interface ExportOptions {
  /** GEXF meta lastmodifieddate, YYYY-MM-DD. Default: none. */
  lastModified?: string;
  /** GEXF meta creator. Default: `actor-graph`. */
  creator?: string;
  /** Carry the evidence quotes (GEXF, GraphML; JSON always has them). Default: true. */
  quotes?: boolean;
  /**
   * How undirected edges are written in a graph that also has directed ones (GEXF, GraphML).
   * Default: `mutual` in both: a GEXF `type="mutual"` edge, in GraphML two directed edges;
   * that is what NetworkX (and in GraphML python-igraph) read. `undirected`: GEXF
   * `type="undirected"` for Gephi desktop, GraphML `directed="false"` (see writeGexf and
   * writeGraphml).
   */
  undirectedEdges?: UndirectedEdges;
  /**
   * CSV: put an apostrophe before every text cell and list item that a spreadsheet would run
   * as a formula (`=`, `+`, `-`, `@`, ...). Default: true; false only for files that no
   * spreadsheet opens (see writeCsvEdges).
   */
  neutraliseFormulas?: boolean;
  /**
   * Formats that can (`dynamic: true`, GEXF) write time: the relations placed on a timeline
   * (Gephi's) by the statements' dates of this kind, their articles' (`statement`) or the
   * events' they report (`event`). Default: none, a static file. See docs/time.md.
   */
  dynamic?: DateKind;
}

/** One file an export makes. */
export interface ExportedFile {
  /** `graph` for single-file formats; `edges` and `nodes` for CSV. */
  role: 'graph' | 'edges' | 'nodes';
  /**
   * What goes between the base name and the extension: '' for the main file, `.nodes` for
   * the CSV node list (graph.csv, graph.nodes.csv).
   */
  suffix: string;
  extension: string;
  mimeType: string;
  content: string;
}

export interface ExportFormat {
  id: ExportFormatId;
  /** For menus: "GEXF (Gephi, NetworkX)". */
  label: string;
  /** The main file's extension, without the dot. */
  extension: string;
  mimeType: string;
  /** Whether the format makes more than one file (CSV). */
  multiFile: boolean;
  /** Whether it can write time (ExportOptions.dynamic): a menu offers "with time" for it. */
  dynamic: boolean;
  /** The files, the main one first. */
  write(graph: ExportableGraph, options?: ExportOptions): ExportedFile[];
}

const gexfOptions = (options: ExportOptions): GexfOptions => ({
  ...(options.lastModified === undefined ? {} : { lastModified: options.lastModified }),
  ...(options.creator === undefined ? {} : { creator: options.creator }),
  ...(options.quotes === undefined ? {} : { quotes: options.quotes }),
  ...(options.undirectedEdges === undefined ? {} : { undirectedEdges: options.undirectedEdges }),
  ...(options.dynamic === undefined ? {} : { dynamic: options.dynamic }),
});

const single = (extension: string, mimeType: string, content: string): ExportedFile[] => [
  { role: 'graph', suffix: '', extension, mimeType, content },
];

export const EXPORT_FORMATS: Readonly<Record<ExportFormatId, ExportFormat>> = {
  gexf: {
    id: 'gexf',
    label: 'GEXF (Gephi, Gephi Lite, NetworkX)',
    extension: 'gexf',
    mimeType: 'application/gexf+xml',
    multiFile: false,
    dynamic: true,
    write: (graph, options = {}) =>
      single('gexf', 'application/gexf+xml', writeGexf(graph, gexfOptions(options))),
  },
  graphml: {
    id: 'graphml',
    label: 'GraphML (yEd, Cytoscape, Gephi)',
    extension: 'graphml',
    mimeType: 'application/graphml+xml',
    multiFile: false,
    dynamic: false,
    write: (graph, options = {}) =>
      single(
        'graphml',
        'application/graphml+xml',
        writeGraphml(graph, {
          ...(options.quotes === undefined ? {} : { quotes: options.quotes }),
          ...(options.undirectedEdges === undefined
            ? {}
            : { undirectedEdges: options.undirectedEdges }),
        }),
      ),
  },
  json: {
    id: 'json',
    label: 'JSON (graphology serialisation)',
    extension: 'json',
    mimeType: 'application/json',
    multiFile: false,
    dynamic: false,
    write: (graph) => single('json', 'application/json', `${JSON.stringify(graph.export())}\n`),
  },
  csv: {
    id: 'csv',
    label: 'CSV (edge list and node list)',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    multiFile: true,
    dynamic: false,
    write: (graph, options = {}) => {
      const csv =
        options.neutraliseFormulas === undefined
          ? {}
          : { neutraliseFormulas: options.neutraliseFormulas };
      return [
        {
          role: 'edges',
          suffix: '',
          extension: 'csv',
          mimeType: 'text/csv;charset=utf-8',
          content: writeCsvEdges(graph, csv),
        },
        {
          role: 'nodes',
          suffix: '.nodes',
          extension: 'csv',
          mimeType: 'text/csv;charset=utf-8',
          content: writeCsvNodes(graph, csv),
        },
      ];
    },
  },
};

/** The format with this id, or undefined. */
export function exportFormat(id: string): ExportFormat | undefined {
  return (EXPORT_FORMAT_IDS as readonly string[]).includes(id)
    ? EXPORT_FORMATS[id as ExportFormatId]
    : undefined;
}

/** The format a file name's extension stands for (`x.GEXF` -> gexf), or undefined. */
export function formatOfFileName(name: string): ExportFormat | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : exportFormat(name.slice(dot + 1).toLowerCase());
}

/**
 * Where a file of an export goes, given where the main file goes: the main file at `mainPath`
 * itself; another (the CSV node list) beside it, its suffix before the extension
 * (`out/graph.csv` -> `out/graph.nodes.csv`; without the extension, `out/graph` ->
 * `out/graph.nodes.csv`). Works for plain file names (the page's downloads) and paths alike.
 */
export function exportFilePath(mainPath: string, file: ExportedFile): string {
  if (file.suffix === '') return mainPath;
  const extension = `.${file.extension}`;
  const base = mainPath.toLowerCase().endsWith(extension)
    ? mainPath.slice(0, -extension.length)
    : mainPath;
  return `${base}${file.suffix}${extension}`;
}
