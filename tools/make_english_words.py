"""Regenerate learnbot/core/matching/english_words.txt from pyspellchecker's English word
frequencies (MIT licence, https://github.com/barrust/pyspellchecker).

The matcher needs two facts about an English word the pack does not know: is it a real word (so it
is not "corrected" into a pack word: "funding" is not a typo of "finding"), and how common is it (a
rare unknown word says a question is about something else). A compact band list answers both
without a runtime dependency on the full 160,000-word dictionary.

    pip install pyspellchecker && python tools/make_english_words.py
"""

import gzip
import importlib.resources
import json
import math
from pathlib import Path

MIN_FREQUENCY = 100

source = importlib.resources.files("spellchecker") / "resources" / "en.json.gz"
with source.open("rb") as raw:
    frequencies = json.load(gzip.open(raw))
bands: dict[int, list[str]] = {}
for word, count in frequencies.items():
    if count >= MIN_FREQUENCY and word.isalpha() and word.isascii():
        bands.setdefault(int(math.log10(count)), []).append(word.lower())
out = Path(__file__).resolve().parents[1] / "learnbot" / "core" / "matching" / "english_words.txt"
lines = [
    "# English words by frequency band (band = floor(log10(count))), from pyspellchecker (MIT).",
    "# One line per band and opening (a word's first two letters): band, opening, then the words.",
]
for band in sorted(bands, reverse=True):
    # Grouped by opening, so that looking a word up searches a few hundred bytes, not the file.
    openings: dict[str, list[str]] = {}
    for word in sorted(set(bands[band])):
        openings.setdefault(word[:2], []).append(word)
    for opening in sorted(openings):
        lines.append(f"{band} {opening} " + " ".join(openings[opening]))
with open(out, "w", encoding="utf-8") as handle:
    handle.write("\n".join(lines) + "\n")
print(f"wrote {out} ({out.stat().st_size} bytes, {sum(len(v) for v in bands.values())} words)")
