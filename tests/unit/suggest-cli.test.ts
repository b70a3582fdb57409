import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseArticleText } from '../../src/core/pipeline/text.ts';
import type { SuggestionJson } from '../../src/core/suggest/format.ts';
import { smallDataset, writeDataset } from '../helpers/dataset.ts';
import { ROOT, runScript } from '../helpers/run.ts';

/**
 * The small test dataset with the project's full CAMEO lists, and articles that are hard to
 * read: empty, without any actor, without sentence punctuation, in other scripts, 200 KB.
 */
function dataset(): Record<string, string> {
  const files = smallDataset();
  files['relation-types.yaml'] = readFileSync(join(ROOT, 'graph-data/relation-types.yaml'), 'utf8');
  files['articles/empty.txt'] = '';
  files['articles/no-actors.txt'] = 'The weather was fine. Nobody attacked anybody.\n';
  files['articles/no-punctuation.txt'] =
    `${'alpha and beta agreed to share intelligence and Gamma Front attacked Alphaville '.repeat(200)}\n`;
  files['articles/scripts.txt'] =
    'Россия и США договорились. 中国和美国同意合作。 Alpha Republic condemned Gamma Front. مرحبا\n';
  let big = '';
  const sentence =
    'The Alphans said on Monday that Gamma Front attacked Alphaville, and Alpha and Beta agreed to share intelligence. ';
  while (big.length < 200 * 1024) big += sentence;
  files['articles/big.txt'] = big;
  // A text saved with Windows line ends: quotes are spans of the text the build reads.
  files['articles/crlf.txt'] =
    'Gamma Front attacked Alphaville.\r\nBeta Kingdom condemned Gamma Front.\r\n';
  return files;
}

