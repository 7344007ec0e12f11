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


EDGE = 2.0  # a justified line starts and ends on its paragraph's edges within this much


def _even_runs(line: Line, gap_factor: float) -> list[tuple[int, int]]:
    """Word ranges [a, b] of three or more words of prose spaced by one and the same wide gap.

    Justification stretches every space of a line by the same amount, so a short line of long
    words ("Tiltak 3:  Gjennomføre  et") shows gaps as wide as a table's gutters, but all equal;
    cells of a table row stand at gaps set by the column widths, which differ. Every such range
    is given (a gutter gap close to the justified gaps may extend one; the caller picks)."""
    words = line.words
    gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:], strict=False)]
    threshold = [gap_factor * max(a.size, b.size, 4.0) for a, b in zip(words, words[1:], strict=False)]
    wordy = [any(ch.isalpha() for ch in w.text) for w in words]
    runs: list[tuple[int, int]] = []
    for k in range(len(gaps)):
        low = high = gaps[k]
        for end in range(k, len(gaps)):
            low, high = min(low, gaps[end]), max(high, gaps[end])
            if high - low > 0.8 + 0.05 * low:
                break
            a, b = k, end + 1  # words a..b, gaps k..end
            wide = any(gaps[g] > threshold[g] for g in range(k, end + 1))
            if b - a >= 2 and wide and 3 * sum(wordy[a : b + 1]) >= 2 * (b - a + 1):
                runs.append((a, b))
    return runs


def _in_columns(words: list[Word], starts: list[float]) -> bool:
    """Most inner words start where words of the next line start: cells under cells."""
    shared = sum(1 for w in words[1:] if any(abs(w.x0 - x) <= EDGE for x in starts))
    return 2 * shared > len(words) - 1


def split_lines(lines: list[Line], gap_factor: float = 1.6) -> list[list[Line]]:
    """Each line cut into segments (`split_segments`), a justified line of prose kept whole.

    A run of words spaced by one equal wide gap is a justified line when it starts and ends
    where a piece of another line of the page (three words or more) starts and ends while its
    words start elsewhere: the lines of a justified paragraph fill their column from edge to
    edge, each with its own word gaps. Rows of a table seldom show equal gaps and end where
    their last cell's text ends; where they do show them (a grid of equally wide cells), their
    cells start on the same column edges as the cells of the rows above and below, so they are
    cut as before."""
    pieces = [split_segments(line, gap_factor) for line in lines]
    runs = [_even_runs(line, gap_factor) for line in lines]
    # each piece as its left and right edge and where its inner words start
    spans: list[list[tuple[float, float, list[float]]]] = [
        [(s.x0, s.x1, [w.x0 for w in s.words[1:]]) for s in segs if len(s.words) >= 3]
        + [(line.words[a].x0, line.words[b].x1, [w.x0 for w in line.words[a + 1 : b + 1]]) for a, b in found]
        for line, segs, found in zip(lines, pieces, runs, strict=True)
    ]

    def confirms(span: tuple[float, float, list[float]], words: list[Word]) -> bool:
        """Same edges, words elsewhere: a table's rows share edges and their cells' starts too."""
        x0, x1, inner = span
        if abs(x0 - words[0].x0) > EDGE or abs(x1 - words[-1].x1) > EDGE:
            return False
        shared = sum(1 for w in words[1:] if any(abs(w.x0 - x) <= EDGE for x in inner))
        return 2 * shared < len(words) - 1

    out: list[list[Line]] = []
    for i, line in enumerate(lines):
        if not runs[i]:
            out.append(pieces[i])
            continue
        near = [span for j in range(len(lines)) if j != i for span in spans[j]]
        reach = 3.0 * max(line.height, 1.0)
        starts = [  # where the words of the lines right above and below start
            w.x0
            for j in (i - 1, i + 1)
            if 0 <= j < len(lines) and abs(lines[j].top - line.top) <= reach
            for w in lines[j].words
        ]

        matched = [
            (a, b)
            for a, b in runs[i]
            if not _in_columns(line.words[a : b + 1], starts)
            and any(confirms(span, line.words[a : b + 1]) for span in near)
        ]
        kept: list[tuple[int, int]] = []
        for a, b in sorted(matched, key=lambda r: r[0] - r[1]):  # longest first, no overlaps
            if all(b < c or a > d for c, d in kept):
                kept.append((a, b))
        if not kept:
            out.append(pieces[i])
            continue
        whole = {k for a, b in kept for k in range(a, b)}  # gaps inside a justified run
        segments: list[Line] = []
        current: list[Word] = []
        for k, word in enumerate(line.words):
            if current and k - 1 not in whole:
                gap = word.x0 - current[-1].x1
                if gap > gap_factor * max(current[-1].size, word.size, 4.0):
                    segments.append(Line(current))
                    current = []
            current.append(word)
        if current:
            segments.append(Line(current))
        out.append(segments)
    return out


def rejoin_justified(segments: list[Line], gap_factor: float = 1.6) -> list[Line]:
    """Segments (a page's lines cut left to right, line after line) with the pieces of a
    justified line of prose joined again (see `split_lines`)."""
    groups: list[list[Line]] = []
    for seg in segments:
        if groups:
            prev = groups[-1][-1]
            tolerance = 0.45 * min(max(prev.height, 1.0), max(seg.height, 1.0))
            middle, prev_middle = (seg.top + seg.bottom) / 2, (prev.top + prev.bottom) / 2
            if seg.x0 >= prev.x1 and abs(middle - prev_middle) <= tolerance:
                groups[-1].append(seg)
                continue
        groups.append([seg])
    lines = [Line([w for seg in group for w in seg.words]) for group in groups]
    joined = split_lines(lines, gap_factor)
    out: list[Line] = []
    for group, again in zip(groups, joined, strict=True):
        out.extend(again if len(again) < len(group) else group)
    return out


def body_font_size(lines: Iterable[Line]) -> float:
    """The size most characters of the document are set in."""
    counts: Counter[float] = Counter()
    for line in lines:
        for w in line.words:
            counts[round(w.size, 1)] += len(w.text)
    return counts.most_common(1)[0][0] if counts else 10.0
