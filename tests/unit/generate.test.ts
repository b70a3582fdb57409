import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { findNameClashes } from '../../src/core/pipeline/resolve.ts';
import { foldForMatching, isMatch, locateQuote } from '../../src/core/pipeline/text.ts';
import { generateCorpus } from '../../src/core/generate/corpus.ts';
import { defaultActors, defaultArticles } from '../../src/core/generate/options.ts';
import { ACTOR_KINDS, MODALITIES, type Actor, type ArticleDocument } from '../../src/core/model.ts';
import { toDataFiles } from '../helpers/dataset.ts';
import { ROOT } from '../helpers/run.ts';

const SMALL = { actors: 60, relations: 300, seed: 'unit' };
const corpus = generateCorpus(SMALL);
const result = buildGraph(toDataFiles(corpus.files), { layout: false });
const graph = result.graph!;

const actors = (parse(corpus.files['actors.yaml']!) as { actors: Actor[] }).actors;
const articleIds = Object.keys(corpus.files)
  .filter((p) => p.endsWith('.yaml') && p.startsWith('articles/'))
  .map((p) => p.slice('articles/'.length, -'.yaml'.length));
const articles = articleIds.map((id) => ({
  id,
  text: corpus.files[`articles/${id}.txt`]!,
  meta: parse(corpus.files[`articles/${id}.yaml`]!) as ArticleDocument,
}));

