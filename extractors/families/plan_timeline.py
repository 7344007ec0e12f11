"""A plan table's timeline drawn as columns: one column per year, quarter, half-year or month
("2025 | 2026 | 2027", a year row over "Kv1 | Kv2 | Kv3 | Kv4"), an activity's time marked by an
"X" in the periods it runs or by shading those cells, as Gantt charts in Word do.

The first and last marked column give the activity's start and end, written as the headers print
them ("Kv2 2025", "Kv1 2026"), so the dates are normalised like any other date cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.families.common import clean
from extractors.normalise.dates import parse_when
from extractors.pdf.structures import Cell, Table

# What a Gantt cell holds where the activity runs: a cross, a tick, a dot, a filled square, a ticked
# or crossed box ("☒", "☑"), also as the Wingdings symbols Word inserts (private-use code points:
# \uf0fc tick, \uf0fb cross, \uf0fd/\uf0fe crossed/ticked box, \uf06c dot, \uf06e square). An empty
# box or ring ("☐", "□", "○") says the activity does not run that period and is no mark.
MARK = re.compile(r"(?i)^(?:x+|[✓✔✗✘✕✖✅●•■▪◼◾█◉⬤☒☑⊠\uf0fc\uf0fb\uf0fd\uf0fe\uf06c\uf06e*+]|ja|yes)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_SHORT_QUARTER = re.compile(r"(?i)^K(\d)$")  # "K1" in a quarter row: kvartal 1
_SPANS = ("year", "half", "quarter", "month")


@dataclass(frozen=True)
class Slot:
    """One timeline column: its column index and the period its header prints."""

    col: int
    label: str


def timeline_slots(table: Table, taken: set[int]) -> list[Slot]:
    """The table's timeline columns, left to right; none unless two or more read as periods."""
    if not table.header_rows:
        return []
    stacks: list[list[str]] = [[] for _ in range(table.n_cols)]
    for cell in sorted((c for c in table.cells if c.row < table.header_rows), key=lambda c: c.row):
        text = clean(cell.text)
        for col in range(cell.col, min(table.n_cols, cell.col + cell.col_span)):
            if text and text not in stacks[col]:
                stacks[col].append(text)
    slots = [
        Slot(col, label)
        for col, stack in enumerate(stacks)
        if col not in taken and (label := _period_label(stack)) is not None
    ]
    return slots if len(slots) >= 2 else []


def _period_label(stack: list[str]) -> str | None:
    """ "2025" over "Kv2" -> "Kv2 2025"; "2026" alone -> "2026"; None when it is no period."""
    if not stack:
        return None
    lowest = _SHORT_QUARTER.sub(r"Kv\1", stack[-1])
    years = [t for t in stack[:-1] if _YEAR.match(t)]
    label = f"{lowest} {years[-1]}" if years and not re.search(r"(?:19|20)\d\d", lowest) else lowest
    when = parse_when(label)
    if when is None or when.start is None or when.end is None or when.precision not in _SPANS:
        return None
    return label


def marked_span(table: Table, row: int, slots: list[Slot]) -> tuple[str, str | None] | None:
    """(start label, end label or None when one period) of the slots marked in a row."""
    by_col = {slot.col: slot for slot in slots}
    cells = table.row_cells(row)
    row_shaded = bool(cells) and all(c.shaded for c in cells)  # a striped row marks nothing
    marked: list[Slot] = []
    for cell in cells:
        if _marks(cell, row_shaded):
            marked += [by_col[c] for c in range(cell.col, cell.col + cell.col_span) if c in by_col]
    if not marked:
        return None
    marked.sort(key=lambda s: s.col)
    first, last = marked[0], marked[-1]
    return first.label, (last.label if last.col != first.col else None)


def _marks(cell: Cell, row_shaded: bool) -> bool:
    text = clean(cell.text)
    if text:
        return MARK.match(text) is not None
    return cell.shaded and not row_shaded
