"""What a question asks for, read from its form, and whether a passage gives it.

Some of what a practitioner wants lies in how they ask, not in the topic words the matcher
weighs: "how many ...?" wants a number, "when will ...?" a date after the briefing, "who chairs
...?" a name the briefing never gives, "what did good supervision look like?" the good practice,
"did police see the children?" a finding rather than a recommendation. :func:`read_asks` reads
those cues; :class:`PassageFacts` knows which passages give numbers, dates, lengths of time and
so on, and says what a passage does not give (:meth:`PassageFacts.not_stated`), so that a
question on the briefing's topic asking for a fact it never states is declined, and told why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from learnbot.core.lazyregex import LazyPattern
from learnbot.core.matching.knowledge import is_abbreviation
from learnbot.core.matching.text import words
from learnbot.core.model import Item, PackMeta


class _Cue:
    """A regular expression for reading questions, compiled only when first needed, and tried
    only on text holding one of its trigger words (which every match contains).

    Compiling these expressions costs milliseconds, and ``learnbot ask`` is one question in a
    whole process: most questions hold none of most cues' triggers, so most are never compiled.
    """

    __slots__ = ("_pattern_source", "triggers", "_any_case")

    def __init__(self, source: str, triggers: tuple[str, ...] = (), flags: int = 0) -> None:
        self._pattern_source = LazyPattern(source, flags)
        self.triggers = triggers
        self._any_case = bool(flags & re.IGNORECASE)

    def _pattern(self, text: str) -> re.Pattern[str] | None:
        if self.triggers:
            if self._any_case:
                text = text.lower()
            for trigger in self.triggers:
                if trigger in text:
                    break
            else:
                return None
        return self._pattern_source.compiled

    def search(self, text: str) -> re.Match[str] | None:
        pattern = self._pattern(text)
        return pattern.search(text) if pattern else None

    def sub(self, replacement: str, text: str) -> str:
        pattern = self._pattern(text)
        return pattern.sub(replacement, text) if pattern else text


_NOT_LOOKING = "".join(
    f"(?<!where {verb} {who} )"
    for verb in ("do", "can", "could", "would", "will", "should")
    for who in ("i", "we", "you")
)
"""Lookbehinds (each of fixed width, as Python needs): "find" after "where do I" looks for something."""
_KIND_CUES = {
    # "what should early help workers do ...", "what does the audit want CSC to do": a
    # recommendation says who should do what
    "recommendation": _Cue(
        r"\b(?:recs?|recommend\w*)\b|\bwhat (?:should|must|needs? to|ought to) (?:\w+ ){1,3}do\b|"
        r"\bwhat (?:does|do|did) (?:\w+ ){1,3}(?:want|expect) (?:\w+ ){1,3}to do\b|"
        # "which agency was told to make sure kids are spoken to": what it was recommended to do
        r"\b(?:which|who|what) (?:\w+ ){0,2}(?:was|were|is|are|has been|have been) (?:told|asked|advised|expected|"
        r"required) to\b",
        ("rec", "what", "which", "who"),
    ),
    # "where do I find the procedure", "find out what happened": looking for, not what was found
    # "how did management oversight come out in the audit?": what was found about it
    "finding": _Cue(
        rf"\b(?:findings?|found(?! out)|{_NOT_LOOKING}find(?! out)|how did (?:\w+ ){{1,4}}come out|"
        # "what poor practice did it identify": what the findings say went wrong, not the good practice
        r"(?:poor|bad|weak|poorer|worse|worst|weaker|unsafe|inconsistent) practi[cs]e)\b",
        ("find", "found", "come out", "practi"),
    ),
    "learning_point": _Cue(r"\b(?:learning points?|lessons?(?: learn[te]d)?)\b", ("learning point", "lesson")),
    "good_practice": _Cue(
        r"\b(?:good practi[cs]e|strengths?|(?:went|done|worked) (?:really |very |so |particularly )?well|"
        r"praised|good examples?|the positives|"
        r"positive (?:stuff|things|bits|examples?|practi[cs]e|work)|(?:really|very|such|some) good work|"
        r"examples? of good|what good (?:looks|looked) like|what (?:did|does|do|would|should) (?:good|effective|strong|best) (?:\w+ ){1,4}(?:look|looks)|"
        r"good (?:\w+ ){1,2}(?:looks|looked) like|"
        # "what should my supervision look like", "in the strong case", "held up as a good plan"
        r"what should (?:my|our|the|a|an) (?:\w+ ){0,2}(?:look like|be showing)|"
        r"(?:the|that) (?:strong|strongest|good|best|positive|exemplar|model) "
        r"(?:case|example|one|ass?ess?ments?|plans?|records?|files?)s?|(?:hold|held|holds) up as|exemplar)\b",
        ("good", "well", "strength", "praised", "positive", "look like", "showing", "strong", "best", "held up",
         "hold up", "holds up", "exemplar", "model"),
    ),
    "methodology": _Cue(r"\b(?:method\w*|sample|sampled)\b", ("method", "sampl")),
}
"""Words that say which kind of passage a question wants ("what do the recommendations say ...")."""
_TASK = _Cue(
    r"\b(?:can|could|would|will) (?:you|u) (?:please |pls |plz )?(?:write|draft|translate|book|reset|fill|send|"
    r"email|print|make|create|produce|order|arrange|set up|sort out|change|fix|install|recommend a|recommend an|"
    r"recommend some)\b",
    ("you", "u "),
)
"""Asking learnbot to do a task ("can you write me a CV", "could you book a room"), where "can you
explain rec 7" or "can you remind me of the findings" asks about the briefing."""
_LANGUAGES = (
    "urdu", "punjabi", "gujarati", "hindi", "bengali", "tamil", "polish", "romanian", "arabic", "somali", "kurdish",
    "pashto", "farsi", "dari", "portuguese", "spanish", "french", "italian", "german", "lithuanian", "latvian",
    "slovak", "czech", "bulgarian", "tigrinya", "amharic", "chinese", "mandarin", "cantonese", "turkish", "russian",
    "ukrainian", "albanian", "welsh", "english", "bsl", "sign language",
)
_TRANSLATE = _Cue(
    r"^\W*(?:please |pls |can you |could you )?translate\b|"
    r"\b(?:how (?:do|would|can) (?:you|i|we) say|what(?: is|s)?)\b.{1,60}\b(?:in|into) "
    rf"(?:{'|'.join(_LANGUAGES)})\W*$",
    ("translate", *_LANGUAGES), re.IGNORECASE,  # tried only on a question naming a language
)
"""Asking learnbot to translate ("translate 'appointment' to Romanian", "what's 'appointment' in Urdu")."""
_DONE_WITH = _Cue(
    r"\bwhat (?:should|do|can|must|shall|are) (?:\w+ ){1,3}?(?:do|doing) (?:with|about)\b|"
    r"\b(?:supposed|going|meant|expected) to (?:happen|be done) (?:with|to|about)\b|"
    r"\bwhat (?:should|must|can|is to|needs to|ought to) be done (?:with|about)\b|"
    r"\b(?:want|wants|wanted|like|recommend|recommends|suggest|suggests) (?:\w+ )?(?:done|doing) (?:with|about)\b|"
    r"\bwhat (?:happens|will happen) (?:with|to|about|next with)\b|"
    r"\b(?:should|will|is to|needs to) happen (?:with|to)\b|"
    r"\bhow (?:should|do|can|will) (?:\w+ ){1,3}?(?:use|share|spread|pass on)\b|"
    r"\b(?:should|do|can|must) (?:i|we) (?:be )?(?:tell|telling|share|sharing|spread|spreading) "
    r"(?:\w+ ){0,3}?(?:about|with|around)\b",
    ("with", "about", "happen", "done", "use", "share", "spread", "pass on"),
)
"""Asking what is to be done with something ("what should we do with the good examples?")."""
_A_COUNT = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|a hundred|half|"
            r"a third|a quarter|a few|a handful|a dozen)")
