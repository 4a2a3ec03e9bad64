"""Match a practitioner's question, in their own words, to the briefing's passages.

How a question is read:

1. its words are normalised, chat-speak expanded, and words the pack does not know are corrected
   to the nearest word it does ("fathrs" -> "fathers") when they are close enough;
2. function words are dropped; words that only frame a question ("tell me", "what does it say")
   are set aside; the rest become *slots*, each standing for its own stem plus whatever the pack's
   synonyms and glossary say it also means ("kids" -> "children", "EHA" -> "early help assessment");
3. numbered references ("rec 4", "learning point 2", "recs 1 and 2") go straight to those items
   (``learnbot.core.matching.numbers``).
4. its form says what kind of answer it wants: a number, a date, a kind of passage, a fact such as
   who chairs a group (``learnbot.core.matching.asking``); in a told story, the asking sentence
   counts more than the story.

How passages are ranked: BM25F over the candidates that share the question's rarer words, blended
with *coverage* (how much of the question, weighted by rarity, a passage accounts for) and with
the best of the passage's hints (learnbot's own phrasings of what it answers).

How learnbot decides it has an answer: the best passage must cover enough of the question. Words
the pack has never seen ("laptop", "funding", "chairs") weigh heavily against coverage, so a
question that reuses a few of the briefing's words to ask something it never says is declined.
So is a question on the briefing's topic that asks for what its best passage does not give ("who
chairs the PAAG?"), and the result says what that is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from learnbot.core.matching.asking import (
    BODY_WORDS,
    SOURCE_WORDS,
    Asks,
    PassageFacts,
    introduction,
    is_noun_use,
    read_asks,
    source_frame,
)
from learnbot.core.matching.english import ENGLISH, FRAME_WORDS, SKELETONS, STOPWORDS
from learnbot.core.matching.index import Index
from learnbot.core.matching.knowledge import PHRASE_SKIP, Knowledge, compile_knowledge, phrase_key
from learnbot.core.matching.numbers import number_references, number_value
from learnbot.core.matching.text import stem, stems, words
from learnbot.core.model import Item, Pack

_DERIVING_ENDINGS = ("ially", "ively", "ities", "ory", "ial", "ive", "ity", "ical", "ic", "al", "ally")
"""Endings that make adjectives and nouns of words ("supervis-ory", "manager-ial")."""
COMMONEST_BAND = 7
"""The band of the commonest English words ("the")."""
RARE_BAND = 2
"""English words this rare are more likely typos of a small word ("abut" for "about")."""
COMMON_BAND = RARE_BAND + 2
"""Words at least this common are the likelier reading of a typo one letter short of them ("totl")."""
SOURCE_PLACES = frozenset({"audit", "auditors", "briefing", "report", "document", "doc"})
"""What a question may name as where its answer is ("in the audit", "what the auditors found")."""
_REFER = frozenset({"refer", "refers", "referring"})
"""The verb of "what does CSC refer to", which names no referral."""
_SPELLED_OUT = frozenset({("full", "name"), ("full", "form"), ("full", "title"), ("in", "full"), ("long", "form")})
"""How a question asks for an abbreviation spelled out ("CSC full name pls")."""
_KIND_OF = [[asking, kind] for asking in ("what", "which") for kind in ("kind", "type", "sort")]
"""How "what kind of organisation is X" opens, before "of"."""
_CHECKING = frozenset({"true", "fair", "right", "correct", "accurate"})
"""The word of "is it true that ...", "would it be fair to say ...", "am I right in thinking ...":
the asker checking what follows, which is the question."""
_REPORTING = frozenset(
    "find finds found say says said think thought thinks rate rated conclude concluded identify identified "
    "note noted see saw show showed shows highlight highlighted feel felt judge judged "
    "describe described make made want wants expect expects".split()
)
"""Verbs by which a source gives its answer: "what did the audit find", "the auditors thought".
"recommend" is not one: it says which kind of passage is wanted."""
_PLACE_WORDS = frozenset({"in", "from", "after", "during", "throughout", "across", "per"})
"""Words before a source that make it where the answer is ("in the audit", "after this briefing")."""
LONG_FRAME = 7
"""Framing words at least this long are put back from a one-letter slip ("defenition"): shorter
ones are too like other words."""
_LONG_FRAME_WORDS = tuple(sorted(w for w in FRAME_WORDS if len(w) >= LONG_FRAME))

MAX_WORDS = 80
"""Only the first this-many words of a very long question are read."""

SYNONYM_FACTOR = 0.9
"""How much a synonym or abbreviation counts, against the word itself."""
FACT_RUNNERS_UP = 2
FACT_MARGIN = 0.85
"""A runner-up within this share of the best score, giving the number the best passage lacks,
answers instead of it."""
BARE_TERM_WORDS = 6
"""A question this short whose one topic is a defined abbreviation asks what it means."""
BARE_TERM_FRAME = frozenset(
    "what whats who whos s is are it its this that the a an exactly again please pls then so ok and in here just short for "
    "briefing report".split()
)
"""The only other words such a question has ("what is it exactly", "who's that in this briefing")."""
CORRECTED_FACTOR = 0.75
"""How much a spelling-corrected word counts (it may have been corrected wrongly)."""
GENERIC_WEIGHT = 0.35
"""How much a generic word weighs in coverage, against a topic word of the same rarity."""
INTRODUCTION_WEIGHT = 0.35
"""How much the words of a practitioner's self-introduction ("I'm a health visitor and") weigh."""

W_COVERAGE, W_HINT, W_BM25 = 0.5, 0.3, 0.2
"""How ranking blends coverage of the question, the best hint's coverage, and BM25F."""

W_FUZZ = 0.25
"""How much the closest hint or title, as characters (rapidfuzz token_set_ratio), reorders the top.
Chosen on questions the pack had not been tuned on (each round's set with the pack from before that
round): 0.25 put the right passage first more often than 0.2 there and on the measure-only sets."""
RERANK = 8
"""How many of the best items that character-level comparison looks at."""
SMALL_LIBRARY_HINTS = 20_000
"""Up to this many hints, every hint is compared with a question; beyond, only candidates' hints."""

