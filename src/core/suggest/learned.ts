/**
 * The learned reader: for a pair of actors named in one sentence with a cue of a type, which
 * the structural stages did not relate by that type, the probability that an analyst would
 * record the relation, from a logistic regression over words and positions trained on
 * annotated articles (npm run train:suggest; model in learned-model.json). It adds what the
 * rules miss at a lower score; it never removes what they found.
 *
 * Features are strings prefixed by the relation type ("opposes|bw:against"), so one weight
 * table holds one model per type; a type the model was not trained on gets no candidates.
 */
import type { SideHow } from './arguments.ts';
import type { CueHit } from './cues.ts';
import { pairKey } from './pairs.ts';
import { isParty, type PlacedMention, type SentenceView } from './sentence.ts';

export interface LearnedModel {
  /** Candidates at or above this probability become suggestions. */
  threshold: number;
  weights: ReadonlyMap<string, number>;
  /** The relation types it was trained on: those with a bias weight. */
  types: readonly string[];
  /** How many annotated articles it learned from (said in the why). */
  articles: number;
}

/** A relation the structure gave in the sentence, as far as the learned stage needs it. */
export interface Related {
  source: string;
  type: string;
  target: string;
}

/** A cue the structure read and the actors it found on each side. */
export interface CueSides {
  type: string;
  source: readonly string[];
  target: readonly string[];
  sourceHow?: SideHow;
  targetHow?: SideHow;
}

/** What the features of a sentence's pairs are read from. */
export interface PairContext {
  view: SentenceView;
  /** The sentence's cue hits. */
  hits: readonly CueHit[];
  /** The structure's relations in this sentence. */
  related: readonly Related[];
  /** Each cue the structure read, with its sides. */
  sides: readonly CueSides[];
  /** The sentence's index in the article (0 is the lead). */
  index: number;
  /** For each pair of actors ("a|b", sorted), in how many sentences of the article both are named. */
  together: ReadonlyMap<string, number>;
  directed: (type: string) => boolean;
  kindOf: (id: string) => string | undefined;
  /** The actor a person or unit belongs to (actors.yaml's affiliation). */
  affiliationOf: (id: string) => string | undefined;
}

export interface PairCandidate {
  type: string;
  source: PlacedMention;
  target: PlacedMention;
  /** The cue of the type nearest to the pair: the evidence shown. */
  cue: CueHit;
  features: string[];
}

/**
 * Sentences naming more actors give no candidates: in long sentences of real articles, most
 * pairs of many names are unrelated (leaving each set out in turn: the seeds' precision 0.58
 * with no limit, 0.66 with this one; the other sets lose 19 right suggestions of 1,466).
 */
const MAX_ACTORS = 4;
/** Words between the names are features only when the names are this close (in tokens). */
const BETWEEN_REACH = 14;
/** Words before the first name and after the second that are features. */
const WINDOW = 3;

/** For each pair of actors, in how many of the sentences both are named. */
export function namedTogether(views: readonly SentenceView[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const view of views) {
    const ids = [...new Set(view.mentions.flatMap((m) => (m.actor ? [m.actor] : [])))];
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const key = pairKey(ids[i]!, ids[j]!);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  }
  return counts;
}

/** The index of the first edge n does not exceed (0 up to edges.length). */
const DISTANCE_EDGES = [1, 3, 6, 10, 16, 25];
/** Buckets of in how many sentences a pair is named (this one included); TOGETHER words them. */
const TOGETHER_EDGES = [1, 2, 4, 8];
const bucket = (n: number, edges: readonly number[]): number => {
  let i = 0;
  while (i < edges.length && n > edges[i]!) i++;
  return i;
};

/**
 * Every pair of actors named in the sentence and every type of `types` with a cue in it, that
 * the structure did not relate by that type (in either order for an undirected type), with its
 * features.
 */
