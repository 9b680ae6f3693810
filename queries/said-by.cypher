// said-by: what an entity said about others: the entities it spoke about, with quotes.
//
// One row per quote kept as evidence (up to five per target and kind); `statements` counts
// the statements (of the kind asked for) about that target, `direct` / `indirect` split them into quoted and reported
// speech. The speaker is matched by id, name or alias (case-insensitive); if several match,
// the exact id, then the exact name, then the most mentioned. See said-about for how the
// JSON evidence is split.
//
// Parameters:
//   @param name           the speaker (id, name or alias)
//   @param kind = "all"   speech, attitude (incl. intention), evidence, or all
//   @param limit = 100    at most this many rows
//
// Example:
//   graphbuild query said-by --param name="Jane Doe" --format json
//   graphbuild query said-by --param name="Jane Doe" --param kind=attitude
CALL {
  MATCH (x:Entity {id: $name}) RETURN x, 0 AS rank
  UNION
  MATCH (x:Entity) WHERE x._names CONTAINS '\n' + toLower($name) + '\n'
  RETURN x, CASE WHEN toLower(x.name) = toLower($name) THEN 1 ELSE 2 END AS rank
}
WITH x ORDER BY rank, x.mentions DESC, x.id
LIMIT 1
MATCH (x)-[r:SAID_ABOUT]->(t:Entity)
WHERE $kind = 'all' OR $kind IN coalesce(r.kinds, ['speech'])
UNWIND [item IN split(r.evidence, '{"article": "')[1..] |
        split(CASE WHEN item ENDS WITH '"}]' THEN left(item, size(item) - 3)
                   ELSE left(item, size(item) - 4) END, '", "quote": "')] AS ev
WITH x, t, r, ev, split(ev[0], '", "kind": "') AS head
WITH x, t, r, ev, head,
     replace(replace(split(head[0], '", "date": "')[0], '\\"', '"'), '\\\\', '\\') AS article,
     coalesce(head[1], 'speech') AS kind, replace(replace(ev[1], '\\"', '"'), '\\\\', '\\') AS quote
WHERE $kind = 'all' OR kind = $kind
OPTIONAL MATCH (art:Article {id: article})
RETURN x.name AS speaker, t.name AS about, [l IN labels(t) WHERE l <> 'Entity'][0] AS about_label,
       CASE $kind WHEN 'all' THEN r.count ELSE r[$kind + '_count'] END AS statements,
       kind, r.direct AS direct, r.indirect AS indirect, r.cues AS cues,
       article, art.title AS title, quote
ORDER BY statements DESC, about, article
LIMIT $limit