CANDIDATES = 20
"""How many items are scored in full for a question (the rest cannot come near the top)."""

FAINT_COVERAGE, FAINT_LIKENESS, FAINT_SLOTS = 0.45, 55, 4
"""An answer covering less of a short question (at most this many meaningful words) than this, whose
closest hint or title is less like the question than this, is too faint to give: a told story holds
many words no passage needs, so it is left to coverage alone."""
ANSWER_THRESHOLD = 0.30
"""Least coverage of the question for a confident answer. Chosen on before_tuning (rounds 4 to 46):
0.30 answers more in-scope questions (top1 +0.10 points, top3 +0.12) than 0.35 for 0.10 points of
out-of-scope rejection, now that short faint answers and facts the briefing never gives are declined
on their own account."""
UNKNOWN_LIMIT = 0.45
"""Share of a question's weight in words the pack has never seen, from which it is declined."""
PASSING_MIN_SLOTS, PASSING_TOPIC_SHARE, PASSING_COVERAGE = 6, 0.25, 0.5
"""An out-of-scope topic is only mentioned in passing in a question of at least this many meaningful
words where it holds at most this share of the weight, and a passage covers at least this much."""
TASK = "a task for learnbot"
"""What a question asking learnbot to do something is out of scope as."""
KIND_FACTOR = 1.2
"""How a question naming a kind of passage ("which recommendation ...") weighs passages of that kind."""
PAST_FACTOR = 0.9
"""How a question about what was found ("did police see the children?") weighs a passage of a
kind that says what should be, not what was: "was early help working for these families?" asks
what the audit found, not what early help is meant to do."""
PAST_WEAK_KINDS = ("recommendation", "learning_point", "definition")
TIME_FACTORS = (1.0, 1.15)
"""How a question about when weighs an undated and a dated passage."""
JUDGEMENT_FACTOR = 1.1
"""How a question asking for a verdict weighs a passage that says what ought to happen."""
CONTINUATION_FACTOR = 1.05
"""How a question asking for a verdict weighs the passage judging the cases the one before it
describes ("These cases should have ..."), against the score of that one."""
WHY_FACTOR = 1.1
"""How a question asking why weighs a passage that gives a reason ("because they were not at
home"); before_tuning gains the same from 1.05 to 1.2."""
ASKING_WEIGHT = 1.5
"""How much more the words of a story's asking sentence count than the story's."""
LONG_RELIEF = 0.1
"""How much lower the coverage needed to answer is for a long question (a story holds many words
no passage needs to have)."""
STRONG_THRESHOLD = 0.72
"""Coverage from which an answer is called strong rather than partial."""

