"""Running headers, footers and page numbers, recognised by repetition across pages.

A line near the top or bottom edge whose text, with digits masked, recurs on a good
share of the pages is page furniture ("Göteborgs Stad, Handlingsplan … 9 (18)",
"10   Lokal Näringslivsutveckling, LNU"), as is a lone page number in the margin.
A small line alone at the foot of the page, below the body's last line by a clear gap, is a
footer too, repeated or not. All are kept out of the body text and tables; the printed number
becomes the page label.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extractors.pdf.lines import Line

MARGIN_SHARE = 0.12  # top/bottom share of the page height where furniture lives
FOOT_GAP = 2.5  # line heights of white space that set a lone footer apart from the body above it
_PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|side|page|s\.)\s*)?[-–—]?\s*(\d{1,4})\s*[-–—]?(?:\s*(?:\(|av |of |/)\s*\d{1,4}\)?)?$",
    re.IGNORECASE,
)
_NUMBER_IN_FURNITURE = re.compile(r"(?:^|\s)(\d{1,4})(?:\s*\(\d{1,4}\))?(?=\s|$)")


def mask(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text)).strip().lower()


@dataclass(slots=True)
class Furniture:
    header: str = ""
    footer: str = ""
    label: str | None = None


def _zone(line: Line, height: float) -> str | None:
    if line.bottom <= height * MARGIN_SHARE:
        return "top"
    if line.top >= height * (1 - MARGIN_SHARE):
        return "bottom"
    return None


def _key(text: str) -> str:
    """Digits and page-number tokens dropped: left and right pages then share a key."""
    return " ".join(t for t in mask(text).split() if t.strip("#()/") != "")


def find_furniture(pages: list[tuple[float, list[Line]]], body_size: float = 0.0) -> list[set[int]]:
    """For each page (height, lines), the indexes of its lines that are page furniture.

    Walking in from each edge, lines are furniture while they are a page number or a
    small-print line whose text recurs on several pages; the first other line stops the walk,
    so body text near the edge is never taken.
    """
    n_pages = len(pages)
    counts: Counter[tuple[str, str]] = Counter()
    for height, lines in pages:
        seen = {(zone, _key(line.text)) for line in lines if (zone := _zone(line, height))}
        counts.update(seen)
    threshold = 3 if n_pages >= 6 else 2
    out: list[set[int]] = []
    for height, lines in pages:
        marked: set[int] = set()
        for zone in ("top", "bottom"):
            order = sorted(
                (i for i, line in enumerate(lines) if _zone(line, height) == zone),
                key=lambda i: lines[i].top if zone == "top" else -lines[i].bottom,
            )
            lone = zone == "bottom"  # one footer line a page may be taken for its place alone
            for index in order:
                line = lines[index]
                text = line.text.strip()
                small = body_size <= 0 or line.size <= body_size * 1.1
                repeated = n_pages >= 2 and small and counts[(zone, _key(text))] >= threshold
                if _PAGE_NUMBER.match(text) or repeated:
                    marked.add(index)
                elif lone and small and _alone_at_foot(line, lines):
                    marked.add(index)  # a footer that no other page repeats
                    lone = False
                else:
                    break
        out.append(marked)
    return out


def _alone_at_foot(line: Line, lines: list[Line]) -> bool:
    """A line set apart below every column's last line by a clear gap is the page's footer, even
    when no other page repeats it (a two-page document whose cover has its own footer)."""
    above = [other.bottom for other in lines if other.bottom <= line.top]
    if not above:
        return False
    return line.top - max(above) >= FOOT_GAP * max(line.height, 1.0)


def page_label(furniture: list[Line]) -> str | None:
    """The printed page number among the furniture lines, if any."""
    for line in furniture:
        match = _PAGE_NUMBER.match(line.text.strip())
        if match:
            return match.group(1)
    for line in furniture:
        # "… program 9 (18)" or "10 Lokal Näringslivsutveckling, LNU": a number at either end
        words = [w.text for w in line.words]
        if words and words[-1].startswith("(") and len(words) >= 2 and words[-2].isdigit():
            return words[-2]
        if words and words[-1].isdigit() and len(words[-1]) <= 4:
            return words[-1]
        if words and words[0].isdigit() and len(words[0]) <= 4:
            return words[0]
    return None
