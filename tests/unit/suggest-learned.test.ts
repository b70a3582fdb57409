import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor, RelationType } from '../../src/core/model.ts';
import {
  describeFeature,
  probability,
  readModel,
  trainLogistic,
  TRAINING,
  withoutRareWords,
  type Example,
  type LearnedModel,
} from '../../src/core/suggest/learned.ts';
import { compileLexicon, type CueFile } from '../../src/core/suggest/lexicon.ts';
import {
  LEARNED_MAX_SCORE,
  learnedCandidates,
  makeSuggester,
  readSentences,
  suggestRelations,
} from '../../src/core/suggest/suggest.ts';
import { trainingExamples } from '../../src/core/suggest/training.ts';
import { builtInModel, modelTypesNote, readModelFile } from '../../src/node/suggestModel.ts';
import { writeDataset } from '../helpers/dataset.ts';
import { ROOT, runScript } from '../helpers/run.ts';

const cueFile = parse(readFileSync(join(ROOT, 'graph-data/suggest-cues.yaml'), 'utf8')) as CueFile;
const TYPES: RelationType[] = (
  parse(readFileSync(join(ROOT, 'graph-data/relation-types.yaml'), 'utf8')) as {
    relationTypes: RelationType[];
  }
).relationTypes;
const ACTORS: Actor[] = [
  { id: 'norland', label: 'Norland', kind: 'state' },
  { id: 'sudmark', label: 'Sudmark', kind: 'state' },
  { id: 'ostria', label: 'Ostria', kind: 'state' },
  { id: 'anna-berg', label: 'Anna Berg', kind: 'person', affiliation: 'sudmark' },
];
const lexicon = compileLexicon(cueFile, TYPES);
const model = (weights: Record<string, number>, threshold = 0.5): LearnedModel =>
  readModel({ threshold, articles: 7, weights }, 'test model');
const withModel = (m: LearnedModel | null) => makeSuggester(ACTORS, TYPES, lexicon, m);
const learned = (text: string, m: LearnedModel) =>
  suggestRelations(text, withModel(m)).suggestions.filter((s) => s.why.startsWith('learned'));
const line = (s: { source: string; type: string; target: string; modality: string }) =>
  `${s.source} ${s.type} ${s.target} ${s.modality}`;

