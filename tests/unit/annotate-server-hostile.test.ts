/**
 * The workbench's write API over real HTTP, on what a hostile tester found: a folder that does
 * not build, files over the build's read limit, duplicates, a build folder that cannot be
 * written, files removed on disk, stale undo entries, new articles beside files of other
 * names, and dismissed suggestions the data does not know.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiFailure, ChangeResult } from '../../src/core/annotate/api.ts';
import { versionOf } from '../../src/node/annotate/workbench.ts';
import {
  change,
  commentedDataset,
  NEW_RELATION,
  post,
  send,
  snapshot,
  startAnnotateServer,
  state,
  stopAnnotateServer,
} from '../helpers/annotateServer.ts';

let dir: string;

async function start(files = commentedDataset()): Promise<void> {
  ({ dir } = await startAnnotateServer(files));
}

afterEach(() => stopAnnotateServer());

beforeEach(() => start());

const dataFiles = (): Record<string, string> =>
  Object.fromEntries(Object.entries(snapshot()).filter(([p]) => !p.startsWith('build')));

describe('annotation API: a folder that does not build', () => {
  it('writes nothing while another file does not parse: 422 naming its file and line', async () => {
    const first = await state();
    writeFileSync(join(dir, 'actors.yaml'), 'actors:\n  - id: alpha\n   label: [broken\n');
    // The page's next save is a conflict (actors.yaml is named): the disk is taken in.
    const files = dataFiles();
    const change1 = await post<ApiFailure>('change', {
      changes: [
        {
          kind: 'add-relation',
          article: 'a1',
          relation: { ...NEW_RELATION, source: 'Nobody Known' },
        },
      ],
      versions: first.versions,
    });
    expect(change1.status, change1.text).toBe(409);
    const answer = await change({
      kind: 'add-relation',
      article: 'a1',
      relation: { ...NEW_RELATION, source: 'Nobody Known' },
    });
    expect(answer.status, answer.text).toBe(422);
    const failure = answer.body as ApiFailure;
    expect(failure.reason).toBe('refused');
    const elsewhere = failure.problems?.find((p) => p.file === 'actors.yaml');
    expect(elsewhere?.line).toBeGreaterThan(0);
    expect(elsewhere?.message).toMatch(/does not build as it is.*fix actors\.yaml:\d+ first/);
    expect(dataFiles()).toEqual(files);
    expect((await state()).graphVersion).toBe(1);
  });
});

describe('annotation API: an article stored as <id>.yml', () => {
  it('tells an error the file already had as one elsewhere, not as the change’s own', async () => {
    const files = commentedDataset();
    files['articles/a1.yml'] = files['articles/a1.yaml']!;
    delete files['articles/a1.yaml'];
    await stopAnnotateServer();
    await start(files);
    // Another editor leaves an actor nobody knows in a1.yml after the page read it; the page's
    // save takes it in (409).
    const read = await state();
    const broken = `${files['articles/a1.yml']}  - source: Nobody Known\n    type: opposes\n    target: beta\n    quote: Alpha and Beta agree to share intelligence.\n`;
    writeFileSync(join(dir, 'articles/a1.yml'), broken);
    const relation = { ...NEW_RELATION, type: 'opposes' };
    const stale = await post('change', {
      changes: [{ kind: 'add-relation', article: 'a1', relation }],
      versions: read.versions,
    });
    expect(stale.status).toBe(409);
    const before = dataFiles();
    const answer = await change({ kind: 'add-relation', article: 'a1', relation });
    expect(answer.status, answer.text).toBe(422);
    const problems = (answer.body as ApiFailure).problems ?? [];
    expect(problems).toHaveLength(1);
    expect(problems[0]).not.toHaveProperty('change');
    expect(problems[0]?.message).toMatch(
      /^articles\/a1\.yml:\d+: unknown actor "Nobody Known" as source\. The data folder does not build as it is/,
    );
    expect(dataFiles()).toEqual(before);
  });
});

describe('annotation API: files over the build read limit', () => {
  it('refuses a note that would make the YAML file larger than the build reads: 422 at note', async () => {
    const files = snapshot();
    const answer = await change({
      kind: 'add-relation',
      article: 'a1',
      relation: { ...NEW_RELATION, note: 'x'.repeat(5 * 2 ** 20) },
    });
    expect(answer.status, answer.text.slice(0, 500)).toBe(422);
    const problem = (answer.body as ApiFailure).problems?.[0];
    expect(problem).toMatchObject({ field: 'note', change: 0, file: 'articles/a1.yaml' });
    expect(problem?.message).toMatch(/over the 4 MiB the build reads/);
    expect(snapshot()).toEqual(files);
    // The folder still saves.
    const next = await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION });
    expect(next.status, next.text).toBe(200);
  });
});

describe('annotation API: a duplicate relation', () => {
  it('refuses a relation the article has already (same actors, type, quote): 422 at quote', async () => {
    const files = snapshot();
    const answer = await change({
      kind: 'add-relation',
      article: 'a1',
      relation: {
        source: 'Alpha Republic',
        type: 'cooperates-with',
        target: 'beta',
        quote: 'Alpha and Beta agree to share intelligence.',
      },
    });
    expect(answer.status, answer.text).toBe(422);
    expect((answer.body as ApiFailure).problems?.[0]).toMatchObject({ field: 'quote', change: 0 });
    expect((answer.body as ApiFailure).problems?.[0]?.message).toMatch(/duplicate relation/);
    expect(snapshot()).toEqual(files);
  });
});

describe('annotation API: a build folder that cannot be written', () => {
  it('says the data files were saved and graph.json was not; the next save goes through', async () => {
    rmSync(join(dir, 'build'), { recursive: true, force: true });
    mkdirSync(join(dir, 'build', 'graph.json'), { recursive: true });
    const answer = await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION });
    expect(answer.status, answer.text).toBe(500);
    const failure = answer.body as ApiFailure;
    expect(failure.reason).toBe('failed');
    expect(failure.message).toMatch(/^The data files were saved \(articles\/a1\.yaml\)/);
    expect(failure.message).toMatch(/graph\.json could not be updated: /);
    expect(failure.message).not.toMatch(/Nothing was written/);
    const yaml = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8');
    expect(yaml).toContain(NEW_RELATION.quote);
    // The page reads the state again: the version is the server's own write, undo has it.
    const now = await state();
    expect(now.versions['articles/a1.yaml']).toBe(versionOf(yaml));
    expect(now.undo).toBe('Added a relation to articles/a1.yaml');
    rmSync(join(dir, 'build'), { recursive: true, force: true });
    const next = await post('change', {
      changes: [{ kind: 'delete-relation', article: 'a1', index: 4 }],
      versions: now.versions,
    });
    expect(next.status, next.text).toBe(200);
  });
});

describe('annotation API: a file removed on disk', () => {
  it('takes the removal in (409 once), the article leaves the state, a change to it is refused', async () => {
    const read = await state();
    rmSync(join(dir, 'articles/a2.yaml'));
    rmSync(join(dir, 'articles/a2.txt'));
    const first = await post<ApiFailure>('change', {
      changes: [{ kind: 'delete-relation', article: 'a2', index: 0 }],
      versions: read.versions,
    });
    expect(first.status, first.text).toBe(409);
    expect(first.body).toMatchObject({ reason: 'conflict', file: 'articles/a2.yaml' });
    expect(first.body.message).toMatch(/no longer on disk/);
    const now = await state();
    expect(now.articles.map((a) => a.id)).toEqual(['a1']);
    expect(now.versions['articles/a2.yaml']).toBeUndefined();
    expect((await send('GET', 'article?id=a2')).status).toBe(404);
    // Reloaded, the page has no version of it: the change is refused, not a 409 loop.
    const again = await change({ kind: 'delete-relation', article: 'a2', index: 0 });
    expect(again.status, again.text).toBe(422);
    expect((again.body as ApiFailure).message).toMatch(/does not exist/);
    // Other articles save.
    const other = await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION });
    expect(other.status, other.text).toBe(200);
  });
});

describe('annotation API: undo of a change whose file changed outside', () => {
  it('drops that entry with a clear message, then undoes the earlier ones', async () => {
    expect(
      (await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION })).status,
    ).toBe(200);
    const a2Before = readFileSync(join(dir, 'articles/a2.yaml'), 'utf8');
    expect((await change({ kind: 'delete-relation', article: 'a2', index: 0 })).status).toBe(200);
    const edited = readFileSync(join(dir, 'articles/a2.yaml'), 'utf8') + '# by hand\n';
    writeFileSync(join(dir, 'articles/a2.yaml'), edited);
    const stale = await post<ApiFailure>('undo', {});
    expect(stale.status, stale.text).toBe(409);
    expect(stale.body.file).toBe('articles/a2.yaml');
    expect(stale.body.message).toMatch(/dropped from undo/);
    expect(stale.body.message).toMatch(
      /Undo now takes back: Added a relation to articles\/a1\.yaml/,
    );
    expect(readFileSync(join(dir, 'articles/a2.yaml'), 'utf8')).toBe(edited);
    expect((await state()).undo).toBe('Added a relation to articles/a1.yaml');
    const earlier = await post('undo', {});
    expect(earlier.status, earlier.text).toBe(200);
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).not.toContain(NEW_RELATION.quote);
    expect(a2Before).not.toBe(edited);
  });
});

describe('annotation API: a new article beside files of other names', () => {
  it('skips an id another editor has taken with .yml or .TXT (any case)', async () => {
    const article = {
      title: 'Hello',
      outlet: 'ZZ',
      published: { date: '2015-10', basis: 'stated', how: 'The dateline.' },
      text: 'Hello world.\n',
    };
    writeFileSync(join(dir, 'articles/zz-2015-10-hello.yml'), 'title: other\nrelations: []\n');
    writeFileSync(join(dir, 'articles/ZZ-2015-10-HELLO-2.TXT'), 'Other text.\n');
    // Sent without asking the state first (which would take these half pairs in: the folder
    // would then not build, and the article be refused).
    const answer = await post('change', {
      changes: [{ kind: 'add-article', article }],
      versions: {},
    });
    expect(answer.status, answer.text).toBe(200);
    expect((answer.body as ChangeResult).written).toEqual([
      'articles/zz-2015-10-hello-3.yaml',
      'articles/zz-2015-10-hello-3.txt',
    ]);
    expect(readFileSync(join(dir, 'articles/zz-2015-10-hello.yml'), 'utf8')).toBe(
      'title: other\nrelations: []\n',
    );
  });
});

describe('annotation API: dismissed suggestions the data does not know', () => {
  const good = {
    source: 'ann-minister',
    type: 'cooperates-with',
    target: 'beta',
    quote: 'Ann Minister met Betaburg officials on Monday.',
  };
  const dismiss = (suggestion: typeof good) =>
    change({ kind: 'dismiss-suggestion', article: 'a1', suggestion });

  it('refuses unknown ids and types, a quote not in the text, invisible characters: 422 at the field', async () => {
    const files = snapshot();
    const cases: [Partial<typeof good>, string, RegExp][] = [
      [{ source: 'nobody' }, 'source', /not an actor id/],
      [{ target: 'nobody' }, 'target', /not an actor id/],
      [{ type: 'bribes' }, 'type', /not a relation type/],
      [{ quote: 'Never said.' }, 'quote', /not in the text/],
      [{ quote: 'Ann Minister met\u202e Betaburg officials on Monday.' }, 'quote', /invisible/],
      [{ source: 'ann-\u200bminister' }, 'source', /invisible/],
    ];
    for (const [override, field, message] of cases) {
      const answer = await dismiss({ ...good, ...override });
      expect(answer.status, answer.text).toBe(422);
      const problem = (answer.body as ApiFailure).problems?.[0];
      expect(problem, field).toMatchObject({ field, change: 0 });
      expect(problem?.message).toMatch(message);
    }
    expect(snapshot()).toEqual(files);
    const ok = await dismiss(good);
    expect(ok.status, ok.text).toBe(200);
  });
});
