"""Score today's matcher on each question set with the pack as it was before that set was tuned on.

    python benchmarks/before_tuning.py [NAME ...] [CONSTANT=v1,v2 ...] [--misses]

Vocabulary (hints, lexicon) tuned on one writer's questions mostly fixes that writer's questions,
so a tuned set flatters learnbot. The pack committed with a set, before anyone read its misses,
did not know its questions: today's code on that pack is the nearest we have to questions no one
has written yet, with many more of them than the measure-only sets hold. Use it to choose the
matcher's constants: ``W_FUZZ=0.2,0.25,0.3`` scores each value (module constants of
``learnbot.core.matching.matcher`` in capitals; the pack's settings such as ``unknown_limit`` in
lower case). Measure-only sets are never included.

Prints one line per combination: top1, top3 and out-of-scope rejection over all sets, then each set's
top1 / top3 / oos_reject. ``--misses`` also prints each miss (these are tuned sets, so reading
them costs nothing): which passage came first and where the right one ranked. Misses the pack of
the time had and today's pack has not are what the vocabulary has fixed; the rest is reading.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "benchmarks" / "questions"
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
from evalcommon import is_hit, is_oos  # noqa: E402

import learnbot.core.matching.matcher as matching  # noqa: E402
from learnbot.core.loader import load_pack  # noqa: E402

PACK = "content/early-help-audit-2017"
SETS = ["round4-d", "round5-f", "round5-g", "round6-h", "round6-i", "round8-l", "round8-m", "round9-n",
        "round9-o", "round10-p", "round10-q", "round11-r", "round12-t", "round12-u", "round13-y", "round13-z",
        "round14-a", "round14-b", "round15-c", "round15-d", "round16-e", "round16-f", "round17-g",
        "round17-h", "round18-j", "round18-k", "round19-m", "round19-n", "round19-o", "round20-p",
        "round21-r", "round21-s", "round22-u", "round22-v", "round23-x", "round23-y",
        "round24-a", "round24-b", "round25-d", "round26-f", "round26-g", "round26-i", "round27-j",
        "round27-k", "round28-m", "round28-n", "round29-p", "round29-q",
        "round30-s", "round30-t", "round31-v", "round31-w",
        "round32-y", "round32-z", "round33-b", "round33-c",
        "round34-e", "round34-f", "round35-h", "round35-i", "round36-k", "round36-l",
        "round37-n", "round37-o", "round38-q", "round38-r", "round39-t", "round39-u",
        "round40-w", "round40-x", "round41-z", "round41-a", "round42-c", "round42-d", "round43-f", "round43-g",
        "round44-i", "round44-j", "round45-l", "round46-o", "round46-p", "round46-q",
        "round48-x", "round48-y", "round48-z", "round49-d", "round49-e", "round49-f", "round51-o", "round51-p",
        "round51-q", "round52-u", "round52-v", "round52-w", "round53-z", "round53-a", "round53-b",
        "round54-f", "round54-g", "round54-h", "round56-q", "round56-r", "round56-s", "round56-t", "round56-u",
        "round56-v", "round57-w", "round57-x", "round57-y", "round57-z", "round57-a", "round57-b"]
"""Sets written blind and tuned on afterwards (not the measure-only ones)."""


def _measure_only(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        return "MEASURE ONLY" in handle.readline()


def _git(*args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True).stdout


def _pack_before(name: str, into: Path) -> Path:
    """The pack committed with set ``name`` (the commit that added it), unpacked under ``into``."""
    added = _git("log", "--diff-filter=A", "--format=%H", "--", f"benchmarks/questions/{name}.yaml").split()
    commit = added[-1].decode()
    target = into / commit[:12]
    if not target.exists():
        with tarfile.open(fileobj=BytesIO(_git("archive", commit, PACK))) as archive:
            archive.extractall(target, filter="data")
    return target / PACK


def _print_miss(matcher: matching.Matcher, q: dict, result) -> None:
    top = result.ranked[0].item.id if result.ranked else "-"
    if is_oos(q):
        print(f"  ANSWERED {q['id']} {q['q'][:110]!r} -> {top}")
        return
    ranked = matcher.rank(matcher.read(q["q"]), limit=30)
    where = next((i + 1 for i, s in enumerate(ranked) if is_hit(q, s.item.text)), None)
    verdict = "DECLINED" if not result.answered else "WRONG"
    print(f"  {verdict} {q['id']} {q['q'][:110]!r} -> {top} (right one ranked {where or 'beyond 30'})")


def _score(matcher: matching.Matcher, questions: list[dict], misses: bool = False) -> tuple[int, int, int, int, int]:
    top1 = top3 = n_in = rejected = n_oos = 0
    for q in questions:
        result = matcher.search(q["q"])
        if is_oos(q):
            n_oos += 1
            rejected += not result.answered
            if misses and result.answered:
                _print_miss(matcher, q, result)
            continue
        n_in += 1
        texts = [s.item.text for s in result.ranked[:3]]
        hit = bool(result.answered and texts and is_hit(q, texts[0]))
        top1 += hit
        top3 += bool(result.answered and any(is_hit(q, t) for t in texts))
        if misses and not hit:
            _print_miss(matcher, q, result)
    return top1, top3, n_in, rejected, n_oos


def main(argv: list[str]) -> int:
    names = [a.split("=", 1) for a in argv if "=" in a]
    misses = "--misses" in argv
    chosen = [a for a in argv if "=" not in a and not a.startswith("--")] or SETS
    chosen = [n for n in chosen if not _measure_only(QUESTIONS / f"{n}.yaml")]
    if not chosen:
        print("no tuned set chosen: measure-only sets are never run here")
        return 2
    grid = [[(name, float(v)) for v in values.split(",")] for name, values in names]
    with tempfile.TemporaryDirectory() as tmp:
        matchers: dict[Path, matching.Matcher] = {}
        work = []
        for name in chosen:
            pack = _pack_before(name, Path(tmp))
            if pack not in matchers:
                matchers[pack] = matching.Matcher(load_pack(pack))
            questions = yaml.safe_load((QUESTIONS / f"{name}.yaml").read_text(encoding="utf-8"))["questions"]
            work.append((name, matchers[pack], questions))
        for combination in itertools.product(*grid):
            for name, value in combination:
                if name.islower():
                    for matcher in matchers.values():
                        setattr(matcher, name, value)
                else:
                    setattr(matching, name, int(value) if isinstance(getattr(matching, name), int) else value)
            totals = [0, 0, 0, 0, 0]
            parts = []
            for name, matcher, questions in work:
                if misses:
                    print(f"{name}:")
                top1, top3, n_in, rejected, n_oos = _score(matcher, questions, misses)
                totals = [a + b for a, b in zip(totals, (top1, top3, n_in, rejected, n_oos))]
                parts.append(f"{name} {top1 / n_in:.3f}/{top3 / n_in:.3f}/{rejected / max(n_oos, 1):.2f}")
            label = " ".join(f"{n}={v:g}" for n, v in combination) or "as committed"
            print(f"{label}: top1={totals[0] / totals[2]:.4f} top3={totals[1] / totals[2]:.4f} oos_reject={totals[3] / max(totals[4], 1):.4f} "
                  f"(n_in={totals[2]}, n_oos={totals[4]}) | " + " ".join(parts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
