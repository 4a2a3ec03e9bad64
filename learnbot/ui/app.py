"""The learnbot app: one place that wires screens, global keys, the command palette and the theme.

Each screen holds its own behaviour; the app only knows which screens there are and how to get
between them. Everything it needs is handed to it (the loaded pack, how to make the ask engine,
where learning events go), so tests build it from fixture content and nothing is read at import.

The four main screens are Textual *modes*, each with its own stack: an item opened from Browse is
still open when the practitioner goes to Ask and comes back. They are built the first time they are
shown, so start-up only pays for the Ask screen.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Callable

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from learnbot.core.model import Item, Pack
from learnbot.core.records import NullRecorder, Recorder
from learnbot.ui.lazy import Lazy

if TYPE_CHECKING:
    from learnbot.core.conversation import Conversation
    from learnbot.core.progress.store import Profile, ProgressStore
    from learnbot.ui.screens.ask import AskScreen
    from learnbot.ui.screens.session import SessionScreen

ConversationFactory = Callable[[Pack], "Conversation"]
"""Makes the ask engine for a pack (tests pass a stand-in)."""

MAIN_SCREENS = ("ask", "browse", "glossary", "help")
"""The app's modes, in the order the keys F2, F3, F4 and F1 name them."""

WARM_UP_DELAY = 0.3
"""Seconds after the first paint before the ask engine is built (a question asked sooner builds it)."""

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


def _commands_provider():
    from learnbot.ui.commands import LearnbotCommands

    return LearnbotCommands


def default_conversation(pack: Pack) -> "Conversation":
    """The core's ask engine for ``pack`` (imported here, off the start-up path).

    Its index comes from the core's cache when the pack was loaded from a folder (a few
    milliseconds instead of a build); the index's items equal the pack's, field for field. It is
    built off the first screen's path, so it compiles everything up front (no first question
    waits for that).
    """
    from learnbot.core.conversation import Conversation

    if pack.root:
        from learnbot.core.packcache import load_matcher

        try:
            _, matcher = load_matcher(pack.root)
        except Exception:  # the folder changed under us: build the index from the pack in hand
            return Conversation(pack).prepare()
        return Conversation(pack, matcher=matcher).prepare()
    return Conversation(pack).prepare()


