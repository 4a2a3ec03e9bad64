"""The quiz and briefing core, and the CLI modules that open them, import no Textual or Rich."""

from __future__ import annotations

import subprocess
import sys


def test_quiz_core_and_cli_modules_import_no_ui():
    code = (
        "import sys\n"
        "import learnbot.core.quiz, learnbot.core.team_briefing\n"
        "import learnbot.cli.cmd_quiz, learnbot.cli.cmd_briefing\n"
        "from learnbot.cli.main import build_parser\n"
        "build_parser().parse_args(['quiz', '--seed', '1'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
