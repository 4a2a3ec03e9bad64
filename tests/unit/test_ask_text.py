"""Turning typed or pasted text into comparable words: normalise(), words(), stem(), stems().

The same functions prepare the briefing's passages and a practitioner's question, so whatever
they do to odd input (curly quotes from Word, Markdown links, control characters, accents,
right-to-left marks) must leave ordinary words intact and drop only the noise.
"""

from __future__ import annotations

import pytest

from learnbot.core.matching.text import normalise, stem, stems, words

# --- normalise() ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\u201cVoice of the Child\u201d", '"voice of the child"'),
        ("what\u2019s the child\u2019s view", "what's the child's view"),
        ("\u2018early help\u2019", "'early help'"),
        ("thresholds \u2013 disagreement \u2014 delay", "thresholds - disagreement - delay"),
    ],
)
def test_normalise_plain_punctuation(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_backtick_apostrophe_in_non_ascii_text() -> None:
    assert normalise("didn`t \u2013 `EHA`") == "didn't - 'eha'"


def test_normalise_backtick_apostrophe_in_ascii_text() -> None:
    assert normalise("`EHA`") == "'eha'"
    assert words("police didn`t see the kids") == words("police didn't see the kids")


def test_normalise_lower_cases_and_collapses_whitespace() -> None:
    assert normalise("  What   IS\tEarly\n\nHelp?  ") == "what is early help?"


def test_normalise_non_breaking_space_is_a_space() -> None:
    assert normalise("EHA\u00a0meaning") == "eha meaning"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("See [the LSCB website](https://example.org/lscb) for more", "see the lscb website for more"),
        ("[LLR procedures](http://x.y/z) and [escalation](http://a.b)", "llr procedures and escalation"),
        ("[empty link]()", "empty link"),
        ("[]()rec 4", "rec 4"),
    ],
)
def test_normalise_markdown_links_become_their_labels(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_drops_markdown_escapes() -> None:
    assert normalise(r"LLR\_LSCB") == "llr_lscb"


@pytest.mark.parametrize(
    "raw",
    [
        "what\x00is\x07early\x1bhelp",
        "what\x7fis\x85early\x9fhelp",
        "what\u200bis\u200cearly\u200dhelp",
        "\ufeffwhat is early help",
        "what is early help\r\n",
    ],
)
def test_normalise_control_and_invisible_characters_are_dropped(raw: str) -> None:
    assert normalise(raw).split() == ["what", "is", "early", "help"]


@pytest.mark.parametrize(
    "raw",
    [
        "\u200fwhat is early help\u200f",                 # right-to-left marks
        "\u202bwhat is early help\u202c",                 # RTL embedding ... pop
        "\u202ewhat is early help\u202c",                 # RTL override
        "\u2067what is early help\u2069",                 # RTL isolate
        "\u200ewhat is early help\u200e",                 # left-to-right marks
    ],
)
def test_normalise_bidi_controls_are_dropped(raw: str) -> None:
    assert normalise(raw) == "what is early help"


def test_normalise_keeps_right_to_left_letters() -> None:
    # Hebrew and Arabic letters are text, not noise: they stay (and never raise).
    assert "\u05e2\u05d6\u05e8\u05d4" in normalise("\u05e2\u05d6\u05e8\u05d4 early help")
    assert normalise("\u0645\u0633\u0627\u0639\u062f\u0629") != ""


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Caf\u00e9", "cafe"),
        ("na\u00efve", "naive"),
        ("Zo\u00eb and Ren\u00e9e", "zoe and renee"),
        ("fa\u00e7ade", "facade"),
        ("Cafe\u0301", "cafe"),            # combining acute accent
        ("\uff26\uff41\uff54\uff48\uff45\uff52", "father"),  # full-width letters
    ],
)
def test_normalise_folds_accents_and_compatibility_forms(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_keeps_ascii_text_unchanged_apart_from_case() -> None:
    text = "Police to ensure that children are spoken to, including in welfare checks."
    assert normalise(text) == text.lower()


@pytest.mark.parametrize("raw", ["", " ", "\t\n", "\x00\x01", "\u200f\u200e"])
def test_normalise_of_nothing_is_empty(raw: str) -> None:
    assert normalise(raw) == ""


def test_normalise_is_idempotent() -> None:
    for raw in ["\u201cWhat\u2019s [EHA](http://x)?\u201d", "Caf\u00e9\u200f\x00 r\u00e9sum\u00e9", "rec 4"]:
        once = normalise(raw)
        assert normalise(once) == once


# --- words() ----------------------------------------------------------------------------------


def test_words_split_on_punctuation() -> None:
    assert words("Police, social care; health (LPT) & UHL!") == [
        "police", "social", "care", "health", "lpt", "and", "uhl",
    ]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("didn't", ["not"]),
        ("isn't", ["not"]),
        ("I'm", ["i", "am"]),
        ("they've", ["they", "have"]),
        ("we'll", ["we", "will"]),
        ("she'd", ["she", "would"]),
        ("you're", ["you", "are"]),
        ("police didn\u2019t see the kids", ["police", "not", "see", "the", "kids"]),
    ],
)
def test_words_open_contractions(raw: str, expected: list[str]) -> None:
    assert words(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("police didn't manage to see the kids", ["police", "not", "to", "see", "the", "kids"]),
        ("did they manage to talk to dad", ["did", "they", "to", "talk", "to", "dad"]),
        ("managed cases", ["managed", "cases"]),  # managing cases is still the topic
        ("in relation to dads", ["in", "to", "dads"]),
        ("findings relating to recording", ["findings", "to", "recording"]),
        ("relatives and relations", ["relatives", "and", "relations"]),  # family, still the topic
    ],
)
def test_words_that_only_link_before_to_are_dropped(raw: str, expected: list[str]) -> None:
    assert words(raw) == expected


