"""Benchmark: how fast learnbot answers, against baselines measured in the same run.

Run by hand (not a test): ``python benchmarks/bench_ask.py [--items 100000] [--skip-process]``.
Prints:

1. in-process answer time on the bundled pack (p50 / p99 over many questions);
2. on a synthetic library of N items (default 100,000), the median answer time against a plain
   ``rapidfuzz.process.extract(token_set_ratio)`` scan of the same items, alternating, as a ratio;
   plus index build time and the memory the index holds;
3. a whole ``learnbot ask`` process against ``python -c "import rapidfuzz, yaml"``, alternating, as a
   ratio of medians.

Machines here are noisy: every figure that matters is a ratio to a baseline taken in the same run.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from learnbot.core.conversation import Conversation
from learnbot.core.loader import load_pack
from learnbot.core.matching.matcher import Matcher
from learnbot.locations import content_dir

QUESTIONS = [
    "what is early help?",
    "police didn't see the kids, what should happen?",
    "wat is EHA",
    "rec 4",
    "I escalated to CSC and never heard back",
    "fathers",
    "who chairs the PAAG?",
    "how do I make a MASH referral",
    "when did the audit happen",
    "smart plann good practise",
    "should I wait for the panel before stepping up?",
    "handover from health visitor to school nurse",
    "what does LPT stand for",
    "learning point 2",
    "were adult services at the meetings",
    "what about the voice of the child in assessments",
    "my manager never supervises my early help cases",
    "how many cases were looked at",
    "can I use a sibling to translate for mum",
    "disagreement between teams about the threshold",
]


def rss_mb() -> float:
    """Resident memory of this process, in MB (Linux)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def percentile(values: list[float], pct: float) -> float:
    xs = sorted(values)
    k = (len(xs) - 1) * pct / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def practitioner_questions() -> list[str]:
    """Every question in benchmarks/questions and the shared devset: long told stories and
    one-word fragments as practitioners write them, not just the short examples above."""
    import yaml

    here = Path(__file__).resolve().parent
    files = sorted((here / "questions").glob("*.yaml")) + [here.parents[1] / "shared" / "eval" / "devset.yaml"]
    questions: list[str] = []
    for path in files:
        if path.is_file():
            questions += [q["q"] for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]
    return questions


def _timed(conversation: Conversation, questions: list[str]) -> list[float]:
    times = []
    for question in questions:
        conversation.reset()
        start = time.perf_counter()
        conversation.ask(question)
        times.append(time.perf_counter() - start)
    return times


def _line(label: str, times: list[float]) -> str:
    return (f"  {label}: {len(times)} answers, p50 {percentile(times, 50) * 1000:.2f} ms, "
            f"p99 {percentile(times, 99) * 1000:.2f} ms (target p99 <= 2 ms)")


def bundled(repeats: int) -> None:
    pack = load_pack(content_dir())
    matcher = Matcher(pack)
    # What a long-lived host (the app, `chat`, a scorer) does once before its first question.
    conversation = Conversation(pack, matcher).prepare()
    print(f"[bundled pack: {len(pack.items)} items] in-process answer time")
    written = practitioner_questions()
    if written:
        # Each question once, in a process that has never seen it: new words, nothing cached.
        print(_line("practitioners' questions, each new to the process", _timed(conversation, written)))
        print(_line("the same, asked again", _timed(conversation, written)))
    times = []
    for _ in range(repeats):
        times += _timed(conversation, QUESTIONS)
    print(_line("the short examples above, repeated", times))


def synthetic_items(pack, count: int, seed: int = 7):
    """A library of briefings: the bundled items, reworded with each synthetic briefing's own words."""
    rng = random.Random(seed)
    base = [item for item in pack.items]
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(30_000)]
    items = []
    for n in range(count):
        item = base[n % len(base)]
        library = n // len(base)
        words = item.text.split()
        for i in range(len(words)):
            if rng.random() < 0.3:
                words[i] = vocabulary[rng.randrange(len(vocabulary))]
        hints = tuple(
            " ".join(vocabulary[rng.randrange(len(vocabulary))] if rng.random() < 0.3 else w for w in h.split())
            for h in item.hints[:3]
        )
        items.append(replace(item, id=f"{item.id}-{library}", text=" ".join(words), hints=hints, related=()))
    return items


def library(count: int, rounds: int) -> None:
    pack = load_pack(content_dir())
    items = synthetic_items(pack, count)
    big = replace(pack, items=tuple(items))
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    matcher = Matcher(big)
    build = time.perf_counter() - start
    gc.collect()
    held = rss_mb() - before
    texts = [f"{item.title} {item.text}" for item in items]
    ours, theirs = [], []
    for _ in range(rounds):
        for question in QUESTIONS:
            start = time.perf_counter()
            matcher.search(question)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            process.extract(question, texts, scorer=fuzz.token_set_ratio, limit=5)
            theirs.append(time.perf_counter() - start)
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    print(f"[synthetic library: {count:,} items] index build {build:.1f} s, index memory ~{held:.0f} MB (RSS)")
    print(f"  learnbot median {ours_median * 1000:.1f} ms (p99 {percentile(ours, 99) * 1000:.1f} ms); "
          f"rapidfuzz token_set_ratio scan median {theirs_median * 1000:.1f} ms")
    print(f"  ratio learnbot / scan = {ours_median / theirs_median:.3f} (target <= 0.050)")


def whole_process(rounds: int) -> None:
    exe = Path(sys.executable)
    learnbot = [str(exe), "-m", "learnbot", "ask", "police didn't see the kids, what should happen?"]
    baseline = [str(exe), "-c", "import rapidfuzz, yaml"]
    env = dict(os.environ)
    # As an installed learnbot runs: from compiled bytecode (pip writes it at install time).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as cwd:
        for _ in range(2):  # write the bytecode and warm the index cache
            subprocess.run(learnbot, cwd=cwd, env=env, capture_output=True, check=True)
        ours, theirs = [], []
        for _ in range(rounds):
            for command, sink in ((baseline, theirs), (learnbot, ours)):
                start = time.perf_counter()
                subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=True)
                sink.append(time.perf_counter() - start)
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    print(f"[whole process, {rounds} alternating runs each] `learnbot ask` median {ours_median * 1000:.0f} ms; "
          f"`python -c \"import rapidfuzz, yaml\"` median {theirs_median * 1000:.0f} ms")
    print(f"  ratio = {ours_median / theirs_median:.2f} (target <= 2.0)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=100_000, help="synthetic library size")
    parser.add_argument("--rounds", type=int, default=3, help="repeats of the question list")
    parser.add_argument("--process-rounds", type=int, default=15)
    parser.add_argument("--skip-library", action="store_true")
    parser.add_argument("--skip-process", action="store_true")
    args = parser.parse_args()
    bundled(repeats=20)
    if not args.skip_library:
        library(args.items, args.rounds)
    if not args.skip_process:
        whole_process(args.process_rounds)


if __name__ == "__main__":
    main()