class LearnbotApp(App[None]):
    """Ask, browse and look things up in one briefing."""

    CSS_PATH = ["app.tcss", "screens/ask.tcss"]
    """The app's shared styles, and the first screen's, read in one go at start: a screen's own
    ``CSS_PATH`` read later makes Textual parse every stylesheet again, which the first paint
    should not wait for (the other screens' styles load when they are first shown)."""
    COMMANDS = App.COMMANDS | {_commands_provider}
    DEFAULT_MODE = "ask"
    """The app starts in Ask mode, on :meth:`get_default_screen` (see there)."""

    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True,
                tooltip="Close learnbot and go back to the command prompt."),
        Binding("f1", "show('help')", "Help", id="app.help", key_display="F1",
                tooltip="What learnbot is, its keys, and the privacy note."),
        Binding("f2", "show('ask')", "Ask", id="app.ask", key_display="F2",
                tooltip="Ask a question in your own words."),
        Binding("f3", "show('browse')", "Browse", id="app.browse", key_display="F3",
                tooltip="The briefing's headings and passages, in order."),
        Binding("f4", "show('glossary')", "Glossary", id="app.glossary", key_display="F4",
                tooltip="Abbreviations and terms, filtered as you type."),
        Binding("f5", "progress", "Progress", id="app.progress", key_display="F5",
                tooltip="What you have covered, your quiz results, and what to review next."),
        Binding("ctrl+t", "toggle_theme", "Light/dark", id="app.theme", show=False,
                tooltip="Switch between the light and the dark theme."),
        Binding("ctrl+p", "command_palette", "Search", id="app.palette", show=False, priority=True,
                tooltip="Find a passage or a term, or ask a question, from anywhere."),
    ]

    def __init__(
        self,
        pack: Pack,
        *,
        conversation_factory: ConversationFactory | None = None,
        recorder: Recorder | None = None,
        start_screen: Callable[[], Screen] | None = None,
        store: ProgressStore | None = None,
        profile: Profile | None = None,
    ) -> None:
        """Build the app around a loaded pack.

        Args:
            pack: The content to learn from.
            conversation_factory: Makes the ask engine for the pack (default: the core's
                ``Conversation``). It is called once, after the first screen is drawn.
            recorder: Where learning events go (items read); default: nowhere.
            start_screen: Makes a screen to show over the Ask screen at start (a quiz, say).
            store: The progress store (None: no progress is kept).
            profile: Whose progress to keep; with a store and no profile, the app asks at start.
        """
        super().__init__()
        self.pack = pack
        """The content pack every screen shows."""
        self.recorder: Recorder = recorder or NullRecorder()
        """Where screens report learning events; may be replaced once a profile is chosen."""
        self.conversation: Lazy[Conversation] = Lazy(
            lambda: (conversation_factory or default_conversation)(pack)
        )
        """The ask engine, built on first use (or just after the first screen is drawn)."""
        self._start_screen = start_screen
        self._ask_screen: AskScreen | None = None
        self.store = store
        """Where progress is kept (None: it is not)."""
        self.profile: Profile | None = None
        """Whose progress it is (None: not chosen, so nothing is recorded)."""
        if store is not None and profile is not None:
            self.use_profile(profile)
        self.title = pack.meta.title
        self.theme = DARK_THEME
        for mode in MAIN_SCREENS:
            if mode != self.DEFAULT_MODE:
                self.add_mode(mode, self._screen_factory(mode))

    def _screen_factory(self, mode: str) -> Callable[[], Screen]:
        """How to build the base screen of one mode (imports stay off the start-up path)."""

        def build() -> Screen:
            if mode == "ask":
                from learnbot.ui.screens.ask import AskScreen

                self._ask_screen = AskScreen(self.pack, self.conversation)
                return self._ask_screen
            if mode == "browse":
                from learnbot.ui.screens.browse import BrowseScreen

                return BrowseScreen(self.pack)
            if mode == "glossary":
                from learnbot.ui.screens.glossary import GlossaryScreen

                return GlossaryScreen(self.pack)
            from learnbot.ui.screens.help import HelpScreen

            return HelpScreen(self.pack)

        return build

    def get_default_screen(self) -> Screen:
        """The Ask screen, as the start-up mode's screen.

        Textual builds a mode that is not (yet) in its modes from this method, without the full
        style refresh that a registered mode's first screen costs; Ask is registered as a mode in
        :meth:`on_mount`, once its screen exists, so that the other screens can switch back to it.
        """
        return self._screen_factory("ask")()

    def on_mount(self) -> None:
        self.add_mode("ask", self._screen_factory("ask"))
        if self._start_screen is not None:
            self.push_screen(self._start_screen())
        if self.store is not None and self.profile is None:
            self.choose_profile()

    def on_ready(self) -> None:
        """The first screen is drawn: build the ask engine soon, on a thread, so that the first
        question is answered at once without the engine's index slowing the first paint."""
        self.set_timer(WARM_UP_DELAY, self._warm_up)

    def _warm_up(self) -> None:
        self.run_worker(self.conversation.get, thread=True, exit_on_error=False, group="warm-up")

    # --- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the key of the screen already showing."""
        if action == "show" and parameters:
            return not (parameters[0] == self.current_mode and len(self.screen_stack) == 1)
        return True

    def action_show(self, mode: str) -> None:
        """Go to one of the main screens; pressed again, go back to its start (close open items).

        With a quiz or a team briefing under way, Help opens over it (Esc comes back), and the
        other screens are shown only once the practitioner has said to leave it.
        """
        session = self.session_under_way()
        if session is None:
            self._go(mode)
        elif mode == "help":
            from learnbot.ui.screens.help import HelpScreen

            self.push_screen(HelpScreen(self.pack))
        else:
            session.request_leave(then=partial(self._go, mode))

    def _go(self, mode: str) -> None:
        if mode == self.current_mode:
            while len(self.screen_stack) > 1:
                self.pop_screen()
        else:
            self.switch_mode(mode)

    def action_toggle_theme(self) -> None:
        """Light to dark and back (the palette's Theme command offers every theme)."""
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def open_item(self, item: Item, reading_order: tuple[Item, ...] = ()) -> None:
        """Show one item in full over the current screen.

        Args:
            item: The item to show.
            reading_order: Items that n and p step through from there (none: no stepping).
        """
        from learnbot.ui.screens.item import ItemScreen

        self.push_screen(ItemScreen(self.pack, item, reading_order=reading_order))

    def action_progress(self) -> None:
        """Show the Progress screen over the current one (unless it is showing already)."""
        from learnbot.ui.screens.progress import ProgressScreen

        if not isinstance(self.screen, ProgressScreen):
            self.push_screen(ProgressScreen())

    def start_quiz(self, topic: str) -> None:
        """Open a new solo quiz on ``topic`` over the current screen, as ``learnbot quiz`` does."""
        from learnbot.core.quiz import Quiz
        from learnbot.ui.screens.quiz import QuizScreen

        self.push_screen(QuizScreen(Quiz.start(self.pack, topic)))

    def run_briefing(self) -> None:
        """Open a team briefing's set-up screen over the current one, as ``learnbot briefing`` does."""
        from learnbot.ui.screens.briefing import BriefingSettings, first_screen

        self.push_screen(first_screen(self.pack, BriefingSettings(), self.recorder))

    async def action_quit(self) -> None:
        """Quit; with a quiz or team briefing under way, ask first (Ctrl+Q is easily pressed)."""
        session = self.session_under_way()
        if session is None:
            self.exit()
            return
        from learnbot.ui.screens.session import ConfirmLeave

        def answered(leave: bool | None) -> None:
            if leave:
                session.end()
                self.exit()

        if not isinstance(self.screen, ConfirmLeave):
            self.push_screen(ConfirmLeave("Quit learnbot?", session.quit_detail()), answered)

    def session_under_way(self) -> SessionScreen | None:
        """The quiz or team briefing open in this screen's stack, if any (leaving it asks first)."""
        from learnbot.ui.screens.session import SessionScreen

        return next((s for s in reversed(self.screen_stack) if isinstance(s, SessionScreen)), None)

    def choose_profile(self) -> None:
        """Ask who is learning (the profile screen), then keep their progress."""
        from learnbot.ui.screens.profile import ProfileScreen

        if self.store is not None:
            self.push_screen(ProfileScreen(self.store), self.use_profile)

    def use_profile(self, profile: Profile | None) -> None:
        """Record learning events for ``profile`` from now on (None: record nothing)."""
        from learnbot.core.progress.recorder import StoreRecorder

        if profile is None or self.store is None:
            return
        self.profile = profile
        self.recorder = StoreRecorder(
            self.store, profile, self.pack,
            on_error=lambda err: self.notify(f"Progress was not saved: {err}", severity="warning"),
        )

    def ask(self, question: str) -> None:
        """Go to the Ask screen and ask ``question`` there (from the command palette)."""
        self.action_show("ask")
        if self._ask_screen is not None:
            self._ask_screen.ask(question)


