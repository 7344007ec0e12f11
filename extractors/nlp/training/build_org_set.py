"""Build tests/data/org_mentions.jsonl from the hand annotations in tests/data/org_annotations.txt.

The annotation file lists, per seed document, every organisation surface form read in
it with its canonical name, and the occurrences judged not to be organisations. This
script only turns those decisions into character spans; it never looks at the finder.

    python -m extractors.nlp.training.build_org_set [seeds dir]
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from extractors.nlp.training.segments import segments

ROOT = Path(__file__).resolve().parents[3]
ANNOTATIONS = ROOT / "tests" / "data" / "org_annotations.txt"
OUTPUT = ROOT / "tests" / "data" / "org_mentions.jsonl"
LANGUAGE = {"004": "nb"}  # the other seed documents are Swedish
TEST_SHARE = 5  # one segment in five (by a hash of its id) is held out


def read_annotations(path: Path) -> tuple[dict[str, dict[str, str]], set[tuple[str, str]]]:
    """({document number: {surface: canonical}}, {(segment id, surface) that is not an organisation})."""
    lexicons: dict[str, dict[str, str]] = {}
    excluded: set[tuple[str, str]] = set()
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            if section != "exclude":
                lexicons[section] = {}
            continue
        left, right = line.split("\t")
        if section == "exclude":
            excluded.add((left, right))
        else:
            lexicons[section][left] = right
    return lexicons, excluded


def spans(text: str, lexicon: dict[str, str], skip: set[str]) -> list[tuple[int, int, str, str]]:
    """Longest-first, non-overlapping occurrences; not inside a word or a hyphenated compound."""
    taken: list[tuple[int, int, str, str]] = []
    for surface in sorted(lexicon, key=len, reverse=True):
        rx = re.compile(rf"(?<![\w\-]){re.escape(surface)}(?![\w]|-\w)")
        for m in rx.finditer(text):
            if surface in skip or any(m.start() < t[1] and t[0] < m.end() for t in taken):
                continue
            taken.append((m.start(), m.end(), "ORG", lexicon[surface]))
    return sorted(taken)


def split_of(segment_id: str) -> str:
    digest = int(hashlib.sha1(segment_id.encode()).hexdigest(), 16)
    return "test" if digest % TEST_SHARE == 0 else "dev"


def build(seeds: Path) -> list[dict[str, object]]:
    lexicons, excluded = read_annotations(ANNOTATIONS)
    records: list[dict[str, object]] = []
    for number, lexicon in sorted(lexicons.items()):
        path = next(seeds.glob(f"{number}_*.txt"))
        for segment_id, text in segments(path):
            skip = {s for sid, s in excluded if sid == segment_id}
            records.append(
                {
                    "id": segment_id,
                    "seed": path.name,
                    "lang": LANGUAGE.get(number, "sv"),
                    "split": split_of(segment_id),
                    "text": text,
                    "spans": spans(text, lexicon, skip),
                }
            )
    return records


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    seeds = Path(args[0]) if args else ROOT.parent / "shared" / "seeds"
    records = build(seeds)
    with OUTPUT.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    n = sum(len(r["spans"]) for r in records if isinstance(r["spans"], list))
    print(f"{len(records)} segments, {n} organisation mentions -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
