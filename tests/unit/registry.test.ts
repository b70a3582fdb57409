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

describe('checkActors and look-alike names', () => {
  const messages = (text: string) =>
    actors(text).issues.map((i) => [i.severity, i.line, i.column, i.message]);

  it('refuses invisible characters in labels and aliases, at the character', () => {
    expect(
      messages(
        'actors:\n  - id: a\n    label: "A\u200bB"\n    kind: state\n    aliases: [X\u2066Y]\n',
      ),
    ).toEqual([
      [
        'error',
        3,
        14,
        'the label "A\\u200bB" contains an invisible or control character, U+200B (zero-width space)',
      ],
      [
        'error',
        5,
        16,
        'the alias "X\\u2066Y" contains an invisible or control character, U+2066 (left-to-right isolate)',
      ],
    ]);
  });

  it('writes names in NFC, so normal forms of one name clash', () => {
    const { index, issues } = actors(
      'actors:\n  - {id: a, label: "Cafe\u0301", kind: state}\n  - {id: b, label: "Caf\u00e9", kind: state}\n',
    );
    expect(index.actors.get('a')!.label).toBe('Caf\u00e9');
    expect(issues.map((i) => i.message)).toEqual([
      'the name "Café" is claimed by both "a" and "b"',
    ]);
  });

  it('warns about a name mixing scripts and about two actors that look alike', () => {
    expect(
      messages(
        'actors:\n  - {id: russia, label: Russia, kind: state}\n  - {id: other, label: "Russi\u0430", kind: state}\n',
      ),
    ).toEqual([
      [
        'warning',
        3,
        30,
        'the label "Russi\u0430" mixes Latin and Cyrillic letters: "\u0430" (U+0430, Cyrillic)',
      ],
      [
        'warning',
        3,
        24,
        '"Russi\u0430" of actor "other" looks like "russia" of actor "russia" (line 2) but is written with different characters: "\u0430" (U+0430) for "a" (U+0061)',
      ],
    ]);
    // Greek omicron alone in a Greek name is fine; the same actor may repeat itself.
    expect(
      messages('actors:\n  - {id: g, label: "Ελλάδα", kind: state, aliases: [ΕΛΛΑΔΑ]}\n'),
    ).toEqual([]);
  });
});
