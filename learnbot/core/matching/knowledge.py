"""A pack's matching knowledge, compiled for fast lookup.

Synonyms from ``matching.yaml`` map everyday words ("kids", "never heard back") onto the briefing's
own ("children", "feedback"); glossary terms and their aliases map abbreviations both ways ("EHA" <->
"early help assessment"). Both become *expansions*: a sequence of stems in a question that also
stands for another sequence of stems.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from learnbot.core.matching.english import FRAME_WORDS, GENERIC_WORDS, STOPWORDS
from learnbot.core.matching.text import stem, words
from learnbot.core.model import Pack

Phrase = tuple[str, ...]

_LIGHT_WORDS = frozenset({"the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "up", "it"})
"""Small words a phrase can lose without changing what it names ("the board", "step up")."""

ARTICLES = frozenset(
    {"the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that", "these",
     "those", "some", "any", "of"}
)
"""Words phrases are matched without, so "voice of the child" meets "voice of child" but
"left out" and "show up" keep the small word that makes them what they are."""
FILLERS = frozenset(
    {"actually", "really", "basically", "literally", "honestly", "genuinely", "truly", "specifically",
     "particularly", "exactly", "roughly", "approximately", "approx", "precisely"}
)
"""Adverbs that only add emphasis or hedge: "who actually did the audits" is "who did the audits",
"roughly how long did it take" is "how long did it take"."""
PHRASE_SKIP = ARTICLES | FILLERS
"""Words phrases are matched without: articles, possessives and fillers."""


def phrase_key(text: str) -> tuple[str, ...]:
    """A phrase as the stems it is matched by."""
    return tuple(stem(w) for w in words(text) if w not in PHRASE_SKIP)


@dataclass
class Knowledge:
    """Compiled synonyms, abbreviations and word classes for one pack."""

    expansions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """A phrase (its stems joined by spaces) -> the phrases it also stands for (likewise joined).
    Joined strings rather than tuples keep the cached index small and quick to unpickle."""
    max_phrase: int = 1
    """Longest phrase in :attr:`expansions`, in words."""
    stopwords: frozenset[str] = frozenset()
    """Stems that carry no meaning."""
    frame: frozenset[str] = frozenset()
    """Stems that frame a question rather than name its topic."""
    generic: frozenset[str] = frozenset()
    """Stems too general to decide a topic alone."""
    out_of_scope: list[str] = field(default_factory=list)
    """Phrases (stems joined by spaces) of topics the briefing never discusses."""
    surface_words: set[str] = field(default_factory=set)
    """Every word the knowledge itself knows (for spelling correction)."""

    def add(self, phrase: str, stands_for: str, both_ways: bool = False) -> None:
        """Record that ``phrase`` in a question also means ``stands_for``."""
        a = phrase_key(phrase)
        # What a phrase stands for is looked up in the index, which holds no function words: "not
        # at home" stands for "home", "step up" for "step".
        b = tuple(s for s in phrase_key(stands_for) if s not in self.stopwords) or phrase_key(stands_for)
        if not a or not b or a == b:
            return
        if len(a) == 1 and len(words(phrase)) > 1 and not set(words(phrase)) <= {*_LIGHT_WORDS, *PHRASE_SKIP} | {
            w for w in words(phrase) if stem(w) == a[0]
        }:
            # "how many cases" must not come to mean every "case": a phrase whose meaning lay in
            # its small words is dropped rather than reduced to one common word.
            return
        self._add(a, b)
        if both_ways:
            self._add(b, a)

    def targets(self, phrase: Phrase) -> tuple[Phrase, ...]:
        """The phrases ``phrase`` (as stems) also stands for."""
        return tuple(tuple(t.split()) for t in self.expansions.get(" ".join(phrase), ()))

    def _add(self, phrase: Phrase, target: Phrase) -> None:
        key, value = " ".join(phrase), " ".join(target)
        targets = self.expansions.get(key, ())
        if value not in targets:
            self.expansions[key] = tuple(sorted((*targets, value)))
        self.max_phrase = max(self.max_phrase, len(phrase))


def _stem_set(words) -> frozenset[str]:
    return frozenset(stem(w) for w in words)


def is_abbreviation(name: str) -> bool:
    """Whether a glossary term is an abbreviation ("EHA", "LLR", "B&Q"), not a word or phrase."""
    letters = name.replace("&", "").replace(" ", "")
    return 1 < len(letters) <= 6 and letters.isupper()


def compile_knowledge(pack: Pack) -> Knowledge:
    """Build the :class:`Knowledge` for ``pack``."""
    matching = pack.matching
    knowledge = Knowledge()
    extra_stop = {w.lower() for w in matching.stopwords}
    knowledge.stopwords = _stem_set(STOPWORDS | extra_stop) | frozenset(STOPWORDS | extra_stop)
    for canonical, variants in matching.synonyms.items():
        for variant in variants:
            knowledge.add(variant, canonical)
            knowledge.surface_words.update(variant.lower().split())
        knowledge.surface_words.update(canonical.lower().split())
    for entry in pack.glossary:
        names = [entry.term, *entry.aliases]
        abbreviation = is_abbreviation(entry.term)
        for name in names[1:]:
            # An alias means its term; an abbreviation also means its expansions ("EHA" <->
            # "early help assessment"). A longer term does not mean every looser alias of it.
            knowledge.add(name, names[0], both_ways=abbreviation or is_abbreviation(name))
        for name in names:
            knowledge.surface_words.update(name.lower().split())
    knowledge.frame = _stem_set(FRAME_WORDS) - knowledge.stopwords
    knowledge.generic = _stem_set(GENERIC_WORDS) - knowledge.stopwords - knowledge.frame
    for phrase in matching.out_of_scope:
        key = phrase_key(phrase)
        if key:
            knowledge.out_of_scope.append(" ".join(key))
    for phrase in matching.out_of_scope:
        knowledge.surface_words.update(phrase.lower().split())
    knowledge.surface_words.update(STOPWORDS | FRAME_WORDS | GENERIC_WORDS | extra_stop)
    return knowledge