_UNITS = ("day", "week", "month", "year")
_TIME_UNIT = rf"(?:working )?(?:{'|'.join(_UNITS)})s?\b"
"""A length of time after a count: "more than one month" asks how long, not how many."""
_TIME_UNITS = rf"(?:working )?(?:{'|'.join(_UNITS)})s\b"
"""The same after "how many" ("how many weeks"), where "how many day visits" counts visits."""
_SHARE_WORDS = r"\b(?:percent|percentage|proportion|ratio|fraction)\b"
_QUANTITY = _Cue(
    rf"\bhow (?:many(?! {_TIME_UNITS})|big|large|small)\b|\bhow much (?!should|do|does|did|can|could|would|will|of\b|is\b|are\b)"
    r"(?!\w+ (?:should|do|can|could|would|must|need to) (?:i|we|you|go|be)\b)|"  # "how much digging should I do"
    r"\bnumber of\b|\b(?:bigger|larger|smaller) than\b|\bsample size\b|"
    # "more than 5 cases", not "about more than spotting families"
    rf"\b(?:more|fewer|less) than {_A_COUNT}\b(?! {_TIME_UNIT})|"
    + _SHARE_WORDS,
    ("how ", "number of", " than", "sample size", "percent", "proportion", "ratio", "fraction"),
)
_SHARE = re.compile(_SHARE_WORDS)
_WHY = re.compile(r"(?:(?:and|so|but|ok|okay) )?why\b")
"""A question asking for a reason."""
_ASKS_WHY = re.compile(r"\bwhy\b")
"""A question asking why anywhere in it ("and why not?"), which a passage giving a reason answers."""
_HAS_NUMBER = r"\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?![()])"
"""A count in a passage ("Ten cases", "Two cases out of the 10"); years are not counts."""
_HAS_DATE = (
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"(?:19|20)\d\d)\b"
)
_TIME = _Cue(
    r"\b(?:when|what (?:dates?|years?|months?|time)|which (?:years?|months?|dates?)|how long|how recent|dates?|"
    r"timeframe|time ?scale|period|year|month|spring|summer|autumn|winter)\b",
    ("when", "date", "year", "month", "how long", "how recent", "time", "period", "spring", "summer", "autumn",
     "winter"),
)
"""Questions about when: "when was the audit done", "which year's guidance"."""
_CALENDAR = _Cue(
    r"\b(?:what|which) (?:dates?|day|years?|months?)\b(?! to (?:day|month|year))|"  # not "what day-to-day life"
    r"\bwhen (?:will|is the next|does the next)\b|"
    r"\bwhat time\b|\bdeadline\b|"
    r"\bwhen (?:is|are|s) (?:(?:the|their|our|a|an) )?(?:\w+ ){0,3}(?:meeting|meetings|panel|"
    r"session|conference|training|hearing)\b",
    ("date", "day", "year", "month", "when", "time", "deadline"),
)
"""Questions that want a calendar answer ("what date is the meeting?"): only a dated passage
answers them."""
_FREQUENCY = _Cue(r"\bhow often\b|\bhow frequently\b", ("how often", "how frequently"))
"""Questions that want how often ("how often does the panel meet"): only a passage that gives a
number or says how often ("regular", "timely", "monthly") answers them."""
_HAS_DURATION = (
    r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|few|several) (?:days?|weeks?|months?|"
    r"years?)\b"
)
"""A length of time in a passage ("six weeks", "two years"); a date range counts too."""
_NORMATIVE = r"\b(?:should|must|ought|needs? to|recommend\w*|ensure)\b"
"""A passage that says what ought to happen, so can give a verdict on a case or a practice."""
_REASON = r"\b(?:because|due to|resulting in|so that|as a result|in order to)\b"
"""A passage that gives a reason or a consequence, so can answer "why"."""
_CONTINUING = r"(?:these|those|such) (?:cases|families|children|situations)\b"
"""How a passage opens that is about the cases the passage before it describes."""
_HAS_FREQUENCY = r"\b(?:regular\w*|weekly|monthly|daily|annual\w*|yearly|every|frequent\w*)\b"
"""Words that say how often. Not "timely": "Timely reviews" says reviews were on time, not how often
they are held."""
_DURATION = _Cue(
    r"\bhow long\b|\b(?:time ?scales?|time ?frames?|time limits?) (?:for|to|on)\b|"
    # "what timescale do I have to complete an assessment in?"
    r"\bwhat (?:time ?scales?|time ?frames?|time limits?) (?:do|does|did|will|would) (?:\w+ )?have\b|"
    rf"\bhow many {_TIME_UNITS}|"  # "how many weeks did it take"
    rf"\b(?:more|less|longer|shorter) than (?:{_A_COUNT}|an?) {_TIME_UNIT}",  # "run over more than one month"
    ("how long", "time", "how many", "than"),
)
"""Questions that want a length of time ("how long is the wait"): only a passage that gives a number
or a date answers them."""
_FUTURE = _Cue(
    r"\bwhen (?:will|(?:(?:is|are|s|does|do) )?(?:the )?next)\b|\bnext (?:one|audit|review|meeting|briefing)\b.*\bwhen\b|"
    r"\b(?:what|which) (?:date|day|time|month)\b.*\bnext\b|"
    # (not "the deadline for finishing the audit": that date is the briefing's, and past)
    r"\b(?<!audit )deadline\b(?! (?:for|to|of) (?:finish|finishing|complete|completing|completion of|doing|do) "
    r"(?:the |this |that )?audit)|\bby when\b|\bhow soon (?:will|is|are|s|can we expect)\b|\bdue date\b|"
    r"\bwhen (?:is|are|s) (?:\w+ ){1,6}?(?:being|going to|due|planned|scheduled)\b",
    ("when", "deadline", "soon", "due", "next"),
)
"""Questions about what happens after the briefing ("when will the next audit be?", "what's the
deadline"): only a passage dated later than the briefing itself answers them."""
_YEAR = r"\b(?:19|20)\d\d\b"
_A_YEAR = re.compile(_YEAR)
_PERSON = (
    r"(?:famil\w*|child\w*|kids?|parents?|mums?|mothers?|dads?|fathers?|practitioners?|workers?|staff|"
    r"officers?|auditors?|managers?|people|persons?|professionals?|chairs?|leads?)"
)
_CASES = r"(?:cases?|famil(?:y|ies)|children|child|kids|referrals?|files?)"
_HOW_DO_I = r"\bhow (?:do|can|would|should|could|to|does one) (?:i |we |you |one )?(?:go about )?"
"""How a question asking for the steps of doing something opens ("how do I go about ...")."""
_ACTED_ON = r"(?:escalated|referred|stepped up|stepped down|sent|passed|pushed|bounced|moved|transferred|flagged)"
"""What was done to cases in "what happened to the cases escalated to social care?"."""
_FACTS = (
    # (what the question asks for, what a passage must say to answer it (None: no passage can),
    #  what the answer would be, for saying plainly that the briefing does not give it)
    (_Cue(rf"\bnames? of (?:the |their |those |these )?(?:\w+ )?{_PERSON}\b|\bwhat (?:is|was|were|s) "
                rf"(?:the |their )?names?\b|\bwho (?:is|was|s) (?:the )?(?:named |current )?(?:manager|head|director|"
                r"chair|chairperson|leader|boss|contact) (?:of|for|at)\b|"
                r"\bwho (?:is|was|were|s) (?:the )?(?:lead|chief|head|senior|main|named) (?:auditor|author|officer|"
                r"manager|investigator|reviewer|writer)s?\b|"
                # "who's the duty manager today?"
                r"\bwho (?:(?:is|was|s) )?(?:the |my |our |your )(?:\w+ )?(?:manager|boss|director)\b|"
                r"\b(?:named|which) (?:individuals?|representatives?)\b",
                ("name", "who", "individual", "representative")),
     None, "anyone's name"),
    (_Cue(r"\bwho (?:chairs|chaired|chair|is chairing|heads|headed|is in charge|was in charge)\b|"
                r"\bchair(?:person|man|woman)? of\b|\bwho is the chair\b", ("chair", "head", "charge")),
     _Cue(r"\bchair", (), re.I), "who chairs it"),
    (_Cue(r"\bwhat (?:did|has|have|will|was|were) (?:\w+ ){1,8}?decid\w*\b|\bwhat (?:was|were) the decisions?\b",
          ("decid", "decision")),
     _Cue(r"\bdecid|\bdecision", (), re.I), "what was decided"),
    (_Cue(rf"\bages? of (?:the |their |those |these )?(?:\w+ )?{_PERSON}\b|\bhow old (?:were|are|was|is) (?:the |"
                r"their )?(?:child|children|kids|young|babies|baby|boy|girl)|"
                r"\bwhat ages? (?:were|are|was|is) (?:the |their |those |these )?(?:\w+ )?"
                r"(?:child|children|kids|young|babies|baby|boys?|girls?)\b", ("age", "how old")),
     _Cue(r"\baged?\b|\byears? old\b", (), re.I), "anyone's age"),
    # "which ethnic groups were the families from?": the briefing says whether ethnicity was
    # recorded, never what it was
    (_Cue(r"\b(?:which|what) (?:ethnic\w*|ethnicities|religions?|faiths?|nationalit\w*)(?: (?:groups?|backgrounds?|"
          r"breakdown|mix|make ?up))? (?:were|was|are|is|did|do)\b|"
          r"\b(?:ethnic|religious|racial) (?:breakdown|mix|make ?up|profile|split)\b",
          ("ethnic", "religio", "faith", "nationalit", "racial")),
     None, "the families' ethnicity or faith"),
    (_Cue(r"\b(?:phone|telephone|contact|mobile) (?:number|details|no)\b|\be ?mail (?:address(?:es)?|for)\b|\baddress for\b|"
                r"\bhow (?:do|can) (?:i|we) (?:contact|ring|phone|call|email) \b|"
                r"\bwhat (?:phone |telephone )?number (?:do|should|can|would) (?:i|we|you) "
                r"(?:ring|call|phone|use|dial)\b",
          ("phone", "contact", "mobile", "email", "address", "ring", "call", "number")),
     _Cue(r"@|\btel\b|\bphone\b|\b0\d{3,4} ?\d{3}", (), re.I), "contact details"),
    (_Cue(r"\b(?:which (?:\w+ ){0,2}?|who )(?:was|were) (?:right|correct|in the right|wrong|in the wrong|"
          r"to blame|at fault)\b", ("right", "correct", "wrong", "blame", "fault")),
     _Cue(r"\b(?:was|were) (?:right|correct|wrong|in the right|in the wrong|to blame|at fault)\b", (), re.I),
     "who was right"),
    (_Cue(r"\b(?:cost|costs|costing|costed|funding|funded|budget|price|spend|spent|salary|salaries)\b",
          ("cost", "fund", "budget", "price", "spen", "salar")),
     _Cue(r"£|\bcost|\bfund|\bbudget|\bspen[dt]", (), re.I), "costs or funding"),
    # "which external agencies were the lead practitioners from?": a passage that only says they
    # were from "external agencies" does not say which
    (_Cue(r"\b(?:which|what) (?:\w+ )?(?:agenc(?:y|ies)|organi[sz]ations?|services?|teams?) (?:was|were|did|do) "
          r"(?:the |their |those |these )?(?:\w+ )?(?:lead (?:practitioner|professional|worker)s?|lps?) "
          r"(?:from|come from|work for|belong to)\b|"
          r"\blead (?:practitioner|professional|worker)s? (?:\w+ ){0,3}?(?:from|for) (?:which|what)\b|"
          # "in the two cases where the lead practitioner was from an external agency, which were they?"
          r"\blead (?:practitioner|professional|worker)s? (?:\w+ ){0,10}?(?:which|what) (?:agenc(?:y|ies) |"
          r"organi[sz]ations? |services? |ones? )?(?:was it|were they|were those|are they|was that)\b",
          ("lead", "lp")),
     _Cue(r"\blead (?:practitioner|professional|worker)s? (?:was|were|came) from (?!external|outside|other|"
          r"different|partner|another|a range|various)\w+", (), re.I),
     "which agencies they came from"),
    # "which CSC teams disagreed about the threshold?": "disagreement between teams within CSC"
    # says that teams disagreed, not which
    (_Cue(r"\b(?:which (?:\w+ ){0,3}?|what (?:two |specific |exact |particular )?)teams? (?:\w+ ){0,3}?(?:disagreed|disagree|argued|were arguing|"
          r"couldn ?t agree|could not agree|did not agree|didn ?t agree|not agree|were in dispute|fell out|"
          r"(?:were|was) involved in the (?:\w+ )?disagreement)\b|"
          r"\bwhich (?:\w+ ){0,3}?team (?:was it|was that|were they)\b", ("team",)),
     _Cue(r"\b[A-Z][\w&]+(?: [A-Z][\w&]+)* (?:[Tt]eam|[Ss]ervice)s?\b(?! within)"),
     "which teams they were"),
    # "what are the four levels in the thresholds document?", "what criteria does MARAC use?": a
    # passage must set out levels or criteria to answer
    (_Cue(r"\b(?:what|which) (?:are|is|were|was|s) (?:the )?(?:\w+ ){0,4}?(?:criteria|levels|tiers|categories)\b|"
          r"\b(?:what|which) (?:criteria|levels|tiers|categories)\b|"
          # "what does level 3 on the threshold document include?"
          r"\b(?:level|tier) (?:[1-9]|one|two|three|four|five)\b",
          ("criteria", "level", "tier", "categories")),
     _Cue(r"\b(?:criteri|levels?\b|tiers?\b|categor)", (), re.I),
     "the levels or criteria"),
    # "how do I fill in the early help assessment form step by step?": what a form asks for,
    # which only a passage describing the form's parts gives
    (_Cue(r"\bhow (?:do|should|can|would|to) (?:i |we |you )?(?:fill in|fill out|complete|do) (?:the |an? |my |our |"
          r"this )?(?:\w+ ){0,4}?form\b(?! (?:with|for) (?:a |the |this )?famil)|"
          r"\bwhat (?:does|do|will) (?:the |an? |this )?(?:\w+ ){0,4}?form (?:ask|want|need)\b|"
          r"\bwhat (?:sections?|fields?|boxes|questions|parts|headings?) (?:are|is|go|goes|come|comes) (?:on|in) "
          r"(?:the |an? |this )?(?:\w+ ){0,4}?form\b|"
          r"\bwhere (?:can|do|would|should|could) (?:i|we|you) (?:download|get|find|get hold of|access|print) "
          r"(?:the |an? |a copy of the |a blank )?(?:\w+ ){0,4}?forms?\b",
          ("form",)),
     _Cue(r"\bforms?\b[^.]{0,80}\b(?:sections?|fields?|boxes|questions|parts|steps)\b", (), re.I),
     "what the form asks for"),
    # "how many children were in the ten audited families?": a count of cases is not a count of
    # children
    (_Cue(r"\bhow many (?:children|kids|young people|babies|siblings)\b", ("how many",)),
     _Cue(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|"
          r"fifty) (?:\w+ )?(?:children|child|young people|babies|siblings|kids)\b", (), re.I),
     "how many children"),
    # "what are the stages in the escalation procedure?": what a procedure says, which a briefing
    # that only names the procedure does not give
    (_Cue(r"\b(?:stages?|steps?)(?: and \w+)? (?:in|of|for) (?:the |this |that |their |our )?(?:\w+ ){0,6}?"
          r"(?:procedures?|protocols?|policy|policies)\b", ("stage", "step")),
     _Cue(r"\b(?:stages?|steps?)\b[^.]{0,80}\b(?:procedures?|protocols?|polic)", (), re.I),
     "what the procedure says"),
    # "on average how long were the cases open?": an average, which no passage gives
    (_Cue(r"\bon average\b|\bthe average\b|\baverage (?:length|time|number|age|duration|caseload|size)\b",
          ("average",)),
     _Cue(r"\baverage|\bon the whole\b|\btypical(?:ly)?\b|\bmean\b", (), re.I),
     "an average"),
    # "how do I make a referral to the MASH?": the steps of a referral, which a briefing that
    # only says referrals were made (or were missing details) does not give
    (_Cue(rf"{_HOW_DO_I}(?:make|making|do|doing|complete|completing|submit|submitting|send|sending|put in|"
          r"putting in|fill in|filling in|raise|raising) (?:a |an |the |my |our )?(?:\w+ ){0,4}?referrals?\b|"
          rf"{_HOW_DO_I}refer(?:ring)?\b|"
          # "how do I get a family onto Supporting Leicester Families?": a way in, which is a referral
          rf"{_HOW_DO_I}(?:get|getting|put|putting|sign|signing) (?:a |an |the |this |that |my |our |their )?"
          r"(?:\w+ )?(?:famil(?:y|ies)|child|children|kids?|parents?|mums?|dads?|someone|them|him|her)(?: up)? "
          r"(?:onto|on to|into|in to)\b",
          ("refer", "onto", "on to", "into", "in to")),
     _Cue(r"\bhow to (?:make a )?refer|\breferral (?:process|route|pathway|form|criteria)s?\b|"
          r"\breferrals? (?:can|should|must|are to) be made\b", (), re.I),
     "how to make a referral"),
    # "what happened to the four cases escalated to social care?": what came after what was done
    # to them, which "Four cases were escalated ..." does not say
    (_Cue(r"\b(?:what (?:has |have )?(?:happened|ended up happening|became|came) (?:to|of|with)|"
          r"what (?:was|were|is|are) the (?:outcomes?|results?) (?:for|of)) (?:the |those |these |all )?"
          rf"(?:(?:\w+ ){{0,2}}?{_ACTED_ON} {_CASES}|(?:\w+ ){{0,2}}?{_CASES} (?:that |which )?(?:were |was |got |had been |"
          rf"have been )?(?:then )?{_ACTED_ON})\b",
          ("happen", "became", "came", "outcome", "result")),
     _Cue(r"\b(?:outcomes?|resulted|results? (?:was|were|showed)|led to|went on to|subsequently|(?:was|were) then|"
          r"closed|allocated to)\b", (), re.I),
     "what happened to them afterwards"),
)
"""Facts a question can ask for that a passage must state to answer it: the briefing names no
family or worker, and "who chairs the group?" is not answered by a passage about the group."""
_PAST = _Cue(
    r"^(?:so |and |but )?(?:did|was|were|had)\b|\b(?:did|was|were) (?:the|they|there|any|it|police|health|"
    r"social|agencies|fathers|dads|children|kids|staff|families|parents|workers|practitioners|cases)\b|"
    r"(?<!out )\bwhat (?:happened|went wrong|went on)\b|"  # not "find out what happened"
    r"\bhow (?:well|badly|good|consistently|often|effectively) (?:was|were|did|had)\b",  # "how well were thresholds applied"
    ("did", "was", "were", "had", "happened", "went"),
)
"""Questions about what was found or done in the audited cases, not about what should happen."""
_AFTERWARDS = _Cue(
    r"\bwhat happened (?:to|with|in the end|eventually|next) (?:\w+ ){0,10}?(?:after|afterwards|since|later|"
    r"next|in the end|eventually)\b|"
    # "what happened to the cases that were escalated", not "... with the concerns that got escalated",
    # which the finding on feedback answers
    r"\bwhat happened (?:to|with|in the end|eventually|next) (?:(?!concerns?\b)\w+ ){0,10}?(?:escalated|referred)\b|"
    r"\bwhat (?:has|have) (?:happened|changed) since\b",
    ("happened", "changed"),
)
"""Questions about what happened after the audit: only a passage dated later answers them."""
_JUDGEMENT = _Cue(
    r"\b(?:should|shud|shd|ought) (?:this|it|that|they|these|she|he|the (?:case|family|child|children))\b|"
    r"\bis (?:that|this|it) (?:really |actually |still )?(?:right|ok|okay|enough|allowed|acceptable|appropriate)\b|"
    r"\b(?:does|do|would|will) (?:it|that|this) (?:really |actually |even )?matter\b|"
    r"\bwould (?:the |an )?auditors? (?:have|see|find) (?:a |an |any )?(?:problem|issue|concern)\b|"
    r"\bwhere (?:would|does|should|do) (?:\w+ ){0,6}?belongs?\b|"
    r"\bwhat (?:should|needs? to|ought to|is meant to|is supposed to) (?:happen|be done)\s*$",
    ("should", "shud", "shd", "ought", "is", "matter", "auditor", "belong", "need"),
)
"""Asks for a verdict on a case or a practice ("should this be with social care?", "is that
right?", "does it matter?"): the passage that judges, not the one that describes."""
_INTRODUCTION = _Cue(
    r"^(?:hi |hello |hiya )?(?:i am|i m|im|as|we are|we re|i (run|manage|lead|work (?:in|at|for)))\s+"
    r"(?:an?|the|our)\s+((?:\w+\s+){0,3}?\w+?)"
    r"\s+(?:and|here|working|based|in|at|with|who|for|so|but|on|from|covering|currently|just|is|are|does|do|can|"
    r"should|writing|doing|visiting|supporting|seeing|looking|trying)\b|^((?:\w+\s+){0,2}\w+)\s+here\b",
    ("i am", "i m", "im", "as", "we are", "we re", "here", "i run", "i manage", "i lead", "i work"),
)
"""A practitioner introducing themselves ("I'm a school nurse and ...", "HV here"): their role is
context, not the topic, so its words weigh lightly."""
_WHAT_IS = _Cue(
    r"^\s*(?:so |and |but |ok )?(?:what|wat|wot|who)\s+(?:is|are|r|s)\s+(?:an?\s+|the\s+)?(?:\S+\s*){1,5}$|"
    r"\b(?:who|what)\s+(?:is|s|are)\s+(?:that|this|they|it)\s*$",
    ("what", "wat", "wot", "who"),
)
"""Short questions asking what or who something is: "what is EHA?", "UHL - who's that?"."""
_IS_OPENED = _Cue(r"\b(what|who|wat|wot)(?:'s|\u2019s|s)\b", ("wh", "wa", "wo"), re.IGNORECASE)
""""what's" and "who's" (the words of a question drop the "'s"), for reading _WHAT_IS."""
_ABOUT_US = _Cue(
    r"\b(?:about|for|of|from|on) (?:us|people like me|my (?:role|job|agency|service|profession|team))\b|"
    r"\b(?:my|our) (?:role|agency|service|profession)\b|\bpeople like me\b",
    ("us", "me", "my", "our"),
)
"""A practitioner asking about their own role after introducing it: then the role is the topic."""
BODY_WORDS = frozenset("organisation organisations organization organizations agency agencies body bodies outfit".split())
"""What kind of thing an abbreviation names, in "what organisation is UHL"."""
_BODY = f"(?:{'|'.join(sorted(BODY_WORDS))})"
_DEFINITIONAL = _Cue(
    r"\bwhat (?:does|do|did|is|s|are) (?:\S+ ){0,6}?(?:mean|means|meant)\b(?! (?:it|that|we|i|you|they|for|to)\b)|"
    r"\bwhat (?:\S+ ){1,4}means\b|\bwhat (?:is |s )?(?:that|this|it|they) (?:all )?about\s*$|"
    r"\bmeaning (?:of|behind)\b|\bmeant by\b|\b(?:mean|means|meaning)\s*$|\bstands?\s+for\b|"
    r"\b(?:means|mean|stands?\s+for) what\b|"  # "LSCB means what exactly"
    r"\bdefin(?:e|ed|ition|itions)\b|\babbreviation\b|"
    # "what organisation is UHL", "LPT = which agency?": what kind of body a name stands for
    rf"\b(?:which|what)(?: (?:kind|type|sort) of)? {_BODY} (?:is|are|was|were|s) (?:the |an? )?\w+(?: \w+)?\s*$|"
    rf"^\W*\w+ (?:which|what)(?: (?:kind|type|sort) of)? {_BODY}\W*$|"
    r"\bwhat (?:does|do|is|s) (?:\S+ ){1,2}refer(?:s|ring)? to\s*$|"  # "what does CSC refer to"
    rf"\bfull (?:name|form|title)\b(?! of (?:the |their |a |an |his |her |my |our )?(?:\w+ )?{_PERSON})|"
    r"\b(?:(?<!ed )in full|long form)\s*$|"  # "CSC full name pls", not "the full name of the social worker"; "CSC in full", not "recorded in full"
    r"\bacronym\b|\bshort\s+for\b|\bexplain\s+(?:the\s+)?(?:term|word)\b|^\s*(?:define|explain)\b",
    ("mean", "stand", "defin", "abbreviation", "acronym", "short", "explain", "about", "refer", "full", "long form",
     "organi", "agenc", "bod", "outfit"),
)
"""Questions that ask what a term is or means: "what is EHA?", "what does TAR stand for"."""
_WHAT_FOR = re.compile(r"\bwhat (?:is |s |are )?(?:that|this|it|they) (?:actually |even )?for$")
"""Asking what a thing just named is for: "... a TAF meeting - what's it for?" (tried only on
questions ending in "for")."""
_ENDS_WHAT_IS = re.compile(r"\b(?:what|who)(?:'s|\u2019s|s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+)?\W*$",
                           re.IGNORECASE)
