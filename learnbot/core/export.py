"""The pack as plain data (JSON) and as one Markdown document.

``pack_to_dict`` is the shape `learnbot export --format json` prints, a contract other tools read:
``{"pack": {...}, "items": [{"id", "kind", "title", "text", "section", "quote", "tags", "roles",
"related", ...}], "reflections": [...], "scenarios": [...]}``. Add keys; never rename or remove one.
"""

from __future__ import annotations

from dataclasses import asdict

from learnbot.core.model import KIND_LABELS, Item, Pack
from learnbot.core.practice import Scenario


def item_to_dict(item: Item) -> dict:
    """One item in the export's shape."""
    out = {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "text": item.text,
        "section": item.section,
        "quote": item.quote,
        "tags": list(item.tags),
        "roles": list(item.roles),
        "related": list(item.related),
    }
    if item.number is not None:
        out["number"] = item.number
    if item.term:
        out["term"] = item.term
        out["aliases"] = list(item.aliases)
    if item.links:
        out["links"] = [{"label": link.label, "url": link.url} for link in item.links]
    return out


def scenario_to_dict(scenario: Scenario) -> dict:
    """One scenario in the export's shape."""
    steps = []
    for step in scenario.steps:
        options = []
        for option in step.options:
            entry: dict = {"text": option.text}
            if step.type == "order":
                entry["position"] = option.position
            else:
                entry["correct"] = option.correct
            entry["feedback"] = option.feedback
            options.append(entry)
        out_step = {"prompt": step.prompt, "type": step.type, "options": options, "cites": list(step.cites)}
        if step.feedback:
            out_step["feedback"] = step.feedback
        if step.discussion:
            out_step["discussion"] = step.discussion
        steps.append(out_step)
    return {
        "id": scenario.id,
        "topic": scenario.topic,
        "title": scenario.title,
        "setting": scenario.setting,
        "roles": list(scenario.roles),
        "steps": steps,
    }


def pack_to_dict(pack: Pack) -> dict:
    """The whole pack as JSON-ready data."""
    return {
        "pack": asdict(pack.meta),
        "items": [item_to_dict(item) for item in pack.items],
        "reflections": [
            {"id": r.id, "text": r.text, "related": list(r.related)} for r in pack.reflections
        ],
        "scenarios": [scenario_to_dict(s) for s in pack.scenarios],
    }


def _quote_block(text: str) -> str:
    return "\n".join("> " + line if line.strip() else ">" for line in text.splitlines())


def pack_to_markdown(pack: Pack) -> str:
    """The pack as one Markdown document: the briefing in order, then the glossary and reflections."""
    meta = pack.meta
    lines = [f"# {meta.title}", ""]
    lines += [f"*Published by {meta.publisher}. Audit carried out {meta.audit_period}.*", ""]
    lines += [f"**Please note:** {meta.currency_notice}", ""]
    lines += ["Quoted passages (in blockquotes) are the briefing's own words; "
              "everything else is learnbot's note.", ""]
    for section, items in pack.sections():
        lines += [f"## {section}", ""]
        for item in items:
            lines += [f"### {item.title}", "", f"`{item.id}` \u00b7 {KIND_LABELS[item.kind]}", ""]
            lines += [_quote_block(item.text) if item.quote else item.text, ""]
            if item.links:
                lines += [f"- [{link.label}]({link.url or '#'})" for link in item.links] + [""]
            related = pack.related_items(item)
            if related:
                lines += ["Related: " + ", ".join(f"{r.title} (`{r.id}`)" for r in related), ""]
    if pack.glossary:
        lines += ["## Glossary", ""]
        for item in pack.glossary:
            source = "the briefing's words" if item.quote else "learnbot's note"
            body = _quote_block(item.text) if item.quote else item.text
            lines += [f"**{item.term}**: {item.title} ({source})", "", body, ""]
    if pack.reflections:
        lines += ["## Questions for reflection (learnbot's own)", ""]
        lines += [f"{n}. {r.text}" for n, r in enumerate(pack.reflections, start=1)] + [""]
    return "\n".join(lines).rstrip() + "\n"