let dir: string;
beforeAll(() => {
  dir = writeDataset(dataset());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const suggest = (...args: string[]) => runScript('suggest.ts', ['--data', dir, ...args]);
/** Run as runScript does, with room for the megabytes of JSON a 200 KB article gives. */
const runLarge = (...args: string[]) =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', `${ROOT}/scripts/suggest.ts`, '--data', dir, '--json', ...args],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
  );
const json = (...args: string[]): SuggestionJson[] => {
  const run = runLarge(...args);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as SuggestionJson[];
};

describe('npm run suggest', { timeout: 120_000 }, () => {
  it('prints JSON suggestions whose quotes are verbatim spans and whose names are actor ids', () => {
    const items = json('--article', 'a1');
    const text = readFileSync(join(dir, 'articles/a1.txt'), 'utf8');
    const ids = ['alpha', 'beta', 'gamma-front', 'ann-minister'];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(['source', 'type', 'target', 'modality', 'quote', 'score', 'why']),
      );
      expect(ids).toContain(item.source);
      expect(ids).toContain(item.target);
      expect(text.slice(item.evidence.sentence.start, item.evidence.sentence.end)).toBe(item.quote);
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(1);
    }
    expect(items.map((i) => `${i.source} ${i.type} ${i.target}`)).toEqual(
      expect.arrayContaining(['alpha cooperates-with beta', 'gamma-front opposes alpha']),
    );
    // Best first.
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
  });

  it('prints YAML items that can be pasted under relations: and that the build accepts', () => {
    const run = suggest('--article', 'crlf');
    expect(run.status, run.stderr).toBe(0);
    const relations = (parse(`relations:\n${run.stdout}`) as { relations: { quote: string }[] })
      .relations;
    expect(relations.length).toBeGreaterThan(0);
    const normalised = normaliseArticleText(readFileSync(join(dir, 'articles/crlf.txt'), 'utf8'));
    const raw = readFileSync(join(dir, 'articles/crlf.txt'), 'utf8');
    for (const r of relations) {
      expect(normalised).toContain(r.quote);
      expect(raw).toContain(r.quote);
    }
    writeFileSync(join(dir, 'articles/crlf.yaml'), `title: Pasted\nrelations:\n${run.stdout}`);
    const build = runScript('build-graph.ts', [
      '--data',
      dir,
      '--out',
      join(dir, 'out'),
      '--quiet',
    ]);
    expect(build.stderr).not.toMatch(/crlf\.yaml.*error/);
    rmSync(join(dir, 'articles/crlf.yaml'));
  });

  it('leaves out what is already annotated with --new-only', () => {
    const all = json('--article', 'a1');
    const fresh = json('--article', 'a1', '--new-only');
    expect(fresh.length).toBeLessThan(all.length);
    expect(fresh.map((i) => `${i.source} ${i.type} ${i.target}`)).not.toContain(
      'alpha cooperates-with beta',
    );
  });

  it('leaves out what the article has dismissed with --new-only; eval:suggest still scores it', () => {
    const sentence = 'Gamma Front attacked Betaburg on Tuesday.';
    writeFileSync(join(dir, 'articles/dismissed.txt'), `${sentence}\n`);
    writeFileSync(join(dir, 'articles/dismissed.yaml'), 'title: Dismissed\nrelations: []\n');
    try {
      const key = (i: SuggestionJson) => `${i.source} ${i.type} ${i.target}`;
      expect(json('--article', 'dismissed', '--new-only').map(key)).toEqual([
        'gamma-front opposes beta',
      ]);
      const evalBefore = runScript('eval-suggest.ts', ['--data', dir]);
      expect(evalBefore.status, evalBefore.stderr).toBe(0);
      writeFileSync(
        join(dir, 'articles/dismissed.yaml'),
        `title: Dismissed\nrelations: []\ndismissedSuggestions:\n  - source: gamma-front\n    type: opposes\n    target: beta\n    quote: ${sentence}\n`,
      );
      expect(json('--article', 'dismissed', '--new-only')).toEqual([]);
      const text = suggest('--article', 'dismissed', '--new-only');
      expect(text.stdout).toContain('0 suggestions not yet annotated or dismissed');
      // Without --new-only, and in the evaluation (which scores the machine), it stays.
      expect(json('--article', 'dismissed').map(key)).toEqual(['gamma-front opposes beta']);
      const evalAfter = runScript('eval-suggest.ts', ['--data', dir]);
      expect(evalAfter.status, evalAfter.stderr).toBe(0);
      expect(evalAfter.stdout).toBe(evalBefore.stdout);
      expect(evalAfter.stdout).toMatch(/^opposes\s+[1-9]/m);
    } finally {
      rmSync(join(dir, 'articles/dismissed.txt'));
      rmSync(join(dir, 'articles/dismissed.yaml'));
    }
  });

  it('does every article with --all, naming each', () => {
    const items = json('--all');
    expect(new Set(items.map((i) => i.article))).toEqual(
      new Set(['a1', 'a2', 'big', 'crlf', 'no-punctuation', 'scripts']),
    );
  });

  it('gives an empty list, with a note, for an empty article and for one without actors', () => {
    for (const [article, note] of [
      ['empty', 'the article text is empty'],
      ['no-actors', 'no actor of actors.yaml is named'],
    ]) {
      const run = suggest('--json', '--article', article!);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual([]);
      expect(run.stderr).toContain(note);
    }
  });

  it('reads text without sentence punctuation and in other scripts', () => {
    expect(json('--article', 'no-punctuation').length).toBeGreaterThan(0);
    expect(json('--article', 'scripts').map((i) => `${i.source} ${i.type} ${i.target}`)).toEqual([
      'alpha opposes gamma-front',
    ]);
  });

  it('reads a 200 KB article (how fast is measured in npm run bench)', () => {
    const items = json('--article', 'big');
    expect(items.length).toBeGreaterThan(1000);
  });

  it('refuses a text the build refuses (a NUL in it), naming the place; --all does the others', () => {
    const nul = join(dir, 'articles/nul.txt');
    writeFileSync(nul, 'Alpha attacked\0 Beta.\0Gamma Front condemned Alpha.\n');
    try {
      const one = suggest('--json', '--article', 'nul');
      expect(one.status).toBe(1);
      expect(one.stdout).toBe('');
      expect(one.stderr).toContain(
        `${nul}:1:15: error: the article text contains the control character U+0000 (NUL)`,
      );
      const all = runLarge('--all');
      expect(all.status).toBe(1);
      const articles = new Set((JSON.parse(all.stdout) as SuggestionJson[]).map((i) => i.article));
      expect(articles.has('a1')).toBe(true);
      expect(articles.has('nul')).toBe(false);
    } finally {
      rmSync(nul);
    }
  });

  it('refuses an unknown article, a missing folder and a broken cue file with a clear message', () => {
    const unknown = suggest('--article', 'a9');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no article "a9"');
    expect(unknown.stderr).toContain('Articles: a1, a2');
    const missing = runScript('suggest.ts', ['--data', join(dir, 'nowhere'), '--article', 'a1']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('the data folder does not exist');
    const cues = join(dir, 'bad-cues.yaml');
    writeFileSync(
      cues,
      'roots:\n  - code: "19"\n    name: fight\n    verbs: attack\nmodality: {}\n',
    );
    const broken = suggest('--article', 'a1', '--cues', cues);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(
      `${cues}:4:12: error: roots[0].verbs must be an array, not a string`,
    );
    const usage = suggest();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--article ID');
  });
});

