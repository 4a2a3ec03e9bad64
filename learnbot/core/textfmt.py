"""Plain-text renderings of items for the command line and line-by-line chat.

Plain text (no colour, no markup) so that it reads well in any terminal, through a screen reader,
and when piped to a file.
"""

from __future__ import annotations

import textwrap

from learnbot.core.model import Item, Pack

WIDTH = 88


def wrap(text: str, indent: str = "") -> str:
    """Wrap prose to :data:`WIDTH`, keeping Markdown list lines as separate lines."""
    lines = []
    for paragraph in text.splitlines():
        stripped = paragraph.strip()
        if not stripped:
            lines.append("")
            continue
        bullet = stripped.startswith(("- ", "* "))
        lines.append(
            textwrap.fill(
                stripped,
                width=WIDTH,
                initial_indent=indent,
                subsequent_indent=indent + ("  " if bullet else ""),
                break_on_hyphens=False,
            )
        )
    return "\n".join(lines)


def source_line(item: Item) -> str:
    """Where a passage comes from, and whether it is the briefing's words."""
    if item.quote:
        return f"From the briefing, under \u201c{item.section}\u201d ({item.kind_label.lower()}; the briefing's words)"
    return f"{item.kind_label} ({item.section}; learnbot's note, not the briefing's words)"


def passage(item: Item, indent: str = "  ") -> str:
    """The item's text, marked as a quote when it is the briefing's words."""
    body = wrap(item.text, indent=indent)
    if item.links:
        body += "\n" + "\n".join(f"{indent}Link: {link.label}" + (f" <{link.url}>" if link.url else "")
                                 for link in item.links)
    return body


def format_item(pack: Pack, item: Item) -> str:
    """The whole of one item, for `learnbot show`."""
    parts = [
        f"{item.title}  [{item.id}]",
        source_line(item),
        "",
        passage(item),
    ]
    related = pack.related_items(item)
    if related:
        parts += ["", "Related:"]
        parts += [f"  - {r.title}  [{r.id}]" for r in related]
    return "\n".join(parts)
