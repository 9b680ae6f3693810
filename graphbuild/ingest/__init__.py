"""Ingest: the user's inputs (files, folders, JSONL, standard input) become articles.

Takes paths (or ``-``); gives :class:`~graphbuild.graph.model.Article` values in input
order, and a :class:`~graphbuild.graph.model.Problem` for every item that was skipped or
read with a warning. Bad input never stops the run.
"""
