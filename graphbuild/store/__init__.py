"""Store: the graph in Neo4j.

Takes a :class:`~graphbuild.graph.model.Graph` and the articles' extractions; gives the
graph back (whole, or only a focus neighbourhood) and query results. :mod:`.rows` builds
plain rows (pure); :mod:`.neo4j` executes them in batched ``UNWIND $rows`` transactions and
reads the graph back; :mod:`.cypher` holds every statement; :mod:`.settings` records the
settings a stored graph was built with; :mod:`.lock` serialises writers (a lease);
:mod:`.queries` loads the query library in ``queries/`` and :mod:`.readonly` checks that a
read-only query really only reads.
"""
