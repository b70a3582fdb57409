/**
 * The workbench's JSON API over HTTP (routes in src/core/annotate/api.ts), as connect
 * middleware: vite's dev server (`server.middlewares.use`) or a bare node:http server.
 *
 * It writes the user's files, so it answers only its own page: requests whose Host is a
 * loopback name with the server's port (a DNS-rebinding page has another host), without an
 * Origin other than the server's own and with Sec-Fetch-Site same-origin or none when the
 * browser sends it (a page of another site cannot write the files), that carry the header
 * ANNOTATE_HEADER, and POSTs only as application/json. The header is what another site's page
 * cannot send: a GET from an `<img src>` carries no Origin, and a browser that sends no
 * Sec-Fetch-Site would let it through, but a custom header (like a POST of application/json)
 * needs a CORS preflight, which this API never answers with CORS headers. Without the header
 * nothing is looked at, computed or written (403), except graph.json and the texts of a build:
 * the page loads them as it loads the static site's (src/app/loadGraph.ts, without the
 * header); they are the build in memory, touch neither the disk nor the state, and another
 * site's page cannot read them (Cross-Origin-Resource-Policy, no CORS).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import {
  ANNOTATE_API,
  ANNOTATE_HEADER,
  type ApiFailure,
  type StateAnswer,
} from '../../core/annotate/api.ts';
import { MalformedRequest, parseChangeRequest, parseUndoRequest } from './requestShape.ts';
import { ARTICLE_ID } from '../../core/pipeline/ids.ts';
import { formatSize, MAX_TEXT_BYTES, strictUtf8Text } from '../readData.ts';
import type { Outcome, Workbench } from './workbench.ts';

/** Where the routes are, from the server's root (the page asks for ANNOTATE_API relative to itself). */
const API_PREFIX = `/${ANNOTATE_API}`;

/** The largest body a POST may have: a new article's text (MAX_TEXT_BYTES) written out as JSON. */
export const MAX_BODY_BYTES = 40 * 1024 * 1024;

/** Hostnames the API answers to: the loopback interface's. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A texts file of a build, as graph.json names it. */
const TEXTS_FILE = /^articles\.[0-9a-f]{16}\.json$/;

/**
 * The routes of the build's output (graph.json, a texts file), answered without
 * ANNOTATE_HEADER: the page fetches them as it fetches the static site's, and they read
 * nothing but the build in memory.
 */
const BUILD_OUTPUT = (route: string): boolean => route === 'graph.json' || TEXTS_FILE.test(route);

