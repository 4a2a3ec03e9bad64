"""Dev loop: score the matcher in-process on a questions file, printing misses.

    python benchmarks/quick_eval.py [--quiet] [QUESTIONS_YAML ...]

--quiet prints only the summary line per file (use it on the measure-only sets, fresh.yaml and
round4-e.yaml: reading their misses would turn them into more sets we have tuned on).

Uses the shared scorer's hit rule (../shared/eval/evalcommon.py) when it is there.
"""
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
from evalcommon import is_hit, is_oos  # noqa: E402

from learnbot.core.loader import load_pack  # noqa: E402
from learnbot.core.matching.matcher import Matcher  # noqa: E402
from learnbot.locations import content_dir  # noqa: E402

verbose = "--quiet" not in sys.argv
files = [a for a in sys.argv[1:] if a != "--quiet"] or [str(Path(__file__).resolve().parents[2] / "shared" / "eval" / "devset.yaml")]
matcher = Matcher(load_pack(content_dir()))
for f in files:
    qs = yaml.safe_load(open(f))["questions"]
    top1 = top3 = n_in = rej = n_oos = declined = 0
    times = []
    for q in qs:
        t = time.perf_counter()
        r = matcher.search(q["q"])
        times.append(time.perf_counter() - t)
        texts = [s.item.text for s in r.ranked[:3]]
        desc = " | ".join(f"{s.item.id}:{s.score:.0f}/{s.coverage:.2f}" for s in r.ranked[:3])
        if is_oos(q):
            n_oos += 1
            ok = not r.answered
            rej += ok
            if not ok and verbose:
                print(f"  FALSE ANSWER {q['id']} {q['q']!r} -> {desc}")
        else:
            n_in += 1
            h1 = r.answered and texts and is_hit(q, texts[0])
            h3 = r.answered and any(is_hit(q, t) for t in texts)
            top1 += bool(h1)
            top3 += bool(h3)
            declined += not r.answered
            if not h1 and verbose:
                why = "DECLINED" if not r.answered else "WRONG"
                print(f"  {why} {q['id']} [{q.get('category')}] {q['q']!r} -> {desc}")
    times.sort()
    print(f"{Path(f).name}: top1={top1/max(n_in,1):.3f} top3={top3/max(n_in,1):.3f} "
          f"oos_reject={rej/max(n_oos,1):.3f} n_in={n_in} n_oos={n_oos} declined_in={declined} "
          f"p50={times[len(times)//2]*1000:.2f}ms max={times[-1]*1000:.2f}ms")
