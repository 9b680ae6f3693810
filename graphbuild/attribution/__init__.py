"""Attribution: who said what, from direct quotes and reported speech.

Takes a :class:`~graphbuild.graph.model.ParsedArticle` and its mentions; gives
:class:`~graphbuild.graph.model.Quote` values (speaker span and key, cue, content spans,
direct or not). :mod:`.direct` pairs quote marks with their attribution, :mod:`.quotes`
finds reported speech, :mod:`.speakers` resolves who the speaker is. The cue words live in
:mod:`graphbuild.lexicon`.
"""