"""A question that ends "what is X" after words of its own, with no comma or dash between."""
_CLAUSE_BREAK = re.compile(r"\s[-\u2013\u2014]+\s|[:;,.?!]\s")
"""Where a question's last clause starts: "for the glossary on my handout - what is UHL"."""
_EQUALS = re.compile(r"\W*[A-Za-z&]{2,6}\s*=")
"""An abbreviation then "=": "CSC = ?", "CSC = childrens social care right"."""

@dataclass(frozen=True)
class Asks:
    """What a question's form says it wants."""

    kinds: tuple[str, ...] = ()
    """Kinds of passage the question names ("recommendations", "findings" ...)."""
    meaning: bool = False
    """Asks in so many words what a term means or stands for."""
    what_is: bool = False
    """Is a short "what (or who) is X?" question: a definition question if X is a defined term."""
    what_is_clause: str = ""
    """The words of a "what is X?" that ends a longer question ("for my handout - what is UHL?")."""
    quantity: bool = False
    """Asks how many or how much."""
    share: bool = False
    """Asks what share ("what percentage of cases"), which a heading's count does not give."""
    time: bool = False
    """Asks when, or how long."""
    calendar: bool = False
    """Asks for a date as such."""
    duration: bool = False
    """Asks how long something takes or took."""
    frequency: bool = False
    """Asks how often something happens."""
    future: bool = False
    """Asks when or what happened after the briefing."""
    past: bool = False
    """Asks what was found or done ("did police see the children?"), not what should be done."""
    why: bool = False
    """Asks why: a passage giving a reason answers it best."""
    judgement: bool = False
    """Asks for a verdict ("should this still be with early help?", "is that right?")."""
    task: bool = False
    """Asks learnbot to do something for the asker ("can you write me a CV"): no passage answers."""
    facts: tuple[tuple[_Cue | None, str], ...] = ()
    """What a passage must say to answer the question (None: nothing in the pack can), and what
    that fact is ("who chairs it")."""


