import type { Modality, PublishedDate, RelationAnnotation } from '../model.ts';
import type { PlannedEvent, PlannedRelation } from './events.ts';
import { capitalise, slug } from './names.ts';
import { type Random, WeightedPicker } from './random.ts';
import type { RelationTypeId } from './vocabulary.ts';
import type { World, WorldActor } from './world.ts';
import { MONTHS } from '../dates.ts';

/** One article: its text and its metadata with the annotated relations. */
export interface GeneratedArticle {
  id: string;
  text: string;
  title: string;
  titleNote?: string;
  outlet?: string;
  outletNote?: string;
  url?: string;
  published: PublishedDate;
  relations: RelationAnnotation[];
}

type Clause = (a: string, b: string, d: string) => string;
type JointClause = (a: string, c: string, b: string, d: string) => string;

// The sentences that carry relations, by type and modality. `a` is the source (the agent), `b`
// the target, `d` a detail of place and time that makes the sentence unique in its article.
// No pronouns: an actor may be a state, a group of fighters or a person.
const CLAUSES: Record<RelationTypeId, Record<Modality, Clause[]>> = {
  'cooperates-with': {
    asserted: [
      (a, b, d) => `${a} agreed to share intelligence with ${b} ${d}`,
      (a, b, d) => `${a} and ${b} signed a security cooperation agreement ${d}`,
      (a, b, d) => `${a} coordinated air strikes with ${b} ${d}`,
      (a, b, d) => `${a} pledged military aid to ${b} ${d}`,
      (a, b, d) => `${a} held consultations with ${b} ${d}`,
      (a, b, d) => `${a} and ${b} set up a joint operations room ${d}`,
      (a, b, d) => `${a} welcomed the support of ${b} ${d}`,
      (a, b, d) => `${a} called the talks with ${b} “constructive” ${d}`,
      (a, b, d) => `${a} and ${b} agreed to coordinate their operations ${d}`,
      (a, b, d) => `${a} delivered humanitarian aid together with ${b} ${d}`,
    ],
    negated: [
      (a, b, d) => `${a} did not coordinate operations with ${b} ${d}`,
      (a, b, d) => `${a} refused to share intelligence with ${b} ${d}`,
      (a, b, d) => `there was no cooperation between ${a} and ${b} ${d}`,
      (a, b, d) => `${a} ruled out any joint operations with ${b} ${d}`,
      (a, b, d) => `${a} said there were “no contacts” with ${b} ${d}`,
    ],
    conditional: [
      (a, b, d) =>
        `${a} said ${d} that cooperation with ${b} was possible only if the ceasefire held`,
      (a, b, d) => `${a} signalled ${d} a readiness to join forces with ${b} if the talks succeed`,
      (a, b, d) => `${a} offered ${d} to coordinate with ${b} on condition that the shelling stops`,
      (a, b, d) =>
        `${a} agreed ${d} to share intelligence with ${b} provided that the blockade is lifted`,
    ],
    proposed: [
      (a, b, d) => `plans were announced ${d} for a joint command of ${a} and ${b}`,
      (a, b, d) => `${a} said ${d} that joint patrols with ${b} would begin soon`,
      (a, b, d) => `${a} announced ${d} a plan to train the forces of ${b}`,
      (a, b, d) => `${a} and ${b} intend to open a joint liaison office, it was announced ${d}`,
    ],
    reported: [
      (a, b, d) => `${a} reportedly shared intelligence with ${b} ${d}`,
      (a, b, d) => `according to local media, ${a} coordinated with ${b} ${d}`,
      (a, b, d) => `${a} allegedly supplied weapons to ${b} ${d}`,
      (a, b, d) => `unconfirmed reports said ${a} had met envoys of ${b} ${d}`,
    ],
    denied: [
      (a, b, d) => `${a} denied having coordinated with ${b} ${d}`,
      (a, b, d) => `${a} rejected reports of a secret deal with ${b} ${d}`,
      (a, b, d) => `${a} denied any contacts with ${b} ${d}`,
      (a, b, d) => `${a} dismissed as “false” reports of an alliance with ${b} ${d}`,
    ],
  },
  opposes: {
    asserted: [
      (a, b, d) => `${a} launched air strikes against ${b} ${d}`,
      (a, b, d) => `${a} condemned ${b} ${d}`,
      (a, b, d) => `${a} imposed sanctions on ${b} ${d}`,
      (a, b, d) => `${a} accused ${b} of violating the truce ${d}`,
      (a, b, d) => `fighters loyal to ${a} attacked positions held by ${b} ${d}`,
      (a, b, d) => `${a} threatened ${b} with retaliation ${d}`,
      (a, b, d) => `${a} demanded the withdrawal of ${b} from the border ${d}`,
      (a, b, d) => `${a} called ${b} “a threat to the region” ${d}`,
      (a, b, d) => `${a} expelled the envoys of ${b} ${d}`,
    ],
    negated: [
      (a, b, d) => `${a} did not join the offensive against ${b} ${d}`,
      (a, b, d) => `${a} stopped short of condemning ${b} ${d}`,
      (a, b, d) => `${a} took no action against ${b} ${d}`,
    ],
    conditional: [
      (a, b, d) => `${a} warned ${d} of strikes on ${b} unless the shelling stops`,
      (a, b, d) => `${a} threatened ${d} to cut ties with ${b} if the blockade continues`,
      (a, b, d) => `${a} said ${d} that sanctions on ${b} would follow if the attacks went on`,
    ],
    proposed: [
      (a, b, d) => `${a} announced ${d} plans for an offensive against ${b}`,
      (a, b, d) => `${a} said ${d} that new sanctions against ${b} were being prepared`,
      (a, b, d) => `${a} vowed ${d} to drive ${b} out of the region`,
    ],
    reported: [
      (a, b, d) => `${a} reportedly shelled positions of ${b} ${d}`,
      (a, b, d) => `witnesses said ${a} attacked ${b} ${d}`,
      (a, b, d) => `${a} allegedly detained members of ${b} ${d}`,
    ],
    denied: [
      (a, b, d) => `${a} denied attacking ${b} ${d}`,
      (a, b, d) => `${a} denied any role in the strikes on ${b} ${d}`,
      (a, b, d) => `${a} rejected accusations of a campaign against ${b} ${d}`,
    ],
  },
  'proposes-to': {
    asserted: [
      (a, b, d) => `${a} called on ${b} to join the peace talks ${d}`,
      (a, b, d) => `${a} proposed a ceasefire to ${b} ${d}`,
      (a, b, d) => `${a} urged ${b} to open humanitarian corridors ${d}`,
      (a, b, d) => `${a} offered ${b} a prisoner exchange ${d}`,
      (a, b, d) => `${a} invited ${b} to a new round of negotiations ${d}`,
      (a, b, d) => `${a} appealed to ${b} to “show restraint” ${d}`,
    ],
    negated: [
      (a, b, d) => `${a} made no offer to ${b} ${d}`,
      (a, b, d) => `${a} did not call on ${b} to join the talks ${d}`,
      (a, b, d) => `${a} declined to invite ${b} to the negotiations ${d}`,
    ],
    conditional: [
      (a, b, d) => `${a} said ${d} that an offer of talks to ${b} depended on a ceasefire`,
      (a, b, d) =>
        `${a} signalled ${d} that a truce would be offered to ${b} once the shelling stops`,
    ],
    proposed: [
      (a, b, d) => `${a} announced ${d} a plan to invite ${b} to talks`,
      (a, b, d) => `${a} said ${d} that a peace proposal for ${b} was being drafted`,
    ],
    reported: [
      (a, b, d) => `${a} reportedly offered ${b} a deal ${d}`,
      (a, b, d) => `${a} allegedly asked ${b} for support ${d}`,
      (a, b, d) => `according to diplomats, ${a} sent a proposal to ${b} ${d}`,
    ],
    denied: [
      (a, b, d) => `${a} denied having sent any proposal to ${b} ${d}`,
      (a, b, d) => `${a} denied reports of an offer to ${b} ${d}`,
    ],
  },
};

