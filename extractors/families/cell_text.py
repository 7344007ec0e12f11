"""The printed lines of a table cell, read back from its page's words, and their joined text.

Shared by the plan table reader (a title cell's "-" items) and the row extras (a column of bullets).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.families.common import clean

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.pdf.structures import Cell

# A line that opens an item of a list: "- ", "• ", "▪ "
ITEM_START = re.compile(r"^\s*[-–—•▪●◦*]\s*(?=\S)")


def cell_lines(ctx: ExtractionContext, cell: Cell) -> list[tuple[float, str]]:
    """The printed lines inside a cell as (top, text), read back from the page's words."""
    document = getattr(ctx.layout, "document", None)
    if document is None or not (1 <= cell.page <= len(document.pages)):
        return []
    page = document.pages[cell.page - 1]
    x0, top, x1, bottom = cell.bbox
    words = [
        w
        for w in page.words
        if (w.x0 + w.x1) / 2 >= x0 - 1
        and (w.x0 + w.x1) / 2 <= x1 + 1
        and (w.top + w.bottom) / 2 >= top - 1
        and (w.top + w.bottom) / 2 <= bottom + 1
    ]
    words.sort(key=lambda w: (w.top, w.x0))
    lines: list[tuple[float, float, list[str]]] = []
    for word in words:
        if lines and abs(word.top - lines[-1][0]) <= max(2.0, (word.bottom - word.top) * 0.4):
            lines[-1][2].append(word.text)
        else:
            lines.append((word.top, word.bottom, [word.text]))
    return [(t, " ".join(ws)) for t, _, ws in lines]


def join_cell_lines(lines: list[str], lang: str | None) -> str:
    try:
        from extractors.pdf.dehyphen import join_lines

        return clean(join_lines(lines, lang or "sv", cell=True))
    except Exception:  # noqa: BLE001 - fall back to plain joining
        return clean(" ".join(lines))
