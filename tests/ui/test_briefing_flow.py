"""A two-team briefing driven with keys: set-up, recording, reveal, scoreboard, notes, summary, save."""

from __future__ import annotations

import csv
from pathlib import Path

from textual.widgets import Input, Markdown, Static

from learnbot.core.loader import load_pack
from learnbot.core.team_briefing import Phase
from learnbot.ui.app import make_app
from learnbot.ui.screens.briefing import BriefingScreen, BriefingSettings, NoteScreen, first_screen
from learnbot.ui.screens.briefing_setup import BriefingSetupScreen
from learnbot.ui.screens.briefing_summary import BriefingSummaryScreen
from learnbot.ui.screens.session import ConfirmLeave

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quiz_pack"
PACK = load_pack(FIXTURE)


class NoConversation:
    def __init__(self, pack) -> None:
        pass


class RecorderSpy:
    def __init__(self):
        self.briefings = []

    def item_read(self, item_id, via):
        pass

    def step_answered(self, *args):
        pass

    def briefing_attended(self, session_id, participants, item_ids):
        self.briefings.append((session_id, tuple(participants), tuple(item_ids)))


def briefing_app(settings: BriefingSettings, recorder=None):
    return make_app(PACK, conversation_factory=NoConversation, recorder=recorder,
                    start_screen=lambda: first_screen(PACK, settings, recorder))


def shown_text(screen) -> str:
    return "\n".join(str(w.render()) for w in screen.query(Static))


def right_keys(question) -> list[str]:
    if question.step.type == "order":
        positions = sorted(range(len(question.options)), key=lambda i: question.options[i].position)
    else:
        positions = [i for i, o in enumerate(question.options) if o.correct]
    return [str(p + 1) for p in positions]


def wrong_keys(question) -> list[str]:
    if question.step.type == "order":
        return list(reversed(right_keys(question)))
    return [str(next(i for i, o in enumerate(question.options) if not o.correct) + 1)]


