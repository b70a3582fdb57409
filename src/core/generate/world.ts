import type { ActorKind } from '../model.ts';
import { GIVEN_NAMES, NameRegistry, WordMint, capitalise, slug } from './names.ts';
import { type Random, WeightedPicker, apportion } from './random.ts';

/** A way of naming an actor in running text, and whether it takes "the" ("the Karesh Front"). */
export interface NameForm {
  name: string;
  the: boolean;
}

export interface WorldActor {
  index: number;
  id: string;
  label: string;
  kind: ActorKind;
  aliases: string[];
  /** Index of the actor this one belongs to. */
  affiliation?: number;
  note?: string;
  community: number;
  /** How often it is chosen as an end of a relation, relative to the others (heavy-tailed). */
  weight: number;
  /** The label first, then each alias. */
  forms: NameForm[];
  /** Written before a person's name: "Valorian Foreign Minister". */
  title?: string;
  /** States only: "Valorian". */
  demonym?: string;
}

/** A cluster of actors that mostly deal with each other: a region and its players. */
export interface Community {
  index: number;
  /** "the Dravo Valley": lower-case "the" where it has one. */
  region: string;
  /** Towns of the region (state capitals among them), for datelines and details. */
  places: string[];
  members: number[];
  /** Picks a member index (into members) by actor weight. */
  picker: WeightedPicker;
  /** The community it is most often at odds with (itself when it is the only one). */
  adversary: number;
}

export interface World {
  /** Coins the invented words of this world; further words (outlets) come from here too. */
  mint: WordMint;
  actors: WorldActor[];
  communities: Community[];
  /** Picks a community by the summed weight of its members: busy regions make more news. */
  communityPicker: WeightedPicker;
}

/** Shares of the actor kinds: many people and states, a few coalitions, as in the news. */
export const KIND_SHARES: readonly (readonly [ActorKind, number])[] = [
  ['state', 0.14],
  ['organisation', 0.11],
  ['armed-group', 0.18],
  ['coalition', 0.05],
  ['military', 0.1],
  ['person', 0.42],
];

/** States and coalitions are the hubs of the news; people mostly appear a few times. */
const KIND_WEIGHT: Record<ActorKind, number> = {
  state: 4,
  coalition: 2,
  'armed-group': 1.5,
  organisation: 1,
  military: 1,
  person: 0.8,
};

/** Zipf exponent of actor weights over a random ranking: the degree distribution's tail. */
const ZIPF_EXPONENT = 0.8;

/** Number of communities: about √n / 1.6 (300 actors: 11, 2,000: 28, 10,000: 62). */
export const communityCount = (actors: number): number =>
  Math.max(1, Math.min(Math.floor(actors / 2), Math.round(Math.sqrt(actors) / 1.6)));

const STATE_ENDINGS: readonly (readonly [string, string])[] = [
  ['ia', 'ian'],
  ['ia', 'ian'],
  ['istan', 'istani'],
  ['ar', 'ari'],
  ['ova', 'ovan'],
  ['', 'i'],
];
const REGION_PATTERNS = [
  'the # Valley',
  'the # Basin',
  'the # Highlands',
  'the # Coast',
  'the # Plain',
  '# Province',
  'the # Delta',
];
const ORGANISATION_PATTERNS = [
  '# Union',
  '# Cooperation Council',
  '# Development Agency',
  '# Monitoring Mission',
  '# Relief Committee',
  'League of # States',
  '# Chamber of Commerce',
  '# Human Rights Commission',
];
const ARMED_GROUP_PATTERNS = [
  '# Front',
  '# Liberation Army',
  'Army of #',
  '# Resistance Movement',
  '# Brigade',
  "# People's Militia",
  '# Defence Forces',
  'Sons of #',
];
const COALITION_PATTERNS = ['# Alliance', '# Pact', '# Coalition', 'Friends of #'];
const MILITARY_BRANCHES = [
  'Army',
  'Air Force',
  'Navy',
  'Special Forces',
  'Border Guard',
  'Republican Guard',
  'National Guard',
];
const STATE_TITLES = [
  'President',
  'Prime Minister',
  'Foreign Minister',
  'Defence Minister',
  'Interior Minister',
  'envoy',
  'ambassador',
  'government spokesman',
];
const GROUP_TITLES = ['leader', 'commander', 'spokesman', 'chief negotiator', 'deputy leader'];
const SMALL_WORDS = new Set(['of', 'for', 'the', 'and']);

/** Root plus ending, without two vowels meeting: Valo + ia = Valia. */
function joinRoot(root: string, ending: string): string {
  if (ending === '') return root;
  const vowel = /[aeiou]$/;
  return vowel.test(root) && /^[aeiou]/.test(ending) ? root.slice(0, -1) + ending : root + ending;
}

/** Initials of the significant words, when there are at least two: "KLA". */
function acronym(label: string): string | undefined {
  const words = label.split(/[\s-]+/).filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  return words.length >= 2 ? words.map((w) => w.charAt(0).toUpperCase()).join('') : undefined;
}

const fill = (pattern: string, word: string): string => pattern.replace('#', word);

