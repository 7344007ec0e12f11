"""Paragraphs broken by a column or page break, joined again.

A two-column report's sentence that runs from the foot of one column to the top of the next
("… fysisk aktivitet per dag, och att" / "skillnaderna mellan skolor … skulle minska.") comes out
of reading order as two blocks; every reader of sentences (goals, assessments, organisations)
would see two fragments. A block that stops mid-sentence and a block of the same type that
starts with a small letter after a column or page break are one paragraph.
"""

from __future__ import annotations

import re

from extractors.pdf.dehyphen import join_lines
from extractors.pdf.structures import Block, PageLayout

_ENDS_MID_SENTENCE = re.compile(r"[\wåäöæø,–-]$")
_STARTS_LOWER = re.compile(r"^[a-zåäöæøéü]")


def join_broken_paragraphs(pages: list[PageLayout], lang: str = "sv") -> None:
    """Merge, in place, each block continued after a column break or on the next page."""
    for page in pages:
        kept: list[Block] = []
        for block in page.blocks:
            if kept and _continues(kept[-1], block, same_page=True):
                kept[-1] = _merged(kept[-1], block, lang)
            else:
                kept.append(block)
        page.blocks = kept
    for before, page in zip(pages, pages[1:], strict=False):
        if before.blocks and page.blocks and _continues(before.blocks[-1], page.blocks[0], same_page=False):
            before.blocks[-1] = _merged(before.blocks[-1], page.blocks[0], lang)
            page.blocks = page.blocks[1:]


def _continues(first: Block, second: Block, *, same_page: bool) -> bool:
    if first.kind != "text" or second.kind != "text" or first.shaded or second.shaded:
        return False
    if abs(first.size - second.size) > 0.6 or first.bold != second.bold:
        return False
    if not (_ENDS_MID_SENTENCE.search(first.text.rstrip()) and _STARTS_LOWER.match(second.text.lstrip())):
        return False
    # within a page only across a column break: the next block starts higher up or in another column
    return not same_page or second.column != first.column or second.bbox[1] < first.bbox[1]


def _merged(first: Block, second: Block, lang: str) -> Block:
    head = first.lines or [first.text]
    lines = [*head, *(second.lines or [second.text])]
    if second.page != first.page:  # where the next page's part begins, for the provenance of what is in it
        first.continued.append((len(join_lines(head, lang=lang)), second.page))
    first.continued.extend(second.continued)
    first.text = join_lines(lines, lang=lang)
    first.lines = lines
    first.ocr = first.ocr or second.ocr
    return first
