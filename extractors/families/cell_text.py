"""The printed lines of a table cell, read back from its page's words, and their joined text.

Shared by the plan table reader (a title cell's "-" items) and the row extras (a column of bullets).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.families.common import clean

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.pdf.model import Word
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


def _words_in(ctx: ExtractionContext, cell: Cell) -> list[Word]:
    document = getattr(ctx.layout, "document", None)
    if document is None or not (1 <= cell.page <= len(document.pages)):
        return []
    x0, top, x1, bottom = cell.bbox
    return [
        w
        for w in document.pages[cell.page - 1].words
        if w.text.strip()
        and x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1
        and top - 1 <= (w.top + w.bottom) / 2 <= bottom + 1
    ]


def has_turned_words(ctx: ExtractionContext, page_number: int) -> bool:
    """The page prints some text turned a quarter (a rotated column label)."""
    document = getattr(ctx.layout, "document", None)
    if document is None or not (1 <= page_number <= len(document.pages)):
        return False
    return any(not w.upright for w in document.pages[page_number - 1].words)


def turned_text(ctx: ExtractionContext, cell: Cell, lang: str | None) -> str | None:
    """The text of a cell printed turned a quarter ("Goda levnadsvanor" read bottom to top in a
    merged first column), its words in the order the page reads them; None when any word of the
    cell stands upright. Sorted from the top down, such a cell reads backwards ("levnadsvanor Goda")."""
    words = _words_in(ctx, cell)
    if not words or any(w.upright for w in words):
        return None
    return join_cell_lines([w.text for w in words], lang)


def bold_head_lines(ctx: ExtractionContext, cell: Cell) -> tuple[list[str], list[str]] | None:
    """(bold lines, the lines under them) of a cell that prints a bold heading over plain text
    ("Digitalisering av fotoarkivet" over "Fotosamlinga … fylkesarkivet."); None for any other cell."""
    words = sorted(_words_in(ctx, cell), key=lambda w: (w.top, w.x0))
    lines: list[tuple[float, list[Word]]] = []
    for word in words:
        if lines and abs(word.top - lines[-1][0]) <= max(2.0, (word.bottom - word.top) * 0.4):
            lines[-1][1].append(word)
        else:
            lines.append((word.top, [word]))
    bold = [all(w.bold for w in ws) for _, ws in lines]
    heads = next((i for i, b in enumerate(bold) if not b), len(bold))
    if heads == 0 or heads == len(bold) or any(bold[heads:]):
        return None
    as_text = [" ".join(w.text for w in sorted(ws, key=lambda w: w.x0)) for _, ws in lines]
    return as_text[:heads], as_text[heads:]
