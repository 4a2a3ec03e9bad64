"""Turning text into comparable tokens: normalising, splitting, correcting shorthand, stemming.

The same functions prepare the pack's passages and a practitioner's question, so the two meet on
equal terms.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

from learnbot.core.matching.english import CHAT_SPEAK, IRREGULAR

_STEMMER = Stemmer.Stemmer("english")
_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " ",
})
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_MARKUP = re.compile(r"\[/?[a-zA-Z#@][^\[\]]{0,60}\]")
"""Rich-style markup tags ("[bold]", "[/link]"): typed as text, they say nothing about the topic."""
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[+&#]")
_WHOLE_CONTRACTIONS = {"can't": "can not", "won't": "will not", "shan't": "shall not"}
_CONTRACTION = re.compile(r"(?<=[a-z])(n't|'re|'ve|'ll|'d|'m)(?![a-z])")
"""A contraction's ending, only straight after a word: "I'm", "they've", but not the quote mark
before a quoted word ("says 'mum to engage'")."""
_ENDINGS = {"n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'d": " would", "'m": " am"}


def normalise(text: str) -> str:
    """Lower-case, plain-ASCII-punctuation text with Markdown links reduced to their labels.

    Control characters are dropped and accents folded, so that pasted or unusual text compares
    like typed text.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        folded = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    text = text.translate(_TRANSLATE)
    text = _LINK.sub(r"\1", text).replace("\\", "")
    text = _MARKUP.sub(" ", text)
    text = _CONTROL.sub(" ", text)
    return " ".join(text.lower().split())


_TEAMS = re.compile(r"\b(?P<before>[A-Za-z]+ )?(?P<teams>[Tt]eams)\b(?P<after> [a-z]+)?")
_APP_BEFORE = frozenset("on in by via over into with using through use open install download".split())
"""Words before a capitalised "Teams" that make it the app: "on Teams", "via Teams"."""
_APP_AFTER = frozenset(
    "meeting call chat link invite channel app status notification background account setting camera profile "
    "message recording screen".split()
)
"""Words after a capitalised "Teams" that make it the app: "a Teams call"."""
_ONLY_THE_APP = frozenset("call chat link invite channel app".split())
"""Words after "teams" in any case that make it the app ("teams call"), where "teams meeting"
typed small may be a meeting of teams."""


def _the_app(found: re.Match[str]) -> str:
    """"Teams" as the Microsoft app ("on Teams", "a Teams call") named in full, so that it reads
    as the app: else "Teams meeting" would share the stems of "team meeting"."""
    before, teams, after = found.group("before") or "", found.group("teams"), found.group("after") or ""
    if before.strip().lower() in ("microsoft", "ms"):
        return found.group(0)
    following = after.strip().removesuffix("s")
    capital = teams == "Teams" and (before.strip().lower() in _APP_BEFORE or following in _APP_AFTER)
    if capital or following in _ONLY_THE_APP:
        teams = "Microsoft Teams"
    return before + teams + after


_AUXILIARIES = frozenset("do does did can could would will shall should is are was were has have had must".split())
"""Verbs that only carry a negation ("do not", "can not"), dropped before "not"."""
_LINKING_BEFORE_TO = frozenset(
    {"manage", "managed", "manages", "managing", "relate", "relates", "related", "relating", "relation"}
)
"""Words that before "to" only link what follows: "managed to get" says someone succeeded,
"relating to" and "in relation to" say "about" (and share a stem with "relatives")."""
_NOT_GLUED = {
    "cannot": "can not", "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not",
    "wont": "will not", "isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not",
    "havent": "have not", "hasnt": "has not", "hadnt": "had not", "couldnt": "could not",
    "wouldnt": "would not", "shouldnt": "should not",
}


