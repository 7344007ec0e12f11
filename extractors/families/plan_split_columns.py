"""A wide plan table printed with its columns over two pages.

A spreadsheet too wide for the paper prints its first columns on one page and the rest on the next,
each part with the row numbers: "Nr | Aktivitet | Ansvarig" on page 1, "Nr | Tidplan | Kostnad |
Status" on page 2. Joined by their numbers, the parts are the one table they were.
"""

from __future__ import annotations

import dataclasses
import re

from extractors.families.common import clean
from extractors.normalise.columns import roles_of
from extractors.pdf.structures import Cell, Table

_NUMBER_HEADER = re.compile(r"(?i)^(?:nr|nr\.|nummer|no\.?|#|id|ref\.?)$")


def _numbers(table: Table) -> list[str] | None:
    """The first column's numbers under the header, one per row, or None where a row has none."""
    grid = table.grid()
    out: list[str] = []
    for row in grid[table.header_rows :]:
        cell = row[0]
        text = clean(cell.text) if cell is not None else ""
        if not text:
            return None
        out.append(text)
    return out


def _headers(table: Table) -> list[str]:
    return [clean(h) for h in table.header_texts()]


def join_split_columns(tables: list[Table], lang: str | None) -> list[Table]:
    """The tables with each part printed on the next page joined to the part before it."""
    out: list[Table] = []
    for table in tables:
        previous = out[-1] if out else None
        joined = _joined(previous, table, lang) if previous is not None else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(table)
    return out


def _joined(first: Table, second: Table, lang: str | None) -> Table | None:
    if not (first.header_rows and second.header_rows) or second.page_start != first.page_end + 1:
        return None
    head_a, head_b = _headers(first), _headers(second)
    if not (_NUMBER_HEADER.match(head_a[0]) and _NUMBER_HEADER.match(head_b[0])):
        return None
    if "title" not in roles_of(head_a, lang) or "title" in roles_of(head_b, lang) or second.n_cols < 2:
        return None
    numbers_a, numbers_b = _numbers(first), _numbers(second)
    if not numbers_a or numbers_a != numbers_b:
        return None
    shift = first.n_cols - 1
    offset = first.header_rows - second.header_rows
    added: list[Cell] = [
        dataclasses.replace(cell, col=cell.col + shift, row=cell.row + offset)
        for cell in second.cells
        if cell.col > 0 and cell.row + offset >= 0
    ]
    return dataclasses.replace(
        first, n_cols=first.n_cols + second.n_cols - 1, cells=first.cells + added, page_end=second.page_end
    )