def test_relating_to_is_about_not_relatives(ask_matcher) -> None:
    # "relate" and "relatives" share a stem: "which findings relate to recording?" is not about family.
    answer = ask_matcher.search("Which findings relate to recording and information?")
    assert answer.best.item.id in {"finding-demographics", "finding-insufficient-information"}


def test_didnt_manage_to_asks_what_was_not_done_not_about_managers(ask_matcher) -> None:
    answer = ask_matcher.search("did the police manage to talk to the kids themselves?")
    assert answer.best.item.id == "finding-police-children-not-seen"
    assert not any("manag" in slot.word for slot in ask_matcher.read("didn't manage to speak to the kids").slots)


@pytest.mark.parametrize("raw, expected", [("can't", ["not"]), ("won't", ["not"]), ("dont", ["not"])])
def test_words_open_irregular_contractions(raw: str, expected: list[str]) -> None:
    assert words(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("the child's voice", ["the", "child", "voice"]),
        ("children's social care", ["children", "social", "care"]),
        ("dads' views", ["dads", "views"]),
        ("the police's visit", ["the", "police", "visit"]),
    ],
)
def test_words_drop_possessives(raw: str, expected: list[str]) -> None:
    assert words(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("wat is EHA", ["what", "is", "eha"]),
        ("wot is early help", ["what", "is", "early", "help"]),
        ("hw do i escalate", ["how", "do", "i", "escalate"]),
        ("y did police not see the kids", ["why", "did", "police", "not", "see", "the", "kids"]),
        ("u r the lead", ["you", "are", "the", "lead"]),
        ("pls explain TAR", ["please", "explain", "tar"]),
        ("wat abt dads", ["what", "about", "dads"]),
        ("wot did they say bout dads", ["what", "did", "they", "say", "about", "dads"]),
        ("the sw never rang back", ["the", "social", "worker", "never", "rang", "back"]),
        ("mum + dad", ["mum", "and", "dad"]),
        ("mum & dad", ["mum", "and", "dad"]),
        ("ppl in early help b4 CSC", ["people", "in", "early", "help", "before", "csc"]),
        ("when ws the audit done", ["when", "was", "the", "audit", "done"]),
        ("wen was the audit dun", ["when", "was", "the", "audit", "done"]),
        ("wats erly help", ["what", "erly", "help"]),
    ],
)
def test_words_expand_chat_speak(raw: str, expected: list[str]) -> None:
    assert words(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("join the Teams meeting", "join the microsoft teams meeting"),
        ("share my screen on Teams", "share my screen on microsoft teams"),
        ("a teams call", "a microsoft teams call"),
        ("on MS Teams", "on ms teams"),
        ("my Teams background", "my microsoft teams background"),
        ("the two Teams disagreed", "the two teams disagreed"),
        ("teams meeting about the case", "teams meeting about the case"),
        ("passed between teams", "passed between teams"),
    ],
)
def test_words_name_teams_the_app_in_full(raw: str, expected: str) -> None:
    assert " ".join(words(raw)) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        # "in ages", "ages ago": a long time, not children's ages
        ("no supervision in ages", "no supervision in"),
        ("open to early help for ages", "open to early help for"),
        ("I flagged it ages ago", "i flagged it ago"),
        ("early help for ages 0 to 19", "early help for ages 0 to 19"),
        ("children of all ages", "children of all ages"),
        # "in the end": at last, not the end of something
        ("how many cases were escalated in the end", "how many cases were escalated"),
        ("what happened in the end to the four cases", "what happened to the four cases"),
        ("in the end of year review", "in the end of year review"),
        ("at the end of the audit", "at the end of the audit"),
        # "spread across the cases": over how many, not sharing it round
        ("was good practice spread across lots of cases", "was good practice across lots of cases"),
        ("spread over the ten families or just one", "over the ten families or just one"),
        ("should good practice be spread across the partnership", "should good practice be spread across the partnership"),
        ("spread the word", "spread the word"),
        # "what's the point of": its purpose, not a learning point
        ("what was the whole point of doing this audit", "what was the purpose of doing this audit"),
        ("what's the point of a TAF", "what the purpose of a taf"),
        ("at the point of referral", "at the point of referral"),
        ("his point of view", "his point of view"),
        # "heard about": found out, not heard a child's voice
        ("I only heard about the meeting after it happened", "i only found out about the meeting after it happened"),
        ("we keep hearing about TAF meetings", "we keep finding out about taf meetings"),
        ("did anyone hear from the children", "did anyone hear from the children"),
    ],
)
def test_words_read_idioms_by_what_they_mean(raw: str, expected: str) -> None:
    assert " ".join(words(raw)) == expected


