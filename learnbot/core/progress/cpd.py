"""A draft CPD record in Markdown, written from a practitioner's learning records.

Social workers keep CPD records for their registration, and other professions keep similar
portfolios. learnbot can say what was read, answered and attended, and when; only the practitioner
can say what it changed. So the draft lists the evidence, quoting the titles of the items and
scenarios behind it, and leaves reflection prompts for them to answer. It says plainly that it is a
draft, and learnbot keeps no copy of what they write into it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

from learnbot.core.model import ITEM_KINDS, Item, Pack
from learnbot.core.practice import Scenario
from learnbot.core.progress.store import ANSWERED, ATTENDED, READ, Profile, Statement
from learnbot.core.progress.summary import day, plural_label

PRACTICE_PROMPTS: tuple[str, ...] = (
    "Which of these points most changes what I do, and why?",
    "What will I do differently the next time I am worried about a child in a family receiving "
    "early help?",
    "How will I make sure the child's own views and experience are recorded and acted on?",
    "When will I escalate a concern, to whom, and how will I record that I did?",
    "How will I know this has made a difference to the children and families I work with?",
    "What do I still need to learn, and where will I find it?",
)
"""Reflection prompts on the impact on practice: learnbot's own questions, for the practitioner."""


def _quoted(title: str) -> str:
    return f"\u201c{title}\u201d"


def cpd_markdown(pack: Pack, profile: Profile, statements: Iterable[Statement], now: datetime) -> str:
    """The draft CPD record for ``profile``'s learning from ``pack``, as Markdown."""
    mine = sorted(
        (s for s in statements if s.profile.id == profile.id and s.pack_id == pack.meta.id),
        key=lambda s: s.at,
    )
    reads = [s for s in mine if s.verb == READ and s.object_id in pack]
    answers = [s for s in mine if s.verb == ANSWERED]
    briefings = [s for s in mine if s.verb == ATTENDED]
    scenarios = {s.id: s for s in pack.scenarios}

    lines = [
        f"# Draft CPD record: learning from {_quoted(pack.meta.title)}",
        "",
        "> **This is a draft, not a finished CPD record.** learnbot wrote it from its records of what",
        "> you read, answered and attended. Rewrite it in your own words, add what you did with the",
        "> learning, and remove anything that does not fit before you use it. learnbot keeps no copy",
        "> of what you write here.",
        "",
        f"- **Name:** {profile.name}",
        f"- **Role:** {profile.role}",
        f"- **Agency:** {profile.agency or '(add your agency)'}",
        f"- **Learning activity:** self-directed learning from {_quoted(pack.meta.title)}"
        f" ({pack.meta.publisher}; audit {pack.meta.audit_period}), with the learnbot app",
    ]
    if mine:
        lines.append(f"- **Dates:** {day(mine[0].at)} to {day(mine[-1].at)}")
    lines.append(f"- **Drafted:** {day(now)}")
    lines += ["", "## What I learnt", ""]
    if not mine:
        lines += ["learnbot has no learning recorded for this profile yet.", ""]
    else:
        passages = len({s.object_id for s in reads})
        lines += [
            f"Between {day(mine[0].at)} and {day(mine[-1].at)} I read {passages} "
            f"passage{'s' if passages != 1 else ''} of the briefing, answered {len(answers)} "
            f"scenario question{'s' if len(answers) != 1 else ''} and attended {len(briefings)} team "
            f"briefing{'s' if len(briefings) != 1 else ''}.",
            "",
        ]
        lines += _items_learnt(pack, reads, briefings)
    lines += _scenarios_worked(scenarios, answers, pack)
    lines += _peer_reflection(pack, briefings)
    lines += _impact_prompts(scenarios, answers)
    lines += [
        "## Before you use this",
        "",
        pack.meta.currency_notice.strip(),
        "",
    ]
    return "\n".join(lines)


def _items_learnt(pack: Pack, reads: list[Statement], briefings: list[Statement]) -> list[str]:
    """The items reviewed, under a heading per kind, each with when it was first and last reviewed."""
    when: dict[str, list[datetime]] = {}
    for s in reads:
        when.setdefault(s.object_id, []).append(s.at)
    for s in briefings:
        for item_id in s.item_ids:
            if item_id in pack:
                when.setdefault(item_id, []).append(s.at)
    lines: list[str] = []
    for kind in ITEM_KINDS:
        reviewed: list[Item] = [i for i in pack.of_kind(kind) if i.id in when]
        if not reviewed:
            continue
        lines += [f"### {plural_label(kind)}", ""]
        for item in reviewed:
            dates = sorted(when[item.id])
            again = f", last on {day(dates[-1])}" if day(dates[-1]) != day(dates[0]) else ""
            lines.append(f"- {_quoted(item.title)} ({item.id}): first reviewed {day(dates[0])}{again}")
        lines.append("")
    return lines


def _scenarios_worked(scenarios: dict[str, Scenario], answers: list[Statement], pack: Pack) -> list[str]:
    lines = ["## Scenarios I worked through", ""]
    done = [sid for sid in dict.fromkeys(a.object_id for a in answers) if sid in scenarios]
    if not done:
        return lines + ["None recorded yet.", ""]
    for sid in done:
        scenario = scenarios[sid]
        mine = [a for a in answers if a.object_id == sid]
        right = sum(bool(a.correct) for a in mine)
        cited = [pack.get(c) for c in dict.fromkeys(c for step in scenario.steps for c in step.cites)]
        lines.append(
            f"- {_quoted(scenario.title)} ({scenario.topic.replace('-', ' ')}), {day(mine[0].at)}: "
            f"{right} of {len(mine)} answer{'s' if len(mine) != 1 else ''} right."
        )
        behind = [f"{_quoted(item.title)} ({item.id})" for item in cited if item is not None]
        if behind:
            lines.append("  It rests on: " + "; ".join(behind) + ".")
    return lines + [""]


def _peer_reflection(pack: Pack, briefings: list[Statement]) -> list[str]:
    lines = ["## Peer reflection: team briefings attended", ""]
    if not briefings:
        return lines + [
            "No team briefings recorded. If you discussed this learning with colleagues, say with whom",
            "(by role, not by name) and what you took from their view.",
            "",
        ]
    covered: dict[str, None] = {}
    for s in briefings:
        titles = ", ".join(_quoted(item.title) for item in map(pack.get, s.item_ids) if item is not None)
        lines.append(f"- {day(s.at)}, team briefing {s.object_id}: we covered {titles or '(no items recorded)'}.")
        covered.update(dict.fromkeys(s.item_ids))
    questions = [r for r in pack.reflections if set(r.related) & covered.keys()]
    lines += ["", "What I took from colleagues' views (the briefing's discussion questions, to answer):", ""]
    lines += [f"- {r.text}" for r in questions]
    lines += ["- What did colleagues from other agencies see differently from me?", ""]
    return lines


def _impact_prompts(scenarios: dict[str, Scenario], answers: list[Statement]) -> list[str]:
    lines = ["## Reflection: the impact on my practice", "",
             "_Answer in your own words; delete the prompts you do not use._", ""]
    lines += [f"- {prompt}" for prompt in PRACTICE_PROMPTS]
    missed = dict.fromkeys(a.object_id for a in answers if not a.correct and a.object_id in scenarios)
    for sid in missed:
        lines.append(f"- In {_quoted(scenarios[sid].title)} I chose differently from the briefing's "
                     "learning at first. What would I do now, and why?")
    return lines + [""]
