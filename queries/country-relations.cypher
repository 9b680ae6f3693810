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
MATCH (a:Country)-[r:SAID_ABOUT]->(b:Country)
WHERE $country IS NULL
   OR any(c IN [a, b] WHERE c.id = $country OR toLower(c.name) = toLower($country)
          OR toLower(coalesce(c.iso, '')) = toLower($country)
          OR any(al IN coalesce(c.aliases, []) WHERE toLower(al) = toLower($country)))
RETURN a.name AS speaker, b.name AS about, r.count AS statements, r.articles AS articles,
       r.cues AS cues, a.id AS speaker_id, b.id AS about_id
ORDER BY statements DESC, speaker_id, about_id
LIMIT $limit