describe('the learned reader (learned.ts)', () => {
  it('trains a logistic regression that separates the examples, the same way twice', () => {
    const examples: Example[] = [];
    for (let i = 0; i < 20; i++) {
      examples.push({ features: ['t|bias', 't|good', `t|noise${i % 3}`], label: 1 });
      examples.push({ features: ['t|bias', 't|bad', `t|noise${i % 3}`], label: 0 });
    }
    const weights = trainLogistic(examples);
    const m: LearnedModel = { threshold: 0.5, weights, types: ['t'], articles: 1 };
    expect(probability(m, ['t|bias', 't|good'])).toBeGreaterThan(0.9);
    expect(probability(m, ['t|bias', 't|bad'])).toBeLessThan(0.1);
    expect(weights.get('t|good')!).toBeGreaterThan(0);
    expect(weights.get('t|bad')!).toBeLessThan(0);
    expect([...trainLogistic(examples)]).toEqual([...weights]);
  });

  it('averages the weights of fits that visit the examples in orders of their own', () => {
    const examples: Example[] = [];
    for (let i = 0; i < 30; i++)
      examples.push({ features: ['t|bias', `t|w${i % 7}`], label: i % 3 === 0 ? 1 : 0 });
    const one = (seed: number) => trainLogistic(examples, { ...TRAINING, fits: 1, seed });
    const [first, second] = [one(1), one(2)];
    // Two orders give two models; the average of two fits is their mean.
    expect([...first]).not.toEqual([...second]);
    const averaged = trainLogistic(examples, { ...TRAINING, fits: 2, seed: 1 });
    for (const [f, w] of averaged) expect(w).toBeCloseTo((first.get(f)! + second.get(f)!) / 2, 12);
    expect(TRAINING.fits).toBeGreaterThan(1);
  });

  it('adds the pairs of a cue the rules did not relate, scored below them, with its evidence', () => {
    const text = 'Norland attacked Sudmark, and Ostria watched.';
    const rules = suggestRelations(text, withModel(null)).suggestions.map(line);
    expect(rules).toEqual(['norland opposes sudmark asserted']);
    const found = learned(text, model({ 'opposes|bias': 3 }));
    expect(found.map(line).sort()).toEqual([
      'norland opposes ostria asserted',
      'ostria opposes norland asserted',
      'ostria opposes sudmark asserted',
      'sudmark opposes norland asserted',
      'sudmark opposes ostria asserted',
    ]);
    for (const s of found) {
      expect(s.score).toBe(Math.round(LEARNED_MAX_SCORE * (1 / (1 + Math.exp(-3))) * 100) / 100);
      expect(s.quote).toBe(text);
      expect(s.evidence.cue.text).toBe('attacked');
      expect(text.slice(s.evidence.source.start, s.evidence.source.end)).toBe(
        s.evidence.source.text,
      );
      expect(s.why).toMatch(/^learned from 7 annotated articles \(p 0\.95\), not read from/);
    }
    // Still after every reading of the rules.
    const all = suggestRelations(text, withModel(model({ 'opposes|bias': 3 }))).suggestions;
    expect(line(all[0]!)).toBe('norland opposes sudmark asserted');
  });

  it('suggests nothing below the threshold, for a type without a cue, or a type it never learned', () => {
    const text = 'Norland attacked Sudmark, and Ostria watched.';
    expect(learned(text, model({ 'opposes|bias': -3 }))).toEqual([]);
    expect(learned(text, model({ 'cooperates-with|bias': 3 }))).toEqual([]);
    expect(learned(text, model({ 'friendly-with|bias': 3 }))).toEqual([]);
  });

  it('names the features that weighed most in the why, strongest first', () => {
    const text = 'Norland attacked Sudmark, and Ostria watched.';
    const found = learned(
      text,
      model({ 'opposes|bias': -4, 'opposes|cuew:attack': 3, 'opposes|bw:and': 2 }),
    );
    // "and" stands between Ostria and either of the others, not between Norland and Sudmark.
    expect(found.map(line).sort()).toEqual([
      'norland opposes ostria asserted',
      'ostria opposes norland asserted',
      'ostria opposes sudmark asserted',
      'sudmark opposes ostria asserted',
    ]);
    expect(found[0]!.why).toMatch(/: the cue "attack"; "and" between the names/);
    expect(describeFeature('cam:11:before')).toBe('a cue of CAMEO root 11 before both names');
    expect(describeFeature('post:said')).toBe('"said" after the second name');
    // Relation types by their labels, as the page names them.
    const label = (type: string) => (type === 'cooperates-with' ? 'cooperates with' : type);
    expect(describeFeature('cue:cooperates-with:between', label)).toBe(
      'a cue of "cooperates with" between the names',
    );
    expect(describeFeature('s:other:cooperates-with', label)).toBe(
      'the rules read them as "cooperates with"',
    );
    const places = ['before', 'after', 'between', 'on'];
    const byCooperation = learned(
      'Norland attacked Sudmark, and Ostria met Norland.',
      model({
        'opposes|bias': -5,
        ...Object.fromEntries(places.map((p) => [`opposes|cue:cooperates-with:${p}`, 10])),
      }),
    );
    expect(byCooperation.length).toBeGreaterThan(0);
    for (const s of byCooperation) expect(s.why).toMatch(/: a cue of "cooperates with" /);
  });

  it("gives a learned pair the modality the sentence's markers give its cue", () => {
    const text = 'Norland will attack Sudmark, and Ostria watched.';
    expect(learned(text, model({ 'opposes|bias': 3, 'opposes|srcfirst': 0 })).map(line)).toContain(
      'norland opposes ostria proposed',
    );
  });

  it('labels the candidates of an annotated article by the quotes that overlap their sentence', () => {
    const text = 'Norland attacked Sudmark, and Ostria watched. Ostria condemned Norland.';
    const second = text.indexOf('Ostria condemned');
    const examples = trainingExamples(
      text,
      withModel(null),
      [
        {
          source: 'ostria',
          type: 'opposes',
          target: 'sudmark',
          modality: 'asserted',
          span: { start: 0, end: 20 },
        },
        // Recorded in the second sentence only: no example of the first is labelled by it.
        {
          source: 'norland',
          type: 'opposes',
          target: 'ostria',
          modality: 'asserted',
          span: { start: second, end: text.length },
        },
      ],
      ['opposes'],
    );
    const reading = readSentences(text, withModel(null));
    const candidates = learnedCandidates(reading, withModel(null), ['opposes']);
    expect(examples).toHaveLength(candidates.length);
    const labels = candidates.map(
      (c, i) =>
        `${c.sentence.index}:${c.candidate.source.actor}>${c.candidate.target.actor}=${examples[i]!.label}`,
    );
    expect(labels).toContain('0:ostria>sudmark=1');
    expect(labels).toContain('0:norland>ostria=0');
    expect(labels).toContain('1:norland>ostria=1');
    expect(labels.filter((l) => l.endsWith('=1'))).toHaveLength(2);
    expect(examples[0]!.features).toContain('opposes|bias');
  });

  it('marks a person and the state it belongs to, so the model can learn they seldom relate', () => {
    const text = 'Anna Berg attacked Norland, and Sudmark watched.';
    const reading = readSentences(text, withModel(null));
    const candidates = learnedCandidates(reading, withModel(null), ['opposes']);
    const own = candidates.filter((c) => c.candidate.features.includes('opposes|own'));
    expect(
      own.map((c) => `${c.candidate.source.actor}>${c.candidate.target.actor}`).sort(),
    ).toEqual(['anna-berg>sudmark', 'sudmark>anna-berg']);
  });

  it('tells the model which side of each cue the rules found each actor on', () => {
    // "protested" has Ostria for its subject and no object; "attacked" has both sides.
    const text = 'Ostria protested while Norland attacked Sudmark.';
    const reading = readSentences(text, withModel(null));
    const sides = reading.sentences[0]!.sides.map(
      (s) => `${s.type}: ${s.source.join('+')} > ${s.target.join('+')}`,
    );
    expect(sides).toEqual(['opposes: ostria > ', 'opposes: norland > sudmark']);
    const features = (source: string, target: string) =>
      learnedCandidates(reading, withModel(null), ['opposes']).find(
        (c) => c.candidate.source.actor === source && c.candidate.target.actor === target,
      )!.candidate.features;
    expect(features('ostria', 'sudmark')).toEqual(
      expect.arrayContaining([
        'opposes|side:src:subject',
        'opposes|side:src-alone',
        'opposes|side:tgt:object',
      ]),
    );
    // The pair read the other way round stands on the wrong sides.
    expect(features('sudmark', 'norland')).toEqual(
      expect.arrayContaining(['opposes|side:src-as-tgt', 'opposes|side:tgt-as-src']),
    );
    expect(features('sudmark', 'norland')).not.toContain('opposes|side:tgt:object');
    expect(describeFeature('side:src:subject')).toBe(
      'the rules found the source as the source of a cue of the type (read from its subject)',
    );
    expect(describeFeature('side:tgt:between')).toBe(
      'the rules found the target as the target of a cue of the type (read from the names after "between")',
    );
    expect(describeFeature('oside:one-alone')).toBe(
      'the rules found one of them on a side of a cue of another type whose other side is empty',
    );
  });

  it('words a sign as a sign and says how often the pair is named together', () => {
    expect(describeFeature('post:"')).toBe('a quotation mark after the second name');
    expect(describeFeature('pre:,')).toBe('a comma before the first name');
    expect(describeFeature('bw:%')).toBe('the sign % between the names');
    expect(describeFeature('bw:2023')).toBe('"2023" between the names');
    expect(describeFeature('co:0')).toBe('names together in no other sentence');
    expect(describeFeature('co:1')).toBe('names together in one other sentence');
    expect(describeFeature('co:4')).toBe('names together in eight other sentences or more');
  });

  it('refuses a broken model file, naming it and the command that writes it', () => {
    expect(() => readModel([], 'm.json')).toThrow(
      /^m\.json: not a JSON object; run npm run train:suggest/,
    );
    expect(() => readModel({ threshold: 2, articles: 1, weights: {} }, 'm.json')).toThrow(
      /threshold/,
    );
    expect(() =>
      readModel({ threshold: 0.3, articles: 1, weights: { 'a|bias': 'x' } }, 'm.json'),
    ).toThrow(/the weight of "a\|bias" is not a number/);
    expect(() => readModel({ threshold: 0.3, articles: 1.5, weights: {} }, 'm.json')).toThrow(
      /articles/,
    );
  });

  it('ships a model of the three relation types, trained on the sets that are not kept unseen', async () => {
    const shipped = await builtInModel();
    expect([...shipped.types].sort()).toEqual(['cooperates-with', 'opposes', 'proposes-to']);
    expect(shipped.threshold).toBe(0.3);
    const json = JSON.parse(
      readFileSync(join(ROOT, 'src/core/suggest/learned-model.json'), 'utf8'),
    ) as { trainedOn: string[] };
    expect(json.trainedOn).toContain('graph-data');
    expect(json.trainedOn.filter((d) => /heldout-[prst]$/.test(d))).toEqual([]);
  });
});

