import { MultiGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { ActorGraph } from '../core/graph/actorGraph.ts';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../core/model.ts';

/** Raised when the graph cannot be shown; its message is meant for the page. */
export class GraphLoadError extends Error {}

/** Fetches graph.json (written by `npm run build:graph`) and loads it into graphology. */
export async function loadGraph(url: string): Promise<ActorGraph> {
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
  let data: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
  try {
    data = (await response.json()) as typeof data;
  } catch {
    throw new GraphLoadError(`${url} is not valid JSON. Rebuild it with "npm run build:graph".`);
  }
  if (
    !data ||
    !Array.isArray(data.nodes) ||
    !Array.isArray(data.edges) ||
    !Array.isArray(data.attributes?.relationTypes)
  ) {
    throw new GraphLoadError(`${url} is not a graph written by "npm run build:graph".`);
  }
  try {
    return MultiGraph.from(data) as ActorGraph;
  } catch (error) {
    throw new GraphLoadError(`${url} could not be read as a graph: ${(error as Error).message}`);
  }
}

/** The article texts (articles.json), fetched the first time a quote is shown in context. */
export interface ArticleTexts {
  get(article: string): Promise<string | undefined>;
}

export function articleTexts(url: string): ArticleTexts {
  let all: Promise<Record<string, string>> | undefined;
  return {
    get(article) {
      all ??= fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url} answered ${r.status}`);
        return r.json() as Promise<Record<string, string>>;
      });
      return all.then((texts) => texts[article]);
    },
  };
}
