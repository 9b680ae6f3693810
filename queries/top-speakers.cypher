// top-speakers: speakers ranked by how many different entities they talk about.
//
// targets: distinct entities the speaker made statements about; statements: all of them.
//
// Parameters:
//   @param limit = 10     how many speakers
//   @param label = null   only speakers with this label: Person, Organization or Country (any case)
//
// Example:
//   graphbuild query top-speakers --param limit=20 --param label=person
MATCH (s:Entity)-[r:SAID_ABOUT]->(t:Entity)
WHERE $label IS NULL OR toLower($label) IN [l IN labels(s) | toLower(l)]
WITH s, count(DISTINCT t) AS targets, sum(r.count) AS statements
RETURN s.name AS speaker, [l IN labels(s) WHERE l <> 'Entity'][0] AS label, targets, statements, s.id AS id
ORDER BY targets DESC, statements DESC, id
LIMIT $limit