async def test_two_team_briefing(tmp_path):
    spy = RecorderSpy()
    settings = BriefingSettings(names=("Red", "[b]Blue[/]"), rounds=2, questions=1, seed=4, save_dir=tmp_path)
    app = briefing_app(settings, spy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        session = screen.session
        assert screen.sub_title == "round 1 of 2 \u00b7 question 1 of 1"
        bar = str(screen.query_one("#team-bar", Static).render())
        assert "Red \u2026" in bar and "[b]Blue[/] \u2026" in bar  # typed names shown as typed

        rounds_seen = []
        while session.phase is not Phase.SUMMARY:
            if session.phase is Phase.SCOREBOARD:
                text = shown_text(screen)
                assert "End of round 1 of 2" in text and "Red" in text
                await pilot.press("s")  # hide the scores
                await pilot.pause()
                assert "Scores are hidden" in shown_text(screen)
                await pilot.press("s")
                await pilot.pause()
                await pilot.press("enter")
                await pilot.pause()
                continue
            q = session.question
            rounds_seen.append(session.round)
            # Red answers right; then Blue (moved to automatically) answers wrong.
            await pilot.press(*right_keys(q), "enter")
            await pilot.pause()
            assert session.answered == ("Red",) and screen.team == "[b]Blue[/]"
            assert "Red \u2714" in str(screen.query_one("#team-bar", Static).render())
            await pilot.press(*wrong_keys(q), "enter")
            await pilot.pause()
            assert session.waiting == ()
            assert "Every team has answered" in shown_text(screen)
            if q.number == 1:
                await pilot.press("n")
                await pilot.pause()
                assert isinstance(app.screen, NoteScreen)
                await pilot.press(*"[red]check[/red] feedback")
                await pilot.press("enter")
                await pilot.pause()
            await pilot.press("r")
            await pilot.pause()
            text = shown_text(screen)
            assert "Right answer:" in text and "50% right." in text
            assert "Red: right" in text and "[b]Blue[/]: not right" in text
            assert "What the briefing says:" in text and "the briefing's words" in text
            await pilot.press("enter")
            await pilot.pause()

        assert rounds_seen[0] == 1 and rounds_seen[-1] == 2
        summary_screen = app.screen
        assert isinstance(summary_screen, BriefingSummaryScreen)
        markdown = summary_screen.summary.to_markdown()
        assert "\\[red\\]check\\[/red\\] feedback" in markdown
        assert summary_screen.summary.notes[0].text == "[red]check[/red] feedback"
        assert summary_screen.query_one(Markdown)
        assert len(spy.briefings) == 1 and spy.briefings[0][1] == ()  # team names are not people

        await pilot.press("s")
        await pilot.pause()
        md_path, csv_path = summary_screen.saved
        assert md_path.parent == tmp_path and md_path.exists() and csv_path.exists()
        assert str(md_path) in str(summary_screen.query_one("#saved-to", Static).render())
        rows = list(csv.reader(csv_path.open(encoding="utf-8")))
        assert {r[7] for r in rows[1:]} == {"Red", "[b]Blue[/]"}
        assert all(r[9] == "right" for r in rows[1:] if r[7] == "Red")


async def test_setup_screen_starts_a_session_and_shows_problems():
    app = briefing_app(BriefingSettings(rounds=1, questions=2, seed=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, BriefingSetupScreen)
        await pilot.press("enter")  # no names yet
        await pilot.pause()
        assert "Give at least one team or participant name." in shown_text(setup)
        setup.query_one("#setup-names", Input).value = "Asha, Ben, asha"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "given twice" in shown_text(setup)
        setup.query_one("#setup-names", Input).value = "Asha, Ben"
        setup.query_one("#setup-participants").value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        assert screen.session.teams == ("Asha", "Ben") and screen.session.participants
        assert "Participants:" in str(screen.query_one("#team-bar", Static).render())


async def test_tab_moves_between_teams_and_end_goes_to_summary():
    app = briefing_app(BriefingSettings(names=("A", "B", "C"), rounds=1, questions=2, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("tab", "tab")
        assert screen.team == "C"
        await pilot.press("shift+tab")
        assert screen.team == "B"
        await pilot.press("tab", "tab")
        assert screen.team == "A"
        await pilot.press("escape")  # End asks first; Esc again (No) carries on
        await pilot.pause()
        assert isinstance(app.screen, ConfirmLeave)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.session.phase is Phase.ASKING
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingSummaryScreen)
        assert app.screen.summary.asked == ()


async def test_f2_mid_briefing_asks_then_ends_it_with_its_summary():
    """F2 (hidden from the briefing's footer, still working) cannot lose the session unsaved."""
    app = briefing_app(BriefingSettings(names=("A", "B"), rounds=1, questions=1, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmLeave)
        assert "summary" in app.screen.detail
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("f3", "y")
        await pilot.pause()
        assert isinstance(app.screen, BriefingSummaryScreen)


async def test_timer_counts_down_and_pauses():
    app = briefing_app(BriefingSettings(names=("A", "B"), questions=1, rounds=1, seed=1, timer=30))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "Time left:" in str(screen.query_one("#team-bar", Static).render())
        before = screen.time_left
        screen._tick()
        assert screen.time_left == before - 1
        assert f"0:{before - 1:02d}" in str(screen.query_one("#team-bar", Static).render())
        await pilot.press("t")
        assert "(paused)" in str(screen.query_one("#team-bar", Static).render())
        await pilot.press("t")
        assert "(paused)" not in str(screen.query_one("#team-bar", Static).render())


async def test_ctrl_q_mid_briefing_asks_says_the_summary_is_not_saved_and_records_attendance():
    recorder = RecorderSpy()
    app = briefing_app(BriefingSettings(names=("A", "B"), rounds=1, questions=1, seed=1), recorder=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmLeave) and app.screen.question == "Quit learnbot?"
        assert "not saved" in app.screen.detail
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and not recorder.briefings
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    assert app.return_code == 0
    assert len(recorder.briefings) == 1
