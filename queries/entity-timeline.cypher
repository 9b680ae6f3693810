// entity-timeline: how often an entity was mentioned per month (or week, day, year).
//
// One row per period with mentions: `mentions` counts them, `articles` the articles they
// are in, counted from the articles' publication dates (Neo4j dates). Weeks are ISO weeks;
// a period is named by its first day. Undated articles lie in no period (the entity's
// `undated` property counts their mentions). The entity is matched by id, name or alias
// (case-insensitive); if several match, the exact id, then the exact name, then the most
// mentioned.
//
// Parameters:
//   @param name             the entity (id, name or alias)
//   @param unit = "month"   month, week, day, quarter or year
//   @param since = null     only articles published on or after this day (YYYY-MM-DD)
//   @param until = null     only articles published on or before this day (YYYY-MM-DD)
//
// Example:
//   graphbuild query entity-timeline --param name="Jane Doe" --param unit=week
CALL {
  MATCH (x:Entity {id: $name}) RETURN x, 0 AS rank
  UNION
  MATCH (x:Entity) WHERE x._names CONTAINS '\n' + toLower($name) + '\n'
  RETURN x, CASE WHEN toLower(x.name) = toLower($name) THEN 1 ELSE 2 END AS rank
}
WITH x ORDER BY rank, x.mentions DESC, x.id
LIMIT 1
MATCH (art:Article)-[m:MENTIONS]->(x)
WHERE art.date IS NOT NULL
  AND ($since IS NULL OR art.date >= date($since)) AND ($until IS NULL OR art.date <= date($until))
WITH x, date.truncate($unit, art.date) AS period, sum(m.count) AS mentions, count(art) AS articles
RETURN x.name AS entity, period, mentions, articles
ORDER BY period
