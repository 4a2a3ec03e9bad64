"""An inverted index over a pack's items, scored BM25F-style.

Each item is indexed by the stems of its title, passage, hints, tags, roles, glossary term and
aliases, and heading, each field weighted by how much it says about the item. Postings are compact
arrays (doc ids, saturated weights), so a library of 100,000 items stays small and a question only
touches the postings of its own words.
"""

from __future__ import annotations

import heapq
import math
from array import array
from bisect import bisect_left
from collections import defaultdict

from learnbot.core.matching.text import stem, words
from learnbot.core.model import Item

#: How much a word in each field says about the item.
FIELD_WEIGHTS = {
    "term": 3.0,
    "title": 2.0,
    "hints": 1.4,
    "tags": 1.5,
    "roles": 1.0,
    "text": 1.0,
    "section": 0.5,
}
K1 = 1.2
B = 0.5


Posting = tuple[array, array]
"""The items a stem occurs in (sorted ids), and how strongly (BM25-saturated, field-weighted).
Plain tuples of arrays: a cached index of thousands of them unpickles in a blink."""


def _posting_weight(posting: Posting, doc: int) -> float:
    docs, weights = posting
    i = bisect_left(docs, doc)
    if i < len(docs) and docs[i] == doc:
        return weights[i]
    return 0.0


def item_fields(item: Item) -> dict[str, str]:
    """The text of each indexed field of ``item``."""
    return {
        "term": " ".join([item.term, *item.aliases]) if item.term else "",
        "title": item.title,
        "hints": "\n".join(item.hints),
        "tags": " ".join(item.tags),
        "roles": " ".join(item.roles),
        "text": item.text,
        "section": item.section,
    }


class Index:
    """BM25F over items; ``stopwords`` are left out of the index."""

    def __init__(self, items: list[Item] | tuple[Item, ...], stopwords: frozenset[str]):
        self.items = tuple(items)
        self.size = len(self.items)
        tfs: list[dict[str, float]] = []
        lengths: list[float] = []
        self.surface_words: set[str] = set()
        for item in self.items:
            tf: dict[str, float] = defaultdict(float)
            length = 0.0
            for name, text in item_fields(item).items():
                if not text:
                    continue
                weight = FIELD_WEIGHTS[name]
                for word in words(text):
                    self.surface_words.add(word)
                    s = stem(word)
                    if s in stopwords:
                        continue
                    tf[s] += weight
                    length += weight
            tfs.append(tf)
            lengths.append(length)
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        grouped: dict[str, tuple[array, array]] = {}
        for doc, (tf, length) in enumerate(zip(tfs, lengths)):
            norm = K1 * (1 - B + B * length / average)
            for s, w in tf.items():
                if s not in grouped:
                    grouped[s] = (array("i"), array("f"))
                docs, weights = grouped[s]
                docs.append(doc)
                weights.append(w * (K1 + 1) / (w + norm))
        self.postings: dict[str, Posting] = grouped
        self.idf: dict[str, float] = {
            s: math.log(1 + (self.size - len(p[0]) + 0.5) / (len(p[0]) + 0.5))
            for s, p in self.postings.items()
        }
        self.unknown_idf = math.log(1 + (self.size + 0.5) / 0.5)
        """The idf a stem would have if no item held it."""

    def __contains__(self, stem: str) -> bool:
        return stem in self.postings

    def df(self, stem: str) -> int:
        """How many items hold ``stem``."""
        posting = self.postings.get(stem)
        return len(posting[0]) if posting else 0

    def weight(self, stem: str, doc: int) -> float:
        """``stem``'s saturated weight in item ``doc`` (0.0 if absent)."""
        posting = self.postings.get(stem)
        return _posting_weight(posting, doc) if posting else 0.0

    def candidates(self, stems_: list[str], limit: int, max_df_share: float = 0.05) -> list[int]:
        """Items worth scoring: those holding the question's rarer stems, best first.

        Very common stems are skipped here (they are still scored for the candidates), which keeps
        a question fast however large the library.
        """
        scores: dict[int, float] = defaultdict(float)
        cap = max(50, int(self.size * max_df_share))
        usable = [s for s in set(stems_) if s in self.postings]
        rare = [s for s in usable if len(self.postings[s][0]) <= cap]
        if not rare and usable:
            rare = sorted(usable, key=self.df)[:2]
        for s in rare:
            docs, weights = self.postings[s]
            idf = self.idf[s]
            for doc, w in zip(docs, weights):
                scores[doc] += idf * w
        if len(scores) <= limit:
            return list(scores)
        return heapq.nlargest(limit, scores, key=scores.__getitem__)
