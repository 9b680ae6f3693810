"""Store: the graph in Neo4j.

:mod:`.rows` builds plain rows from a :class:`~graphbuild.graph.model.Graph` (pure);
:mod:`.neo4j` executes them in batched ``UNWIND $rows`` transactions and reads the graph
back; :mod:`.cypher` holds every statement; :mod:`.queries` loads and runs the query
library in ``queries/``.
"""
