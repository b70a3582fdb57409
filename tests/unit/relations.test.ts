import { describe, expect, it } from 'vitest';
import { IssueSink } from '../../src/core/pipeline/issues.ts';
import { parseYaml } from '../../src/core/pipeline/load.ts';
import { resolveRelations } from '../../src/core/pipeline/relations.ts';
import { indexActors } from '../../src/core/pipeline/resolve.ts';
import type { RelationType } from '../../src/core/model.ts';
import { COOPERATES, OPPOSES } from '../helpers/dataset.ts';

const actors = indexActors([
  { id: 'russia', label: 'Russia', kind: 'state', aliases: ['Moscow'] },
  { id: 'united-states', label: 'United States', kind: 'state', aliases: ['Washington'] },
]);
const types = new Map<string, RelationType>([
  ['opposes', OPPOSES],
  ['cooperates-with', COOPERATES],
]);

function resolve(relations: string) {
  const sink = new IssueSink();
  const parsed = parseYaml(
    { path: 'articles/a.yaml', text: `title: T\nrelations:\n${relations}` },
    sink,
  )!;
  return { resolved: resolveRelations('a', parsed, actors, types, sink), issues: sink.issues };
}

describe('resolveRelations', () => {
  it('resolves names and types, defaulting the modality to asserted', () => {
    const { resolved, issues } = resolve(
      '  - {source: Moscow, type: opposes, target: washington, quote: q}\n',
    );
    expect(issues).toEqual([]);
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({
      source: 'russia',
      target: 'united-states',
      modality: 'asserted',
      quote: 'q',
    });
    expect(resolved[0]!.relation.id).toBe('opposes');
  });

  it('reports an unknown actor at its line, suggesting the closest', () => {
    const { resolved, issues } = resolve(
      '  - source: Rusia\n    type: opposes\n    target: Washington\n    quote: q\n',
    );
    expect(resolved).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      file: 'articles/a.yaml',
      line: 3,
      column: 13,
    });
    expect(issues[0]!.message).toBe('unknown actor "Rusia" as source');
    expect(issues[0]!.hint).toMatch(/Did you mean Russia \(russia\)\?/);
  });

  it('reports an unknown relation type, suggesting the closest', () => {
    const { issues } = resolve(
      '  - source: Moscow\n    type: oposes\n    target: Washington\n    quote: q\n',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 4 });
    expect(issues[0]!.message).toBe('unknown relation type "oposes"');
    expect(issues[0]!.hint).toMatch(/Did you mean "opposes"\?/);
  });

  it('refuses a relation from an actor to itself, even under two names', () => {
    const { resolved, issues } = resolve(
      '  - {source: Moscow, type: cooperates-with, target: Russia, quote: q}\n',
    );
    expect(resolved).toEqual([]);
    expect(issues[0]!.message).toBe('relation from Russia (russia) to itself');
  });

  it('reports every bad relation, not only the first', () => {
    const { issues } = resolve(
      '  - {source: X, type: opposes, target: Russia, quote: q}\n  - {source: Russia, type: opposes, target: Y, quote: q}\n',
    );
    expect(issues.map((i) => i.line)).toEqual([3, 4]);
  });
});