export interface AnnotateApiOptions {
  /** The workbench, or its start (requests wait for it; a failed start is answered as such). */
  workbench: Workbench | Promise<Workbench>;
  /** Body limit in bytes (default MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

type Next = (error?: unknown) => void;

/** The API as connect middleware: requests outside API_PREFIX go to `next`. */
export function annotateApi(
  options: AnnotateApiOptions,
): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const workbench = Promise.resolve(options.workbench);
  // Not an unhandled rejection: each request reports it.
  workbench.catch(() => undefined);
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(API_PREFIX)) {
      next();
      return;
    }
    handle(req, res, url, workbench, maxBody).catch((error: unknown) => {
      if (!res.headersSent) {
        send(res, 500, failure('failed', error instanceof Error ? error.message : String(error)));
      } else {
        res.destroy();
      }
    });
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  workbenchStart: Promise<Workbench>,
  maxBody: number,
): Promise<void> {
  const forbidden = refusedOrigin(req);
  if (forbidden) {
    drain(req);
    send(res, 403, failure('forbidden', forbidden));
    return;
  }
  const route = url.pathname.slice(API_PREFIX.length);
  const buildOutput = BUILD_OUTPUT(route);
  if (!buildOutput && req.headers[ANNOTATE_HEADER.toLowerCase()] === undefined) {
    drain(req);
    send(
      res,
      403,
      failure(
        'forbidden',
        `The workbench answers only its own page, which sends the header ${ANNOTATE_HEADER} with every request; this one has none. A page of another site cannot send it (it would need a CORS preflight, which the workbench never answers), so it may not make the workbench read or write the data files.`,
      ),
    );
    return;
  }
  // Its own keys only: "constructor" or "toString" is no route.
  const methods = buildOutput ? 'GET' : Object.hasOwn(ROUTES, route) ? ROUTES[route] : undefined;
  if (!methods) {
    drain(req);
    send(res, 404, failure('not-found', `No such route: ${url.pathname}.`));
    return;
  }
  if (req.method !== methods) {
    drain(req);
    res.setHeader('Allow', methods);
    send(
      res,
      405,
      failure('malformed', `${url.pathname} answers ${methods} only, not ${req.method}.`),
    );
    return;
  }

  let body: unknown;
  if (methods === 'POST') {
    const mediaType = (req.headers['content-type'] ?? '').split(';');
    const charset = mediaType
      .slice(1)
      .map((p) => p.trim().toLowerCase())
      .find((p) => p.startsWith('charset='));
    if (
      mediaType[0]!.trim().toLowerCase() !== 'application/json' ||
      (charset !== undefined && !['charset=utf-8', 'charset="utf-8"'].includes(charset))
    ) {
      drain(req);
      send(
        res,
        415,
        failure(
          'malformed',
          `A POST to the workbench must be Content-Type: application/json (UTF-8), not ${JSON.stringify(req.headers['content-type'] ?? 'none')}.`,
        ),
      );
      return;
    }
    const read = await readBody(req, maxBody);
    if (read.kind === 'too-large') {
      res.setHeader('Connection', 'close');
      send(
        res,
        413,
        failure(
          'malformed',
          `The request is larger than ${formatSize(maxBody)}, the most the workbench takes (an article text may have ${formatSize(MAX_TEXT_BYTES)}).`,
        ),
      );
      if (read.destroy) res.on('finish', () => req.destroy());
      return;
    }
    try {
      const text = strictUtf8Text(read.bytes);
      if (text === undefined) throw new Error('its bytes are not UTF-8');
      body = JSON.parse(text);
    } catch (error) {
      send(
        res,
        400,
        failure(
          'malformed',
          `The request is not JSON in UTF-8: ${error instanceof Error ? error.message : String(error)}.`,
        ),
      );
      return;
    }
  }

  let workbench: Workbench;
  try {
    workbench = await workbenchStart;
  } catch (error) {
    send(
      res,
      503,
      failure(
        'failed',
        `The workbench could not start: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    return;
  }

  switch (route) {
    case 'state': {
      // The folder is looked at first (in turn with the changes): what another program
      // changed there is taken in, and the graph's diff sent with the state.
      const looked = await workbench.look();
      // look() answers its own errors with the state; a failure here is the state's own (its
      // fallback threw), answered by the workbench's queue as a 500.
      if ('ok' in looked.body) {
        send(res, looked.status, looked.body);
        return;
      }
      const { state, graphDiffJson, unchanged } = looked.body;
      // A StateAnswer, its graphDiff as the workbench serialised it.
      const answer: Omit<StateAnswer, 'graphDiff'> = { ...state, unchanged };
      sendJson(res, 200, `${withGraphDiff(answer, graphDiffJson)}\n`);
      return;
    }
    case 'article': {
      const id = articleIdOf(res, url, 'article', 'id');
      if (id === undefined) return;
      const view = workbench.article(id);
      if (view) send(res, 200, view);
      else send(res, 404, failure('not-found', `There is no article "${id}".`));
      return;
    }
    case 'suggestions': {
      const id = articleIdOf(res, url, 'suggestions', 'article');
      if (id === undefined) return;
      const outcome = await workbench.suggestions(id);
      send(res, outcome.status, outcome.body);
      return;
    }
    case 'graph.json': {
      const graph = workbench.graphJson();
      res.setHeader('X-Graph-Version', String(graph.graphVersion));
      sendJson(res, 200, graph.json);
      return;
    }
    case 'change': {
      let request;
      try {
        request = parseChangeRequest(body);
      } catch (error) {
        if (!(error instanceof MalformedRequest)) throw error;
        send(res, 400, failure('malformed', `${error.message}.`));
        return;
      }
      answer(res, await workbench.apply(request));
      return;
    }
    case 'undo': {
      try {
        parseUndoRequest(body);
      } catch (error) {
        if (!(error instanceof MalformedRequest)) throw error;
        send(res, 400, failure('malformed', `${error.message}.`));
        return;
      }
      answer(res, await workbench.undo());
      return;
    }
    default: {
      const texts = workbench.textsJson(route);
      if (texts === undefined) {
        send(
          res,
          404,
          failure(
            'not-found',
            `${route} is not the texts of a recent build: reload graph.json, which names the current one.`,
          ),
        );
      } else {
        sendJson(res, 200, texts);
      }
    }
  }
}

/** The routes besides the build's output (BUILD_OUTPUT: GET). */
const ROUTES: Record<string, 'GET' | 'POST'> = {
  state: 'GET',
  article: 'GET',
  suggestions: 'GET',
  change: 'POST',
  undo: 'POST',
};

const failure = (reason: ApiFailure['reason'], message: string): ApiFailure => ({
  ok: false,
  reason,
  message,
});

/** The article id that the route's query parameter names, or undefined once a 400 is sent. */
function articleIdOf(
  res: ServerResponse,
  url: URL,
  route: string,
  parameter: string,
): string | undefined {
  const id = url.searchParams.get(parameter);
  if (id !== null && ARTICLE_ID.test(id)) return id;
  send(
    res,
    400,
    failure(
      'malformed',
      `${route}?${parameter}= must name an article id (ASCII letters, digits, dots, hyphens and underscores), not ${JSON.stringify(id)}.`,
    ),
  );
  return undefined;
}

function answer(res: ServerResponse, outcome: Outcome): void {
  sendJson(res, outcome.status, `${withGraphDiff(outcome.body, outcome.graphDiffJson)}\n`);
}

/**
 * `body` as JSON with `graphDiff`, the JSON text the workbench made of the graph's diff (it
 * serialised it to weigh it against graph.json), put in as is: not serialised again.
 */
function withGraphDiff(body: object, graphDiff: string | undefined): string {
  const json = JSON.stringify(body);
  if (graphDiff === undefined) return json;
  return `${json.slice(0, -1)}${json === '{}' ? '' : ','}"graphDiff":${graphDiff}}`;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendJson(res, status, `${JSON.stringify(body)}\n`);
}

function sendJson(res: ServerResponse, status: number, json: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Not readable by another site's page even without CORS (a <script src> of it).
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}

/**
 * Why a request is not from the workbench's own page, or undefined if it is: Host a loopback
 * name with the server's port; Origin, when sent, the server's own; Sec-Fetch-Site, when sent,
 * same-origin or none.
 */
function refusedOrigin(req: IncomingMessage): string | undefined {
  const port = req.socket.localPort;
  const host = (req.headers.host ?? '').toLowerCase();
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  const hostPort = m?.[2] === undefined ? 80 : Number(m[2]);
  if (!m || !LOOPBACK.has(m[1]!) || hostPort !== port) {
    return `The workbench answers only requests to its own loopback address (127.0.0.1, localhost or [::1] with port ${port}), not to ${JSON.stringify(req.headers.host ?? 'no host')}: it writes the data files.`;
  }
  const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `${scheme}://${host}`) {
    return `The workbench answers only its own page (${scheme}://${host}), not a page of ${JSON.stringify(origin)}: another site may not write the data files.`;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `The workbench answers only its own page, not a ${site} request: another site may not write the data files.`;
  }
  return undefined;
}

type Body = { kind: 'ok'; bytes: Uint8Array } | { kind: 'too-large'; destroy: boolean };

/**
 * Reads a request's body up to `limit` bytes. A larger one is read on (and thrown away) up to
 * four times the limit, so that the client gets the 413 rather than a broken connection; past
 * that, the connection is closed once the 413 is sent.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > 4 * limit) {
    return Promise.resolve({ kind: 'too-large', destroy: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      length += chunk.length;
      if (length > 4 * limit) {
        done = true;
        req.pause();
        resolve({ kind: 'too-large', destroy: true });
        return;
      }
      if (length <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(
        length > limit
          ? { kind: 'too-large', destroy: false }
          : { kind: 'ok', bytes: Buffer.concat(chunks, length) },
      );
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

/** Lets a refused request's body go without reading it into memory. */
function drain(req: IncomingMessage): void {
  req.resume();
}
