-- The aggregation of GDELT 2.0 events into the graph's machine-coded layer (events/gdelt.csv),
-- one row per source actor, relation type, target actor and month. One file for every engine:
-- it is written in the SQL that DuckDB (npm run import:gdelt) and ClickHouse 18.16 (the
-- distributed path, tests/interop/clickhouse.test.ts) share. src/core/events/cameo.ts fills in
-- the parameters:
--   {{EVENTS}}      the events table (GDELT's column names; a Distributed table on ClickHouse)
--   {{ACTOR1}}      CASE on Actor1Code: the actor id of the mapping (actors.yaml cameo:), or ''
--   {{ACTOR2}}      the same on Actor2Code
--   {{RELATION}}    CASE on EventRootCode: the relation type (relation-types.yaml cameo:), or ''
--   {{UNDIRECTED}}  a condition on relation: true for the undirected types (cooperates-with),
--                   whose two actors are put in id order
--   {{INT64}}       the dialect's 64-bit integer type: BIGINT (DuckDB), Int64 (ClickHouse)
-- Subqueries rather than WITH (ClickHouse 18's WITH holds expressions only); CASE WHEN rather
-- than least/greatest or if(); min and max for the two sample URLs; means rounded to four
-- decimals so that a distributed sum in another order gives the same figures.
SELECT
  source,
  relation,
  target,
  month,
  count(*) AS events,
  CAST(sum(NumMentions) AS {{INT64}}) AS mentions,
  CAST(sum(NumSources) AS {{INT64}}) AS sources,
  CAST(sum(NumArticles) AS {{INT64}}) AS articles,
  round(avg(GoldsteinScale), 4) AS goldstein,
  round(avg(AvgTone), 4) AS tone,
  min(SOURCEURL) AS url_first,
  max(SOURCEURL) AS url_last
FROM (
  SELECT
    CASE WHEN {{UNDIRECTED}} AND actor2 < actor1 THEN actor2 ELSE actor1 END AS source,
    relation,
    CASE WHEN {{UNDIRECTED}} AND actor2 < actor1 THEN actor1 ELSE actor2 END AS target,
    MonthYear AS month,
    NumMentions,
    NumSources,
    NumArticles,
    GoldsteinScale,
    AvgTone,
    SOURCEURL
  FROM (
    SELECT
      {{ACTOR1}} AS actor1,
      {{ACTOR2}} AS actor2,
      {{RELATION}} AS relation,
      MonthYear,
      NumMentions,
      NumSources,
      NumArticles,
      GoldsteinScale,
      AvgTone,
      SOURCEURL
    FROM {{EVENTS}}
  ) AS coded
  WHERE actor1 <> '' AND actor2 <> '' AND relation <> '' AND actor1 <> actor2
) AS pairs
GROUP BY source, relation, target, month
ORDER BY source, relation, target, month
