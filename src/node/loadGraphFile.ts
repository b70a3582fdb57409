import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MultiGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { ActorGraph } from '../core/graph/actorGraph.ts';
import { checkGraph, describeProblems } from '../core/graph/checkGraph.ts';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../core/model.ts';
import { fsErrorLine } from './fsErrors.ts';
import { nodeFs, readRegularFile, strictUtf8Text } from './readData.ts';

/** The largest graph.json read: below the longest string V8 can make (2^29 - 24 units). */
const MAX_GRAPH_BYTES = 500 * 1024 * 1024;

const notFound = (path: string): string =>
  `${path} not found. Run \`npm run build:graph\` first to build the graph, or name another graph.json with --graph FILE.`;

/**
 * Reads and checks a graph.json (or the graph.json in a folder) for a command such as
 * `npm run export` or `npm run analyse`, with messages that say what to do; `verb` names what
 * the command does with it ("Export", "Analyse"). Only a regular file is read, no larger than
 * a JavaScript string can be (the build's own reader); a byte-order mark is dropped; the graph
 * contract is checked as the page checks it (src/core/graph/checkGraph.ts).
 */
export async function loadGraphFile(
  given: string,
  verb: string,
): Promise<{ graph: ActorGraph; path: string; modified: string }> {
  let path = given;
  const fileStat = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(notFound(path), { cause: error });
    throw new Error(fsErrorLine(error, { action: 'read', file: path }), { cause: error });
  });
  if (fileStat.isDirectory()) path = join(path, 'graph.json');
  const read = await readRegularFile(nodeFs, path, MAX_GRAPH_BYTES);
  if (read.kind === 'missing') throw new Error(notFound(path));
  if (read.kind === 'problem') throw new Error(`${path}: ${read.message}. ${read.hint}`);
  const modified = (await stat(path)).mtime;
  let text = strictUtf8Text(read.bytes);
  if (text === undefined)
    throw new Error(
      `${path} is not UTF-8 text. ${verb} a graph.json written by npm run build:graph.`,
    );
  // An editor may have saved it with a byte-order mark, which JSON does not allow: drop it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const notAGraph = (why: string, cause?: unknown) =>
    new Error(
      `${path} is not a graph.json: ${why.replace(/\.+$/, '')}. ${verb} a graph.json written by \`npm run build:graph\` (rebuild it with npm run build:graph), or name another with --graph FILE.`,
      { cause },
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw notAGraph(`it is not valid JSON (${(error as Error).message})`, error);
  }
  const check = checkGraph(data);
  if (check.problems.length > 0) throw notAGraph(describeProblems(check));
  let graph: ActorGraph;
  try {
    graph = MultiGraph.from(
      data as SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>,
    ) as ActorGraph;
  } catch (error) {
    throw notAGraph((error as Error).message, error);
  }
  return { graph, path, modified: modified.toISOString().slice(0, 10) };
}
