"""Why questions are missed, counted by kind: safe to run on the measure-only sets.

    python benchmarks/miss_reasons.py QUESTIONS_YAML ...

For each file: in-scope questions declined, by reason (an out-of-scope topic named, a fact the
briefing never gives, too many unknown words, too little coverage) and whether the right passage
was first all the same; out-of-scope questions answered, by category and coverage; wrong answers,
by category and whether the right passage was in the top three. No question is shown, so this
tells where to work without turning a measuring set into one we have tuned on.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
from evalcommon import is_hit, is_oos  # noqa: E402

from learnbot.core.loader import load_pack  # noqa: E402
from learnbot.core.matching.matcher import Matcher  # noqa: E402
from learnbot.locations import content_dir  # noqa: E402


def reasons(matcher: Matcher, questions: list[dict]) -> tuple[collections.Counter, ...]:
    declined, false_answers, wrong = collections.Counter(), collections.Counter(), collections.Counter()
    for q in questions:
        result = matcher.search(q["q"])
        query, best = result.query, result.best
        if not is_oos(q) and not result.answered:
            total = query.total_weight or 1.0
            unknown = sum(s.weight for s in query.slots if not s.known) / total
            if query.out_of_scope:
                why = "out-of-scope topic"
            elif result.not_stated:
                why = f"fact not given: {result.not_stated}"
            else:
                why = "unknown words" if unknown >= matcher.unknown_limit else "coverage"
            declined[why] += 1
            declined["right passage first" if best and is_hit(q, best.item.text) else "wrong passage first"] += 1
        elif is_oos(q) and result.answered:
            false_answers[q.get("category", "?")] += 1
            false_answers["strong" if best.coverage >= matcher.strong_threshold else "partial"] += 1
        elif not is_oos(q) and not is_hit(q, best.item.text):
            in_top3 = any(is_hit(q, s.item.text) for s in result.ranked[:3])
            wrong["right one in top 3" if in_top3 else "not in top 3"] += 1
            wrong[q.get("category", "?")] += 1
    return declined, false_answers, wrong


def main(files: list[str]) -> None:
    matcher = Matcher(load_pack(content_dir()))
    for name in files:
        questions = yaml.safe_load(open(name, encoding="utf-8"))["questions"]
        declined, false_answers, wrong = reasons(matcher, questions)
        print(f"{Path(name).name}:")
        print(f"  in scope, declined: {dict(declined)}")
        print(f"  out of scope, answered: {dict(false_answers)}")
        print(f"  in scope, wrong passage first: {dict(wrong)}")


if __name__ == "__main__":
    main(sys.argv[1:])