/** Joint actions: `a` and `c` together act on `b`. */
const JOINT_CLAUSES: Record<'opposes' | 'proposes-to', JointClause[]> = {
  opposes: [
    (a, c, b, d) => `${a} and ${c} launched joint air strikes against ${b} ${d}`,
    (a, c, b, d) => `${a} and ${c} jointly condemned ${b} ${d}`,
    (a, c, b, d) => `${a} and ${c} agreed to impose sanctions on ${b} ${d}`,
  ],
  'proposes-to': [
    (a, c, b, d) => `${a} and ${c} jointly called on ${b} to join the talks ${d}`,
    (a, c, b, d) => `${a} and ${c} presented a joint peace plan to ${b} ${d}`,
  ],
};

const HEADLINES: Record<RelationTypeId, ((a: string, b: string) => string)[]> = {
  'cooperates-with': [
    (a, b) => `${a} and ${b} step up cooperation`,
    (a, b) => `${a} and ${b} agree on closer ties`,
    (a, b) => `Talks between ${a} and ${b} raise hopes`,
  ],
  opposes: [
    (a, b) => `${a} steps up pressure on ${b}`,
    (a, b) => `Tensions rise between ${a} and ${b}`,
    (a, b) => `${a} takes aim at ${b}`,
  ],
  'proposes-to': [
    (a, b) => `${a} makes new offer to ${b}`,
    (a, b) => `${a} calls on ${b} to return to talks`,
    (a, b) => `${a} reaches out to ${b}`,
  ],
};

