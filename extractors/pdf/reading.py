"""Reading order and blocks: columns read one after the other, fact boxes kept apart.

Column gutters are found as vertical strips that (almost) no line segment crosses while
text stands on both sides over a common height; lines that cross a gutter (titles,
ingresses spanning both columns) cut the page into bands that are read in turn, each
band column by column. Consecutive segments of one column become a block while their
spacing, size and weight agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.pdf.dehyphen import join_lines
from extractors.pdf.lines import Line, rejoin_justified
from extractors.pdf.model import Box
from extractors.pdf.structures import Block

MIN_GUTTER = 6.0
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+\S")


@dataclass(slots=True)
class _Placed:
    line: Line
    column: int  # -1 when it spans a gutter


def find_gutters(segments: list[Line]) -> list[tuple[float, float]]:
    """x-intervals between text columns."""
    if len(segments) < 6:
        return []
    left = min(s.x0 for s in segments)
    right = max(s.x1 for s in segments)
    width = right - left
    if width <= 0:
        return []
    narrow = [s for s in segments if s.x1 - s.x0 < 0.7 * width]
    allowance = max(1, int(0.05 * len(segments)))
    coverage = [0] * (int(width) + 2)
    for seg in narrow:
        for x in range(int(seg.x0 - left), min(len(coverage), int(seg.x1 - left) + 1)):
            coverage[x] += 1
    gutters: list[tuple[float, float]] = []
    start: int | None = None
    for x, count in enumerate(coverage + [allowance + 1]):
        if count <= allowance and 0 < x < len(coverage) - 1:
            if start is None:
                start = x
        elif start is not None:
            if x - start >= MIN_GUTTER:
                g0, g1 = left + start, left + x
                if _columns_face_each_other(segments, g0, g1):
                    gutters.append((g0, g1))
            start = None
    return gutters


def _columns_face_each_other(segments: list[Line], g0: float, g1: float) -> bool:
    lefts = [s for s in segments if s.x1 <= g0 + 1]
    rights = [s for s in segments if s.x0 >= g1 - 1]
    if len(lefts) < 3 or len(rights) < 3:
        return False
    l_top, l_bottom = min(s.top for s in lefts), max(s.bottom for s in lefts)
    r_top, r_bottom = min(s.top for s in rights), max(s.bottom for s in rights)
    overlap = min(l_bottom, r_bottom) - max(l_top, r_top)
    shorter = min(l_bottom - l_top, r_bottom - r_top)
    return shorter > 0 and overlap >= 0.3 * shorter


def order_segments(segments: list[Line]) -> list[_Placed]:
    gutters = find_gutters(segments)
    if not gutters:
        return [_Placed(s, 0) for s in sorted(segments, key=lambda s: (round(s.top), s.x0))]
    edges = [g[0] for g in gutters]

    def column_of(seg: Line) -> int:
        if any(seg.x0 < g0 + 1 and seg.x1 > g1 - 1 for g0, g1 in gutters):
            return -1
        return sum(1 for e in edges if seg.x0 >= e)

    placed = [_Placed(s, column_of(s)) for s in segments]
    spanning = sorted((p for p in placed if p.column == -1), key=lambda p: p.line.top)
    columns = [p for p in placed if p.column != -1]
    ordered: list[_Placed] = []
    previous_bottom = float("-inf")
    for cut in spanning + [None]:
        limit = cut.line.top if cut is not None else float("inf")
        band = [p for p in columns if previous_bottom - 1 <= (p.line.top + p.line.bottom) / 2 < limit]
        band.sort(key=lambda p: (p.column, round(p.line.top), p.line.x0))
        ordered.extend(band)
        if cut is not None:
            ordered.append(cut)
            previous_bottom = cut.line.bottom
    seen = {id(p) for p in ordered}
    ordered.extend(p for p in columns if id(p) not in seen)
    return ordered


def _box_of(line: Line, boxes: list[Box], page_area: float) -> int | None:
    """Index of the shaded box (not a full-page background) the line sits on."""
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    for i, box in enumerate(boxes):
        area = (box.x1 - box.x0) * (box.bottom - box.top)
        inside = box.x0 <= cx <= box.x1 and box.top <= cy <= box.bottom
        tall = box.bottom - box.top > 2.5 * max(line.height, 1.0)
        if box.shaded and area < 0.6 * page_area and inside and tall:
            return i
    return None


def make_blocks(
    page_number: int,
    segments: list[Line],
    boxes: list[Box],
    page_area: float,
    body_size: float,
    lang: str = "sv",
) -> list[Block]:
    """Blocks in reading order for one page (tables and furniture already removed)."""
    blocks: list[Block] = []
    groups: list[tuple[list[Line], int, int | None]] = []
    ordered = order_segments(rejoin_justified(segments))
    line_gaps = _line_gaps(ordered)
    for placed in ordered:
        line = placed.line
        box = _box_of(line, boxes, page_area)
        if groups:
            lines, column, group_box = groups[-1]
            prev = lines[-1]
            gap = line.top - prev.bottom
            same = (
                # a heading's first line may cross a gutter its second does not (a side column beside it)
                (column == placed.column or (column == -1 and line.size >= 1.18 * body_size))
                and group_box == box
                and -0.5 * prev.height
                <= gap
                <= (1.0 if line.size >= 1.18 * body_size else 0.75) * max(prev.height, 1.0)
                and not _paragraph_space(gap, line_gaps, prev, line)
                and abs(line.size - prev.size) <= 0.6
                and line.bold == prev.bold
                # a dash opening a title's next line ("Verksamhetsplan 2026" / "– Kultur- och
                # fritidsnämnden") continues the title; elsewhere it opens a list item
                and not (
                    line.starts_with_bullet()
                    and not (line.size >= 1.18 * body_size and line.text.lstrip()[:1] in "–—")
                )
                and abs(line.x0 - prev.x0) < 6 * max(line.size, 4.0)
                and not _leaves_list_item(lines, line)
                # a lead-in line at or left of a list item's bullet ("Vi ska:") opens the next list
                and not (
                    lines[0].starts_with_bullet()
                    and line.x0 <= lines[0].x0 + 1.0
                    and line.text.rstrip().endswith(":")
                    and len(line.text) <= 60
                )
            )
            if same:
                lines.append(line)
                continue
        groups.append(([line], placed.column, box))
    for lines, column, box in groups:
        text = join_lines([ln.text for ln in lines], lang=lang)
        if not text:
            continue
        size = max(ln.size for ln in lines)
        bold = sum(len(ln.text) for ln in lines if ln.bold) > 0.6 * sum(len(ln.text) for ln in lines)
        kind = "text"
        if lines[0].starts_with_bullet():
            kind = "list_item"
        elif _looks_like_heading(text, size, bold, body_size):
            kind = "heading"
        if box is not None and kind == "text":
            kind = "fact_box"
        blocks.append(
            Block(
                page=page_number,
                text=text,
                bbox=(
                    min(ln.x0 for ln in lines),
                    min(ln.top for ln in lines),
                    max(ln.x1 for ln in lines),
                    max(ln.bottom for ln in lines),
                ),
                kind=kind,
                size=size,
                bold=bold,
                italic=all(ln.italic for ln in lines),
                shaded=box is not None,
                column=max(column, 0),
                lines=[ln.text for ln in lines],
                ocr=any(ln.ocr for ln in lines),
            )
        )
    return blocks


def _leaves_list_item(lines: list[Line], line: Line) -> bool:
    """A line that leaves a list item's indent: the paragraph after the list's last item.

    A bulleted item's wrapped lines stand at its text's indent, never left of its bullet; a line
    that starts left of the bullet, or back left of the item's wrapped lines (the body margin the
    bullet is indented from), opens the next paragraph ("• … Fosen Helse IKS." / "Regionrådet
    rapporterer …")."""
    first = lines[0]
    if not first.starts_with_bullet() or line.ocr or any(ln.ocr for ln in lines):
        return False
    if line.x0 < first.x0 - 2.0:
        return True
    wrapped = [ln.x0 for ln in lines[1:]]
    return bool(wrapped) and min(wrapped) > first.x0 + 2.0 and line.x0 < min(wrapped) - 2.0


def _line_gaps(ordered: list[_Placed]) -> dict[float, float]:
    """The page's leading between the lines of one paragraph, per font size: the median gap
    between consecutive lines of one column, size and left edge (a paragraph's own lines, not
    map labels or the space a style adds after a paragraph). Sizes with too few such gaps, and
    OCR'd lines, whose boxes vary in height, have none."""
    by_size: dict[float, list[float]] = {}
    for a, b in zip(ordered, ordered[1:], strict=False):
        la, lb = a.line, b.line
        if a.column != b.column or la.ocr or lb.ocr or abs(la.size - lb.size) > 0.3 or abs(la.x0 - lb.x0) > 2:
            continue
        gap = lb.top - la.bottom
        if 0 <= gap <= 0.75 * max(la.height, 1.0):
            by_size.setdefault(round(la.size * 2) / 2, []).append(gap)
    return {size: sorted(gaps)[len(gaps) // 2] for size, gaps in by_size.items() if len(gaps) >= 3}


def _paragraph_space(gap: float, line_gaps: dict[float, float], prev: Line, line: Line) -> bool:
    """Space a paragraph style adds after a paragraph ("Visjon: …" / 4 pt / "Hovedmål: …"): a gap
    clearly wider than the page's leading between lines of one paragraph of that size."""
    leading = line_gaps.get(round(prev.size * 2) / 2)
    if leading is None or prev.ocr or line.ocr or abs(prev.size - line.size) > 0.3:
        return False
    return gap > leading + max(2.5, 0.3 * max(prev.height, 1.0))


def _looks_like_heading(text: str, size: float, bold: bool, body_size: float) -> bool:
    if len(text) > 200 or not any(ch.isalpha() for ch in text):
        return False
    if size >= body_size * 1.18:
        return True
    return bold and size >= body_size - 0.3 and len(text) < 120 and not text.endswith((".", ",", ";"))


def assign_heading_levels(blocks: list[Block]) -> None:
    """Level 1 for the largest heading size, numbered headings by their numbering depth."""
    headings = [b for b in blocks if b.kind == "heading"]
    sizes = sorted({round(b.size) for b in headings}, reverse=True)
    for block in headings:
        match = _NUMBERED_HEADING.match(block.text)
        if match:
            block.level = match.group(1).count(".") + 1
        else:
            block.level = sizes.index(round(block.size)) + 1 if sizes else 1
