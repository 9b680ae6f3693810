// shortest-path: how two entities are connected: the shortest chain of relations.
//
// Follows CO_MENTIONED and SAID_ABOUT in either direction, up to 6 hops. Returns the names
// along the path, the relation types and their weights. Each entity is matched by id, name
// or alias (case-insensitive); if several match, the exact id, then the exact name, then
// the most mentioned. No row when they are not connected (or one is unknown).
//
// Parameters:
//   @param x   one entity (id, name or alias)
//   @param y   the other entity (id, name or alias)
//
// Example:
//   graphbuild query shortest-path --param x="Jane Doe" --param y=France
CALL {
  MATCH (a:Entity {id: $x}) RETURN a, 0 AS rank
  UNION
  MATCH (a:Entity) WHERE a._names CONTAINS '\n' + toLower($x) + '\n'
  RETURN a, CASE WHEN toLower(a.name) = toLower($x) THEN 1 ELSE 2 END AS rank
}
WITH a ORDER BY rank, a.mentions DESC, a.id
LIMIT 1
CALL {
  MATCH (b:Entity {id: $y}) RETURN b, 0 AS rank
  UNION
  MATCH (b:Entity) WHERE b._names CONTAINS '\n' + toLower($y) + '\n'
  RETURN b, CASE WHEN toLower(b.name) = toLower($y) THEN 1 ELSE 2 END AS rank
}
WITH a, b ORDER BY rank, b.mentions DESC, b.id
LIMIT 1
WITH a, b WHERE a <> b
MATCH p = shortestPath((a)-[:CO_MENTIONED|SAID_ABOUT*..6]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS names,
       [r IN relationships(p) | type(r)] AS relations, [r IN relationships(p) | r.weight] AS weights,
       [n IN nodes(p) | n.id] AS ids