describe('npm run eval:suggest', { timeout: 60_000 }, () => {
  it('prints the table of precision, recall and F1 per relation type and modality accuracy', () => {
    const run = runScript('eval-suggest.ts', ['--data', dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /relation type\s+suggested\s+annotated\s+matched\s+precision\s+recall\s+F1/,
    );
    for (const row of ['cooperates-with', 'opposes', 'proposes-to', 'overall']) {
      expect(run.stdout).toMatch(
        new RegExp(`^${row}\\s+\\d+\\s+\\d+\\s+\\d+\\s+[01]\\.\\d\\d`, 'm'),
      );
    }
    expect(run.stdout).toMatch(/^by relation\s+\d+\s+\d+\s+\d+\s+[01]\.\d\d/m);
    expect(run.stdout).toMatch(/^same sentence\s+\d+\s+\d+\s+\d+\s+[01]\.\d\d/m);
    expect(run.stdout).toMatch(/Modality on the \d+ matched: \d+ right/);
    const json = JSON.parse(runScript('eval-suggest.ts', ['--data', dir, '--json']).stdout);
    expect(json.relations.annotated).toBeLessThanOrEqual(json.overall.annotated);
    expect(json.relations).toHaveProperty('recall');
    expect(json.sameSentence.matched).toBeLessThanOrEqual(json.overall.matched);
  });

  it('refuses to score a folder with a text the build refuses (a NUL), naming the place', () => {
    const nul = join(dir, 'articles/nul.txt');
    writeFileSync(nul, 'Alpha attacked\0 Beta.\n');
    writeFileSync(join(dir, 'articles/nul.yaml'), 'title: NUL\nrelations: []\n');
    try {
      const run = runScript('eval-suggest.ts', ['--data', dir]);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(
        `${nul}:1:15: error: the article text contains the control character U+0000 (NUL)`,
      );
      expect(run.stderr).toContain('Cannot evaluate: the data or the cue lexicon has errors');
    } finally {
      rmSync(nul);
      rmSync(join(dir, 'articles/nul.yaml'));
    }
  });

  it('scores only what --min-score keeps, as npm run suggest -- --min-score gives it', () => {
    const all = JSON.parse(runScript('eval-suggest.ts', ['--data', dir, '--json']).stdout);
    const high = runScript('eval-suggest.ts', ['--data', dir, '--json', '--min-score', '0.7']);
    expect(high.status, high.stderr).toBe(0);
    const kept = JSON.parse(high.stdout);
    const listed = json('--all', '--min-score', '0.7');
    expect(kept.minScore).toBe(0.7);
    expect(listed.every((s) => s.score >= 0.7)).toBe(true);
    expect(kept.overall.suggested).toBeLessThan(all.overall.suggested);
    expect(kept.overall.annotated).toBe(all.overall.annotated);
    // The same suggestions: every one of the annotated articles.
    const annotated = new Set(
      readdirSync(join(dir, 'articles'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => f.slice(0, -'.yaml'.length)),
    );
    const scored = listed.filter((s) => annotated.has(s.article!));
    expect(scored.length).toBeGreaterThan(0);
    expect(kept.overall.suggested).toBe(scored.length);
    const bad = runScript('eval-suggest.ts', ['--data', dir, '--min-score', '2']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--min-score must be a number from 0 to 1, not "2"');
  });

  it("adds the learned reader's suggestions, scored below the rules', and --rules-only leaves them out", () => {
    // A held-out set of the repository, annotated: the learned reader finds something there.
    const data = join(ROOT, 'tests/fixtures/heldout-n');
    const article = 'heldout-n-04-moldova-transnistria-gas-offer';
    const run = (...extra: string[]) => {
      const r = runScript('suggest.ts', ['--data', data, '--article', article, '--json', ...extra]);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as SuggestionJson[];
    };
    const all = run();
    const learned = all.filter((s) => s.why.startsWith('learned from'));
    expect(learned.length).toBeGreaterThan(0);
    for (const s of learned) {
      expect(s.score).toBeLessThanOrEqual(0.45);
      expect(s.why).toMatch(/\(p 0\.\d\d\), not read from the sentence's structure: ./);
    }
    const rules = run('--rules-only');
    expect(rules.some((s) => s.why.startsWith('learned'))).toBe(false);
    expect(rules.length).toBe(all.length - learned.length);
    const scored = (...extra: string[]) =>
      JSON.parse(runScript('eval-suggest.ts', ['--data', data, '--json', ...extra]).stdout) as {
        rulesOnly: boolean;
        overall: { suggested: number };
      };
    const withLearned = scored();
    const alone = scored('--rules-only');
    expect([withLearned.rulesOnly, alone.rulesOnly]).toEqual([false, true]);
    expect(alone.overall.suggested).toBeLessThan(withLearned.overall.suggested);
  });

  it('takes a model written elsewhere with --model, and says clearly when it cannot', () => {
    const article = ['--data', dir, '--article', 'a1', '--json'];
    const model = join(dir, 'model.json');
    // A model that finds every opposing pair likely: it shows in the why.
    writeFileSync(
      model,
      JSON.stringify({ threshold: 0.5, articles: 1, weights: { 'opposes|bias': 3 } }),
    );
    const run = runScript('suggest.ts', [...article, '--model', model]);
    expect(run.status, run.stderr).toBe(0);
    const learned = (JSON.parse(run.stdout) as SuggestionJson[]).filter((s) =>
      s.why.startsWith('learned from 1 annotated articles (p 0.95)'),
    );
    expect(learned.length).toBeGreaterThan(0);
    expect(learned.every((s) => s.type === 'opposes')).toBe(true);
    const missing = runScript('suggest.ts', [...article, '--model', join(dir, 'none.json')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(
      /none\.json does not exist; write it with npm run train:suggest -- --out/,
    );
    writeFileSync(model, '{"threshold": 0.3,');
    const broken = runScript('eval-suggest.ts', ['--data', dir, '--model', model]);
    expect(broken.status).toBe(1);
    // Written again where it is, not over the project's model.
    expect(broken.stderr).toContain(`; write it with npm run train:suggest -- --out ${model}`);
    writeFileSync(
      model,
      JSON.stringify({ threshold: 0.3, articles: 1, weights: { 'opposes|bias': 'high' } }),
    );
    const wrong = runScript('suggest.ts', [...article, '--model', model]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/the weight of "opposes\|bias" is not a number/);
    expect(wrong.stderr).toContain(`run npm run train:suggest -- --out ${model} to write it again`);
    // A path with a space is quoted in the command to paste.
    const spaced = join(dir, 'my model.json');
    writeFileSync(spaced, '{');
    const quoted = runScript('suggest.ts', [...article, '--model', spaced]);
    expect(quoted.stderr).toContain(`npm run train:suggest -- --out '${spaced}'`);
    rmSync(spaced);
    const both = runScript('suggest.ts', [...article, '--model', model, '--rules-only']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--model and --rules-only cannot go together');
    rmSync(model);
  });
});
