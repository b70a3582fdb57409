import { smallDataset } from './dataset.ts';

/** One hand-made GDELT 2.0 event: the fields a test cares about, the rest plausible. */
export interface TestEvent {
  id: number;
  /** YYYYMM */
  month: number;
  actor1: string;
  actor2: string;
  root: string;
  goldstein?: number;
  mentions?: number;
  sources?: number;
  articles?: number;
  tone?: number;
  url?: string;
  actor1Name?: string;
}

/** The event as a line of a GDELT 2.0 export: 61 tab-separated fields, no header. */
export function gdeltLine(e: TestEvent): string {
  const day = `${e.month}18`;
  const actor = (code: string, name: string) => [
    code,
    name,
    code.slice(0, 3),
    '',
    '',
    '',
    '',
    code.slice(3, 6),
    '',
    '',
  ];
  const geo = ['4', 'Somewhere, Someland', 'XX', 'XX01', '', '1.5', '2.5', '-123'];
  const fields = [
    String(e.id),
    day,
    String(e.month),
    String(Math.floor(e.month / 100)),
    '2015.1315',
    ...actor(e.actor1, e.actor1Name ?? (e.actor1 ? 'NAME ONE' : '')),
    ...actor(e.actor2, e.actor2 ? 'NAME TWO' : ''),
    '1',
    `${e.root}1`,
    `${e.root}1`,
    e.root,
    '1',
    String(e.goldstein ?? 1),
    String(e.mentions ?? 1),
    String(e.sources ?? 1),
    String(e.articles ?? 1),
    String(e.tone ?? 0),
    ...geo,
    ...geo,
    ...geo,
    '20150218230000',
    e.url ?? `http://news.example/${e.id}`,
  ];
  if (fields.length !== 61) throw new Error(`gdeltLine: ${fields.length} fields`);
  return fields.join('\t');
}

export const gdeltFile = (events: readonly TestEvent[]): string =>
  events.map((e) => `${gdeltLine(e)}\n`).join('');

/** smallDataset with CAMEO codes: ALP → alpha, BET → beta, ALPREB (more specific) → gamma-front. */
export function cameoDataset(): Record<string, string> {
  const files = smallDataset();
  files['actors.yaml'] = files['actors.yaml']!.replace(
    '    aliases: [Alphaville, The Alphans]\n',
    '    aliases: [Alphaville, The Alphans]\n    cameo: [ALP]\n',
  )
    .replace('    aliases: [Betaburg]\n', '    aliases: [Betaburg]\n    cameo: [BET]\n')
    .replace(
      '  - id: gamma-front\n    label: Gamma Front\n    kind: armed-group\n',
      '  - id: gamma-front\n    label: Gamma Front\n    kind: armed-group\n    cameo: [ALPREB]\n',
    );
  if ((files['actors.yaml']!.match(/cameo:/g) ?? []).length !== 3) {
    throw new Error('cameoDataset: smallDataset changed');
  }
  return files;
}

/** Events with known aggregates (tests/unit/events-import.test.ts states them). */
export const FIRST_FILE: TestEvent[] = [
  {
    id: 1,
    month: 201502,
    actor1: 'ALP',
    actor2: 'BET',
    root: '04',
    goldstein: 3,
    mentions: 10,
    sources: 2,
    articles: 8,
    tone: 2,
    url: 'http://a.example/1',
  },
  {
    id: 2,
    month: 201502,
    actor1: 'BETGOV',
    actor2: 'ALP',
    root: '05',
    goldstein: 1,
    mentions: 4,
    sources: 1,
    articles: 4,
    tone: -1,
    url: 'http://a.example/2',
  },
  {
    id: 3,
    month: 201502,
    actor1: 'ALPREB',
    actor2: 'ALP',
    root: '19',
    goldstein: -10,
    mentions: 2,
    sources: 1,
    articles: 2,
    tone: -5,
    url: 'https://b.example/3',
  },
  {
    id: 4,
    month: 201503,
    actor1: 'ALP',
    actor2: 'BET',
    root: '19',
    goldstein: -5,
    mentions: 1,
    sources: 1,
    articles: 1,
    tone: -2.5,
    url: 'http://c.example/4',
  },
  { id: 5, month: 201502, actor1: 'ALP', actor2: 'BET', root: '08' },
  { id: 6, month: 201502, actor1: 'XYZ', actor2: 'BET', root: '04' },
  { id: 7, month: 201502, actor1: 'ALPGOV', actor2: 'ALPMIL', root: '04' },
  { id: 8, month: 201502, actor1: '', actor2: 'BET', root: '04' },
  { id: 10, month: 201502, actor1: 'XYZ', actor2: 'QQQ', root: '04' },
];

export const SECOND_FILE: TestEvent[] = [
  FIRST_FILE[0]!,
  {
    id: 9,
    month: 201503,
    actor1: 'BET',
    actor2: 'ALP',
    root: '04',
    goldstein: 7,
    mentions: 3,
    sources: 3,
    articles: 3,
    tone: 1.25,
    url: 'http://d.example/9',
  },
];
