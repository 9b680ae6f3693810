"""Every Cypher statement the Neo4j writer runs, as named constants, always parameterised.

Labels and relationship types cannot be parameters in Cypher 5 without APOC, so each label /
type has its own constant, chosen from a fixed table, never formatted from user data.
"""

# Lookups by name go through ``_names``: the lower-cased name and aliases, each between
# line breaks ("\nname\nalias\n"), in a TEXT index, which answers CONTAINS from the index:
# an exact name or alias is ``CONTAINS '\n' + toLower($name) + '\n'``, a partial one
# ``CONTAINS toLower($name)``. Neo4j indexes no list elements, hence one string. It is
# computed by Cypher's own toLower, so it lower-cases exactly as the queries do.
NAMES_KEY = "'\\n' + reduce(s = toLower(n.name), al IN coalesce(n.aliases, []) | s + '\\n' + toLower(al)) + '\\n'"

CONSTRAINTS = (
    "CREATE CONSTRAINT graphbuild_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT graphbuild_article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
    # the time queries and period cuts filter on these dates
    "CREATE INDEX graphbuild_article_date IF NOT EXISTS FOR (a:Article) ON (a.date)",
    "CREATE INDEX graphbuild_entity_first_seen IF NOT EXISTS FOR (n:Entity) ON (n.first_seen)",
    "CREATE INDEX graphbuild_entity_last_seen IF NOT EXISTS FOR (n:Entity) ON (n.last_seen)",
    "CREATE TEXT INDEX graphbuild_entity_names IF NOT EXISTS FOR (n:Entity) ON (n._names)",
    # top-entities reads entities in mentions order and stops at its limit
    "CREATE RANGE INDEX graphbuild_entity_mentions IF NOT EXISTS FOR (n:Entity) ON (n.mentions)",
    # strongest-co-mentions without a name reads pairs in weight order and stops at its limit
    "CREATE RANGE INDEX graphbuild_co_mentioned_weight IF NOT EXISTS FOR ()-[r:CO_MENTIONED]-() ON (r.weight)",
)

# Entities written by a version without lookup keys get them (once; afterwards nothing
# matches). The label scan runs when a store is opened for writing, not per query.
BACKFILL_NAMES = f"MATCH (n:Entity) WHERE n._names IS NULL SET n._names = {NAMES_KEY}"

ARTICLE_HASHES = "MATCH (a:Article) RETURN a.id AS id, a._hash AS hash"

PUT_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a = row.props, a.id = row.id, a._extraction = row.extraction, a._hash = row.hash
"""

DELETE_ARTICLES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
DETACH DELETE a
RETURN count(*) AS deleted
"""

ARTICLE_EXTRACTIONS = "MATCH (a:Article) RETURN a._extraction AS x ORDER BY a.id"

# the articles published in a period (either bound may be null; undated ones lie in none)
PERIOD_EXTRACTIONS = """
MATCH (a:Article)
WHERE a.date IS NOT NULL
  AND ($since IS NULL OR a.date >= date($since)) AND ($until IS NULL OR a.date <= date($until))
RETURN a._extraction AS x ORDER BY a.id
"""

ENTITY_HASHES = "MATCH (n:Entity) RETURN n.id AS id, n._hash AS hash"

MERGE_ENTITIES = {
    label: f"""
UNWIND $rows AS row
MERGE (n:Entity {{id: row.id}})
REMOVE n:Person:Organization:Country:Place
SET n = row.props, n.id = row.id, n._hash = row.hash, n:{label}
SET n._names = {NAMES_KEY}
"""
    for label in ("Person", "Organization", "Country", "Place")
}

DELETE_ENTITIES = """
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
"""

REL_HASHES = {
    "CO_MENTIONED": "MATCH (a:Entity)-[r:CO_MENTIONED]->(b:Entity) RETURN a.id AS src, b.id AS dst, r._hash AS hash",
    "SAID_ABOUT": "MATCH (a:Entity)-[r:SAID_ABOUT]->(b:Entity) RETURN a.id AS src, b.id AS dst, r._hash AS hash",
    "MENTIONS": "MATCH (a:Article)-[r:MENTIONS]->(b:Entity) RETURN a.id AS src, b.id AS dst, r._hash AS hash",
}