GO_TO_KEYS = ("app.ask", "app.browse", "app.glossary", "app.progress")
"""The app's keys that go to another screen: F2 to F5."""


def quiet_keys(prefix: str, ids: tuple[str, ...] = GO_TO_KEYS) -> list[Binding]:
    """The app's keys ``ids`` bound again on one screen, left out of its footer.

    At 80 columns, a screen opened over the main ones has room in its footer for its own keys,
    Ctrl+Q and F1 only. These keys still work there (they run the app's own action, so a quiz
    under way still asks before it is left), and Help lists them once, under "Everywhere".

    Args:
        prefix: The screen's binding-id prefix (``quiz`` gives ``quiz.ask``, ...).
        ids: Which of the app's bindings, by id.
    """
    return [
        replace(binding, action=f"app.{binding.action}", show=False,
                id=f"{prefix}.{(binding.id or '').removeprefix('app.')}")
        for binding in LearnbotApp.BINDINGS
        if isinstance(binding, Binding) and binding.id in ids
    ]


def make_app(
    pack: Pack,
    *,
    conversation_factory: ConversationFactory | None = None,
    recorder: Recorder | None = None,
    start_screen: Callable[[], Screen] | None = None,
    store: ProgressStore | None = None,
    profile: Profile | None = None,
) -> LearnbotApp:
    """Build the app: the one factory the command line and the tests share.

    Args:
        pack: The loaded content pack.
        conversation_factory: Makes the ask engine (default: the core's ``Conversation``).
        recorder: Where learning events go (default: nowhere).
        start_screen: Makes a screen to open over the Ask screen at start (a quiz, say).
        store: The progress store (None: no progress is kept).
        profile: Whose progress to keep (None with a store: the app asks at start).

    Returns:
        The app, ready to ``run()`` or ``run_test()``.
    """
    return LearnbotApp(
        pack,
        conversation_factory=conversation_factory,
        recorder=recorder,
        start_screen=start_screen,
        store=store,
        profile=profile,
    )
