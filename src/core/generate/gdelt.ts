/**
 * Synthetic GDELT 2.0 event exports: the 61 tab-separated columns of the codebook, no header,
 * with plausible codes (CAMEO country and role codes, event codes under their roots, Goldstein
 * scores by root, mentions, sources, articles, tone, places, source URLs). Deterministic: the
 * same options give the same bytes. For the import's tests and benchmark (npm run generate --
 * --gdelt-events N --gdelt-file FILE).
 */
import { GDELT_EVENT_COLUMNS } from '../events/gdelt.ts';
import { Random } from './random.ts';

export interface GdeltOptions {
  events: number;
  seed?: string;
  /** GLOBALEVENTID of the first event (ids follow one another). */
  firstId?: number;
  /** The months the events fall in, as YYYYMM, the first one most often. */
  months?: readonly number[];
}

/**
 * Country codes with how often they act (the seed data's states first: USA, RUS, SYR, IRQ,
 * IRN, AUS, UKR are mapped in graph-data/actors.yaml, so an import of these files finds them).
 */
const COUNTRIES: readonly [string, number][] = [
  ['USA', 30],
  ['RUS', 6],
  ['GBR', 5],
  ['CHN', 5],
  ['SYR', 4],
  ['IRQ', 4],
  ['IRN', 4],
  ['UKR', 4],
  ['FRA', 4],
  ['DEU', 3],
  ['ISR', 3],
  ['TUR', 3],
  ['EGY', 3],
  ['LBY', 3],
  ['PAK', 3],
  ['IND', 3],
  ['AUS', 2],
  ['CAN', 2],
  ['JPN', 2],
  ['SAU', 2],
  ['AFG', 2],
  ['NGA', 2],
  ['MEX', 1],
  ['BRA', 1],
  ['ZAF', 1],
  ['KOR', 1],
  ['PRK', 1],
  ['YEM', 1],
  ['LBN', 1],
  ['JOR', 1],
];
const ROLES: readonly [string, number][] = [
  ['', 30],
  ['GOV', 30],
  ['MIL', 10],
  ['COP', 6],
  ['OPP', 4],
  ['REB', 3],
  ['BUS', 5],
  ['MED', 4],
  ['CVL', 4],
  ['JUD', 2],
  ['LEG', 2],
];
/** Roles without a country, as GDELT codes them when it cannot tell (GOV, BUS...). */
const BARE_ROLES = ['GOV', 'BUS', 'COP', 'EDU', 'MED', 'CVL', 'LEG', 'JUD', 'MIL', 'REL'];
/** Event root codes with their frequency (about that of a real 15-minute export). */
const ROOTS: readonly [string, number][] = [
  ['01', 10],
  ['02', 6],
  ['03', 14],
  ['04', 25],
  ['05', 5],
  ['06', 2],
  ['07', 4],
  ['08', 3],
  ['09', 1],
  ['10', 2],
  ['11', 5],
  ['12', 2],
  ['13', 2],
  ['14', 1],
  ['15', 1],
  ['16', 1],
  ['17', 5],
  ['18', 3],
  ['19', 8],
  ['20', 1],
];
/** The Goldstein score of each root's events (CAMEO's scale, one value per root here). */
const GOLDSTEIN: Record<string, number> = {
  '01': 0,
  '02': 3,
  '03': 4,
  '04': 1,
  '05': 3.5,
  '06': 6,
  '07': 7,
  '08': 5,
  '09': -2,
  '10': -5,
  '11': -2,
  '12': -4,
  '13': -6,
  '14': -6.5,
  '15': -7.2,
  '16': -5.6,
  '17': -7,
  '18': -9,
  '19': -10,
  '20': -10,
};
const QUAD: Record<string, string> = Object.fromEntries(
  Object.keys(GOLDSTEIN).map((root) => {
    const n = Number(root);
    return [root, n <= 5 ? '1' : n <= 8 ? '2' : n <= 13 ? '3' : '4'];
  }),
);
const SITES = [
  'news.example',
  'daily.example.org',
  'wire.example.net',
  'post.example.com',
  'times.example.co.uk',
];
const NAMES: Record<string, string> = {
  USA: 'UNITED STATES',
  RUS: 'RUSSIA',
  SYR: 'SYRIA',
  IRQ: 'IRAQ',
  IRN: 'IRAN',
  UKR: 'UKRAINE',
  AUS: 'AUSTRALIA',
};

