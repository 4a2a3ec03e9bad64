"""A conversation with the briefing: questions answered in context, so follow-ups work.

"tell me more", "why?", "what's the recommendation for that?", "what about fathers?" and "and for
police?" only make sense after an earlier answer; :class:`Conversation` remembers the last question
and answer (in memory only, never on disk) and reads each new line in their light. The app and
`learnbot chat` both use it; `learnbot ask` uses a fresh one per question.
"""

from __future__ import annotations

from dataclasses import replace

from learnbot.core.answer import NONE, STRONG, Answer, Match
from learnbot.core.lazyregex import LazyPattern, compile_all
from learnbot.core.matching.matcher import Matcher, SearchResult
from learnbot.core.matching.text import normalise
from learnbot.core.model import Item, Pack
from learnbot.core.privacy import case_details_warning, mask_case_details

MAX_QUESTION_CHARS = 2000
"""Longer questions are read only this far (and say so)."""

# Follow-up patterns, compiled on first use (a one-off `learnbot ask` never needs most of them).
TASK_MESSAGE = (
    "learnbot cannot do that: it answers questions about the briefing. Try asking what the briefing "
    "says about a topic, for example \u201cwhat did the audit find about fathers?\u201d"
)
"""What learnbot says when asked to do a task for someone ("can you write me a CV")."""
_MORE = LazyPattern(
    r"^(?:(?:can you |could you |please )?(?:tell me |say |show me |give me )?(?:some )?more"
    r"(?: about (?:that|this|it))?(?: please)?|go on|continue|and\??|elaborate|expand(?: on (?:that|this))?|"
    r"(?:any ?thing|what) else\??|more detail|more info(?:rmation)?|keep going|next)$"
)
""""Tell me more"."""
_WHY = LazyPattern(
    r"^(?:but )?(?:why|how come|why is that|why's that|why does (?:that|it) matter|what for|"
    r"why (?:was|is|did|does) (?:that|this|it)(?: \w+)?|what(?:'s| is) the reason)$"
)
""""Why?"."""
SHORT_FOLLOW_UP_WORDS = 10
""""Tell me more" and "why?" are short: a longer question is never one."""
_SHORT_FOLLOW_UP_CUES = ("more", "go on", "continue", "elaborate", "expand", "else", "detail", "info",
                         "keep going", "next", "why", "how come", "what for", "reason")
"""One of these is in every "tell me more" or "why?" (or it is a bare "and"): a question holding
none is not one, and a one-off `learnbot ask` then compiles no follow-up pattern at all."""


def _may_be_short_follow_up(lowered: str) -> bool:
    return (len(lowered.split()) <= SHORT_FOLLOW_UP_WORDS
            and (lowered == "and" or any(cue in lowered for cue in _SHORT_FOLLOW_UP_CUES)))


_KIND_FOLLOW_UPS = (
    ("recommendation", LazyPattern(r"\b(recommend\w*|recs?|what should (?:be done|happen|change)|"
                                   r"what (?:needs|has) to (?:happen|change)|what to do about (?:it|that))\b")),
    ("finding", LazyPattern(r"\b(finding|findings|what did (?:the audit|they) find|evidence)\b")),
    ("learning_point", LazyPattern(r"\b(learning points?|lessons?|what can we learn|learning)\b")),
)
"""Asking for a kind of passage about the last answer ("what's the recommendation for that?")."""
_REFERS_BACK = LazyPattern(r"\b(that|this|it|them|those|these|there)\b")
_ABOUT = LazyPattern(
    r"^(?:and |but |so )?(?:what about|how about|what of|and about|about|and(?: for)?|"
    r"what for|for|also)\s+(?:the |for |with )?(.+?)\??$"
)
""""What about fathers?", "and for police?": the last topic, for someone or something else."""


