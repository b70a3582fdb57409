import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { edgeKey } from '../../src/core/graph/actorGraph.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

const build = (files: Record<string, string>) =>
  buildGraph(toDataFiles(files), { layout: { iterations: 20 } });
const errors = (files: Record<string, string>) =>
  build(files).issues.filter((i) => i.severity === 'error');

describe('buildGraph on a valid dataset', () => {
  const result = build(smallDataset());

  it('builds without errors or warnings', () => {
    expect(result.issues).toEqual([]);
    expect(result.graph?.order).toBe(4);
  });

  it('aggregates evidence across articles and resolves aliases', () => {
    const coop = result.graph!.getEdgeAttributes(edgeKey('cooperates-with', 'alpha', 'beta'));
    expect(coop.weight).toBe(2);
    expect(coop.articles).toEqual(['a1', 'a2']);
    expect([coop.firstDate, coop.lastDate]).toEqual(['2020-05-01', '2021-02']);
  });

  it('records a negated statement as negated evidence', () => {
    const edge = result.graph!.getEdgeAttributes(
      edgeKey('cooperates-with', 'alpha', 'gamma-front'),
    );
    expect(edge.evidence.map((e) => e.modality)).toEqual(['negated']);
    expect(edge.evidence[0]!.quote).toBe(
      'The Alphans said they are “not coordinating” with Gamma Front.',
    );
  });

  it('finds quotes in CRLF text and points offsets into the normalised text', () => {
    const edge = result.graph!.getEdgeAttributes(edgeKey('opposes', 'beta', 'gamma-front'));
    const [e] = edge.evidence;
    expect(result.texts!.a2).toBe(
      'Beta and Alpha signed a pact.\nBeta  later\ncriticised Gamma Front.\n',
    );
    expect(result.texts!.a2!.slice(e!.start, e!.end)).toBe('Beta  later\ncriticised Gamma Front.');
  });

  it('ignores a byte-order mark at the start of an article', () => {
    const files = smallDataset();
    files['articles/a1.txt'] = `\uFEFF${files['articles/a1.txt']}`;
    const withBom = build(files);
    const edge = withBom.graph!.getEdgeAttributes(edgeKey('cooperates-with', 'alpha', 'beta'));
    expect(edge.evidence[0]).toMatchObject({
      start: 0,
      quote: 'Alpha and Beta agree to share intelligence.',
    });
  });

  it('reports counts by relation type and modality', () => {
    expect(result.report).toMatchObject({
      articles: 2,
      actors: 4,
      evidence: 6,
      byRelation: {
        'cooperates-with': { evidence: 3, edges: 2 },
        opposes: { evidence: 2, edges: 2 },
        'proposes-to': { evidence: 1, edges: 1 },
      },
      byModality: { asserted: 5, negated: 1 },
      dated: { statement: 6, event: 0 },
    });
  });

  it('carries article metadata, not texts, in the graph', () => {
    const articles = result.graph!.getAttribute('articles');
    expect(articles.a1).toMatchObject({
      title: 'Alpha and Beta agree',
      outlet: 'The Test Post',
      relationCount: 4,
    });
    expect(JSON.stringify(result.graph!.export())).not.toContain(
      'share intelligence.\\nThe Alphans',
    );
  });
});