_NAMED_BEFORE_MEANING = re.compile(r"\b(?:does|do|is|s) (?:the )?(\w+) (?:stand|stands|mean|means)\b")
"""The one word a "what does X stand for" or "what does X mean" question asks about."""
_COUNTS_CASES_WITH = re.compile(
    r"\bhow many (?:of (?:the|those|these) )?(?:\w+ ){0,2}?(?:cases|families|files|children|kids) "
    r"(?:involved|had|featured|included|showed|involving|with)\b|"
    r"\b(?:out of|of|across) (?:the|those|these) (?:\w+ ){0,2}?(?:cases|families|files) (?:how many|how much) "
    r"(?:involved|had|featured|included|showed)\b"
)
"""How many of the cases had something: the passage that answers must be about that something."""
_QUOTED = re.compile(r"(?:^|(?<=\s))['‘\"“](.+?)['’\"”](?=\s|[.,;:?!)]|$)")
"""Words in quotation marks (an apostrophe inside a word, as in "mum's", opens none)."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_HAS_WORD = re.compile(r"\w")
_LEADING_CLAUSE = re.compile(
    r"(?i)(?:(?:after|once|when|before|since|while|if)\b[^,?]{3,80},|"
    r"(?:just )?so (?:that )?(?:i|we) (?:can|could)\b[^,?]{3,80}(?:,|\s-|:))\s*"
    r"((?:what|where|who|which|when|how|why|is|are|do|does|did|should|can|was|were|would|will)\b.*)$"
)
"""A question opening with a clause that sets the scene ("after the audit is finished, ...") or says
what the answer is for ("just so I can explain it to my team - ..."), then asking: the asking clause."""


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
    span: int = 1
    """How many words of the question the slot stands for."""


@dataclass
class Query:
    """A question, read."""

    text: str
    slots: list[Slot] = field(default_factory=list)
    numbers: list[tuple[str, int]] = field(default_factory=list)
    """Numbered references: (kind, number)."""
    definitional: bool = False
    """Asks what a term means or stands for."""
    asks: Asks = field(default_factory=Asks)
    """What the question's form says it wants (a number, a date, a kind of passage ...)."""
    out_of_scope: list[str] = field(default_factory=list)
    """Phrases of topics the pack lists as not covered."""
    words: list[str] = field(default_factory=list)
    subject: str = ""
    """The term right before "stand for" or "mean" ("what does LLR stand for in LLR LSCB"), as
    joined stems; "" when the question has no such term."""

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
    not_stated: str = ""
    """When the best passage is on the question's topic but does not give what it asks for
    ("who chairs it", "a date"): what that is."""

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
        # Hints (and titles) as their own small inverted index: stem -> ids of the hints holding it.
        self._hint_doc: list[int] = []
        self._hint_start: list[int] = []
        """Where each item's hints start among all hint ids (one past the last item at the end)."""
        self._hint_postings: dict[str, set[int]] = {}
        for doc, item in enumerate(self.items):
            self._hint_start.append(len(self._hint_doc))
            for hint in (*item.hints, item.title):
                hint_id = len(self._hint_doc)
                self._hint_doc.append(doc)
                for s in set(stems(hint)):
                    self._hint_postings.setdefault(s, set()).add(hint_id)
        self._hint_start.append(len(self._hint_doc))
        self._doc_of = {item.id: doc for doc, item in enumerate(self.items)}
        # The out-of-scope topics the briefing does mention after all, in its quoted passages (not
        # learnbot's notes or hints): a topic the briefing speaks of is not out of scope.
        topics = set(self.knowledge.out_of_scope)
        longest = max((len(t.split()) for t in topics), default=0)
        self._topics_said: set[str] = set()
        for item in self.items:
            if item.quote and topics:
                seq = [s for s in stems(item.text) if s not in self.knowledge.stopwords]
                self._topics_said.update(
                    gram for n in range(1, longest + 1) for i in range(len(seq) - n + 1)
                    if (gram := " ".join(seq[i:i + n])) in topics
                )
        self._hint_texts = [[" ".join(words(h)) for h in (*item.hints, item.title)] for item in self.items]
        self._title_stems = [frozenset(stems(item.title)) for item in self.items]
        self._phrase_openings: set[str] = set()
        """Every opening (joined stems) of a phrase the knowledge expands, from its first word to
        the whole phrase: a run of a question's words that is none of these starts no phrase."""
        for key in self.knowledge.expansions:
            parts = key.split(" ")
            self._phrase_openings.update(" ".join(parts[:n]) for n in range(1, len(parts) + 1))
        self._terms = {" ".join(phrase_key(name)) for entry in pack.glossary for name in (entry.term, *entry.aliases)}
        """The glossary's terms and aliases, as joined stems."""
        self._own_terms = [
            frozenset(" ".join(phrase_key(name)) for name in (item.term, *item.aliases)) if item.kind == "glossary"
            else frozenset()
            for item in self.items
        ]
        """Each glossary entry's own term and aliases (joined stems); empty for passages."""
        self._entry_of: dict[str, int] = {}
        for doc, own in enumerate(self._own_terms):
            for term in own:
                self._entry_of.setdefault(term, doc)
        """The glossary entry each term or alias (joined stems) is the own term of."""
        self.facts = PassageFacts(self.items, pack.meta)
        self._judging = tuple(
            (doc, described) for doc, described in enumerate(self.facts.continues)
            if described is not None and self.facts.normative[doc]
        )
        """(passage, the passage whose cases it judges): worked out once, not per question."""
        self._index_stems: dict[str, frozenset[str]] = {}
        self._corrections: dict[str, str] = {}
        """Words already corrected (or found to need none): typos recur across questions."""
        self._out_of_scope = frozenset(self.knowledge.out_of_scope)
        self._gram_reach = max((phrase.count(" ") + 1 for phrase in (*self._out_of_scope, *self._terms)), default=1)
        """The most words a term or out-of-scope topic has: no longer run of a question is looked up."""
        settings = pack.matching.extra
        self.answer_threshold = float(settings.get("answer_threshold", ANSWER_THRESHOLD))
        self.strong_threshold = float(settings.get("strong_threshold", STRONG_THRESHOLD))
        self.unknown_limit = float(settings.get("unknown_limit", UNKNOWN_LIMIT))

    def index_stems(self, item: Item) -> frozenset[str]:
        """The stems an item is indexed by (for relating a question to a handful of items).

        Kept once worked out: a declined question asks this of every further-information item.
        """
        found = self._index_stems.get(item.id)
        if found is None:
            from learnbot.core.matching.index import item_fields

            found = frozenset(
                {s for text in item_fields(item).values() for s in stems(text)} - self.knowledge.stopwords
            )
            self._index_stems[item.id] = found
        return found

    # --- reading a question -------------------------------------------------------------------

    def _correct(self, word: str) -> str:
        """The pack word ``word`` was probably meant to be, or ``word`` itself.

        Only words that are neither the pack's nor real English words are corrected (so "funding"
        is never read as "finding"), to a known word within one edit (two for longer words), a
        swap of neighbouring letters counting as one ("waht" -> "what").
        """
        if word in self._vocab or len(word) < 3 or not word.isalpha():
            return word
        corrected = self._corrections.get(word)
        if corrected is None:
            corrected = self._nearest(word)
            if len(self._corrections) < 10_000:
                self._corrections[word] = corrected
        return corrected

    def _nearest(self, word: str) -> str:
        """:meth:`_correct` for a word that is not the pack's, worked out."""
        band = ENGLISH.band(word)
        if band is not None:
            if band <= RARE_BAND and len(word) >= 5:
                # "recoded": a rare word one letter short of a common one the pack uses
                # ("recorded") is likelier that word with a letter left out
                fuller = next((w for w in _one_more_letter(word) if w in self.index.surface_words
                               and (ENGLISH.band(w) or 0) >= COMMON_BAND), "")
                if fuller:
                    return fuller
            # a real word the pack does not use ("funding"), not a typo of one it does; but
            # "supervisory" and "managerial" are supervision and managers in other clothes
            return self._derived_from(word) or word
        if len(word) == 3:
            # Three letters are too few to guess from, except a swapped pair in a small word ("teh").
            return _swapped_stopword(word, self.knowledge.stopwords) or word
        pool: list[str] = []
        for length in range(len(word) - 2, len(word) + 3):
            pool.extend(self._buckets.get((word[0], length), ()))
        allowed = 1 if len(word) <= 5 else 2 if len(word) <= 9 else 3
        found = process.extract(word, pool, scorer=OSA.distance, score_cutoff=allowed, limit=8)
        if not found:
            return word
        in_pack = self.index.surface_words
        best = min(found, key=lambda f: (f[1], f[0] not in in_pack, abs(len(f[0]) - len(word)), f[0]))
        changed = len(best[0]) == len(word) and sorted(best[0]) != sorted(word)
        if changed and (english := _common_with_one_more_letter(word)):
            # "totl": a letter left out of "total" is likelier than one changed into "tool" (a
            # swap, "caes" for "case", is as likely)
            return english
        return best[0]

    def _derived_from(self, word: str) -> str:
        """A word the pack knows that ``word`` is derived from by an ending ("supervisory" ->
        "supervise", "managerial" -> "manager"), or ""."""
        for ending in _DERIVING_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                base = word[: -len(ending)]
                for candidate in (base, base + "e", base + "ion", base + "y"):
                    if stem(candidate) in self.index.idf:
                        return candidate
        return ""

    def _function_word(self, word: str) -> str:
        """``word``, or the function word it is with its vowels left out ("mny" -> "many"), or a
        rare word one letter short of a function word ("abut" -> "about")."""
        if word in self._vocab:
            return word
        band = ENGLISH.band(word)
        if band is None:
            # "whn", "mny"; and "waht", "shoudl": a neighbouring pair swapped in a function word
            # is likelier than one letter changed in a topic word ("wait"); "defenition": a long
            # framing word one slip away, read before the question's form is ("what is meant")
            return (SKELETONS.get(word) or (len(word) >= 4 and _swapped_stopword(word, STOPWORDS))
                    or (len(word) >= LONG_FRAME and _framing_word(word)) or word)
        if band <= RARE_BAND and len(word) >= 3:
            return next((w for w in _one_more_letter(word) if w in STOPWORDS), word)
        return word

    def _rejoined(self, raw: list[str]) -> list[str]:
        """``raw`` with a word typed in two pieces put back together ("feed bak" -> "feedbak",
        which reads as "feedback"): only where one piece is no word at all and cannot be
        corrected alone, neither is a small or framing word ("for dal" and "came bak" stay apart),
        and the two together correct to a word the pack knows."""
        out: list[str] = []
        index = 0
        while index < len(raw):
            pair = raw[index:index + 2]
            if (len(pair) == 2 and not any(w in self.knowledge.stopwords or w in FRAME_WORDS for w in pair)
                    and (self._fragment(pair[0]) or self._fragment(pair[1]))):
                joined = pair[0] + pair[1]
                corrected = self._correct(joined)
                # at most a letter lost: "learning pt" is not "learning" with "pt" thrown away
                if corrected in self._vocab and len(corrected) >= len(joined) - 1:
                    out.append(joined)
                    index += 2
                    continue
            out.append(raw[index])
            index += 1
        return out

    def _fragment(self, word: str) -> bool:
        """Whether ``word`` is a piece of letters that is no word and corrects to none."""
        return (word.isalpha() and word not in self._vocab and ENGLISH.band(word) is None
                and self._correct(word) == word)

    def read(self, question: str) -> Query:
        """Read a question into slots, numbers and flags."""
        query = Query(text=question)
        raw = self._rejoined([self._function_word(w) for w in words(question)[:MAX_WORDS]])
        query.words = raw
        query.numbers = number_references(raw, self._last_number)
        joined = " ".join(raw)
        query.asks = read_asks(question, joined)
        if query.asks.meaning and (named := _NAMED_BEFORE_MEANING.search(joined)):
            query.subject = " ".join(phrase_key(named.group(1)))
        context = introduction(joined)
        knowledge = self.knowledge
        # Phrases are found in the words with only articles removed (so "left out" and "show up"
        # keep their small words); outside phrases, function and framing words are dropped.
        sequence: list[tuple[str, str, str]] = []  # (word, stem, corrected_from)
        nouns: set[int] = set()  # positions in sequence of function words used as nouns
        framed = source_frame(joined)
        placed: set[int] = set()  # positions in sequence of the source named as where ("in the audit")
        reporting: set[int] = set()  # positions in raw of the verb it gives its answer by ("found")
        if query.asks.meaning:
            if len(raw) > 2 and raw[-1] == "to" and raw[-2] in _REFER:
                reporting.add(len(raw) - 2)  # "what does CSC refer to": not a referral
            for position in range(len(raw) - 1):
                if (raw[position], raw[position + 1]) in _SPELLED_OUT:
                    reporting.update((position, position + 1))  # "CSC full name": no one's name
            reporting.update(  # "what organisation is UHL": the kind of answer, not a topic
                position for position, word in enumerate(raw)
                if word in BODY_WORDS and position and (raw[position - 1] in ("which", "what")
                                                        or raw[max(position - 3, 0):position - 1] in _KIND_OF)
            )
        reporting.update(
            position for position, word in enumerate(raw[1:-1], 1)
            if word in _CHECKING and raw[position - 1] in ("it", "be", "i")
            and raw[position + 1] in ("that", "to", "in")
        )
        for position, word in enumerate(raw):
            if word in PHRASE_SKIP or (position < framed and word in SOURCE_WORDS) or position in reporting:
                continue
            if word in SOURCE_PLACES and (frame := _placed(raw, position)):
                placed.add(len(sequence))
                if frame > position:
                    reporting.add(frame)
            if is_noun_use(raw, position):
                nouns.add(len(sequence))
            corrected = word if word in knowledge.stopwords else self._correct(word)
            if corrected in PHRASE_SKIP:
                continue  # "teh": a typed article, as dropped as one typed right
            sequence.append((corrected, stem(corrected), word if corrected != word else ""))
        stem_seq = [s for _, s, _ in sequence]
        asking_from = self._asking_sentence_start(question, raw, len(sequence))
        grams = self._grams(stem_seq)
        # "what is X" asks what a term means when X is a term the pack defines ("what is EHA"), not
        # when it is any short question ("what are the takeaways for staff").
        query.definitional = query.asks.meaning or (query.asks.what_is and bool(grams & self._terms))
        if not query.definitional and query.asks.what_is_clause:  # "for my handout - what is UHL"
            said = [stem(w) for w in query.asks.what_is_clause.split() if w not in PHRASE_SKIP]
            query.definitional = bool(self._grams(said) & self._terms)
        if query.asks.task:
            query.out_of_scope.append(TASK)
        if named := grams & self._out_of_scope:
            # words quoted from a plan or a referral ("my plan says 'improve home conditions'") are
            # what someone wrote, not what is asked
            quoted = {stem(w) for found in _QUOTED.finditer(question) for w in words(found.group(1))}
            query.out_of_scope.extend(
                phrase for phrase in knowledge.out_of_scope
                if phrase in named and phrase not in self._topics_said and not set(phrase.split()) <= quoted
            )
        sources: list[Slot] = []
        index = 0
        while index < len(sequence):
            start = index
            slot = self._phrase_slot(sequence, stem_seq, index)
            if slot is None:
                word, s, corrected_from = sequence[index]
                index += 1
                if index - 1 not in nouns and (
                        word in knowledge.stopwords or s in knowledge.stopwords or s in knowledge.frame):
                    continue
                factor = CORRECTED_FACTOR if corrected_from else 1.0
                slot = Slot(word=word, stem=s, alternatives=[((s,), factor)], corrected_from=corrected_from)
            else:
                index += slot.span
            self._weigh(slot)
            if start in placed and slot.span == 1 and not slot.generic:
                sources.append(slot)
            if context and set(slot.word.split()) <= context:
                slot.weight *= INTRODUCTION_WEIGHT
            if asking_from and start >= asking_from:
                slot.weight *= ASKING_WEIGHT
            query.slots.append(slot)
        framing = {id(slot) for slot in sources}
        if framing and any(slot.known and not slot.generic and id(slot) not in framing for slot in query.slots):
            # beside a topic, where the answer is ("in the audit") is no topic: "what did the
            # audit find" still asks about the audit
            for slot in sources:
                slot.generic = True
                slot.weight *= GENERIC_WEIGHT
        topical = [slot for slot in query.slots if not slot.generic]
        if not query.definitional and not query.asks.kinds and not query.numbers:
            if len(topical) == 1 and len(raw) <= BARE_TERM_WORDS:
                query.definitional = self._is_bare_abbreviation(topical[0], question, raw)
            elif len(topical) == 2 and len(raw) <= 2 * BARE_TERM_WORDS:
                query.definitional = self._checks_spelling_out(topical, question, raw)
        return query

    def _checks_spelling_out(self, topical: list[Slot], question: str, raw: list[str]) -> bool:
        """Whether a short question only names an abbreviation and what it stands for ("CSC - is
        that children's social care?"): then it asks what the abbreviation means."""
        for short, long in (topical, topical[::-1]):
            spelled = tuple(long.stem.split())
            if (any(phrase == spelled for phrase, _ in short.alternatives[1:])
                    and self._is_bare_abbreviation(short, question, [w for w in raw if w not in long.word.split()])):
                return True
        return False

    def _is_bare_abbreviation(self, slot: Slot, question: str, raw: list[str]) -> bool:
        """Whether a short question is only an abbreviation the pack defines ("LPT = ?", "EH - what
        is it exactly", "whats the MASP"): then it asks what the abbreviation means, where "was the
        CCG in on it" asks something else.

        An abbreviation is typed in capitals, or is no English word ("eha?", but not "help").
        """
        word = slot.word
        if " " in word or not word.isalpha() or len(word) > 6:
            return False
        if any(w not in BARE_TERM_FRAME for w in raw if w != word):
            return False
        typed_upper = re.search(rf"(?<![A-Za-z]){word.upper()}(?![A-Za-z])", question)
        if not typed_upper and ENGLISH.band(word) is not None:
            return False
        return any(" ".join(phrase) in self._terms for phrase, _ in slot.alternatives)

    def _grams(self, stems_: list[str]) -> set[str]:
        """Every run of consecutive stems as long as a term or out-of-scope phrase can be."""
        return {" ".join(stems_[i:i + n]) for n in range(1, self._gram_reach + 1) for i in range(len(stems_) - n + 1)}

    @staticmethod
    def _asking_sentence_start(question: str, raw: list[str], length: int) -> int:
        """Where the asking sentence of a told story starts among the question's kept words, or 0.

        In "Mum is drinking and nothing has changed in months. Should this be with social care?"
        the story is context and the last sentence says what the practitioner wants to know.
        """
        if len(raw) >= MAX_WORDS:
            return 0
        sentences = [part for part in _SENTENCE_END.split(question.strip()) if _HAS_WORD.search(part)]
        if len(sentences) < 2:
            # "After the audit is finished, where does the report go?": the main clause asks
            leading = _LEADING_CLAUSE.match(question.strip())
            if not leading:
                return 0
            sentences = [leading.group(1)]
        asking = [w for w in words(sentences[-1]) if w not in PHRASE_SKIP]
        return max(length - len(asking), 0)

    def _phrase_slot(self, sequence, stem_seq: list[str], start: int) -> Slot | None:
        """The longest phrase starting at ``start`` that the pack's knowledge expands, as one slot."""
        # No phrase is longer than the longest run from here that opens some phrase.
        reach = 0
        opening = stem_seq[start]
        while opening in self._phrase_openings:
            reach += 1
            if start + reach == len(stem_seq):
                break
            opening += " " + stem_seq[start + reach]
        for length in range(reach, 0, -1):
            key = tuple(stem_seq[start:start + length])
            targets = self.knowledge.targets(key)
            if not targets:
                continue
            if length == 1 and (key[0] in self.knowledge.frame or key[0] in self.knowledge.stopwords):
                return None
            own = tuple(p for p in key if p not in self.knowledge.stopwords) or key
            corrected = any(c for _, _, c in sequence[start:start + length])
            factor = CORRECTED_FACTOR if corrected else 1.0
            return Slot(
                word=" ".join(w for w, _, _ in sequence[start:start + length]),
                stem=" ".join(own),
                alternatives=[(own, factor), *((t, SYNONYM_FACTOR * factor) for t in targets)],
                corrected_from=" ".join(c for _, _, c in sequence[start:start + length] if c),
                span=length,
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
            # a number the pack never uses ("only 3", "ten or twelve") says little about the topic
            band = COMMONEST_BAND if number_value(slot.word) is not None else ENGLISH.band(slot.word)
            slot.weight = self.index.unknown_idf * _unknown_factor(band)
        if slot.generic:
            slot.weight *= GENERIC_WEIGHT

    def _last_number(self, kind: str) -> int:
        """The highest number the pack gives items of ``kind`` ("the last recommendation")."""
        return max((number for (k, number) in self._numbered if k == kind), default=0)

    # --- ranking ------------------------------------------------------------------------------

    def _slot_matches(
        self, slot: Slot, weights: dict[str, dict[int, float]]
    ) -> tuple[dict[int, float], dict[int, float]]:
        """Per item holding any of the slot's stems: (presence 0-1, bm25 contribution).

        Each of the slot's phrasings counts by the share of its words the item holds (a partial
        synonym phrase counts far less than a partial phrase of the question's own words); the
        slot takes its best phrasing. Walks the postings, not the items: a slot can stand for
        dozens of everyday phrasings, and only a few items hold any of them.
        """
        presences: dict[int, float] = {}
        contributions: dict[int, float] = {}
        idf = self.index.idf
        for position, (phrase, factor) in enumerate(slot.alternatives):
            if len(phrase) == 1:
                # The usual case, a single word: every item holding it holds all of the phrase.
                posting = weights.get(phrase[0])
                if posting:
                    rarity = idf[phrase[0]]
                    for doc, w in posting.items():
                        if factor > presences.get(doc, 0.0):
                            presences[doc] = factor
                        contribution = factor * (rarity * w)
                        if contribution > contributions.get(doc, 0.0):
                            contributions[doc] = contribution
                continue
            length = len(phrase)
            present: dict[int, int] = {}
            bm25: dict[int, float] = {}
            for p in phrase:
                posting = weights.get(p)
                if not posting:
                    continue
                rarity = idf[p]
                for doc, w in posting.items():
                    present[doc] = present.get(doc, 0) + 1
                    bm25[doc] = bm25.get(doc, 0.0) + rarity * w
            for doc, count in present.items():
                share = count / length
                if share < 1.0 and position > 0:
                    share *= share * 0.5
                if factor * share > presences.get(doc, 0.0):
                    presences[doc] = factor * share
                contribution = factor * bm25[doc] / length
                if contribution > contributions.get(doc, 0.0):
                    contributions[doc] = contribution
        return presences, contributions

    def _weights(self, query: Query, candidates: list[int]) -> dict[str, dict[int, float]]:
        """Each question stem's weight in each candidate item (absent means 0)."""
        out: dict[str, dict[int, float]] = {}
        wanted = set(candidates)
        for s in set(query.stems):
            posting = self.index.postings.get(s)
            if posting is None:
                continue
            docs, weights = posting
            if len(docs) <= 4 * len(candidates):
                found = {doc: w for doc, w in zip(docs, weights) if w and doc in wanted}
            else:
                found = {doc: w for doc in candidates if (w := self.index.weight(s, doc))}
            if found:
                out[s] = found
        return out

    def _hint_coverage(self, query: Query, among: set[int] | None = None) -> dict[int, float]:
        """For each item, how well its best hint (or title) alone covers the question (0-1).

        Args:
            among: only these hint ids (a large library's candidates); None for every hint.
        """
        total = query.total_weight
        if not total:
            return {}
        per_hint: dict[int, float] = {}
        for slot in query.slots:
            # The hints holding each phrasing of the slot, by how much that phrasing counts: a
            # hint counts once per slot, for its best phrasing.
            by_factor: dict[float, list[set[int]]] = {}
            for phrase, factor in slot.alternatives:
                postings = [self._hint_postings.get(p) for p in phrase]
                if not all(postings):
                    continue
                if among is not None:
                    postings = [among & p for p in postings]
                hits = set.intersection(*postings) if len(postings) > 1 else postings[0]
                if hits:
                    by_factor.setdefault(factor, []).append(hits)
            seen: set[int] = set()
            for factor in sorted(by_factor, reverse=True):
                if factor <= 0.0:
                    break
                fresh = set().union(*by_factor[factor]) - seen
                seen |= fresh
                for hint in fresh:
                    per_hint[hint] = per_hint.get(hint, 0.0) + slot.weight * factor
        best: dict[int, float] = {}
        for hint, value in per_hint.items():
            doc = self._hint_doc[hint]
            if value > best.get(doc, 0.0):
                best[doc] = value
        return {doc: value / total for doc, value in best.items()}

    def rank(self, query: Query, limit: int = 10) -> list[Scored]:
        """Items ranked for a read question, best first."""
        if not query.slots or not self.items:
            return []
        total = query.total_weight
        candidates = self.index.candidates(query.stems, limit=CANDIDATES)
        if len(self._hint_doc) <= SMALL_LIBRARY_HINTS:
            # A briefing's worth of hints: look at them all, and let a passage whose hints alone
            # answer the question join the candidates.
            hints = self._hint_coverage(query)
            candidates += [doc for doc in sorted(hints, key=lambda doc: (-hints[doc], doc))[:10]
                           if doc not in candidates]
        else:
            # A library: only the candidates' own hints.
            among = {h for doc in candidates for h in range(self._hint_start[doc], self._hint_start[doc + 1])}
            hints = self._hint_coverage(query, among)
        weights = self._weights(query, candidates)
        covered = dict.fromkeys(candidates, 0.0)
        bm25s = dict.fromkeys(candidates, 0.0)
        for slot in query.slots:
            presences, contributions = self._slot_matches(slot, weights)
            damp = GENERIC_WEIGHT if slot.generic else 1.0
            for doc, presence in presences.items():
                covered[doc] += slot.weight * presence
                bm25s[doc] += contributions.get(doc, 0.0) * damp
        top_bm25 = max(bm25s.values(), default=0.0) or 1.0
        # (-score, id, doc, confidence): sorted as tuples; Scored made only for what is returned
        results: list[tuple[float, str, int, float]] = []
        scored: dict[int, tuple[float, float]] = {}
        for doc in candidates:
            coverage = covered[doc] / total
            hint = hints.get(doc, 0.0)
            blended = W_COVERAGE * coverage + W_HINT * hint + W_BM25 * (bm25s[doc] / top_bm25)
            blended *= self._kind_factor(query, doc)
            scored[doc] = (blended, max(coverage, 0.5 * coverage + 0.5 * hint))
        if query.asks.judgement:
            self._judge_continuations(scored)
        for doc, (blended, confidence) in scored.items():
            results.append((-100.0 * blended, self.items[doc].id, doc, confidence))
        results.sort()
        if W_FUZZ and results:
            # token_set_ratio compares sets of words: each word once gives the same scores, sooner.
            text = " ".join(dict.fromkeys(query.words))
            head = []
            for negative, item_id, doc, confidence in results[:RERANK]:
                similarity = self._closest_hint(text, doc)
                head.append((negative * (1 - W_FUZZ) - W_FUZZ * similarity, item_id, doc, confidence))
            results = head + results[RERANK:]
            results.sort()
        return [Scored(self.items[doc], min(-negative, 100.0), confidence)
                for negative, _, doc, confidence in results[:limit]]

    def _judge_continuations(self, scored: dict[int, tuple[float, float]]) -> None:
        """A verdict asked on a case like the ones a passage describes is answered by the passage
        that goes on to judge them: "mum drinks, the boy has autism, is early help right for
        this?" describes the finding on complex needs, and "These cases should have been managed
        within CSC" is its verdict."""
        for doc, described in self._judging:
            if described not in scored:
                continue
            blended, confidence = scored[described]
            own = scored.get(doc, (0.0, 0.0))
            scored[doc] = (max(own[0], CONTINUATION_FACTOR * blended), max(own[1], confidence))

    def _kind_factor(self, query: Query, doc: int) -> float:
        """What the question's form says about the kind of passage it wants.

        Glossary entries answer "what does X mean"; definitions and titles naming the term answer
        "what is X"; a question naming "the recommendations" wants one; "how many" wants a number.
        """
        item = self.items[doc]
        factor = 1.0
        if item.kind == "glossary":
            factor *= 1.0 if query.definitional else 0.6
        elif item.kind == "definition" and query.definitional:
            factor *= 1.25
        if query.definitional and self._title_names_subject(query, doc):
            factor *= 1.15
            if item.kind == "glossary":
                factor *= 1.1  # "UHL - who's that?": the entry for the term, before passages naming it
                if self._defines_slot(query, doc):
                    factor *= 1.05  # "LSCB means what": its own entry, before the one on what replaced LSCBs
        asks = query.asks
        if asks.kinds and item.kind in asks.kinds:
            factor *= KIND_FACTOR
        elif asks.past and item.kind in PAST_WEAK_KINDS:
            factor *= PAST_FACTOR
        if asks.quantity and self.facts.has_number[doc]:
            factor *= 1.15
        if asks.time:
            factor *= TIME_FACTORS[self.facts.has_date[doc]]
        if asks.judgement and self.facts.normative[doc]:
            factor *= JUDGEMENT_FACTOR
        if asks.why and self.facts.reasoned[doc]:
            factor *= WHY_FACTOR
        return factor

    def _defines_slot(self, query: Query, doc: int) -> bool:
        """Whether a glossary entry's own term is one the question names."""
        own = self._own_terms[doc]
        return any(" ".join(phrase) in own for slot in query.slots for phrase, _ in slot.alternatives[:1])

    def _title_names_subject(self, query: Query, doc: int) -> bool:
        title = self._title_stems[doc]
        top = max((slot.weight for slot in query.slots if not slot.generic), default=0.0)
        for slot in query.slots:
            if slot.generic or slot.weight < 0.6 * top:
                continue
            if any(all(p in title for p in phrase) for phrase, _ in slot.alternatives):
                return True
        return False

    # --- answering ----------------------------------------------------------------------------

    def search(self, question: str, limit: int = 5) -> SearchResult:
        """Read, rank and decide: the whole of matching one question."""
        query = self.read(question)
        if query.numbers:
            found = [self.items[self._numbered[key]] for key in query.numbers if key in self._numbered]
            if found:
                ranked = tuple(Scored(item, 100.0, 1.0) for item in found[:limit])
                missing = self.facts.not_stated(query.asks, self._doc_of[found[0].id])
                return SearchResult(query=query, ranked=ranked, answered=not missing, by_number=True,
                                    not_stated=missing)
            # "learning point 9" in a briefing with three: not answered with another one
            return SearchResult(query=query, ranked=tuple(self.rank(query, limit=limit)), answered=False)
        ranked = self.rank(query, limit=max(limit, 5))
        missing = ""
        answered = bool(ranked) and self._confident(query, ranked[0])
        if (answered and len(query.slots) <= FAINT_SLOTS and ranked[0].coverage < FAINT_COVERAGE
                and self._likeness(query, ranked[0]) < FAINT_LIKENESS):
            # little of the question, in words like none of the ways the passage is asked about
            answered = False
        if answered and _COUNTS_CASES_WITH.search(" ".join(query.words)) and not self._holds_topic(query, ranked[0]):
            # "how many of the ten cases involved domestic violence?": "Ten cases were selected"
            # gives a number, but not of those
            answered, missing = False, "a number"
        if answered and (unspelled := self._unspelled_subject(query)):
            # "what does LLR stand for in LLR LSCB?": the entry that answers is LLR's, whatever
            # ranks first, and the briefing never spells LLR out
            answered, missing = False, f"what {self.items[unspelled].term} stands for"
        if answered:
            missing = self.facts.not_stated(query.asks, self._doc_of[ranked[0].item.id])
            if missing in ("a number", "a date"):
                ranked, missing = self._giving_what_is_asked(query, ranked, missing)
            answered = not missing
        elif ranked and query.asks.facts and not query.out_of_scope and ranked[0].coverage >= self.answer_threshold:
            # "Who chairs the PAAG?": the word for the fact may be one the pack never uses, but
            # the topic is the briefing's; say which fact it does not give.
            missing = self.facts.not_stated(query.asks, self._doc_of[ranked[0].item.id])
        return SearchResult(query=query, ranked=tuple(ranked[:limit]), answered=answered, not_stated=missing)

    def _holds_topic(self, query: Query, best: Scored) -> bool:
        """Whether the passage holds every one of the question's heaviest words (or what the pack
        says they stand for)."""
        doc = self._doc_of[best.item.id]
        weights = self._weights(query, [doc])
        top = max((slot.weight for slot in query.slots if not slot.generic), default=0.0)
        return all(self._slot_matches(slot, weights)[0].get(doc, 0.0) >= 0.5
                   for slot in query.slots if not slot.generic and slot.weight >= 0.75 * top)

    def _likeness(self, query: Query, best: Scored) -> float:
        """How like the question, as characters, the passage's closest hint or title is (0-100)."""
        return self._closest_hint(" ".join(dict.fromkeys(query.words)), self._doc_of[best.item.id])

    def _closest_hint(self, text: str, doc: int) -> float:
        """rapidfuzz's token_set_ratio of ``text`` (each word once) and the item's closest hint or title."""
        found = process.extractOne(text, self._hint_texts[doc], scorer=fuzz.token_set_ratio)
        return found[1] if found else 0.0

    def _unspelled_subject(self, query: Query) -> int | None:
        """The glossary entry of the term a "what does X stand for" question names, if the
        briefing never spells that term out; else None."""
        doc = self._entry_of.get(query.subject) if query.subject else None
        return doc if doc is not None and self.facts.unspelled[doc] else None

    def _giving_what_is_asked(self, query: Query, ranked: list[Scored], missing: str) -> tuple[list[Scored], str]:
        """When the best passage lacks the number or date a question asks for and a close runner-up
        about as much of the question gives one, that one answers: "lead practitioners from outside
        agencies, how many?" wants the passage that counts them, not the one that only names them,
        and "the deadline for completing the audit" the one that dates it, not the one on who did it."""
        best = ranked[0]
        for runner in ranked[1:FACT_RUNNERS_UP + 1]:
            if runner.score < FACT_MARGIN * best.score or not self._confident(query, runner):
                break
            if runner.coverage < best.coverage:
                continue  # it gives a number, but about less of what was asked
            if not self.facts.not_stated(query.asks, self._doc_of[runner.item.id]):
                return [runner, *(s for s in ranked if s is not runner)], ""
        return ranked, missing

    def _confident(self, query: Query, best: Scored) -> bool:
        if query.out_of_scope and not self._topic_in_passing(query, best):
            return False
        if not any(not slot.generic for slot in query.slots):
            return best.coverage >= 0.95 and len(query.slots) >= 2
        total = query.total_weight
        unknown = sum(slot.weight for slot in query.slots if not slot.known) / total if total else 1.0
        length = min(1.0, max(0.0, (len(query.slots) - 5) / 5))
        if best.coverage < self.answer_threshold - LONG_RELIEF * length or unknown >= self.unknown_limit:
            return False
        return True

    def _topic_in_passing(self, query: Query, best: Scored) -> bool:
        """Whether the out-of-scope topics a question names are only part of its story.

        "How do I apply for an EPO?" is about the order, and is declined; a long scenario that
        mentions a core group in passing ("... nobody from adult mental health has come to the
        core groups. Is this a known issue?") is about what the rest of it says, and a passage
        that covers most of it answers it.
        """
        topic_words = {word for phrase in query.out_of_scope for word in phrase.split()}
        total = query.total_weight
        in_topic = sum(slot.weight for slot in query.slots if set(slot.stem.split()) <= topic_words)
        return (len(query.slots) >= PASSING_MIN_SLOTS and total > 0
                and in_topic / total <= PASSING_TOPIC_SHARE and best.coverage >= PASSING_COVERAGE)

    def confidence_word(self, result: SearchResult) -> str:
        """"strong", "partial" or "none"."""
        if not result.answered or not result.best:
            return "none"
        return "strong" if result.by_number or result.best.coverage >= self.strong_threshold else "partial"


def _placed(raw: list[str], position: int) -> int:
    """Whether the word at ``position`` names where the answer is: "in the audit", "after this
    audit", "according to the briefing", "what did the audit find", "the auditors thought". There
    it frames the question; "when was the audit done" asks about the audit itself.

    Returns:
        0 if it does not; else the position of the verb by which it answers ("found"), which
        frames the question too, or -1 when there is none ("in the audit").
    """
    after = position + 1
    while after < len(raw) and raw[after] in ("s", "did", "do", "does", "has", "have", "had", "actually", "really"):
        after += 1
    if after < len(raw) and raw[after] in _REPORTING:
        return after
    before = position - 1
    while before >= 0 and raw[before] in ("the", "this", "that", "our", "your", "their"):
        before -= 1
    if before < 0:
        return 0
    according = raw[before] == "to" and raw[before - 1:before] == ["according"]
    return -1 if raw[before] in _PLACE_WORDS or according else 0


def _framing_word(word: str) -> str:
    """The one long framing word ("definition", "information") ``word`` is a slip of, or ""."""
    found = [w for w in _LONG_FRAME_WORDS if OSA.distance(word, w, score_cutoff=1) <= 1]
    return found[0] if len(found) == 1 else ""


def _swapped_stopword(word: str, stopwords) -> str:
    """The function word ``word`` is with two neighbouring letters swapped ("teh", "waht"), or ""."""
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    return next((w for w in sorted(swaps) if w in stopwords), "")


def _one_more_letter(word: str) -> list[str]:
    """Every word ``word`` is with one letter put back, in order."""
    return [word[:i] + letter + word[i:] for i in range(len(word) + 1) for letter in "abcdefghijklmnopqrstuvwxyz"]


def _common_with_one_more_letter(word: str) -> str:
    """A common English word that ``word`` is with one letter left out, or ""."""
    return ENGLISH.first_with_one_more_letter(word, COMMON_BAND)


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
