"""Words to printed lines and line segments: the unit every layout step reasons about.

A `Line` is the words that share a baseline band; a segment is a piece of a line cut at
a gap much wider than a space, so that two columns printed side by side never become
one line of text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from extractors.pdf.model import BBox, Word

BULLETS = ("•", "-", "–", "—", "❖", "▪", "■", "●", "◦", "*", "·", "", "o", "➢", "►", "✓")


@dataclass(slots=True)
class Line:
    words: list[Word] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def size(self) -> float:
        """The font size carrying most characters."""
        counts: Counter[float] = Counter()
        for w in self.words:
            counts[round(w.size, 1)] += len(w.text)
        return counts.most_common(1)[0][0] if counts else 0.0

    @property
    def bold(self) -> bool:
        return _share(self.words, lambda w: w.bold) > 0.6

    @property
    def italic(self) -> bool:
        return _share(self.words, lambda w: w.italic) > 0.6

    @property
    def ocr(self) -> bool:
        return any(w.ocr for w in self.words)

    def starts_with_bullet(self) -> bool:
        first = self.words[0].text if self.words else ""
        if first in BULLETS or (len(first) > 1 and first[0] in "•❖▪■●◦➢►✓"):
            return True
        # "-Definiera processen …": a dash item written without a space
        return len(first) > 2 and first[0] in "-–" and first[1].isupper()


def _share(words: Iterable[Word], test: object) -> float:
    total = hit = 0
    for w in words:
        total += len(w.text)
        if test(w):  # type: ignore[operator]
            hit += len(w.text)
    return hit / total if total else 0.0


MARKER = re.compile(r"^(?:\d{1,2}|[*†‡])$")
# a raised 2 or 3 after a length unit is a power ("m²", "km²", "kr/m²"), not a note
_POWER_BASE = re.compile(r"(?:^|/)(?:[kcdm]?m|kvm)$", re.IGNORECASE)
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _host_of(marker: Word, words: list[Word]) -> Word | None:
    """The larger word whose right edge the small raised `marker` touches, if any."""
    if not MARKER.match(marker.text):
        return None
    for word in words:
        if word is marker or word.size <= 0 or marker.size > 0.85 * word.size:
            continue
        if not -0.5 <= marker.x0 - word.x1 <= 1.5:
            continue
        if not word.text[-1:].isalpha() and word.text[-1:] not in ").,;:":
            continue
        raised = word.bottom - marker.bottom > 0.15 * word.height
        if raised and marker.top >= word.top - 0.6 * word.height:
            return word
    return None


def attach_markers(words: Iterable[Word]) -> list[Word]:
    """Drop footnote markers printed as small raised digits after a word ('Kontoret¹').

    Left alone, the raised digit sits too high to share its word's line and becomes a
    line of its own, so '1' ends up glued in front of the cell or sentence it marks.
    A raised 2 or 3 after a length unit is a power and is kept on the unit ('m²').
    """
    kept = [w for w in words if w.text.strip()]
    dropped: set[int] = set()
    powered: dict[int, Word] = {}
    for marker in (w for w in kept if MARKER.match(w.text)):
        host = _host_of(marker, kept)
        if host is None:
            continue
        dropped.add(id(marker))
        if _POWER_BASE.search(host.text) and marker.text in ("2", "3"):
            power = marker.text.translate(_SUPERSCRIPT)
            powered[id(host)] = replace(host, text=host.text + power, x1=marker.x1)
    return [powered.get(id(w), w) for w in kept if id(w) not in dropped]


def group_lines(words: Iterable[Word]) -> list[Line]:
    """Cluster words into lines by vertical overlap, top to bottom, words left to right."""
    ordered = sorted(attach_markers(words), key=lambda w: (w.top + w.bottom) / 2)
    lines: list[Line] = []
    for word in ordered:
        middle = (word.top + word.bottom) / 2
        target = None
        for line in reversed(lines[-4:]):
            line_mid = (line.top + line.bottom) / 2
            tolerance = 0.45 * min(max(line.height, 1.0), max(word.height, 1.0))
            if abs(line_mid - middle) <= tolerance:
                target = line
                break
        if target is None:
            lines.append(Line([word]))
        else:
            target.words.append(word)
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return lines


def split_segments(line: Line, gap_factor: float = 1.6) -> list[Line]:
    """Cut a line where the gap between words is far wider than a space."""
    segments: list[Line] = []
    current: list[Word] = []
    for word in line.words:
        if current:
            gap = word.x0 - current[-1].x1
            size = max(current[-1].size, word.size, 4.0)
            if gap > gap_factor * size:
                segments.append(Line(current))
                current = []
        current.append(word)
    if current:
        segments.append(Line(current))
    return segments


def segments_of(words: Iterable[Word], gap_factor: float = 1.6) -> list[Line]:
    return [seg for line in group_lines(words) for seg in split_segments(line, gap_factor)]


def body_font_size(lines: Iterable[Line]) -> float:
    """The size most characters of the document are set in."""
    counts: Counter[float] = Counter()
    for line in lines:
        for w in line.words:
            counts[round(w.size, 1)] += len(w.text)
    return counts.most_common(1)[0][0] if counts else 10.0
