"""Attribution: who said what, from direct quotes and reported speech.

Takes a :class:`~graphbuild.graph.model.ParsedArticle` and its mentions; gives
:class:`~graphbuild.graph.model.Quote` values (speaker span and key, cue, content spans,
direct or not, kind: speech, attitude or evidence). :mod:`.direct` pairs quote marks with
their attribution, :mod:`.quotes` finds reported speech (what a cue reports: :mod:`.complements`; whether
it states anything: :mod:`.gates`; cue verbs the tagger read as nouns: :mod:`.retag`),
:mod:`.inverted` frames after a quote that the parser lost, :mod:`.frames` the attributions
without a cue verb ("X is critical of Y", "X is a critic of Y"), :mod:`.labels` headline
labels ("Name: ..."), :mod:`.asides` "as X said" asides, :mod:`.light` light-verb cues
("made it clear that ...") and documents put out ("released a statement saying ..."),
:mod:`.passives` passive questions ("asked by X whether ..."), :mod:`.nouns` cue nouns
with a holder ("X's claim that ...", "X's attack on Y"),
:mod:`.speakers` resolves who the speaker is, :mod:`.kinds` says what kind of statement it
is. The cue words live in :mod:`graphbuild.lexicon`.
"""
