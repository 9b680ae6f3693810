// said-about: everything said about an entity: who said it, the quote, and the article.
//
// One row per quote kept as evidence (up to five per speaker, the earliest by article id
// and position); `statements` is how often that speaker spoke about the entity in all,
// `cues` the verbs that introduced the statements ("said", "told", ...).
// The entity is matched by id, name or alias (case-insensitive); if several match, the
// exact id, then the exact name, then the most mentioned.
//
// The SAID_ABOUT `evidence` property is a JSON list of {"article", "date"?, "quote"} objects. It is
// split here without APOC: the separators '{"article": "' and '", "quote": "' cannot occur
// inside an encoded string (every " in one is escaped as \"), then \" and \\ are unescaped
// (quotes are whitespace-normalised snippets, so no other JSON escapes occur in practice).
//
// Parameters:
//   @param name           the entity talked about (id, name or alias)
//   @param limit = 100    at most this many rows
//
// Example:
//   graphbuild query said-about --param name="Jane Doe"
MATCH (x:Entity)
WHERE x.id = $name OR toLower(x.name) = toLower($name)
   OR any(a IN coalesce(x.aliases, []) WHERE toLower(a) = toLower($name))
WITH x ORDER BY CASE WHEN x.id = $name THEN 0 WHEN toLower(x.name) = toLower($name) THEN 1 ELSE 2 END,
                x.mentions DESC
LIMIT 1
MATCH (s:Entity)-[r:SAID_ABOUT]->(x)
UNWIND [item IN split(r.evidence, '{"article": "')[1..] |
        split(CASE WHEN item ENDS WITH '"}]' THEN left(item, size(item) - 3)
                   ELSE left(item, size(item) - 4) END, '", "quote": "')] AS ev
WITH x, s, r, replace(replace(split(ev[0], '", "date": "')[0], '\\"', '"'), '\\\\', '\\') AS article,
     replace(replace(ev[1], '\\"', '"'), '\\\\', '\\') AS quote
OPTIONAL MATCH (art:Article {id: article})
RETURN x.name AS about, s.name AS speaker, [l IN labels(s) WHERE l <> 'Entity'][0] AS speaker_label,
       r.count AS statements, r.cues AS cues, article, art.title AS title, quote
ORDER BY statements DESC, speaker, article
LIMIT $limit