class Conversation:
    """Answers questions one after another, keeping the context of the last answer."""

    def __init__(self, pack: Pack, matcher: Matcher | None = None):
        self.pack = pack
        self.matcher = matcher or Matcher(pack)
        self.last_question: str = ""
        self.last_item: Item | None = None
        self.shown: list[str] = []
        """Ids shown since the last new topic (so "tell me more" moves on)."""

    def prepare(self) -> "Conversation":
        """Compile now what answering otherwise compiles on first use (the cues for reading
        questions, the case-detail patterns, the English word list, the follow-up patterns).

        A one-off `learnbot ask` skips this and compiles only what its question needs; a process
        answering many questions (the app, `chat`, a scorer) calls it once, so that no question
        pays for being the first to need something.
        """
        from learnbot.core.matching.english import ENGLISH
        from learnbot.core.matching.matcher import COMMON_BAND

        compile_all()  # the cues for reading questions, the case-detail and follow-up patterns
        ENGLISH.common(COMMON_BAND)  # the word list, and its common words for reading typos
        self.matcher.search("what does the briefing say early help means")  # rapidfuzz's first call
        return self

    def reset(self) -> None:
        """Forget the context (a new topic)."""
        self.last_question = ""
        self.last_item = None
        self.shown = []

    # --- the one public verb ------------------------------------------------------------------

    def ask(self, question: str) -> Answer:
        """Answer ``question`` (a new question or a follow-up to the last answer)."""
        question = question if isinstance(question, str) else str(question)
        clipped = question[:MAX_QUESTION_CHARS]
        warning = case_details_warning(question)
        text = " ".join(clipped.split())
        if not normalise(text).strip(" ?!.,"):
            return Answer(
                question=question, answered=False, confidence=NONE, case_details_warning=warning,
                message="Type a question about the briefing, for example \u201cwhat is early help?\u201d "
                        "or \u201crecommendation 4\u201d.",
            )
        if warning:
            text = " ".join(mask_case_details(text).split()) or text
        answer = self._follow_up(question, text) or self._new_question(question, text)
        if len(question) > MAX_QUESTION_CHARS:
            answer = replace(answer, note=(answer.note + " " if answer.note else "")
                             + f"(Only the first {MAX_QUESTION_CHARS} characters were read.)")
        return replace(answer, case_details_warning=warning)

    def choose(self, item: Item) -> Answer:
        """Show ``item`` as the answer (a "did you mean" pick) and make it the context, so that
        "tell me more" and "why?" follow it up."""
        self.last_question = item.title
        self.last_item = item
        self.shown = [item.id]
        related = tuple(self.pack.related_items(item))[:3]
        return Answer(question=item.title, answered=True, confidence=STRONG,
                      matches=(Match(item, 100.0),), related=related)

    # --- new questions ------------------------------------------------------------------------

    def _new_question(self, question: str, text: str, note: str = "") -> Answer:
        result = self.matcher.search(text)
        answer = self._answer(question, result, note)
        if answer.answered:
            self.last_question = text
            self.last_item = answer.best
            self.shown = [m.item.id for m in answer.matches[:1]]
        return answer

    def _answer(self, question: str, result: SearchResult, note: str = "") -> Answer:
        ranked = result.ranked
        if result.answered:
            matches = tuple(Match(s.item, s.score) for s in ranked)
            best = ranked[0].item
            shown = {m.item.id for m in matches[:3]}
            related = tuple(r for r in self.pack.related_items(best) if r.id not in shown)[:3]
            return Answer(
                question=question, answered=True, confidence=self.matcher.confidence_word(result),
                matches=matches, related=related, note=note,
            )
        if result.query.asks.task:
            # "can u write me a cv": neither a near-miss passage nor the procedures will help
            return Answer(question=question, answered=False, confidence=NONE, note=TASK_MESSAGE)
        suggestions = tuple(s.item for s in ranked if s.score >= 25)[:3]
        return Answer(
            question=question, answered=False, confidence=NONE, suggestions=suggestions,
            further=self._further(result), note=note, not_stated=result.not_stated,
        )

    def _further(self, result: SearchResult) -> tuple[Item, ...]:
        """Further-information items worth pointing to when the briefing has no answer."""
        # each link on its own, not the whole list of them
        further = [item for item in self.pack.of_kind("further_information") if len(item.links) <= 1]
        if not further or not result.query.slots:
            return ()
        wanted = set(result.query.stems)
        scored = []
        for item in further:
            words = set(self.matcher.index_stems(item))
            scored.append((len(wanted & words), item))
        relevant = [item for hits, item in sorted(scored, key=lambda p: -p[0]) if hits]
        if relevant:
            return tuple(relevant[:2])
        on_topic = result.query.out_of_scope or any(
            slot.known and not slot.generic for slot in result.query.slots
        )
        if not on_topic:
            return ()
        procedures = [item for item in further if "procedures" in item.tags]
        return tuple(procedures[:1])

    # --- follow-ups ---------------------------------------------------------------------------

    def _follow_up(self, question: str, text: str) -> Answer | None:
        lowered = normalise(text).strip(" ?!.")
        last = self.last_item
        if last is None:
            if _may_be_short_follow_up(lowered) and (_MORE.match(lowered) or _WHY.match(lowered)):
                return Answer(question=question, answered=False, confidence=NONE,
                              note="Ask a question first, then \u201ctell me more\u201d or \u201cwhy?\u201d "
                                   "follows it up. For example: \u201cwhat is early help?\u201d")
            return None
        if _MORE.match(lowered):
            return self._more(question, last)
        if _WHY.match(lowered):
            return self._why(question, last)
        for kind, pattern in _KIND_FOLLOW_UPS:
            if pattern.search(lowered) and (_REFERS_BACK.search(lowered) or len(lowered.split()) <= 6):
                found = [r for r in self.pack.related_items(last) if r.kind == kind]
                if not found and last.kind == kind:
                    return self._show(question, [last], f"That is itself a {last.kind_label.lower()}:")
                if found:
                    return self._show(question, found, f"The {found[0].kind_label.lower()} that goes with "
                                                        f"\u201c{last.title}\u201d:")
        about = _ABOUT.match(lowered)
        if about and len(about.group(1).split()) <= 5:
            return self._about(question, about.group(1))
        return None

    def _show(self, question: str, items: list[Item], note: str) -> Answer:
        matches = tuple(Match(item, 100.0 - n) for n, item in enumerate(items))
        best = items[0]
        shown = {m.item.id for m in matches}
        related = tuple(r for r in self.pack.related_items(best) if r.id not in shown)[:3]
        self.last_item = best
        self.shown.extend(item.id for item in items)
        return Answer(question=question, answered=True, confidence=STRONG, matches=matches,
                      related=related, note=note)

    def _more(self, question: str, last: Item) -> Answer:
        fresh = [r for r in self.pack.related_items(last) if r.id not in self.shown]
        if not fresh:
            return Answer(question=question, answered=False, confidence=NONE,
                          note=f"That is all the briefing says about \u201c{last.title}\u201d. "
                               "Ask another question, or browse the briefing.")
        answer = self._show(question, fresh[:1], f"More on \u201c{last.title}\u201d:")
        self.last_item = last  # "more" again moves on through the same item's related passages
        return answer

    def _why(self, question: str, last: Item) -> Answer:
        order = {
            "recommendation": ("finding",),
            "learning_point": ("finding", "good_practice"),
            "finding": ("finding", "recommendation", "learning_point"),
        }.get(last.kind, ("finding", "definition", "background"))
        related = self.pack.related_items(last)
        if last.kind == "finding" and last.number is not None:
            siblings = [i for i in self.pack.of_kind("finding") if i.number == last.number and i.id != last.id]
            related = tuple(siblings) + tuple(r for r in related if r not in siblings)
        for kind in order:
            found = [r for r in related if r.kind == kind and r.id not in self.shown]
            if found:
                return self._show(question, found[:2], f"Why \u201c{last.title}\u201d: what the briefing says "
                                                       "behind it.")
        return Answer(question=question, answered=False, confidence=NONE,
                      note=f"The briefing gives no more reasons for \u201c{last.title}\u201d than the passage "
                           "itself. Ask another question, or browse the briefing.")

    def _about(self, question: str, topic: str) -> Answer:
        """ "what about X?" / "and for police?": X alone, or X in the light of the last question."""
        alone = self.matcher.search(topic)
        role = self._names_role(topic)
        # For a role, look further down the list: the passage naming it may not be in the top five.
        combined = self.matcher.search(f"{self.last_question} {topic}", limit=30 if role else 5)
        best_alone = alone.best.score if alone.answered and alone.best else 0.0
        use_combined = role or not alone.answered or (
            combined.answered and combined.best and combined.best.score > best_alone + 10
        )
        if use_combined and combined.answered:
            if role:
                combined = self._prefer_role(combined, role)
            note = f"Taking \u201c{topic}\u201d with your last question:"
            answer = self._answer(question, combined, note)
        else:
            answer = self._answer(question, alone)
        if answer.answered:
            self.last_item = answer.best
            self.shown = [m.item.id for m in answer.matches[:1]]
            if not role:
                self.last_question = topic
        return answer

    def _names_role(self, topic: str) -> str:
        words = normalise(topic)
        for item in self.pack.items:
            for role in item.roles:
                if role.lower() in words or words in role.lower():
                    return role
        return ""

    @staticmethod
    def _prefer_role(result: SearchResult, role: str) -> SearchResult:
        ranked = sorted(result.ranked, key=lambda s: (role not in s.item.roles, -s.score))
        return replace(result, ranked=tuple(ranked[:5]))
