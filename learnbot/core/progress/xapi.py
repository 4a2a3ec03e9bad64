"""Learning records as xAPI-shaped statements (JSON) and as a flat CSV of the same statements.

xAPI is what learning record stores take, so a partnership can gather these later. Each statement:
``{"id", "actor": {"name", "objectType": "Agent", "account"}, "verb": {"id", "display"}, "object":
{"id", "objectType", "definition": {"name", "type"}}, "result", "context", "timestamp"}``.
Object ids are stable IRIs under ``https://learnbot.invalid/`` (a reserved name: they identify,
they do not resolve). Statement ids are the store's own, so exporting twice gives the same ids.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable
from urllib.parse import quote

from learnbot import __version__
from learnbot.core.model import Pack
from learnbot.core.progress.store import ANSWERED, ATTENDED, READ, Statement, iso

BASE = "https://learnbot.invalid"
"""Where learnbot's IRIs live."""

VERB_IDS = {
    READ: "http://adlnet.gov/expapi/verbs/experienced",
    ANSWERED: "http://adlnet.gov/expapi/verbs/answered",
    ATTENDED: "http://adlnet.gov/expapi/verbs/attended",
}
VERB_DISPLAY = {READ: "experienced", ANSWERED: "answered", ATTENDED: "attended"}

ACTIVITY_TYPES = {
    READ: "http://adlnet.gov/expapi/activities/lesson",
    ANSWERED: "http://adlnet.gov/expapi/activities/question",
    ATTENDED: "http://adlnet.gov/expapi/activities/meeting",
}

VIA_EXTENSION = f"{BASE}/xapi/extensions/via"
TOPIC_EXTENSION = f"{BASE}/xapi/extensions/topic"

CSV_COLUMNS = (
    "statement_id", "timestamp", "actor", "verb", "object_id", "object_name", "object_type",
    "pack_id", "local_id", "step", "topic", "success", "via", "related_ids",
)
"""The CSV's header, in order: one row per statement."""

LANG = "en-GB"


def _iri(*parts: str) -> str:
    return BASE + "".join("/" + quote(part, safe="") for part in parts)


def pack_iri(pack_id: str) -> str:
    return _iri("packs", pack_id)


def item_iri(pack_id: str, item_id: str) -> str:
    """The IRI of an item, e.g. ``https://learnbot.invalid/packs/<pack>/items/<item>``."""
    return _iri("packs", pack_id, "items", item_id)


def scenario_iri(pack_id: str, scenario_id: str) -> str:
    return _iri("packs", pack_id, "scenarios", scenario_id)


def step_iri(pack_id: str, scenario_id: str, step_index: int) -> str:
    """A scenario step's IRI; steps are numbered from 1 here, as people count them."""
    return scenario_iri(pack_id, scenario_id) + f"/steps/{step_index + 1}"


def briefing_iri(pack_id: str, session_id: str) -> str:
    return _iri("packs", pack_id, "briefings", session_id)


def object_iri(s: Statement) -> str:
    """The IRI of what a statement is about."""
    if s.verb == READ:
        return item_iri(s.pack_id, s.object_id)
    if s.verb == ANSWERED:
        return step_iri(s.pack_id, s.object_id, s.step_index or 0)
    return briefing_iri(s.pack_id, s.object_id)


def object_name(s: Statement, pack: Pack | None) -> str:
    """What a statement is about, in words: the item's or scenario's title where the pack has it."""
    known = pack if pack is not None and pack.meta.id == s.pack_id else None
    if s.verb == READ:
        item = known.get(s.object_id) if known else None
        return item.title if item else s.object_id
    if s.verb == ANSWERED:
        titles = {x.id: x.title for x in known.scenarios} if known else {}
        return f"{titles.get(s.object_id, s.object_id)}, step {(s.step_index or 0) + 1}"
    return f"Team briefing {s.object_id}"


def to_xapi(s: Statement, pack: Pack | None = None) -> dict:
    """One statement, xAPI-shaped. ``pack`` supplies titles (ids stand in without it)."""
    context: dict = {"platform": f"learnbot {__version__}", "language": LANG}
    parent = [{"id": pack_iri(s.pack_id), "objectType": "Activity"}]
    if s.verb == READ:
        result: dict = {"completion": True}
        context["extensions"] = {VIA_EXTENSION: s.via}
    elif s.verb == ANSWERED:
        result = {"success": bool(s.correct), "completion": True}
        parent.insert(0, {"id": scenario_iri(s.pack_id, s.object_id), "objectType": "Activity"})
        context["extensions"] = {TOPIC_EXTENSION: s.topic}
    else:
        result = {"completion": True}
    related = [{"id": item_iri(s.pack_id, i), "objectType": "Activity"} for i in s.item_ids]
    context["contextActivities"] = {"parent": parent, **({"other": related} if related else {})}
    return {
        "id": s.uuid,
        "actor": {
            "name": s.profile.name,
            "objectType": "Agent",
            "account": {"homePage": BASE, "name": s.profile.uuid},
        },
        "verb": {"id": VERB_IDS[s.verb], "display": {LANG: VERB_DISPLAY[s.verb]}},
        "object": {
            "id": object_iri(s),
            "objectType": "Activity",
            "definition": {"name": {LANG: object_name(s, pack)}, "type": ACTIVITY_TYPES[s.verb]},
        },
        "result": result,
        "context": context,
        "timestamp": iso(s.at),
    }


def statements_to_xapi(statements: Iterable[Statement], pack: Pack | None = None) -> list[dict]:
    """Every statement, xAPI-shaped, in the order given."""
    return [to_xapi(s, pack) for s in statements]


def statements_to_csv(statements: Iterable[Statement], pack: Pack | None = None) -> str:
    """The same statements as CSV text, one row each under :data:`CSV_COLUMNS`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for s in statements:
        writer.writerow([
            s.uuid,
            iso(s.at),
            _cell(s.profile.name),
            VERB_DISPLAY[s.verb],
            object_iri(s),
            _cell(object_name(s, pack)),
            ACTIVITY_TYPES[s.verb],
            s.pack_id,
            s.object_id,
            "" if s.step_index is None else s.step_index + 1,
            s.topic,
            "" if s.correct is None else str(bool(s.correct)).lower(),
            s.via,
            " ".join(s.item_ids),
        ])
    return out.getvalue()


def _cell(text: str) -> str:
    """Text a spreadsheet would take for a formula (``=...``, ``+...``), defused with a leading ``'``."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
