// said-about-in-period: what a speaker said about an entity in a period: the quotes, with
// their articles and dates.
//
// One row per quote kept as evidence whose article was published in the period. The
// SAID_ABOUT edge keeps up to five quotes, the first by article id and position; to see
// every quote of a period, export it: graphbuild export graphml OUT --since ... --until ...
// `statements` counts the speaker's statements about the entity in the months overlapping
// the period (from the edge's counts per month). Without since and until: every quote kept
// and every statement, undated ones included; with either, undated articles lie in no
// period. Both entities are matched by id, name or alias (case-insensitive); see
// said-about for how the JSON evidence is split.
//
// Parameters:
//   @param speaker          who spoke (id, name or alias)
//   @param about            the entity spoken about (id, name or alias)
//   @param since = null     first day of the period (YYYY-MM-DD)
//   @param until = null     last day of the period (YYYY-MM-DD)
//   @param limit = 100      at most this many rows
//
// Example:
//   graphbuild query said-about-in-period -p speaker="Jane Doe" -p about="Acme Corp" -p since=2026-03-01 -p until=2026-03-31
CALL {
  MATCH (s:Entity {id: $speaker}) RETURN s, 0 AS rank
  UNION
  MATCH (s:Entity) WHERE s._names CONTAINS '\n' + toLower($speaker) + '\n'
  RETURN s, CASE WHEN toLower(s.name) = toLower($speaker) THEN 1 ELSE 2 END AS rank
}
WITH s ORDER BY rank, s.mentions DESC, s.id
LIMIT 1
CALL {
  MATCH (x:Entity {id: $about}) RETURN x, 0 AS rank
  UNION
  MATCH (x:Entity) WHERE x._names CONTAINS '\n' + toLower($about) + '\n'
  RETURN x, CASE WHEN toLower(x.name) = toLower($about) THEN 1 ELSE 2 END AS rank
}
WITH s, x ORDER BY rank, x.mentions DESC, x.id
LIMIT 1
MATCH (s)-[r:SAID_ABOUT]->(x)
WITH s, x, r,
     CASE WHEN $since IS NULL AND $until IS NULL THEN r.count
     ELSE reduce(n = 0, i IN range(0, size(coalesce(r.months, [])) - 1) | n + CASE
            WHEN ($since IS NULL OR r.months[i] >= date.truncate('month', date($since)))
             AND ($until IS NULL OR r.months[i] <= date($until)) THEN r.month_counts[i] ELSE 0 END)
     END AS statements
UNWIND [item IN split(r.evidence, '{"article": "')[1..] |
        split(CASE WHEN item ENDS WITH '"}]' THEN left(item, size(item) - 3)
                   ELSE left(item, size(item) - 4) END, '", "quote": "')] AS ev
WITH s, x, statements,
     replace(replace(split(split(ev[0], '", "date": "')[0], '", "kind": "')[0], '\\"', '"'), '\\\\', '\\') AS article,
     replace(replace(ev[1], '\\"', '"'), '\\\\', '\\') AS quote
MATCH (art:Article {id: article})
WHERE ($since IS NULL AND $until IS NULL)
   OR (art.date IS NOT NULL
       AND ($since IS NULL OR art.date >= date($since)) AND ($until IS NULL OR art.date <= date($until)))
RETURN s.name AS speaker, x.name AS about, statements, art.date AS date, article, art.title AS title, quote
ORDER BY date, article
LIMIT $limit
