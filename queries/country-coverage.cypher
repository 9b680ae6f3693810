// country-coverage: who talks about each country: speakers grouped by their label.
//
// For every Country that is the target of statements: how many persons, organizations and
// countries spoke about it, the statements in all, and its most frequent speakers.
//
// Parameters:
//   @param limit = 25   at most this many countries (most talked about first)
//   @param top = 5      how many speakers to name per country
//
// Example:
//   graphbuild query country-coverage --param limit=10
MATCH (s:Entity)-[r:SAID_ABOUT]->(c:Country)
WITH c, s, r ORDER BY r.count DESC, s.id
WITH c, collect(s.name)[..$top] AS top_speakers,
     count(CASE WHEN s:Person THEN 1 END) AS persons,
     count(CASE WHEN s:Organization THEN 1 END) AS organizations,
     count(CASE WHEN s:Country THEN 1 END) AS countries,
     count(s) AS speakers, sum(r.count) AS statements
RETURN c.name AS country, c.iso AS iso, speakers, persons, organizations, countries,
       statements, top_speakers, c.id AS id
ORDER BY statements DESC, speakers DESC, id
LIMIT $limit
