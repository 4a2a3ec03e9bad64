"""Match a practitioner's question, in their own words, to the briefing's passages.

How a question is read:

1. its words are normalised, chat-speak expanded, and words the pack does not know are corrected
   to the nearest word it does ("fathrs" -> "fathers") when they are close enough;
2. function words are dropped; words that only frame a question ("tell me", "what does it say")
   are set aside; the rest become *slots*, each standing for its own stem plus whatever the pack's
   synonyms and glossary say it also means ("kids" -> "children", "EHA" -> "early help assessment");
3. numbered references ("rec 4", "learning point 2", "recs 1 and 2") go straight to those items.

How passages are ranked: BM25F over the candidates that share the question's rarer words, blended
with *coverage* (how much of the question, weighted by rarity, a passage accounts for) and with
the best of the passage's hints (learnbot's own phrasings of what it answers).

How learnbot decides it has an answer: the best passage must cover enough of the question. Words
the pack has never seen ("laptop", "funding", "chairs") weigh heavily against coverage, so a
question that reuses a few of the briefing's words to ask something it never says is declined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from learnbot.core.matching.english import ENGLISH, NUMBER_WORDS
from learnbot.core.matching.index import Index
from learnbot.core.matching.knowledge import Knowledge, compile_knowledge
from learnbot.core.matching.text import stem, stems, words
from learnbot.core.model import Item, Pack

MAX_WORDS = 80
"""Only the first this-many words of a very long question are read."""

SYNONYM_FACTOR = 0.9
"""How much a synonym or abbreviation counts, against the word itself."""
CORRECTED_FACTOR = 0.75
"""How much a spelling-corrected word counts (it may have been corrected wrongly)."""
GENERIC_WEIGHT = 0.35
"""How much a generic word weighs in coverage, against a topic word of the same rarity."""

ANSWER_THRESHOLD = 0.5
"""Least coverage of the question for a confident answer."""
STRONG_THRESHOLD = 0.72
"""Coverage from which an answer is called strong rather than partial."""

_NUMBERED_KINDS = [
    (re.compile(r"^(rec|recs|recomm?end?ations?|recc?omm?end?ations?|recommend|r)$"), "recommendation"),
    (re.compile(r"^(lp|lps)$"), "learning_point"),
    (re.compile(r"^(findings?|kf|kfs)$"), "finding"),
]
_LEARNING = re.compile(r"^(learning|learnings)$")
_POINT = re.compile(r"^(points?|pt|pts)$")
_DEFINITIONAL = re.compile(
    r"^\s*(what|wat|wot|whats|what's)\s+(is|are|r|does|do|'?s)\b|\bmean(s|ing)?\b|\bstands?\s+for\b|"
    r"\bdefin(e|ition)\b|\babbreviation\b|\bacronym\b|\bshort\s+for\b"
)


@dataclass
class Slot:
    """One meaningful word (or phrase position) of a question."""

    word: str
    stem: str
    alternatives: list[tuple[tuple[str, ...], float]]
    """Stem phrases this slot stands for, each with how much it counts."""
    weight: float = 0.0
    """How much the slot matters for coverage."""
    generic: bool = False
    known: bool = True
    """Whether the pack knows the word (directly, as corrected, or through its knowledge)."""
    corrected_from: str = ""


@dataclass
class Query:
    """A question, read."""

    text: str
    slots: list[Slot] = field(default_factory=list)
    numbers: list[tuple[str, int]] = field(default_factory=list)
    """Numbered references: (kind, number)."""
    definitional: bool = False
    """Asks what a term means or stands for."""
    out_of_scope: list[str] = field(default_factory=list)
    """Phrases of topics the pack lists as not covered."""
    words: list[str] = field(default_factory=list)

    @property
    def stems(self) -> list[str]:
        """Every stem the question stands for, alternatives included."""
        return [s for slot in self.slots for phrase, _ in slot.alternatives for s in phrase]

    @property
    def total_weight(self) -> float:
        return sum(slot.weight for slot in self.slots)


@dataclass(frozen=True)
class Scored:
    """One item's standing for a question."""

    item: Item
    score: float
    """Ranking score, 0-100."""
    coverage: float
    """Share of the question (weighted) the item accounts for, 0-1."""


