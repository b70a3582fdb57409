import type { Modality } from '../model.ts';
import { MODALITIES } from '../model.ts';
import { type Random, apportion } from './random.ts';
import type { RelationTypeId } from './vocabulary.ts';
import type { World } from './world.ts';

/** One annotated relation, between actor indices. */
export interface PlannedRelation {
  source: number;
  target: number;
  type: RelationTypeId;
  modality: Modality;
}

/**
 * What one quote reports: a single relation, or a joint action ("A and C launched strikes
 * against B") that supports three: A cooperates with C, and each acts on B.
 */
export interface PlannedEvent {
  /** The community the event belongs to: its article is about that region. */
  home: number;
  relations: PlannedRelation[];
  joint: boolean;
}

/** How modalities are shared out: mostly plain assertions, as in the annotated articles. */
export const MODALITY_SHARES: Record<Modality, number> = {
  asserted: 0.66,
  negated: 0.07,
  conditional: 0.06,
  proposed: 0.07,
  reported: 0.09,
  denied: 0.05,
};

/** Share of relations within a community; the rest cross to another, often its adversary. */
const WITHIN = 0.8;
const TO_ADVERSARY = 0.5;
/** Relation types inside a community lean to cooperation, across communities to conflict. */
const TYPE_WITHIN: readonly [RelationTypeId, number][] = [
  ['cooperates-with', 0.5],
  ['opposes', 0.32],
  ['proposes-to', 0.18],
];
const TYPE_ACROSS: readonly [RelationTypeId, number][] = [
  ['cooperates-with', 0.22],
  ['opposes', 0.6],
  ['proposes-to', 0.18],
];
/** About one relation in a hundred comes from a joint action (three relations on one quote). */
const JOINT_SHARE = 0.01;

/**
 * Plans every relation: who, which type, which modality. Every actor takes part in at least one
 * relation (the build warns about actors without relations), ends are drawn by actor weight
 * (heavy-tailed degrees), mostly within a community (clusters), never an actor with itself.
 * Returns the events in article order: grouped by community.
 */
export function planEvents(
  random: Random,
  world: World,
  relationCount: number,
  articleCount: number,
): PlannedEvent[] {
  const { actors, communities, communityPicker } = world;
  const n = actors.length;
  const events: PlannedEvent[] = [];
  let made = 0;

  const pickIn = (community: number): number => {
    const c = communities[community]!;
    return c.members[c.picker.pick(random)]!;
  };
  const otherCommunity = (community: number): number => {
    if (communities.length === 1) return community;
    if (random.chance(TO_ADVERSARY)) return communities[community]!.adversary;
    for (;;) {
      const c = communityPicker.pick(random);
      if (c !== community) return c;
    }
  };
  /** A partner for `a`, and whether the two share a community. */
  const partnerOf = (a: number): { partner: number; within: boolean } => {
    const home = actors[a]!.community;
    if (communities[home]!.members.length > 1 && random.chance(WITHIN)) {
      for (let attempt = 0; attempt < 50; attempt++) {
        const b = pickIn(home);
        if (b !== a) return { partner: b, within: true };
      }
    }
    const away = otherCommunity(home);
    if (away !== home) return { partner: pickIn(away), within: false };
    // A single community: anyone else will do.
    const b = (a + 1 + random.int(n - 1)) % n;
    return { partner: b, within: actors[b]!.community === home };
  };
  const typeFor = (within: boolean): RelationTypeId => {
    const table = within ? TYPE_WITHIN : TYPE_ACROSS;
    let x = random.float();
    for (const [type, p] of table) if ((x -= p) < 0) return type;
    return table[table.length - 1]![0];
  };
  const single = (home: number, source: number, target: number, within: boolean): void => {
    const [s, t] = random.chance(0.5) ? [source, target] : [target, source];
    events.push({
      home,
      joint: false,
      relations: [{ source: s, target: t, type: typeFor(within), modality: 'asserted' }],
    });
    made++;
  };

  // 1. Coverage: every actor in at least one relation. Where relations are scarce (fewer than
  // actors), pair uncovered actors with each other; otherwise give each a partner by weight.
  const covered = new Uint8Array(n);
  let uncovered = n;
  const order = communities.flatMap((c) => random.shuffle([...c.members]));
  let scan = 0;
  for (let i = 0; i < order.length; i++) {
    const a = order[i]!;
    if (covered[a]) continue;
    const left = relationCount - made;
    let partner: number | undefined;
    let within = true;
    if (uncovered - 1 > 2 * (left - 1)) {
      // Too few relations left to cover the rest one at a time: take the next uncovered actor.
      for (scan = Math.max(scan, i + 1); scan < order.length && covered[order[scan]!]; scan++);
      if (scan < order.length) {
        partner = order[scan]!;
        within = actors[partner]!.community === actors[a]!.community;
      }
    }
    if (partner === undefined) ({ partner, within } = partnerOf(a));
    for (const x of [a, partner]) {
      if (!covered[x]) {
        covered[x] = 1;
        uncovered--;
      }
    }
    single(actors[a]!.community, a, partner, within);
  }

  // 2. Joint actions, while there are relations to spare (each article needs an event).
  const joints = Math.min(
    Math.floor(relationCount * JOINT_SHARE),
    Math.floor((relationCount - articleCount) / 2),
    Math.floor((relationCount - made) / 3),
  );
  for (let k = 0; k < joints; k++) {
    const home = communityPicker.pick(random);
    if (communities[home]!.members.length < 2) continue;
    const a = pickIn(home);
    const c = pickIn(home);
    const away = random.chance(0.5) ? home : otherCommunity(home);
    const b = pickIn(away);
    if (a === c || b === a || b === c) continue;
    const type: RelationTypeId = random.chance(0.75) ? 'opposes' : 'proposes-to';
    events.push({
      home,
      joint: true,
      relations: [
        { source: a, target: c, type: 'cooperates-with', modality: 'asserted' },
        { source: a, target: b, type, modality: 'asserted' },
        { source: c, target: b, type, modality: 'asserted' },
      ],
    });
    made += 3;
  }

  // 3. The rest: an event in a community chosen by weight, its ends by weight.
  while (made < relationCount) {
    const home = communityPicker.pick(random);
    const a = pickIn(home);
    const { partner, within } = partnerOf(a);
    single(home, a, partner, within);
  }

  assignModalities(random, events);
  ensureEveryType(events, relationCount);

  // Article order: by community, in random order within each.
  const tie = events.map(() => random.float());
  const index = events.map((_, i) => i);
  index.sort((x, y) => events[x]!.home - events[y]!.home || tie[x]! - tie[y]! || x - y);
  return index.map((i) => events[i]!);
}

