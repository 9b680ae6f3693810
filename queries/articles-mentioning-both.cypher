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
MATCH (a)<-[ma:MENTIONS]-(art:Article)-[mb:MENTIONS]->(b)
RETURN art.id AS article, art.title AS title, art.published AS published, art.source AS source,
       ma.count AS mentions_x, mb.count AS mentions_y
ORDER BY mentions_x + mentions_y DESC, article
LIMIT $limit
