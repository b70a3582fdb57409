import { describe, expect, it } from 'vitest';
import { buildSearchIndex, foldForSearch, searchActors } from '../../src/core/explore/search.ts';

const index = buildSearchIndex([
  {
    id: 'russia',
    label: 'Russia',
    aliases: ['Moscow', 'Russian Federation', 'Russians'],
    weight: 30,
  },
  { id: 'sergei-lavrov', label: 'Sergei Lavrov', aliases: ['Lavrov'], weight: 6 },
  { id: 'vitaly-churkin', label: 'Vitaly Churkin', aliases: ['Churkin'], weight: 1 },
  {
    id: 'pro-russian-separatists',
    label: 'Pro-Russian separatists',
    aliases: ['pro-Moscow separatists'],
    weight: 2,
  },
  { id: 'sao-tome', label: 'São Tomé', aliases: [], weight: 0 },
]);

describe('foldForSearch', () => {
  it('drops case, accents and extra whitespace', () => {
    expect(foldForSearch('  São   TOMÉ ')).toBe('sao tome');
  });

  it('spells letters that do not decompose plainly, as the name finder does', () => {
    expect(foldForSearch('Søren ØSTERGAARD, Łódź, Straße')).toBe('soren ostergaard, lodz, strasse');
  });
});

describe('searchActors', () => {
  it('finds an actor by an alias, naming the alias that matched', () => {
    expect(searchActors(index, 'Moscow')[0]).toEqual({
      id: 'russia',
      label: 'Russia',
      matched: 'Moscow',
      score: 0,
    });
  });

  it('is case- and accent-insensitive both ways', () => {
    expect(searchActors(index, 'moscow')[0]!.id).toBe('russia');
    expect(searchActors(index, 'sao tome')[0]!.id).toBe('sao-tome');
    expect(searchActors(index, 'CHÚRKIN')[0]!.id).toBe('vitaly-churkin');
  });

  it('ranks an exact name before a prefix, a prefix before a word inside, a word before a substring', () => {
    expect(searchActors(index, 'russia').map((m) => m.id)).toEqual([
      'russia',
      'pro-russian-separatists',
    ]);
    expect(searchActors(index, 'lav').map((m) => [m.id, m.score])).toEqual([['sergei-lavrov', 1]]);
    expect(searchActors(index, 'mosc').map((m) => m.id)).toEqual([
      'russia',
      'pro-russian-separatists',
    ]);
    expect(searchActors(index, 'scow').map((m) => m.score)).toEqual([3, 3]);
  });

  it('breaks ties by weight', () => {
    expect(searchActors(index, 'r').map((m) => m.id)[0]).toBe('russia');
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(searchActors(index, '   ')).toEqual([]);
    expect(searchActors(index, 'a', 2)).toHaveLength(2);
  });
});
