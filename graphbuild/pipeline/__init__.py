"""The pipeline: runs the stages in order over a corpus.

:mod:`.extract` is the per-article work (entities, then attribution) that worker
processes run; :mod:`.run` streams articles through extraction (here, in processes, or on
a Dask cluster via :mod:`.distributed`), resolves the corpus and relates it. Takes
:class:`~graphbuild.graph.model.Article` values and build options; gives the graph and
the final extractions.
"""
