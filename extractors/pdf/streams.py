"""Tables without ruling lines: runs of lines whose pieces line up in three or more columns.

Running text in two columns also lines up, so an unruled table needs three aligned
columns (or two where the second holds numbers, as in budget lists), at least three rows,
and cells shorter than a line of prose. Wrapped cell text is folded into the row above:
when rows are spaced wider than the lines inside them, by that spacing; otherwise a line
with nothing in the first column, or one whose first column starts in lower case and that
fills fewer columns than the line above, carries on the row above. A bold line alone in the first
column between table lines ("Fokusområde 1: Kompetens") is a section row spanning the table.
"""

from __future__ import annotations

import math
import re

from extractors.pdf.dehyphen import join_lines
from extractors.pdf.lines import Line, group_lines, split_lines
from extractors.pdf.model import Page, Word
from extractors.pdf.structures import Cell, Table

GAP_FACTOR = 1.2
ALIGN = 6.0
MIN_ROWS = 3
SECTION_GAP = 2.5  # a section row may stand this many line heights off the rows around it
ROW_PITCH = 1.3  # rows spaced this much wider than the lines inside a cell are told apart by spacing
_NUMERIC = re.compile(r"^[-–+]?[\d\s\u00a0\u202f.,%]+(?:\s?(?:kr|tkr|mkr|kr\.|%|st))?$")

Row = list[Line]


def _anchors(rows: list[Row]) -> list[float]:
    """Left edges used by many lines (clustered).

    Wrapped cell lines fill only some columns, so a column counts when a quarter of the
    multi-piece lines (or half of all lines in a table without wrapping) start there.
    """
    multi = [row for row in rows if len(row) >= 2]
    xs = sorted(seg.x0 for row in rows for seg in row)
    clusters: list[list[float]] = []
    for x in xs:
        if clusters and x - clusters[-1][-1] <= ALIGN:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    need = max(2, int(0.5 * len(rows)))
    if multi and len(multi) < len(rows):
        need = min(need, max(2, math.ceil(0.25 * len(multi))))
    return [min(c) for c in clusters if len(c) >= need]


def _resplit(row: Row, anchors: list[float]) -> Row:
    """Cut a piece where a word starts right on another column's edge ("Hösten 2025 | 2026").

    Cells filled to their right edge leave a gap barely wider than a space before the next
    column; the column edges found over the whole table say where to cut.
    """
    out: Row = []
    for seg in row:
        current: list[Word] = []
        for word in seg.words:
            if current:
                gap = word.x0 - current[-1].x1
                on_edge = any(abs(word.x0 - a) <= 2.0 for a in anchors if a > seg.x0 + ALIGN)
                if on_edge and gap > 0.2 * max(word.size, 4.0):
                    out.append(Line(current))
                    current = []
            current.append(word)
        if current:
            out.append(Line(current))
    return out


def _column(x0: float, anchors: list[float]) -> int:
    col = 0
    for i, a in enumerate(anchors):
        if x0 >= a - ALIGN:
            col = i
    return col


def _aligned(x0: float, anchors: list[float]) -> bool:
    return any(abs(x0 - a) <= ALIGN for a in anchors)


def _place(seg: Line, anchors: list[float]) -> int:
    """The column of a piece: the one its left edge starts on; a piece starting on no column edge
    (a header or mark centred over its column, a number set flush right) that reaches over the next
    edge but no further belongs to that next column when most of it stands there."""
    col = _column(seg.x0, anchors)
    if _aligned(seg.x0, anchors) or col + 1 >= len(anchors):
        return col
    after = anchors[col + 2] if col + 2 < len(anchors) else math.inf
    if seg.x1 <= after + 1.0 and (seg.x0 + seg.x1) / 2 >= anchors[col + 1]:
        return col + 1
    return col


def _merge_crossed(rows: list[Row], anchors: list[float]) -> list[float]:
    """Drop a column edge that is no gutter: a piece of the column to its left (in a line of two
    or more pieces) runs across it, ending before the edge after, and no line has pieces on both
    sides of it. Numbers set flush right start at varying x ("75 000", "1 200 000") and a header
    wider than its values ("Kostnad (kr)") starts left of them: each would otherwise open a column
    of its own, and a number be cut at the edge ("1" | "200 000")."""
    anchors = list(anchors)
    while len(anchors) > 2:
        placed = [[(_place(seg, anchors), seg) for seg in row] for row in rows]
        side_by_side = {c for row in placed for c, _ in row if any(d == c + 1 for d, _ in row)}
        crossed = {
            c
            for row in placed
            if len(row) >= 2
            for c, seg in row
            if c + 1 < len(anchors)
            and seg.x1 > anchors[c + 1] + ALIGN
            and seg.x1 <= (anchors[c + 2] if c + 2 < len(anchors) else math.inf) + 1.0
        }
        drop = sorted(crossed - side_by_side)
        if not drop:
            break
        del anchors[drop[0] + 1]
    return anchors


