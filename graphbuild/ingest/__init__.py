"""Ingest: the user's inputs (files, folders, standard input) become articles.

Takes paths (or ``-``); gives :class:`~graphbuild.graph.model.Article` values in input
order, and a :class:`~graphbuild.graph.model.Problem` for every item that was skipped or
read with a warning, and for every file of a folder that was not read. Bad input never
stops the run. :mod:`.sources` walks and dispatches to one reader per format:
:mod:`.text` (plain text, JSONL), :mod:`.html` (saved pages), :mod:`.tables` (CSV/TSV),
:mod:`.warc` (web archives), :mod:`.feeds` (RSS/Atom); :mod:`.options` says how.
"""