export function pairCandidates(context: PairContext, types: readonly string[]): PairCandidate[] {
  const { view, hits, related } = context;
  // Each actor by its first mention that is a party: not a dateline ("CHISINAU —") or a name
  // that only qualifies the next ("Russian Foreign Minister X"); an actor named only so is none.
  const firstOf = new Map<string, PlacedMention>();
  for (const m of view.mentions.filter(isParty)) if (!firstOf.has(m.actor)) firstOf.set(m.actor, m);
  if (firstOf.size < 2) return [];
  const ids = [...firstOf.keys()];
  if (ids.length > MAX_ACTORS) return [];
  const out: PairCandidate[] = [];
  for (const type of types) {
    const ofType = hits.filter((h) => h.cue.type === type);
    if (ofType.length === 0) continue;
    const directed = context.directed(type);
    for (const a of ids)
      for (const b of ids) {
        if (a === b || (!directed && a > b)) continue;
        const same = (r: Related) =>
          r.type === type &&
          ((r.source === a && r.target === b) || (!directed && r.source === b && r.target === a));
        if (related.some(same)) continue;
        const source = firstOf.get(a)!;
        const target = firstOf.get(b)!;
        out.push({
          type,
          source,
          target,
          cue: nearest(ofType, source, target),
          features: pairFeatures(
            context,
            type,
            source,
            target,
            ids.length,
            firstOf.get(ids[0]!)!,
          ).map((f) => `${type}|${f}`),
        });
      }
  }
  return out;
}

/** The cue between the two names nearest to them, else the one nearest to either name. */
function nearest(hits: readonly CueHit[], a: PlacedMention, b: PlacedMention): CueHit {
  const [one, two] = a.first <= b.first ? [a, b] : [b, a];
  const between = hits.filter((h) => h.first >= one.last && h.last <= two.first);
  const distance = (h: CueHit) =>
    Math.min(Math.abs(h.first - a.first), Math.abs(h.first - b.first));
  const pool = between.length > 0 ? between : hits;
  return pool.reduce((best, h) => (distance(h) < distance(best) ? h : best));
}

/** The features of one pair for one type, without the type's prefix. */
function pairFeatures(
  context: PairContext,
  type: string,
  source: PlacedMention,
  target: PlacedMention,
  actors: number,
  /** The sentence's first mention of a party. */
  firstParty: PlacedMention,
): string[] {
  const { view, hits, related } = context;
  const { tokens, sentence } = view;
  const a = source.actor!;
  const b = target.actor!;
  const directed = context.directed(type);
  const [one, two] = source.first <= target.first ? [source, target] : [target, source];
  const f = ['bias'];
  const ofPair = related.filter(
    (r) => (r.source === a && r.target === b) || (r.source === b && r.target === a),
  );
  if (ofPair.length === 0) f.push('s:pairnone');
  for (const r of ofPair) {
    if (r.type !== type) f.push(`s:other:${r.type}`);
    else if (directed && r.source === b) f.push('s:rev');
  }
  if (related.some((r) => r.source === a || r.target === a)) f.push('s:a-used');
  if (related.some((r) => r.source === b || r.target === b)) f.push('s:b-used');
  for (const h of hits) {
    const where =
      h.last <= one.first
        ? 'before'
        : h.first >= two.last
          ? 'after'
          : h.first >= one.last && h.last <= two.first
            ? 'between'
            : 'on';
    f.push(`cue:${h.cue.type}:${where}`);
    if (h.cue.type === type)
      f.push(`cuew:${h.cue.words.join('_')}`, `cam:${h.cue.code.slice(0, 2)}:${where}`);
  }
  f.push(...sideFeatures(context.sides, type, a, b, directed));
  const gap = two.first - one.last;
  f.push(`dist:${bucket(gap, DISTANCE_EDGES)}`);
  if (gap <= BETWEEN_REACH)
    for (let i = one.last; i < two.first; i++)
      if (/^\p{L}/u.test(tokens[i]!.text)) f.push(`bw:${tokens[i]!.lemma}`);
  for (let i = Math.max(sentence.first, one.first - WINDOW); i < one.first; i++)
    f.push(`pre:${tokens[i]!.lemma}`);
  for (let i = two.last; i < Math.min(sentence.last, two.last + WINDOW); i++)
    f.push(`post:${tokens[i]!.lemma}`);
  const kindA = context.kindOf(a) ?? 'unknown';
  const kindB = context.kindOf(b) ?? 'unknown';
  if (directed) {
    f.push(source === one ? 'srcfirst' : 'tgtfirst', `k:${kindA}>${kindB}`);
    if (firstParty === source) f.push('src-first-named');
  } else {
    f.push(`k:${[kindA, kindB].sort().join('+')}`);
    if (firstParty === one) f.push('src-first-named');
  }
  if (context.affiliationOf(a) === b || context.affiliationOf(b) === a) f.push('own');
  f.push(`n:${actors}`);
  for (let i = sentence.first; i < sentence.last; i++)
    if (tokens[i]!.negated) {
      f.push('neg');
      break;
    }
  f.push(`via1:${one.mention.via}`, `via2:${two.mention.via}`);
  if (one.mention.possessive) f.push('poss1');
  if (two.mention.possessive) f.push('poss2');
  f.push(`co:${bucket(context.together.get(pairKey(a, b)) ?? 0, TOGETHER_EDGES)}`);
  if (context.index <= 1) f.push('lead');
  return [...new Set(f)];
}

