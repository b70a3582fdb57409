import { describe, expect, it } from 'vitest';
import { IssueSink } from '../../src/core/pipeline/issues.ts';
import { parseYaml } from '../../src/core/pipeline/load.ts';
import { checkActors, checkRelationTypes } from '../../src/core/pipeline/registry.ts';

function actors(text: string) {
  const sink = new IssueSink();
  const index = checkActors(parseYaml({ path: 'actors.yaml', text }, sink)!, sink);
  return { index, issues: sink.issues };
}

describe('checkActors', () => {
  it('accepts a consistent registry', () => {
    const { issues, index } = actors(
      'actors:\n  - {id: a, label: A, kind: state}\n  - {id: b, label: B, kind: person, affiliation: a}\n',
    );
    expect(issues).toEqual([]);
    expect([...index.actors.keys()]).toEqual(['a', 'b']);
  });

  it('reports a duplicate actor id at the second one, naming the first', () => {
    const { issues } = actors(
      'actors:\n  - {id: a, label: A, kind: state}\n  - {id: a, label: Other, kind: state}\n',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', file: 'actors.yaml', line: 3 });
    expect(issues[0]!.message).toBe('actor id "a" is used twice');
    expect(issues[0]!.hint).toMatch(/line 2/);
  });

  it('reports an alias claimed by two actors', () => {
    const { issues } = actors(
      'actors:\n  - id: a\n    label: A\n    kind: state\n    aliases: [Capital]\n  - id: b\n    label: B\n    kind: state\n    aliases: [Other, capital]\n',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 9 });
    expect(issues[0]!.message).toBe('the name "capital" is claimed by both "a" and "b"');
    expect(issues[0]!.hint).toMatch(/at line 5/);
  });

  it("reports an alias equal to another actor's label", () => {
    const { issues } = actors(
      'actors:\n  - {id: a, label: Iran, kind: state}\n  - {id: b, label: B, kind: state, aliases: [iran]}\n',
    );
    expect(issues[0]!.message).toBe('the name "iran" is claimed by both "a" and "b"');
  });

  it('reports an affiliation with an unknown actor or with itself', () => {
    const { issues } = actors(
      'actors:\n  - {id: a, label: A, kind: person, affiliation: nowhere}\n  - {id: b, label: B, kind: person, affiliation: b}\n',
    );
    expect(issues.map((i) => i.message)).toEqual([
      'actor "a" is affiliated with "nowhere", which is not in the registry',
      'actor "b" is affiliated with itself',
    ]);
  });
});

describe('checkRelationTypes', () => {
  it('reports a relation type defined twice', () => {
    const sink = new IssueSink();
    const parsed = parseYaml(
      {
        path: 'relation-types.yaml',
        text: 'relationTypes:\n  - {id: x, label: x}\n  - {id: y, label: y}\n  - {id: x, label: again}\n',
      },
      sink,
    )!;
    const types = checkRelationTypes(parsed, sink);
    expect([...types.keys()]).toEqual(['x', 'y']);
    expect(sink.issues).toHaveLength(1);
    expect(sink.issues[0]).toMatchObject({
      line: 4,
      message: 'relation type "x" is defined twice',
    });
  });
});
