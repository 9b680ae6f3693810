"""Entities: which spans are people, organizations and countries, and which are one entity.

Within an article (:mod:`.candidates`, :mod:`.mentions`, with :mod:`.names` and
:mod:`.countries`): takes a :class:`~graphbuild.graph.model.ParsedArticle`, gives
:class:`~graphbuild.graph.model.Mention` values with article-level keys and the aliases
the article defines. Across the corpus (:mod:`.resolve`, :mod:`.aliases`): takes every
article's mentions (and the type evidence of :mod:`.evidence`), gives a
:class:`~graphbuild.graph.model.Resolution` (key -> entity id, label, name). After a build,
:mod:`.review` takes the graph and ranks what most likely needs a human.
"""
