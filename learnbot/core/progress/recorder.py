"""The :class:`~learnbot.core.records.Recorder` that keeps learning events in the progress store.

Recording is a side effect of learning, so it must never get in its way: a store that cannot be
written is reported through ``on_error`` (or kept in :attr:`StoreRecorder.last_error`) and the
reading, quiz or briefing carries on. Given the pack, the recorder also drops any id the pack does
not hold, so that nothing but the pack's own ids can reach the store.
"""

from __future__ import annotations

import hashlib
from typing import Callable, Sequence

from learnbot.core.model import Pack
from learnbot.core.progress.store import (
    Profile,
    ProfileError,
    ProgressStore,
    StoreError,
    check_id,
    clean_name,
)

PACKLESS = "unknown-pack"
"""The pack id recorded when the recorder is not given a pack."""


def session_key(session_id: str) -> str:
    """``session_id`` if it is id-shaped; otherwise a stable digest of it, so that a session a
    facilitator named in their own words is still told apart without those words being stored."""
    try:
        return check_id(session_id)
    except ValueError:
        return "session-" + hashlib.sha256(session_id.encode("utf-8")).hexdigest()[:16]


class StoreRecorder:
    """Records the learning events of one profile in a :class:`ProgressStore`."""

    def __init__(
        self,
        store: ProgressStore,
        profile: Profile,
        pack: Pack | None = None,
        on_error: Callable[[StoreError], None] | None = None,
    ):
        """
        Args:
            store: where records go.
            profile: whose records they are.
            pack: the pack being studied; its id is recorded, and ids it does not hold are dropped.
            on_error: told when a record could not be written (the event itself still happened).
        """
        self.store = store
        self.profile = profile
        self.pack = pack
        self.on_error = on_error
        self.last_error: StoreError | None = None
        """The latest write that failed, if any."""

    @property
    def pack_id(self) -> str:
        return self.pack.meta.id if self.pack is not None else PACKLESS

    def _known_items(self, ids: Sequence[str]) -> list[str]:
        if self.pack is None:
            return [i for i in ids if _is_id(i)]
        return [i for i in ids if i in self.pack]

    def _write(self, action: Callable[[], object]) -> None:
        try:
            action()
        except StoreError as err:
            self.last_error = err
            if self.on_error is not None:
                self.on_error(err)

    def item_read(self, item_id: str, via: str) -> None:
        if not self._known_items([item_id]) or not _is_id(via):
            return
        self._write(lambda: self.store.record_read(self.profile, item_id, via, pack_id=self.pack_id))

    def step_answered(
        self, scenario_id: str, step_index: int, topic: str, correct: bool, cites: Sequence[str]
    ) -> None:
        if self.pack is not None:
            scenario = next((s for s in self.pack.scenarios if s.id == scenario_id), None)
            if scenario is None or not 0 <= step_index < len(scenario.steps):
                return
            topic = scenario.topic
        elif not (_is_id(scenario_id) and _is_id(topic)):
            return
        cited = self._known_items(cites)
        self._write(lambda: self.store.record_answer(
            self.profile, scenario_id, step_index, topic, correct, cited, pack_id=self.pack_id
        ))

    def briefing_attended(
        self, session_id: str, participants: Sequence[str], item_ids: Sequence[str]
    ) -> None:
        """Everyone named, and this recorder's own profile, is recorded as having covered the items.

        A participant without a profile on this machine gets one (role "other"), so that their
        record exists when they next sign in under that name.
        """
        covered = self._known_items(item_ids)
        attendees: list[Profile | str] = [self.profile, *(p for p in participants if _is_name(p))]
        self._write(lambda: self.store.record_briefing(
            attendees, session_key(session_id), covered, pack_id=self.pack_id
        ))


def _is_id(value: str) -> bool:
    try:
        check_id(value)
    except ValueError:
        return False
    return True


def _is_name(value: str) -> bool:
    try:
        clean_name(value)
    except ProfileError:
        return False
    return True