def _what_is_words(text: str) -> str:
    """The words of ``text`` if they ask "what (or who) is X?", else ""."""
    said = " ".join(words(_IS_OPENED.sub(r"\1 is", text)))
    return said if _WHAT_IS.search(said) else ""


def _last_clause_what_is(question: str) -> str:
    """The words of the question's last clause, if it asks "what (or who) is X?", or of the
    "what is X" it ends with ("sorry new here what is LPT")."""
    clauses = _CLAUSE_BREAK.split(question.strip())
    if len(clauses) > 1:
        return _what_is_words(clauses[-1])
    ending = _ENDS_WHAT_IS.search(question)
    return _what_is_words(ending.group(0)) if ending and ending.start() else ""


def read_asks(question: str, joined: str) -> Asks:
    """The cues in ``question``, whose words (as the matcher reads them) are ``joined``."""
    kinds = tuple(kind for kind, cue in _KIND_CUES.items() if cue.search(joined))
    if "good_practice" in kinds:
        # "what good practice did they find": the finding is the good practice
        kinds = tuple(kind for kind in kinds if kind != "finding")
        if _DONE_WITH.search(joined):
            # "what should we do with the examples that went well": what is to be done with it
            wanted = ("learning_point", "recommendation")
            kinds = tuple(kind for kind in kinds if kind != "good_practice" and kind not in wanted) + wanted
    share = bool(_SHARE.search(joined)) or "%" in question
    return Asks(
        kinds=kinds,
        meaning=bool(_DEFINITIONAL.search(joined) or _EQUALS.match(question)
                     or (joined.endswith(" for") and _WHAT_FOR.search(joined))),
        # "what are the findings on X" names a kind of passage; it is not asking what a term means.
        what_is=not kinds and bool(_what_is_words(question)),
        what_is_clause="" if kinds else _last_clause_what_is(question),
        # "what % of cases"; "why does it matter how much info is written down" wants a reason
        quantity=(bool(_QUANTITY.search(joined)) or share) and not _WHY.match(joined),
        share=share,
        time=bool(_TIME.search(joined) or _A_YEAR.search(joined)),  # "is this from before 2018?"
        calendar=bool(_CALENDAR.search(joined)),
        duration=bool(_DURATION.search(joined)),
        frequency=bool(_FREQUENCY.search(joined)),
        future=bool(_FUTURE.search(joined) or _AFTERWARDS.search(joined)),
        past=bool(_PAST.search(joined)),
        judgement=bool(_JUDGEMENT.search(joined)),
        why=bool(_ASKS_WHY.search(joined)),
        task=bool(_TASK.search(joined) or _TRANSLATE.search(question)),
        facts=tuple((needed, what) for asked, needed, what in _FACTS if asked.search(joined)),
    )


