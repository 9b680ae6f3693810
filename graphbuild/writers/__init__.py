"""Writers: a :class:`~graphbuild.graph.model.Graph` (or extractions) to files, one module
per format: :mod:`.graphml`, :mod:`.html` (pyvis), :mod:`.jsonl` (``extractions.jsonl``).
Neo4j is written by :mod:`graphbuild.store`.
"""
