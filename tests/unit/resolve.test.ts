import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/model.ts';
import {
  findNameClashes,
  indexActors,
  nameKey,
  resolveActor,
} from '../../src/core/pipeline/resolve.ts';

const actors: Actor[] = [
  { id: 'russia', label: 'Russia', kind: 'state', aliases: ['Moscow', 'Russian Federation'] },
  { id: 'united-states', label: 'United States', kind: 'state', aliases: ['US', 'Washington'] },
  {
    id: 'john-kerry',
    label: 'John Kerry',
    kind: 'person',
    aliases: ['Kerry'],
    affiliation: 'united-states',
  },
  { id: 'islamic-state', label: 'Islamic State', kind: 'armed-group', aliases: ['ISIL', 'Daesh'] },
];
const index = indexActors(actors);

describe('nameKey', () => {
  it('ignores case, surrounding and repeated whitespace', () => {
    expect(nameKey('  Russian   Federation ')).toBe('russian federation');
    expect(nameKey('RUSSIAN\tfederation')).toBe('russian federation');
  });
});

describe('resolveActor', () => {
  it('resolves ids, labels and aliases', () => {
    expect(resolveActor(index, 'russia')).toEqual({ ok: true, id: 'russia' });
    expect(resolveActor(index, 'United States')).toEqual({ ok: true, id: 'united-states' });
    expect(resolveActor(index, 'Moscow')).toEqual({ ok: true, id: 'russia' });
  });

  it('is case- and whitespace-insensitive', () => {
    expect(resolveActor(index, 'russian  FEDERATION')).toEqual({ ok: true, id: 'russia' });
    expect(resolveActor(index, ' daesh ')).toEqual({ ok: true, id: 'islamic-state' });
  });

  it('suggests the closest actors for an unknown name', () => {
    expect(resolveActor(index, 'Rusia')).toEqual({
      ok: false,
      reason: 'unknown',
      candidates: ['russia'],
    });
    expect(resolveActor(index, 'Kery')).toMatchObject({ candidates: ['john-kerry'] });
    expect(resolveActor(index, 'Secretary Kerry')).toMatchObject({ candidates: ['john-kerry'] });
  });

  it('suggests nothing for a name far from every actor', () => {
    expect(resolveActor(index, 'Atlantis')).toEqual({
      ok: false,
      reason: 'unknown',
      candidates: [],
    });
  });

  it('calls a name shared by two actors ambiguous', () => {
    const clashing = indexActors([
      ...actors,
      { id: 'moscow-city', label: 'Moscow', kind: 'organisation' },
    ]);
    expect(resolveActor(clashing, 'moscow')).toEqual({
      ok: false,
      reason: 'ambiguous',
      candidates: ['moscow-city', 'russia'],
    });
  });
});

describe('findNameClashes', () => {
  it('finds a name claimed by two actors', () => {
    const clashes = findNameClashes([
      ...actors,
      { id: 'dc', label: 'D.C.', kind: 'state', aliases: ['washington'] },
    ]);
    expect(clashes).toEqual([
      { key: 'washington', name: 'washington', actorIds: ['united-states', 'dc'] },
    ]);
  });

  it('does not count an actor repeating its own name', () => {
    expect(
      findNameClashes([{ id: 'iran', label: 'Iran', kind: 'state', aliases: ['IRAN'] }]),
    ).toEqual([]);
  });
});

describe('suggestions for a near miss', () => {
  it('name only the close actors when one is one edit away', () => {
    const many = indexActors([
      ...actors,
      { id: 'nusra-front', label: 'Nusra Front', kind: 'armed-group', aliases: ['Nusra'] },
      { id: 'usa', label: 'USA', kind: 'state' },
    ]);
    expect(resolveActor(many, 'Rusia')).toEqual({
      ok: false,
      reason: 'unknown',
      candidates: ['russia'],
    });
  });
});