def test_words_keep_numbers_and_glued_references() -> None:
    assert words("rec 4, lp3 and recs 1-2") == ["rec", "4", "lp3", "and", "recs", "1", "2"]
    assert words("Working Together (2015)") == ["working", "together", "2015"]
    assert words("the 2nd learning point") == ["the", "2nd", "learning", "point"]


def test_words_read_through_quotes_links_and_accents() -> None:
    assert words("\u201cWhat\u2019s [the EHA](http://x)?\u201d said Ren\u00e9e") == [
        "what", "the", "eha", "said", "renee",
    ]


def test_words_of_rich_markup_are_the_words_between_the_tags() -> None:
    # Markup tags typed as text say nothing about the topic: matching reads only the words between.
    assert words("[bold]x[/]") == ["x"]
    assert words("[link=http://x]y[/link]") == ["why"]


@pytest.mark.parametrize("raw", ["", "   ", "???", "\U0001f468\u200d\U0001f469\u200d\U0001f467 \U0001f642", "\x00\x1f"])
def test_words_of_noise_are_empty(raw: str) -> None:
    assert words(raw) == []


def test_words_of_emoji_around_text_keep_the_text() -> None:
    assert words("\U0001f642 dads \U0001f468\u200d\U0001f467") == ["dads"]


def test_words_of_right_to_left_text_do_not_raise() -> None:
    assert words("\u200f\u05de\u05d4 \u05d6\u05d4 early help\u200f")[-2:] == ["early", "help"]


