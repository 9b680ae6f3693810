// find-entity: find entities by any of their names (the canonical name or an alias).
//
// Case-insensitive. Exact matches of the id, name or an alias come first, then entities
// whose name or an alias contains the text; most mentioned first within each group.
// Use the id it returns to address one entity exactly in the other queries.
//
// Parameters:
//   @param name         the text to look for
//   @param limit = 20   at most this many entities
//
// Example:
//   graphbuild query find-entity --param name=doe
CALL {
  MATCH (e:Entity {id: $name}) RETURN e
  UNION
  MATCH (e:Entity) WHERE e._names CONTAINS toLower($name) RETURN e
}
WITH e, CASE WHEN e.id = $name OR e._names CONTAINS '\n' + toLower($name) + '\n' THEN 'exact' ELSE 'partial' END AS matched
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, matched,
       e.mentions AS mentions, e.articles AS articles, e.aliases AS aliases
ORDER BY matched, mentions DESC, id
LIMIT $limit
