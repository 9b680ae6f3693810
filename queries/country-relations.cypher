// country-relations: how countries talk about each other (SAID_ABOUT between Country nodes).
//
// A Country speaks when the text attributes a statement to it ("Norway said ..."). One row
// per (speaker country, target country): statements, articles, cues. For what people and
// organizations say about countries, see country-coverage and said-about.
//
// Parameters:
//   @param country = null   only pairs with this country on either side (id, name, alias or ISO code)
//   @param limit = 50       at most this many pairs
//
// Example:
//   graphbuild query country-relations
//   graphbuild query country-relations --param country=FRA
CALL {
  UNWIND CASE WHEN $country IS NULL THEN [1] ELSE [] END AS every_pair
  MATCH (a:Country)-[r:SAID_ABOUT]->(b:Country)
  RETURN a, r, b
  UNION
  // countries are a bounded set (ISO 3166), so scanning them does not grow with the graph
  UNWIND CASE WHEN $country IS NULL THEN [] ELSE [1] END AS one_country
  MATCH (c:Country)
  WHERE c.id = $country OR c._names CONTAINS '\n' + toLower($country) + '\n'
     OR toLower(coalesce(c.iso, '')) = toLower($country)
  MATCH (c)-[r:SAID_ABOUT]-(:Country)
  RETURN startNode(r) AS a, r, endNode(r) AS b
}
RETURN a.name AS speaker, b.name AS about, r.count AS statements, r.articles AS articles,
       r.cues AS cues, a.id AS speaker_id, b.id AS about_id
ORDER BY statements DESC, speaker_id, about_id
LIMIT $limit