/**
 * What the structure read of the cues' sides about this pair: whether the source stands on a
 * cue's source side and the target on its target side (and how each was found), the other way
 * round, or alone on a side whose other is empty; for cues of the type ('side:') and of other
 * types ('oside:'). For a symmetric type the pair has no order: 'one' is either of them.
 */
function sideFeatures(
  sides: readonly CueSides[],
  type: string,
  a: string,
  b: string,
  directed: boolean,
): string[] {
  const f: string[] = [];
  for (const side of sides) {
    const p = side.type === type ? 'side' : 'oside';
    const onSource = (id: string) => side.source.includes(id);
    const onTarget = (id: string) => side.target.includes(id);
    if (directed) {
      if (onSource(a)) f.push(`${p}:src:${side.sourceHow}`);
      if (onTarget(b)) f.push(`${p}:tgt:${side.targetHow}`);
      if (onTarget(a)) f.push(`${p}:src-as-tgt`);
      if (onSource(b)) f.push(`${p}:tgt-as-src`);
      if (onSource(a) && side.target.length === 0) f.push(`${p}:src-alone`);
      if (onTarget(b) && side.source.length === 0) f.push(`${p}:tgt-alone`);
    } else {
      if ((onSource(a) && onTarget(b)) || (onSource(b) && onTarget(a))) f.push(`${p}:across`);
      for (const id of [a, b]) {
        if (onSource(id)) f.push(`${p}:one-src:${side.sourceHow}`);
        if (onTarget(id)) f.push(`${p}:one-tgt:${side.targetHow}`);
        if (onSource(id) && side.target.length === 0) f.push(`${p}:one-alone`);
        if (onTarget(id) && side.source.length === 0) f.push(`${p}:one-alone`);
      }
    }
  }
  return f;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The model's probability for a candidate's features. */
export function probability(model: LearnedModel, features: readonly string[]): number {
  let z = 0;
  for (const f of features) z += model.weights.get(f) ?? 0;
  return sigmoid(z);
}

/**
 * The features that weighed most for the candidate, in words, strongest first; `typeLabel`
 * names a relation type by its label ("cooperates with") rather than its id.
 */
export function strongestEvidence(
  model: LearnedModel,
  features: readonly string[],
  count: number,
  typeLabel: (type: string) => string,
): string[] {
  return features
    .map((f) => ({ f, w: model.weights.get(f) ?? 0 }))
    .filter(({ f, w }) => w > 0 && !f.endsWith('|bias'))
    .sort((x, y) => y.w - x.w)
    .slice(0, count)
    .map(({ f }) => describeFeature(f.slice(f.indexOf('|') + 1), typeLabel));
}

const PLACES: Record<string, string> = {
  before: 'before both names',
  after: 'after both names',
  between: 'between the names',
  on: 'on a name',
};

/** A feature (without its type) in words, for the why; relation types by `typeLabel`. */
export function describeFeature(
  feature: string,
  typeLabel: (type: string) => string = (type) => type,
): string {
  const [kind, ...rest] = feature.split(':');
  const value = rest.join(':');
  switch (kind) {
    case 'cuew':
      return `the cue "${value.replace(/_/g, ' ')}"`;
    case 'cam': {
      const [root, where] = value.split(':');
      return `a cue of CAMEO root ${root} ${PLACES[where!] ?? ''}`.trim();
    }
    case 'cue': {
      const [type, where] = value.split(':');
      return `a cue of "${typeLabel(type!)}" ${PLACES[where!] ?? ''}`.trim();
    }
    case 'bw':
      return `${word(value)} between the names`;
    case 'pre':
      return `${word(value)} before the first name`;
    case 'post':
      return `${word(value)} after the second name`;
    case 's':
      return value === 'pairnone'
        ? 'a pair the rules left unrelated'
        : value === 'rev'
          ? 'the rules read it the other way'
          : value.startsWith('other')
            ? `the rules read them as "${typeLabel(value.slice('other:'.length))}"`
            : 'a name the rules used';
    case 'side':
    case 'oside':
      return describeSide(value, kind === 'side' ? 'a cue of the type' : 'a cue of another type');
    case 'co':
      return TOGETHER[Number(value)] ?? feature;
    case 'dist': {
      const i = Number(value);
      const low = i === 0 ? 0 : DISTANCE_EDGES[i - 1]! + 1;
      const high = DISTANCE_EDGES[i];
      return high === undefined
        ? `the names more than ${low - 1} words apart`
        : `the names ${low === high ? low : `${low} to ${high}`} words apart`;
    }
    case 'n':
      return `${value} actors in the sentence`;
    case 'k':
      return `actors of kinds ${value.replace('>', ' to ').replace('+', ' and ')}`;
    case 'lead':
      return 'the lead';
    case 'own':
      return 'one belongs to the other';
    case 'via1':
    case 'via2':
      return `the ${kind === 'via1' ? 'first' : 'second'} actor found by ${value}`;
    case 'poss1':
    case 'poss2':
      return `the ${kind === 'poss1' ? 'first' : 'second'} name possessive`;
    case 'srcfirst':
      return 'the source named first';
    case 'tgtfirst':
      return 'the target named first';
    case 'src-first-named':
      return "the source is the sentence's first actor";
    case 'neg':
      return 'a negation in the sentence';
    default:
      return feature;
  }
}

/** A token of a word feature in words: a word in quotation marks, a sign by its name. */
function word(token: string): string {
  if (/\p{L}|\p{N}/u.test(token)) return `"${token}"`;
  return SIGNS[token] ?? `the sign ${token}`;
}

const SIGNS: Record<string, string> = {
  '"': 'a quotation mark',
  '\u201c': 'a quotation mark',
  '\u201d': 'a quotation mark',
  "'": 'an apostrophe or quotation mark',
  '\u2018': 'a quotation mark',
  '\u2019': 'an apostrophe or quotation mark',
  ',': 'a comma',
  '.': 'a full stop',
  ';': 'a semicolon',
  ':': 'a colon',
  '(': 'a bracket',
  ')': 'a bracket',
  '-': 'a dash',
  '\u2013': 'a dash',
  '\u2014': 'a dash',
  '?': 'a question mark',
};

/** The buckets of 'co' (TOGETHER_EDGES) in words. */
const TOGETHER = [
  'names together in no other sentence',
  'names together in one other sentence',
  'names together in two or three other sentences',
  'names together in four to seven other sentences',
  'names together in eight other sentences or more',
];

/** How the rules found a side (arguments.ts's SideHow) in words. */
const HOW: Record<SideHow, string> = {
  subject: 'its subject',
  possessive: 'a possessive',
  relative: 'a relative clause',
  pronoun: 'a pronoun',
  agent: 'the name after "by"',
  object: 'its object',
  preposition: 'the name after a preposition',
  between: 'the names after "between"',
  act: 'the doer of an act referred to',
  speaker: "the quotation's speaker",
};

/** A side feature's value ("src:subject", "one-alone") in words. */
function describeSide(value: string, cue: string): string {
  const [where, how] = value.split(':');
  const found = how && how in HOW ? ` (read from ${HOW[how as SideHow]})` : '';
  switch (where) {
    case 'src':
      return `the rules found the source as the source of ${cue}${found}`;
    case 'tgt':
      return `the rules found the target as the target of ${cue}${found}`;
    case 'src-as-tgt':
      return `the rules found the source as the target of ${cue}`;
    case 'tgt-as-src':
      return `the rules found the target as the source of ${cue}`;
    case 'src-alone':
      return `the rules found the source as the source of ${cue} with no target`;
    case 'tgt-alone':
      return `the rules found the target as the target of ${cue} with no source`;
    case 'across':
      return `the rules found the two on opposite sides of ${cue}`;
    case 'one-src':
      return `the rules found one of them as the source of ${cue}${found}`;
    case 'one-tgt':
      return `the rules found one of them as the target of ${cue}${found}`;
    case 'one-alone':
      return `the rules found one of them on a side of ${cue} whose other side is empty`;
    default:
      return value;
  }
}

/**
 * The weights a JSON model file holds, checked; `where` names the file in the error, and
 * `writeCommand` the command that writes it again.
 */
export function readModel(
  json: unknown,
  where: string,
  writeCommand = 'npm run train:suggest',
): LearnedModel {
  const fail = (what: string): never => {
    throw new Error(`${where}: ${what}; run ${writeCommand} to write it again`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail('not a JSON object');
  const { threshold, weights, articles } = json as Record<string, unknown>;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold < 1))
    return fail('"threshold" must be a number between 0 and 1');
  if (typeof articles !== 'number' || !Number.isInteger(articles) || articles < 0)
    return fail('"articles" must be a whole number');
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights))
    return fail('"weights" must be an object of feature names to numbers');
  const table = new Map<string, number>();
  for (const [feature, w] of Object.entries(weights)) {
    if (typeof w !== 'number' || !Number.isFinite(w))
      return fail(`the weight of "${feature}" is not a number`);
    table.set(feature, w);
  }
  const types = [...table.keys()].flatMap((f) =>
    f.endsWith('|bias') ? [f.slice(0, -'|bias'.length)] : [],
  );
  if (types.length === 0)
    return fail('no relation type has a weight named TYPE|bias, so the model can suggest nothing');
  return { threshold, weights: table, types, articles };
}