def introduction(joined: str) -> set[str]:
    """The words of a practitioner's self-introduction ("I'm a school nurse and ..."), unless they
    go on to ask about their own role ("... anything about us?"), when the role is the topic."""
    found = _INTRODUCTION.search(joined)
    if not found or _ABOUT_US.search(joined[found.end():]):
        return set()
    role = found.group(2) or found.group(3)
    verb = found.group(1).split()[:1] if found.group(1) else []  # "I run a youth club"
    return set(role.split()) | set(verb)


class PassageFacts:
    """Which passages give a number, a date, a length of time, how often, or a date after the
    briefing; and so what a passage does not give that a question asks for."""

    def __init__(self, items: tuple[Item, ...], meta: PackMeta) -> None:
        def having(pattern: str, where: str = "text") -> list[bool]:
            compiled = re.compile(pattern, re.IGNORECASE)
            return [bool(compiled.search(getattr(item, where))) for item in items]

        self.items = items
        self.has_number = having(_HAS_NUMBER)
        self.counted = [text or heading for text, heading in zip(self.has_number, having(_HAS_NUMBER, "section"))]
        """Passages that give a number, or whose heading counts them ("Good Practice (identified in
        one case)" answers "in how many cases was good practice found?")."""
        # A date in learnbot's own note ("revised since, in 2018 and 2023") is not the briefing
        # dating anything: "which year's guidance is this based on?" wants the briefing's words.
        self.has_date = [dated and item.quote for dated, item in zip(having(_HAS_DATE), items)]
        self.has_duration = having(_HAS_DURATION)
        self.has_frequency = having(_HAS_FREQUENCY)
        self.normative = having(_NORMATIVE)
        self.reasoned = having(_REASON)
        self.continues: list[int | None] = [
            doc - 1 if doc and re.match(_CONTINUING, item.text, re.IGNORECASE)
            and (item.section, item.number) == (items[doc - 1].section, items[doc - 1].number) else None
            for doc, item in enumerate(items)
        ]
        """For a passage that goes on about the cases the one before it describes ("These cases
        should have been managed within CSC"), that one."""
        published = [int(y) for y in re.findall(_YEAR, f"{meta.published} {meta.audit_period}")]
        self.unspelled = [
            item.kind == "glossary" and not item.quote and is_abbreviation(item.term) for item in items
        ]
        """Abbreviations the briefing uses but never spells out: their glossary entry is learnbot's
        own note, not a quote (the briefing's own spelling-out would be quoted)."""
        self.dated_later = [
            bool(published) and any(int(y) > max(published) for y in re.findall(_YEAR, item.text))
            or (not published and self.has_date[doc])
            for doc, item in enumerate(items)
        ]

    def not_stated(self, asks: Asks, doc: int) -> str:
        """What the question asks for that passage ``doc`` does not give ("" when it gives it).

        A question asking how many, how long or when is answered only by a passage that gives a
        number or a date: "how many early help workers are there?" is not answered by a passage
        about early help workers that counts nothing, and "when will the next audit be?" is not
        answered by the date of this one.
        """
        item = self.items[doc]
        # (A numbered passage answers "how many recommendations are there?" by its numbering.)
        counted = (self.has_number[doc] or (self.counted[doc] and not asks.share)
                   or (item.number is not None and item.kind in asks.kinds))
        if asks.quantity and not counted:
            return "a number"
        if asks.duration and not (self.has_duration[doc] or self.has_date[doc]):
            return "how long"
        if asks.frequency and not (self.has_number[doc] or self.has_frequency[doc]):
            return "how often"
        if asks.calendar and not self.has_date[doc]:
            return "a date"
        if asks.future and not self.dated_later[doc]:
            return "what happened, or will happen, after the audit"
        for needed, what in asks.facts:
            if needed is None or not needed.search(item.text):
                return what
        if asks.meaning and self.unspelled[doc]:
            return f"what {item.term} stands for"
        return ""


