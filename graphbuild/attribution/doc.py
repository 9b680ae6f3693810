"""What every attribution pass shares: the article's indexes (:class:`QuoteDoc`), quote
segments (:class:`Segment`) and attributions before their speaker is resolved
(:class:`Candidate`). A leaf module, so the passes need not import each other's types."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from graphbuild.graph.model import SPEECH, Mention, ParsedArticle, Token
from graphbuild.lexicon import cues


class QuoteDoc:
    """Indexes every pass needs, built once per article."""

    def __init__(self, parsed: ParsedArticle, mentions: list[Mention]):
        self.text, self.toks, self.sents = parsed.article.text, parsed.tokens, parsed.sentences
        self.paras = parsed.paragraphs
        self.starts = [t.start for t in self.toks]
        self.para_starts = [s for s, _ in self.paras]
        self.kids: list[list[int]] = [[] for _ in self.toks]
        for t in self.toks:
            if t.head != t.i:
                self.kids[t.head].append(t.i)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.m_starts = [m.start for m in self.mentions]
        self.quoted = bytearray(len(self.toks))  # 1: the token is somebody's quoted words

    def tok_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def para_span(self, char: int) -> tuple[int, int]:
        return self.paras[self.para_of(char)]

    def subtree(self, i: int) -> tuple[int, int]:
        """First and last token of the subtree of ``i``."""
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(self.kids[j])
        return lo, hi

    def past_punct(self, lo: int, hi: int) -> int:
        """The first token from ``lo`` on that is no punctuation or space (``hi`` at most)."""
        while lo < hi and self.toks[lo].pos in ("PUNCT", "SPACE"):
            lo += 1
        return lo

    def by_agent(self, i: int) -> int | None:
        """The object of the "by" agent of passive verb ``i`` ("praised by X": X), or None."""
        agent = next((c for c in self.kids[i] if self.toks[c].dep == "agent"), None)
        if agent is None:
            return None
        return next((o for o in self.kids[agent] if self.toks[o].dep == "pobj"), None)

    def chars(self, lo: int, hi: int) -> tuple[int, int] | None:
        """Char span of tokens lo..hi without punctuation or a conjunction at the edges."""
        toks = self.toks
        while lo <= hi and (toks[lo].pos in ("PUNCT", "SPACE") or toks[lo].dep == "cc"):
            lo += 1
        while hi >= lo and (toks[hi].pos in ("PUNCT", "SPACE") or toks[hi].dep == "cc"):
            hi -= 1
        return (toks[lo].start, toks[hi].end) if lo <= hi else None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        lo, hi = max(0, bisect_left(self.m_starts, start) - 2), bisect_left(self.m_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start]

    def mark_quoted(self, start: int, end: int) -> None:
        for i in range(self.tok_at(start), self.tok_at(end)):
            self.quoted[i] = 1


@dataclass(slots=True)
class Segment:
    """Inner text (marks excluded) of one quote segment in paragraph ``para``."""

    start: int
    end: int
    para: int
    open_mark: int
    closed: bool  # False: still open at the paragraph's end


@dataclass(slots=True)
class Candidate:
    """An attribution before its speaker is resolved: token indexes, char content spans."""

    subj: int  # head token of the speaker phrase (-1: not found yet)
    cue: tuple[int, int]  # first and last token of the cue
    content: list[tuple[int, int]]
    direct: bool
    segs: list[Segment] = field(default_factory=list)
    label: tuple[int, int] | None = None  # char span of a "NAME:" speaker
    kind: str = SPEECH  # speech, attitude or evidence (graphbuild.graph.model.KINDS)


def cue_lemma(t: Token) -> str:
    """The token's lemma, lowercased, with the lemmatizer's slips on cue words mended."""
    lemma = t.lemma.lower()
    return cues.LEMMA_FIXES.get(lemma, lemma)