export interface Example {
  features: readonly string[];
  /** 1 when the annotators recorded the relation in the sentence. */
  label: 0 | 1;
}

/** Features of words (between the names, before, after): names and topics of one story. */
const WORD_FEATURE = /\|(?:bw|pre|post):/;

/**
 * The examples of several articles, without the word features seen in fewer than
 * `minArticles` of them: a word of one story (a name, a place) is memorised, not learned.
 */
export function withoutRareWords(
  articles: readonly (readonly Example[])[],
  minArticles: number,
): Example[] {
  const seenIn = new Map<string, number>();
  for (const examples of articles) {
    const here = new Set(examples.flatMap((e) => e.features.filter((f) => WORD_FEATURE.test(f))));
    for (const f of here) seenIn.set(f, (seenIn.get(f) ?? 0) + 1);
  }
  return articles.flatMap((examples) =>
    examples.map((e) => ({
      label: e.label,
      features: e.features.filter((f) => !WORD_FEATURE.test(f) || seenIn.get(f)! >= minArticles),
    })),
  );
}

/** A word feature counts only when seen in this many training articles. */
export const MIN_WORD_ARTICLES = 2;

export interface TrainingOptions {
  epochs: number;
  /** The first step size; each epoch multiplies it by `decay`. */
  rate: number;
  decay: number;
  /** L2 penalty per step. */
  l2: number;
  /** Seed of the order the examples are visited in, so that training is repeatable. */
  seed: number;
  /**
   * Fits averaged, each visiting the examples in its own order (seeds `seed`, `seed + 1`, ...):
   * one order's luck is smoothed out, so that a change of one example, which reorders them
   * all, moves the model less.
   */
  fits: number;
}

