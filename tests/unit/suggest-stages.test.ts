import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Actor, RelationType } from '../../src/core/model.ts';
import { IssueSink } from '../../src/core/pipeline/issues.ts';
import { regularDemonyms } from '../../src/core/suggest/demonyms.ts';
import {
  evaluate,
  formatEvaluation,
  matchArticle,
  rates,
} from '../../src/core/suggest/evaluate.ts';
import { verbsOfNoun } from '../../src/core/suggest/events.ts';
import { capitalForms, citiesLeftOut } from '../../src/core/suggest/capitals.ts';
import { foldNames } from '../../src/core/suggest/fold.ts';
import { toYaml } from '../../src/core/suggest/format.ts';
import { compileLexicon, readCueFile, type CueFile } from '../../src/core/suggest/lexicon.ts';
import { findMentions, indexNames } from '../../src/core/suggest/mentions.ts';
import { MAX_SENTENCE_TOKENS, readText } from '../../src/core/suggest/read.ts';
import { FALLBACK_MAX } from '../../src/core/suggest/score.ts';
import {
  DEFAULT_FALLBACK,
  makeSuggester,
  suggestRelations,
} from '../../src/core/suggest/suggest.ts';
import { transliterationKey } from '../../src/core/suggest/transliteration.ts';
import { ROOT } from '../helpers/run.ts';

/** The project's own lexicon and vocabulary: the stages are tested with what users get. */
const cueFile = parse(readFileSync(join(ROOT, 'graph-data/suggest-cues.yaml'), 'utf8')) as CueFile;
const TYPES: RelationType[] = [
  {
    id: 'cooperates-with',
    label: 'c',
    directed: false,
    sign: 1,
    color: '#000',
    description: 'd',
    cameo: ['04', '05', '06', '07'],
  },
  {
    id: 'opposes',
    label: 'o',
    directed: true,
    sign: -1,
    color: '#000',
    description: 'd',
    cameo: ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20'],
  },
  {
    id: 'proposes-to',
    label: 'p',
    directed: true,
    sign: 0,
    color: '#000',
    description: 'd',
    cameo: ['02', '03'],
  },
];
const ACTORS: Actor[] = [
  { id: 'norland', label: 'Norland', kind: 'state', aliases: ['Nordby'] },
  { id: 'sudmark', label: 'Sudmark', kind: 'state', aliases: ['Sudby'] },
  { id: 'ostria', label: 'Ostria', kind: 'state' },
  { id: 'iraq', label: 'Iraq', kind: 'state' },
  { id: 'red-front', label: 'Red Front', kind: 'armed-group', aliases: ['RF'] },
  { id: 'ivan-petrov', label: 'Sergei Petrov', kind: 'person', affiliation: 'norland' },
  { id: 'anna-berg', label: 'Anna Berg', kind: 'person', affiliation: 'sudmark' },
  { id: 'carl-berg', label: 'Carl Berg', kind: 'person', affiliation: 'ostria' },
  { id: 'jo-bishop', label: 'Jo Bishop', kind: 'person', aliases: ['Bishop'] },
  { id: 'north-pact', label: 'North Pact Council', kind: 'organisation', aliases: ['NPC'] },
  { id: 'lena-holm', label: 'Lena Holm', kind: 'person', affiliation: 'sudmark' },
];
const lexicon = compileLexicon(cueFile, TYPES);
// The rules alone: the learned reader (learned.ts) has its own tests in suggest-learned.test.ts.
const suggester = makeSuggester(ACTORS, TYPES, lexicon);
const names = indexNames(ACTORS, lexicon);
const found = (text: string) =>
  findMentions(text, names).map(
    (m) => `${m.text}=${m.actorIds.join('|')}${m.possessive ? "'s" : ''}`,
  );
const suggest = (text: string) =>
  suggestRelations(text, suggester).suggestions.map(
    (s) => `${s.source} ${s.type} ${s.target} ${s.modality}`,
  );
/** The relations a sentence's "welcomed" gives, without modality. */
const welcomes = (text: string) =>
  suggestRelations(text, suggester)
    .suggestions.filter((s) => s.evidence.cue.text === 'welcomed')
    .map((s) => `${s.source} ${s.type} ${s.target}`);
/** What the structure reads, without the guesses by position (they say "fallback"). */
const structural = (text: string) =>
  suggestRelations(text, suggester)
    .suggestions.filter((s) => !s.why.startsWith('fallback'))
    .map((s) => `${s.source} ${s.type} ${s.target} ${s.modality}`);

