// new-entities: the entities first seen in a period (their first dated article lies in it).
//
// Columns: the entity, its label, `first_seen` / `last_seen` (Neo4j dates), and `mentions`
// in all articles. Uses the index on Entity.first_seen. Entities seen only in undated
// articles have no first_seen and are never listed.
//
// Parameters:
//   @param since            first day of the period (YYYY-MM-DD)
//   @param until = null     last day of the period (YYYY-MM-DD)
//   @param label = null     only this label: Person, Organization, Country or Place (any case)
//   @param limit = 50       at most this many entities
//
// Example:
//   graphbuild query new-entities -p since=2026-03-01 -p until=2026-03-31 -p label=Person
MATCH (n:Entity)
WHERE n.first_seen >= date($since) AND ($until IS NULL OR n.first_seen <= date($until))
  AND ($label IS NULL OR toLower($label) IN [l IN labels(n) | toLower(l)])
RETURN n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       n.first_seen AS first_seen, n.last_seen AS last_seen, n.mentions AS mentions
ORDER BY first_seen, mentions DESC, id
LIMIT $limit
