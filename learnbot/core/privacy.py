"""Spotting case details in a question, so learnbot can warn before answering.

learnbot is for learning: practitioners must not type a child's or family's details into it. When a
question looks like it holds some (a name with a date of birth, a UK postcode or street address, an
NHS number, a phone number), learnbot still answers, but says so first. Nothing typed is stored,
whether or not it warns.
"""

from __future__ import annotations

import re

from learnbot.core.lazyregex import LazyPattern


# Every pattern is compiled on first use: most questions hold no digit, and then none of them is
# ever needed (keeping `learnbot ask` quick to start).
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = LazyPattern(
    rf"\b\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}\s*[/.\-]\s*(?:19|20)?\d{{2}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+(?:19|20)\d{{2}}\b"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b",
    re.IGNORECASE,
)
_BIRTH_WORDS = LazyPattern(r"\b(?:d\.?o\.?b\.?|date of birth|born(?: on| in)?|birthday)\b", re.IGNORECASE)
_FULL_NAME = r"[A-Z][a-z]+(?:[-'\u2019][A-Z]?[a-z]+)*\s+(?:[A-Z]')?[A-Z][a-z]+(?:[-'\u2019][A-Z]?[a-z]+)*"
"""A first name and a surname, as typed with capitals ("Jamie Smith", "Mary-Ann O'Neill")."""
_NAME = LazyPattern(rf"\b{_FULL_NAME}\b")
#: The UK's postcode areas (the letters a postcode starts with), so "lp1 2nd" is not taken for one.
_AREAS = (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH "
    "EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M "
    "ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST "
    "SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
).split()
_POSTCODE = LazyPattern(r"\b([A-Z]{1,2})\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
_AREA_SET = frozenset(_AREAS)
_NUMERIC_DATE = LazyPattern(r"\b\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)\d{2}\b")
_STREET = LazyPattern(
    r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Gardens|"
    r"Place|Pl|Terrace|Grove|Square|Walk|Rise|Hill|Mews|Row|View|Park|Parade)\b",
    re.IGNORECASE,
)
_NHS = LazyPattern(r"(?<![\d+])(\d{3})[ \-]?(\d{3})[ \-]?(\d{4})(?!\d)")
_PHONE = LazyPattern(
    r"(?<![\d])(?:\+44\s?\(?0?\)?\s?|\(?0)(?:7\d{3}|\d{2,4})\)?[\s\-]?\d{3,4}[\s\-]?\d{3,4}(?!\d)"
)
_NHS_WORD = LazyPattern(r"\bnhs\b", re.IGNORECASE)

#: Capitalised pairs that are the briefing's own names, not a person's.
_NAME_WITH_BIRTH = LazyPattern(
    rf"\b({_FULL_NAME})\b"
    r"(?:\W{0,3}(?i:d\.?o\.?b\b\.?|born(?: on| in)?\b|date of birth\b)|(?=\W{0,3}\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]))",
)
"""A name straight before a date of birth ("Jamie Smith DOB 04/05/2015", "Jamie Smith, 04/05/15"),
with the words saying it is one."""
_NOT_NAMES = {
    "working together", "early help", "social care", "children social", "city council",
    "safeguarding unit", "partnership trust", "university hospitals", "support panel",
    "leicestershire police", "clinical commissioning", "commissioning group", "school nursing",
    "team around", "voice of", "local safeguarding", "safeguarding children",
}

WARNING = (
    "This question looks like it may include a child's or family's case details ({what}). "
    "learnbot is for learning only: please do not enter case details. Nothing you type is stored."
)


def _nhs_checksum_ok(digits: str) -> bool:
    """The NHS number's modulus-11 check digit."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def case_details(text: str) -> list[str]:
    """What kinds of case detail ``text`` seems to hold (empty if none).

    The checks err towards warning: a false alarm costs a sentence, a miss costs a family's privacy.
    """
    text = text[:20_000]
    if not any(ch.isdigit() for ch in text):
        return []  # every detail we look for holds a digit (a date, a number, a postcode)
    found: list[str] = []
    names = [m.group(0) for m in _NAME.finditer(text) if m.group(0).lower() not in _NOT_NAMES]
    if _NUMERIC_DATE.search(text) or (_DATE.search(text) and (names or _BIRTH_WORDS.search(text))):
        # Nobody needs a full date to ask about the briefing (it gives none): a full numeric date
        # in a question is most likely someone's date of birth.
        found.append("a name or date of birth")
    elif _BIRTH_WORDS.search(text) and re.search(r"\b(?:19|20)\d{2}\b", text):
        found.append("a date of birth")
    if any(m.group(1).upper() in _AREA_SET for m in _POSTCODE.finditer(text)):
        found.append("a postcode")
    if _STREET.search(text):
        found.append("a street address")
    for match in _NHS.finditer(text):
        digits = "".join(match.groups())
        if _nhs_checksum_ok(digits) or _NHS_WORD.search(text):
            found.append("an NHS number")
            break
    if "an NHS number" not in found and _PHONE.search(text):
        found.append("a phone number")
    return found


def mask_case_details(text: str) -> str:
    """``text`` with anything that looks like a case detail blanked out, for matching only.

    A phone number or a postcode says nothing about the question's topic, and counted as unknown
    words it would make learnbot decline a question it can answer.
    """
    if not any(ch.isdigit() for ch in text):
        return text
    text = _POSTCODE.sub(lambda m: " " if m.group(1).upper() in _AREA_SET else m.group(0), text)
    # "Jamie Smith DOB 04/05/2015": a name given with a date of birth is a person, not a topic
    text = _NAME_WITH_BIRTH.sub(lambda m: m.group(0) if m.group(1).lower() in _NOT_NAMES else " ", text)
    for pattern in (_NUMERIC_DATE, _STREET, _NHS, _PHONE):
        text = pattern.sub(" ", text)
    return text


def case_details_warning(text: str) -> str:
    """A warning to show before answering, or "" when the question looks free of case details."""
    kinds = case_details(text)
    return WARNING.format(what=", ".join(kinds)) if kinds else ""