def words(text: str) -> list[str]:
    """The words of ``text``: normalised, split, contractions opened, chat-speak expanded."""
    if "eams" in text:
        text = _TEAMS.sub(_the_app, text)
    text = normalise(text)
    for short, full in _WHOLE_CONTRACTIONS.items():
        text = text.replace(short, full)
    text = _CONTRACTION.sub(lambda found: _ENDINGS[found.group(1)], text)
    out: list[str] = []
    for token in _TOKEN.findall(text):
        token = token.removesuffix("'s").strip("'")
        if not token:
            continue
        replacement = CHAT_SPEAK.get(token) or _NOT_GLUED.get(token)
        if replacement:
            out.extend(replacement.split())
        else:
            out.append(token)
    if "ages" in out:
        # "in ages", "for ages", "ages ago": a long time, not children's ages ("for ages 0 to 19" is)
        out = [w for i, w in enumerate(out) if not (w == "ages" and _for_a_long_time(out, i))]
    if "spread" in out:
        # "spread across lots of the cases or just one": how many cases, not sharing it round
        out = [w for i, w in enumerate(out) if not (w == "spread" and _across_cases(out, i))]
    if "about" in out and not _LEARNED_OF.keys().isdisjoint(out):
        # "I only heard about the TAF meeting afterwards": learned of it, not heard a child's voice
        out = _heard_about(out)
    if "point" in out:
        # "what was the (whole) point of the audit": its purpose, not a learning point
        out = _point_as_purpose(out)
    if "end" in out:
        # "in the end": at last, not the end of something ("at the end of the audit")
        out = _without_in_the_end(out)
    if "to" in out:
        # "didn't manage to speak to the children" asks whether they spoke to them, not about managers
        out = _dropped_before(out, _LINKING_BEFORE_TO, "to")
    if "not" in out:
        # "don't agree", "can't agree" and "didn't agree" all say "not agree"
        out = _dropped_before(out, _AUXILIARIES, "not")
    return out


def _for_a_long_time(out: list[str], i: int) -> bool:
    """Whether "ages" at ``i`` says a long time: "in ages", "for ages", "ages ago"."""
    following = out[i + 1] if i + 1 < len(out) else ""
    if following.isdigit() or following in ("of", "between", "from"):
        return False
    return following == "ago" or (i > 0 and out[i - 1] in ("in", "for"))


def _across_cases(out: list[str], i: int) -> bool:
    """Whether "spread" at ``i`` says over how many cases ("spread across lots of the cases")."""
    return (out[i + 1:i + 2] in (["across"], ["over"], ["throughout"])
            and any(w in ("cases", "case", "families", "files", "sample") for w in out[i + 2:i + 7]))


_LEARNED_OF = {"hear": ["find", "out"], "heard": ["found", "out"], "hearing": ["finding", "out"], "hears": ["finds", "out"]}
"""Forms of "hear" that before "about" mean finding something out."""


def _heard_about(out: list[str]) -> list[str]:
    """``out`` with "heard about" read as "found out about"."""
    result: list[str] = []
    for i, word in enumerate(out):
        if word in _LEARNED_OF and out[i + 1:i + 2] == ["about"]:
            result.extend(_LEARNED_OF[word])
        else:
            result.append(word)
    return result


def _point_as_purpose(out: list[str]) -> list[str]:
    """``out`` with "what is the (whole) point of" read as "what is the purpose of"."""
    for i in range(len(out) - 1):
        if out[i] == "point" and out[i + 1] == "of" and i >= 2:
            before = i - 1 - (out[i - 1] == "whole")
            if out[before] == "the" and before >= 1 and out[before - 1] in ("is", "was", "s", "what"):
                out = out[:before + 1] + ["purpose"] + out[i + 1:]
                break
    return out


def _without_in_the_end(out: list[str]) -> list[str]:
    """``out`` without "in the end" where it says "at last" (not "in the end of ...")."""
    for i in range(len(out) - 3, -1, -1):
        if out[i:i + 3] == ["in", "the", "end"] and out[i + 3:i + 4] != ["of"]:
            out = out[:i] + out[i + 3:]
    return out


def _dropped_before(out: list[str], dropped: frozenset[str], following: str) -> list[str]:
    """``out`` without the words of ``dropped`` that come straight before ``following``."""
    return [w for i, w in enumerate(out) if not (w in dropped and i + 1 < len(out) and out[i + 1] == following)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word's stem (Snowball English), so "escalated" meets "escalation"."""
    word = IRREGULAR.get(word, word)
    if len(word) <= 3 or word.isdigit():
        return word
    return _STEMMER.stemWord(word)


def stems(text: str) -> list[str]:
    """The stems of every word of ``text``."""
    return [stem(w) for w in words(text)]
