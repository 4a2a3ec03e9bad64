"""Plain facts about English questions, shared by every pack.

What a *pack* means by its words (synonyms, concepts, its own phrasing) lives in the pack's
``matching.yaml`` and items. What lives here is the language itself: words that frame a question
rather than carry its topic, the generic words of everyday speech, and chat-speak spellings.
"""

from __future__ import annotations

#: Function words: never evidence for or against a passage.
STOPWORDS = frozenset(
    """
    a an the and or but if then than so as of at by for from in into on onto to with without within
    about above across after against along among around before behind below beneath beside besides
    between beyond during except inside near off out outside over past since through throughout till
    toward towards under underneath until up upon via per
    i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves one ones someone somebody
    something anyone anybody anything everyone everybody everything nobody nothing noone
    this that these those there here where when why how what which who whom whose whatever whoever
    whichever wherever whenever however
    is am are was were be been being do does did doing done have has had having will would shall
    should can could may might must ought
    not no nor yes yeah ok okay oh please thanks thank hi hello hey
    very too also just only even still really quite rather much many more most some any all each
    every both either neither few lot lots bit such same own other another else again ever never
    always often sometimes usually
    s t d ll m re ve don doesn didn isn aren wasn weren haven hasn hadn won wouldn shouldn couldn
    can't cant dont doesnt didnt isnt arent wasnt werent havent hasnt wont wouldnt shouldnt couldnt
    im ive id youre theyre weve thats whats wheres whos hows
    let lets like
    """.split()
)

#: Words that frame a question or describe the asker, not the topic: they neither support nor
#: count against a passage, and a question made only of them is not yet a question.
FRAME_WORDS = frozenset(
    """
    tell told telling say says said saying ask asked asking asks explain explained show shows showing
    suggest suggests suggested suggesting advise advises advised
    remind reminds reminded quote quotes quoted quoting
    know knows knew known think thought thinks believe mean means meant meaning define definition
    wonder wonders wondered wondering
    want wants wanted wish get gets got getting give gives gave go goes going gone went come comes
    came coming make makes made making take takes took taking put puts keep kept look looks looking
    find found
    need needs needed
    happens happening actually basically exactly generally probably maybe perhaps
    supposed expected meant certain sure kind sort type way thing things stuff part bit point
    question questions answer answers info information detail details summary briefly quick quickly
    list lists listing listed outline outlined overview summarise summarize recap describe describes described
    learnbot bot
    anyway now today currently overall
    spring summer autumn winter
    """.split()
)

#: Everyday words that carry a little meaning but are too general to decide a topic alone. They
#: count for a passage that has them, and weigh lightly against one that does not.
GENERIC_WORDS = frozenset(
    """
    good bad better worse best worst right wrong ok fine poor great big small little large new old
    long short early late first last next previous main key important major minor general specific
    problem problems issue issues concern concerns matter matters thing situation case cases
    people person someone staff team teams worker workers professional professionals colleague
    colleagues practitioner practitioners manager managers
    happen happened work works worked working do done use used using try tried trying
    time times day days week weeks month months year years
    enough well much often how many number
    involve involved involvement role roles job jobs
    change changes changed changing set sets setting update updates updated updating send sends
    sending move moves moved moving start starts started starting stop stops stopped check checks
    checked checking
    """.split()
)

def _skeletons(function_words) -> dict[str, str]:
    """Function words typed without their vowels ("mny" -> "many", "whn" -> "when"), where only
    one function word has that skeleton."""
    found: dict[str, set[str]] = {}
    for word in function_words:
        skeleton = "".join(c for c in word if c not in "aeiou")
        if len(skeleton) >= 3 and skeleton != word and word.isalpha():
            found.setdefault(skeleton, set()).add(word)
    return {skeleton: next(iter(ws)) for skeleton, ws in found.items()
            if len(ws) == 1 and skeleton not in function_words}


#: Function words typed without their vowels, as rushed typists do ("how mny", "wht happened").
SKELETONS = _skeletons(STOPWORDS)

#: Chat-speak and common shorthand mapped to the word meant.
CHAT_SPEAK = {
    "wat": "what",
    "wot": "what",
    "wht": "what",
    "whats": "what",
    "wats": "what",
    "wots": "what",
    "hw": "how",
    "u": "you",
    "ur": "your",
    "r": "are",
    "y": "why",
    "pls": "please",
    "plz": "please",
    "abt": "about",
    "bout": "about",
    "b4": "before",
    "bc": "because",
    "cos": "because",
    "coz": "because",
    "w": "with",
    "thru": "through",
    "tho": "though",
    "dunno": "know",
    "gonna": "going",
    "wanna": "want",
    "shd": "should",
    "wd": "would",
    "cd": "could",
    "nd": "and",
    "n": "and",
    "+": "and",
    "&": "and",
    "tht": "that",
    "ths": "this",  # (also the skeleton of "these" and "those": any of them is a function word)
    "ppl": "people",
    "sw": "social worker",
    "sws": "social workers",
    "info": "information",
    # small words spelt as they sound (too short, or too like another word, for spelling correction)
    "wen": "when",
    "dun": "done",
    "wich": "which",
    "ws": "was",
    "wuz": "was",
    "woz": "was",
    "shud": "should",
    "cud": "could",
    "wud": "would",
    "hav": "have",
    "becos": "because",
    "becuz": "because",
    "thier": "their",
    "ment": "meant",
    "rong": "wrong",
    "rite": "right",
    "enuf": "enough",
    "nuthin": "nothing",
    "sumthing": "something",
}

