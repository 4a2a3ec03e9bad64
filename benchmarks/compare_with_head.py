"""Which questions a change to the matcher's code fixes or breaks, against the last commit.

    python benchmarks/compare_with_head.py [SET ...]

Runs the committed code (``git archive HEAD``) and the working tree's code on the same content
(the working tree's pack) and the same questions, and prints each question whose result changed.
SET names a file in ``benchmarks/questions`` without ``.yaml``; the shared devset is always
included. For the measure-only sets (``fresh``, ``round4-e`` and any file whose first line says
MEASURE ONLY, such as the round 7 sets) it prints only how many changed, never the questions:
reading those would make them one more set we have tuned on.

A content change (hints, lexicon) is compared with ``quick_eval.py`` and ``LEARNBOT_CONTENT``
instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
PACK = ROOT / "content" / "early-help-audit-2017"
MEASURE_ONLY = {"fresh", "round4-e"}

RUN = r"""
import json, sys, yaml
sys.path.insert(0, sys.argv[1])
from evalcommon import is_hit, is_oos
from learnbot.core.loader import load_pack
from learnbot.core.matching.matcher import Matcher
from pathlib import Path
matcher = Matcher(load_pack(Path(sys.argv[2])))
out = {}
for name in sys.argv[3:]:
    for q in yaml.safe_load(open(name, encoding="utf-8"))["questions"]:
        r = matcher.search(q["q"])
        best = r.ranked[0].item.id if r.ranked else None
        if is_oos(q):
            ok = not r.answered
        else:
            ok = bool(r.answered and r.ranked and is_hit(q, r.ranked[0].item.text))
        out[name + "#" + q["id"]] = [ok, q["q"], best, r.answered]
print(json.dumps(out))
"""


def measure_only(path: Path) -> bool:
    first = path.read_text(encoding="utf-8").splitlines()[:1]
    return path.stem in MEASURE_ONLY or bool(first and "MEASURE ONLY" in first[0])


def results(code_root: Path, files: list[Path]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code_root), "LEARNBOT_CACHE_DIR": "off"}
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(SHARED_EVAL), str(PACK), *map(str, files)],
        capture_output=True, text=True, cwd=tempfile.gettempdir(), env=env, check=False,
    )
    if done.returncode:
        sys.exit(done.stderr)
    return json.loads(done.stdout)


def main(names: list[str]) -> None:
    files = [SHARED_EVAL / "devset.yaml", *(HERE / "questions" / f"{name}.yaml" for name in names)]
    with tempfile.TemporaryDirectory() as head:
        archive = subprocess.run(["git", "archive", "HEAD", "learnbot"], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", head], input=archive.stdout, check=True)
        before = results(Path(head), files)
    after = results(ROOT, files)
    hidden = {str(f) for f in files if measure_only(f)}
    fixed = broke = 0
    for key, (ok, question, best, answered) in after.items():
        was_ok, _, was_best, was_answered = before[key]
        if ok == was_ok:
            continue
        fixed += ok
        broke += not ok
        if key.split("#")[0] not in hidden:
            print(f"{'FIXED' if ok else 'BROKE'} {key.split('#')[1]} {question[:100]!r} | "
                  f"was {was_best} answered={was_answered} -> now {best} answered={answered}")
    print(f"fixed {fixed}, broke {broke} (questions of measure-only sets are counted, not shown)")


if __name__ == "__main__":
    main(sys.argv[1:])
