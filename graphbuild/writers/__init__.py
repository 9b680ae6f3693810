"""Writers: a :class:`~graphbuild.graph.model.Graph` (or extractions) to files, one module
per format: :mod:`.graphml`, :mod:`.gexf`, :mod:`.csv`, :mod:`.html` (the explorer page),
:mod:`.jsonl` (``extractions.jsonl``), :mod:`.aliasfile` (review's draft alias file).
:mod:`.outdir` makes a build's output folder all-or-nothing (staged, locked, swapped in by
one rename); :mod:`.common` writes single files the same way. Neo4j is written by
:mod:`graphbuild.store`.
"""
