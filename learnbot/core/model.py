"""The content model: a briefing held as plain, immutable dataclasses.

Everything learnbot does (answering, quizzes, progress) reads these objects and nothing else, so the
loader is the only place that knows about YAML and files. Nothing here imports Textual or Rich. A
pack's quiz scenarios and reflection questions are in :mod:`learnbot.core.practice`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from learnbot.core.practice import Reflection, Scenario

#: The kinds of item a pack may hold, in the order the briefing presents them.
ITEM_KINDS: tuple[str, ...] = (
    "background",
    "methodology",
    "good_practice",
    "definition",
    "finding",
    "learning_point",
    "recommendation",
    "further_information",
    "glossary",
)

#: Human labels for each kind, for listings and the UI.
KIND_LABELS: Mapping[str, str] = {
    "background": "Background",
    "methodology": "Methodology",
    "good_practice": "Good practice",
    "definition": "Definition",
    "finding": "Key finding",
    "learning_point": "Learning point",
    "recommendation": "Recommendation",
    "further_information": "Further information",
    "glossary": "Glossary",
}


@dataclass(frozen=True)
class Link:
    """A link the briefing gives (e.g. under Further Information)."""

    label: str
    """The link's words, as the briefing prints them."""
    url: str = ""
    """Where it points; the published briefing's links are placeholders, so this may be empty."""


@dataclass(frozen=True)
class Item:
    """One passage of the briefing, or one glossary entry.

    A quoted item's ``text`` is the briefing's own words, verbatim; an unquoted one is learnbot's
    note (a glossary entry the briefing does not define, say) and must never be shown as a quote.
    """

    id: str
    """Stable, readable id such as ``rec-4`` or ``finding-voice-of-the-child``."""
    kind: str
    """One of :data:`ITEM_KINDS`."""
    title: str
    """A short title, learnbot's own words."""
    text: str
    """The passage (Markdown)."""
    section: str
    """The briefing heading the passage sits under."""
    quote: bool
    """True when ``text`` is the briefing's words, verbatim."""
    tags: tuple[str, ...] = ()
    """Topic tags: escalation, voice of the child, fathers, thresholds, recording ..."""
    roles: tuple[str, ...] = ()
    """Roles or agencies the text names: police, children's social care, LPT, UHL ..."""
    related: tuple[str, ...] = ()
    """Ids of related items: the recommendation that answers a finding, and so on."""
    number: int | None = None
    """The briefing's own number for it (recommendation 4, learning point 2), if any."""
    term: str = ""
    """For glossary entries: the abbreviation or term itself (``EHA``)."""
    aliases: tuple[str, ...] = ()
    """Other spellings or expansions that name the same thing (``early help assessment``)."""
    hints: tuple[str, ...] = ()
    """Learnbot's own phrasings of what this passage answers, in practitioners' words. Used only
    for matching; never shown as the briefing's words."""
    links: tuple[Link, ...] = ()
    """Links the passage carries (Further Information)."""
    source_file: str = ""
    """The content file it came from (for messages)."""
    source_line: int = 0
    """The line in that file where the item starts."""

    @property
    def kind_label(self) -> str:
        """A human label for the item's kind."""
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Matching:
    """Matching knowledge a pack brings with it, so that a new briefing brings its own.

    Everything here is plain data: the matcher in ``learnbot.core.matching`` gives it meaning.
    """

    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Canonical word or phrase -> the everyday words practitioners use for it."""
    stopwords: tuple[str, ...] = ()
    """Words that carry no meaning for matching in this pack."""
    out_of_scope: tuple[str, ...] = ()
    """Words or phrases of topics the briefing never discusses (section 47, MASH referral ...)."""
    extra: Mapping[str, object] = field(default_factory=dict)
    """Further settings the matcher reads (thresholds and the like)."""


@dataclass(frozen=True)
class PackMeta:
    """What the pack is and how current it is."""

    id: str
    title: str
    publisher: str
    audit_period: str
    """When the audit ran (``February to March 2017``)."""
    currency_notice: str
    """Why practitioners should check current procedures before acting on it."""
    published: str = ""
    source: str = ""
    """Where the briefing came from."""
    audience: str = ""
    summary: str = ""


@dataclass(frozen=True)
class Pack:
    """A loaded, validated content pack."""

    meta: PackMeta
    items: tuple[Item, ...]
    reflections: tuple[Reflection, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    matching: Matching = field(default_factory=Matching)
    root: str = ""
    """The folder the pack was loaded from."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {item.id: item for item in self.items})

    def for_answering(self) -> Pack:
        """This pack without what answering questions never reads: quiz scenarios, reflections,
        and the raw matching knowledge a matcher has already compiled (a smaller index cache,
        read at every `learnbot ask`)."""
        return replace(self, scenarios=(), reflections=(), matching=Matching())

    def get(self, item_id: str) -> Item | None:
        """The item with this id, or None."""
        return self._by_id.get(item_id)  # type: ignore[attr-defined]

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._by_id  # type: ignore[attr-defined]

    def of_kind(self, kind: str) -> tuple[Item, ...]:
        """The items of one kind, in pack order."""
        return tuple(item for item in self.items if item.kind == kind)

    def related_items(self, item: Item) -> tuple[Item, ...]:
        """The items ``item`` names as related, in the order it names them."""
        return tuple(self._by_id[r] for r in item.related if r in self._by_id)  # type: ignore[attr-defined]

    @property
    def glossary(self) -> tuple[Item, ...]:
        """The glossary entries, in pack order."""
        return self.of_kind("glossary")

    def sections(self) -> list[tuple[str, list[Item]]]:
        """The briefing's headings in order, each with its items (glossary excluded)."""
        out: dict[str, list[Item]] = {}
        for item in self.items:
            if item.kind != "glossary":
                out.setdefault(item.section, []).append(item)
        return list(out.items())

    def counts(self) -> dict[str, int]:
        """How many items of each kind, in :data:`ITEM_KINDS` order (kinds with none omitted)."""
        counts = {kind: 0 for kind in ITEM_KINDS}
        for item in self.items:
            counts[item.kind] += 1
        return {k: v for k, v in counts.items() if v}