MERGE_RELS = {
    "CO_MENTIONED": """
UNWIND $rows AS row
MATCH (a:Entity {id: row.src}), (b:Entity {id: row.dst})
MERGE (a)-[r:CO_MENTIONED]->(b)
SET r = row.props, r._hash = row.hash
""",
    "SAID_ABOUT": """
UNWIND $rows AS row
MATCH (a:Entity {id: row.src}), (b:Entity {id: row.dst})
MERGE (a)-[r:SAID_ABOUT]->(b)
SET r = row.props, r._hash = row.hash
""",
    "MENTIONS": """
UNWIND $rows AS row
MATCH (a:Article {id: row.src}), (b:Entity {id: row.dst})
MERGE (a)-[r:MENTIONS]->(b)
SET r = row.props, r._hash = row.hash
""",
}

DELETE_RELS = {
    "CO_MENTIONED": "UNWIND $rows AS row MATCH (:Entity {id: row.src})-[r:CO_MENTIONED]->(:Entity {id: row.dst}) DELETE r",
    "SAID_ABOUT": "UNWIND $rows AS row MATCH (:Entity {id: row.src})-[r:SAID_ABOUT]->(:Entity {id: row.dst}) DELETE r",
    "MENTIONS": "UNWIND $rows AS row MATCH (:Article {id: row.src})-[r:MENTIONS]->(:Entity {id: row.dst}) DELETE r",
}

READ_ENTITIES = """
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
"""

READ_ARTICLES = """
MATCH (a:Article)
RETURN a.id AS id, a {.title, .url, .published, .source} AS props
"""

READ_RELS = """
MATCH (a)-[r:CO_MENTIONED|SAID_ABOUT|MENTIONS]->(b:Entity)
RETURN type(r) AS type, a.id AS src, b.id AS dst, properties(r) AS props
"""

COUNTS = """
RETURN COUNT { MATCH (n:Entity) } AS entities, COUNT { MATCH (a:Article) } AS articles,
       COUNT { MATCH ()-[r:CO_MENTIONED|SAID_ABOUT|MENTIONS]->() } AS relationships
"""

# --- the store's own bookkeeping: recorded build settings and the writer lock -------------

META_CONSTRAINTS = (
    "CREATE CONSTRAINT graphbuild_settings_id IF NOT EXISTS FOR (s:GraphbuildSettings) REQUIRE s.id IS UNIQUE",
    "CREATE CONSTRAINT graphbuild_lock_name IF NOT EXISTS FOR (l:GraphbuildLock) REQUIRE l.name IS UNIQUE",
)

READ_SETTINGS = "MATCH (s:GraphbuildSettings {id: 'graph'}) RETURN properties(s) AS props"

WRITE_SETTINGS = """
MERGE (s:GraphbuildSettings {id: 'graph'})
SET s = $props, s.id = 'graph'
"""

# Setting a property first takes the node's write lock, so a second taker waits here and
# then reads the first one's committed owner: never two owners at once.
LOCK_CLAIM = "MERGE (l:GraphbuildLock {name: $name}) SET l._claim = $owner"

LOCK_TAKE = """
MATCH (l:GraphbuildLock {name: $name})
WITH l, (l.owner IS NULL OR l.owner = $owner OR l.expires < timestamp()) AS free
SET l.owner = CASE WHEN free THEN $owner ELSE l.owner END,
    l.holder = CASE WHEN free THEN $holder ELSE l.holder END,
    l.expires = CASE WHEN free THEN timestamp() + $lease_ms ELSE l.expires END
REMOVE l._claim
RETURN free, l.holder AS holder, l.expires - timestamp() AS left_ms
"""

LOCK_RENEW = """
MATCH (l:GraphbuildLock {name: $name, owner: $owner})
SET l.expires = timestamp() + $lease_ms
RETURN count(l) AS held
"""

LOCK_RELEASE = """
MATCH (l:GraphbuildLock {name: $name, owner: $owner})
REMOVE l.owner, l.holder, l.expires
"""

ARTICLE_SOURCES = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.source AS source"


# --- a focus neighbourhood, read without reading the rest of the graph ------------------

FOCUS_CANDIDATES = """
CALL {
  MATCH (n:Entity {id: $focus}) RETURN n
  UNION
  MATCH (n:Entity {id: toLower($key)}) RETURN n
  UNION
  MATCH (n:Entity) WHERE n._names CONTAINS '\\n' + toLower($key) + '\\n' RETURN n
}
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.aliases AS aliases
"""

