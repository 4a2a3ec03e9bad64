"""Dev tool: show how the matcher reads a question and ranks passages.

    python benchmarks/debug_query.py "police didn't see the kids"
"""
import sys

from learnbot.core.loader import load_pack
from learnbot.core.matching.matcher import Matcher
from learnbot.locations import content_dir

matcher = Matcher(load_pack(content_dir()))
for question in sys.argv[1:]:
    result = matcher.search(question)
    q = result.query
    print(f"Q: {question!r} definitional={q.definitional} numbers={q.numbers} oos={q.out_of_scope}")
    for slot in q.slots:
        alts = ", ".join(" ".join(p) + (f"*{f}" if f != 1 else "") for p, f in slot.alternatives)
        fix = f" (from {slot.corrected_from})" if slot.corrected_from else ""
        print(f"   {slot.word}{fix}: w={slot.weight:.2f} generic={slot.generic} known={slot.known} [{alts}]")
    print(f"   answered={result.answered} conf={matcher.confidence_word(result)}")
    for s in matcher.rank(q, limit=6):
        print(f"   {s.score:5.1f} cov={s.coverage:.2f} {s.item.id}: {s.item.title}")