def _is_table(rows: list[Row], anchors: list[float], page_width: float) -> bool:
    if len(rows) < MIN_ROWS or len(anchors) < 2:
        return False
    segs = [seg for row in rows for seg in row]
    long_share = sum(1 for s in segs if s.x1 - s.x0 > 0.33 * page_width) / len(segs)
    if long_share > 0.3:
        return False  # prose columns
    if len(anchors) >= 3:
        return True
    last = [row[-1].text for row in rows if len(row) >= 2]
    return len(last) >= MIN_ROWS and sum(1 for t in last if _NUMERIC.match(t)) >= 0.7 * len(last)


def _is_section(row: Row, run: list[Row]) -> bool:
    """A bold single piece starting at the run's first column: an area heading inside the table."""
    if len(row) != 1 or not row[0].bold or not run:
        return False
    left = min(seg.x0 for r in run for seg in r)
    return abs(row[0].x0 - left) <= ALIGN


def _row_breaks(rows: list[Row], sections: set[int], anchors: list[float]) -> list[bool]:
    """For each line: does it start a new table row (True) or carry on the row above?"""
    tops = [min(seg.top for seg in row) for row in rows]
    pitches = [
        tops[i] - tops[i - 1] for i in range(1, len(rows)) if i not in sections and i - 1 not in sections
    ]
    small = min(pitches) if pitches else 0.0
    by_pitch = bool(pitches) and small > 0 and max(pitches) > ROW_PITCH * small
    breaks: list[bool] = []
    for i, row in enumerate(rows):
        if i == 0 or i in sections or i - 1 in sections:
            breaks.append(True)
            continue
        if by_pitch:
            breaks.append(tops[i] - tops[i - 1] > 1.15 * small)
        else:
            breaks.append(not (_no_first_column(row, anchors) or _lower_carry_on(row, rows[i - 1], anchors)))
    return breaks


def _no_first_column(row: Row, anchors: list[float]) -> bool:
    return len(anchors) > 1 and all(_column(s.x0, anchors) != 0 for s in row)


def _lower_carry_on(row: Row, above: Row, anchors: list[float]) -> bool:
    """A first-column line starting in lower case, filling fewer columns than the line above, carries on."""
    first = row[0]
    if _column(first.x0, anchors) != 0 or not first.text[:1].islower():
        return False
    return len({_column(s.x0, anchors) for s in row}) < len({_column(s.x0, anchors) for s in above})


def _wrapped_first_cell(row: Row, run: list[Row], gap: float) -> bool:
    """A line alone in the first column, set right under the line above and no wider than that
    column: the rest of a cell that wraps onto more lines than the other cells of its row
    ("Ta fram en … för kommunen och" / "besöksnäringen"), not the end of the table."""
    if len(row) != 1 or not run or row[0].bold:
        return False
    left = min(seg.x0 for seg in run[0])
    if abs(row[0].x0 - left) > ALIGN:
        return False
    others = [seg.x0 for r in run for seg in r if seg.x0 > left + ALIGN]
    return bool(others) and row[0].x1 < min(others) and gap <= 0.6 * max(row[0].height, 1.0)


def _gutters(run: list[Row], sections: set[int]) -> list[tuple[float, float]]:
    """The x-intervals between the columns of a table read so far: strips no piece of its rows
    (section rows aside) covers, once two rows have shown pieces side by side."""
    body = [row for i, row in enumerate(run) if i not in sections]
    if sum(1 for row in body if len(row) >= 2) < 2:
        return []
    pieces = sorted((seg.x0, seg.x1) for row in body for seg in row)
    gutters: list[tuple[float, float]] = []
    reach = pieces[0][1]
    for x0, x1 in pieces[1:]:
        if x0 > reach + 1.0:
            gutters.append((reach, x0))
        reach = max(reach, x1)
    return gutters


def _crosses_gutter(row: Row, gutters: list[tuple[float, float]]) -> bool:
    """A line of one piece running over a gap between the table's columns that no row crossed
    before: a line of the paragraph after the table (indented, or wider than the cells), not a
    row of it. A row of several pieces stays a row even where one cell runs wide (a long name
    over a first and last name column); a cell filled to its right edge runs into the next cell
    with no wider gap than a space, but then a word starts right on the next column's edge."""
    if len(row) != 1:
        return False
    seg = row[0]
    return any(
        seg.x0 < g0 and seg.x1 > g1 and not any(abs(w.x0 - g1) <= 3.0 for w in seg.words)
        for g0, g1 in gutters
    )


