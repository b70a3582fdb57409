import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/core/generate/corpus.ts';
import { buildGraph, type BuildOptions } from '../../src/core/pipeline/buildGraph.ts';
import { createBuildCache, type BuildCache } from '../../src/core/pipeline/cache.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

type Files = Record<string, string>;

/**
 * Builds `files` with the cache and without it, and expects the same graph, texts, issues and
 * report; returns the build with the cache.
 */
function expectSameBuild(
  files: Files,
  cache: BuildCache,
  options: BuildOptions = {},
  label = 'the build',
) {
  const cached = buildGraph(toDataFiles(files), { ...options, cache });
  const fresh = buildGraph(toDataFiles(files), options);
  expect(cached.issues, `${label}: issues`).toStrictEqual(fresh.issues);
  expect(cached.texts, `${label}: texts`).toStrictEqual(fresh.texts);
  expect(cached.report, `${label}: report`).toStrictEqual(fresh.report);
  expect(cached.graph?.export(), `${label}: graph`).toStrictEqual(fresh.graph?.export());
  expect(cached.graph === undefined, `${label}: graph`).toBe(fresh.graph === undefined);
  return cached;
}

const withFile = (files: Files, path: string, text: string | undefined): Files =>
  text === undefined
    ? Object.fromEntries(Object.entries(files).filter(([p]) => p !== path))
    : { ...files, [path]: text };

const edit = (files: Files, path: string, from: string, to: string): Files => {
  const text = files[path]!;
  expect(text).toContain(from);
  return withFile(files, path, text.replace(from, to));
};

const ADDED_RELATION = `  - source: beta
    type: opposes
    target: Gamma Front
    quote: Gamma Front attacked Alphaville
`;

