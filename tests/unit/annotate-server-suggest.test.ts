/**
 * The workbench's suggestions over real HTTP (GET suggestions?article=ID) on a temporary copy of
 * the small dataset: verbatim quotes at the reader's offsets, nothing already annotated, a
 * dismissal (POST dismiss-suggestion) remembered in the YAML with its comments kept and taken
 * back by undo, an accepted suggestion gone as annotated, the cue file's errors at their line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ApiFailure,
  ArticleView,
  ChangeResult,
  SuggestionView,
  SuggestionsView,
  WorkbenchState,
} from '../../src/core/annotate/api.ts';
import { versionOf } from '../../src/node/annotate/workbench.ts';
import {
  change,
  get,
  post,
  send,
  startAnnotateServer,
  stopAnnotateServer,
} from '../helpers/annotateServer.ts';
import { smallDataset } from '../helpers/dataset.ts';

/** The small dataset with comments, and sentences no relation quotes yet. */
function dataset(): Record<string, string> {
  const files = smallDataset();
  files['articles/a1.txt'] +=
    'Gamma Front attacked Betaburg on Tuesday.\nBeta Kingdom and Gamma Front held talks in Geneva.\n';
  files['articles/a1.yaml'] = files['articles/a1.yaml']!.replace(
    'relations:\n',
    '# Checked by hand.\nrelations:  # in text order\n',
  ).replace('  - source: Minister\n', '  # The call:\n  - source: Minister\n');
  files['articles/a1.yaml'] += '# Trailing comment.\n';
  files['articles/a2.txt'] += 'Gamma Front attacked Alphaville.\r\n';
  return files;
}

const ACTORS = ['alpha', 'beta', 'gamma-front', 'ann-minister'];

let dir: string;
let port: number;

async function start(files = dataset()): Promise<void> {
  ({ dir, port } = await startAnnotateServer(files));
}

afterEach(() => stopAnnotateServer());