#: Number words for "recommendation four" and the like.
NUMBER_WORDS = {
    "one": 1, "first": 1, "1st": 1,
    "two": 2, "second": 2, "2nd": 2,
    "three": 3, "third": 3, "3rd": 3,
    "four": 4, "fourth": 4, "4th": 4,
    "five": 5, "fifth": 5, "5th": 5,
    "six": 6, "sixth": 6, "6th": 6,
    "seven": 7, "seventh": 7, "7th": 7,
    "eight": 8, "eighth": 8, "8th": 8,
    "nine": 9, "ninth": 9, "9th": 9,
    "ten": 10, "tenth": 10, "10th": 10,
    "eleven": 11, "eleventh": 11, "11th": 11,
    "twelve": 12, "twelfth": 12, "12th": 12,
}


class WordBands:
    """How common an English word is, as a band: floor(log10(count)) in a large corpus.

    Read lazily from ``english_words.txt``, one line per band and opening (first two letters); a
    membership test is a substring search of that short line, so there is little to parse at
    start-up and little to search per word.
    """

    def __init__(self) -> None:
        self._lines: dict[str, list[tuple[int, str]]] | None = None
        self._cache: dict[str, int | None] = {}
        self._common: dict[int, frozenset[str]] = {}

    def _load(self) -> dict[str, list[tuple[int, str]]]:
        from pathlib import Path

        path = Path(__file__).with_name("english_words.txt")
        lines: dict[str, list[tuple[int, str]]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                band, opening, rest = line.split(" ", 2)
                lines.setdefault(opening, []).append((int(band), f" {rest} "))
        return lines

    def band(self, word: str) -> int | None:
        """The word's band (7 for "the", 2 for rare words), or None if it is not a known word."""
        if word in self._cache:
            return self._cache[word]
        if self._lines is None:
            self._lines = self._load()
        key = f" {word} "
        found = next((band for band, line in self._lines.get(word[:2], ()) if key in line), None)
        if len(self._cache) < 100_000:
            self._cache[word] = found
        return found

    def common(self, min_band: int) -> frozenset[str]:
        """Every word of band ``min_band`` or above (a few thousand for band 4), gathered once."""
        found = self._common.get(min_band)
        if found is None:
            if self._lines is None:
                self._lines = self._load()
            found = frozenset(w for lines in self._lines.values() for band, line in lines if band >= min_band
                              for w in line.split())
            self._common[min_band] = found
        return found

    def first_with_one_more_letter(self, word: str, min_band: int) -> str:
        """The first word of band ``min_band`` or above that is ``word`` with one letter put back,
        in the order the letter goes in (first place first, then a to z), or "".

        Tried against the few thousand words that common (:meth:`common`): a lookup per possible
        spelling (26 x its length) would search the lines of rare words too.
        """
        common = self.common(min_band)
        for place in range(len(word) + 1):
            for letter in "abcdefghijklmnopqrstuvwxyz":
                candidate = word[:place] + letter + word[place:]
                if candidate in common and (self.band(candidate) or 0) >= min_band:
                    return candidate
        return ""


ENGLISH = WordBands()
"""The shared word-band table."""


#: Irregular forms the stemmer cannot join to their base ("spoke" and "spoken" to "speak").
IRREGULAR = {
    "children": "child", "childrens": "child", "men": "man", "women": "woman", "people": "person",
    "wives": "wife", "lives": "life", "families": "family",
    "spoke": "speak", "spoken": "speak", "told": "tell", "said": "say", "saw": "see", "seen": "see",
    "went": "go", "gone": "go", "wrote": "write", "written": "write", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "knew": "know", "known": "know", "thought": "think",
    "brought": "bring", "bought": "buy", "met": "meet", "heard": "hear", "found": "find",
    "made": "make", "kept": "keep", "felt": "feel", "held": "hold", "led": "lead", "sent": "send",
    "spent": "spend", "understood": "understand", "began": "begin", "begun": "begin", "chose": "choose",
    "chosen": "choose", "did": "do", "done": "do", "got": "get", "gotten": "get", "ran": "run",
    "sat": "sit", "stood": "stand", "taught": "teach", "caught": "catch", "sought": "seek",
    "fell": "fall", "fallen": "fall", "drew": "draw", "drawn": "draw", "grew": "grow", "grown": "grow",
    "shown": "show", "became": "become", "came": "come", "dealt": "deal", "meant": "mean",
    "paid": "pay", "rang": "ring", "rung": "ring", "woke": "wake",
}
