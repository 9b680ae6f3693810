// entity-articles: the articles that mention an entity, most mentions first.
//
// The entity is matched by id, name or alias (case-insensitive); if several match, the
// exact id, then the exact name, then the most mentioned.
//
// Parameters:
//   @param name         the entity (id, name or alias)
//   @param limit = 50   at most this many articles
//
// Example:
//   graphbuild query entity-articles --param name="Jane Doe" --format csv
CALL {
  MATCH (x:Entity {id: $name}) RETURN x, 0 AS rank
  UNION
  MATCH (x:Entity) WHERE x._names CONTAINS '\n' + toLower($name) + '\n'
  RETURN x, CASE WHEN toLower(x.name) = toLower($name) THEN 1 ELSE 2 END AS rank
}
WITH x ORDER BY rank, x.mentions DESC, x.id
LIMIT 1
MATCH (art:Article)-[m:MENTIONS]->(x)
RETURN x.name AS entity, art.id AS article, art.title AS title, art.published AS published,
       art.source AS source, m.count AS mentions
ORDER BY mentions DESC, article
LIMIT $limit
