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
CALL {
  // without a name: every pair, read in weight order from the index, stopping at the limit
  UNWIND CASE WHEN $name IS NULL THEN [1] ELSE [] END AS everything
  MATCH (a)-[r:CO_MENTIONED]->(b)
  WHERE r.weight IS NOT NULL
  RETURN a, r, b
  UNION
  CALL {
    MATCH (x:Entity {id: $name}) RETURN x, 0 AS rank
    UNION
    MATCH (x:Entity) WHERE x._names CONTAINS '\n' + toLower($name) + '\n'
    RETURN x, CASE WHEN toLower(x.name) = toLower($name) THEN 1 ELSE 2 END AS rank
  }
  WITH x ORDER BY rank, x.mentions DESC, x.id
  LIMIT 1
  MATCH (x)-[r:CO_MENTIONED]-(:Entity)
  RETURN startNode(r) AS a, r, endNode(r) AS b
}
RETURN a.name AS entity_a, b.name AS entity_b, r.weight AS weight, r.articles AS articles,
       a.id AS id_a, b.id AS id_b
ORDER BY weight DESC, articles DESC, id_a, id_b
LIMIT $limit