ENTITY_NAMES = """
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.aliases AS aliases
"""

NEIGHBOURS = """
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:CO_MENTIONED|SAID_ABOUT]-(b:Entity)
WHERE r.weight >= $min_weight
RETURN DISTINCT b.id AS id
"""

ENTITIES_BY_ID = """
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
"""

RELS_AMONG = """
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:CO_MENTIONED|SAID_ABOUT]->(b:Entity)
WHERE b.id IN $ids
RETURN type(r) AS type, a.id AS src, b.id AS dst, properties(r) AS props
"""

MENTIONS_OF = """
UNWIND $ids AS id
MATCH (a:Article)-[r:MENTIONS]->(b:Entity {id: id})
RETURN a.id AS src, b.id AS dst, properties(r) AS props, a {.title, .url, .published, .source} AS article
"""


# --- what incremental adds and removes keep (see store.aggregates) ----------------------

STATE_CONSTRAINTS = (
    "CREATE CONSTRAINT graphbuild_state_id IF NOT EXISTS FOR (s:GraphbuildState) REQUIRE s.id IS UNIQUE",
    "CREATE CONSTRAINT graphbuild_key_key IF NOT EXISTS FOR (k:GraphbuildKey) REQUIRE k.key IS UNIQUE",
    "CREATE CONSTRAINT graphbuild_vote_id IF NOT EXISTS FOR (v:GraphbuildVote) REQUIRE v.id IS UNIQUE",
)

READ_STATE = "MATCH (s:GraphbuildState {id: 'state'}) RETURN properties(s) AS props"

WRITE_STATE = """
MERGE (s:GraphbuildState {id: 'state'})
SET s = $props, s.id = 'state'
"""

READ_KEYS = "MATCH (k:GraphbuildKey) RETURN k.key AS key, k.stats AS stats"

WRITE_KEYS = "UNWIND $rows AS row MERGE (k:GraphbuildKey {key: row.key}) SET k.stats = row.stats"

DELETE_KEYS = "UNWIND $ids AS key MATCH (k:GraphbuildKey {key: key}) DELETE k"

# in bounded transactions: called until it deletes nothing
DELETE_SOME_KEYS = "MATCH (k:GraphbuildKey) WITH k LIMIT 10000 DELETE k RETURN count(*) AS n"

READ_VOTES = "MATCH (v:GraphbuildVote) RETURN v.id AS id, v.votes AS votes"

WRITE_VOTES = "UNWIND $rows AS row MERGE (v:GraphbuildVote {id: row.id}) SET v.votes = row.votes"

DELETE_VOTES = "UNWIND $ids AS id MATCH (v:GraphbuildVote {id: id}) DELETE v"

DELETE_SOME_VOTES = "MATCH (v:GraphbuildVote) WITH v LIMIT 10000 DELETE v RETURN count(*) AS n"

ARTICLE_HASHES_OF = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a._hash AS hash"

EXTRACTIONS_OF = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a._extraction AS x"

ARTICLES_MENTIONING = """
UNWIND $ids AS id
MATCH (a:Article)-[:MENTIONS]->(:Entity {id: id})
RETURN DISTINCT a.id AS id
"""

ARTICLES_MENTIONING_BOTH = """
MATCH (a:Article)-[:MENTIONS]->(:Entity {id: $src})
WHERE EXISTS { MATCH (a)-[:MENTIONS]->(:Entity {id: $dst}) }
RETURN a.id AS id
"""

ENTITY_AGGS = "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, n._agg AS agg"

REL_AGGS = {
    t: f"""
UNWIND $rows AS row
MATCH (:Entity {{id: row.src}})-[r:{t}]->(:Entity {{id: row.dst}})
RETURN row.src AS src, row.dst AS dst, r._agg AS agg
"""
    for t in ("CO_MENTIONED", "SAID_ABOUT")
}

DELETE_ARTICLE_MENTIONS = "UNWIND $ids AS id MATCH (:Article {id: id})-[r:MENTIONS]->() DELETE r"

WRITE_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.src}), (b:Entity {id: row.dst})
MERGE (a)-[r:MENTIONS]->(b)
SET r = row.props, r._hash = row.hash
"""
