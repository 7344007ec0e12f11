"""One table across page breaks: pieces joined, repeated headers dropped, split rows mended.

A table that ends at the foot of a page and one that starts at the head of the next,
with the same column edges, are one table. When the second piece begins with the same
header row, that row is a repeat (Word's "repeat header row") and goes. When the first
body row of the second piece is the rest of a row the page break cut (its label cell is
empty, or its text carries on a sentence or a hyphenated word), it is joined to the row
above, cell by cell.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.pdf.dehyphen import join_lines
from extractors.pdf.structures import Cell, PageLayout, Table
from extractors.pdf.tables import column_edges

EDGE_TOLERANCE = 4.0


def _same_columns(a: Table, b: Table) -> bool:
    if a.n_cols != b.n_cols:
        return False
    ea, eb = column_edges(a), column_edges(b)
    return len(ea) == len(eb) and all(abs(x - y) <= EDGE_TOLERANCE for x, y in zip(ea, eb))


# "Aktivitet (forts.)", "Tiltak (fortsettelse)", "Action (cont.)": a repeated header marked as continued
_CONTINUED = re.compile(
    r"\s*\((?:forts|fortsättning|fortsättn|fortsettelse|fortsetjing|fortsat|cont|continued)\.?\)\s*$", re.I
)


def _row_texts(table: Table, row: int) -> list[str]:
    return [_CONTINUED.sub("", c.text) for c in table.row_cells(row)]


def _same_header(a: Table, b: Table) -> bool:
    from rapidfuzz import fuzz

    left = " | ".join(_row_texts(a, 0))
    right = " | ".join(_row_texts(b, 0))
    return fuzz.ratio(left, right) >= 90


def _is_last_on_page(table: Table, page: PageLayout) -> bool:
    return not any(b.bbox[1] > table.bbox[3] - 1 for b in page.blocks) and table is max(
        page.tables, key=lambda t: t.bbox[3]
    )


def _is_first_on_page(table: Table, page: PageLayout) -> bool:
    return not any(b.bbox[3] < table.bbox[1] + 1 for b in page.blocks) and table is min(
        page.tables, key=lambda t: t.bbox[1]
    )


_JOINING_ENDS = frozenset(
    ["och", "og", "samt", "med", "i", "på", "for", "för", "til", "till", "av", "and", "the", "of"]
)


def _starts_new(before: str, after: str) -> bool:
    """First-column text that begins a row of its own: a capital or digit after a finished text."""
    head = after.strip()[:1]
    if not (head.isupper() or head.isdigit()):
        return False
    tail = before.rstrip()
    last = tail.rsplit(" ", 1)[-1].lower() if tail else ""
    return not (tail.endswith(("-", ",")) or last in _JOINING_ENDS)


def _continues_row(previous: list[Cell], first: list[Cell]) -> bool:
    """Is `first` (the next page's first body row) the rest of the row `previous`?"""
    if not previous or not first:
        return False
    prev_by_col = {c.col: c for c in previous}
    first_by_col = {c.col: c for c in first}
    if [c.col for c in previous] != [c.col for c in first]:
        return False
    label_prev = prev_by_col.get(0)
    label_first = first_by_col.get(0)
    filled_first = [c for c in first if c.text]
    if label_prev and label_prev.text and label_first is not None and not label_first.text and filled_first:
        # the label column is empty only when the row carries on; a real new row has its label
        others_prev = [c for c in previous if c.col != 0 and c.text]
        if others_prev and not any(c.bold for c in filled_first):
            return True
    if label_prev and label_first and _starts_new(label_prev.text, label_first.text):
        return False  # a new label/title in the first column: lower-case dates ("våren 2026") do not carry on
    for col, cell in first_by_col.items():
        before = prev_by_col.get(col)
        if not cell.text or before is None or not before.text:
            continue
        if before.text.endswith("-") and cell.text[:1].islower():
            return True
        if cell.text[:1].islower() and not before.text.rstrip().endswith((".", ":", "!", "?")):
            return True
    return False


def _join_cells(upper: Cell, lower: Cell, lang: str) -> Cell:
    if not lower.text:
        return upper
    if not upper.text:
        return replace(upper, text=lower.text, paragraphs=list(lower.paragraphs))
    text = join_lines([upper.text, lower.text], lang=lang)
    paragraphs = list(upper.paragraphs)
    if paragraphs and lower.paragraphs:
        paragraphs[-1] = join_lines([paragraphs[-1], lower.paragraphs[0]], lang=lang)
        paragraphs.extend(lower.paragraphs[1:])
    return replace(upper, text=text, paragraphs=paragraphs)


def append_piece(head: Table, piece: Table, lang: str = "sv") -> Table:
    """Join `piece` (next page) under `head`."""
    skip = 0
    if head.header_rows and piece.n_rows > head.header_rows:
        head_header = [_row_texts(head, r) for r in range(head.header_rows)]
        piece_header = [_row_texts(piece, r) for r in range(head.header_rows)]
        if head_header == piece_header:
            skip = head.header_rows
    elif piece.header_rows and _row_texts(piece, 0) == _row_texts(head, 0):
        skip = piece.header_rows
    cells = list(head.cells)
    offset = head.n_rows - skip
    row_pages = list(head.row_pages) or [head.page_start] * head.n_rows
    first_body = [c for c in piece.cells if c.row == skip]
    last_row = head.n_rows - 1
    mended = False
    if _continues_row(head.row_cells(last_row), sorted(first_body, key=lambda c: c.col)):
        by_col = {c.col: c for c in first_body}
        cells = [
            _join_cells(c, by_col[c.col], lang) if c.row == last_row and c.col in by_col else c for c in cells
        ]
        offset -= 1
        mended = True
    for cell in piece.cells:
        if cell.row < skip or (mended and cell.row == skip):
            continue
        cells.append(replace(cell, row=cell.row + offset))
    n_rows = piece.n_rows + offset
    piece_pages = list(piece.row_pages) or [piece.page_start] * piece.n_rows
    row_pages.extend(piece_pages[skip + (1 if mended else 0) :])
    return Table(
        page_start=head.page_start,
        page_end=piece.page_end,
        bbox=head.bbox,
        n_rows=n_rows,
        n_cols=head.n_cols,
        cells=cells,
        header_rows=head.header_rows,
        method=head.method,
        row_pages=row_pages[:n_rows],
    )


def join_across_pages(pages: list[PageLayout], lang: str = "sv") -> None:
    """Merge continued tables in place: the joined table stays on its first page."""
    for index in range(len(pages) - 1, 0, -1):
        page, before = pages[index], pages[index - 1]
        if not page.tables or not before.tables:
            continue
        first = min(page.tables, key=lambda t: t.bbox[1])
        last = max(before.tables, key=lambda t: t.bbox[3])
        if not (_is_first_on_page(first, page) and _is_last_on_page(last, before)):
            continue
        if not _same_columns(last, first):
            continue
        if first.header_rows and not _same_header(last, first):
            continue  # a new table with its own heading row, laid out like the one before
        joined = append_piece(last, first, lang)
        before.tables[before.tables.index(last)] = joined
        page.tables.remove(first)
