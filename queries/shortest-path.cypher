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
MATCH (a:Entity)
WHERE a.id = $x OR toLower(a.name) = toLower($x)
   OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) = toLower($x))
WITH a ORDER BY CASE WHEN a.id = $x THEN 0 WHEN toLower(a.name) = toLower($x) THEN 1 ELSE 2 END,
                a.mentions DESC
LIMIT 1
MATCH (b:Entity)
WHERE b.id = $y OR toLower(b.name) = toLower($y)
   OR any(al IN coalesce(b.aliases, []) WHERE toLower(al) = toLower($y))
WITH a, b ORDER BY CASE WHEN b.id = $y THEN 0 WHEN toLower(b.name) = toLower($y) THEN 1 ELSE 2 END,
                   b.mentions DESC
LIMIT 1
WITH a, b WHERE a <> b
MATCH p = shortestPath((a)-[:CO_MENTIONED|SAID_ABOUT*..6]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS names,
       [r IN relationships(p) | type(r)] AS relations, [r IN relationships(p) | r.weight] AS weights,
       [n IN nodes(p) | n.id] AS ids
