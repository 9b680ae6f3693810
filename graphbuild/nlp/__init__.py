"""NLP: the only stage that imports spaCy.

Takes :class:`~graphbuild.graph.model.Article` values; blanks page furniture
(:mod:`.furniture`), parses with a spaCy pipeline (:mod:`.parser`), and gives
:class:`~graphbuild.graph.model.ParsedArticle` values: tokens, sentences, NER spans and
paragraphs copied out of spaCy as plain dataclasses, offsets into the text as read.
"""