describe('buildGraph on bad input', () => {
  const withArticle = (yaml: string, text?: string) => {
    const files = smallDataset();
    files['articles/a1.yaml'] = yaml;
    if (text !== undefined) files['articles/a1.txt'] = text;
    return files;
  };
  const rel = (r: string) => `title: T\nrelations:\n${r}`;

  it('an unknown actor', () => {
    const [e] = errors(
      withArticle(
        rel(
          '  - {source: Gama Front, type: opposes, target: alpha, quote: Gamma Front attacked Alphaville}\n',
        ),
      ),
    );
    expect(e).toMatchObject({ file: 'data/articles/a1.yaml', line: 3 });
    expect(e!.message).toBe('unknown actor "Gama Front" as source');
  });

  it('an unknown relation type', () => {
    const [e] = errors(
      withArticle(
        rel('  - {source: alpha, type: supports, target: beta, quote: Alpha and Beta agree}\n'),
      ),
    );
    expect(e).toMatchObject({
      file: 'data/articles/a1.yaml',
      line: 3,
      message: 'unknown relation type "supports"',
    });
  });

  it('a quote not in the article', () => {
    const [e] = errors(
      withArticle(
        rel(
          '  - {source: alpha, type: cooperates-with, target: beta, quote: Alpha and Beta disagree}\n',
        ),
      ),
    );
    expect(e).toMatchObject({ file: 'data/articles/a1.yaml', line: 3 });
    expect(e!.message).toMatch(/^quote not found in the article text/);
  });

  it('a missing quote', () => {
    const [e] = errors(
      withArticle(rel('  - {source: alpha, type: cooperates-with, target: beta}\n')),
    );
    expect(e).toMatchObject({
      file: 'data/articles/a1.yaml',
      line: 3,
      message: 'relations[0] is missing the required field "quote"',
    });
  });

  it('broken YAML', () => {
    const [e] = errors(withArticle('title: T\nrelations:\n  - source: alpha\n   type: x\n'));
    expect(e).toMatchObject({ file: 'data/articles/a1.yaml', line: 4 });
    expect(e!.message).toMatch(/^YAML syntax/);
  });

  it('a missing article text', () => {
    const files = smallDataset();
    delete files['articles/a2.txt'];
    const [e] = errors(files);
    expect(e).toMatchObject({
      file: 'data/articles/a2.yaml',
      message: 'the article text is missing',
    });
    expect(e!.hint).toMatch(/data\/articles\/a2\.txt/);
  });

  it('a duplicate actor id', () => {
    const files = smallDataset();
    files['actors.yaml'] += '  - id: beta\n    label: Beta Again\n    kind: state\n';
    const [e] = errors(files);
    expect(e).toMatchObject({
      file: 'data/actors.yaml',
      line: 18,
      message: 'actor id "beta" is used twice',
    });
  });

  it('an alias claimed by two actors', () => {
    const files = smallDataset();
    files['actors.yaml'] +=
      '  - id: delta\n    label: Delta\n    kind: state\n    aliases: [Betaburg]\n';
    const [e] = errors(files);
    expect(e).toMatchObject({
      file: 'data/actors.yaml',
      line: 21,
      message: 'the name "Betaburg" is claimed by both "beta" and "delta"',
    });
  });

  it('a relation from an actor to itself', () => {
    const [e] = errors(
      withArticle(
        rel(
          '  - {source: alpha, type: opposes, target: Alphaville, quote: Gamma Front attacked Alphaville}\n',
        ),
      ),
    );
    expect(e).toMatchObject({
      file: 'data/articles/a1.yaml',
      line: 3,
      message: 'relation from Alpha Republic (alpha) to itself',
    });
  });

  it('reports all errors across files at once', () => {
    const files = withArticle(
      rel(
        '  - {source: X, type: opposes, target: alpha, quote: q}\n  - {source: alpha, type: nope, target: beta, quote: q}\n',
      ),
    );
    files['articles/a2.yaml'] = files['articles/a2.yaml']!.replace(
      'quote: Beta and Alpha signed a pact.',
      'quote: Beta and Alpha signed a treaty.',
    );
    const found = errors(files);
    expect(found.map((e) => `${e.file}:${e.line}`)).toEqual([
      'data/articles/a1.yaml:3',
      'data/articles/a1.yaml:4',
      'data/articles/a2.yaml:10',
    ]);
    expect(build(files).graph).toBeUndefined();
  });

  it('a missing actors.yaml', () => {
    const files = smallDataset();
    delete files['actors.yaml'];
    expect(errors(files)[0]).toMatchObject({ file: 'data/actors.yaml', message: 'file not found' });
  });

  it('warns about an article text without annotations and leaves it out', () => {
    const files = smallDataset();
    files['articles/extra.txt'] = 'Some text.';
    const result = build(files);
    expect(result.graph).toBeDefined();
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'data/articles/extra.txt' }),
    ]);
  });
});

describe('buildGraph with event dates', () => {
  const withEvent = (eventDate: string) => {
    const files = smallDataset();
    files['articles/a2.txt'] =
      'In February 2021 Beta and Alpha signed a pact.\nBeta later criticised Gamma Front.\n';
    files['articles/a2.yaml'] = files['articles/a2.yaml']!.replace(
      '    quote: Beta and Alpha signed a pact.\n',
      `    quote: Beta and Alpha signed a pact.\n    eventDate: ${eventDate}\n`,
    );
    return files;
  };

  it('keeps the event date on the evidence and the edge, and counts it', () => {
    const result = build(withEvent('{date: 2021-02, basis: stated, how: In February 2021}'));
    expect(result.issues).toEqual([]);
    const coop = result.graph!.getEdgeAttributes(edgeKey('cooperates-with', 'alpha', 'beta'));
    expect(coop.evidence.map((e) => e.eventDate ?? null)).toEqual([null, '2021-02']);
    expect(coop.evidence[1]).toMatchObject({
      eventDateBasis: 'stated',
      eventDateHow: 'In February 2021',
    });
    expect([coop.firstEventDate, coop.lastEventDate]).toEqual(['2021-02', '2021-02']);
    const opposes = result.graph!.getEdgeAttributes(edgeKey('opposes', 'beta', 'gamma-front'));
    expect([opposes.firstEventDate, opposes.lastEventDate]).toEqual([null, null]);
    expect(result.report!.dated).toEqual({ statement: 6, event: 1 });
  });

  it('reports a wrong event date and a wrong published date together, at their lines', () => {
    const files = withEvent('{date: 2021-02-30, basis: stated, how: In February 2021}');
    files['articles/a2.yaml'] = files['articles/a2.yaml']!.replace(
      'date: 2021-02',
      'date: 2021-02-29',
    );
    const issues = build(files).issues.filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.file, i.line, i.message])).toEqual([
      ['data/articles/a2.yaml', 3, expect.stringMatching(/^published\.date "2021-02-29"/)],
      [
        'data/articles/a2.yaml',
        11,
        'relations[0].eventDate.date "2021-02-30" is not a date on the calendar: February 2021 has 28 days',
      ],
    ]);
  });

  it('refuses an event date whose words are not in the text, naming file and line', () => {
    const issues = build(withEvent('{date: 2021-03, basis: stated, how: In March 2021}')).issues;
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'data/articles/a2.yaml',
        line: 11,
        message: 'eventDate.how "In March 2021" is not in the article text',
      }),
    ]);
  });
});
