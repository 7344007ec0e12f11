"""Cut the seed transcripts into short, stable segments for annotation.

A segment is a non-empty line, or a sentence-aligned piece of at most about 500
characters of a long line, so that every annotated span is easy to check by eye.
Segment ids ("000-12-0": seed number, line index, piece) stay fixed while the seed
files do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

MAX_CHARS = 500
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖØÆ0-9])")


def pieces(line: str) -> list[str]:
    """Sentence-aligned pieces of a line, each at most about MAX_CHARS long."""
    if len(line) <= MAX_CHARS:
        return [line]
    out: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(line):
        if current and len(current) + 1 + len(sentence) > MAX_CHARS:
            out.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        out.append(current)
    return out


def segments(path: Path) -> Iterator[tuple[str, str]]:
    """(segment id, text) for one seed file."""
    number = path.name.split("_", 1)[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        for j, piece in enumerate(pieces(text)):
            yield f"{number}-{i}-{j}", piece
