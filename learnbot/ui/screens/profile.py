"""Choosing who is learning: pick a profile on this computer, or make one.

Shown on the first run (when no profile is chosen by ``--profile``, ``LEARNBOT_PROFILE`` or being
the only one), and from the Progress screen to switch. A profile is a display name or initials, a
role and an agency; this screen asks for nothing else, and says so. It dismisses with the profile
chosen, or None to carry on without keeping progress.
"""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from learnbot.core.progress.roles import ROLES
from learnbot.core.progress.store import MAX_AGENCY, MAX_NAME, Profile, ProgressStore, StoreError
from learnbot.ui.app import quiet_keys

INTRO = (
    "learnbot keeps a private record, on this computer only, of the passages you read and your quiz "
    "results, so it can show your progress and draft a CPD record for you. It records them under "
    "a profile: a name or initials, your role and your agency. Never enter a child's or family's "
    "details here."
)

KEYS_HINT = (
    "Up and down choose a profile and Enter uses it. Tab moves to the form for a new one; Enter or "
    "Ctrl+S makes it. Esc carries on without keeping progress."
)


def profile_label(profile: Profile) -> Content:
    """How a profile is named in the list: its name, then role and agency."""
    detail = ", ".join(x for x in (profile.role, profile.agency) if x)
    return Content.assemble((profile.name, "bold"), " \u00b7 ", detail)


class ProfileScreen(Screen[Profile | None]):
    """Pick an existing profile or make a new one."""

    CSS_PATH = "profile.tcss"

    BINDINGS = [
        Binding("ctrl+s", "create", "Make profile", id="profile.create", priority=True,
                tooltip="Make a profile from the form and use it."),
        Binding("escape", "skip", "No profile", id="profile.skip",
                tooltip="Carry on without keeping progress (nothing is recorded)."),
        *quiet_keys("profile"),
    ]

    profile_list = getters.query_one("#profile-list", OptionList)
    name_input = getters.query_one("#profile-name", Input)
    role_select = getters.query_one("#profile-role", Select)
    agency_input = getters.query_one("#profile-agency", Input)
    error = getters.query_one("#profile-error", Static)

    def __init__(self, store: ProgressStore) -> None:
        """Args:
        store: Where profiles are listed and made.
        """
        super().__init__()
        self.store = store
        try:
            self.profiles: list[Profile] = store.profiles()
            """The profiles already on this computer."""
            self._problem = ""
        except StoreError as err:
            self.profiles, self._problem = [], str(err)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="profile-body"):
            yield Static(Content(INTRO), id="profile-intro")
            yield Static(Content(KEYS_HINT), classes="dim", id="profile-keys")
            if self.profiles:
                yield Label(Content("Profiles on this computer:"), classes="profile--label")
                yield OptionList(
                    *(Option(profile_label(p), id=str(p.id)) for p in self.profiles), id="profile-list"
                )
            yield Label(Content("A new profile:"), classes="profile--label")
            yield Input(placeholder="Your name or initials", max_length=MAX_NAME, id="profile-name")
            yield Select([(role.capitalize(), role) for role in ROLES], prompt="Your role", id="profile-role")
            yield Input(placeholder="Your agency (optional)", max_length=MAX_AGENCY, id="profile-agency")
            yield Static(Content(self._problem), id="profile-error")
            yield Button("Make profile", variant="primary", id="profile-make")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Who is learning?"
        (self.profile_list if self.profiles else self.name_input).focus()

    @on(OptionList.OptionSelected, "#profile-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = next(p for p in self.profiles if str(p.id) == event.option.id)
        self.dismiss(chosen)

    @on(Input.Submitted)
    @on(Button.Pressed, "#profile-make")
    def action_create(self) -> None:
        name = self.name_input.value
        if not name.strip():
            self._say("Type your name or initials first.")
            self.name_input.focus()
            return
        if self.role_select.is_blank():
            self._say("Choose your role.")
            self.role_select.focus()
            return
        try:
            profile = self.store.add_profile(name, str(self.role_select.value), self.agency_input.value)
        except StoreError as err:
            message = str(err)
            self._say(message[:1].upper() + message[1:] + ".")
            return
        self.dismiss(profile)

    def action_skip(self) -> None:
        self.dismiss(None)

    def _say(self, message: str) -> None:
        self.error.update(Content(message))
        # At 80x24 the form's foot may be out of view: say it where it is always seen, too.
        self.notify(message, severity="warning", markup=False)