@dataclass(frozen=True)
class SearchResult:
    """What the matcher found for a question."""

    query: Query
    ranked: tuple[Scored, ...]
    answered: bool
    by_number: bool = False

    @property
    def best(self) -> Scored | None:
        return self.ranked[0] if self.ranked else None


class Matcher:
    """Answers questions against one pack. Build once; :meth:`search` is cheap."""

    def __init__(self, pack: Pack, items: tuple[Item, ...] | None = None):
        self.pack = pack
        self.knowledge: Knowledge = compile_knowledge(pack)
        self.index = Index(items if items is not None else pack.items, self.knowledge.stopwords)
        self.items = self.index.items
        self._vocab = self.index.surface_words | self.knowledge.surface_words
        self._buckets: dict[tuple[str, int], list[str]] = {}
        for word in self._vocab:
            if len(word) >= 4 and word.isalpha():
                self._buckets.setdefault((word[0], len(word)), []).append(word)
        self._numbered: dict[tuple[str, int], int] = {}
        for doc, item in enumerate(self.items):
            if item.number is not None:
                self._numbered.setdefault((item.kind, item.number), doc)
        self._hint_stems: list[list[frozenset[str]]] = [
            [frozenset(stems(h)) for h in (*item.hints, item.title)] for item in self.items
        ]
        settings = pack.matching.extra
        self.answer_threshold = float(settings.get("answer_threshold", ANSWER_THRESHOLD))
        self.strong_threshold = float(settings.get("strong_threshold", STRONG_THRESHOLD))

    def index_stems(self, item: Item) -> set[str]:
        """The stems an item is indexed by (for relating a question to a handful of items)."""
        from learnbot.core.matching.index import item_fields

        return {s for text in item_fields(item).values() for s in stems(text)} - self.knowledge.stopwords

    # --- reading a question -------------------------------------------------------------------

    def _correct(self, word: str) -> str:
        """The pack word ``word`` was probably meant to be, or ``word`` itself."""
        if word in self._vocab or len(word) < 4 or not word.isalpha():
            return word
        if ENGLISH.band(word) is not None:
            return word  # a real word the pack does not use ("funding"), not a typo of one it does
        pool: list[str] = []
        for length in range(len(word) - 2, len(word) + 3):
            pool.extend(self._buckets.get((word[0], length), ()))
        if not pool:
            return word
        found = process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=75 if len(word) <= 5 else 80)
        if not found:
            return word
        candidate = found[0]
        allowed = 1 if len(word) <= 5 else 2 if len(word) <= 9 else 3
        if Levenshtein.distance(word, candidate) > allowed:
            return word
        return candidate

    def read(self, question: str) -> Query:
        """Read a question into slots, numbers and flags."""
        query = Query(text=question)
        raw = words(question)[:MAX_WORDS]
        query.words = raw
        query.numbers = self._numbers(raw)
        query.definitional = bool(_DEFINITIONAL.search(" ".join(raw)))
        knowledge = self.knowledge
        sequence: list[tuple[str, str, str]] = []  # (word, stem, corrected_from)
        for word in raw:
            if word in knowledge.stopwords:
                continue
            corrected = self._correct(word)
            s = stem(corrected)
            if s in knowledge.stopwords or corrected in knowledge.stopwords:
                continue
            sequence.append((corrected, s, word if corrected != word else ""))
        stem_seq = [s for _, s, _ in sequence]
        for phrase in knowledge.out_of_scope:
            if _contains(stem_seq, phrase) and not all(p in self.index for p in phrase):
                query.out_of_scope.append(" ".join(phrase))
        index = 0
        while index < len(sequence):
            slot = self._phrase_slot(sequence, stem_seq, index)
            if slot is None:
                word, s, corrected_from = sequence[index]
                index += 1
                if s in knowledge.frame:
                    continue
                factor = CORRECTED_FACTOR if corrected_from else 1.0
                slot = Slot(word=word, stem=s, alternatives=[((s,), factor)], corrected_from=corrected_from)
            else:
                index += len(slot.alternatives[0][0])
            self._weigh(slot)
            query.slots.append(slot)
        return query

    def _phrase_slot(self, sequence, stem_seq: list[str], start: int) -> Slot | None:
        """The longest phrase starting at ``start`` that the pack's knowledge expands, as one slot."""
        expansions = self.knowledge.expansions
        for length in range(min(self.knowledge.max_phrase, len(stem_seq) - start), 0, -1):
            key = tuple(stem_seq[start:start + length])
            targets = expansions.get(key)
            if not targets:
                continue
            if length == 1 and key[0] in self.knowledge.frame:
                return None
            corrected = any(c for _, _, c in sequence[start:start + length])
            factor = CORRECTED_FACTOR if corrected else 1.0
            return Slot(
                word=" ".join(w for w, _, _ in sequence[start:start + length]),
                stem=" ".join(key),
                alternatives=[(key, factor), *((t, SYNONYM_FACTOR * factor) for t in sorted(targets))],
                corrected_from=" ".join(c for _, _, c in sequence[start:start + length] if c),
            )
        return None

    def _weigh(self, slot: Slot) -> None:
        """Set how much ``slot`` matters: the rarity of what it stands for."""
        slot.generic = len(slot.alternatives) == 1 and slot.stem in self.knowledge.generic
        idfs = [self.index.idf[p] for phrase, _ in slot.alternatives for p in phrase if p in self.index]
        if idfs:
            slot.weight = max(idfs)
        else:
            slot.known = False
            slot.weight = self.index.unknown_idf * _unknown_factor(ENGLISH.band(slot.word))
        if slot.generic:
            slot.weight *= GENERIC_WEIGHT

    def _numbers(self, raw: list[str]) -> list[tuple[str, int]]:
        """Numbered references such as "rec 4", "recs 1 and 2", "learning point two"."""
        found: list[tuple[str, int]] = []
        i = 0
        while i < len(raw):
            kind, width = self._numbered_kind(raw, i)
            if not kind:
                i += 1
                continue
            j = i + width
            numbers: list[int] = []
            while j < len(raw):
                token = raw[j]
                if token in ("no", "number", "num", "nos", "#"):
                    j += 1
                    continue
                value = int(token) if token.isdigit() else NUMBER_WORDS.get(token)
                if value is not None:
                    numbers.append(value)
                    j += 1
                    continue
                if numbers and token in ("and", "to", "or", "&", "+"):
                    j += 1
                    continue
                break
            if numbers and raw[j - 1] in ("and", "or", "&", "+"):
                j -= 1
            for n in numbers:
                if (kind, n) not in found:
                    found.append((kind, n))
            i = max(j, i + 1)
        return found

    @staticmethod
    def _numbered_kind(raw: list[str], i: int) -> tuple[str, int]:
        token = raw[i]
        if _LEARNING.match(token) and i + 1 < len(raw) and _POINT.match(raw[i + 1]):
            return "learning_point", 2
        if token in ("key",) and i + 1 < len(raw) and raw[i + 1].startswith("finding"):
            return "finding", 2
        for pattern, kind in _NUMBERED_KINDS:
            if pattern.match(token):
                return kind, 1
        if len(token) >= 8 and fuzz.ratio(token, "recommendation") >= 80:
            return "recommendation", 1
        return "", 0

    # --- ranking ------------------------------------------------------------------------------

    def _slot_match(self, slot: Slot, doc: int) -> tuple[float, float]:
        """(presence 0-1, bm25 contribution) of one slot in one item."""
        best_presence = 0.0
        best_bm25 = 0.0
        for position, (phrase, factor) in enumerate(slot.alternatives):
            weights = [self.index.weight(p, doc) for p in phrase]
            present = sum(1 for w in weights if w > 0) / len(phrase)
            if present < 1.0 and position > 0:
                present *= present * 0.5
            presence = factor * present
            bm25 = factor * sum(self.index.idf.get(p, 0.0) * w for p, w in zip(phrase, weights)) / len(phrase)
            best_presence = max(best_presence, presence)
            best_bm25 = max(best_bm25, bm25)
        return best_presence, best_bm25

    def _hint_coverage(self, query: Query, doc: int) -> float:
        """How well the item's best hint (or title) alone covers the question."""
        total = query.total_weight
        if not total:
            return 0.0
        best = 0.0
        for hint in self._hint_stems[doc]:
            covered = 0.0
            for slot in query.slots:
                for phrase, factor in slot.alternatives:
                    if all(p in hint for p in phrase):
                        covered += slot.weight * factor
                        break
            best = max(best, covered / total)
        return best

    def rank(self, query: Query, limit: int = 10) -> list[Scored]:
        """Items ranked for a read question, best first."""
        if not query.slots or not self.items:
            return []
        total = query.total_weight
        candidates = self.index.candidates(query.stems, limit=200)
        scored: list[tuple[float, float, float, int]] = []
        for doc in candidates:
            covered = 0.0
            bm25 = 0.0
            for slot in query.slots:
                presence, contribution = self._slot_match(slot, doc)
                covered += slot.weight * presence
                bm25 += contribution * (GENERIC_WEIGHT if slot.generic else 1.0)
            scored.append((covered / total, bm25, 0.0, doc))
        if not scored:
            return []
        top_bm25 = max(s[1] for s in scored) or 1.0
        results: list[Scored] = []
        for coverage, bm25, _, doc in scored:
            item = self.items[doc]
            hint = self._hint_coverage(query, doc)
            blended = 0.5 * coverage + 0.3 * hint + 0.2 * (bm25 / top_bm25)
            confidence = max(coverage, 0.5 * coverage + 0.5 * hint)
            blended *= self._kind_factor(query, item)
            results.append(Scored(item=item, score=100.0 * blended, coverage=confidence))
        results.sort(key=lambda s: (-s.score, s.item.id))
        return results[:limit]

    @staticmethod
    def _kind_factor(query: Query, item: Item) -> float:
        """Glossary entries answer "what does X mean"; passages answer everything else."""
        if item.kind == "glossary":
            return 1.1 if query.definitional else 0.8
        if item.kind == "definition" and query.definitional:
            return 1.12
        return 1.0

    # --- answering ----------------------------------------------------------------------------

    def search(self, question: str, limit: int = 5) -> SearchResult:
        """Read, rank and decide: the whole of matching one question."""
        query = self.read(question)
        if query.numbers:
            found = [self.items[self._numbered[key]] for key in query.numbers if key in self._numbered]
            if found:
                ranked = tuple(Scored(item, 100.0, 1.0) for item in found[:limit])
                return SearchResult(query=query, ranked=ranked, answered=True, by_number=True)
        ranked = self.rank(query, limit=max(limit, 5))
        answered = bool(ranked) and self._confident(query, ranked[0])
        return SearchResult(query=query, ranked=tuple(ranked[:limit]), answered=answered)

    def _confident(self, query: Query, best: Scored) -> bool:
        if query.out_of_scope:
            return False
        if not any(not slot.generic for slot in query.slots):
            return best.coverage >= 0.95 and len(query.slots) >= 2
        return best.coverage >= self.answer_threshold

    def confidence_word(self, result: SearchResult) -> str:
        """"strong", "partial" or "none"."""
        if not result.answered or not result.best:
            return "none"
        return "strong" if result.by_number or result.best.coverage >= self.strong_threshold else "partial"


def _unknown_factor(band: int | None) -> float:
    """How much a word the pack does not know counts against an answer, by how common it is.

    Very common words ("actually", "really") say little about the topic; rare ones ("laptop",
    "funding") say the question is about something else; non-words (uncorrectable typos, names)
    sit between.
    """
    if band is None:
        return 0.5
    if band >= 6:
        return 0.25
    if band == 5:
        return 0.5
    return 1.0


def _contains(sequence: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(sequence[i:i + n]) == phrase for i in range(len(sequence) - n + 1))