async function suggestions(article = 'a1'): Promise<SuggestionsView> {
  const answer = await get<SuggestionsView>(`suggestions?article=${article}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
}

const key = (s: Pick<SuggestionView, 'source' | 'type' | 'target'>) =>
  `${s.source} ${s.type} ${s.target}`;

const dismissal = (s: SuggestionView) => ({
  source: s.source,
  type: s.type,
  target: s.target,
  quote: s.quote,
});

describe('annotation API: suggestions', { timeout: 30_000 }, () => {
  it('proposes verbatim sentences of the reader text, with actor ids, none already annotated', async () => {
    await start();
    const view = await suggestions();
    const article = (await get<ArticleView>('article?id=a1')).body;
    expect(view.article).toBe('a1');
    expect(view.version).toBe(article.version);
    expect(view.dismissed).toBe(0);
    expect(view.ambiguous).toEqual([]);
    expect(view.suggestions.map(key)).toEqual(
      expect.arrayContaining(['gamma-front opposes beta', 'beta cooperates-with gamma-front']),
    );
    for (const s of view.suggestions) {
      expect(article.text.slice(s.evidence.sentence.start, s.evidence.sentence.end)).toBe(s.quote);
      for (const part of [s.evidence.source, s.evidence.target, s.evidence.cue]) {
        expect(article.text.slice(part.start, part.end)).toBe(part.text);
      }
      expect(ACTORS).toContain(s.source);
      expect(ACTORS).toContain(s.target);
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(s.why).not.toBe('');
      expect(Object.keys(s).sort()).toEqual(
        ['evidence', 'modality', 'quote', 'score', 'source', 'target', 'type', 'why'].sort(),
      );
      // Not one of the article's relations with a quote in the same sentence.
      const same = article.relations.filter(
        (r) =>
          r.type === s.type &&
          r.start !== undefined &&
          r.start < s.evidence.sentence.end &&
          s.evidence.sentence.start < r.end! &&
          ((r.sourceId === s.source && r.targetId === s.target) ||
            (s.type === 'cooperates-with' && r.sourceId === s.target && r.targetId === s.source)),
      );
      expect(same, key(s)).toEqual([]);
    }
    // "Alpha and Beta agree to share intelligence." is annotated: not proposed again.
    expect(view.suggestions.map((s) => s.quote)).not.toContain(
      'Alpha and Beta agree to share intelligence.',
    );
    expect(view.suggestions.map((s) => s.score)).toEqual(
      [...view.suggestions.map((s) => s.score)].sort((a, b) => b - a),
    );
  });

  it('uses offsets of the normalised text (CRLF line ends) as the reader does', async () => {
    await start();
    const view = await suggestions('a2');
    const article = (await get<ArticleView>('article?id=a2')).body;
    expect(article.text).not.toContain('\r');
    expect(view.suggestions.map(key)).toEqual(['gamma-front opposes alpha']);
    for (const s of view.suggestions) {
      expect(article.text.slice(s.evidence.sentence.start, s.evidence.sentence.end)).toBe(s.quote);
    }
  });

  it('remembers a dismissal in the YAML (comments kept), leaves it out, and undo brings it back', async () => {
    await start();
    const before = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8');
    const graphBefore = (await get<unknown>('graph.json')).text;
    const graphVersion = (await get<WorkbenchState>('state')).body.graphVersion;
    const first = await suggestions();
    const attack = first.suggestions.find((s) => key(s) === 'gamma-front opposes beta')!;
    const answer = await change({
      kind: 'dismiss-suggestion',
      article: 'a1',
      suggestion: dismissal(attack),
    });
    expect(answer.status, answer.text).toBe(200);
    const result = answer.body as ChangeResult;
    expect(result.written).toEqual(['articles/a1.yaml']);
    expect(result.state.undo).toBe('Dismissed a suggestion in articles/a1.yaml');
    const after = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      'dismissedSuggestions:\n  - source: gamma-front\n    type: opposes\n    target: beta\n    quote: Gamma Front attacked Betaburg on Tuesday.\n',
    );
    expect(result.state.versions['articles/a1.yaml']).toBe(versionOf(after));
    // The relations are as they were.
    expect(result.article?.relations).toHaveLength(4);
    // The graph too: not rebuilt, not reloaded by the page.
    expect(result.state.graphVersion).toBe(graphVersion);
    expect((await get<unknown>('graph.json')).text).toBe(graphBefore);

    const second = await suggestions();
    expect(second.suggestions.map(key)).not.toContain('gamma-front opposes beta');
    expect(second.suggestions.map(key)).toContain('beta cooperates-with gamma-front');
    expect(second.dismissed).toBe(1);
    expect(second.version).toBe(versionOf(after));

    // Dismissed again: the file stays as it is.
    const again = await change({
      kind: 'dismiss-suggestion',
      article: 'a1',
      suggestion: dismissal(attack),
    });
    expect(again.status, again.text).toBe(200);
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toBe(after);

    expect((await post('undo', {})).status).toBe(200);
    expect((await post('undo', {})).status).toBe(200);
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toBe(before);
    expect((await get<WorkbenchState>('state')).body.graphVersion).toBe(graphVersion);
    expect((await get<unknown>('graph.json')).text).toBe(graphBefore);
    const third = await suggestions();
    expect(third.suggestions.map(key)).toContain('gamma-front opposes beta');
    expect(third.dismissed).toBe(0);
  });

  it('leaves out a dismissed symmetric relation named in the other order', async () => {
    await start();
    const talks = (await suggestions()).suggestions.find(
      (s) => key(s) === 'beta cooperates-with gamma-front',
    )!;
    const answer = await change({
      kind: 'dismiss-suggestion',
      article: 'a1',
      suggestion: { ...dismissal(talks), source: talks.target, target: talks.source },
    });
    expect(answer.status, answer.text).toBe(200);
    const view = await suggestions();
    expect(view.suggestions.map(key)).not.toContain('beta cooperates-with gamma-front');
    expect(view.dismissed).toBe(1);
  });

  it('leaves out an accepted suggestion as annotated', async () => {
    await start();
    const attack = (await suggestions()).suggestions.find(
      (s) => key(s) === 'gamma-front opposes beta',
    )!;
    const answer = await change({
      kind: 'add-relation',
      article: 'a1',
      relation: {
        source: attack.source,
        type: attack.type,
        target: attack.target,
        modality: attack.modality,
        quote: attack.quote,
      },
    });
    expect(answer.status, answer.text).toBe(200);
    const view = await suggestions();
    expect(view.suggestions.map(key)).not.toContain('gamma-front opposes beta');
    expect(view.dismissed).toBe(0);
  });

  it('rebuilds the graph when a dismissal comes with a relation in one request', async () => {
    await start();
    const view = await suggestions();
    const [attack, talks] = ['gamma-front opposes beta', 'beta cooperates-with gamma-front'].map(
      (k) => view.suggestions.find((s) => key(s) === k)!,
    );
    const graphVersion = (await get<WorkbenchState>('state')).body.graphVersion;
    const answer = await change(
      { kind: 'dismiss-suggestion', article: 'a1', suggestion: dismissal(talks!) },
      {
        kind: 'add-relation',
        article: 'a1',
        relation: { ...dismissal(attack!), modality: attack!.modality },
      },
    );
    expect(answer.status, answer.text).toBe(200);
    expect((answer.body as ChangeResult).state.graphVersion).toBe(graphVersion + 1);
    const after = await suggestions();
    expect(after.suggestions.map(key)).not.toContain('gamma-front opposes beta');
    expect(after.suggestions.map(key)).not.toContain('beta cooperates-with gamma-front');
    expect(after.dismissed).toBe(1);
    expect((await post('undo', {})).status).toBe(200);
    expect((await suggestions()).suggestions.map(key)).toEqual(
      expect.arrayContaining(['gamma-front opposes beta', 'beta cooperates-with gamma-front']),
    );
  });

  it('refuses malformed dismissals (400) and empty fields (422 at the field), writing nothing', async () => {
    await start();
    const before = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8');
    const suggestion = {
      source: 'gamma-front',
      type: 'opposes',
      target: 'beta',
      quote: 'Gamma Front attacked Betaburg on Tuesday.',
    };
    const versions = (await get<WorkbenchState>('state')).body.versions;
    for (const bad of [
      { kind: 'dismiss-suggestion', article: 'a1', suggestion: { ...suggestion, score: 1 } },
      { kind: 'dismiss-suggestion', article: 'a1', suggestion: { ...suggestion, quote: 3 } },
      { kind: 'dismiss-suggestion', article: 'a1' },
      { kind: 'dismiss-suggestion', article: '../actors', suggestion },
      { kind: 'dismiss-suggestion', article: 'a1', suggestion, index: 0 },
    ]) {
      const answer = await post<ApiFailure>('change', { changes: [bad], versions });
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect(answer.body.reason).toBe('malformed');
    }
    const empty = await post<ApiFailure>('change', {
      changes: [
        { kind: 'dismiss-suggestion', article: 'a1', suggestion: { ...suggestion, quote: '' } },
      ],
      versions,
    });
    expect(empty.status).toBe(422);
    expect(empty.body.problems?.[0]).toMatchObject({ field: 'quote', change: 0 });
    const unknown = await post<ApiFailure>('change', {
      changes: [{ kind: 'dismiss-suggestion', article: 'nope', suggestion }],
      versions,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toMatch(/"nope" does not exist/);
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toBe(before);
  });

  it('answers 404 for an unknown article, 400 for a malformed id, 405 for a POST, 403 for another origin', async () => {
    await start();
    const unknown = await get<ApiFailure>('suggestions?article=nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, reason: 'not-found' });
    for (const bad of ['suggestions', 'suggestions?article=', 'suggestions?article=..%2Fx']) {
      const answer = await get<ApiFailure>(bad);
      expect(answer.status, bad).toBe(400);
      expect(answer.body.reason).toBe('malformed');
    }
    expect((await post('suggestions?article=a1', {})).status).toBe(405);
    const other = await send<ApiFailure>('GET', 'suggestions?article=a1', {
      headers: { Origin: 'http://evil.example' },
    });
    expect(other.status).toBe(403);
    const host = await send<ApiFailure>('GET', 'suggestions?article=a1', {
      headers: { Host: `evil.example:${port}` },
    });
    expect(host.status).toBe(403);
  });

  it("uses the data folder's cue file; its errors are a 500 naming the file and line, until it is fixed", async () => {
    const files = dataset();
    files['suggest-cues.yaml'] = `roots:
  - code: "19"
    name: fight
    verbs: attack
modality: {}
`;
    await start(files);
    const broken = await get<ApiFailure>('suggestions?article=a1');
    expect(broken.status).toBe(500);
    expect(broken.body.reason).toBe('failed');
    expect(broken.body.message).toMatch(/suggest-cues\.yaml:4:\d+: error: .*verbs/);
    expect(broken.body.problems?.[0]).toMatchObject({ file: 'suggest-cues.yaml', line: 4 });

    writeFileSync(
      join(dir, 'suggest-cues.yaml'),
      files['suggest-cues.yaml'].replace('verbs: attack', 'verbs: [attack]'),
    );
    const view = await suggestions();
    // Only the cue of that file: the talks are not proposed, by the rules or the learned reader.
    expect(view.suggestions.filter((s) => !s.why.startsWith('learned')).map(key)).toEqual([
      'gamma-front opposes beta',
    ]);
    expect(view.suggestions.every((s) => s.type === 'opposes')).toBe(true);
  });

  it('suggests nothing from a text the build refuses (a NUL), naming the file and line', async () => {
    await start();
    // The workbench does not start on a folder that does not build: the text changes after,
    // and the page's next look at the folder takes it in.
    writeFileSync(join(dir, 'articles/a2.txt'), 'Gamma Front attacked\0 Alphaville.\n');
    await get('state');
    const refused = await get<ApiFailure>('suggestions?article=a2');
    expect(refused.status).toBe(500);
    expect(refused.body.message).toContain('the text of "a2" has characters the build refuses');
    expect(refused.body.problems?.[0]).toMatchObject({ file: 'articles/a2.txt', line: 1 });
    expect(refused.body.problems?.[0]?.message).toContain('U+0000 (NUL)');
  });
});