interface FillerContext {
  region: string;
  place: () => string;
  month: string;
  n: () => number;
  actor: () => string;
}

/** Sentences around the relations: background, color, loose ends. They annotate nothing. */
const FILLERS: ((c: FillerContext) => string)[] = [
  (c) => `Fighting around ${c.place()} has displaced thousands of people since ${c.month}.`,
  (c) => `The situation in ${c.region} remains tense.`,
  (c) => `Aid agencies warned of shortages of food and fuel in ${c.place()}.`,
  () => 'Diplomats said further talks were planned for later in the month.',
  () => 'The ministry did not respond to a request for comment.',
  (c) => `Analysts said the move could shift the balance of power in ${c.region}.`,
  (c) => `Residents of ${c.place()} reported heavy shelling overnight.`,
  () => 'It was not immediately clear how many people were killed.',
  (c) => `Markets in ${c.place()} reopened after ${c.n()} days.`,
  (c) => `At least ${c.n()} people were wounded in clashes near ${c.place()}.`,
  (c) => `${c.actor()} has long been a key player in ${c.region}.`,
  (c) => `Observers in ${c.place()} described the mood as cautious.`,
  (c) => `The road between ${c.place()} and ${c.place()} remains closed.`,
  () => 'Officials gave no further details.',
  () => 'International observers have called for calm.',
  (c) => `More than ${c.n()},000 people have fled ${c.region} this year.`,
  (c) => `Negotiators are expected to meet again in ${c.place()}.`,
  () => 'The talks have so far produced few results.',
  (c) => `Prices of bread and fuel in ${c.place()} have doubled since ${c.month}.`,
  (c) => `${c.actor()} did not comment on the report.`,
  (c) => `Reporters were not allowed to visit ${c.place()}.`,
  () => 'Both sides blame each other for the collapse of the last truce.',
];

const ATTRIBUTIONS = [
  'officials said',
  'a spokesman said',
  'according to a statement',
  'state media reported',
  'diplomats said',
  'sources close to the talks said',
];
const LEADS = [
  'In a statement released later',
  'Speaking to reporters',
  'Separately',
  'Meanwhile',
  'In a separate development',
  'Earlier',
];
const DETAIL_FORMS = [
  'in',
  'at talks in',
  'at a meeting in',
  'during a visit to',
  'at a press conference in',
  'at a summit in',
];
const TIMES = [
  'on Monday',
  'on Tuesday',
  'on Wednesday',
  'on Thursday',
  'on Friday',
  'on Saturday',
  'on Sunday',
  'last week',
  'earlier this month',
  'this week',
];
const NOTES: Record<Modality, string[]> = {
  asserted: [
    'Stated by the article itself, not attributed to a source.',
    'The sentence names both actors.',
  ],
  negated: ['Recorded as negated: the sentence says it did not happen.'],
  conditional: ['The condition is part of the same sentence.'],
  proposed: ['Planned or announced, not yet carried out.'],
  reported: ['The article gives no source for the report.'],
  denied: ['The denial is quoted; the report it answers is not.'],
};

/** Publication dates fall in 2014-2018: a few years, as in the seed data. */
const FIRST_DAY = Date.UTC(2014, 0, 1);
const DAYS = Math.round((Date.UTC(2019, 0, 1) - FIRST_DAY) / 86_400_000);

export interface Outlet {
  name: string;
  slug: string;
}

const OUTLET_PATTERNS = [
  'The # Herald',
  'The # Times',
  '# Daily',
  '# News Agency',
  'Radio #',
  'The # Observer',
  '# Today',
  'The # Tribune',
  '# Press',
  'The # Gazette',
];

/** The news outlets: a handful for a small corpus, up to forty for a large one. */
export function makeOutlets(random: Random, world: World, articleCount: number): Outlet[] {
  const count = Math.max(4, Math.min(40, Math.round(articleCount / 25)));
  return Array.from({ length: count }, () => {
    const name = random.pick(OUTLET_PATTERNS).replace('#', world.mint.word());
    return { name, slug: slug(name.replace(/^The /, '')) };
  });
}

/** A name as an annotation gives it, and as the text writes it. */
interface Mention {
  ref: string;
  text: string;
}

