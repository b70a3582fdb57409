import {
  ANNOTATE_HEADER,
  type ApiFailure,
  type ArticleView,
  type ChangeRequest,
  type ChangeResult,
  type StateAnswer,
  type SuggestionsView,
} from '../../core/annotate/api.ts';

/** A refusal or failure of the write server, with what it said. */
export class ApiError extends Error {
  constructor(
    readonly failure: ApiFailure,
    readonly status: number,
  ) {
    super(failure.message);
  }
}

/** The workbench's server, at `base` (the page's annotate-api meta). */
export interface AnnotateClient {
  base: string;
  /** The state, once the server has looked at the data folder (StateAnswer). */
  state(): Promise<StateAnswer>;
  article(id: string): Promise<ArticleView>;
  suggestions(id: string): Promise<SuggestionsView>;
  change(request: ChangeRequest): Promise<ChangeResult>;
  undo(): Promise<ChangeResult>;
}

export function annotateClient(base: string): AnnotateClient {
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        // The header that tells the server the request comes from its own page (another
        // site's page cannot send it).
        headers: {
          [ANNOTATE_HEADER]: '1',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (error) {
      throw new ApiError(
        {
          ok: false,
          reason: 'failed',
          message: `The annotation server cannot be reached (${(error as Error).message}). Is npm start still running?`,
        },
        0,
      );
    }
    let data: unknown;
    try {
      data = await response.json();
    } catch {
      throw new ApiError(
        {
          ok: false,
          reason: 'failed',
          message: `The annotation server answered ${response.status} ${response.statusText} without a readable reply.`,
        },
        response.status,
      );
    }
    if (!response.ok) throw new ApiError(data as ApiFailure, response.status);
    return data as T;
  };
  return {
    base,
    state: () => call<StateAnswer>('state'),
    article: (id) => call<ArticleView>(`article?id=${encodeURIComponent(id)}`),
    suggestions: (id) => call<SuggestionsView>(`suggestions?article=${encodeURIComponent(id)}`),
    change: (request) => call<ChangeResult>('change', request),
    undo: () => call<ChangeResult>('undo', {}),
  };
}
