// top-entities: the most mentioned entities, optionally only those of one label.
//
// Columns: id, name, label, mentions (mentions in all articles), articles (articles that
// mention it), aliases (surface forms seen in the text).
//
// Parameters:
//   @param limit = 10     how many entities to return
//   @param label = null   only this label: Person, Organization, Country or Place (any case)
//
// Example:
//   graphbuild query top-entities --param limit=20 --param label=Person
MATCH (e:Entity)
WHERE e.mentions IS NOT NULL  // read in mentions order from the index, stopping at the limit
  AND ($label IS NULL OR toLower($label) IN [l IN labels(e) | toLower(l)])
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label,
       e.mentions AS mentions, e.articles AS articles, e.aliases AS aliases
ORDER BY mentions DESC, articles DESC, id
LIMIT $limit