describe('buildGraph with a BuildCache, on the small dataset', () => {
  const layout = { iterations: 10 };

  it('gives what a build without it gives, change after change', () => {
    const cache = createBuildCache();
    let files = smallDataset();
    const steps: [string, (f: Files) => Files][] = [
      ['unchanged', (f) => f],
      [
        'a relation added',
        (f) => withFile(f, 'articles/a1.yaml', f['articles/a1.yaml'] + ADDED_RELATION),
      ],
      [
        'the same relation twice (a warning)',
        (f) => withFile(f, 'articles/a1.yaml', f['articles/a1.yaml'] + ADDED_RELATION),
      ],
      [
        'a quote broken (an error)',
        (f) =>
          edit(
            f,
            'articles/a2.yaml',
            'quote: Beta and Alpha signed a pact.',
            'quote: Beta and Alpha signed no pact.',
          ),
      ],
      [
        'another article changed, the broken quote kept',
        (f) =>
          edit(
            f,
            'articles/a1.yaml',
            'title: Alpha and Beta agree',
            'title: Alpha and Beta agree again',
          ),
      ],
      ['the quote mended', (f) => edit(f, 'articles/a2.yaml', 'signed no pact.', 'signed a pact.')],
      [
        'an article text changed',
        (f) => edit(f, 'articles/a1.txt', 'Alpha and Beta agree', 'At last, Alpha and Beta agree'),
      ],
      [
        'a YAML syntax error',
        (f) => edit(f, 'articles/a2.yaml', 'title: A pact', 'title: "A pact'),
      ],
      ['a schema error', (f) => edit(f, 'articles/a2.yaml', 'title: "A pact', 'titel: A pact')],
      [
        'a control character in a text',
        (f) => edit(f, 'articles/a2.txt', 'Beta  later', 'Beta \u0007later'),
      ],
      [
        'the article removed',
        (f) => withFile(withFile(f, 'articles/a2.yaml', undefined), 'articles/a2.txt', undefined),
      ],
      [
        'the article back',
        () => ({
          ...smallDataset(),
          'articles/a1.yaml': files['articles/a1.yaml']!,
          'articles/a1.txt': files['articles/a1.txt']!,
        }),
      ],
      [
        'a text without its annotations',
        (f) => withFile(f, 'articles/a3.txt', 'Alpha met Beta.\n'),
      ],
      [
        'a new article',
        (f) =>
          withFile(
            f,
            'articles/a3.yaml',
            'title: New\nrelations:\n  - source: alpha\n    type: cooperates-with\n    target: beta\n    quote: Alpha met Beta.\n',
          ),
      ],
      [
        'actors.yaml: an alias added',
        (f) => edit(f, 'actors.yaml', 'aliases: [Betaburg]', 'aliases: [Betaburg, The Betans]'),
      ],
      [
        'actors.yaml: an actor renamed (unknown names)',
        (f) =>
          edit(
            f,
            'actors.yaml',
            'id: gamma-front\n    label: Gamma Front',
            'id: gamma\n    label: Gamma',
          ),
      ],
      ['actors.yaml: a syntax error', (f) => edit(f, 'actors.yaml', 'actors:', 'actors: [')],
      ['actors.yaml as it was', (f) => withFile(f, 'actors.yaml', smallDataset()['actors.yaml'])],
      [
        'relation-types.yaml: a type renamed',
        (f) => edit(f, 'relation-types.yaml', 'id: opposes', 'id: opposes-now'),
      ],
      [
        'relation-types.yaml as it was',
        (f) => withFile(f, 'relation-types.yaml', smallDataset()['relation-types.yaml']),
      ],
      ['actors.yaml missing', (f) => withFile(f, 'actors.yaml', undefined)],
      ['everything as it was', () => smallDataset()],
    ];
    const outcomes: string[] = [];
    for (const [name, change] of steps) {
      files = change(files);
      const { graph, issues } = expectSameBuild(files, cache, { layout }, name);
      const count = (severity: string) => issues.filter((i) => i.severity === severity).length;
      outcomes.push(
        `${name}: ${graph ? 'graph' : 'no graph'}, ${count('error')} errors, ${count('warning')} warnings`,
      );
    }
    // The steps do what they say.
    expect(outcomes).toMatchInlineSnapshot(`
      [
        "unchanged: graph, 0 errors, 0 warnings",
        "a relation added: graph, 0 errors, 0 warnings",
        "the same relation twice (a warning): graph, 0 errors, 1 warnings",
        "a quote broken (an error): no graph, 1 errors, 1 warnings",
        "another article changed, the broken quote kept: no graph, 1 errors, 1 warnings",
        "the quote mended: graph, 0 errors, 1 warnings",
        "an article text changed: graph, 0 errors, 1 warnings",
        "a YAML syntax error: no graph, 1 errors, 1 warnings",
        "a schema error: no graph, 2 errors, 1 warnings",
        "a control character in a text: no graph, 1 errors, 1 warnings",
        "the article removed: graph, 0 errors, 1 warnings",
        "the article back: graph, 0 errors, 1 warnings",
        "a text without its annotations: graph, 0 errors, 2 warnings",
        "a new article: graph, 0 errors, 2 warnings",
        "actors.yaml: an alias added: graph, 0 errors, 2 warnings",
        "actors.yaml: an actor renamed (unknown names): no graph, 5 errors, 1 warnings",
        "actors.yaml: a syntax error: no graph, 26 errors, 0 warnings",
        "actors.yaml as it was: graph, 0 errors, 2 warnings",
        "relation-types.yaml: a type renamed: no graph, 4 errors, 1 warnings",
        "relation-types.yaml as it was: graph, 0 errors, 2 warnings",
        "actors.yaml missing: no graph, 1 errors, 0 warnings",
        "everything as it was: graph, 0 errors, 0 warnings",
      ]
    `);
  });

  it('reports again, from the cache, the issues of files that did not change', () => {
    const cache = createBuildCache();
    const broken = edit(smallDataset(), 'articles/a2.yaml', 'signed a pact.', 'signed no pact.');
    const twice = withFile(
      broken,
      'articles/a1.yaml',
      broken['articles/a1.yaml'] + ADDED_RELATION + ADDED_RELATION,
    );
    const first = expectSameBuild(twice, cache, { layout: false });
    const next = edit(twice, 'articles/a1.txt', 'Alpha and Beta agree', 'Alpha and Beta do agree');
    const second = expectSameBuild(next, cache, { layout: false });
    const a2 = (issues: typeof first.issues) =>
      issues.filter((i) => i.file === 'data/articles/a2.yaml');
    expect(a2(first.issues).map((i) => i.severity)).toEqual(['error']);
    expect(a2(second.issues)).toStrictEqual(a2(first.issues));
    expect(second.issues.some((i) => /^duplicate relation/.test(i.message))).toBe(true);
    // The second build's a2 steps came from the cache.
    expect(cache.stats().lastBuild.parse).toEqual({ hits: 4, misses: 0 });
    expect(cache.stats().lastBuild.evidence).toEqual({ hits: 1, misses: 1 });
  });

  it('gives each build its own evidence objects and issues', () => {
    const cache = createBuildCache();
    const files = withFile(
      smallDataset(),
      'articles/a1.yaml',
      smallDataset()['articles/a1.yaml'] + ADDED_RELATION + ADDED_RELATION,
    );
    const first = buildGraph(toDataFiles(files), { layout: false, cache });
    const second = buildGraph(toDataFiles(files), { layout: false, cache });
    const evidenceOf = (r: typeof first) => r.graph!.mapEdges((_e, a) => a.evidence).flat();
    evidenceOf(first).forEach((e, i) => expect(evidenceOf(second)[i]).not.toBe(e));
    expect(second.issues.length).toBeGreaterThan(0);
    second.issues.forEach((issue, i) => expect(first.issues[i]).not.toBe(issue));
  });
});