_NOUN_AFTER = frozenset(
    "the their his her its our your my of complex additional unmet different what which whose kinds "
    "types kind type sort sorts any whose children child family families health learning special "
    "parents parent s".split()
)


def is_noun_use(raw: list[str], position: int) -> bool:
    """Whether "need(s)", "list" or "point(s)" at ``position`` is the noun that names a topic ("the
    children's needs", "what needs did they have", "the list of cases", "the learning points")
    rather than a word that frames a question ("I need to know", "list the recommendations")."""
    word = raw[position]
    previous = raw[position - 1] if position else ""
    if word in ("list", "lists"):
        # "the list of cases" (where the sample came from), not "list the recommendations"
        return previous in ("the", "their", "that", "this", "whose")
    if word in ("point", "points"):
        # "the learning points", not "what's the point of"
        return previous == "learning"
    if word not in ("need", "needs"):
        return False
    following = raw[position + 1] if position + 1 < len(raw) else ""
    if following in ("to", "a", "an", "the", "some", "any", "help", "support", "more"):
        return False
    return previous in _NOUN_AFTER or (word == "needs" and previous not in ("it", "he", "she", "who", "that", "this"))


_SAYS_ABOUT = _Cue(
    r"^(?:so |and |but |ok |okay )?(?:what|anything|is there anything|does|did|do|how) "
    r"(?:\w+ ){0,3}?(?:say|says|said|tell|tells|mention|mentions|find|found|have to say|has to say|"
    r"conclude|concluded|note|noted|recommend|recommended) (?:\w+ ){0,2}?about ",
    ("about",),
)
"""The frame of "what does the briefing say about X": the topic is what comes after "about"."""
SOURCE_WORDS = frozenset("briefing audit report review summary document paper study it they".split())
"""What a question calls its source in that frame ("the briefing", "the audit", "it")."""


def source_frame(joined: str) -> int:
    """How many of the words in ``joined`` frame the question as "what does the briefing say
    about ...", or 0: in that frame "briefing" and "audit" name the source, not the topic."""
    found = _SAYS_ABOUT.search(joined)
    return len(found.group(0).split()) if found else 0

