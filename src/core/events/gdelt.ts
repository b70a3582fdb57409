/**
 * GDELT 2.0's event table: 61 tab-separated columns, no header (the GDELT 2.0 Event
 * Codebook). The names are the codebook's; the aggregation reads a few of them.
 */
export const GDELT_EVENT_COLUMNS = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...actorColumns('Actor1'),
  ...actorColumns('Actor2'),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...geoColumns('Actor1Geo'),
  ...geoColumns('Actor2Geo'),
  ...geoColumns('ActionGeo'),
  'DATEADDED',
  'SOURCEURL',
] as const;

function actorColumns(prefix: string): string[] {
  return [
    'Code',
    'Name',
    'CountryCode',
    'KnownGroupCode',
    'EthnicCode',
    'Religion1Code',
    'Religion2Code',
    'Type1Code',
    'Type2Code',
    'Type3Code',
  ].map((c) => `${prefix}${c}`);
}

function geoColumns(prefix: string): string[] {
  return [
    'Type',
    'FullName',
    'CountryCode',
    'ADM1Code',
    'ADM2Code',
    'Lat',
    'Long',
    'FeatureID',
  ].map((c) => `${prefix}_${c}`);
}

/** The columns the import keeps (events/gdelt-events.csv), with their types. */
export const KEPT_COLUMNS = {
  GLOBALEVENTID: 'int',
  MonthYear: 'int',
  Actor1Code: 'string',
  Actor2Code: 'string',
  EventRootCode: 'string',
  GoldsteinScale: 'float',
  NumMentions: 'int',
  NumSources: 'int',
  NumArticles: 'int',
  AvgTone: 'float',
  SOURCEURL: 'string',
} as const satisfies Record<string, 'int' | 'float' | 'string'>;