describe('buildGraph with a BuildCache, on a generated corpus', () => {
  const corpus = generateCorpus({ relations: 300, actors: 60, seed: 'cache' }).files;
  const articlePaths = Object.keys(corpus).filter(
    (p) => p.endsWith('.yaml') && p.startsWith('articles/'),
  );
  const [first, second, third] = articlePaths;
  const relationsOf = (text: string) => text.slice(text.indexOf('relations:'));
  /** The article's first relation again, with its source and target swapped. */
  const reversed = (text: string): string => {
    const m = /\n {2}- source: (.*)\n {4}type: (.*)\n {4}target: (.*)\n {4}quote: (.*)\n/.exec(
      relationsOf(text),
    );
    expect(m).not.toBeNull();
    const [, source, type, target, quote] = m!;
    return `${text.endsWith('\n') ? text : `${text}\n`}  - source: ${target}\n    type: ${type}\n    target: ${source}\n    quote: ${quote}\n`;
  };

  it('gives what a build without it gives, and reuses the steps of unchanged files', () => {
    const cache = createBuildCache();
    const articles = articlePaths.length;
    const initial = expectSameBuild(corpus, cache, { layout: false });
    expect(initial.issues).toEqual([]);
    expect(cache.stats().lastBuild.parse).toEqual({ hits: 0, misses: articles + 2 });

    // A relation added to one article: one parse, one resolve, one evidence again.
    let files = withFile(corpus, first!, reversed(corpus[first!]!));
    const added = expectSameBuild(files, cache, { layout: false });
    expect(added.report!.annotations).toBe(initial.report!.annotations + 1);
    const stats = cache.stats().lastBuild;
    expect(stats.parse).toEqual({ hits: articles + 1, misses: 1 });
    expect(stats.text).toEqual({ hits: articles, misses: 0 });
    expect(stats['article-checks']).toEqual({ hits: articles - 1, misses: 1 });
    expect(stats.resolve).toEqual({ hits: articles - 1, misses: 1 });
    expect(stats.evidence).toEqual({ hits: articles - 1, misses: 1 });
    expect(stats['registry:actors']).toEqual({ hits: 1, misses: 0 });

    // A quote broken: an error, no graph.
    files = edit(files, second!, 'quote: ', 'quote: Not in the text at all, ');
    const broken = expectSameBuild(files, cache, { layout: false });
    expect(broken.graph).toBeUndefined();
    expect(broken.issues.filter((i) => i.severity === 'error')).toHaveLength(1);

    // The article removed (both files): its steps are dropped.
    const entries = cache.stats().entries;
    files = withFile(
      withFile(files, second!, undefined),
      second!.replace(/\.yaml$/, '.txt'),
      undefined,
    );
    const removed = expectSameBuild(files, cache, { layout: false });
    expect(removed.report!.articles).toBe(articles - 1);
    expect(cache.stats().entries).toBeLessThan(entries);

    // actors.yaml changed: every article resolved again, none parsed again.
    files = edit(files, 'actors.yaml', 'aliases: [', 'aliases: [Another Name Of It, ');
    expectSameBuild(files, cache, { layout: false });
    expect(cache.stats().lastBuild.parse).toEqual({ hits: articles, misses: 1 });
    expect(cache.stats().lastBuild.resolve).toEqual({ hits: 0, misses: articles - 1 });

    // The layout from the previous positions, as the workbench builds.
    const laid = buildGraph(toDataFiles(files), { layout: { iterations: 5 } });
    const previous = new Map<string, { x: number; y: number }>();
    laid.graph!.forEachNode((node, a) => previous.set(node, { x: a.x, y: a.y }));
    files = withFile(files, third!, reversed(files[third!]!));
    expectSameBuild(files, cache, { layout: { previous } });
  });
});