def _table(rows: list[Row], sections: set[int], page: Page, lang: str) -> Table:
    body = [row for i, row in enumerate(rows) if i not in sections]
    anchors = _merge_crossed(body, _anchors(body))
    rows = [row if i in sections else _resplit(row, anchors) for i, row in enumerate(rows)]
    body = [row for i, row in enumerate(rows) if i not in sections]
    anchors = _merge_crossed(body, _anchors(body))
    breaks = _row_breaks(rows, sections, anchors)
    grid: list[dict[int, list[Line]]] = []
    section_rows: set[int] = set()
    for i, row in enumerate(rows):
        if i in sections:
            section_rows.add(len(grid))
            grid.append({0: list(row)})
            continue
        placed: dict[int, list[Line]] = {}
        for seg in row:
            placed.setdefault(_place(seg, anchors), []).append(seg)
        if grid and not breaks[i] and len(grid) - 1 not in section_rows:
            for col, segs in placed.items():  # wrapped text of the row above
                grid[-1].setdefault(col, []).extend(segs)
        else:
            grid.append(placed)
    cells: list[Cell] = []
    right = max(seg.x1 for row in rows for seg in row)
    edges = anchors + [right]
    for r, placed in enumerate(grid):
        every = grid_row_lines(placed)
        columns = [0] if r in section_rows else list(range(len(anchors)))
        for c in columns:
            segs = placed.get(c, [])
            top = min((s.top for s in segs), default=min(s.top for s in every))
            bottom = max((s.bottom for s in segs), default=max(s.bottom for s in every))
            text = join_lines([s.text for s in segs], lang=lang, cell=True) if segs else ""
            words = [w for s in segs for w in s.words]
            span = len(anchors) if r in section_rows else 1
            cells.append(
                Cell(
                    row=r,
                    col=c,
                    text=text,
                    bbox=(edges[c], top, edges[c + span], bottom),
                    page=page.number,
                    col_span=span,
                    bold=bool(words) and all(w.bold for w in words),
                    italic=bool(words) and all(w.italic for w in words),
                    paragraphs=[text] if text else [],
                )
            )
    top = min(s.top for row in rows for s in row)
    bottom = max(s.bottom for row in rows for s in row)
    first_bold = 0 not in section_rows and all(c.bold for c in cells if c.row == 0 and c.text)
    return Table(
        page_start=page.number,
        page_end=page.number,
        bbox=(anchors[0], top, right, bottom),
        n_rows=len(grid),
        n_cols=len(anchors),
        cells=cells,
        header_rows=1 if first_bold and len(grid) > 1 else 0,
        method="stream",
        row_pages=[page.number] * len(grid),
    )


def grid_row_lines(placed: dict[int, list[Line]]) -> list[Line]:
    return [s for segs in placed.values() for s in segs]


def stream_tables(page: Page, words: list[Word], lang: str = "sv") -> list[Table]:
    lines = group_lines(words)
    rows = split_lines(lines, GAP_FACTOR)
    tables: list[Table] = []
    run: list[Row] = []
    sections: set[int] = set()
    pending: list[Row] = []  # section-row candidates, kept when table lines follow them

    def flush() -> None:
        if len(run) >= MIN_ROWS:
            anchors = _anchors([r for i, r in enumerate(run) if i not in sections])
            if _is_table(run, anchors, page.width):
                tables.append(_table(list(run), set(sections), page, lang))
        run.clear()
        sections.clear()
        pending.clear()

    def gap_to(row: Row, before: Row) -> float:
        return min(s.top for s in row) - max(s.bottom for s in before)

    for row in rows:
        height = max(row[0].height, 1.0)
        previous = pending[-1] if pending else (run[-1] if run else None)
        if previous is not None:
            limit = SECTION_GAP if (pending or _is_section(row, run)) else 1.6
            if gap_to(row, previous) > limit * height:
                flush()
                previous = None
        if run and _crosses_gutter(row, _gutters(run, sections)):
            flush()
            previous = None
        if len(row) >= 2 and run and pending:
            for line in pending:
                sections.add(len(run))
                run.append(line)
            pending.clear()
        lone_carry_on = (run and len(row) == 1 and row[0].x0 > min(s.x0 for s in run[0]) + ALIGN) or (
            not pending and _wrapped_first_cell(row, run, gap_to(row, run[-1]) if run else math.inf)
        )
        if len(row) >= 2 or lone_carry_on:
            if pending:
                flush()
            run.append(row)
        elif run and not pending and _is_section(row, run):
            pending.append(row)
        else:
            flush()
    flush()
    return tables