describe('generateCorpus', () => {
  it('is deterministic: the same options give the same files, another seed others', () => {
    expect(generateCorpus(SMALL).files).toEqual(corpus.files);
    const other = generateCorpus({ ...SMALL, seed: 'another' }).files;
    expect(other['actors.yaml']).not.toBe(corpus.files['actors.yaml']);
    expect(Object.keys(other).sort()).not.toEqual(Object.keys(corpus.files).sort());
  });

  it('writes the real layout: the two registries and a text and a YAML file per article', () => {
    expect(articleIds).toHaveLength(defaultArticles(SMALL.relations));
    expect(Object.keys(corpus.files).sort()).toEqual(
      [
        'actors.yaml',
        'relation-types.yaml',
        ...articleIds.flatMap((id) => [`articles/${id}.txt`, `articles/${id}.yaml`]),
      ].sort(),
    );
    for (const id of articleIds) expect(id).toMatch(/^[a-z0-9-]+-\d{4}(-\d\d){0,2}-\d{3}$/);
  });

  it('passes the real build, validation included, with no errors and no warnings', () => {
    expect(result.issues).toEqual([]);
    expect(result.report).toMatchObject({
      articles: articleIds.length,
      actors: SMALL.actors,
      actorsWithoutRelations: [],
      annotations: SMALL.relations,
      evidence: SMALL.relations,
    });
  });

  it('puts every quote in its article text exactly once', () => {
    let quotes = 0;
    for (const { text, meta } of articles) {
      const folded = foldForMatching(text);
      for (const relation of meta.relations) {
        const match = locateQuote(folded, relation.quote);
        expect(isMatch(match) && match.occurrences, relation.quote).toBe(1);
        quotes++;
      }
    }
    expect(quotes).toBe(SMALL.relations);
  });

  it("copies the project's relation vocabulary field for field", () => {
    const project = parse(readFileSync(join(ROOT, 'graph-data/relation-types.yaml'), 'utf8'));
    expect(parse(corpus.files['relation-types.yaml']!)).toEqual(project);
  });

  it('uses all three relation types and all six modalities, mostly asserted', () => {
    const { byRelation, byModality } = result.report!;
    for (const type of ['cooperates-with', 'opposes', 'proposes-to']) {
      expect(byRelation[type]!.evidence).toBeGreaterThan(SMALL.relations / 10);
    }
    for (const modality of MODALITIES) expect(byModality[modality]).toBeGreaterThan(0);
    expect(byModality.asserted).toBeGreaterThan(SMALL.relations / 2);
    expect(corpus.stats.byModality).toEqual(byModality);
  });

  it('has actors of every kind, people affiliated with a state or a group', () => {
    expect(new Set(actors.map((a) => a.kind))).toEqual(new Set(ACTOR_KINDS));
    const byId = new Map(actors.map((a) => [a.id, a]));
    const people = actors.filter((a) => a.kind === 'person');
    expect(people.length).toBeGreaterThan(actors.length / 4);
    for (const person of people) {
      expect(['state', 'organisation', 'armed-group']).toContain(
        byId.get(person.affiliation!)?.kind,
      );
    }
    for (const military of actors.filter((a) => a.kind === 'military')) {
      expect(byId.get(military.affiliation!)?.kind).toBe('state');
    }
  });

  it('gives every actor its own names: valid ids, aliases, no clashes', () => {
    expect(findNameClashes(actors)).toEqual([]);
    for (const a of actors) expect(a.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const aliases = actors.map((a) => a.aliases?.length ?? 0);
    expect(aliases.filter((n) => n > 0).length).toBeGreaterThan(actors.length * 0.8);
    expect(aliases.reduce((s, n) => s + n, 0) / actors.length).toBeGreaterThanOrEqual(1.5);
  });

  it('names actors in annotations by id, by label and by alias', () => {
    const how = { id: 0, label: 0, alias: 0 };
    for (const { meta } of articles) {
      for (const r of meta.relations) {
        for (const name of [r.source, r.target]) {
          const actor = actors.find(
            (a) =>
              a.id === name ||
              a.label.toLowerCase() === name.toLowerCase() ||
              a.aliases?.some((x) => x.toLowerCase() === name.toLowerCase()),
          )!;
          how[
            name === actor.id
              ? 'id'
              : name.toLowerCase() === actor.label.toLowerCase()
                ? 'label'
                : 'alias'
          ]++;
        }
      }
    }
    expect(how.id).toBeGreaterThan(0);
    expect(how.label).toBeGreaterThan(how.id);
    expect(how.alias).toBeGreaterThan(how.id);
  });

  it('has a heavy-tailed degree distribution', () => {
    const degrees = graph.mapNodes((node) => graph.degree(node)).sort((a, b) => a - b);
    const median = degrees[Math.floor(degrees.length / 2)]!;
    expect(degrees[0]).toBeGreaterThanOrEqual(1);
    expect(degrees.at(-1)!).toBeGreaterThanOrEqual(5 * median);
  });

  it('forms clusters: most evidence within a community, some across', () => {
    let within = 0;
    let all = 0;
    graph.forEachEdge((_edge, attributes, source, target) => {
      all += attributes.weight;
      if (corpus.communityOf[source] === corpus.communityOf[target]) within += attributes.weight;
    });
    expect(corpus.stats.communities).toBeGreaterThan(2);
    expect(within / all).toBeGreaterThan(0.65);
    expect(within / all).toBeLessThan(0.95);
  });

  it('dates every article, over several years, stated or inferred', () => {
    const years = new Set<string>();
    const bases = new Set<string>();
    for (const { meta } of articles) {
      expect(meta.published?.how.length).toBeGreaterThan(20);
      years.add(meta.published!.date.slice(0, 4));
      bases.add(meta.published!.basis);
    }
    expect(years.size).toBeGreaterThanOrEqual(3);
    expect(bases).toEqual(new Set(['stated', 'inferred']));
  });

  it('starts each YAML file with a schema line relative to the output folder, if asked', () => {
    const withSchemas = generateCorpus({ ...SMALL, schemaDir: '../main/graph-data/schemas' });
    expect(withSchemas.files['actors.yaml']!.split('\n', 2)).toEqual([
      '# yaml-language-server: $schema=../main/graph-data/schemas/actors.schema.json',
      expect.stringMatching(/^# Generated by npm run generate \(seed "unit", 60 actors/),
    ]);
    expect(withSchemas.files['relation-types.yaml']).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/main\/graph-data\/schemas\/relation-types\.schema\.json\n/,
    );
    expect(withSchemas.files[`articles/${articleIds[0]}.yaml`]).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/main\/graph-data\/schemas\/article\.schema\.json\n/,
    );
    expect(corpus.files['actors.yaml']).toMatch(/^# Generated by npm run generate/);
  });

  it('builds cleanly at the edges: two actors, one relation per article, just enough relations', () => {
    for (const options of [
      { actors: 2, relations: 1 },
      { actors: 3, relations: 2, articles: 2 },
      { actors: 61, relations: 31 },
      { actors: 61, relations: 31, articles: 31 },
      { actors: 10, relations: 400, articles: 3 },
    ]) {
      const small = generateCorpus(options);
      const built = buildGraph(toDataFiles(small.files), { layout: false });
      expect(built.issues, JSON.stringify(options)).toEqual([]);
      expect(built.report).toMatchObject({
        actors: options.actors,
        annotations: options.relations,
        articles: options.articles ?? defaultArticles(options.relations),
      });
    }
  });

  it('refuses counts it cannot satisfy', () => {
    expect(() => generateCorpus({ actors: 1, relations: 10 })).toThrow(/actors must be/);
    expect(() => generateCorpus({ actors: 300, relations: 149 })).toThrow(
      /300 actors need at least 150 relations/,
    );
    expect(() => generateCorpus({ actors: 10, relations: 10, articles: 11 })).toThrow(
      /every article needs at least one relation/,
    );
    expect(() => generateCorpus({ actors: 10.5, relations: 10 })).toThrow(RangeError);
  });

  it('defaults to the benchmark tiers: 300, 2,000 and 10,000 actors; 8 relations an article', () => {
    expect([1_000, 10_000, 100_000].map(defaultActors)).toEqual([300, 2_000, 10_000]);
    expect(defaultActors(1)).toBe(2);
    for (const n of [1, 7, 100, 3_000, 50_000, 1_000_000]) {
      expect(defaultActors(n)).toBeLessThanOrEqual(2 * n);
    }
    expect([1, 8, 9, 1_000, 100_000].map(defaultArticles)).toEqual([1, 1, 2, 125, 12_500]);
  });
});