export const TRAINING: TrainingOptions = {
  epochs: 15,
  rate: 0.2,
  decay: 0.8,
  l2: 1e-4,
  seed: 1,
  fits: 5,
};

/**
 * Logistic regression by stochastic gradient descent over sparse binary features, the weights
 * of `fits` fits averaged. Pure and repeatable: the same examples and options give the same
 * weights.
 */
export function trainLogistic(
  examples: readonly Example[],
  options: TrainingOptions = TRAINING,
): Map<string, number> {
  const averaged = new Map<string, number>();
  for (let i = 0; i < options.fits; i++)
    for (const [f, w] of fitOnce(examples, options, options.seed + i))
      averaged.set(f, (averaged.get(f) ?? 0) + w / options.fits);
  return averaged;
}

/** One fit by stochastic gradient descent, visiting the examples in the order of `seed`. */
function fitOnce(
  examples: readonly Example[],
  options: TrainingOptions,
  seed: number,
): Map<string, number> {
  const weights = new Map<string, number>();
  const order = examples.map((_, i) => i);
  let state = seed >>> 0;
  // mulberry32: a small seeded generator, for the visiting order only.
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let rate = options.rate;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const example = examples[index]!;
      let z = 0;
      for (const f of example.features) z += weights.get(f) ?? 0;
      const gradient = sigmoid(z) - example.label;
      for (const f of example.features) {
        const w = weights.get(f) ?? 0;
        weights.set(f, w - rate * (gradient + options.l2 * w));
      }
    }
    rate *= options.decay;
  }
  return weights;
}
