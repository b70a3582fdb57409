import { MultiGraph } from 'graphology';
import type { ActorGraph } from '../core/graph/actorGraph.ts';

/**
 * The checks of what the page loads, fetched beside graph.json rather than with the page's
 * start-up code: they are needed only once the data is there.
 */
let checks: Promise<typeof import('../core/graph/checkGraph.ts')> | undefined;
const loadChecks = () => (checks ??= import('../core/graph/checkGraph.ts'));

/** Raised when the graph cannot be shown; its message is meant for the page. */
export class GraphLoadError extends Error {}

const REBUILD = 'Rebuild it with npm run build:graph.';

/** The file name a URL ends with, as messages call it (graph.json, not ./graph.json). */
const fileName = (url: string) => url.split(/[?#]/)[0]!.split('/').pop() || url;

/**
 * Fetches graph.json (written by `npm run build:graph`), checks it against the graph contract
 * and loads it into graphology. Anything wrong ends in a GraphLoadError saying what.
 * `headers` is given the response's headers (the workbench's X-Graph-Version).
 */
export async function loadGraph(
  url: string,
  options: { headers?: (headers: Headers) => void } = {},
): Promise<ActorGraph> {
  const name = fileName(url);
  const checking = loadChecks();
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new GraphLoadError(
      `The graph could not be fetched from ${url}: ${(error as Error).message}.`,
    );
  }
  if (!response.ok) {
    throw new GraphLoadError(
      `The graph could not be loaded: ${url} answered ${response.status} ${response.statusText}. Run "npm run build:graph" (or "npm start"), then reload.`,
    );
  }
  options.headers?.(response.headers);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new GraphLoadError(`${name} cannot be shown: it is not valid JSON. ${REBUILD}`);
  }
  const { checkGraph, describeProblems } = await checking;
  const check = checkGraph(data);
  if (check.problems.length > 0) {
    throw new GraphLoadError(`${name} cannot be shown: ${describeProblems(check)}. ${REBUILD}`);
  }
  try {
    return MultiGraph.from(data as Parameters<typeof MultiGraph.from>[0]) as ActorGraph;
  } catch (error) {
    throw new GraphLoadError(`${name} cannot be shown: ${(error as Error).message}. ${REBUILD}`);
  }
}

/** The article texts, fetched the first time a quote is shown in context. */
export interface ArticleTexts {
  /**
   * An article's text; rejects with a message for the page when the texts cannot be had or
   * do not belong to the graph (then no quote is shown in a wrong context).
   */
  get(article: string): Promise<string | undefined>;
}

/**
 * The texts of a graph: the file its `texts` attribute names, beside graph.json (articles.json
 * for graphs of older builds), checked once to belong to the graph: every quote must be in its
 * article's text exactly between its offsets.
 */
export function articleTexts(graph: ActorGraph, graphUrl: string): ArticleTexts {
  const name = graph.getAttribute('texts') ?? 'articles.json';
  const url = new URL(name, new URL(graphUrl, document.baseURI)).href;
  let all: Promise<Record<string, string>> | undefined;
  const load = async (): Promise<Record<string, string>> => {
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new Error(
        `The article texts could not be fetched from ${name} (${(error as Error).message}): the quotes are shown without their context. Reload the page to try again.`,
        { cause: error },
      );
    }
    if (!response.ok) {
      throw new Error(
        response.status === 404
          ? `The article texts of this graph (${name}) are not there: the graph was probably rebuilt since this page loaded. Reload the page; if this persists, rebuild with npm run build:graph.`
          : `The article texts could not be loaded: ${name} answered ${response.status} ${response.statusText}. Reload the page to try again.`,
      );
    }
    let texts: unknown;
    try {
      texts = await response.json();
    } catch {
      throw new Error(
        `The article texts cannot be shown: ${name} is not valid JSON. Rebuild with npm run build:graph.`,
      );
    }
    const { checkTexts, describeProblems } = await loadChecks();
    const check = checkTexts(graph, texts);
    if (check.problems.length > 0) {
      throw new Error(
        `The article texts in ${name} do not belong to this graph: ${describeProblems(check)}. They are from another build, so the quotes are shown without their context. Reload the page; if this persists, rebuild with npm run build:graph.`,
      );
    }
    return texts as Record<string, string>;
  };
  return {
    get(article) {
      all ??= load();
      return all.then((texts) => (Object.hasOwn(texts, article) ? texts[article] : undefined));
    },
  };
}