/**
 * Writes the articles: for each, a text in which every relation's quote occurs exactly once,
 * and the annotations that point into it.
 */
export class ArticleWriter {
  private readonly outletPicker: WeightedPicker;
  private readonly idWidth: number;

  constructor(
    private readonly random: Random,
    private readonly world: World,
    private readonly outlets: readonly Outlet[],
    articleCount: number,
  ) {
    this.outletPicker = new WeightedPicker(outlets.map((_, i) => 1 / (i + 1)));
    this.idWidth = Math.max(3, String(articleCount).length);
  }

  write(index: number, events: readonly PlannedEvent[]): GeneratedArticle {
    const r = this.random;
    const community = this.world.communities[events[0]!.home]!;

    // Date: stated (a dateline) for about half, inferred to the month or the year for the rest.
    const day = new Date(FIRST_DAY + r.int(DAYS) * 86_400_000);
    const year = day.getUTCFullYear();
    const monthName = MONTHS[day.getUTCMonth()]!;
    const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
    const dd = String(day.getUTCDate()).padStart(2, '0');
    const precision = r.float();
    const dateline = community.places[0]!;

    const outlet = r.chance(0.04) ? undefined : this.outlets[this.outletPicker.pick(r)]!;

    let published: PublishedDate;
    let context: string | undefined;
    const datelineText = `${dateline.toUpperCase()}, ${day.getUTCDate()} ${monthName} ${year}`;
    if (precision < 0.55) {
      published = {
        date: `${year}-${mm}-${dd}`,
        basis: 'stated',
        how: `The dateline reads "${datelineText}".`,
      };
    } else if (precision < 0.85) {
      context = `Fighting flared again in ${monthName} ${year}, after weeks of relative calm.`;
      published = {
        date: `${year}-${mm}`,
        basis: 'inferred',
        how: `Not stated. The text says fighting "flared again in ${monthName} ${year}" and reports the events of the days since, so it dates from that month.`,
      };
    } else {
      context = `Since the start of ${year}, the conflict in ${community.region} has claimed hundreds of lives.`;
      published = {
        date: String(year),
        basis: 'inferred',
        how: `Not stated. The text counts "since the start of ${year}" up to the events it reports; the year is all it supports.`,
      };
    }

    const first = events[0]!.relations[0]!;
    const headline = capitalise(
      r.pick(HEADLINES[first.type])(
        this.world.actors[first.source]!.label,
        this.world.actors[first.target]!.label,
      ),
    );

    // Write the text; in the rare case that a quote is not unique, write it again differently.
    for (let attempt = 0; ; attempt++) {
      const { text, relations, quotes } = this.compose(
        events,
        headline,
        published.basis === 'stated' ? datelineText : undefined,
        context,
        monthName,
      );
      if (quotes.every((q) => occursOnce(text, q))) {
        const id = `${outlet?.slug ?? 'unknown-outlet'}-${published.date}-${String(index + 1).padStart(this.idWidth, '0')}`;
        return {
          id,
          text,
          title: headline,
          ...(r.chance(0.05)
            ? { titleNote: 'The headline is the first line of the text as received.' }
            : {}),
          ...(outlet
            ? { outlet: outlet.name }
            : { outletNote: 'The text as received does not name its publisher.' }),
          ...(outlet && r.chance(0.3)
            ? { url: `https://${outlet.slug}.example/news/${slug(headline)}-${index + 1}` }
            : {}),
          published,
          relations,
        };
      }
      if (attempt >= 20) {
        throw new Error(`could not make the quotes of article ${index + 1} unique`);
      }
    }
  }

