// articles-mentioning-both: the articles that mention both of two entities.
//
// One row per article with how often each entity is mentioned in it; most mentions first.
// Each entity is matched by id, name or alias (case-insensitive); if several match, the
// exact id, then the exact name, then the most mentioned.
//
// Parameters:
//   @param x             one entity (id, name or alias)
//   @param y             the other entity (id, name or alias)
//   @param limit = 50    at most this many articles
//
// Example:
//   graphbuild query articles-mentioning-both --param x="Jane Doe" --param y=France
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
MATCH (a)<-[ma:MENTIONS]-(art:Article)-[mb:MENTIONS]->(b)
RETURN art.id AS article, art.title AS title, art.published AS published, art.source AS source,
       ma.count AS mentions_x, mb.count AS mentions_y
ORDER BY mentions_x + mentions_y DESC, article
LIMIT $limit
