/**
 * The workbench's write API over real HTTP (node:http on 127.0.0.1:0) on a temporary copy of
 * a small dataset: what is written, what is refused (and then nothing is written), the
 * conflicts, undo, and the requests another site or host could send.
 */
import { request as httpRequest } from 'node:http';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ANNOTATE_HEADER,
  type ApiFailure,
  type ArticleView,
  type ChangeResult,
  type WorkbenchState,
} from '../../src/core/annotate/api.ts';
import { MAX_BODY_BYTES } from '../../src/node/annotate/api.ts';
import { versionOf, Workbench } from '../../src/node/annotate/workbench.ts';
import {
  change,
  commentedDataset,
  NEW_RELATION,
  post,
  restartAnnotateServer,
  send,
  snapshot,
  startAnnotateServer,
  state,
  stopAnnotateServer,
} from '../helpers/annotateServer.ts';

let dir: string;
let port: number;
let workbench: Workbench;

async function start(files = commentedDataset()): Promise<void> {
  ({ dir, port, workbench } = await startAnnotateServer(files));
}

afterEach(() => stopAnnotateServer());

interface GraphFile {
  attributes: { texts: string };
  edges: { source: string; target: string; attributes: { relation: string } }[];
  nodes: { key: string; attributes: { x: number; y: number } }[];
}

const graphOnDisk = (): GraphFile =>
  JSON.parse(readFileSync(join(dir, 'build', 'graph.json'), 'utf8')) as GraphFile;

const hasEdge = (g: GraphFile, a: string, b: string, relation: string) =>
  g.edges.some(
    (e) =>
      e.attributes.relation === relation &&
      ((e.source === a && e.target === b) || (e.source === b && e.target === a)),
  );

