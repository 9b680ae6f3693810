// ego-network: the direct neighbours of an entity and how strongly each is tied to it.
//
// One row per neighbour: co_mentions (weight of the CO_MENTIONED edge, either direction),
// said_about_it (statements the neighbour made about the entity), it_said_about (statements
// the entity made about the neighbour), and total, the sum, which orders the rows.
// The entity is matched by id, name or alias (case-insensitive); if several match, the
// exact id, then the exact name, then the most mentioned.
//
// Parameters:
//   @param name         the entity (id, name or alias)
//   @param limit = 25   at most this many neighbours
//
// Example:
//   graphbuild query ego-network --param name="Jane Doe" --param limit=50
CALL {
  MATCH (x:Entity {id: $name}) RETURN x, 0 AS rank
  UNION
  MATCH (x:Entity) WHERE x._names CONTAINS '\n' + toLower($name) + '\n'
  RETURN x, CASE WHEN toLower(x.name) = toLower($name) THEN 1 ELSE 2 END AS rank
}
WITH x ORDER BY rank, x.mentions DESC, x.id
LIMIT 1
MATCH (x)-[r:CO_MENTIONED|SAID_ABOUT]-(n:Entity)
WHERE n <> x
WITH x, n,
     sum(CASE WHEN type(r) = 'CO_MENTIONED' THEN r.weight ELSE 0 END) AS co_mentions,
     sum(CASE WHEN type(r) = 'SAID_ABOUT' AND startNode(r) = n THEN r.weight ELSE 0 END) AS said_about_it,
     sum(CASE WHEN type(r) = 'SAID_ABOUT' AND startNode(r) = x THEN r.weight ELSE 0 END) AS it_said_about
RETURN x.name AS entity, n.name AS neighbour, [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       co_mentions, said_about_it, it_said_about,
       co_mentions + said_about_it + it_said_about AS total, n.id AS id
ORDER BY total DESC, id
LIMIT $limit