function weighted<T>(items: readonly [T, number][]): (random: Random) => T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  return (random) => {
    let x = random.float() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items.at(-1)![0];
  };
}

const pickCountry = weighted(COUNTRIES);
const pickRole = weighted(ROLES);
const pickRoot = weighted(ROOTS);

function actorFields(random: Random): string[] {
  // About one actor in five has no code, as in GDELT's exports.
  if (random.chance(0.18)) return ['', '', '', '', '', '', '', '', '', ''];
  if (random.chance(0.12)) {
    const role = random.pick(BARE_ROLES);
    return [role, role === 'GOV' ? 'GOVERNMENT' : role, '', '', '', '', '', role, '', ''];
  }
  const country = pickCountry(random);
  const role = pickRole(random);
  return [`${country}${role}`, NAMES[country] ?? country, country, '', '', '', '', role, '', ''];
}

function geoFields(random: Random, country: string): string[] {
  const lat = (random.float() * 140 - 70).toFixed(4);
  const long = (random.float() * 340 - 170).toFixed(4);
  return [
    '4',
    `Place ${random.int(1000)}, ${country || 'Somewhere'}`,
    country.slice(0, 2) || 'XX',
    `${country.slice(0, 2) || 'XX'}0${random.int(10)}`,
    '',
    lat,
    long,
    String(-random.int(3_000_000)),
  ];
}

/**
 * The export's lines, in chunks of at most `chunk` lines (so that a million events need not be
 * one string), each line ending in a newline.
 */
export function* generateGdeltEvents(options: GdeltOptions, chunk = 10_000): Generator<string> {
  const random = new Random(options.seed ?? 'gdelt');
  const firstId = options.firstId ?? 410_000_000;
  const months = options.months ?? [201502, 201501, 201412, 201411, 201410, 201409];
  let lines: string[] = [];
  for (let i = 0; i < options.events; i++) {
    // Most events in the latest month; some report earlier ones.
    const month = random.chance(0.8) ? months[0]! : random.pick(months);
    const day = String(random.between(1, 28)).padStart(2, '0');
    const a1 = actorFields(random);
    const a2 = actorFields(random);
    const root = pickRoot(random);
    const code = `${root}${random.int(6)}`;
    const mentions = 1 + Math.floor(-Math.log(1 - random.float()) * 4);
    const sources = random.between(1, Math.min(mentions, 8));
    const articles = random.between(sources, mentions);
    const tone = ((random.float() - 0.5) * 12 + (GOLDSTEIN[root]! < 0 ? -3 : 1)).toFixed(
      random.chance(0.5) ? 2 : 10,
    );
    const fields = [
      String(firstId + i),
      `${month}${day}`,
      String(month),
      String(Math.floor(month / 100)),
      (Math.floor(month / 100) + ((month % 100) - 1) / 12).toFixed(4),
      ...a1,
      ...a2,
      random.chance(0.6) ? '1' : '0',
      code,
      code,
      root,
      QUAD[root]!,
      String(GOLDSTEIN[root]),
      String(mentions),
      String(sources),
      String(articles),
      tone,
      ...geoFields(random, a1[2]!),
      ...geoFields(random, a2[2]!),
      ...geoFields(random, a1[2]! || a2[2]!),
      '20150218230000',
      `https://${random.pick(SITES)}/${month}/${day}/story-${random.int(50_000)}.html`,
    ];
    lines.push(fields.join('\t'));
    if (lines.length === chunk) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

/** The number of columns each line has: GDELT 2.0's. */
export const GDELT_COLUMN_COUNT = GDELT_EVENT_COLUMNS.length;