describe('the learned reader: what the review of 2026-12-01 found', () => {
  const opposing = model({ 'opposes|bias': 3 });

  it('takes no dateline or qualifying name for a party', () => {
    const text = 'NORLAND — Ostria attacked Sudmark on Monday, officials said.';
    const found = learned(text, opposing);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((s) => s.source === 'norland' || s.target === 'norland')).toEqual([]);
  });

  it('leaves a refusal ("does not recognise") to the rules', () => {
    const text = 'Ostria does not recognise Sudmark.';
    expect(suggestRelations(text, withModel(null)).suggestions.map(line)).toEqual([
      'ostria opposes sudmark asserted',
    ]);
    expect(learned(text, model({ 'cooperates-with|bias': 5 }))).toEqual([]);
  });

  it('decides the modality of a symmetric pair from the name that comes first, whatever the ids', () => {
    const text =
      'Sudmark has not in all the long years since the war cooperated with Norland, Ostria said.';
    const pair = (s: { source: string; target: string }) => [s.source, s.target].sort().join('+');
    const found = learned(text, model({ 'cooperates-with|bias': 5 })).filter(
      (s) => pair(s) === 'norland+sudmark',
    );
    expect(found.map((s) => s.modality)).toEqual(['negated']);
  });

  it('says no evidence when only the bias made it', () => {
    const found = learned('Norland attacked Sudmark, and Ostria watched.', opposing);
    expect(found[0]!.why).toMatch(/not read from the sentence's structure$/);
  });

  it('refuses a model that knows no relation type, and notes one that knows none of the folder', () => {
    expect(() => readModel({ threshold: 0.3, articles: 1, weights: { x: 1 } }, 'm.json')).toThrow(
      /no relation type has a weight named TYPE\|bias/,
    );
    expect(modelTypesNote(opposing, ['opposes', 'allies-with'])).toBeUndefined();
    expect(modelTypesNote(opposing, ['allies-with'])).toMatch(
      /knows the relation types opposes, none of this folder's; only the rules suggest/,
    );
    expect(modelTypesNote(null, ['allies-with'])).toBeUndefined();
  });

  it('learns a word only when two articles use it', () => {
    const article = (word: string): Example[] => [
      { features: ['t|bias', `t|bw:${word}`, 't|cuew:attack'], label: 1 },
    ];
    const kept = withoutRareWords([article('nordby'), article('against'), article('against')], 2);
    expect(kept.map((e) => e.features)).toEqual([
      ['t|bias', 't|cuew:attack'],
      ['t|bias', 't|bw:against', 't|cuew:attack'],
      ['t|bias', 't|bw:against', 't|cuew:attack'],
    ]);
  });

  it('reads a model file with an error naming it and what to do', async () => {
    const dir = writeDataset({ 'broken.json': '{"threshold": 0.3,' });
    try {
      await expect(readModelFile(join(dir, 'broken.json'))).rejects.toThrow(
        /broken\.json: not JSON .*; write it with npm run train:suggest/,
      );
      await expect(readModelFile(join(dir, 'none.json'))).rejects.toThrow(
        /none\.json does not exist; write it with npm run train:suggest -- --out/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run train:suggest', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const dataset = (relations: string) => {
    const dir = writeDataset({
      'relation-types.yaml': readFileSync(join(ROOT, 'graph-data/relation-types.yaml'), 'utf8'),
      'actors.yaml': `actors:\n${ACTORS.map((a) => `  - { id: ${a.id}, label: ${a.label}, kind: ${a.kind} }`).join('\n')}\n`,
      'articles/a.txt': 'Ostria fought with Sudmark against Norland.\n',
      'articles/a.yaml': `title: A\nrelations:\n${relations}`,
    });
    dirs.push(dir);
    return dir;
  };

  it('keeps the committed model what training on the repository gives (--check)', () => {
    const run = runScript('train-suggest.ts', ['--check']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/learned-model\.json is up to date: \d+ articles/);
    expect(run.status).toBe(0);
  });

  it('writes a model it can read, and --check tells when the file differs', () => {
    const dir = dataset(
      '  - { source: ostria, type: opposes, target: norland, quote: Ostria fought with Sudmark against Norland }\n' +
        // The rules miss this one ("with Sudmark against"): the one recorded candidate.
        '  - { source: sudmark, type: opposes, target: norland, quote: Ostria fought with Sudmark against Norland }\n',
    );
    const out = join(dir, 'model.json');
    const run = runScript('train-suggest.ts', ['--data', dir, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^Wrote .*model\.json: 1 articles, \d+ candidate pairs \(1 recorded\)/,
    );
    const written = readModel(JSON.parse(readFileSync(out, 'utf8')), out);
    expect(written.types).toContain('opposes');
    expect(runScript('train-suggest.ts', ['--data', dir, '--out', out, '--check']).status).toBe(0);
    writeFileSync(out, readFileSync(out, 'utf8').replace('"threshold": 0.3', '"threshold": 0.4'));
    const stale = runScript('train-suggest.ts', ['--data', dir, '--out', out, '--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/is not what training gives .* run npm run train:suggest/);
  });

  it('refuses a set kept unseen, a folder with errors, an empty --out and a --check of nothing', () => {
    const unseen = runScript('train-suggest.ts', ['--data', 'tests/fixtures/heldout-p']);
    expect(unseen.status).toBe(2);
    expect(unseen.stderr).toMatch(/heldout-p is a set kept unseen .* pass --allow-unseen/);
    // A relation whose name does not resolve is said, and teaches nothing.
    const dir = dataset(
      '  - { source: ostria, type: opposes, target: nowhere-land, quote: Ostria fought with Sudmark against Norland }\n',
    );
    const out = join(dir, 'model.json');
    writeFileSync(out, 'previous');
    const unknown = runScript('train-suggest.ts', ['--data', dir, '--out', out]);
    expect(unknown.stderr).toMatch(
      /a\.yaml:3:\d+: warning: relations\[0\] names an actor the registry does not know/,
    );
    expect(unknown.status).toBe(1);
    // An article file that does not parse stops it.
    writeFileSync(join(dir, 'articles/a.yaml'), 'title: A\nrelations: [\n');
    const broken = runScript('train-suggest.ts', ['--data', dir, '--out', out]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/a\.yaml/);
    expect(broken.stderr).toMatch(
      /cannot be learned from until the errors above are fixed; nothing written/,
    );
    expect(readFileSync(out, 'utf8')).toBe('previous');
    // So does a text the build refuses (a NUL in it), named with its line and column.
    const nulDir = dataset(
      '  - { source: ostria, type: opposes, target: sudmark, quote: Ostria fought }\n',
    );
    const nulText = join(nulDir, 'articles/a.txt');
    writeFileSync(nulText, 'Ostria fought\0 with Sudmark.\n');
    writeFileSync(join(nulDir, 'model.json'), 'previous');
    const nul = runScript('train-suggest.ts', [
      '--data',
      nulDir,
      '--out',
      join(nulDir, 'model.json'),
    ]);
    expect(nul.status).toBe(1);
    expect(nul.stderr).toContain(
      `${nulText}:1:14: error: the article text contains the control character U+0000 (NUL)`,
    );
    expect(readFileSync(join(nulDir, 'model.json'), 'utf8')).toBe('previous');
    expect(runScript('train-suggest.ts', ['--data', dir, '--out', '']).status).toBe(2);
    const none = runScript('train-suggest.ts', [
      '--data',
      dir,
      '--out',
      join(dir, 'none.json'),
      '--check',
    ]);
    expect(none.status).toBe(1);
    // The folder's errors come first; a clean folder and a missing file say so.
    const clean = dataset(
      '  - { source: sudmark, type: opposes, target: norland, quote: Ostria fought with Sudmark against Norland }\n',
    );
    const missing = runScript('train-suggest.ts', [
      '--data',
      clean,
      '--out',
      join(clean, 'none.json'),
      '--check',
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/none\.json does not exist; run npm run train:suggest/);
    const folder = runScript('train-suggest.ts', ['--data', clean, '--out', clean]);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toMatch(/Nothing was changed/);
  });

  it('writes nothing when no candidate was recorded, and refuses a bad threshold', () => {
    const dir = dataset(
      '  - { source: norland, type: opposes, target: sudmark, quote: Norland attacked Sudmark }\n',
    );
    const out = join(dir, 'model.json');
    writeFileSync(out, 'previous');
    const run = runScript('train-suggest.ts', ['--data', dir, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no annotated relation among \d+ candidate pairs; nothing written/);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    const bad = runScript('train-suggest.ts', ['--data', dir, '--out', out, '--threshold', '1.5']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--threshold must be a number between 0 and 1, not "1.5"/);
  });
});