describe('annotation API: a change', () => {
  beforeEach(() => start());

  it('adds a relation: the YAML keeps its comments, graph.json in the build folder has the edge', async () => {
    const before = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8');
    const answer = await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION });
    expect(answer.status, answer.text).toBe(200);
    const result = answer.body as ChangeResult;
    expect(result.ok).toBe(true);
    expect(result.written).toEqual(['articles/a1.yaml']);
    expect(result.state.graphVersion).toBe(2);
    expect(result.state.undo).toBe('Added a relation to articles/a1.yaml');
    expect(result.article?.id).toBe('a1');
    expect(result.article?.relations).toHaveLength(5);
    expect(result.article?.relations[4]).toMatchObject({ ...NEW_RELATION, index: 4 });
    for (const ms of Object.values(result.timings)) expect(ms).toBeGreaterThanOrEqual(0);

    const after = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8');
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(after).toContain('# Checked by hand.\nrelations:  # in text order\n');
    expect(after).toContain('  # The call:\n  - source: Minister\n');
    expect(after).toContain('quote: Ann Minister met Betaburg officials on Monday.');
    expect(result.state.versions['articles/a1.yaml']).toBe(versionOf(after));
    // No temporary file left.
    expect(readdirSync(join(dir, 'articles')).filter((n) => n.includes('.tmp'))).toEqual([]);

    const onDisk = graphOnDisk();
    expect(hasEdge(onDisk, 'ann-minister', 'beta', 'cooperates-with')).toBe(true);
    // The API serves the same graph and its texts.
    const served = await send<GraphFile>('GET', 'graph.json');
    expect(served.text).toBe(readFileSync(join(dir, 'build', 'graph.json'), 'utf8'));
    expect(served.headers['x-graph-version']).toBe('2');
    const texts = await send<Record<string, string>>('GET', onDisk.attributes.texts);
    expect(texts.status).toBe(200);
    expect(texts.body.a1).toContain('Ann Minister met Betaburg');
    expect(existsSync(join(dir, 'build', onDisk.attributes.texts))).toBe(true);
  });

  it('keeps the actors where they were (no new layout) when a relation joins known actors', async () => {
    const before = new Map(workbench.graph.mapNodes((n, a) => [n, [a.x, a.y]]));
    expect(
      (await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION })).status,
    ).toBe(200);
    for (const node of graphOnDisk().nodes) {
      expect([node.attributes.x, node.attributes.y]).toEqual(before.get(node.key));
    }
  });

  it('refuses a quote not in the text: 422 on the quote field, every file byte for byte', async () => {
    const files = snapshot();
    const answer = await change({
      kind: 'add-relation',
      article: 'a1',
      relation: { ...NEW_RELATION, quote: 'Ann Minister never said this.' },
    });
    expect(answer.status, answer.text).toBe(422);
    const failure = answer.body as ApiFailure;
    expect(failure.reason).toBe('refused');
    expect(failure.problems?.[0]).toMatchObject({ field: 'quote', change: 0 });
    expect(failure.problems?.[0]?.message).toMatch(/quote/);
    expect(snapshot()).toEqual(files);
    expect((await state()).graphVersion).toBe(1);
  });

  it('refuses an unknown relation type: 422 on the type field, nothing written', async () => {
    const files = snapshot();
    const answer = await change({
      kind: 'add-relation',
      article: 'a1',
      relation: { ...NEW_RELATION, type: 'bribes' },
    });
    expect(answer.status, answer.text).toBe(422);
    expect((answer.body as ApiFailure).problems?.[0]).toMatchObject({ field: 'type' });
    expect(snapshot()).toEqual(files);
  });

  it('refuses a self-relation and a duplicate actor id, beside their fields', async () => {
    const files = snapshot();
    const self = await change({
      kind: 'add-relation',
      article: 'a1',
      relation: { ...NEW_RELATION, target: 'Ann Minister' },
    });
    expect(self.status, self.text).toBe(422);
    expect((self.body as ApiFailure).problems?.[0]?.field).toBe('target');
    const duplicate = await change({
      kind: 'add-actor',
      actor: { id: 'beta', label: 'Another Beta', kind: 'state' },
    });
    expect(duplicate.status, duplicate.text).toBe(422);
    expect((duplicate.body as ApiFailure).problems?.[0]?.field).toBe('actor.id');
    expect(snapshot()).toEqual(files);
  });

  it('does not overwrite a file changed on disk since the page read it: 409, then the new version', async () => {
    const read = await state();
    const edited = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8') + '# edited elsewhere\n';
    writeFileSync(join(dir, 'articles/a1.yaml'), edited);
    const files = snapshot();
    const answer = await post<ApiFailure>('change', {
      changes: [{ kind: 'add-relation', article: 'a1', relation: NEW_RELATION }],
      versions: read.versions,
    });
    expect(answer.status, answer.text).toBe(409);
    expect(answer.body).toMatchObject({ ok: false, reason: 'conflict', file: 'articles/a1.yaml' });
    expect(answer.body.message).toBe(
      'articles/a1.yaml changed on disk since the page read it (another editor or a git pull?); reload it to see the new version, then make the change again.',
    );
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toBe(edited);
    // Nothing of the data was written (the build folder may follow the disk).
    const now = snapshot();
    for (const [path, bytes] of Object.entries(files)) {
      if (!path.startsWith('build')) expect(now[path]).toBe(bytes);
    }
    // Reloaded, the article is the one on disk; the change then goes through.
    const article = (await send<ArticleView>('GET', 'article?id=a1')).body;
    expect(article.version).toBe(versionOf(edited));
    const again = await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION });
    expect(again.status, again.text).toBe(200);
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toContain('# edited elsewhere');
  });

  it('undoes the last change byte for byte, then says there is nothing to undo', async () => {
    const files = snapshot();
    const graphBefore = (await send('GET', 'graph.json')).text;
    expect(
      (await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION })).status,
    ).toBe(200);
    expect(
      (
        await change({
          kind: 'add-actor',
          actor: { id: 'delta', label: 'Delta Union', kind: 'organisation' },
        })
      ).status,
    ).toBe(200);
    const first = await post<ChangeResult>('undo', {});
    expect(first.status, first.text).toBe(200);
    expect(first.body.state.undo).toBe('Added a relation to articles/a1.yaml');
    expect(first.body.written).toEqual(['actors.yaml']);
    const second = await post<ChangeResult>('undo', {});
    expect(second.status, second.text).toBe(200);
    expect(second.body.state.undo).toBeNull();
    expect(second.body.state.graphVersion).toBe(5);
    const now = snapshot();
    for (const [path, bytes] of Object.entries(files)) {
      if (!path.startsWith('build')) expect(now[path], path).toBe(bytes);
    }
    expect(hasEdge(graphOnDisk(), 'ann-minister', 'beta', 'cooperates-with')).toBe(false);
    // The same graph as before the changes, byte for byte: the actors did not move.
    expect(readFileSync(join(dir, 'build', 'graph.json'), 'utf8')).toBe(graphBefore);
    const nothing = await post<ApiFailure>('undo', {});
    expect(nothing.status).toBe(409);
    expect(nothing.body.message).toMatch(/no change to undo/);
  });

  it('does not undo over a file changed on disk since the change', async () => {
    expect(
      (await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION })).status,
    ).toBe(200);
    const edited = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8') + '# later edit\n';
    writeFileSync(join(dir, 'articles/a1.yaml'), edited);
    const answer = await post<ApiFailure>('undo', {});
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ reason: 'conflict', file: 'articles/a1.yaml' });
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toBe(edited);
  });

  it('adds an article with its text and a relation in one request; undo removes both files', async () => {
    const text = 'Delta Union and Beta Kingdom signed a trade deal.\n';
    const answer = await change(
      { kind: 'add-actor', actor: { id: 'delta', label: 'Delta Union', kind: 'organisation' } },
      {
        kind: 'add-article',
        article: {
          title: 'A trade deal',
          outlet: 'The Test Post',
          published: { date: '2022-03-04', basis: 'stated', how: 'The dateline.' },
          text,
        },
      },
    );
    expect(answer.status, answer.text).toBe(200);
    const result = answer.body as ChangeResult;
    const id = result.article!.id;
    expect(readFileSync(join(dir, `articles/${id}.txt`), 'utf8')).toBe(text);
    const relation = await change({
      kind: 'add-relation',
      article: id,
      relation: {
        source: 'Delta Union',
        type: 'cooperates-with',
        target: 'beta',
        quote: 'Delta Union and Beta Kingdom signed a trade deal.',
      },
    });
    expect(relation.status, relation.text).toBe(200);
    expect(hasEdge(graphOnDisk(), 'delta', 'beta', 'cooperates-with')).toBe(true);
    expect((await post('undo', {})).status).toBe(200);
    expect((await post('undo', {})).status).toBe(200);
    expect(existsSync(join(dir, `articles/${id}.txt`))).toBe(false);
    expect(existsSync(join(dir, `articles/${id}.yaml`))).toBe(false);
    expect(graphOnDisk().nodes.some((n) => n.key === 'delta')).toBe(false);
  });

  it('never writes over an article text already on disk (one the server has not read): another id', async () => {
    const article = {
      title: 'A trade deal',
      outlet: 'The Test Post',
      published: { date: '2022-03-04', basis: 'stated' as const, how: 'The dateline.' },
      text: 'Alpha and Beta signed a trade deal.\n',
    };
    // The id the new article gets, from a first try that is undone.
    const first = await change({ kind: 'add-article', article });
    expect(first.status, first.text).toBe(200);
    const id = (first.body as ChangeResult).article!.id;
    expect((await post('undo', {})).status).toBe(200);
    writeFileSync(join(dir, `articles/${id}.txt`), 'Written by someone else.\n');
    const answer = await change({ kind: 'add-article', article });
    expect(answer.status, answer.text).toBe(200);
    expect((answer.body as ChangeResult).article!.id).toBe(`${id}-2`);
    expect(readFileSync(join(dir, `articles/${id}.txt`), 'utf8')).toBe(
      'Written by someone else.\n',
    );
    expect(existsSync(join(dir, `articles/${id}.yaml`))).toBe(false);
  });

  it('refuses an empty article text and a date in the wrong form, writing nothing', async () => {
    const files = snapshot();
    const empty = await change({
      kind: 'add-article',
      article: { title: 'Nothing', text: '' },
    });
    expect(empty.status, empty.text).toBe(422);
    const date = await change({
      kind: 'add-article',
      article: {
        title: 'Dated',
        text: 'Alpha met Beta.\n',
        published: { date: '04/03/2022', basis: 'stated', how: 'The dateline.' },
      },
    });
    expect(date.status, date.text).toBe(422);
    expect((date.body as ApiFailure).problems?.[0]?.field).toBe('date');
    expect(snapshot()).toEqual(files);
  });

  it('runs requests one at a time, each on the files the previous one wrote', async () => {
    const second = {
      ...NEW_RELATION,
      source: 'Beta Kingdom',
      target: 'Alpha Republic',
      type: 'opposes',
    };
    const answers = await Promise.all([
      post('change', {
        changes: [{ kind: 'add-relation', article: 'a1', relation: NEW_RELATION }],
        versions: {},
      }),
      post('change', {
        changes: [{ kind: 'add-relation', article: 'a1', relation: second }],
        versions: {},
      }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const yaml = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8');
    expect(yaml.match(/Ann Minister met Betaburg/g)).toHaveLength(2);
    expect((await state()).graphVersion).toBe(3);
  });
});

describe('annotation API: requests it refuses', () => {
  beforeEach(() => start());

  const addRelation = {
    changes: [{ kind: 'add-relation', article: 'a1', relation: NEW_RELATION }],
    versions: {},
  };

  it('answers JSON, never cached, never sniffed, with no CORS headers', async () => {
    for (const answer of [
      await send('GET', 'state'),
      await send('GET', 'nowhere'),
      await post('change', addRelation, { Origin: 'https://evil.example' }),
    ]) {
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual(
        [],
      );
      expect(typeof answer.body).toBe('object');
    }
  });

  it('refuses another origin (403), and writes nothing', async () => {
    const files = snapshot();
    for (const headers of [
      { Origin: 'https://evil.example' } as Record<string, string>,
      { Origin: `http://127.0.0.1:${port + 1}` },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ]) {
      const answer = await post<ApiFailure>('change', addRelation, headers);
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body.reason).toBe('forbidden');
    }
    expect((await post('undo', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    expect(
      (await send('GET', 'state', { headers: { Origin: 'https://evil.example' } })).status,
    ).toBe(403);
    expect(snapshot()).toEqual(files);
    // The page's own origin is fine.
    const own = await post('change', addRelation, {
      Origin: `http://127.0.0.1:${port}`,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(own.status, own.text).toBe(200);
  });

  it(`refuses a request without ${ANNOTATE_HEADER} (403): nothing looked at, nothing written`, async () => {
    // What a page of another site can make a browser send: an <img src> sends no Origin, and
    // a browser may send no Sec-Fetch-Site; a custom header it cannot send without a preflight.
    const bare = { [ANNOTATE_HEADER]: undefined };
    // Another program adds an article: a look would take it in.
    writeFileSync(join(dir, 'articles/a9.txt'), 'Nothing happened.\n');
    writeFileSync(join(dir, 'articles/a9.yaml'), 'title: Quiet\nrelations: []\n');
    const files = snapshot();
    for (const [method, path] of [
      ['GET', 'state'],
      ['GET', 'article?id=a1'],
      ['GET', 'suggestions?article=a1'],
      ['GET', 'nowhere'],
      ['POST', 'change'],
      ['POST', 'undo'],
    ] as const) {
      const answer =
        method === 'POST'
          ? await post<ApiFailure>(path, path === 'undo' ? {} : addRelation, bare)
          : await send<ApiFailure>(method, path, { headers: bare });
      expect(answer.status, path).toBe(403);
      expect(answer.body.reason, path).toBe('forbidden');
      expect(answer.body.message, path).toContain(`header ${ANNOTATE_HEADER}`);
    }
    // The state asked for without it did not make the workbench look at the folder.
    expect(workbench.state().articles.map((a) => a.id)).not.toContain('a9');
    expect(workbench.graphVersion).toBe(1);
    expect(snapshot()).toEqual(files);
    // With it, the same request looks (and takes the new article in).
    const answer = await send<WorkbenchState>('GET', 'state');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.articles.map((a) => a.id)).toContain('a9');
    // Its value does not matter, only that a page could not have sent it across sites.
    expect((await send('GET', 'state', { headers: { [ANNOTATE_HEADER]: 'yes' } })).status).toBe(
      200,
    );
    // Still refused from another origin, header or not.
    const other = await send<ApiFailure>('GET', 'state', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(other.status).toBe(403);
    expect(other.body.message).toMatch(/evil\.example/);
  });

  it(`serves graph.json and its texts without ${ANNOTATE_HEADER} (the page loads them as the static site's)`, async () => {
    const bare = { [ANNOTATE_HEADER]: undefined };
    const graph = await send<GraphFile>('GET', 'graph.json', { headers: bare });
    expect(graph.status, graph.text).toBe(200);
    expect(graph.headers['cross-origin-resource-policy']).toBe('same-origin');
    const texts = await send('GET', graph.body.attributes.texts, { headers: bare });
    expect(texts.status, texts.text).toBe(200);
    expect(texts.headers['cross-origin-resource-policy']).toBe('same-origin');
    // Another origin is refused there too.
    const other = await send('GET', 'graph.json', { headers: { Origin: 'https://evil.example' } });
    expect(other.status).toBe(403);
  });

  it('refuses a host that is not loopback with its port (DNS rebinding): 403', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `192.168.1.5:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
    ]) {
      const answer = await send<ApiFailure>('GET', 'state', { headers: { Host: host } });
      expect(answer.status, host).toBe(403);
      expect(answer.body.message).toMatch(/loopback/);
    }
    const files = snapshot();
    expect((await post('change', addRelation, { Host: `attacker.example:${port}` })).status).toBe(
      403,
    );
    expect(snapshot()).toEqual(files);
    for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await send('GET', 'state', { headers: { Host: host } })).status, host).toBe(200);
    }
  });

  it('refuses a POST that is not application/json: 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
    ]) {
      const answer = await send<ApiFailure>('POST', 'change', {
        body: JSON.stringify(addRelation),
        headers: { 'Content-Type': type },
      });
      expect(answer.status, type).toBe(415);
      expect(answer.body.reason).toBe('malformed');
    }
  });

  it('refuses a body larger than the limit: 413, nothing written', async () => {
    const files = snapshot();
    const huge = JSON.stringify({
      changes: [
        { kind: 'add-article', article: { title: 'Huge', text: 'x'.repeat(MAX_BODY_BYTES) } },
      ],
      versions: {},
    });
    const answer = await send<ApiFailure>('POST', 'change', { body: huge });
    expect(answer.status).toBe(413);
    expect(answer.body.message).toMatch(/larger than 40 MiB/);
    expect(snapshot()).toEqual(files);
  });

  it('refuses malformed JSON and bodies not of the request shape: 400 saying what is wrong', async () => {
    const cases: [string, RegExp][] = [
      ['{"changes": [', /not JSON/],
      ['[]', /the request must be an object/i],
      ['{"changes": [], "versions": {}}', /at least one change/],
      ['{"changes": [{"kind": "add-relation", "article": "a1", "relation": {}}]}', /versions/],
      [
        JSON.stringify({ changes: [{ kind: 'rename-actor' }], versions: {} }),
        /kind "rename-actor" is not a kind of change/,
      ],
      [
        JSON.stringify({
          changes: [
            { kind: 'add-relation', article: 'a1', relation: { ...NEW_RELATION, quote: 5 } },
          ],
          versions: {},
        }),
        /changes\[0\]\.relation\.quote must be a string, not a number/,
      ],
      [
        JSON.stringify({
          changes: [
            { kind: 'add-relation', article: 'a1', relation: { ...NEW_RELATION, extra: 'x' } },
          ],
          versions: {},
        }),
        /unknown field "extra"/,
      ],
      [
        JSON.stringify({
          changes: [{ kind: 'delete-relation', article: 'a1', index: -1 }],
          versions: {},
        }),
        /index must be a whole number/,
      ],
      [JSON.stringify({ ...addRelation, versions: { 'articles/a1.yaml': 3 } }), /must be a string/],
    ];
    for (const [body, message] of cases) {
      const answer = await send<ApiFailure>('POST', 'change', { body });
      expect(answer.status, body).toBe(400);
      expect(answer.body.reason).toBe('malformed');
      expect(answer.body.message, body).toMatch(message);
    }
    expect((await send('POST', 'undo', { body: '{"all": true}' })).status).toBe(400);
  });

  it('refuses paths outside the data folder: an article id like ../x, a version of ../../etc/passwd', async () => {
    const files = snapshot();
    for (const article of ['../x', '../../etc/passwd', '.hidden', 'a/b', '']) {
      const answer = await post<ApiFailure>('change', {
        changes: [{ kind: 'add-relation', article, relation: NEW_RELATION }],
        versions: {},
      });
      expect(answer.status, article).toBe(400);
      expect(answer.body.message).toMatch(/is not an article id/);
    }
    const versions = await post<ApiFailure>('change', {
      ...addRelation,
      versions: { '../../etc/passwd': 'x' },
    });
    expect(versions.status).toBe(400);
    expect(versions.body.message).toMatch(/not a file of the data folder/);
    expect((await send('GET', 'article?id=../actors')).status).toBe(400);
    expect((await send('GET', 'article?id=nope')).status).toBe(404);
    expect(snapshot()).toEqual(files);
  });

  it('answers 404 for an unknown route and 405 for the wrong method; other paths go on', async () => {
    const unknown = await send<ApiFailure>('GET', 'secrets');
    expect(unknown.status).toBe(404);
    expect(unknown.body.reason).toBe('not-found');
    expect((await send('GET', 'articles.0123456789abcdef.json')).status).toBe(404);
    // Names every object has are no routes.
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect((await send('GET', name)).status, name).toBe(404);
    }
    expect((await send('GET', 'change')).status).toBe(405);
    expect((await send('POST', 'state', { body: '{}' })).status).toBe(405);
    // The build's output is GET only.
    const post = await send('POST', 'graph.json', { body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
    const other = await new Promise<number>((resolve) =>
      httpRequest({ host: '127.0.0.1', port, path: '/graph.json' }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      }).end(),
    );
    expect(other).toBe(418);
  });
});

describe('annotation API: a data folder whose articles lead elsewhere', () => {
  let outside: string;
  beforeEach(async () => {
    outside = mkdtempSync(join(tmpdir(), 'actor-graph-outside-'));
    await start();
    // The articles folder becomes a link to a folder outside the data folder.
    renameSync(join(dir, 'articles'), join(outside, 'articles'));
    symlinkSync(join(outside, 'articles'), join(dir, 'articles'));
    ({ port, workbench } = await restartAnnotateServer({ iterations: 5 }));
  });
  afterEach(() => rmSync(outside, { recursive: true, force: true }));

  it('writes nothing through the link: 403', async () => {
    const before = readFileSync(join(outside, 'articles/a1.yaml'), 'utf8');
    const mtime = statSync(join(outside, 'articles/a1.yaml')).mtimeMs;
    const answer = await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION });
    expect(answer.status, answer.text).toBe(403);
    expect((answer.body as ApiFailure).message).toMatch(/leads outside the data folder/);
    expect(readFileSync(join(outside, 'articles/a1.yaml'), 'utf8')).toBe(before);
    expect(statSync(join(outside, 'articles/a1.yaml')).mtimeMs).toBe(mtime);
  });
});

describe('annotation API: a folder made a link after a change', () => {
  it('undoes nothing through the link: 403, the file outside kept', async () => {
    await start();
    const saved = await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION });
    expect(saved.status, saved.text).toBe(200);
    // Another program moves articles/ out and links it back, with the same files.
    const outside = mkdtempSync(join(tmpdir(), 'actor-graph-outside-'));
    try {
      renameSync(join(dir, 'articles'), join(outside, 'articles'));
      symlinkSync(join(outside, 'articles'), join(dir, 'articles'));
      const before = readFileSync(join(outside, 'articles/a1.yaml'), 'utf8');
      const undone = await post<ApiFailure>('undo', {});
      expect(undone.status, undone.text).toBe(403);
      expect(undone.body.message).toMatch(/leads outside the data folder/);
      expect(readFileSync(join(outside, 'articles/a1.yaml'), 'utf8')).toBe(before);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('annotation API: an article file that is a link', () => {
  beforeEach(async () => {
    await start();
    const elsewhere = join(dir, 'kept');
    mkdirSync(elsewhere);
    renameSync(join(dir, 'articles/a1.yaml'), join(elsewhere, 'a1.yaml'));
    symlinkSync(join(elsewhere, 'a1.yaml'), join(dir, 'articles/a1.yaml'));
  });

  it('is not written through: 403', async () => {
    const answer = await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION });
    expect(answer.status, answer.text).toBe(403);
    expect((answer.body as ApiFailure).message).toMatch(/symbolic link/);
  });
});