  private compose(
    events: readonly PlannedEvent[],
    headline: string,
    dateline: string | undefined,
    context: string | undefined,
    monthName: string,
  ): { text: string; relations: RelationAnnotation[]; quotes: string[] } {
    const r = this.random;
    const world = this.world;
    const home = world.communities[events[0]!.home]!;
    const usedDetails = new Set<string>();
    let fallback = 0;
    const relations: RelationAnnotation[] = [];
    const quotes: string[] = [];

    const fillerContext: FillerContext = {
      region: home.region,
      place: () => r.pick(home.places),
      month: monthName,
      n: () => r.between(2, 40),
      actor: () => {
        const a = world.actors[home.members[home.picker.pick(r)]!]!;
        return capitalise(this.mention(a).text);
      },
    };
    const filler = (): string => r.pick(FILLERS)(fillerContext);

    const paragraphs: string[] = [headline];
    events.forEach((event, i) => {
      const places = world.communities[event.home]!.places;
      let detail = '';
      for (let k = 0; k < 12 && !detail; k++) {
        const d = `${r.pick(DETAIL_FORMS)} ${r.pick(places)} ${r.pick(TIMES)}`;
        if (!usedDetails.has(d)) detail = d;
      }
      if (!detail) detail = `in ${r.pick(places)} on day ${++fallback} of the crisis`;
      usedDetails.add(detail);

      const { clause, annotations } = this.realise(event, detail);
      // Whole sentence, sentence with an attribution after it, or a clause after a lead-in.
      const style = r.float();
      let sentence: string;
      let quote: string;
      if (style < 0.55 || (style >= 0.85 && clause.startsWith('according'))) {
        sentence = quote = `${capitalise(clause)}.`;
      } else if (style < 0.85) {
        quote = capitalise(clause);
        sentence = `${quote}, ${r.pick(ATTRIBUTIONS)}.`;
      } else {
        quote = clause;
        sentence = `${r.pick(LEADS)}, ${clause}.`;
      }
      quotes.push(quote);
      // Annotators copy straight quote marks where the text has curly ones: the build allows it.
      const annotated = quote.includes('“') ? quote.replace(/[“”]/g, '"') : quote;
      for (const a of annotations) relations.push({ ...a, quote: annotated });

      const parts: string[] = [];
      if (i > 0 && r.chance(0.3)) parts.push(filler());
      parts.push(i === 0 && dateline ? `${dateline} – ${sentence}` : sentence);
      if (r.chance(0.4)) parts.push(filler());
      paragraphs.push(parts.join(' '));
      if (i === 0 && context) paragraphs.push(context);
      if (r.chance(0.1)) paragraphs.push(`${filler()} ${filler()}`);
    });
    if (r.chance(0.5)) paragraphs.push(filler());
    return { text: `${paragraphs.join('\n\n')}\n`, relations, quotes };
  }

  /** The clause of an event, with names as written, and its annotations (quote to be added). */
  private realise(
    event: PlannedEvent,
    detail: string,
  ): { clause: string; annotations: Omit<RelationAnnotation, 'quote'>[] } {
    const r = this.random;
    const actors = this.world.actors;
    if (event.joint) {
      const [alliance, first, second] = event.relations as [
        PlannedRelation,
        PlannedRelation,
        PlannedRelation,
      ];
      const a = this.mention(actors[first.source]!);
      const c = this.mention(actors[second.source]!);
      const b = this.mention(actors[first.target]!);
      const type = first.type as 'opposes' | 'proposes-to';
      const clause = r.pick(JOINT_CLAUSES[type])(a.text, c.text, b.text, detail);
      return {
        clause,
        annotations: [
          { source: a.ref, type: alliance.type, target: c.ref },
          { source: a.ref, type, target: b.ref },
          { source: c.ref, type, target: b.ref },
        ],
      };
    }
    const relation = event.relations[0]!;
    const a = this.mention(actors[relation.source]!);
    const b = this.mention(actors[relation.target]!);
    const clause = r.pick(CLAUSES[relation.type][relation.modality])(a.text, b.text, detail);
    // cooperates-with is symmetric: annotators record it in either order.
    const [source, target] =
      relation.type === 'cooperates-with' && r.chance(0.2) ? [b.ref, a.ref] : [a.ref, b.ref];
    const explicit = relation.modality !== 'asserted' || r.chance(0.03);
    const annotation: Omit<RelationAnnotation, 'quote'> = {
      source,
      type: relation.type,
      target,
      ...(explicit ? { modality: relation.modality } : {}),
      ...(r.chance(0.03) ? { note: r.pick(NOTES[relation.modality]) } : {}),
    };
    return { clause, annotations: [annotation] };
  }

  /** Names an actor as annotators do: by label or an alias mostly, now and then by id. */
  private mention(actor: WorldActor): Mention {
    const r = this.random;
    const forms = actor.forms;
    const x = r.float();
    let ref: string;
    let form = forms[0]!;
    if (x < 0.1) {
      ref = actor.id;
      form = r.pick(forms);
    } else if (x < 0.55 || forms.length === 1) {
      ref = form.name;
    } else {
      form = forms[1 + r.int(forms.length - 1)]!;
      ref = form.name;
    }
    // Names match case-insensitively; annotators do not always keep the case.
    if (ref !== actor.id && r.chance(0.03)) ref = ref.toLowerCase();
    const text =
      actor.title && r.chance(0.4)
        ? `${actor.title} ${form.name}`
        : form.the
          ? `the ${form.name}`
          : form.name;
    return { ref, text };
  }
}

function occursOnce(text: string, quote: string): boolean {
  const at = text.indexOf(quote);
  return at >= 0 && text.indexOf(quote, at + 1) < 0;
}
