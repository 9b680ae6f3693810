// strongest-co-mentions: the pairs of entities mentioned together most often.
//
// A co-mention is one sentence (or paragraph / article, as built with --window) that names
// both entities; weight counts them, articles counts the articles they occur in. With
// `name`, only the pairs that include that entity (its strongest partners).
//
// Parameters:
//   @param limit = 10    how many pairs to return
//   @param name = null   only pairs with this entity (id, name or alias, case-insensitive)
//
// Example:
//   graphbuild query strongest-co-mentions --param limit=25
//   graphbuild query strongest-co-mentions --param name="Jane Doe"
OPTIONAL MATCH (x:Entity)
WHERE $name IS NOT NULL
  AND (x.id = $name OR toLower(x.name) = toLower($name)
       OR any(a IN coalesce(x.aliases, []) WHERE toLower(a) = toLower($name)))
WITH x ORDER BY CASE WHEN x.id = $name THEN 0 WHEN toLower(x.name) = toLower($name) THEN 1 ELSE 2 END,
                x.mentions DESC
LIMIT 1
MATCH (a:Entity)-[r:CO_MENTIONED]->(b:Entity)
WHERE $name IS NULL OR (x IS NOT NULL AND x IN [a, b])
RETURN a.name AS entity_a, b.name AS entity_b, r.weight AS weight, r.articles AS articles,
       a.id AS id_a, b.id AS id_b
ORDER BY weight DESC, articles DESC, id_a, id_b
LIMIT $limit