interface Candidate {
  id?: string;
  label: string;
  aliases: string[];
  /** Whether label and aliases take "the" in running text. */
  the: boolean;
  /** Per-alias override of `the`. */
  aliasThe?: Record<string, boolean>;
}

/**
 * Builds the cast: actors of every kind with unique names (ids, labels, aliases clash-free
 * case-insensitively), grouped into communities, with heavy-tailed weights.
 */
export function makeWorld(random: Random, actorCount: number): World {
  const mint = new WordMint(random.fork('words'));
  const registry = new NameRegistry();
  const r = random.fork('cast');

  // Communities: a region, towns, and a size that varies (weights over a random ranking).
  const wanted = communityCount(actorCount);
  const communityWeights = r.shuffle(Array.from({ length: wanted }, (_, i) => (i + 1) ** -0.7));
  const communityPickerForMembers = new WeightedPicker(communityWeights);
  const draft = communityWeights.map(() => ({
    region: fill(r.pick(REGION_PATTERNS), mint.word()),
    places: Array.from({ length: 4 }, () => mint.word()),
    members: [] as number[],
  }));

  // Kinds in fixed proportions; states first, so that the others can belong to one.
  const kindCounts = apportion(
    actorCount,
    KIND_SHARES.map(([, share]) => share),
  );
  const kinds: ActorKind[] = KIND_SHARES.flatMap(([kind], i) =>
    Array<ActorKind>(kindCounts[i]!).fill(kind),
  );
  if (!kinds.includes('state')) {
    // Without a state, nothing can lead a coalition or own an army.
    for (let i = 0; i < kinds.length; i++) if (kinds[i] === 'military') kinds[i] = 'armed-group';
  }

  // Communities for each actor: states spread over all of them (each region has its state),
  // the others by community weight.
  const communityOf = kinds.map((kind, i) =>
    kind === 'state' && i < wanted ? i : communityPickerForMembers.pick(r),
  );

  // Heavy tail: a Zipf weight over a random ranking, scaled by kind.
  const ranks = r.shuffle(Array.from({ length: actorCount }, (_, i) => i));

  const actors: WorldActor[] = [];
  const states: number[] = [];
  const ledCoalition = new Set<number>();
  const branchesUsed = new Map<number, Set<string>>();

  // Who a person may work for: the states, organisations and armed groups of the region.
  const anchorsIn: number[][] = draft.map(() => []);
  const anchorsAnywhere: number[] = [];
  const statesIn: number[][] = draft.map(() => []);
  const stateIn = (community: number): number | undefined => {
    const local = statesIn[community]!;
    if (local.length > 0) return r.pick(local);
    return states.length > 0 ? r.pick(states) : undefined;
  };

  for (let index = 0; index < actorCount; index++) {
    const kind = kinds[index]!;
    const community = communityOf[index]!;
    let affiliation: number | undefined;
    let title: string | undefined;
    let demonym: string | undefined;
    let note: string | undefined;
    let made: { id: string; label: string; aliases: string[]; forms: NameForm[] } | undefined;

    for (let attempt = 0; !made; attempt++) {
      const root = mint.word();
      let candidate: Candidate;
      affiliation = undefined;
      title = undefined;
      note = undefined;
      switch (kind) {
        case 'state': {
          const [ending, demonymEnding] = r.pick(STATE_ENDINGS);
          const label = joinRoot(root, ending);
          demonym = joinRoot(root, demonymEnding);
          const capital = mint.word();
          draft[community]!.places.unshift(capital);
          const aliases = [capital, `${demonym} government`];
          if (r.chance(0.3)) aliases.push(`Republic of ${label}`);
          if (r.chance(0.3)) aliases.push(`${demonym}s`);
          candidate = {
            label,
            aliases,
            the: false,
            aliasThe: { [`${demonym} government`]: true, [`Republic of ${label}`]: true },
          };
          break;
        }
        case 'organisation': {
          const label = fill(r.pick(ORGANISATION_PATTERNS), root);
          const aliases: string[] = [];
          const short = acronym(label);
          if (short && short.length >= 3) aliases.push(short);
          const words = label.split(' ');
          if (words.length === 3 && words[0] === root) aliases.push(`${root} ${words[2]}`);
          candidate = { label, aliases, the: true, aliasThe: short ? { [short]: false } : {} };
          break;
        }
        case 'armed-group': {
          const label = fill(r.pick(ARMED_GROUP_PATTERNS), root);
          const aliases: string[] = [];
          const short = acronym(label);
          if (short && r.chance(0.7)) aliases.push(short);
          aliases.push(`${root} ${r.pick(['fighters', 'militants', 'rebels'])}`);
          candidate = { label, aliases, the: true, aliasThe: {} };
          for (const a of aliases) candidate.aliasThe![a] = false;
          break;
        }
        case 'coalition': {
          const leader = statesIn[community]!.filter((s) => !ledCoalition.has(s));
          if (leader.length > 0 && attempt === 0 && r.chance(0.6)) {
            const state = actors[r.pick(leader)]!;
            ledCoalition.add(state.index);
            affiliation = state.index;
            candidate = {
              label: `${state.label}-led coalition`,
              aliases: [`${state.demonym}-led coalition`, `${state.demonym}-led forces`],
              the: true,
            };
          } else {
            const label = fill(r.pick(COALITION_PATTERNS), root);
            candidate = { label, aliases: [`${root} allies`], the: true, aliasThe: {} };
            candidate.aliasThe![`${root} allies`] = false;
            const short = acronym(label);
            if (short && r.chance(0.5)) {
              candidate.aliases.push(short);
              candidate.aliasThe![short] = false;
            }
          }
          break;
        }
        case 'military': {
          const stateIndex = stateIn(community)!;
          const state = actors[stateIndex]!;
          const used = branchesUsed.get(stateIndex) ?? new Set<string>();
          branchesUsed.set(stateIndex, used);
          const free = MILITARY_BRANCHES.filter((b) => !used.has(b));
          affiliation = stateIndex;
          if (free.length > 0 && attempt === 0) {
            const branch = r.pick(free);
            used.add(branch);
            candidate = {
              label: `${state.demonym} ${branch}`,
              aliases: r.chance(0.5) ? [`${state.label} ${branch}`] : [],
              the: true,
            };
          } else {
            const unit = r.pick(['Division', 'Brigade', 'Battalion', 'Task Force']);
            candidate = {
              label: `${root} ${unit}`,
              aliases: [`${state.demonym} ${root} ${unit}`],
              the: true,
            };
          }
          break;
        }
        case 'person': {
          const given = r.pick(GIVEN_NAMES);
          const surname = r.chance(0.1) ? `al-${root}` : root;
          const middle = r.chance(0.15) ? `${String.fromCharCode(65 + r.int(26))}. ` : '';
          const label = `${given} ${middle}${surname}`;
          const aliases = [surname, `${given.charAt(0)}. ${surname}`];
          if (middle) aliases.push(`${given} ${surname}`);
          candidate = { label, aliases, the: false };
          const local = anchorsIn[community]!;
          const pool = local.length > 0 ? local : anchorsAnywhere;
          if (pool.length > 0) {
            const localStates = pool.filter((a) => actors[a]!.kind === 'state');
            const boss =
              actors[localStates.length > 0 && r.chance(0.6) ? r.pick(localStates) : r.pick(pool)]!;
            affiliation = boss.index;
            const role = boss.kind === 'state' ? r.pick(STATE_TITLES) : r.pick(GROUP_TITLES);
            title = boss.kind === 'state' ? `${boss.demonym} ${role}` : `${boss.label} ${role}`;
            if (r.chance(0.35)) {
              const of = boss.forms[0]!.the ? `the ${boss.label}` : boss.label;
              note = `${capitalise(role)} of ${of}.`;
            }
          }
          break;
        }
      }
      const id = candidate.id ?? slug(candidate.label);
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) continue;
      const kept = registry.claim(id, candidate.label, candidate.aliases);
      if (!kept) continue;
      const the = candidate.the;
      made = {
        id,
        label: candidate.label,
        aliases: kept,
        forms: [
          { name: candidate.label, the },
          ...kept.map((name) => ({ name, the: candidate.aliasThe?.[name] ?? the })),
        ],
      };
    }

    const actor: WorldActor = {
      index,
      id: made.id,
      label: made.label,
      kind,
      aliases: made.aliases,
      community,
      weight: KIND_WEIGHT[kind] * (ranks[index]! + 2) ** -ZIPF_EXPONENT,
      forms: made.forms,
      ...(affiliation === undefined ? {} : { affiliation }),
      ...(note === undefined ? {} : { note }),
      ...(title === undefined ? {} : { title }),
      ...(kind === 'state' && demonym !== undefined ? { demonym } : {}),
    };
    actors.push(actor);
    if (kind === 'state') {
      states.push(index);
      statesIn[community]!.push(index);
    }
    if (kind === 'state' || kind === 'organisation' || kind === 'armed-group') {
      anchorsIn[community]!.push(index);
      if (kind !== 'organisation') anchorsAnywhere.push(index);
    }
    draft[community]!.members.push(index);
  }

  // Drop empty communities (possible with very few actors) and number the rest densely.
  const kept = draft.filter((c) => c.members.length > 0);
  const newIndex: number[] = [];
  for (let i = 0, k = 0; i < draft.length; i++)
    newIndex.push(draft[i]!.members.length > 0 ? k++ : -1);
  for (const actor of actors) actor.community = newIndex[actor.community]!;

  const communities: Community[] = kept.map((c, index) => ({
    index,
    region: c.region,
    places: c.places,
    members: c.members,
    picker: new WeightedPicker(c.members.map((m) => actors[m]!.weight)),
    adversary: index,
  }));
  for (const c of communities) {
    if (communities.length > 1) {
      const other = r.int(communities.length - 1);
      c.adversary = other >= c.index ? other + 1 : other;
    }
  }
  return {
    mint,
    actors,
    communities,
    communityPicker: new WeightedPicker(communities.map((c) => c.picker.total)),
  };
}
