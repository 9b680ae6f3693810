// said-about: everything said about an entity: who said it, the quote, and the article.
//
// One row per quote kept as evidence (up to five per speaker and kind, the earliest by
// article id and position); `statements` is how often that speaker spoke about the entity
// (in all, or in the kind asked for), `cues` the verbs that introduced the statements
// ("said", "told", ...).
// The entity is matched by id, name or alias (case-insensitive); if several match, the
// exact id, then the exact name, then the most mentioned.
//
// `kind` says what the statement is: speech (words said or written), attitude (a belief,
// wish, intention or stance: "wants", "plans to", "is critical of"), or evidence (what a
// poll, study or record shows); the `kind` parameter keeps one of them.
//
// The SAID_ABOUT `evidence` property is a JSON list of {"article", "date"?, "kind", "quote"}
// objects (up to five per kind). It is split here without APOC: the separators
// '{"article": "', '", "date": "', '", "kind": "' and '", "quote": "' cannot occur inside an
// encoded string (every " in one is escaped as \"), then \" and \\ are unescaped (quotes are
// whitespace-normalised snippets, so no other JSON escapes occur in practice). Graphs built
// before kinds existed hold speech only.
//
// Parameters:
//   @param name           the entity talked about (id, name or alias)
//   @param kind = "all"   speech, attitude (incl. intention), evidence, or all
//   @param limit = 100    at most this many rows
//
// Example:
//   graphbuild query said-about --param name="Jane Doe"
//   graphbuild query said-about --param name="Jane Doe" --param kind=speech
CALL {
  MATCH (x:Entity {id: $name}) RETURN x, 0 AS rank
  UNION
  MATCH (x:Entity) WHERE x._names CONTAINS '\n' + toLower($name) + '\n'
  RETURN x, CASE WHEN toLower(x.name) = toLower($name) THEN 1 ELSE 2 END AS rank
}
WITH x ORDER BY rank, x.mentions DESC, x.id
LIMIT 1
MATCH (s:Entity)-[r:SAID_ABOUT]->(x)
WHERE $kind = 'all' OR $kind IN coalesce(r.kinds, ['speech'])
UNWIND [item IN split(r.evidence, '{"article": "')[1..] |
        split(CASE WHEN item ENDS WITH '"}]' THEN left(item, size(item) - 3)
                   ELSE left(item, size(item) - 4) END, '", "quote": "')] AS ev
WITH x, s, r, ev, split(ev[0], '", "kind": "') AS head
WITH x, s, r, ev, head,
     replace(replace(split(head[0], '", "date": "')[0], '\\"', '"'), '\\\\', '\\') AS article,
     coalesce(head[1], 'speech') AS kind, replace(replace(ev[1], '\\"', '"'), '\\\\', '\\') AS quote
WHERE $kind = 'all' OR kind = $kind
OPTIONAL MATCH (art:Article {id: article})
RETURN x.name AS about, s.name AS speaker, [l IN labels(s) WHERE l <> 'Entity'][0] AS speaker_label,
       CASE $kind WHEN 'all' THEN r.count ELSE r[$kind + '_count'] END AS statements,
       kind, r.cues AS cues, article, art.title AS title, quote
ORDER BY statements DESC, speaker, article
LIMIT $limit
