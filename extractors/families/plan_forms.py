"""Plans that print each action as a form: a two-column table of labels and values.

"Aktivitet | 1.1 Utveckla servicepunkter …", "Ansvarig | Kommunledningskontoret", "Tidplan | 2025–2026",
"Kostnad | 350 000 kr" — one small table per action, the column names down its left side. Turned a
quarter, it is a plan table of one row, read like any other.
"""

from __future__ import annotations

import dataclasses

from extractors.families.common import clean
from extractors.normalise.columns import role_of
from extractors.pdf.structures import Cell, Table

MIN_NAMED_LABELS = 3


def as_plan_row(table: Table, lang: str | None) -> Table | None:
    """The form turned into a one-row plan table (labels its header), or None when it is no such form."""
    if (
        table.n_cols != 2
        or table.n_rows < MIN_NAMED_LABELS
        or any(c.col_span > 1 or c.row_span > 1 for c in table.cells)
    ):
        return None
    grid = table.grid()
    labels = [row[0] for row in grid]
    values = [row[1] for row in grid]
    if any(cell is None for cell in labels):
        return None
    roles = [role_of(clean(cell.text), lang) for cell in labels if cell is not None]
    if "title" not in roles or sum(r is not None for r in roles) < MIN_NAMED_LABELS:
        return None
    cells: list[Cell] = []
    for col, (label, value) in enumerate(zip(labels, values, strict=True)):
        assert label is not None
        cells.append(dataclasses.replace(label, row=0, col=col, row_span=1, col_span=1))
        if value is not None and clean(value.text):
            cells.append(dataclasses.replace(value, row=1, col=col, row_span=1, col_span=1))
    first_page = table.row_pages[0] if table.row_pages else table.page_start
    return dataclasses.replace(
        table,
        n_rows=2,
        n_cols=len(labels),
        cells=cells,
        header_rows=1,
        row_pages=[first_page, first_page],
    )
