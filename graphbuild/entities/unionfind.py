"""Disjoint sets of keys, used at the article level (:mod:`mentions`) and the corpus level
(:mod:`resolve`)."""

from __future__ import annotations

__all__ = ["UnionFind"]


class UnionFind:
    """Disjoint sets of keys; shared by the article level (one person's spellings) and the
    corpus level (aliases, short forms)."""

    def __init__(self) -> None:
        self.up: dict[str, str] = {}

    def find(self, k: str) -> str:
        """The root key of ``k``'s set."""
        up = self.up
        root = k
        while up.get(root, root) != root:
            root = up[root]
        while k != root:  # path compression keeps later finds O(1)
            up[k], k = root, up.get(k, k)
        return root

    def union(self, a: str, b: str) -> None:
        """Merge the sets of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep country keys as roots, then the lexically smaller: deterministic.
            if rb.startswith("country:") or (not ra.startswith("country:") and rb < ra):
                ra, rb = rb, ra
            self.up[rb] = ra
