"""Tables without ruling lines: runs of lines whose pieces line up in three or more columns.

Running text in two columns also lines up, so an unruled table needs three aligned
columns (or two where the second holds numbers, as in budget lists), at least three rows,
and cells shorter than a line of prose. Wrapped cell text (a line with nothing in the
first column) is folded into the row above.
"""

from __future__ import annotations

import re

from extractors.pdf.dehyphen import join_lines
from extractors.pdf.lines import Line, group_lines, split_segments
from extractors.pdf.model import Page, Word
from extractors.pdf.structures import Cell, Table

GAP_FACTOR = 1.2
ALIGN = 6.0
MIN_ROWS = 3
_NUMERIC = re.compile(r"^[-–+]?[\d\s\u00a0\u202f.,%]+(?:\s?(?:kr|tkr|mkr|kr\.|%|st))?$")


def _anchors(rows: list[list[Line]]) -> list[float]:
    """Left edges used by most rows (clustered)."""
    xs = sorted(seg.x0 for row in rows for seg in row)
    clusters: list[list[float]] = []
    for x in xs:
        if clusters and x - clusters[-1][-1] <= ALIGN:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    need = max(2, int(0.5 * len(rows)))
    return [min(c) for c in clusters if len(c) >= need]


def _column(x0: float, anchors: list[float]) -> int:
    col = 0
    for i, a in enumerate(anchors):
        if x0 >= a - ALIGN:
            col = i
    return col


def _is_table(rows: list[list[Line]], anchors: list[float], page_width: float) -> bool:
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


def _table(rows: list[list[Line]], anchors: list[float], page: Page, lang: str) -> Table:
    grid: list[dict[int, list[Line]]] = []
    for row in rows:
        placed: dict[int, list[Line]] = {}
        for seg in row:
            placed.setdefault(_column(seg.x0, anchors), []).append(seg)
        if grid and 0 not in placed and len(anchors) > 1:
            for col, segs in placed.items():  # wrapped text of the row above
                grid[-1].setdefault(col, []).extend(segs)
        else:
            grid.append(placed)
    cells: list[Cell] = []
    right = max(seg.x1 for row in rows for seg in row)
    edges = anchors + [right]
    for r, placed in enumerate(grid):
        for c in range(len(anchors)):
            segs = placed.get(c, [])
            top = min((s.top for s in segs), default=min(s.top for s in grid_row_lines(placed)))
            bottom = max((s.bottom for s in segs), default=max(s.bottom for s in grid_row_lines(placed)))
            text = join_lines([s.text for s in segs], lang=lang) if segs else ""
            words = [w for s in segs for w in s.words]
            cells.append(
                Cell(
                    row=r,
                    col=c,
                    text=text,
                    bbox=(edges[c], top, edges[c + 1], bottom),
                    page=page.number,
                    bold=bool(words) and all(w.bold for w in words),
                    italic=bool(words) and all(w.italic for w in words),
                    paragraphs=[text] if text else [],
                )
            )
    top = min(s.top for row in rows for s in row)
    bottom = max(s.bottom for row in rows for s in row)
    first_bold = all(c.bold for c in cells if c.row == 0 and c.text)
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
    rows = [split_segments(line, GAP_FACTOR) for line in lines]
    tables: list[Table] = []
    run: list[list[Line]] = []

    def flush() -> None:
        if len(run) >= MIN_ROWS:
            anchors = _anchors(run)
            if _is_table(run, anchors, page.width):
                tables.append(_table(list(run), anchors, page, lang))
        run.clear()

    for row in rows:
        if run:
            gap = row[0].top - max(s.bottom for s in run[-1])
            if gap > 1.6 * max(row[0].height, 1.0):
                flush()
        if len(row) >= 2 or (run and len(row) == 1 and row[0].x0 > min(s.x0 for s in run[0]) + ALIGN):
            run.append(row)
        else:
            flush()
    flush()
    return tables
