// rising-pairs: the co-mention pairs whose weight rose most from one period to another.
//
// `before` and `after` are the pair's co-mentions in each period, from the CO_MENTIONED
// edge's counts per month (`months`, `month_counts`): periods are whole months, so a month
// counts when it overlaps the period. Only pairs that rose are listed; `rise` is
// after - before. For counts by exact day, export the two periods
// (graphbuild export graphml OUT --since ... --until ...) and compare their weights.
//
// Parameters:
//   @param before_since    first day of the earlier period (YYYY-MM-DD)
//   @param before_until    last day of the earlier period
//   @param after_since     first day of the later period
//   @param after_until     last day of the later period
//   @param limit = 10      how many pairs to return
//
// Example:
//   graphbuild query rising-pairs -p before_since=2026-01-01 -p before_until=2026-01-31 -p after_since=2026-02-01 -p after_until=2026-02-28
MATCH (a:Entity)-[r:CO_MENTIONED]->(b:Entity)
WHERE r.months IS NOT NULL
WITH a, b, r, [i IN range(0, size(r.months) - 1) | [r.months[i], r.month_counts[i]]] AS buckets
WITH a, b, r,
     reduce(s = 0, x IN buckets | s + CASE
       WHEN x[0] >= date.truncate('month', date($before_since)) AND x[0] <= date($before_until) THEN x[1]
       ELSE 0 END) AS before,
     reduce(s = 0, x IN buckets | s + CASE
       WHEN x[0] >= date.truncate('month', date($after_since)) AND x[0] <= date($after_until) THEN x[1]
       ELSE 0 END) AS after
WHERE after > before
RETURN a.name AS entity_a, b.name AS entity_b, before, after, after - before AS rise,
       a.id AS id_a, b.id AS id_b
ORDER BY rise DESC, after DESC, id_a, id_b
LIMIT $limit