/** Modalities in fixed proportions over the single relations, each present when there are six. */
function assignModalities(random: Random, events: PlannedEvent[]): void {
  const singles = events.filter((e) => !e.joint);
  const counts = apportion(
    singles.length,
    MODALITIES.map((m) => MODALITY_SHARES[m]),
    singles.length >= MODALITIES.length ? 1 : 0,
  );
  const pool = random.shuffle(MODALITIES.flatMap((m, i) => Array<Modality>(counts[i]!).fill(m)));
  singles.forEach((e, i) => (e.relations[0]!.modality = pool[i]!));
}

/** With three relations or more, each type occurs at least once (retyping the commonest). */
function ensureEveryType(events: PlannedEvent[], relationCount: number): void {
  if (relationCount < 3) return;
  const types: RelationTypeId[] = ['cooperates-with', 'opposes', 'proposes-to'];
  for (const missing of types) {
    const count = (t: RelationTypeId) =>
      events.reduce((n, e) => n + e.relations.filter((r) => r.type === t).length, 0);
    if (count(missing) > 0) continue;
    const commonest = types.reduce((a, b) => (count(b) > count(a) ? b : a));
    const event = events.findLast((e) => !e.joint && e.relations[0]!.type === commonest);
    if (event) event.relations[0]!.type = missing;
  }
}

/**
 * How many relations each article gets: at least one, on average relations / articles, with the
 * spread of real news (a few long pieces, many short ones).
 */
export function articleSizes(random: Random, relations: number, articles: number): number[] {
  const weights = Array.from({ length: articles }, () => 0.25 - Math.log(1 - random.float()));
  return apportion(relations, weights, 1);
}

/**
 * Cuts the events, in order, into articles of about the given sizes: each article gets at least
 * one event, and no event is split.
 */
export function groupIntoArticles(
  events: PlannedEvent[],
  sizes: readonly number[],
): PlannedEvent[][] {
  const groups: PlannedEvent[][] = [];
  let next = 0;
  for (let i = 0; i < sizes.length; i++) {
    const articlesLeft = sizes.length - i;
    const group: PlannedEvent[] = [];
    let count = 0;
    // Leave at least one event for each later article.
    const last = events.length - (articlesLeft - 1);
    while (next < last && (group.length === 0 || count < sizes[i]!)) {
      const e = events[next++]!;
      group.push(e);
      count += e.relations.length;
    }
    if (i === sizes.length - 1) while (next < events.length) group.push(events[next++]!);
    groups.push(group);
  }
  return groups;
}
