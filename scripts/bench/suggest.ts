/**
 * Suggested relations (src/core/suggest) on 1,000 words and on 200 KB of the seed articles'
 * text, against wink-nlp alone reading the same text (sentences, tokens, parts of speech,
 * lemmas, negation). Budget: 1,000 words in 200 ms. Part of npm run bench; alone:
 * npx tsx scripts/bench/suggest.ts [--runs N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDataDir } from '../../src/node/readData.ts';
import { IssueSink } from '../../src/core/pipeline/issues.ts';
import { articleText, prepareSuggestions } from '../../src/core/suggest/setup.ts';
import { library, readWithLibraryOnly } from '../../src/core/suggest/read.ts';
import { suggestRelations } from '../../src/core/suggest/suggest.ts';
import { builtInModel } from '../../src/node/suggestModel.ts';
import { round, timeMedian } from './stats.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

export interface SuggestFigures {
  runs: number;
  /** wink-nlp and its model made ready, once per process. */
  modelLoadMs: number;
  sizes: {
    name: string;
    words: number;
    kB: number;
    /** Medians, ms. */
    pipelineMs: number;
    libraryMs: number;
    suggestions: number;
  }[];
}

const BUDGET_MS = 200;

export async function benchSuggest(
  options: { runs?: number; log?: (s: string) => void } = {},
): Promise<SuggestFigures> {
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => undefined);
  const data = join(ROOT, 'graph-data');
  const read = await readDataDir(data);
  const cues = join(data, 'suggest-cues.yaml');
  const setup = prepareSuggestions(
    read.files,
    { path: cues, text: readFileSync(cues, 'utf8') },
    await builtInModel(),
  );
  if (!setup.suggester) throw new Error('the seed data or the cue lexicon has errors');
  const sink = new IssueSink();
  const all = read.files.articles.map((a) => articleText(read.files, a.id, sink) ?? '').join('\n');
  const words = all.split(/\s+/).filter(Boolean);
  let thousand = '';
  for (let i = 0; words.length > 0 && i < 1000; i++) thousand += `${words[i % words.length]} `;
  let big = '';
  while (big.length < 200 * 1024) big += `${all}\n`;
  big = big.slice(0, 200 * 1024);

  const t0 = performance.now();
  library();
  const modelLoadMs = round(performance.now() - t0);
  const sizes: SuggestFigures['sizes'] = [];
  for (const [name, text] of [
    ['1,000 words', thousand],
    ['200 KB', big],
  ] as const) {
    log(`suggest: ${name}`);
    // Warm up both, then alternate.
    suggestRelations(text, setup.suggester);
    readWithLibraryOnly(text);
    const libraryMs = timeMedian(runs, () => readWithLibraryOnly(text));
    const pipelineMs = timeMedian(runs, () => suggestRelations(text, setup.suggester!));
    sizes.push({
      name,
      words: text.split(/\s+/).filter(Boolean).length,
      kB: round(text.length / 1024),
      pipelineMs,
      libraryMs,
      suggestions: suggestRelations(text, setup.suggester).suggestions.length,
    });
  }
  return { runs, modelLoadMs, sizes };
}

export function suggestMarkdown(f: SuggestFigures): string[] {
  const ms = (x: number) => `${round(x)} ms`;
  const lines = [
    '## Suggested relations',
    '',
    `\`npm run suggest\` (src/core/suggest) on the seed articles' text, repeated to size, against wink-nlp alone reading the same text (sentences, tokens, parts of speech, lemmas, negation); medians of ${f.runs} runs. Budget: 1,000 words in 200 ms. Making wink-nlp and its model ready takes ${ms(f.modelLoadMs)} once per process, outside these figures.`,
    '',
    '| text | words | pipeline | wink-nlp alone | ratio | suggestions | budget |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of f.sizes) {
    const budget = (BUDGET_MS * s.words) / 1000;
    lines.push(
      `| ${s.name} (${s.kB} KB) | ${s.words.toLocaleString('en')} | ${ms(s.pipelineMs)} | ${ms(s.libraryMs)} | ${round(s.pipelineMs / s.libraryMs, 2)}× | ${s.suggestions} | ${ms(budget)}: ${s.pipelineMs <= budget ? '**met**' : '**missed**'} |`,
    );
  }
  return lines;
}

if (process.argv[1] === SELF) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const figures = await benchSuggest({
    runs: Number(values.runs),
    log: (s) => process.stderr.write(`${s}\n`),
  });
  process.stdout.write(`${suggestMarkdown(figures).join('\n')}\n`);
}