describe('reading (wink-nlp)', () => {
  it('gives sentences and tokens with offsets into the text, lemmas and parts of speech', () => {
    const text = 'Norland attacked Sudmark.  The talks were held in Ostria.';
    const read = readText(text);
    expect(read.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Norland attacked Sudmark.',
      'The talks were held in Ostria.',
    ]);
    for (const t of read.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    const attacked = read.tokens.find((t) => t.text === 'attacked')!;
    expect([attacked.lemma, attacked.pos]).toEqual(['attack', 'VERB']);
  });

  it('ends sentences at line ends and cuts text without punctuation into windows', () => {
    const headline = readText('Norland and Sudmark agree\nThe deal was signed');
    expect(headline.sentences).toHaveLength(2);
    const words = Array.from({ length: 1000 }, (_, i) => (i % 2 ? 'and' : 'Norland')).join(' ');
    const long = readText(words);
    expect(long.sentences.length).toBeGreaterThanOrEqual(1000 / MAX_SENTENCE_TOKENS);
    expect(Math.max(...long.sentences.map((s) => s.last - s.first))).toBeLessThanOrEqual(
      MAX_SENTENCE_TOKENS,
    );
  });

  it('ends sentences at every kind of line end, those wink-nlp drops included', () => {
    const text =
      'Norland accused Sudmark.\vOstria praised Norland.\fSudmark left.\u2028Norland met Ostria\u2029Ostria met Sudmark\u0085Sudmark met Norland';
    const read = readText(text);
    expect(read.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Norland accused Sudmark.',
      'Ostria praised Norland.',
      'Sudmark left.',
      'Norland met Ostria',
      'Ostria met Sudmark',
      'Sudmark met Norland',
    ]);
  });

  it('cuts a long text without punctuation before a name, not inside it', () => {
    const text = `${Array.from({ length: 79 }, () => 'talks').join(' ')} Anna Berg met Norland`;
    const read = readText(text);
    expect(read.sentences.map((s) => text.slice(s.start, s.end)).at(-1)).toBe(
      'Anna Berg met Norland',
    );
    // Every name the quote's evidence points to lies inside the quote.
    const suggestions = suggestRelations(text, suggester).suggestions;
    expect(suggestions.map((s) => `${s.source} ${s.target}`)).toContain('anna-berg norland');
    for (const s of suggestions) {
      expect(s.evidence.source.start).toBeGreaterThanOrEqual(s.evidence.sentence.start);
      expect(s.evidence.target.end).toBeLessThanOrEqual(s.evidence.sentence.end);
    }
  });

  it('never ends a sentence inside an abbreviation ("Mekong-U.S. Partnership")', () => {
    const text =
      'Officials of the Mekong-U.S. Partnership met Sudmark. The U.S. envoy left.Ostria stayed?Norland left.';
    const read = readText(text);
    // A full stop or question mark with no space after a word still ends its sentence.
    expect(read.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Officials of the Mekong-U.S. Partnership met Sudmark.',
      'The U.S. envoy left.',
      'Ostria stayed?',
      'Norland left.',
    ]);
  });

  it('reads a form in -ed after "has" and one more word as the verb, not before a noun', () => {
    // wink-nlp tags "long" an adjective and "accused" a noun here.
    const read = readText('Norland has long accused Sudmark of backing the Red Front.');
    const accused = read.tokens.find((t) => t.text === 'accused')!;
    expect([accused.pos, accused.lemma]).toEqual(['VERB', 'accuse']);
    expect(suggest(read.text)).toEqual(
      expect.arrayContaining([
        'norland opposes sudmark asserted',
        'sudmark cooperates-with red-front reported',
      ]),
    );
    const armed = readText('Norland had armed groups in Sudmark.').tokens.find(
      (t) => t.text === 'armed',
    )!;
    expect(armed.pos).not.toBe('VERB');
  });

  it('reads a form in -ing between a preposition and its object as the verb ("of arming")', () => {
    // wink-nlp tags "arming" a noun whatever comes after it.
    const read = readText('Norland accused Sudmark of arming the Red Front.');
    const arming = read.tokens.find((t) => t.text === 'arming')!;
    expect([arming.pos, arming.lemma]).toEqual(['VERB', 'arm']);
    expect(suggest(read.text)).toContain('sudmark cooperates-with red-front reported');
    // The one judged for a deed did it; after another preposition the deed has no subject.
    expect(suggest('Ostria criticised Norland for funding the Red Front.')).toContain(
      'norland cooperates-with red-front asserted',
    );
    expect(suggest('Ostria praised Norland for hosting Lena Holm.').join()).not.toMatch(
      /ostria cooperates-with lena-holm/,
    );
    expect(suggest('Sudmark warned against arming the Red Front.').join()).not.toMatch(
      /cooperates-with/,
    );
    // After a verb, the verb's subject's.
    expect(suggest('Norland denied arming the Red Front.')).toEqual([
      'norland cooperates-with red-front denied',
    ]);
  });

  it('reads empty text, whitespace and other scripts without failing', () => {
    expect(readText('').sentences).toEqual([]);
    expect(readText(' \n\t ').sentences).toEqual([]);
    const other = readText('Россия и США договорились. 中国和美国同意合作。 ☃︎');
    for (const t of other.tokens) expect(other.text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('actor mentions', () => {
  it('finds ids, labels and aliases, longest first, case- and accent-insensitively', () => {
    expect(found('NORLAND met Sudby and the Red Front; Nørland too.')).toEqual([
      'NORLAND=norland',
      'Sudby=sudmark',
      'Red Front=red-front',
      'Nørland=norland',
    ]);
  });

  it('keeps capitals where the registry writes them: no "bishop" for Bishop, no "rf" for RF', () => {
    expect(found('The bishop met Bishop; rf and RF.')).toEqual([
      'Bishop=jo-bishop',
      'RF=red-front',
    ]);
  });

  it('does not let a lower-case id loosen its acronym: the id "who" of WHO is not the pronoun', () => {
    const who: Actor[] = [
      { id: 'who', label: 'World Health Organization', kind: 'organisation', aliases: ['WHO'] },
    ];
    const index = indexNames(who, lexicon);
    const texts = (t: string) => findMentions(t, index).map((m) => m.text);
    expect(texts('Officials, who met on Monday, thanked the WHO.')).toEqual(['WHO']);
  });

  it('finds possessives and demonyms of states', () => {
    expect(regularDemonyms('Iraq')).toEqual(['Iraqi', 'Iraqis']);
    expect(found("Norland's army and the Ostrian envoy met Iraqis.")).toEqual([
      "Norland=norland's",
      'Ostrian=ostria',
      'Iraqis=iraq',
    ]);
  });

  it("takes the cue file's demonyms where the regular endings would guess wrong", () => {
    // The endings would make "Azerbaijanian", "Norwaian" and no form at all for Mali.
    const states: Actor[] = [
      { id: 'azerbaijan', label: 'Azerbaijan', kind: 'state' },
      { id: 'norway', label: 'Norway', kind: 'state' },
      { id: 'mali', label: 'Mali', kind: 'state' },
      { id: 'kazakhstan', label: 'Kazakhstan', kind: 'state' },
    ];
    const index = indexNames(states, lexicon);
    const texts = (t: string) => findMentions(t, index).map((m) => `${m.text}=${m.actorIds[0]}`);
    expect(
      texts('Azerbaijani, Norwegian, Malian and Kazakh officials met two Norwegians.'),
    ).toEqual([
      'Azerbaijani=azerbaijan',
      'Norwegian=norway',
      'Malian=mali',
      'Kazakh=kazakhstan',
      'Norwegians=norway',
    ]);
  });

  it('finds a state by its capital, not a city of place, and never over a registry name', () => {
    expect(capitalForms('Washington D.C.')).toEqual(['Washington D.C.', 'Washington']);
    const states: Actor[] = [
      { id: 'russia', label: 'Russia', kind: 'state' },
      { id: 'usa', label: 'USA', kind: 'state' },
      { id: 'bolivia', label: 'Bolivia', kind: 'state' },
      { id: 'fiji', label: 'Fiji', kind: 'state' },
      { id: 'mara-lima', label: 'Mara Lima', kind: 'person' },
      { id: 'peru', label: 'Peru', kind: 'state' },
    ];
    const index = indexNames(states, lexicon);
    const texts = (t: string) =>
      citiesLeftOut(findMentions(t, index), readText(t).tokens).map(
        (m) => `${m.text}=${m.actorIds.join('|')}:${m.via}`,
      );
    // countries-list's names and other names ("USA") find the state; the cue file adds a seat
    // of government (La Paz).
    expect(texts('Moscow and Washington met; La Paz objected.')).toEqual([
      'Moscow=russia:capital',
      'Washington=usa:capital',
      'La Paz=bolivia:capital',
    ]);
    expect(texts('Talks opened in Suva and at Moscow.')).toEqual([]);
    // A person's surname from the registry wins over Peru's capital.
    expect(texts('Lima said no.')).toEqual(['Lima=mara-lima:surname']);
    const withCapitals = makeSuggester(states, TYPES, lexicon);
    expect(
      suggestRelations('Moscow condemned Washington.', withCapitals).suggestions.map(
        (s) => `${s.source} ${s.type} ${s.target}`,
      ),
    ).toEqual(['russia opposes usa']);
    // Those who govern from a capital stand for its state: "officials in Moscow", "the
    // ministries in Moscow and Washington", as subjects too; a place stays a place.
    const read = (t: string) =>
      suggestRelations(t, withCapitals).suggestions.map((s) => `${s.source} ${s.type} ${s.target}`);
    expect(read('Officials in Moscow accused Bolivia of spying.')).toEqual([
      'russia opposes bolivia',
    ]);
    expect(read('The defence ministries in Moscow and Washington traded accusations.')).toEqual([
      'russia opposes usa',
      'usa opposes russia',
    ]);
    expect(read('Protesters in Moscow accused Bolivia of spying.')).toEqual([]);
    // Not when those who govern are themselves an object: "met officials in Moscow".
    expect(read('Peru met officials in Moscow and then accused Bolivia of spying.')).toContain(
      'peru opposes bolivia',
    );
  });

  it('finds persons by honorific and surname, and reports a shared surname as ambiguous', () => {
    const mentions = findMentions('Mr. Petrov spoke. Berg replied.', names);
    expect(mentions.map((m) => [m.text, m.actorIds, m.via])).toEqual([
      ['Mr. Petrov', ['ivan-petrov'], 'honorific'],
      ['Berg', ['anna-berg', 'carl-berg'], 'surname'],
    ]);
    const result = suggestRelations('Berg condemned Norland.', suggester);
    expect(result.suggestions).toEqual([]);
    expect(result.ambiguous).toEqual([
      { start: 0, end: 4, text: 'Berg', actors: ['anna-berg', 'carl-berg'] },
    ]);
  });

  it('finds a full name spelt another way (Sergey for Sergei), and not a different name', () => {
    expect(transliterationKey('Sergey')).toBe(transliterationKey('Sergei'));
    expect(transliterationKey('Muhammad')).toBe(transliterationKey('Mohammed'));
    expect(found('Sergey Petrov arrived; Sergio Petrovich left.')).toEqual([
      'Sergey Petrov=ivan-petrov',
    ]);
  });

  it('maps folded offsets back to the original text', () => {
    const folded = foldNames('A\u0301 “Nørland”\n\nx');
    expect(folded.text).toBe('a "norland" x');
    expect(folded.start[2]).toBe(3);
  });
});

describe('cue lexicon', () => {
  it('reports schema problems at their line', () => {
    const sink = new IssueSink();
    const file = {
      path: 'cues.yaml',
      text: 'roots:\n  - code: 4\n    name: consult\n    verbz: [meet]\nmodality: {}\n',
    };
    expect(readCueFile(file, sink)).toBeUndefined();
    expect(sink.issues.map((i) => [i.line, i.message])).toEqual(
      expect.arrayContaining([
        [2, 'roots[0].code must be a string, not a number'],
        [4, 'roots[0] has an unknown field "verbz"'],
      ]),
    );
    // Worded as the build words every schema problem, with its help.
    expect(sink.issues.find((i) => i.line === 4)?.hint).toContain('Did you mean "verbs"?');
  });

  it('maps root codes to relation types, and warns of a code no type lists', () => {
    const warnings: string[] = [];
    const compiled = compileLexicon(
      {
        roots: [
          { code: '08', name: 'yield', verbs: ['yield'] },
          { code: '19', name: 'fight', verbs: ['attack'] },
        ],
        modality: {},
      },
      TYPES,
      { warn: (m) => warnings.push(m) },
    );
    expect(compiled.cues.get('attack')?.[0]?.type).toBe('opposes');
    expect(compiled.cues.has('yield')).toBe(false);
    expect(warnings).toEqual([
      expect.stringContaining('CAMEO root 08 (yield) belongs to no relation type'),
    ]);
  });
});

describe('sides from the sentence structure', () => {
  it('takes the subject and the object of a verb', () => {
    expect(suggest('Norland attacked Sudmark on Monday.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('swaps them in the passive', () => {
    expect(suggest('Sudmark was attacked by Norland.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('relates the members of a group that agrees', () => {
    expect(suggest('Norland and Sudmark agreed on a truce.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });

  it('takes "X and her counterpart Y" as a group, a qualifier before the title or not', () => {
    for (const [text, pair] of [
      ['Anna Berg and her counterpart Sergei Petrov signed a trade accord.', 'ivan-petrov'],
      ['Anna Berg and her Norland counterpart Sergei Petrov signed a trade accord.', 'ivan-petrov'],
      [
        'Sudmark Foreign Minister Anna Berg and his deputy foreign minister Carl Berg signed a trade accord.',
        'carl-berg',
      ],
    ] as const)
      expect(structural(text), text).toEqual([`anna-berg cooperates-with ${pair} asserted`]);
    expect(structural('Norland and its ally Ostria attacked Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
      'ostria opposes sudmark asserted',
    ]);
    // A possessive before a word that is no title is no list: "her trip" names no one's person.
    expect(structural('Anna Berg and her trip to Sergei Petrov signed nothing.')).toEqual([]);
  });

  it('gives every member of a group its part', () => {
    expect(suggest('Norland and Ostria condemned Sudmark.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'ostria opposes sudmark asserted',
    ]);
  });

  it('reads prepositions: the party after "with", not the place after "in"', () => {
    expect(suggest('Norland held talks with Sudmark in Ostria.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });

  it('does not take the object of a preposition as the subject', () => {
    expect(suggest('In Ostria, Norland criticised Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('takes the person, not the state that qualifies it', () => {
    expect(suggest('Norland Foreign Minister Sergei Petrov met Anna Berg.')).toEqual([
      'ivan-petrov cooperates-with anna-berg asserted',
    ]);
  });

  it("does not make a relation of an offer's inner verb when the offer took its party", () => {
    expect(suggest('Norland offered to coordinate operations with Sudmark.')).toEqual([
      'norland proposes-to sudmark asserted',
    ]);
  });

  it('suggests nothing from a sentence with one actor, or with no cue', () => {
    expect(suggest('Norland attacked the rebels.')).toEqual([]);
    expect(suggest('Norland and Sudmark are neighbours.')).toEqual([]);
  });
});

describe('coreference, appeals and offers, denials (general English, hand-made sentences)', () => {
  const sorted = (text: string) => suggest(text).sort();

  it('counts a relation stated in two sentences twice, each against its own annotation', () => {
    const text = 'Norland attacked Sudmark\n\nNorland attacked Sudmark on Monday.';
    const suggested = suggestRelations(text, suggester).suggestions.map((x) => ({
      source: x.source,
      type: x.type,
      target: x.target,
      modality: x.modality,
      span: x.evidence.sentence,
    }));
    expect(suggested).toHaveLength(2);
    // The annotator quoted the headline only: the second suggestion is one too many.
    const one = evaluate([{ suggested, annotated: [suggested[0]!] }], TYPES);
    expect(one.overall).toEqual({ suggested: 2, annotated: 1, matched: 1 });
    // Quoted twice: both suggestions are right.
    const both = evaluate([{ suggested, annotated: suggested }], TYPES);
    expect(both.overall).toEqual({ suggested: 2, annotated: 2, matched: 2 });
    expect(both.relations).toEqual({ suggested: 1, annotated: 1, matched: 1 });
  });

  it('reads "ready to", "willing to" as an offer to the infinitive\'s party', () => {
    expect(suggest('Norland remains ready to talk to Sudmark at any time.')).toEqual([
      'norland proposes-to sudmark asserted',
    ]);
  });

  it('takes a noun cue\'s own preposition ("dispute with"), not a forum after "to" or "with"', () => {
    expect(suggest('Norland is locked in a dispute with Sudmark over water.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(
      suggest("Norland filed a complaint with the North Pact Council over Sudmark's rules."),
    ).toEqual(['norland opposes sudmark asserted']);
  });

  it('resolves a definite description to the last actor of its kind or label', () => {
    expect(suggest('The North Pact Council met on Monday. The council condemned Sudmark.')).toEqual(
      ['north-pact opposes sudmark asserted'],
    );
    expect(
      suggest('Red Front fighters crossed the river. Norland accused the group of looting.'),
    ).toEqual(['norland opposes red-front asserted']);
  });

  it('resolves "it" to the organisation or state the sentence before is about', () => {
    expect(suggest('Norland rejected the plan. It called on Sudmark to withdraw.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'norland proposes-to sudmark asserted',
    ]);
  });

  it('resolves "the two" and "both countries" to the last two actors', () => {
    expect(
      sorted('Norland and Sudmark traded accusations. Ostria offered to mediate between the two.'),
    ).toEqual([
      'norland opposes sudmark asserted',
      'ostria proposes-to norland asserted',
      'ostria proposes-to sudmark asserted',
      'sudmark opposes norland asserted',
    ]);
    expect(
      sorted('Norland shelled Sudmark. Ostria urged both countries to show restraint.'),
    ).toEqual([
      'norland opposes sudmark asserted',
      'ostria proposes-to norland asserted',
      'ostria proposes-to sudmark asserted',
    ]);
  });

  it('reads "his government" as the speaker\'s state, inside a denial', () => {
    expect(suggest('Sergei Petrov denied that his government had supplied Red Front.')).toEqual([
      'norland cooperates-with red-front denied',
    ]);
  });

  it('takes the one a spokesman speaks for as the subject', () => {
    expect(suggest('A spokesman for Ostria urged Norland to negotiate.')).toEqual([
      'ostria proposes-to norland asserted',
    ]);
  });

  it('finds the object a relative clause or an apposition leaves out', () => {
    expect(suggest('Ostria listed Red Front, which Norland denies supporting.')).toEqual([
      'norland cooperates-with red-front denied',
    ]);
    expect(suggest('Sudmark closed the border crossing, a move Norland condemned.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('relates both ways the names a "whose" noun of dispute belongs to', () => {
    expect(
      sorted('Norland and Sudmark, whose differences over water have grown, sat side by side.'),
    ).toEqual(['norland opposes sudmark asserted', 'sudmark opposes norland asserted']);
  });

  it('gives a verb after "and" or "but" the sentence\'s subject; "no" negates a noun', () => {
    expect(suggest('Norland called the plan "a trap" and demanded that Sudmark withdraw.')).toEqual(
      ['norland opposes sudmark asserted'],
    );
    expect(suggest('Norland and Sudmark sat side by side but held no meeting.')).toEqual([
      'norland cooperates-with sudmark negated',
    ]);
  });

  it('reads "a plan drawn up by X", "receives aid from X" and "mediates between"', () => {
    expect(suggest('Ostria endorsed a plan drawn up by Norland.')).toEqual([
      'ostria cooperates-with norland asserted',
    ]);
    const [aid] = suggestRelations(
      'Sudmark receives military aid from Norland.',
      suggester,
    ).suggestions;
    expect([aid?.source, aid?.target]).toEqual(['norland', 'sudmark']);
    expect(sorted('Ostria mediates between Norland and Sudmark.')).toEqual([
      'ostria cooperates-with norland asserted',
      'ostria cooperates-with sudmark asserted',
    ]);
  });

  it('does not read the talks a verb suspends as cooperation', () => {
    expect(suggest('Norland suspended peace talks with Red Front.')).toEqual([
      'norland opposes red-front asserted',
    ]);
  });

  it('reads "would yield ... if" as a conditional offer, to the one told or the condition\'s subject', () => {
    expect(
      suggest('Norland said it would lift the blockade if Sudmark released the prisoners.'),
    ).toEqual(['norland proposes-to sudmark conditional']);
    expect(
      suggest('Red Front told Norland that it would free the hostages if the army withdrew.'),
    ).toEqual(['red-front proposes-to norland conditional']);
    // The one whose measure it undoes, named in the verb's object (before the condition's
    // subject, after the one told).
    for (const yielding of [
      'would lift the sanctions on Sudmark',
      'would withdraw its troops from Sudmark',
      'would release the Sudmark sailors',
    ])
      expect(suggest(`Norland ${yielding} if the talks succeed.`), yielding).toEqual([
        'norland proposes-to sudmark conditional',
      ]);
    // Not a name past a comma, a verb or "in": the condition's subject then, or nothing.
    for (const words of [
      'would return to the table, Anna Berg said, only',
      "would withdraw, Ostria's envoy said,",
      'would release the sailors, Ostria and the NPC said,',
      'would withdraw its troops in Ostria',
    ])
      expect(suggest(`Norland ${words} if Sudmark left.`), words).toEqual([
        'norland proposes-to sudmark conditional',
      ]);
    expect(
      structural('Norland would withdraw, and Ostria would follow, if the talks succeed.'),
    ).toEqual([]);
  });

  it('takes the person in apposition to a title, and the actor a possessor qualifies', () => {
    expect(
      suggest("The treaty was signed by Sergei Petrov and Sudmark's ambassador, Lena Holm."),
    ).toEqual(['ivan-petrov cooperates-with lena-holm asserted']);
    expect(suggest("Norland's Red Front attacked Sudmark.")).toEqual([
      'red-front opposes sudmark asserted',
    ]);
  });

  it('has cues of force at sea, and no condition in "on condition of anonymity"', () => {
    expect(suggest('Sudmark ships fired water cannon at a Norland boat.')).toEqual([
      'sudmark opposes norland asserted',
    ]);
    expect(
      suggest('Speaking on condition of anonymity, an official said Norland attacked Sudmark.'),
    ).toEqual(['norland opposes sudmark asserted']);
  });
});

describe('modality', () => {
  it('reads nothing from a yes/no question, which states nothing', () => {
    expect(suggest('Will Norland meet Sudmark?')).toEqual([]);
    expect(suggest('Did Norland attack Sudmark?')).toEqual([]);
    // Quoted after the one who asks, or asked in a clause of "whether".
    expect(suggest('The minister asked: "Will Norland attack Sudmark?"')).toEqual([]);
    expect(suggest('He asked whether Norland would attack Sudmark.')).toEqual([]);
    expect(suggest('It is unclear whether Norland will sanction Sudmark, officials said.')).toEqual(
      [],
    );
    expect(suggest('The minister asked: \u2018Will Norland attack Sudmark?\u2019')).toEqual([]);
    expect(suggest('It is unclear whether Norland, its neighbour, will attack Sudmark.')).toEqual(
      [],
    );
    // A verb of its own ends the question; the act after it, or before "whether", is stated.
    expect(suggest('Officials debated whether to respond after Norland attacked Sudmark.')).toEqual(
      ['norland opposes sudmark asserted'],
    );
    expect(structural('Whether Norland wins or loses Sudmark condemned Norland.')).toEqual([
      'sudmark opposes norland asserted',
    ]);
    // "whether to": a step weighed, not a question (the seeds annotate "agreed to explore
    // whether to provide more weapons" as a cooperation).
    expect(structural('Norland is studying whether to expel Sudmark diplomats.')).toHaveLength(1);
    expect(suggest('Norland attacked Sudmark whether or not Ostria agreed.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    // A quote that asks nothing is read, one that opens with an auxiliary and its verb too.
    expect(suggest('Anna Berg said Norland "has attacked Sudmark, and who will stop it?"')).toEqual(
      ['norland opposes sudmark asserted'],
    );
    expect(suggest('The minister said: "Norland attacked Sudmark."')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    // A question of why takes the act for given.
    expect(suggest('Why did Norland attack Sudmark?')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('takes no name for a modality cue (an actor called Will)', () => {
    const withWill = makeSuggester(
      [...ACTORS, { id: 'will', label: 'Will', kind: 'organisation' }],
      TYPES,
      lexicon,
    );
    const text = 'Will will criticise Sudmark.';
    const [found] = suggestRelations(text, withWill).suggestions;
    expect(`${found!.source} ${found!.type} ${found!.target} ${found!.modality}`).toBe(
      'will opposes sudmark proposed',
    );
    // The marker is the auxiliary, not the name.
    expect(found!.evidence.modality).toMatchObject({ start: 5, end: 9 });
    expect(suggestRelations('Will criticised Sudmark.', withWill).suggestions[0]!.modality).toBe(
      'asserted',
    );
  });

  it.each([
    ['Norland did not attack Sudmark.', 'negated'],
    ['Norland refused to cooperate with Sudmark.', 'negated'],
    ['Norland will cooperate with Sudmark only if the rebels leave.', 'conditional'],
    ['Norland plans to attack Sudmark.', 'proposed'],
    ['Norland reportedly attacked Sudmark.', 'reported'],
    ['According to officials, Norland attacked Sudmark.', 'reported'],
    ['Ostria denied that Norland had coordinated with Sudmark.', 'denied'],
    ['Norland attacked Sudmark.', 'asserted'],
  ])('%s -> %s', (text, modality) => {
    const found = suggestRelations(text, suggester).suggestions.filter(
      (s) => s.source === 'norland' || s.target === 'norland',
    );
    expect(found.map((s) => s.modality)).toEqual([modality]);
  });

  it('reads a marker ending in "to" as a plan only before a verb', () => {
    // "agreed to resume": a deed planned; "agreed to a truce brokered by X": the brokering
    // was done; "due to the attack": a cause.
    const modalities = (text: string, source: string) =>
      structural(text).filter((x) => x.startsWith(source));
    expect(modalities('Norland agreed to resume talks with Sudmark.', 'norland')).toEqual([
      'norland cooperates-with sudmark proposed',
    ]);
    expect(
      modalities('Norland and Sudmark agreed to a truce brokered by Ostria on Sunday.', 'ostria'),
    ).toEqual([
      'ostria cooperates-with norland asserted',
      'ostria cooperates-with sudmark asserted',
    ]);
    expect(structural("The talks were postponed due to Norland's attack on Sudmark.")).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('reads "unlikely to" as a negation and "likely to" as nothing', () => {
    expect(suggest('Diplomats said Ostria was unlikely to condemn Norland.')).toEqual([
      'ostria opposes norland negated',
    ]);
    expect(suggest('Ostria is likely to condemn Norland.')).toEqual([
      'ostria opposes norland asserted',
    ]);
  });

  it('keeps a condition after the main verb out of the relative clause before it', () => {
    const got = suggest(
      'Ostria, which brokered a peace deal between Norland and the Red Front, said it was ready to host talks if both sides agreed.',
    );
    expect(got).toContain('norland cooperates-with red-front asserted');
    expect(got).toContain('ostria proposes-to norland conditional');
    // Without the relative clause the condition is the cue's.
    expect(suggest('Ostria would broker a deal with Norland if the talks succeed.')).toContain(
      'ostria cooperates-with norland conditional',
    );
  });

  it('keeps a marker to its own clause: after "but", and before a verb of another form', () => {
    // The condition after "but each side warned" is the warning's, not the agreement's.
    expect(
      structural(
        'Norland and Sudmark agreed to extend the ceasefire, but each side warned it would resume fighting if the other violated the truce.',
      )[0],
    ).toBe('norland cooperates-with sudmark asserted');
    expect(
      structural('Norland would talk only if Sudmark withdrew, but Sudmark attacked Ostria.'),
    ).toContain('sudmark opposes ostria asserted');
    // "but only if": the cue's own condition.
    expect(structural('Norland will attack Sudmark, but only if talks fail.')).toEqual([
      'norland opposes sudmark conditional',
    ]);
    // "would not bow ... and accused": the accusation is made; "did not attack and bomb",
    // "will meet ... and sign" share the negation, the plan.
    expect(structural('Norland would not bow to pressure and accused Sudmark of lying.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(structural('Norland did not attack and bomb Sudmark.')).toEqual([
      'norland opposes sudmark negated',
    ]);
    expect(structural('Norland will meet Ostria and sign a deal with Sudmark.')).toEqual([
      'norland cooperates-with ostria proposed',
      'norland cooperates-with sudmark proposed',
    ]);
    // A quotation opening on the planned verb.
    expect(
      structural('Norland said it was prepared to "cooperate with Sudmark" on returns.'),
    ).toEqual(['norland cooperates-with sudmark proposed']);
  });

  it('names the evidence in why, with offsets of sentence, names and cue words', () => {
    const text = 'First. Norland reportedly attacked Sudmark.';
    const [s] = suggestRelations(text, suggester).suggestions;
    expect(s!.why).toMatch(
      /cue "attacked" \(CAMEO 19 fight\).*source "Norland".*target "Sudmark".*reported \("reportedly"\)/,
    );
    const e = s!.evidence;
    expect(text.slice(e.sentence.start, e.sentence.end)).toBe(s!.quote);
    expect(text.slice(e.source.start, e.source.end)).toBe('Norland');
    expect(text.slice(e.target.start, e.target.end)).toBe('Sudmark');
    expect(text.slice(e.cue.start, e.cue.end)).toBe('attacked');
    expect(text.slice(e.modality!.start, e.modality!.end)).toBe('reportedly');
    expect(s!.score).toBeGreaterThan(0);
    expect(s!.score).toBeLessThanOrEqual(1);
  });
});

describe('evaluation and output', () => {
  const st = (source: string, type: string, target: string, modality = 'asserted' as const) => ({
    source,
    type,
    target,
    modality,
  });

  it('matches one to one, a symmetric type in either order; a repeat needs its own', () => {
    const isDirected = (t: string) => t !== 'cooperates-with';
    expect(
      matchArticle(
        [st('b', 'cooperates-with', 'a'), st('a', 'opposes', 'b'), st('a', 'opposes', 'b')],
        [st('a', 'cooperates-with', 'b'), st('b', 'opposes', 'a'), st('a', 'opposes', 'b')],
        isDirected,
      ),
    ).toEqual([
      [0, 0],
      [1, 2],
    ]);
    const e = evaluate(
      [
        {
          suggested: [st('a', 'opposes', 'b'), st('a', 'opposes', 'c')],
          annotated: [st('a', 'opposes', 'b', 'negated' as never)],
        },
      ],
      TYPES,
    );
    expect(rates(e.overall)).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3 });
    expect(e.modality).toEqual({ matched: 1, correct: 0 });
  });

  it('counts apart the matches whose suggestion comes from the sentence quoted', () => {
    const at = (start: number) => ({ start, end: start + 10 });
    const e = evaluate(
      [
        {
          suggested: [
            { ...st('a', 'opposes', 'b'), span: at(0) },
            { ...st('a', 'opposes', 'c'), span: at(20) },
          ],
          annotated: [
            { ...st('a', 'opposes', 'b'), span: at(5) },
            { ...st('a', 'opposes', 'c'), span: at(40) },
          ],
        },
      ],
      TYPES,
    );
    expect(e.overall.matched).toBe(2);
    expect(e.sameSentence).toEqual({ suggested: 2, annotated: 2, matched: 1 });
  });

  it('prints a rate of nothing as "–", not as 0', () => {
    const table = formatEvaluation(
      evaluate([{ suggested: [{ ...st('a', 'opposes', 'b') }], annotated: [] }], TYPES),
    );
    const overall = table.split('\n').find((l) => l.startsWith('overall'))!;
    // Suggested 1, annotated 0: precision 0 of 1; recall and F1 undefined.
    expect(overall.trim().split(/\s+/)).toEqual(['overall', '1', '0', '0', '0.00', '–', '–']);
  });

  it('also counts by relation: each relation of an article once, however many quotes', () => {
    // Three quotes of one relation and one suggestion of it: one statement in three found,
    // the one relation found; a relation in two articles counts in each.
    const e = evaluate(
      [
        {
          suggested: [st('a', 'opposes', 'b'), st('b', 'cooperates-with', 'c')],
          annotated: [
            st('a', 'opposes', 'b'),
            st('a', 'opposes', 'b'),
            st('a', 'opposes', 'b', 'reported' as never),
            st('c', 'cooperates-with', 'b'),
            st('c', 'opposes', 'a'),
          ],
        },
        { suggested: [st('a', 'opposes', 'b')], annotated: [st('a', 'opposes', 'b')] },
      ],
      TYPES,
    );
    expect(e.overall).toEqual({ suggested: 3, annotated: 6, matched: 3 });
    expect(e.relations).toEqual({ suggested: 3, annotated: 4, matched: 3 });
  });

  it('writes YAML that parses into relations, with the score as a comment', () => {
    const { suggestions } = suggestRelations(
      'Norland reportedly attacked Sudmark: "a war".',
      suggester,
    );
    const yaml = toYaml(suggestions);
    expect(yaml).toMatch(/^ {2}# score /);
    expect(parse(`relations:\n${yaml}`)).toEqual({
      relations: [
        {
          source: 'norland',
          type: 'opposes',
          target: 'sudmark',
          modality: 'reported',
          quote: 'Norland reportedly attacked Sudmark: "a war".',
        },
      ],
    });
  });
});

describe('mutual acts, passives with "from" (general English, hand-made sentences)', () => {
  const sorted = (text: string) => suggest(text).sort();
  it('reads a mutual act of a group as both ways', () => {
    expect(sorted('Norland and Sudmark clashed near the river on Monday.')).toEqual([
      'norland opposes sudmark asserted',
      'sudmark opposes norland asserted',
    ]);
    expect(sorted('Norlandic and Sudmarkish patrols exchanged fire overnight.')).toEqual([]);
    expect(sorted('Norland and Sudmark attacked the town.')).toEqual([]);
  });

  it('takes the agent of a passive from "from" and reads "had been" as a passive', () => {
    expect(suggest('Norland had been shelled with rockets from Sudmark.')).toEqual([
      'sudmark opposes norland asserted',
    ]);
  });

  it('reads new cue words of the CAMEO classes', () => {
    expect(suggest('Norland has had no diplomatic relations with Sudmark since 1990.')).toEqual([
      'norland cooperates-with sudmark negated',
    ]);
    expect(suggest('Norland signed a contract to buy artillery from Sudmark.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });
});

describe('names that stand for their officials, relative clauses (hand-made sentences)', () => {
  it('takes "X officials said they" as X', () => {
    expect(suggest('Norland officials said they were ready to talk with Sudmark.')).toEqual([
      'norland proposes-to sudmark asserted',
    ]);
  });

  it('reads the antecedent of "X vessels, which" and the subject across a relative clause', () => {
    expect(
      suggest('Norland trawlers, which fish under an arrangement with Sudmark, left.'),
    ).toEqual(['norland cooperates-with sudmark asserted']);
    expect(
      suggest('Ostria, which hosted the meeting that led to the pact, has offered Norland money.'),
    ).toEqual(['ostria proposes-to norland asserted']);
  });

  it('reads "envoys of X" as X and "after a day of talks" as a phrase', () => {
    expect(
      suggest('Sergei Petrov left after a day of talks in the capital with envoys of Sudmark.'),
    ).toEqual(['ivan-petrov cooperates-with sudmark asserted']);
  });
});

describe('a noun whose author is named, addressed to the one who answers it (hand-made)', () => {
  it('reads "X rejected a Y demand" as Y against X too', () => {
    expect(suggest('Norland rejected a Sudmark demand for more water.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'sudmark opposes norland asserted',
    ]);
  });

  it('reads "despite objections from Y" as Y against the subject, but not "despite pressure"', () => {
    expect(
      suggest('Norland will build the dam next year, despite objections from Sudmark and Ostria.'),
    ).toEqual(['sudmark opposes norland asserted', 'ostria opposes norland asserted']);
    // The structure reads nothing here; the fallback by position (scored at most 0.4) guesses
    // Norland against Sudmark, wrongly: an analyst dismisses it, or hides fallbacks with
    // --min-score 0.5.
    const found = suggestRelations(
      'Norland will build the dam, despite pressure from Sudmark.',
      suggester,
    ).suggestions;
    expect(found.filter((x) => x.score > FALLBACK_MAX)).toEqual([]);
    expect(found.every((x) => x.why.startsWith('fallback: '))).toBe(true);
  });
});

describe('fallbacks by position, for what the structure does not give (hand-made)', () => {
  const full = (text: string, s = suggester) => suggestRelations(text, s).suggestions;

  it("proposes the cue's type from the name before the cue to the one after it, scored low", () => {
    const text = 'Norland troops and tanks: an attack, Sudmark officials say.';
    const found = full(text);
    expect(found.map((x) => `${x.source} ${x.type} ${x.target} ${x.modality}`)).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(found[0]!.score).toBeLessThanOrEqual(FALLBACK_MAX);
    expect(found[0]!.why).toBe(
      'fallback: "Norland" before the cue, "Sudmark" after it, same sentence; structure not recognised; cue "attack" (CAMEO 19 fight)',
    );
    const { sentence, cue } = found[0]!.evidence;
    expect(found[0]!.quote).toBe(text.slice(sentence.start, sentence.end));
    expect(text.slice(cue.start, cue.end)).toBe('attack');
  });

  it("reads a mutual act both ways, and keeps the cue's modality", () => {
    const found = full('Norland said clashes could erupt again near the border of Sudmark.');
    expect(found.map((x) => `${x.source} ${x.type} ${x.target}`).sort()).toEqual([
      'norland opposes sudmark',
      'sudmark opposes norland',
    ]);
    expect(found.every((x) => x.why.includes('"Norland" before the cue, "Sudmark" after it'))).toBe(
      true,
    );
    expect(found.every((x) => x.why.includes('a mutual act'))).toBe(true);
  });

  it('adds nothing where the structure gave the cue its pair, or with one actor only', () => {
    expect(full('Norland attacked Sudmark.').map((x) => x.why.startsWith('fallback'))).toEqual([
      false,
    ]);
    expect(full('Norland troops and tanks: an attack, officials say.')).toEqual([]);
  });

  it('takes only names near the cue (8 tokens)', () => {
    expect(
      full('Norland troops and tanks, seen on Tuesday by many of the villagers: an attack.'),
    ).toEqual([]);
    expect(
      full('An attack, officials say, and it was planned long ago by the generals of Sudmark.'),
    ).toEqual([]);
  });

  it('guesses the only other actor for a verb with a subject and no object, unless asked not to', () => {
    const text = 'In Sudmark, Norland condemned the decision.';
    const found = full(text);
    expect(found.map((x) => `${x.source} ${x.type} ${x.target}`)).toEqual([
      'norland opposes sudmark',
    ]);
    expect(found[0]!.why).toMatch(
      /^fallback: "Norland" the cue's subject, "Sudmark" the only other/,
    );
    expect(found[0]!.score).toBeLessThanOrEqual(FALLBACK_MAX);
    const without = { ...suggester, fallback: { ...DEFAULT_FALLBACK, subject: false } };
    expect(full(text, without)).toEqual([]);
    // Not for a noun.
    expect(full('In Sudmark, Norland voiced criticism.')).toEqual([]);
  });

  it('can be turned off', () => {
    const off = { ...suggester, fallback: { ...DEFAULT_FALLBACK, position: 'off' as const } };
    expect(full('Norland troops and tanks: an attack, Sudmark officials say.', off)).toEqual([]);
  });
});

describe('shared objects, accusations, conditions (hand-made sentences)', () => {
  it('gives verbs joined by "and" their shared object', () => {
    expect(suggest('Norland patrols have blocked and boarded Sudmark trawlers.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('reads what a passive accusation says the accused did, as reported', () => {
    expect(suggest('Norland was accused of arming the Red Front.')).toEqual([
      'norland cooperates-with red-front reported',
    ]);
    expect(suggest('Norland was accused by Sudmark of funding the Red Front.')).toContain(
      'norland cooperates-with red-front reported',
    );
    expect(suggest('Norland is suspected of secretly arming the Red Front.')).toEqual([
      'norland cooperates-with red-front reported',
    ]);
  });

  it('reads what an accusation says the accused did, as reported', () => {
    expect(suggest('Norland accused Sudmark of attacking Ostria.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'sudmark opposes ostria reported',
    ]);
    expect(suggest('Norland blamed Sudmark for the ambush.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'sudmark opposes norland reported',
    ]);
  });

  it('finds the subject of a condition whose verb the tagger reads as a noun', () => {
    expect(suggest('Norland has proposed a new round if Sudmark drops its claim.')).toEqual([
      'norland proposes-to sudmark conditional',
    ]);
  });
});

describe('government troops, fighters of a group, nouns as qualifiers (hand-made sentences)', () => {
  it('reads "clashes between government troops and fighters of X" both ways', () => {
    expect(
      suggest(
        'Norland held a vote in May. Ten died in clashes between government troops and fighters of Red Front.',
      ).sort(),
    ).toEqual(['norland opposes red-front asserted', 'red-front opposes norland asserted']);
  });

  it('does not read a noun that qualifies another noun as a cue', () => {
    expect(
      suggest('Red Front is an opposition movement; Norland aid agencies work there.'),
    ).toEqual([]);
  });
});

describe('what is told to someone (hand-made sentences)', () => {
  it('relates an offer or a welcome told to someone to the one told', () => {
    expect(
      suggest('Sergei Petrov told Sudmark on Monday his government supported the plan.'),
    ).toEqual(['norland cooperates-with sudmark asserted']);
  });
});

describe('"the mission" (hand-made sentences)', () => {
  it('reads "the mission" as the organisation named last', () => {
    expect(
      suggest(
        'The North Pact Council sent observers to Sudmark. Sudmark accused the mission of bias.',
      ),
    ).toEqual(['sudmark opposes north-pact asserted']);
  });
});

describe('acts referred back to (events.ts; hand-made sentences)', () => {
  it('knows the verb a noun of an act is made from, and not words that only look alike', () => {
    expect(verbsOfNoun('accusation')).toContain('accuse');
    expect(verbsOfNoun('condemnation')).toContain('condemn');
    expect(verbsOfNoun('warning')).toContain('warn');
    expect(verbsOfNoun('proposal')).toContain('propose');
    expect(verbsOfNoun('seizure')).toContain('seize');
    expect(verbsOfNoun('detention')).toContain('detain');
    expect(verbsOfNoun('ban')).toEqual(['ban']);
    for (const [noun, verb] of [
      ['hostage', 'host'],
      ['leader', 'lead'],
      ['reporter', 'report'],
      ['signal', 'sign'],
      ['detail', 'detain'],
      ['sanctuary', 'sanction'],
      ['protection', 'protest'],
      ['supply', 'support'],
      ['condition', 'condemn'],
    ])
      expect(verbsOfNoun(noun!), noun).not.toContain(verb);
  });

  it('aims a reaction to "the protest", "the accusations" at who made it', () => {
    expect(
      suggest('Norland lodged a protest with Sudmark. Sudmark dismissed the protest as baseless.'),
    ).toContain('sudmark opposes norland asserted');
    expect(suggest('Norland accused Sudmark of spying. Sudby rejected the accusations.')).toEqual([
      'norland opposes sudmark asserted',
      'sudmark opposes norland asserted',
    ]);
  });

  it("aims a state's reaction to what a person said at the person's state; a person's at them", () => {
    const said = 'Sergei Petrov accused Sudmark of spying.';
    expect(suggest(`${said} Sudmark rejected the accusations.`)).toContain(
      'sudmark opposes norland asserted',
    );
    expect(suggest(`${said} Lena Holm rejected the accusations.`)).toContain(
      'lena-holm opposes ivan-petrov asserted',
    );
    // A judgement of it too.
    expect(suggest(`${said} Sudmark called the accusations "a fabrication".`)).toContain(
      'sudmark opposes norland asserted',
    );
  });

  it('reads "the attack" as any act of the same CAMEO root, and "the claim" as what was said', () => {
    expect(suggest('Norland shelled border posts. Ostria condemned the attack.')).toEqual([
      'ostria opposes norland asserted',
    ]);
    expect(
      suggest('Norland explained that the ban was temporary. Sudmark dismissed the explanation.'),
    ).toEqual(['sudmark opposes norland asserted']);
    expect(suggest('Norland offered talks. Sudmark welcomed the proposal.')).toEqual([
      'sudmark cooperates-with norland asserted',
    ]);
  });

  it('reads "his accusations", "their proposal" as the act of the one who did it', () => {
    expect(
      suggest('Sergei Petrov accused Sudmark of lying. Lena Holm rejected his accusations.'),
    ).toContain('lena-holm opposes ivan-petrov asserted');
    // An accusation is a saying too: "her claims".
    expect(
      suggest('Lena Holm accused Norland of lying. Sergei Petrov rejected her claims.'),
    ).toContain('ivan-petrov opposes lena-holm asserted');
    expect(suggest('Norland proposed a ceasefire. Sudmark welcomed its proposal.')).toEqual([
      'sudmark cooperates-with norland asserted',
    ]);
    // Not "its own proposal"; and an accusation is still an act for "the move".
    expect(suggest('Norland proposed a ceasefire. Sudmark rejected its own proposal.')).toEqual([]);
    expect(suggest('Norland accused Sudmark of lying. Sudmark condemned the move.')).toContain(
      'sudmark opposes norland asserted',
    );
    // "its allies" are those who are allies, not an act of alliance.
    expect(
      structural('Norland welcomed the truce. Sudmark urged its allies to hold back.'),
    ).not.toContain('sudmark proposes-to norland asserted');
    expect(suggest('Norland offered talks. Sudmark welcomed their proposal.')).toEqual([
      'sudmark cooperates-with norland asserted',
    ]);
  });

  it('reads "that reading", "that position" or "their version" as what was said', () => {
    for (const noun of ['that reading', 'that position', 'the version', 'this interpretation'])
      expect(
        suggest(`Norland says the border runs along the river. Sudmark rejects ${noun}.`),
      ).toEqual(['sudmark opposes norland asserted']);
  });

  it('says in its why which act it took, and scores it below a named target', () => {
    const [reaction] = suggestRelations(
      'Norland offered talks. Sudmark welcomed the proposal.',
      suggester,
    ).suggestions;
    expect(reaction!.why).toContain(
      'target "the proposal" (who did the act it refers to, told as "offer")',
    );
    expect(reaction!.evidence.target.text).toBe('the proposal');
    const named = suggestRelations('Sudmark welcomed Norland.', suggester).suggestions[0]!;
    expect(reaction!.score).toBeLessThan(named.score);
  });

  it('does not refer to an act of the reacting side itself, one too far back or none at all', () => {
    expect(suggest('Norland offered talks. Norland welcomed the proposal.')).toEqual([]);
    expect(
      suggest(
        // After the lead (three sentences), which is referred to from anywhere.
        'Markets fell. Trains stopped. Shops closed. Norland offered talks. It rained. The river rose. Roads closed. Crops failed. Sudmark welcomed the proposal.',
      ),
    ).toEqual([]);
    expect(suggest('Sudmark welcomed the proposal.')).toEqual([]);
    expect(suggest('Norland offered talks. Sudmark welcomed the weather.')).toEqual([]);
  });
});

describe('lists (hand-made sentences)', () => {
  it('reads the accused of "X, which Y accuses of arming Z" as the relative\'s antecedent', () => {
    expect(
      suggest(
        'Sudmark, which Norland accuses of arming the Red Front, denied any role in the attack.',
      ),
    ).toEqual(['sudmark cooperates-with red-front reported', 'norland opposes sudmark asserted']);
    // Past the subject's article.
    expect(
      suggest('Sudmark, which the Red Front accuses of arming Norland, denied any role.'),
    ).toContain('sudmark cooperates-with norland reported');
  });

  it("gives a noun that is a verb cue's object the verb's subject, past a relative clause", () => {
    // "the Grand Sudmark Dam" is the name nearest before "pact"; Ostria signed it.
    const got = suggest(
      'Ostria, which has been at odds with Norland for years over the Grand Sudmark Dam, signed a defence pact with the Red Front in August.',
    );
    expect(got).toContain('ostria cooperates-with red-front asserted');
    expect(got).not.toContain('sudmark cooperates-with red-front asserted');
  });
  it('takes the names in apposition to a noun a name qualifies as the object', () => {
    // "two Sudmark officials, Anna Berg and Lena Holm,": the officials named, not their state.
    const got = suggest(
      'Norland imposed sanctions on two Sudmark officials, Anna Berg and Lena Holm, on Friday.',
    );
    expect(got).toContain('norland opposes anna-berg asserted');
    expect(got).toContain('norland opposes lena-holm asserted');
    expect(got).not.toContain('norland opposes sudmark asserted');
    for (const name of ['RF', 'the Red Front'])
      expect(
        suggest(`Norland imposed sanctions on an Ostrian militia, ${name}, on Friday.`),
      ).toEqual(['norland opposes red-front asserted']);
    // A name after the comma that begins a clause of its own is its speaker.
    expect(suggest('Norland attacked Sudmark positions, Ostria said.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });
  it('takes the names after "including" or "such as" as the ones a noun stood for', () => {
    expect(
      suggest(
        'Norland has been conducting airstrikes against armed groups, including Red Front and Sudmark.',
      ),
    ).toEqual(['norland opposes red-front asserted', 'norland opposes sudmark asserted']);
    expect(suggest('Norland imposed sanctions on several neighbours such as Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(suggest('Norland attacked rebel positions, including a base near the border.')).toEqual(
      [],
    );
  });

  it('reads a headline that opens with three names joined by commas as a group', () => {
    expect(suggest('Norland, Sudmark, Ostria cooperating to counter Red Front').sort()).toEqual([
      'norland cooperates-with ostria asserted',
      'norland cooperates-with sudmark asserted',
      'sudmark cooperates-with ostria asserted',
    ]);
    expect(suggest('In May, Norland, Sudmark, Ostria agreed.')).toEqual([]);
    expect(structural("Norland, Sudmark 'cooperating'")).toEqual([]);
  });

  it('reads "told reporters in Nordby that ..." as what is told, not a relative clause of Nordby', () => {
    // The pressure is no one named's; before, Nordby (Norland's capital) was read as its source.
    expect(
      structural('Lena Holm told reporters in Nordby that pressure on Sudmark was wrong.'),
    ).not.toContain('norland opposes sudmark asserted');
    // What is said is still read, and a "that" after a name with no verb of saying before it
    // still opens a relative clause.
    expect(structural('Norland said on Monday that Sudmark attacked Ostria.')).toContain(
      'sudmark opposes ostria asserted',
    );
    expect(structural('It was Norland that condemned Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('ends a list at ", and" after the object of a verb or preposition: a clause begins', () => {
    expect(suggest('Norland attacked Sudmark, and Ostria condemned the raid.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'ostria opposes norland asserted',
    ]);
    // Sudby, Sudmark's capital, is where they met, not who praised.
    expect(suggest('Lena Holm met Anna Berg in Sudby, and Norland praised Ostria.')).not.toContain(
      'sudmark cooperates-with ostria asserted',
    );
    expect(suggest('Lena Holm met Anna Berg in Sudby, and Norland praised Ostria.')).toContain(
      'norland cooperates-with ostria asserted',
    );
    // After a list of two objects joined by "and" too.
    expect(
      suggest('Norland attacked Sudmark and Red Front, and Ostria condemned the raid.').sort(),
    ).toEqual([
      'norland opposes red-front asserted',
      'norland opposes sudmark asserted',
      'ostria opposes norland asserted',
    ]);
    // A list of commas after a preposition stays one list.
    expect(suggest('Leaders of Norland, Sudmark, and Ostria condemned Red Front.').sort()).toEqual([
      'norland opposes red-front asserted',
      'ostria opposes red-front asserted',
      'sudmark opposes red-front asserted',
    ]);
    // Not after a subject: "Norland, Sudmark, and Ostria" is one list.
    expect(suggest('Norland, Sudmark, and Ostria condemned Red Front.').sort()).toEqual([
      'norland opposes red-front asserted',
      'ostria opposes red-front asserted',
      'sudmark opposes red-front asserted',
    ]);
  });
});

describe('subjects across clauses, and "he" or "she" (hand-made sentences)', () => {
  it('reads "has since accused" as "has accused"', () => {
    expect(suggest('Nordby has since accused Sudby of violating the deal.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('gives a verb after "denied that ... and" the subject of "denied", without its denial', () => {
    expect(
      suggest(
        "Red Front's spokesman, Lena Holm, denied that the movement had fired on the camps and accused Norland of placing artillery among civilians.",
      ),
    ).toContain('lena-holm opposes norland asserted');
  });

  it('reads "he" or "she" past an adverb ("She later accused"), and not past a stranger', () => {
    expect(
      suggest('Lena Holm spoke after the vote. She later accused Norland of stalling.'),
    ).toEqual(['lena-holm opposes norland asserted']);
    // A sentence that may speak of another person stops the look further back.
    expect(
      suggest(
        'Lena Holm left early. A spokesman for the army then read a statement. He accused Norland of lying.',
      ),
    ).toEqual([]);
    expect(
      suggest(
        'Lena Holm left early. Maria Lopez, an activist, spoke next. She accused Norland of lying.',
      ),
    ).toEqual([]);
  });

  it('reads "he" or "she" as the one person named just before, and never guesses between two', () => {
    expect(suggest('Lena Holm arrived on Monday. She accused Norland of lying.')).toEqual([
      'lena-holm opposes norland asserted',
    ]);
    expect(
      suggest('Lena Holm met Sergei Petrov on Monday. He accused Ostria of lying.').filter((x) =>
        x.endsWith('ostria asserted'),
      ),
    ).toEqual([]);
    expect(
      suggest('Lena Holm arrived. It rained. The river rose. She accused Norland of lying.'),
    ).toEqual([]);
  });

  it('reads "she" after a quotation of two sentences as the person named before it', () => {
    const text =
      'Lena Holm thanked the mediators. "We call on Norland to free them. Their detention is no bargaining chip," she told reporters.';
    expect(suggest(text)).toContain('lena-holm proposes-to norland asserted');
    // A person named in between, known or not, still stops the look back.
    expect(
      suggest(
        'Lena Holm thanked the mediators. Sergei Petrov spoke. "We call on Norland to free them. Their detention is no bargaining chip," he told reporters.',
      ).filter((x) => x.startsWith('lena-holm')),
    ).toEqual([]);
    expect(
      suggest(
        'Lena Holm thanked the mediators. Minister Lars Hald spoke. "We call on Norland to free them. Their detention is no bargaining chip," he told reporters.',
      ).filter((x) => x.startsWith('lena-holm')),
    ).toEqual([]);
  });

  it('reads "the regional bloc NPC" as a title of the name, not the bloc named before', () => {
    const withUnion = makeSuggester(
      [...ACTORS, { id: 'west-union', label: 'West Union', kind: 'organisation' }],
      TYPES,
      lexicon,
    );
    const read = (t: string) =>
      suggestRelations(t, withUnion).suggestions.map((x) => `${x.source} ${x.type} ${x.target}`);
    expect(
      read(
        'Norland accused Sudmark. The West Union urged both governments to talk. The regional bloc NPC offered to host talks between the two sides.',
      ).filter((x) => x.startsWith('north-pact')),
    ).toEqual(['north-pact proposes-to norland', 'north-pact proposes-to sudmark']);
  });

  it('reads "urged restraint", "called for calm" as an appeal to the two sides', () => {
    expect(
      suggest('Norland and Sudmark clashed on the border. Ostria urged restraint.').filter((x) =>
        x.startsWith('ostria'),
      ),
    ).toEqual(['ostria proposes-to norland asserted', 'ostria proposes-to sudmark asserted']);
    // Never the ones who ask: the ally of one side asks the two sides, not itself.
    expect(
      suggest("Norland shelled Sudmark. Ostria, Norland's closest ally, called for calm.").filter(
        (x) => x.includes('proposes-to'),
      ),
    ).toEqual(['ostria proposes-to norland asserted', 'ostria proposes-to sudmark asserted']);
    // With no two sides, nobody.
    expect(suggest('Ostria urged restraint.')).toEqual([]);
    // A call for a measure against someone is made to no one named, nor guessed.
    expect(structural('Ostria called for sanctions on Norland.')).not.toContain(
      'ostria proposes-to norland asserted',
    );
    expect(suggest("Ostria called for Norland's expulsion.")).toEqual([]);
    expect(structural('Ostria called for Norland to withdraw.')).toContain(
      'ostria proposes-to norland asserted',
    );
    // "urged them to": those asked, found the same way; not "them" elsewhere.
    expect(
      suggest('Norland and Sudmark clashed. Ostria urged them to talk.').filter((x) =>
        x.startsWith('ostria'),
      ),
    ).toEqual(['ostria proposes-to norland asserted', 'ostria proposes-to sudmark asserted']);
    // Only after a verb that asks: "helped them to rebuild" is no appeal to the two.
    expect(
      suggest('Norland and Sudmark clashed. Ostria helped them to rebuild.').filter((x) =>
        x.startsWith('ostria'),
      ),
    ).toEqual([]);
    expect(
      suggest("Norland and Sudmark clashed. The two armies' commanders spoke by telephone."),
    ).toContain('norland cooperates-with sudmark asserted');
    // The same for "both sides": the owner in an apposition is not one who asks.
    expect(
      suggest(
        "Norland and Sudmark clashed again. Ostria, Sudmark's closest ally, called on both sides to talk.",
      ).filter((x) => x.includes('proposes-to')),
    ).toEqual(['ostria proposes-to norland asserted', 'ostria proposes-to sudmark asserted']);
    const [appeal] = suggestRelations(
      'Norland and Sudmark clashed. Ostria called for calm.',
      suggester,
    ).suggestions.filter((x) => x.source === 'ostria');
    expect(appeal!.why).toContain('target "calm" (object of the verb, asked of the two sides)');
  });

  it('reads "he" after an office named without a name as that office\'s actor', () => {
    expect(
      suggest(
        "Lena Holm spoke first. Norland's prime minister said he supported Sudmark's position.",
      ),
    ).toEqual(['norland cooperates-with sudmark asserted']);
  });
});

describe('"it was in contact with" (hand-made sentences)', () => {
  it('reads "it" before "was" and a preposition as a subject, not "it was reported"', () => {
    expect(
      suggest("Norland, Sudmark's only treaty ally, said it was in close contact with Ostria."),
    ).toEqual([
      'norland cooperates-with sudmark asserted',
      'norland cooperates-with ostria asserted',
    ]);
    expect(structural('Norland said it was reported that Ostria agreed.')).toEqual([]);
  });
});

describe('judgements of an act, datelines (hand-made sentences)', () => {
  it('aims "called the X ..." at who did X, against them by a cue word or a negative sentiment', () => {
    expect(
      suggest('Norland proposed talks. Sudmark called the proposal "a direct threat to our land".'),
    ).toContain('sudmark opposes norland asserted');
    expect(
      suggest(
        'Norland launched a missile on Monday. Lena Holm called the launch "an outrageous act".',
      ),
    ).toEqual(['lena-holm opposes norland asserted']);
  });

  it('reads a judgement that says nothing of itself by the act judged: against a hostile one', () => {
    expect(
      suggest('Norland accused Sudmark of spying. Sudby called the accusations "a fabrication".'),
    ).toEqual(['norland opposes sudmark asserted', 'sudmark opposes norland asserted']);
    expect(suggest('Norland proposed talks. Sudmark called the proposal "modest".')).toEqual([]);
  });

  it('reads a positive judgement as cooperation, and stops the judgement at "and"', () => {
    expect(
      suggest(
        'Norland proposed talks. Sudmark called the proposal "a step in the right direction".',
      ),
    ).toContain('sudmark cooperates-with norland asserted');
    expect(
      suggest(
        'Norland accused Sudmark of spying. Sudby called the accusations "a fabrication" and promised talks.',
      ),
    ).toContain('sudmark opposes norland asserted');
  });

  it('does not take a dateline ("NORDBY —") as a party, but keeps an acronym ("NPC -")', () => {
    expect(suggest('NPC - Sudmark and Ostria agreed on Monday.')).toContain(
      'north-pact cooperates-with sudmark asserted',
    );
    expect(suggest('NORDBY - Sudmark and Ostria agreed on Monday.')).toEqual([
      'sudmark cooperates-with ostria asserted',
    ]);
    expect(
      suggest(
        'NORDBY — Sudmark launched a missile. Sergei Petrov called the launch "an outrageous act".',
      ),
    ).toEqual(['ivan-petrov opposes sudmark asserted']);
    expect(suggest('NORDBY, Sudmark (AP) — Officials accused Ostria of lying.')).toEqual([]);
    expect(suggest('NORLAND - SUDMARK BORDER TALKS RESUME')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });
});

describe('reducing relations and rejecting (CAMEO 12, 16; hand-made sentences)', () => {
  it('reads tariffs, revoking an accord and turning a mission away as opposition', () => {
    expect(suggest("Norland imposed tariffs on Sudmark's steel.")).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(suggest('Nordby revoked a military cooperation accord with Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(suggest('Norland turned away a mediation team from the North Pact Council.')).toEqual([
      'norland opposes north-pact asserted',
    ]);
  });
});

describe('what a reaction is not (hand-made sentences, from a review)', () => {
  it('keeps a deed after "said that Y had ... and" as the clause\'s', () => {
    const found = suggest(
      "Norland said that Sudmark had shelled the town and attacked Ostria's convoy.",
    );
    expect(found).toContain('sudmark opposes ostria asserted');
    expect(found).not.toContain('norland opposes ostria asserted');
  });

  it("does not aim a reaction at the reacting side's own state or people", () => {
    expect(
      suggest(
        'Norland attacked a Sudmark convoy. Sergei Petrov called the attack "an outrageous act".',
      ),
    ).toEqual(['norland opposes sudmark asserted']);
  });

  it('aims at each doer of the latest act when several did it, never at an older act', () => {
    expect(
      suggest(
        'Ostria proposed a ceasefire on Sunday. Norland and Sudmark proposed talks on Monday. Iraq rejected the proposal.',
      ).filter((s) => s.startsWith('iraq')),
    ).toEqual(['iraq opposes norland asserted', 'iraq opposes sudmark asserted']);
    expect(
      suggest('Norland and Sudmark signed a trade agreement. Ostria welcomed the agreement.'),
    ).toEqual([
      'norland cooperates-with sudmark asserted',
      'ostria cooperates-with norland asserted',
      'ostria cooperates-with sudmark asserted',
    ]);
    // The reacting side is not among the doers it is aimed at: the rest are.
    expect(
      suggest('Norland and Sudmark signed a trade agreement. Norland welcomed the agreement.'),
    ).toEqual([
      'norland cooperates-with sudmark asserted',
      'norland cooperates-with sudmark asserted',
    ]);
    // An agreement brokered between two is theirs, not its broker's (one of them unknown too).
    expect(
      welcomes('Ostria brokered a deal between Norland and the rebels. The NPC welcomed the deal.'),
    ).toEqual(['north-pact cooperates-with norland']);
    for (const noun of ['an agreement', 'a deal']) {
      expect(
        welcomes(
          `Ostria brokered ${noun} between Norland and Sudmark. The NPC welcomed the agreement.`,
        ),
        noun,
      ).toEqual(['north-pact cooperates-with norland', 'north-pact cooperates-with sudmark']);
    }
    // So is what came of talks a verb brokered between two: "the agreement" is theirs.
    expect(
      welcomes(
        'Ostria brokered the talks between Norland and Sudmark. The NPC welcomed the agreement.',
      ),
    ).toEqual(['north-pact cooperates-with norland', 'north-pact cooperates-with sudmark']);
    // The mediation itself is the mediator's: "the mediation", "the move" after it.
    for (const object of ['the mediation', 'the move'])
      expect(
        welcomes(`Ostria mediated between Norland and Sudmark. The NPC welcomed ${object}.`),
        object,
      ).toEqual(['north-pact cooperates-with ostria']);
    // A welcome is no accord: "the accord" after it is still the one signed.
    const praise = structural(
      'Norland and Sudmark signed a trade agreement. Ostria welcomed the agreement. The NPC praised the accord.',
    ).filter((x) => x.startsWith('north-pact'));
    expect(praise).toEqual([
      'north-pact cooperates-with norland asserted',
      'north-pact cooperates-with sudmark asserted',
    ]);
    // More doers than MAX_DOERS: no reaction aimed, the reacting side among them or not.
    for (const reacting of ['Iraq', 'Norland']) {
      const text = `Norland, Sudmark, Ostria and Red Front signed a trade agreement. ${reacting} welcomed the agreement.`;
      expect(welcomes(text), reacting).toEqual([]);
    }
  });

  it('takes the act its noun names by word or object before a later one of its root only', () => {
    // "the agreement" is the one signed, not the talks brokered since (both CAMEO 05).
    expect(
      welcomes(
        'Norland and Sudmark signed a trade agreement. Ostria brokered talks between Iraq and the Red Front. The NPC welcomed the agreement.',
      ),
    ).toEqual(['north-pact cooperates-with norland', 'north-pact cooperates-with sudmark']);
    // Named by neither: the latest act of its root, as before.
    expect(
      welcomes(
        'Norland and Sudmark held a meeting. Ostria brokered talks between Iraq and the Red Front. The NPC welcomed the agreement.',
      ),
    ).toEqual(['north-pact cooperates-with iraq', 'north-pact cooperates-with red-front']);
    // A definite object refers to an act, it tells none: "rejected the sanctions" is no
    // sanction of the rejecting side's.
    expect(
      suggest(
        'Norland imposed sanctions on Sudmark. Sudmark rejected the sanctions. Ostria welcomed the sanctions.',
      ),
    ).toContain('ostria cooperates-with norland asserted');
    expect(
      suggest(
        'Norland imposed sanctions on Sudmark. Sudmark rejected the sanctions. Ostria welcomed the sanctions.',
      ),
    ).not.toContain('ostria cooperates-with sudmark asserted');
  });

  it('pairs no joint signers with the parties of the accord they sign', () => {
    // "Bishop and Holm signed the accord": its parties' envoys (Bishop's is not in the
    // registry), not a third and fourth party to pair with Norland.
    expect(
      structural(
        'Norland and Sudmark agreed a trade pact. Jo Bishop and Lena Holm signed the accord on Monday.',
      ),
    ).toEqual([
      'norland cooperates-with sudmark asserted',
      'jo-bishop cooperates-with lena-holm asserted',
    ]);
    // One signer is a party joining it: with its parties.
    expect(
      structural('Norland and Sudmark agreed a trade pact. Ostria signed the accord on Monday.'),
    ).toEqual([
      'norland cooperates-with sudmark asserted',
      'ostria cooperates-with norland asserted',
      'ostria cooperates-with sudmark asserted',
    ]);
  });

  it('reads a hostile act the subject undergoes as done to it', () => {
    expect(suggest('Norland came under attack from Sudmark.')).toEqual([
      'sudmark opposes norland asserted',
    ]);
    expect(suggest('Norland came under pressure from Sudmark.')).toEqual([
      'sudmark opposes norland asserted',
    ]);
    // From no one named: no guess at the other name of the sentence.
    expect(suggest('Norland came under attack, Sudmark said.')).toEqual([]);
    expect(suggest('Ostria denies that it has bowed to pressure from Norland.')).not.toContain(
      'ostria opposes norland denied',
    );
    // "under an agreement" is still an agreement.
    expect(suggest('Norland patrols the strait under an agreement with Sudmark.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });

  it('reads "each side" as the two joined by "and", not a dateline or a mediator named since', () => {
    const found = structural(
      'Norland and Sudmark agreed to a truce after talks mediated by Ostria, but each side warned it would resume fighting if the other violated the truce.',
    );
    expect(found).toContain('norland opposes sudmark conditional');
    expect(found).toContain('sudmark opposes norland conditional');
    expect(found.filter((x) => /opposes ostria|ostria opposes/.test(x))).toEqual([]);
    // "NORDBY, June 3 (Wire) –" is where the story was filed: "it" is no Norland.
    const filed = structural(
      'NORDBY, June 3 (Wire) \u2013 Sudmark and the Red Front agreed to extend the truce, but each side warned it would resume fighting if the other violated it.',
    );
    expect(filed.filter((x) => x.includes('norland'))).toEqual([]);
    expect(filed).toContain('sudmark opposes red-front conditional');
  });

  it('takes "the plan" and "the initiative" for a proposal told before', () => {
    expect(
      structural(
        'Norland proposed a ceasefire on Monday. The plan was endorsed by Sudmark and Ostria.',
      ),
    ).toEqual([
      'sudmark cooperates-with norland asserted',
      'ostria cooperates-with norland asserted',
    ]);
    expect(structural('Norland proposed a ceasefire. Sudmark rejected the initiative.')).toEqual([
      'sudmark opposes norland asserted',
    ]);
  });

  it('reads no act in a participle qualifying a noun, nor in what is warned against', () => {
    expect(
      suggest('Norland also allowed the transfer of $6 billion in frozen Sudmark funds.'),
    ).toEqual([]);
    expect(suggest('Norland froze Sudmark assets.')).toEqual(['norland opposes sudmark asserted']);
    const warned = structural(
      'Ostria has repeatedly warned the North Pact Council against supplying weapons to Sudmark.',
    );
    expect(warned.filter((x) => x.includes('cooperates-with'))).toEqual([]);
    expect(warned).toContain('ostria opposes north-pact asserted');
  });

  it('takes no act said not to be', () => {
    expect(suggest('Norland did not propose talks. Sudmark rejected the proposal.')).toEqual([]);
  });

  it('reads an object that names its author as it stands ("the statement by X")', () => {
    expect(
      suggest('Norland said on Monday it would attend. Sudmark welcomed the statement by Ostria.'),
    ).not.toContain('sudmark cooperates-with norland asserted');
  });

  it('reads a neutral judgement of a hostile act as against it only from the side it hit', () => {
    expect(
      suggest('Sudmark detained a Norland trawler. Ostria called the detention "lawful".'),
    ).toEqual(['sudmark opposes norland asserted']);
    expect(
      suggest('Sudmark detained a Norland trawler. Nordby called the detention "lawful".'),
    ).toEqual(['sudmark opposes norland asserted', 'norland opposes sudmark asserted']);
  });

  it('does not read "he" when an unknown titled person may be meant', () => {
    expect(
      suggest('Lena Holm met Prime Minister Lars Hald of Ostria. He accused Iraq of lying.'),
    ).not.toContain('lena-holm opposes iraq asserted');
  });

  it('reads no act against anyone in measures lifted or suspended', () => {
    expect(suggest('Sudmark lifted tariffs on Norland steel.')).toEqual([]);
    expect(suggest('Sudmark suspended the sanctions on Norland.')).toEqual([]);
    expect(suggest('Sudmark imposed sanctions on Norland.')).toEqual([
      'sudmark opposes norland asserted',
    ]);
  });

  it('reads a measure not lifted, or refused lifting, as standing', () => {
    for (const verb of ['did not lift', 'has refused to lift', 'would not suspend'])
      expect(suggest(`Sudmark ${verb} the sanctions on Norland.`)).toEqual([
        'sudmark opposes norland asserted',
      ]);
  });
});

describe('an author named after "by", a clause of saying without "that" (hand-made sentences)', () => {
  it('reads "rejected a proposal by X": X proposed, and is rejected; not an unnamed proposal', () => {
    expect(
      suggest('Sudmark rejected a proposal by the paramilitary Norland for a truce.').sort(),
    ).toEqual(['norland proposes-to sudmark asserted', 'sudmark opposes norland asserted']);
    expect(
      suggest('Sudmark has rejected previous truce proposals while Norland fighters remain.'),
    ).not.toContain('sudmark proposes-to norland asserted');
    // "a request from X" too; the reaction is aimed at its author.
    expect(suggest('Sudmark rejected a request from Norland to extradite a judge.')).toContain(
      'sudmark opposes norland asserted',
    );
  });

  it('gives "X said Y would ..., and accused Z" the speaker for subject', () => {
    expect(
      suggest(
        'Sergei Petrov said Sudby would press Ostria to act, and accused Iraq of waging a campaign of sabotage.',
      ),
    ).toContain('ivan-petrov opposes iraq asserted');
  });
});

describe('plurals the model keeps (hand-made sentences)', () => {
  it('refers "the airstrikes" back as "the airstrike"', () => {
    expect(suggest('Norland bombed Sudmark on Monday. Ostria condemned the airstrikes.')).toContain(
      'ostria opposes norland asserted',
    );
  });
});

describe('"he" and the titles of the cue file (hand-made sentences)', () => {
  it('counts a person after any honorific of the lexicon as a second person', () => {
    for (const title of ['Senator', 'Governor', 'Ayatollah'])
      expect(
        suggest(`Lena Holm met ${title} Tom Brandt on Monday. He accused Iraq of lying.`),
        title,
      ).not.toContain('lena-holm opposes iraq asserted');
  });
});

describe('"between", sentence openings, acts named by an object (hand-made sentences)', () => {
  it('takes both names after "between", whatever verb follows them', () => {
    expect(suggest('The talks between Norland and Sudmark resumed on Monday.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
    expect(suggest('Fighting between Norland and the Red Front spread.').sort()).toEqual([
      'norland opposes red-front asserted',
      'red-front opposes norland asserted',
    ]);
  });

  it('reads a capitalised plural that opens a sentence as the noun it is', () => {
    expect(readText('Clashes between them.').tokens[0]).toMatchObject({ singular: 'clash' });
    expect(suggest('Clashes between Norland and Sudmark killed ten.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'sudmark opposes norland asserted',
    ]);
  });

  it('does not make the act a verb refers to its subject\'s ("condemned the deal")', () => {
    const text =
      'Norland and Sudmark signed an agreement on Tuesday. Ostria condemned the deal within hours. The Red Front welcomed the agreement.';
    const got = suggest(text);
    expect(got).toContain('ostria opposes norland asserted');
    expect(got).toContain('red-front cooperates-with sudmark asserted');
    expect(got).not.toContain('red-front cooperates-with ostria asserted');
    // The noun keeps the parties of its own phrase.
    expect(suggest('Ostria welcomed the talks between Norland and Sudmark.')).toContain(
      'norland cooperates-with sudmark asserted',
    );
  });

  it('reads an act that a passive reaction is said of ("the pact was criticised by")', () => {
    expect(
      suggest('Norland and Sudmark signed a pact. The pact has also been criticised by Ostria.'),
    ).toContain('ostria opposes sudmark asserted');
    // Signing tells who did it; it reacts to nothing.
    expect(
      structural('Norland and Sudmark agreed a pact. The pact was signed in Nordby by Ostria.'),
    ).not.toContain('ostria cooperates-with norland asserted');
  });

  it('reads a second passive reaction after "but" or "and" as said of the same act', () => {
    const deployed = 'Norland deployed troops to Ostria.';
    for (const second of ['but was condemned by the Red Front', 'and condemned by the Red Front']) {
      const got = suggest(`${deployed} The deployment was welcomed by Sudmark ${second}.`);
      expect(got).toContain('red-front opposes norland asserted');
      expect(got).toContain('sudmark cooperates-with norland asserted');
      // Not the two reacting sides, one against the other.
      expect(got).not.toContain('red-front opposes sudmark asserted');
      expect(got).not.toContain('sudmark opposes red-front asserted');
    }
    // An act it cannot find is no ground for a guess between them.
    expect(
      suggest(
        'Norland sent aid. The deployment was welcomed by Sudmark but was condemned by the Red Front.',
      ),
    ).toEqual([]);
  });

  it('reads a standing relation said of a name in apposition or after a copula', () => {
    expect(suggest("Norland, Sudmark's closest ally, sent troops.")).toContain(
      'norland cooperates-with sudmark asserted',
    );
    expect(suggest("Ostria is Sudmark's main partner.")).toEqual([
      'ostria cooperates-with sudmark asserted',
    ]);
    expect(suggest("Ostria sent Sudmark's ally a letter.")).not.toContain(
      'ostria cooperates-with sudmark asserted',
    );
    // Those who give: a donor, a supplier, a creditor.
    expect(suggest("Ostria, Sudmark's largest donor, said nothing.")).toEqual([
      'ostria cooperates-with sudmark asserted',
    ]);
    expect(suggest("Ostria, one of Sudmark's main arms suppliers, said nothing.")).toEqual([
      'ostria cooperates-with sudmark asserted',
    ]);
  });

  it('reads "paused cooperation with" as reducing relations', () => {
    expect(suggest('Norland and Ostria paused their cooperation with Sudmark.')).toEqual(
      expect.arrayContaining([
        'norland opposes sudmark asserted',
        'ostria opposes sudmark asserted',
      ]),
    );
    expect(suggest('Norland and Ostria paused their cooperation with Sudmark.')).not.toContain(
      'norland cooperates-with sudmark asserted',
    );
  });
});

describe('participles, moves, titles in apposition, "the region of" (hand-made sentences)', () => {
  it('gives a participle after "said in a statement," the speaker, not a subject of what was said', () => {
    expect(
      suggest('Lena Holm said in a statement, urging Norland and Ostria to avoid new measures.'),
    ).toEqual(['lena-holm proposes-to norland asserted', 'lena-holm proposes-to ostria asserted']);
    // Only the fallback by position, never the structure, pairs the speaker with Norland.
    const officers = suggestRelations(
      'Lena Holm said his officers, working alongside Norland, had retaken the roads.',
      suggester,
    ).suggestions;
    expect(officers.every((s) => s.score <= FALLBACK_MAX && s.why.startsWith('fallback'))).toBe(
      true,
    );
  });

  it('aims a reaction to "a move that drew" it at the doer of the move', () => {
    expect(
      suggest('Norland seized a tanker on Monday, in a move that drew condemnation from Sudmark.'),
    ).toContain('sudmark opposes norland asserted');
  });

  it('reads "one of Y\'s partners" and "has long been Y\'s ally" as said of the subject', () => {
    expect(suggest("Norland has become one of Sudmark's closest partners.")).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
    expect(suggest("Norland has long been Sudmark's main ally.")).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });

  it('takes the person a title in apposition names, after a preposition or as an object', () => {
    expect(
      suggest(
        "Iraq chaired the meeting between Norland's deputy, Sergei Petrov, and Sudmark's envoy, Lena Holm.",
      ),
    ).toContain('ivan-petrov cooperates-with lena-holm asserted');
    expect(suggest("Iraq met Sudmark's chief negotiator, Lena Holm, on Monday.")).toEqual([
      'iraq cooperates-with lena-holm asserted',
    ]);
  });

  it('reads "the breakaway region of X" as X', () => {
    const [found, ...more] = suggestRelations(
      'Norland signed a memorandum with the breakaway region of Ostria.',
      suggester,
    ).suggestions;
    expect(more).toEqual([]);
    expect(found).toMatchObject({ source: 'norland', target: 'ostria' });
    expect(found!.why).toContain('after "with"');
  });
});

describe('what the review of the new readings found (hand-made sentences)', () => {
  const states: Actor[] = [
    ...ACTORS,
    { id: 'russia', label: 'Russia', kind: 'state' },
    { id: 'ukraine', label: 'Ukraine', kind: 'state' },
    { id: 'peru', label: 'Peru', kind: 'state' },
    { id: 'chile', label: 'Chile', kind: 'state' },
    { id: 'brazil', label: 'Brazil', kind: 'state' },
    { id: 'france', label: 'France', kind: 'state' },
    { id: 'japan', label: 'Japan', kind: 'state' },
    { id: 'china', label: 'China', kind: 'state' },
  ];
  const withStates = makeSuggester(states, TYPES, lexicon);
  const read = (text: string) =>
    suggestRelations(text, withStates).suggestions.map(
      (s) => `${s.source} ${s.type} ${s.target} ${s.modality}`,
    );

  it('reads a capital in a name or before a noun as the city', () => {
    for (const text of [
      "Paraguay's president, Santiago Peña, criticised Brazil.",
      'Senator Carlos Lima criticised Brazil.',
      'Ukraine signed the Paris agreement.',
      'The Tokyo Olympics were praised by China.',
      'Protesters outside the Moscow embassy condemned Norland.',
    ])
      expect(read(text), text).toEqual([]);
    expect(read('On Monday Moscow said it would attack Kyiv.')).toEqual([
      'russia opposes ukraine proposed',
    ]);
    expect(read('Beijing officials criticised Tokyo.')).toEqual(['china opposes japan asserted']);
  });

  it('keeps the side of one who backs an act against another; guesses nothing from "condemned the deal"', () => {
    expect(suggest('Norland backed the attack on Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(suggest('Norland criticised the deal, and Sudmark welcomed the agreement.')).toEqual([]);
  });

  it('takes the subject of the clause a move is, not of the sentence', () => {
    expect(
      suggest('Ostria said Norland seized a tanker, in a move that drew criticism from Sudmark.'),
    ).toContain('sudmark opposes norland asserted');
    expect(
      suggest(
        'Norland ordered the envoy to leave, accusing her of bias, in a move that drew criticism from Sudmark.',
      ),
    ).toContain('sudmark opposes norland asserted');
  });

  it('does not take a person named after a comma for a title in apposition', () => {
    const structural = (text: string) =>
      suggestRelations(text, suggester).suggestions.filter((s) => s.score > FALLBACK_MAX);
    expect(structural("Ostria criticised Norland's decision, Sergei Petrov said.")).toEqual([]);
  });

  it('reads standing relations only of one name, and "an ally of"', () => {
    expect(suggest('Norland is an ally of Sudmark.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
    const structural = (text: string) =>
      suggestRelations(text, suggester).suggestions.filter((s) => s.score > FALLBACK_MAX);
    expect(structural("The summit brought together Norland, Sudmark's allies and Ostria.")).toEqual(
      [],
    );
    // The apposition is skipped to find the subject.
    expect(suggest('Norland, a former ally of Sudmark, attacked Ostria.')).toContain(
      'norland opposes ostria asserted',
    );
  });

  it('reads "the government of X" as X, and not as the state named last', () => {
    expect(suggest('Norland held talks with the government of Sudmark.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });

  it('reads a passive reaction past a parenthesis, and a proposal referred to adds no modality', () => {
    expect(
      suggest('Norland and Sudmark signed a pact. The pact, however, was criticised by Ostria.'),
    ).toContain('ostria opposes sudmark asserted');
    expect(suggest('Norland made a proposal to Sudmark. Ostria rejected the proposal.')).toContain(
      'ostria opposes norland asserted',
    );
    expect(
      suggest('Norland expelled an envoy of Sudmark. The move was criticised by Ostria.'),
    ).toContain('ostria opposes norland asserted');
  });

  it('needs an object for "pause", reads "May" in a date as the month, "Aids" as a name', () => {
    expect(suggest("Norland paused to consider Sudmark's offer.")).not.toContain(
      'norland opposes sudmark asserted',
    );
    expect(suggest('NORDBY, 3 May - Norland criticised Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(readText('Norland said Aids killed thousands.').tokens[2]!.singular).toBeUndefined();
  });
});

describe('quoted cues, mutual acts aimed elsewhere (hand-made sentences)', () => {
  it('reads a cue in quotation marks with its sides', () => {
    expect(
      suggest('The North Pact Council expressed "full solidarity" with Norland and Sudmark.'),
    ).toEqual([
      'north-pact cooperates-with norland asserted',
      'north-pact cooperates-with sudmark asserted',
    ]);
  });

  it('does not read a mutual act aimed at another as done to each other', () => {
    // A war is both ways between the sides, never between the members of one side.
    expect(suggest('Norland and Sudmark are waging a war against the Red Front.').sort()).toEqual([
      'norland opposes red-front asserted',
      'red-front opposes norland asserted',
      'red-front opposes sudmark asserted',
      'sudmark opposes red-front asserted',
    ]);
    expect(suggest('Norland and Sudmark clashed with police on Monday.')).toEqual([]);
    expect(suggest('Norland and Sudmark clashed on Monday.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'sudmark opposes norland asserted',
    ]);
  });
});

describe('lexicon words from the misses of heldout-l (hand-made sentences)', () => {
  it('reads "a video call with" as consultation; "share" alone is no cue', () => {
    expect(suggest('Lena Holm held a video call with her Norland counterparts.')).toEqual([
      'lena-holm cooperates-with norland asserted',
    ]);
    expect(suggest('Norland shared the blame with Sudmark.')).toEqual([]);
  });

  it('reads closing a border or airspace to another as reducing relations (from heldout-n)', () => {
    expect(suggest('Norland closed its airspace to flights from Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(suggest('Norland closed its border with Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('reads "spoke with", "at odds with", "friendship", "propped up", "challenged" (from heldout-o)', () => {
    expect(suggest('Sergei Petrov said he had spoken by telephone with Lena Holm.')).toEqual([
      'ivan-petrov cooperates-with lena-holm asserted',
    ]);
    expect(
      suggest('Norland, which has been at odds with Sudmark for years, sent troops.').sort(),
    ).toEqual(['norland opposes sudmark asserted', 'sudmark opposes norland asserted']);
    // "X and Y are at odds": each with the other.
    expect(suggest('Norland and Sudmark have been at odds for years.')).toEqual([
      'norland opposes sudmark asserted',
      'sudmark opposes norland asserted',
    ]);
    expect(suggest('Norland values its friendship with Sudmark.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
    expect(suggest('Sudmark has been propped up by Norland.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
    expect(suggest('Norland challenged Sudmark in court.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('reads "X blamed the ambush on Y" as Y\'s act against X, as X reports it', () => {
    expect(suggest('Norland blamed the ambush on the Red Front.').sort()).toEqual([
      'norland opposes red-front asserted',
      'red-front opposes norland reported',
    ]);
    expect(suggest('Norland blamed most of the recent raids on the Red Front.')).toContain(
      'red-front opposes norland reported',
    );
    expect(suggest('Norland blamed a drone strike on the Red Front.')).toContain(
      'red-front opposes norland reported',
    );
    // "the attack on Sudmark": Sudmark was the one attacked.
    expect(suggest('Norland blamed the attack on Sudmark on the Red Front.')).toContain(
      'red-front opposes sudmark reported',
    );
    // Not "condemned the attack on Y": Y was attacked.
    expect(suggest('Ostria condemned the attack on Sudmark.')).not.toContain(
      'sudmark opposes ostria reported',
    );
  });

  it('reads "X accused Y of shelling villages" as Y\'s act of force against X, reported', () => {
    expect(suggest('Norland accused Sudmark of shelling villages.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'sudmark opposes norland reported',
    ]);
    // With the one it was done to named, that one.
    expect(suggest('Norland accused Sudmark of shelling Ostria.')).toContain(
      'sudmark opposes ostria reported',
    );
    // Not a killing (whose?), nor with a name after it in its clause.
    expect(suggest('Ostria accused Sudmark of killing protesters.')).toEqual([
      'ostria opposes sudmark asserted',
    ]);
    expect(suggest('Norland accused Sudmark of shelling villages in Ostria.')).not.toContain(
      'sudmark opposes norland reported',
    );
  });

  it('gives talks or cooperation a speaker announces with one other side to the speaker', () => {
    expect(structural('Ostria said the talks with Sudby would continue.')).toEqual([
      'ostria cooperates-with sudmark asserted',
    ]);
    expect(
      suggest(
        'Sergei Petrov said the crossing would stay shut, but signalled that talks with Sudmark could start soon.',
      ),
    ).toContain('ivan-petrov cooperates-with sudmark proposed');
    // Not an act of force the speaker only speaks of (the guess by position aside).
    expect(structural('Ostria said the attack on Sudmark was a crime.')).not.toContain(
      'ostria opposes sudmark asserted',
    );
  });

  it('reads "Ostria mediated between X and Y", a verb the model took for an adjective', () => {
    expect(suggest('Ostria mediated between Norland and Sudmark.')).toEqual([
      'ostria cooperates-with norland asserted',
      'ostria cooperates-with sudmark asserted',
    ]);
    expect(suggest('Norland has mediated between Sudmark and Ostria.')).toEqual([
      'norland cooperates-with sudmark asserted',
      'norland cooperates-with ostria asserted',
    ]);
  });

  it('reads "between the neighbours" as the pair, and "exchanged prisoners"', () => {
    expect(
      suggest(
        'Norland and Sudmark clashed last year. Talks between the neighbours resumed on Monday.',
      ),
    ).toContain('norland cooperates-with sudmark asserted');
    expect(suggest('Norland and Sudmark exchanged prisoners on Tuesday.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
    // A number inside a verb phrase cue: "exchanged 150 prisoners", "sent 200 troops".
    expect(suggest('Norland and Sudmark exchanged 150 prisoners on Tuesday.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
    expect(structural('Ostria sent 200 troops to Sudmark.')).toEqual([
      'ostria cooperates-with sudmark asserted',
    ]);
  });

  it('reads "X said Y must withdraw" as a demand of Y, not of one\'s own side', () => {
    expect(suggest('Sergei Petrov said Sudmark must pull back its troops.')).toEqual([
      'ivan-petrov opposes sudmark asserted',
    ]);
    expect(suggest('Norland said that the Red Front must disarm.')).toEqual([
      'norland opposes red-front asserted',
    ]);
    expect(suggest('Sergei Petrov said Norland must act.')).toEqual([]);
    expect(suggest('Norland said Sergei Petrov must resign.')).toEqual([]);
    // In a quotation, by its speaker named in the same sentence.
    for (const text of [
      '"Sudmark must pull its forces back," Sergei Petrov said.',
      'Sergei Petrov said: "Sudmark must pay."',
      'Sergei Petrov spoke. "We waited. Sudmark must leave now," he said.',
    ])
      expect(suggest(text)).toContain('ivan-petrov opposes sudmark asserted');
    expect(suggest('"Norland must act," Sergei Petrov said.')).toEqual([]);
  });

  it('reads "the Sudmark-backed rebel group Red Front": Sudmark backs it, and it is the object', () => {
    expect(
      suggest('Norland accused the Sudmark-backed rebel group Red Front of killing civilians.'),
    ).toEqual(['sudmark cooperates-with red-front asserted', 'norland opposes red-front asserted']);
    // Not a pair joined by a hyphen ("Norland-Sudmark talks"): both stay the offer's.
    expect(structural('Ostria offered to host Norland-Sudmark talks.')).toEqual([
      'ostria proposes-to norland asserted',
      'ostria proposes-to sudmark asserted',
      'norland cooperates-with sudmark proposed',
    ]);
  });

  it('reads "sided with X against Y", "fought alongside X against Y" as against Y too', () => {
    for (const verb of ['sided with', 'fought alongside', 'backed'])
      expect(suggest(`Ostria ${verb} Sudmark against Norland.`)).toEqual([
        'ostria cooperates-with sudmark asserted',
        'ostria opposes norland asserted',
      ]);
    expect(suggest("Ostria signed a deal with Sudmark against Norland's wishes.")).toEqual([
      'ostria cooperates-with sudmark asserted',
    ]);
  });

  it('reads "stopped sharing data with", "ended cooperation with"; no cooperation it ends', () => {
    expect(suggest('Norland has stopped sharing flood data with Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(suggest('Norland ended cooperation with Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(suggest('Norland ended its military cooperation with Sudmark.')).toEqual([]);
    // Talks ended were held.
    expect(suggest('Norland and Sudmark ended the talks on Monday.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });

  it('reads "fought with X against Y" as fighting Y, not X', () => {
    expect(suggest('Red Front fought with Norland against Sudmark.').sort()).toEqual([
      'red-front opposes sudmark asserted',
      'sudmark opposes red-front asserted',
    ]);
    expect(suggest('Red Front fought with Norland.')).toContain(
      'red-front opposes norland asserted',
    );
  });

  it('reads "conveyed its concerns to"; not concern for someone, nor "will pay for this"', () => {
    // "Expressed concern" is left out: as often for someone's safety as against them.
    expect(suggest('Ostria expressed concern about the health of Lena Holm.')).toEqual([]);
    expect(suggest('Norland conveyed its concerns to Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    // "Pay for" is left out: as often revenge as aid.
    expect(structural('Sudmark will pay for this, Norland warned.')).toEqual([]);
  });

  it("reads violating or breaching what is another's as rejecting it (CAMEO 12)", () => {
    expect(suggest("Norland violated Sudmark's airspace.")).toEqual([
      'norland opposes sudmark asserted',
    ]);
    // The truce a violation breaks is no cooperation.
    expect(suggest('Norland accused the Red Front of violating the truce.')).toEqual([
      'norland opposes red-front asserted',
    ]);
  });

  it('reads no cue in a verb with a particle the cue has not ("backed down", "spoke out")', () => {
    expect(structural('Norland backed down and Sudmark backed out of the deal.')).toEqual([]);
    expect(suggest('Norland spoke out against Sudmark.')).toEqual([]);
    // A preposition with its noun is no particle.
    expect(suggest('Norland and Sudmark ships clashed off the coast.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'sudmark opposes norland asserted',
    ]);
    expect(suggest('Norland spoke to Sudmark.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });
});

describe('participles tagged as adjectives, acts helped along (hand-made sentences)', () => {
  it('reads a participle the model took for an adjective as its verb', () => {
    expect(readText('The talks were mediated by them.').tokens[3]!.participleOf).toContain(
      'mediate',
    );
    expect(readText('The old man.').tokens[1]!.participleOf ?? []).toEqual([]);
  });

  it('aims "the talks were mediated by X" at each side of the talks', () => {
    expect(
      suggest(
        'Norland and Sudmark held talks in Ostria on Monday. The talks were mediated by the North Pact Council.',
      ),
    ).toEqual([
      'norland cooperates-with sudmark asserted',
      'north-pact cooperates-with norland asserted',
      'north-pact cooperates-with sudmark asserted',
    ]);
  });
});

describe('what the second review found (hand-made sentences)', () => {
  const structural = (text: string) =>
    suggestRelations(text, suggester)
      .suggestions.filter((s) => s.score > FALLBACK_MAX)
      .map((s) => `${s.source} ${s.type} ${s.target} ${s.modality}`);

  it('keeps a mutual act "with each other", and aims it at people or a name after "with"', () => {
    expect(suggest('Norland and Sudmark clashed with each other on Monday.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'sudmark opposes norland asserted',
    ]);
    expect(suggest('Norland and Sudmark clashed with heavy artillery overnight.')).toHaveLength(2);
    expect(suggest('Norland and Sudmark clashed with police.')).toEqual([]);
  });

  it('reads no cooperation in a shared border or scare quotes', () => {
    expect(suggest('Norland has a shared border with Sudmark.')).toEqual([]);
    expect(suggest('Norland shared a long border with Sudmark.')).toEqual([]);
    expect(structural('Norland ridiculed the "partnership" with Sudmark.')).toEqual([]);
    expect(suggest('Norland said Ostria remained "ready to help" if Sudmark asked.')).toContain(
      'ostria proposes-to sudmark conditional',
    );
  });

  it('reads "talks between A and B were mediated by Q" as Q with each', () => {
    expect(suggest('Talks between Norland and Sudmark were mediated by Ostria.')).toEqual(
      expect.arrayContaining([
        'ostria cooperates-with norland asserted',
        'ostria cooperates-with sudmark asserted',
      ]),
    );
  });

  it('aims a reaction to an act at its doer, not at its target', () => {
    const got = suggest('Norland condemned the attack on Sudmark by the Red Front.');
    expect(got).toEqual(
      expect.arrayContaining([
        'norland opposes red-front asserted',
        'red-front opposes sudmark asserted',
      ]),
    );
    expect(got).not.toContain('norland opposes sudmark asserted');
    // "blamed the attack on Y": Y did it (reported), not Y was attacked.
    expect(suggest('Norland blamed the attack on the Red Front.').sort()).toEqual([
      'norland opposes red-front asserted',
      'red-front opposes norland reported',
    ]);
  });

  it('keeps the person as subject past a possessive apposition', () => {
    expect(suggest("Lena Holm, Norland's fiercest critic, met Ostria's envoy.")).not.toContain(
      'norland cooperates-with ostria asserted',
    );
  });

  it('reads a form in -ed before a noun as an adjective', () => {
    expect(suggest('Norland freed the jailed Sudmark journalist.')).toEqual([]);
    expect(suggest('Norland treated wounded Sudmark soldiers.')).toEqual([]);
  });

  it('reads "the internationally recognised government" as a government, not a recognition', () => {
    // Past adverbs in -ly, after a determiner or a possessive.
    expect(
      suggest(
        "Norland's internationally recognised government, based in the capital, called the strikes a consequence of the Red Front's reckless adventure.",
      ),
    ).not.toContain('norland cooperates-with red-front asserted');
    expect(
      suggest(
        'Ostria backed the internationally recognised government and condemned the Red Front.',
      ),
    ).toEqual(['ostria opposes red-front asserted']);
    // A verb after an adverb is a verb still.
    expect(suggest('Norland repeatedly attacked Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });
});

describe('who speaks in a quotation (speakers.ts; hand-made sentences)', () => {
  it('leaves "we" in a quotation inside the quotation to its own speaker', () => {
    for (const [open, close] of [
      ["'", "'"],
      ['\u2018', '\u2019'],
    ])
      expect(
        suggest(`"Sudmark said ${open}we will attack Ostria${close} yesterday," Lena Holm said.`),
      ).toEqual(['sudmark opposes ostria proposed']);
    // A word in single marks is no quotation of another speaker, nor an apostrophe one.
    expect(
      suggest(`"The 'partnership' is over, we will sanction Ostria," Lena Holm said.`),
    ).toEqual(['lena-holm opposes ostria proposed']);
    expect(
      suggest(`"We reject this 'cause Norland lied, and we will attack Ostria," Lena Holm said.`),
    ).toContain('lena-holm opposes ostria proposed');
  });

  it('reads "we" and "I" in a quotation as its speaker, named after it or before it', () => {
    expect(suggest('"We urge Sudmark to talk," Lena Holm said.')).toEqual([
      'lena-holm proposes-to sudmark asserted',
    ]);
    expect(suggest('"We urge Ostria to talk," said Lena Holm.')).toEqual([
      'lena-holm proposes-to ostria asserted',
    ]);
    expect(suggest('Lena Holm told reporters in Nordby: "I condemn the Red Front."')).toEqual([
      'lena-holm opposes red-front asserted',
    ]);
    // "us" as an object; an unnamed spokesman of a body speaks as the body.
    expect(
      suggest('"The Red Front has attacked us," a North Pact Council spokesman said.'),
    ).toEqual(['red-front opposes north-pact asserted']);
  });

  it('takes the person of a title in apposition, or the body a spokesman is for', () => {
    expect(
      suggest('"We call on Norland to stop," Sudmark\'s envoy, Lena Holm, told reporters.'),
    ).toContain('lena-holm proposes-to norland asserted');
    expect(
      suggest('"We urge Ostria to act," a spokesman for the North Pact Council said.'),
    ).toEqual(['north-pact proposes-to ostria asserted']);
  });

  it('gives a quotation with no speaker of its own the one of its paragraph', () => {
    const text = '"Sudmark is wrong," said Lena Holm. "We call on Ostria to help."';
    expect(suggest(text)).toContain('lena-holm proposes-to ostria asserted');
    // Not across paragraphs, and not the name after "and said".
    expect(suggest('"We call on Ostria to help."\nLena Holm said Norland agreed.')).not.toContain(
      'lena-holm proposes-to ostria asserted',
    );
    const said =
      'Norland called the plan "a trap" and said Ostria\'s ally Sudmark "will attack us".';
    expect(suggest(said).join()).not.toMatch(/sudmark opposes ostria/);
  });

  it('guesses nothing by position between a person and the actor they speak for', () => {
    expect(suggest('Lena Holm criticised the plan as Sudmark watched.')).toEqual([]);
    expect(suggest('Lena Holm criticised the plan as Norland watched.')).toEqual([
      'lena-holm opposes norland asserted',
    ]);
  });
});

describe("the lead's acts, what was said (events.ts; hand-made sentences)", () => {
  const filler = 'The weather was cold. Markets were calm. Trains ran late. Shops opened. ';
  it('refers back to an act of the lead from anywhere in the article', () => {
    const lead = 'Norland lodged a protest with Sudmark on Monday.\n\n';
    expect(suggest(`${lead}${filler}Sudmark dismissed the protest.`)).toContain(
      'sudmark opposes norland asserted',
    );
    // However many acts come between: the lead's are the last forgotten.
    const many = 'Ostria met Iraq. '.repeat(35);
    expect(suggest(`${lead}${many}Sudmark dismissed the protest.`)).toContain(
      'sudmark opposes norland asserted',
    );
    // An act after the lead is referred to from four sentences at most.
    const later = `Talks began.\n\nMarkets fell. Trains stopped. ${lead}`;
    expect(suggest(`${later}${filler}Sudmark dismissed the protest.`)).not.toContain(
      'sudmark opposes norland asserted',
    );
  });

  it('aims "rejected the criticism" at who addressed the side when no act of its word was told', () => {
    // "the criticism" names no "criticised": the latest hostile act done to Sudmark answers.
    expect(
      suggest('Norland threatened Sudmark with sanctions. Sudmark rejected the criticism.'),
    ).toContain('sudmark opposes norland asserted');
    // "The request" answers a request, not a threat; and an act done to another is not one.
    expect(
      suggest('Norland urged Sudmark to open the border. Sudmark rejected the request.'),
    ).toContain('sudmark opposes norland asserted');
    expect(
      suggest('Norland threatened Ostria with sanctions. Sudmark rejected the criticism.'),
    ).not.toContain('sudmark opposes norland asserted');
    expect(
      suggest('Norland offered Sudmark a loan. Sudmark rejected the criticism.'),
    ).not.toContain('sudmark opposes norland asserted');
    // Nor a noun that is no address ("the decision").
    expect(
      suggest('Norland threatened Sudmark with sanctions. Sudmark rejected the decision.'),
    ).not.toContain('sudmark opposes norland asserted');
  });

  it('reads "warned that more attacks would follow" as a clause, not "that" attack told before', () => {
    const got = suggest(
      'Norland bombed Red Front positions. The Red Front warned that more attacks would follow if Sudmark did not halt its offensive.',
    );
    expect(got).not.toContain('red-front opposes norland conditional');
    expect(got).toContain('red-front opposes sudmark conditional');
    // "rejected that claim": a determiner.
    expect(suggest('Norland accused Sudmark of spying. Sudmark rejected that claim.')).toContain(
      'sudmark opposes norland asserted',
    );
  });

  it('reads "the attack on the tanker" as the act done to the tanker, not the latest attack', () => {
    const told =
      'The Red Front struck an oil tanker on Monday. Norland and Ostria bombed Red Front radar sites overnight.';
    const got = suggest(`${told} Sudmark condemned the attack on the tanker.`);
    expect(got).toContain('sudmark opposes red-front asserted');
    expect(got).not.toContain('sudmark opposes norland asserted');
    // Without what it was done to, the latest attack.
    expect(suggest(`${told} Sudmark condemned the attack.`)).toContain(
      'sudmark opposes norland asserted',
    );
  });

  it('reads "the remarks" as what the speaker of a quotation said, after or before "said"', () => {
    const before = 'Sudmark said on Monday that talks would resume.';
    for (const quoted of [
      `"The border stays closed until the talks end," Ostria's spokeswoman told reporters in Nordby.`,
      '"The border stays closed," said a spokeswoman for Ostria.',
    ]) {
      const got = suggest(`${before} ${quoted} Norland rejected the remarks.`);
      expect(got).toContain('norland opposes ostria asserted');
      expect(got).not.toContain('norland opposes sudmark asserted');
    }
  });

  it('reads "the warning" as what the speaker of a quotation said, across its sentences', () => {
    // The quotation's last sentence holds the attribution: the verb of speaking is its act.
    const got = suggest(
      'Sudmark said on Monday that talks would resume. "We are ready. Any incursion will be met with force," warned Sergei Petrov. Ostria rejected the warning.',
    );
    expect(got).toContain('ostria opposes norland asserted');
    expect(got).not.toContain('ostria opposes sudmark asserted');
  });

  it('remembers "and said" after a deed, past a relative clause on the subject', () => {
    const quoted = '"Families need shelter now," Lena Holm told reporters.';
    const got = suggest(
      `${quoted} Norland, which borders Iraq, condemned the shelling and said Ostria had armed the Red Front. Ostria called the remark an insult.`,
    );
    expect(got).toContain('ostria opposes norland asserted');
    expect(got).not.toContain('ostria opposes sudmark asserted');
  });

  it('reads "the account" as what was said', () => {
    expect(
      suggest('Norland said Sudmark had shelled its villages. Sudmark rejected the account.'),
    ).toContain('sudmark opposes norland asserted');
  });
});

describe('"both" as the object of a verb (coref.ts; hand-made sentences)', () => {
  it('takes "both sides" as the object for the pair "between" them in its own sentence', () => {
    const text =
      'Norland and Ostria struck Red Front positions on Monday. Sudmark, which brokered a ceasefire between Norland and the Red Front in May, said its foreign minister had spoken to both sides and offered to host talks.';
    const found = suggest(text);
    expect(found).toContain('sudmark proposes-to red-front asserted');
    expect(found).toContain('sudmark proposes-to norland asserted');
    expect(found).not.toContain('sudmark proposes-to ostria asserted');
    // A pair joined by "and" only is the sentence's subjects' or qualifiers', not the two sides.
    expect(
      suggest(
        'Norland and the Red Front clashed again. Ostria, which trades with Sudmark and Iraq, urged both sides to talk.',
      ),
    ).toContain('ostria proposes-to red-front asserted');
  });

  it('does not take the verb\'s own subjects for "both neighbours"', () => {
    expect(suggest('Norland and Ostria urged both neighbours to talk.')).not.toContain(
      'norland proposes-to ostria asserted',
    );
    const got = suggest('Sudmark and Ostria met. Norland and the NPC urged both sides to talk.');
    expect(got).toEqual(
      expect.arrayContaining([
        'norland proposes-to ostria asserted',
        'north-pact proposes-to sudmark asserted',
      ]),
    );
    // After a verb of saying, "the two" may be the sentence's own.
    expect(suggest('Norland and Sudmark said the two would meet.')).toContain(
      'norland cooperates-with sudmark proposed',
    );
  });
});

describe('a mutual act with an object (pairs.ts; hand-made sentences)', () => {
  it('reads "X fought Y", "clashed with", "a war with" both ways; "attacked" one way', () => {
    for (const text of [
      'Norland fought Sudmark for a decade.',
      'Norland troops clashed with Sudmark on Monday.',
      "Norland's war with Sudmark goes on.",
    ])
      expect(suggest(text).sort(), text).toEqual([
        'norland opposes sudmark asserted',
        'sudmark opposes norland asserted',
      ]);
    expect(suggest('Norland attacked Sudmark.')).toEqual(['norland opposes sudmark asserted']);
  });
});

describe('an appeal to one party to end or undo something (hand-made sentences)', () => {
  it('reads it as a demand too (CAMEO 10), and an appeal to both sides as an appeal only', () => {
    expect(suggest('Norland called on Sudmark to withdraw its troops.').sort()).toEqual([
      'norland opposes sudmark asserted',
      'norland proposes-to sudmark asserted',
    ]);
    expect(suggest('Ostria asked Nordby to release the crew immediately.')).toContain(
      'ostria opposes norland asserted',
    );
    expect(
      suggest('Norland and Sudmark clashed. The NPC urged both sides to free all detainees.'),
    ).not.toContain('north-pact opposes norland asserted');
    expect(suggest('Norland urged Sudmark to talk with Ostria.').join()).not.toMatch(/opposes/);
    expect(suggest('Norland urged Sudmark to return to the negotiating table.')).toEqual([
      'norland proposes-to sudmark asserted',
    ]);
  });
});

describe('"each other" and "each side ... the other" (pairs.ts; hand-made sentences)', () => {
  it('relates the members of a group both ways when the object is "each other"', () => {
    for (const text of [
      'Norland and Sudmark accused each other of lying.',
      'Norland and Sudmark have blamed one another for the collapse.',
      'Norland and Sudmark fired on each other.',
    ]) {
      expect(suggest(text).sort(), text).toEqual([
        'norland opposes sudmark asserted',
        'sudmark opposes norland asserted',
      ]);
    }
  });

  it("reads what they accuse each other of as each one's, reported, not as between them", () => {
    expect(
      suggest('Norland and Sudmark have long accused each other of sheltering rebels.').join(),
    ).not.toMatch(/cooperates-with/);
    expect(suggest('Norland and Sudmark accused each other of arming the Red Front.')).toEqual(
      expect.arrayContaining([
        'norland cooperates-with red-front reported',
        'sudmark cooperates-with red-front reported',
      ]),
    );
  });

  it('reads "each side ... the other" as the pair, both ways', () => {
    const got = suggest('Norland shelled Sudmark. Each government accused the other of lying.');
    expect(got.filter((x) => x.includes('opposes')).sort()).toEqual([
      'norland opposes sudmark asserted',
      'norland opposes sudmark asserted',
      'sudmark opposes norland asserted',
    ]);
    // Without "each side" as the subject, "the other" is no reciprocal.
    expect(suggest('Each year Norland and Sudmark accused the other side of lying.')).toEqual([]);
  });
});

describe('the pair "the two" stands for (coref.ts pairOf; hand-made sentences)', () => {
  // An article about Norland and Sudmark that names Iraq first and Ostria and Iraq last (so
  // neither the first two nor the last two actors named are the pair).
  const lead =
    'Iraq hosted a trade fair. Norland accused Sudmark of shelling the border. ' +
    'Sudmark denied it. Norland recalled its envoy. Sudmark expelled Norland diplomats. ' +
    'Ostria sent aid to Iraq. ';

  it('takes the two actors the article names most when no "X and Y" is near', () => {
    const got = suggest(`${lead}The NPC urged both countries to show restraint.`);
    expect(got).toEqual(
      expect.arrayContaining([
        'north-pact proposes-to norland asserted',
        'north-pact proposes-to sudmark asserted',
      ]),
    );
    expect(got.join()).not.toMatch(/north-pact proposes-to (ostria|iraq)/);
  });

  it('takes no organisation for one of the two by how often it is named', () => {
    const text =
      'The NPC sent monitors. The NPC warned Norland. The NPC visited Sudmark. ' +
      'Norland shelled Sudmark. Its monitors left. The NPC said so. Ostria urged both sides to talk.';
    const got = suggest(text);
    expect(got).toEqual(
      expect.arrayContaining([
        'ostria proposes-to norland asserted',
        'ostria proposes-to sudmark asserted',
      ]),
    );
    expect(got.join()).not.toMatch(/ostria proposes-to north-pact/);
  });

  it('still takes "X and Y" of the sentence just before', () => {
    const got = suggest(`${lead}Ostria and Iraq signed a deal. The NPC praised the two.`);
    expect(got.join()).not.toMatch(/north-pact \S+ (norland|sudmark)/);
  });

  it('takes the two persons just named for "the two ministers", else the pair as before', () => {
    const met =
      'Norland and Sudmark will share intelligence. Sergei Petrov said so after meeting Anna Berg in Ostria. ';
    const diplomats = `${met}The two top diplomats also discussed the border.`;
    const got = suggestRelations(diplomats, suggester).suggestions.filter(
      (x) => x.evidence.sentence.start >= diplomats.indexOf('The two'),
    );
    expect(got.map((x) => `${x.source} ${x.type} ${x.target}`)).toEqual([
      'ivan-petrov cooperates-with anna-berg',
    ]);
    // Not "the two nations": states, as before.
    expect(suggest(`${met}The two nations also discussed the border.`)).toContain(
      'norland cooperates-with sudmark asserted',
    );
    // Not the one who says it; no guess among three persons.
    const lind = suggest(
      'Sergei Petrov met Anna Berg in Ostria. Jo Bishop said the two ministers agreed to cooperate.',
    );
    expect(lind).toContain('ivan-petrov cooperates-with anna-berg asserted');
    expect(lind.join()).not.toMatch(/jo-bishop/);
    expect(
      structural(
        'Sergei Petrov and Lena Holm flew to Ostria. Anna Berg joined them. The two ministers discussed the border.',
      ).filter(
        (x) =>
          x.includes('cooperates-with') && !x.startsWith('ivan-petrov cooperates-with lena-holm'),
      ),
    ).toEqual([]);
    // No two persons named near: the pair as for any noun.
    expect(suggest(`${lead}The two foreign ministers discussed the border.`)).toEqual(
      expect.arrayContaining(['norland cooperates-with sudmark asserted']),
    );
  });

  it('reads "its two neighbours", "all sides" and "both" with an adjective as the pair', () => {
    for (const words of ['its two neighbours', 'all sides', 'both warring parties']) {
      const got = suggest(`${lead}The NPC called on ${words} to show restraint.`);
      expect(got, words).toEqual(
        expect.arrayContaining([
          'north-pact proposes-to norland asserted',
          'north-pact proposes-to sudmark asserted',
        ]),
      );
    }
    // Nor "the two" before another noun phrase.
    expect(
      suggest('Norland and Ostria met. Sudmark shelled its two largest ports.').join(),
    ).not.toMatch(/sudmark opposes/);
    expect(suggest(`${lead}The NPC urged the two West African neighbours to talk.`)).toEqual(
      expect.arrayContaining(['north-pact proposes-to norland asserted']),
    );
    // "all" with another noun is not the pair.
    expect(suggest(`${lead}The NPC called on all countries to show restraint.`).join()).not.toMatch(
      /north-pact proposes-to/,
    );
  });
});

describe('"the government in" a capital (capitals.ts, arguments.ts; hand-made sentences)', () => {
  it('reads those who govern from a capital as its state, and the capital elsewhere as a place', () => {
    expect(suggest('Norland accused the authorities in Baghdad of lying.')).toEqual([
      'norland opposes iraq asserted',
    ]);
    expect(suggest('Norland accused the government in Baghdad of lying.')).toEqual([
      'norland opposes iraq asserted',
    ]);
    expect(suggest('Norland accused the Red Front in Baghdad of lying.')).toEqual([
      'norland opposes red-front asserted',
    ]);
  });
});

describe('standing relations from the cue file (lexicon.ts `standing`; hand-made sentences)', () => {
  it('reads a noun the file lists as standing between a name and its possessor', () => {
    expect(suggest('The Red Front, a Norland affiliate, attacked Sudmark.')).toContain(
      'red-front cooperates-with norland asserted',
    );
    // A noun a user adds to a root and to `standing` gets the reading; without `standing`, not.
    const withSponsor = (standing: string[]): CueFile => ({
      ...cueFile,
      roots: cueFile.roots.map((r) =>
        r.code === '07' ? { ...r, nouns: [...(r.nouns ?? []), 'sponsor'] } : r,
      ),
      standing,
    });
    const text = "Ostria, the Red Front's main sponsor, met Sudmark.";
    const read = (file: CueFile) =>
      suggestRelations(
        text,
        makeSuggester(ACTORS, TYPES, compileLexicon(file, TYPES)),
      ).suggestions.map((s) => `${s.source} ${s.type} ${s.target}`);
    expect(read(withSponsor([...(cueFile.standing ?? []), 'sponsor']))).toContain(
      'ostria cooperates-with red-front',
    );
    expect(read(withSponsor(cueFile.standing ?? []))).not.toContain(
      'ostria cooperates-with red-front',
    );
  });
});

describe('clauses after "after", the words of a judgement (hand-made sentences)', () => {
  it('gives an act in a clause after "after" its own subject, not the sentence\'s', () => {
    const text =
      'Ostria left after a drone strike hit a column of lorries. Sudmark condemned the strike.';
    expect(suggest(text).join()).not.toMatch(/sudmark opposes ostria/);
    expect(suggest('After a day of talks, Ostria met Sudmark.')).toEqual([
      'ostria cooperates-with sudmark asserted',
    ]);
  });

  it('takes neither the act judged nor the words said of it for acts of the judge', () => {
    expect(
      suggest(
        'Norland attacked Sudmark. Ostria called the attack "an act of war against Sudmark".',
      ),
    ).toEqual(['norland opposes sudmark asserted', 'ostria opposes norland asserted']);
    const text =
      'A strike hit lorries. Sudmark called the strike "a deliberate attack". Ostria condemned the strike.';
    expect(suggest(text).join()).not.toMatch(/ostria opposes sudmark/);
  });
});

describe('"as" opening a clause, deeds of a qualified subject (hand-made sentences)', () => {
  it('does not give a noun in a clause after "as" the sentence\'s subject', () => {
    const text =
      'Ostria offers to mediate as Norland and Sudmark trade blame over convoy strike\nSudmark condemned the strike.';
    expect(suggest(text).join()).not.toMatch(/sudmark opposes ostria/);
    expect(suggest('Ostria, as chair of the council, met Sudmark.')).toEqual([
      'ostria cooperates-with sudmark asserted',
    ]);
  });

  it('remembers what "X\'s foreign ministry said" as said by X', () => {
    expect(
      suggest(
        "Sudmark's foreign ministry said Norland had shelled its villages. Norland rejected the charge.",
      ),
    ).toContain('norland opposes sudmark asserted');
  });
});

describe('what the review of speakers and the lead found (hand-made sentences)', () => {
  it('does not take the next sentence for the speaker of a quotation that ends its own', () => {
    const text =
      'Lena Holm told reporters: "We will never attack Norland." Ostria said it welcomed the pledge.';
    expect(suggest(text)).toContain('lena-holm opposes norland negated');
    expect(suggest(text).join()).not.toMatch(/ostria opposes norland/);
  });

  it('gives a quotation the speaker of the one before only across no other actor', () => {
    expect(
      suggest('"Talks are over," Lena Holm said. Anna Berg disagreed. "We will sanction Ostria."'),
    ).toEqual([]);
    // Not a part-quotation inside reported speech.
    const text =
      '"Talks are over," Lena Holm said, adding that the Red Front had told her "we will attack Norland".';
    expect(suggest(text).join()).not.toMatch(/lena-holm opposes norland/);
    // The speaker's title and place do not count as another actor.
    const titled =
      '"We do not deny it," Sudmark Foreign Minister Lena Holm told reporters in Nordby. "But we are ready to sit down with Ostria."';
    expect(suggest(titled)).toContain('lena-holm proposes-to ostria asserted');
  });

  it('finds no one speaker among two, nor a possessor, and reads "a spokesman for X"', () => {
    expect(
      suggest('"We will help Ostria," Lena Holm and Anna Berg said in a joint statement.'),
    ).toEqual([]);
    expect(suggest('"We will help Ostria," Anna Berg\'s deputy, Lena Holm, said.')).toEqual([
      'lena-holm cooperates-with ostria proposed',
    ]);
    expect(suggest('"This is Phase I of our deal with Norland," Lena Holm said.')).toEqual([]);
  });

  it("keeps the fresh act a judging verb's object names with its party", () => {
    expect(suggest('Ostria called the talks with Norland a success.')).toEqual([
      'ostria cooperates-with norland asserted',
    ]);
  });

  it('reads "called on both sides" as an object, never the verb\'s own subjects', () => {
    const text =
      'Sudmark and the Red Front clashed. Norland and Ostria called on both sides to show restraint.';
    expect(suggest(text)).toEqual(
      expect.arrayContaining([
        'norland proposes-to sudmark asserted',
        'ostria proposes-to red-front asserted',
      ]),
    );
    expect(suggest(text).join()).not.toMatch(/norland proposes-to ostria/);
  });

  it('keeps the subject before a phrase after "before" or "as", or a clause in commas', () => {
    expect(suggest('Norland before the vote warned Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(suggest('Norland as host will meet Sudmark.')).toEqual([
      'norland cooperates-with sudmark proposed',
    ]);
    expect(
      suggest('Norland, after the talks collapsed on Monday, imposed sanctions on Sudmark.'),
    ).toContain('norland opposes sudmark asserted');
    expect(
      suggest('Ostria stepped in as fighting between Norland and Sudmark escalated.').join(),
    ).not.toMatch(/ostria opposes/);
  });

  it('refers from far only to an act of the lead the noun names, not to any act or saying', () => {
    const lead = 'Norland said Sudmark had attacked its border posts.\n\n';
    const filler = 'The weather was cold. Markets were calm. Trains ran late. Shops opened. ';
    expect(suggest(`${lead}${filler}Ostria welcomed the move.`).join()).not.toMatch(/ostria/);
    expect(suggest(`${lead}${filler}Ostria rejected the statement.`).join()).not.toMatch(/ostria/);
  });

  it('reads standing relations past a determiner, "shut its border", and a qualified ruler', () => {
    expect(
      suggest('The Red Front, an affiliate of the North Pact Council, attacked Sudmark.'),
    ).toContain('red-front cooperates-with north-pact asserted');
    expect(suggest('Norland shut its border with Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(suggest('The Norland government in Baghdad accused Sudmark.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });
});

describe('"the government" after a person (coref.ts; hand-made sentences)', () => {
  it("reads it as the government of the person's state, else the state named last", () => {
    const text = 'Norland signed a pact with Ostria. Lena Holm accused the government of lying.';
    expect(suggest(text)).toContain('lena-holm opposes sudmark asserted');
    expect(
      suggest('Norland signed a pact with Ostria. The NPC accused the government of lying.'),
    ).toContain('north-pact opposes ostria asserted');
  });
});

describe('a description opening a sentence (coref.ts; hand-made sentences)', () => {
  it("takes the last sentence's subject when it fits, before the last actor named", () => {
    const actors: Actor[] = [
      ...ACTORS,
      { id: 'blue-army', label: 'Blue Army', kind: 'armed-group' },
    ];
    const withBlue = makeSuggester(actors, TYPES, lexicon);
    const read = (text: string) =>
      suggestRelations(text, withBlue).suggestions.map((s) => `${s.source} ${s.type} ${s.target}`);
    const text =
      'The Red Front, an ally of the Blue Army, fought Ostria. The group attacked Norland.';
    expect(read(text)).toContain('red-front opposes norland');
    expect(read(text)).not.toContain('blue-army opposes norland');
  });
});

describe('the infinitive after a verb of urging (hand-made sentences)', () => {
  it('gives it the one urged for subject, proposed, never the one who urges', () => {
    expect(suggest('Norland urged Sudmark to talk with Ostria.')).toEqual([
      'norland proposes-to sudmark asserted',
      'sudmark cooperates-with ostria proposed',
    ]);
    // Urged to end it: an act going on.
    expect(suggest('Norland urged Sudmark to stop attacking Ostria.')).toContain(
      'sudmark opposes ostria asserted',
    );
    // A noun cue the infinitive governs ("to resume dialogue with", "to sign a pact with").
    expect(structural('Ostria urged Norland to resume dialogue with Sudmark.')).toContain(
      'norland cooperates-with sudmark proposed',
    );
    expect(structural('Ostria urged Norland to sign a pact with Sudmark.')).toContain(
      'norland cooperates-with sudmark proposed',
    );
    // An object that names no actor: no subject at all.
    expect(suggest('Norland and Ostria urged both neighbours to talk.')).toEqual([]);
    expect(suggest('Norland agreed to meet Sudmark.')).toEqual([
      'norland cooperates-with sudmark proposed',
    ]);
  });
});

describe('"after", "before", "as" before a noun phrase with no verb (hand-made sentences)', () => {
  it('reads them as prepositions, whatever follows them', () => {
    expect(suggest('Norland, after talks on Monday, met Sudmark.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
    // "after participating in a meeting with X": the participle's subject is the sentence's.
    const text = 'Lena Holm was speaking after participating in a joint meeting with Norland.';
    expect(suggestRelations(text, suggester).suggestions[0]?.why).toMatch(/subject before the cue/);
  });
});

describe('two persons each with a qualifier, joined by "and" (hand-made sentences)', () => {
  it('reads "A\'s President X and B\'s Foreign Minister Y agreed" as X and Y together', () => {
    expect(
      structural(
        "Ostria's President Carl Berg and Sudmark's Foreign Minister Lena Holm agreed on Monday to deepen cooperation.",
      ),
    ).toContain('carl-berg cooperates-with lena-holm asserted');
    // A demonym whose person's title is part of the name ("Ostrian President Carl Berg").
    expect(
      structural(
        "Sudmark's Foreign Minister Lena Holm and Ostrian President Carl Berg agreed to deepen cooperation.",
      ),
    ).toContain('lena-holm cooperates-with carl-berg asserted');
  });
});

describe('cancelling an agreement (cue file, root 16; hand-made sentences)', () => {
  it('reads "cancelled their agreements with X" as reduced relations, not cooperation', () => {
    const read = structural(
      'Norland and Ostria had already cancelled their bilateral air services agreements with Sudmark in September.',
    );
    expect(read).toContain('norland opposes sudmark asserted');
    expect(read).toContain('ostria opposes sudmark asserted');
    expect(read.filter((s) => s.includes('cooperates-with'))).toEqual([]);
  });
});

describe('a list that "and" closes with words naming no actor (hand-made sentences)', () => {
  it('keeps every name of "X, Y and other states" as subject, object and the one accused', () => {
    const subjects = structural('Norland, Ostria and other states condemned Sudmark.');
    expect(subjects).toContain('norland opposes sudmark asserted');
    expect(subjects).toContain('ostria opposes sudmark asserted');
    const objects = structural(
      'Lena Holm urged Norland, Ostria and the Gulf states to follow suit.',
    );
    expect(objects).toContain('lena-holm proposes-to norland asserted');
    expect(objects).toContain('lena-holm proposes-to ostria asserted');
    const accused = structural(
      'Norland accused Sudmark, Ostria and others of arming the Red Front.',
    );
    expect(accused).toContain('sudmark cooperates-with red-front reported');
    expect(accused).toContain('ostria cooperates-with red-front reported');
    expect(
      structural('Norland reached an agreement with Sudmark, Ostria and its other creditors.'),
    ).toEqual([
      'norland cooperates-with sudmark asserted',
      'norland cooperates-with ostria asserted',
    ]);
  });
});

describe("a negated refusal cue (the cue file's `refusals`; hand-made sentences)", () => {
  it('reads "does not recognise" as a refusal, asserted, and "recognised" as cooperation', () => {
    expect(structural('Norland does not recognise the Red Front government.')).toEqual([
      'norland opposes red-front asserted',
    ]);
    expect(structural("Norland will never recognise Sudmark's independence.")).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(structural('Norland recognised Sudmark.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });

  it('leaves a cue the file does not list negated', () => {
    expect(structural('Norland did not attack Sudmark.')).toEqual([
      'norland opposes sudmark negated',
    ]);
  });
});

describe("a mediator's offer with no party of its own (coref.ts; hand-made sentences)", () => {
  const before = 'Norland accused Sudmark of shelling its villages. ';
  const offers = (text: string) => structural(before + text).filter((s) => s.startsWith('ostria'));
  it('is made to the two sides of the conflict: a venue, good offices, to mediate, to host', () => {
    for (const text of [
      'Ostria offered a neutral venue for talks.',
      'Ostria said it was ready to offer its good offices.',
      'Ostria offered to mediate.',
      'Ostria has offered to host a signing ceremony.',
    ])
      expect(offers(text)).toEqual([
        'ostria proposes-to norland asserted',
        'ostria proposes-to sudmark asserted',
      ]);
  });

  it('keeps the party the offer names, and reads no offer in a venue hosted', () => {
    expect(offers('Ostria offered to host talks with Sudmark.')).toEqual([
      'ostria proposes-to sudmark asserted',
    ]);
    expect(offers('Ostria hosted a summit at a neutral venue.')).toEqual([]);
  });
});

describe('a participle after a noun with its agent, a title opening the name (hand-made)', () => {
  it('reads "The agreement, signed by A and B," as a passive, A and B together', () => {
    expect(
      structural(
        "The agreement, signed in Nordby by Ostrian Energy Minister Carl Berg and Norland's Petroleum Minister Lena Holm, covers gas.",
      ),
    ).toEqual(['carl-berg cooperates-with lena-holm asserted']);
    expect(
      structural('A deal signed on Monday by Norland and Sudmark ended the dispute.'),
    ).toContain('norland cooperates-with sudmark asserted');
  });

  it('keeps a past verb after a noun active when no "by" follows', () => {
    expect(structural('The ministers of Norland signed a deal with Sudmark.')).toContain(
      'norland cooperates-with sudmark asserted',
    );
  });
});

describe('cue file additions of 2026-12-01 (hand-made sentences)', () => {
  it('reads shared findings, exchanged detainees, a reopened embassy; a surtax opposes', () => {
    expect(structural('Norland said it had shared its findings with Sudmark and Ostria.')).toEqual([
      'norland cooperates-with sudmark asserted',
      'norland cooperates-with ostria asserted',
    ]);
    expect(structural('Norland and Sudmark exchanged 40 detainees on Monday.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
    expect(structural('Norland has reopened its embassy in Sudby.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
    expect(structural('Ostria imposed a 100% surtax on Sudmark steel.')).toEqual([
      'ostria opposes sudmark asserted',
    ]);
  });

  it('reads sending an envoy or a delegation to a state as consulting (2026-12-02)', () => {
    expect(structural('Ostria sent a delegation to Sudby on Monday.')).toEqual([
      'ostria cooperates-with sudmark asserted',
    ]);
    expect(structural('Ostria dispatched its envoy to Nordby.')).toEqual([
      'ostria cooperates-with norland asserted',
    ]);
  });

  it('reads being "in touch with" as consulting (2026-12-02)', () => {
    expect(structural('Ostria said it was in touch with Norland and Sudmark.')).toEqual([
      'ostria cooperates-with norland asserted',
      'ostria cooperates-with sudmark asserted',
    ]);
  });
});

describe('a group of four names or more (pairs.ts; hand-made sentences)', () => {
  it('relates the members of a group of two or three, not those of a summit of four', () => {
    expect(structural('Norland, Sudmark and Ostria agreed to cooperate.')).toHaveLength(3);
    expect(structural('Norland, Sudmark, Ostria and Iraq agreed to cooperate.')).toEqual([]);
    // Their relation to a party named apart stays.
    expect(
      structural('Norland, Sudmark, Ostria and Iraq signed a declaration with the Red Front.'),
    ).toHaveLength(4);
  });
});

describe('an act that ends a measure, referred back to (events.ts; hand-made sentences)', () => {
  it('is not "the sanctions" told before it, but is "the suspension" and "the move"', () => {
    const before =
      'Norland imposed sanctions on Sudmark. Ostria cancelled its trade agreement with Sudmark. ';
    expect(
      structural(before + 'Sudmark called the sanctions "illegal".').filter((s) =>
        s.startsWith('sudmark'),
      ),
    ).toEqual(['sudmark opposes norland asserted']);
    expect(
      structural(
        'Norland imposed sanctions on Sudmark. Ostria suspended its trade agreement with Sudmark. Sudmark condemned the suspension.',
      ).filter((s) => s.startsWith('sudmark')),
    ).toEqual(['sudmark opposes ostria asserted']);
  });
});

describe('an ally in apposition before a verb of saying (hand-made sentences)', () => {
  it('takes the name before the apposition as the speaker, and the pair as the sides asked', () => {
    const read = suggest(
      "Norland and Sudmark clashed. Ostria, Sudmark's closest ally, said it firmly supported Sudmark and called on both sides to show restraint.",
    );
    expect(read).toContain('ostria cooperates-with sudmark asserted');
    expect(read).toContain('ostria proposes-to norland asserted');
    expect(read).toContain('ostria proposes-to sudmark asserted');
    expect(read.filter((s) => s.startsWith('sudmark proposes-to'))).toEqual([]);
  });
});

describe('a condition of a later verb (hand-made sentences)', () => {
  it('leaves an accusation asserted when "and warned ... if" follows it', () => {
    expect(
      structural(
        'Norland accused Sudmark of shelling its villages and warned it would respond if the attacks did not stop.',
      ),
    ).toContain('norland opposes sudmark asserted');
    expect(
      structural('Norland said it would cooperate with Sudmark if the talks resumed.'),
    ).toEqual(['norland cooperates-with sudmark conditional']);
  });
});

describe('"prisoners of war" (cues.ts; hand-made sentences)', () => {
  it('names prisoners, not a war between those who exchange them', () => {
    expect(structural('Norland and Sudmark exchanged 90 prisoners of war on Monday.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });
});

describe('"an offer of help from X" (read.ts, arguments.ts; hand-made sentences)', () => {
  it('reads "help" after "of" as a noun, and X as the author of the offer the verb answers', () => {
    const help = readText('Norland welcomed an offer of help from Ostria.').tokens.find(
      (t) => t.lower === 'help',
    )!;
    expect(help.pos).toBe('NOUN');
    expect(structural('Norland rejected an offer of help from Ostria.')).toEqual([
      'norland opposes ostria asserted',
      'ostria proposes-to norland asserted',
    ]);
    expect(structural('Norland welcomed an offer of assistance from Ostria.')).toEqual([
      'norland cooperates-with ostria asserted',
    ]);
  });
});

describe('"the X embassy in Y" before its verb (arguments.ts; hand-made sentences)', () => {
  it('takes X, not the place, as the subject; a name right before a verb stays its subject', () => {
    expect(
      suggest(
        'Norland accused Sudmark of the cyberattack. The Sudmark embassy in Nordby called the accusation "groundless and provocative".',
      ),
    ).toContain('sudmark opposes norland asserted');
    expect(structural("Sudmark's embassy in Nordby criticised the purchase by Ostria.")).toEqual([
      'sudmark opposes ostria asserted',
    ]);
    expect(structural("Sudmark's ambassador to Ostria criticised Norland.")).toEqual([
      'sudmark opposes norland asserted',
    ]);
    expect(structural('Norland said Sudmark agreed to cooperate with Ostria.')).toContain(
      'sudmark cooperates-with ostria proposed',
    );
  });
});

describe('a judgement of what a named owner did (reactions.ts; hand-made sentences)', () => {
  it("aims \"called Ostria's reaction 'hysterical'\" at Ostria, for or against by its words", () => {
    expect(structural('Lena Holm called the Ostrian reaction "hysterical".')).toEqual([
      'lena-holm opposes ostria asserted',
    ]);
    expect(structural('Lena Holm called Ostria\'s offer "a welcome step".')).toEqual([
      'lena-holm cooperates-with ostria asserted',
    ]);
    // Not one's own side, and not "describe" without its "as".
    expect(structural('Lena Holm called Sudmark\'s decision "hysterical".')).toEqual([]);
    expect(
      structural("Lena Holm used the phrase to describe Ostria's security partnerships."),
    ).toEqual([]);
  });
});

describe('a clause after "before" or "after" whose subject names qualify a noun (hand-made)', () => {
  it('takes "X and Y officials" after "before" as the subject of their verb', () => {
    expect(
      structural(
        'The incident came two days before Ostria and Sudmark officials were due to meet in Nordby.',
      ),
    ).toEqual(['ostria cooperates-with sudmark proposed']);
    // A preposition's object before a noun stays its object.
    expect(structural('Talks before Ostria and Sudmark elections were held.')).toEqual([]);
  });
});

describe('"X and Y each signed" (read.ts, cues.ts; hand-made sentences)', () => {
  it('reads the verb after "each" as the group\'s, not a participle of the noun after it', () => {
    expect(
      structural('Norland and Sudmark each signed memoranda with Ostria on raw materials.'),
    ).toEqual([
      'norland cooperates-with ostria asserted',
      'sudmark cooperates-with ostria asserted',
    ]);
  });
});

describe('two gerunds after "accused X of" (hand-made sentences)', () => {
  it('reads two gerunds after "of" as verbs when the tagger took them for nouns', () => {
    const tokens = readText(
      'Norland accused Sudmark of financing and training Red Front fighters.',
    ).tokens;
    expect(tokens.filter((t) => /ing$/.test(t.lower)).map((t) => t.pos)).toEqual(['VERB', 'VERB']);
    expect(
      structural('Norland accused Sudmark of financing and training Red Front fighters.'),
    ).toContain('sudmark cooperates-with red-front reported');
  });

  it('gives a gerund after "Y and" the one accused, and a finite verb the accuser', () => {
    expect(
      structural('Norland accused Sudmark of backing the Red Front and attacking Ostria.'),
    ).toContain('sudmark opposes ostria reported');
    expect(
      structural('Norland accused Sudmark of being too soft on Ostria and demanded that it leave.'),
    ).not.toContain('sudmark opposes ostria reported');
  });

  it('gives the second gerund the one accused too', () => {
    expect(
      structural('Lena Holm accused Norland of training and sheltering the Red Front.'),
    ).toEqual(['norland cooperates-with red-front reported', 'lena-holm opposes norland asserted']);
  });
});

describe('a participle after a noun a name qualifies (hand-made sentences)', () => {
  it('gives "a North Pact Council resolution condemning X" the council for subject', () => {
    expect(
      structural('Ostria voted against a North Pact Council resolution condemning Sudmark.'),
    ).toEqual(['north-pact opposes sudmark asserted']);
    expect(structural('Norland published a Sudmark statement urging Ostria to talk.')).toEqual([
      'sudmark proposes-to ostria asserted',
    ]);
  });
});

describe('what the hostile test of 2026-12-01 found (hand-made sentences)', () => {
  it('keeps "NAME, TITLE, condemned the attack by Y" active: an object makes no passive', () => {
    expect(
      structural("Sergei Petrov, Norland's prime minister, condemned the attack by Red Front."),
    ).toEqual(['ivan-petrov opposes red-front asserted']);
    expect(
      structural('Norland, Ostria and other states condemned the attack by Red Front.'),
    ).toEqual(['norland opposes red-front asserted', 'ostria opposes red-front asserted']);
  });

  it('keeps the object before "yesterday, NAME said": a time, not a title in apposition', () => {
    expect(structural('Norland attacked Sudmark yesterday, Sergei Petrov said.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
    expect(structural('Norland attacked Sudmark last week, Anna Berg told reporters.')).toEqual([
      'norland opposes sudmark asserted',
    ]);
  });

  it('reads "X\'s President NAME and Y" as X and Y when the registry does not know NAME', () => {
    expect(
      structural(
        "Ostria's President Anton Keller and Sudmark's Foreign Minister Anna Berg agreed to resume talks.",
      ),
    ).toEqual(['ostria cooperates-with anna-berg asserted']);
    expect(structural("Norland's support and Sudmark agreed.")).toEqual([]);
  });

  it('reads an ally in apposition either way round as the one who speaks and asks', () => {
    const before = 'Norland and Sudmark clashed. ';
    const ostria = (text: string) => suggest(before + text).filter((s) => s.startsWith('ostria'));
    expect(
      ostria("Ostria, Sudmark's closest ally, blamed Norland and called on both sides to stop."),
    ).toEqual(
      expect.arrayContaining([
        'ostria opposes norland asserted',
        'ostria proposes-to norland asserted',
        'ostria proposes-to sudmark asserted',
      ]),
    );
    expect(
      ostria(
        "Norland's closest ally, Ostria, said it supported Norland and called on both sides to stop fighting.",
      ),
    ).toEqual([
      'ostria cooperates-with norland asserted',
      'ostria proposes-to norland asserted',
      'ostria proposes-to sudmark asserted',
    ]);
  });

  it('gives a noun cue the agent of its participle ("the sanctions imposed by X on Y")', () => {
    expect(
      structural('The sanctions imposed by Norland on Sudmark were lifted on Friday.'),
    ).toEqual(['norland opposes sudmark asserted']);
    expect(structural('Sudmark rejected the proposal made by Ostria.')).toEqual([
      'sudmark opposes ostria asserted',
      'ostria proposes-to sudmark asserted',
    ]);
  });

  it('never takes the sides asked, nor an owner in a longer apposition, for a later subject', () => {
    const read = suggest(
      "Norland accused Sudmark of supplying drones. Ostria, Sudmark's closest partner in the region, urged both sides to show restraint and offered to host talks.",
    );
    expect(read.filter((s) => s.startsWith('sudmark proposes-to'))).toEqual([]);
    expect(
      suggest('Norland and Sudmark clashed. Ostria urged restraint and offered to mediate.'),
    ).toEqual(
      expect.arrayContaining([
        'ostria proposes-to norland asserted',
        'ostria proposes-to sudmark asserted',
      ]),
    );
  });

  it('reads aid that is pledged or offered as proposed, not given', () => {
    expect(structural('Norland pledged aid to Sudmark.')).toEqual([
      'norland proposes-to sudmark asserted',
      'norland cooperates-with sudmark proposed',
    ]);
    expect(structural('Sudmark received offers of help from Norland.')).toEqual([
      'norland cooperates-with sudmark proposed',
    ]);
    expect(structural('Norland sent aid to Sudmark.')).toEqual([
      'norland cooperates-with sudmark asserted',
    ]);
  });

  it('gives the infinitive after "urged X, Y and the Gulf states to" the ones urged', () => {
    const read = structural(
      'The North Pact Council urged Norland, Ostria and the Gulf states to stop arming Red Front.',
    );
    expect(read).toContain('norland cooperates-with red-front asserted');
    expect(read).toContain('ostria cooperates-with red-front asserted');
    expect(read.filter((s) => s.startsWith('north-pact cooperates-with'))).toEqual([]);
  });
});

describe('shooting down, relative clauses before the verb, accusations (hand-made sentences)', () => {
  it('reads "shot down" though the model tags "shot" as a noun, and "downed"', () => {
    for (const text of [
      'Norland shot down a Sudmark drone near the border.',
      'The Norland army shot down a Sudmark drone on Monday.',
      'Norland downed a Sudmark drone.',
    ])
      expect(structural(text)).toEqual(['norland opposes sudmark asserted']);
    // A noun after a determiner stays one ("a shot"), and so does a noun whose lemma as a verb
    // is its own ("data": datum); a reduced passive is no act of its own.
    expect(readText('Norland fired a shot at the drone.').tokens[3]!.pos).toBe('NOUN');
    const data = readText(
      'Norland offered to extend the hydrological data it shares with Sudmark.',
    );
    expect(data.tokens.find((t) => t.text === 'data')!.pos).toBe('NOUN');
    expect(structural('A Sudmark drone shot down near the border was found in Norland.')).toEqual(
      [],
    );
  });

  it('takes the subject before a "whose" clause, and none from inside a relative clause', () => {
    expect(
      structural(
        'Norland and Sudmark clashed again. Ostria, whose foreign minister shuttled between the two capitals last year, offered to host talks between the two sides.',
      ).filter((s) => s.includes('proposes-to')),
    ).toEqual(['ostria proposes-to norland asserted', 'ostria proposes-to sudmark asserted']);
    // The antecedent names no actor: the relative clause's name is not the subject.
    expect(
      structural(
        'The three governments, which left the North Pact Council last year, accused Sudmark of arming rebels.',
      ),
    ).toEqual([]);
    // Nor the subject a later verb shares ("said ... and accused").
    const clause =
      'which left the North Pact Council last year, said in a statement that the drone had been flying in Sudmark airspace and accused Norland of "supporting terrorism."';
    expect(structural(`The three governments, ${clause}`)).toEqual([]);
    expect(structural(`Ostria, ${clause}`)).toEqual(['ostria opposes norland asserted']);
    // A possessor before the clause still is.
    expect(
      structural("Sudmark's army, which crossed into Iraq last year, attacked Norland."),
    ).toContain('sudmark opposes norland asserted');
  });

  it('reads the state whose ministry an envoy "was summoned to" as the one who summoned', () => {
    for (const text of [
      "Norland's ambassador was summoned to the Sudmark foreign ministry on Monday.",
      "Norland's envoy was summoned to the foreign ministry of Sudmark.",
      'The ambassador of Norland was summoned to the Sudmark foreign ministry.',
    ])
      expect(structural(text)).toEqual(['sudmark opposes norland asserted']);
    // Not for another verb: "was sent to" names where, not who.
    expect(structural("Norland's envoy was sent to the Sudmark foreign ministry.")).toEqual([]);
  });

  it('marks the accused deed denied when the accusation is denied after it', () => {
    for (const denial of [
      ', a charge Sudby denied.',
      ' - a charge that Sudby has repeatedly denied.',
    ])
      expect(structural(`Norland accused Sudmark of arming the Red Front${denial}`)).toContain(
        'sudmark cooperates-with red-front denied',
      );
    // A denial of something else: still only reported.
    expect(
      structural('Norland accused Sudmark of arming the Red Front, and Ostria denied any role.'),
    ).toContain('sudmark cooperates-with red-front reported');
  });

  it('reads what the accused is said to have done past a time phrase and a purpose', () => {
    expect(structural('Sudmark accused Norland on Friday of attacking Iraq.')).toEqual([
      'norland opposes iraq reported',
      'sudmark opposes norland asserted',
    ]);
    // "of sending men ... to attack a patrol": the attack is the accused's, for "the attack".
    const text =
      'Sudmark accused Norland on Friday of sending armed men across the river to attack a military patrol. Ostria condemned the attack and said it stood with Sudmark.';
    const found = structural(text);
    expect(found).toContain('norland opposes sudmark reported');
    expect(found).toContain('ostria opposes norland asserted');
    expect(found).not.toContain('ostria opposes sudmark asserted');
  });
});

describe('"the three" and the list of three it stands for (coref.ts; hand-made sentences)', () => {
  /** Source and target of the suggestions a cue word gives. */
  const byCue = (text: string, cue: string) =>
    suggestRelations(text, suggester)
      .suggestions.filter((s) => s.evidence.cue.text === cue)
      .map((s) => `${s.source} ${s.type} ${s.target}`);

  it('takes the latest list of exactly three, with a noun or bare', () => {
    expect(
      byCue(
        'Norland, Sudmark and Iraq recalled their ambassadors from Ostria on Tuesday. The three governments accused Ostria of arming the Red Front.',
        'accused',
      ),
    ).toEqual(['norland opposes ostria', 'sudmark opposes ostria', 'iraq opposes ostria']);
    expect(
      byCue(
        'Norland, Sudmark and Iraq met in Sudby. The three agreed to share intelligence.',
        'agreed',
      ),
    ).toEqual([
      'norland cooperates-with sudmark',
      'norland cooperates-with iraq',
      'sudmark cooperates-with iraq',
    ]);
  });

  it('takes no pair for "the two sides" from the end of a longer list', () => {
    const text =
      'Norland accused Sudmark of massing troops. Ostria, Iraq and Sudmark signed a pact last year. The North Pact Council offered to host talks between the two sides.';
    expect(byCue(text, 'offered').sort()).toEqual([
      'north-pact proposes-to norland',
      'north-pact proposes-to sudmark',
    ]);
  });

  it('guesses nothing from a list of four, nor for "the three" of something else', () => {
    expect(
      byCue(
        'Norland, Sudmark, Iraq and Ostria met. The three governments accused the Red Front.',
        'accused',
      ),
    ).toEqual([]);
    expect(
      byCue('Norland, Sudmark and Iraq met. The three boats attacked the Red Front.', 'attacked'),
    ).toEqual([]);
  });
});