def test_words_of_a_long_text_are_all_read() -> None:
    text = "fathers " * 20_000
    assert words(text) == ["fathers"] * 20_000


# --- stem() and stems() -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "group",
    [
        ["escalate", "escalated", "escalating", "escalation"],
        ["record", "recorded", "recording", "records"],
        ["father", "fathers"],
        ["threshold", "thresholds"],
        ["interpreter", "interpreters"],
        ["supervision", "supervisions"],
        ["assessment", "assessments"],
    ],
)
def test_stem_brings_word_forms_together(group: list[str]) -> None:
    assert len({stem(word) for word in group}) == 1, {word: stem(word) for word in group}


@pytest.mark.parametrize("word", ["rec", "lp", "tar", "eha", "csc", "4", "2017", "10"])
def test_stem_leaves_short_words_and_numbers_alone(word: str) -> None:
    assert stem(word) == word


def test_stem_keeps_distinct_topics_apart() -> None:
    assert stem("finding") != stem("funding")
    assert stem("fathers") != stem("mothers")
    assert stem("police") != stem("policy")


def test_stems_are_the_stems_of_the_words() -> None:
    text = "Fathers weren't spoken to; CSC escalations didn't get feedback"
    assert stems(text) == [stem(w) for w in words(text)]
    assert stems("Escalated concerns") == stems("escalation concern")


def test_stems_read_questions_and_passages_alike() -> None:
    # A curly-quoted, accented, chat-speak question meets the briefing's plain words.
    assert stems("wat abt the \u201cfathers\u2019\u201d views") == stems("what about the fathers views")
    assert stems("Caf\u00e9 escalation") == stems("cafe escalations")


def test_a_quote_mark_before_a_word_is_not_a_contraction() -> None:
    assert words("the plan says 'mum to engage'") == ["the", "plan", "says", "mum", "to", "engage"]
    assert words("it was 'really' bad, 'll see") == ["it", "was", "really", "bad", "ll", "see"]
    assert words("I'm sure they'd") == ["i", "am", "sure", "they", "would"]


# --- the English word bands -------------------------------------------------------------------


def test_word_bands_know_common_and_rare_words_and_not_typos() -> None:
    from learnbot.core.matching.english import WordBands

    bands = WordBands()
    assert bands.band("the") == 7
    assert bands.band("funding") is not None  # a real word the pack does not use: never "corrected"
    assert bands.band("meant") is not None
    assert bands.band("thresholdz") is None
    assert bands.band("zq") is None
    assert bands.band("") is None


def test_word_bands_file_groups_each_band_by_opening() -> None:
    # Each line holds one band's words that share their first two letters: a lookup reads only the
    # few lines for its word's opening, so the grouping must be exact.
    from pathlib import Path

    import learnbot.core.matching.english as english

    path = Path(english.__file__).with_name("english_words.txt")
    seen: set[tuple[str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        band, opening, rest = line.split(" ", 2)
        assert band.isdigit() and (band, opening) not in seen
        seen.add((band, opening))
        assert all(word[:2] == opening for word in rest.split()), line[:40]


@pytest.mark.parametrize(
    "typed, read",
    [
        ("wen was the audit done", "when was the audit done"),
        ("who is this briefing ment for", "who is this briefing meant for"),
        ("wat did the police do rong", "what did the police do wrong"),
        ("shud i escalate", "should i escalate"),
    ],
)
def test_small_words_spelt_as_they_sound_are_read(typed: str, read: str) -> None:
    assert words(typed) == read.split()


def test_a_run_of_thousands_of_digits_is_no_number_and_no_crash(ask_matcher) -> None:
    """Python will not read over 4,300 digits as an int; such a run is no count anyway."""
    from learnbot.core.matching.numbers import number_value

    assert number_value("4") == 4 and number_value("fourth") == 4
    assert number_value("0" * 5000) is None
    assert not ask_matcher.search("rec " + "0" * 5000).answered
