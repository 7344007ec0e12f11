"""Characters to words, the way pdfplumber's `extract_words(x_tolerance=1.5, y_tolerance=2)` does.

A backend that reads characters itself must close words at the same places, or tables and
blocks would come out differently: runs of characters with the same orientation, font and
size are clustered into lines by their top (by x0 for rotated text), sorted along the line,
and split at whitespace and at gaps wider than the tolerance.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from extractors.pdf.backends.base import RawWord

X_TOLERANCE = 1.5
Y_TOLERANCE = 2.0
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


class Char(NamedTuple):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    upright: bool
    font: str
    size: float
    upward: bool = False  # turned text that reads from the bottom of the page up
    font_id: int = 0  # tells apart fonts of one name (pdfplumber's names carry the subset tag)


def _clusters(chars: list[Char], key: Callable[[Char], float], tolerance: float) -> list[list[Char]]:
    """pdfplumber's cluster_objects: values within `tolerance` of the previous one share a cluster."""
    values = sorted({key(c) for c in chars})
    cluster_of: dict[float, int] = {}
    index = 0
    last = values[0] if values else 0.0
    for value in values:
        if value > last + tolerance:
            index += 1
        cluster_of[value] = index
        last = value
    ordered = sorted(chars, key=lambda c: cluster_of[key(c)])
    return [list(group) for _, group in itertools.groupby(ordered, key=lambda c: cluster_of[key(c)])]


def _new_word(prev: Char, cur: Char, upright: bool) -> bool:
    if upright:
        return cur.x0 < prev.x0 or cur.x0 > prev.x1 + X_TOLERANCE or abs(cur.top - prev.top) > Y_TOLERANCE
    if cur.upward:
        gap = cur.bottom < prev.top - Y_TOLERANCE or cur.bottom > prev.bottom
    else:
        gap = cur.top < prev.top or cur.top > prev.bottom + Y_TOLERANCE
    return gap or abs(cur.x0 - prev.x0) > X_TOLERANCE


def _split(line: list[Char], upright: bool) -> Iterator[list[Char]]:
    current: list[Char] = []
    for char in line:
        if char.text.isspace():
            if current:
                yield current
            current = []
        elif current and _new_word(current[-1], char, upright):
            yield current
            current = [char]
        else:
            current.append(char)
    if current:
        yield current


def _merge(chars: list[Char]) -> RawWord:
    first = chars[0]
    return RawWord(
        text="".join(LIGATURES.get(c.text, c.text) for c in chars),
        x0=min(c.x0 for c in chars),
        top=min(c.top for c in chars),
        x1=max(c.x1 for c in chars),
        bottom=max(c.bottom for c in chars),
        font=first.font,
        size=first.size,
        upright=first.upright,
    )


def words_from_chars(chars: Iterable[Char]) -> list[RawWord]:
    """Words in pdfplumber's order: by runs of equal style in stream order, then line by line."""
    words: list[RawWord] = []
    runs = itertools.groupby(chars, key=lambda c: (c.upright, c.font, c.font_id, c.size))
    for (upright, _font, _id, _size), run in runs:
        group = list(run)
        if upright:
            lines = _clusters(group, lambda c: c.top, Y_TOLERANCE)  # by top, then along x0
            for line in lines:
                line.sort(key=lambda c: c.x0)
        else:
            lines = _clusters(group, lambda c: c.x0, X_TOLERANCE)  # by x0, then down the page
            for line in lines:
                line.sort(key=lambda c: (-c.bottom, -c.top) if c.upward else (c.top, c.bottom))
        for line in lines:
            words.extend(_merge(word) for word in _split(line, upright))
    return words
