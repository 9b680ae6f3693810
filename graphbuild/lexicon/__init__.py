"""Lexicon: the general English word lists the stages use (no names from any corpus).

Data only, no behaviour: speech cues, titles and honorifics, role nouns, organization
words, pronouns. Entities and attribution read from here.
"""
