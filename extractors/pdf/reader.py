"""Open a PDF once and turn each page into the page model.

Bad input is turned into `UnreadablePDF` with a message a person understands; callers
record it as a failed document. The parsing itself is done by a backend (see
`extractors.pdf.backends`); both give the same pages, pdfium much faster.
"""

from __future__ import annotations

from collections.abc import Callable

from extractors.pdf.backends import BACKENDS, DEFAULT_BACKEND
from extractors.pdf.backends.base import RULE_THICKNESS, UnreadablePDF, check_file
from extractors.pdf.model import ParsedDocument

__all__ = ["BACKENDS", "DEFAULT_BACKEND", "RULE_THICKNESS", "UnreadablePDF", "check_file", "read_pdf"]


def read_pdf(
    path: str,
    password: str | None = None,
    on_page: Callable[[int, int], None] | None = None,
    max_pages: int | None = None,
    backend: str | None = None,
) -> ParsedDocument:
    """Parse every page of `path` into the page model.

    `on_page(done, total)` is called after each page (progress bars). Raises
    `UnreadablePDF` when the file cannot be opened at all; a page that fails is kept
    empty with a warning so the rest of the document still comes out. `backend` is
    "pdfium" or "pdfplumber" (None: the default).
    """
    name = backend or DEFAULT_BACKEND
    if name not in BACKENDS:
        raise ValueError(f"unknown PDF backend {name!r} (choose from {', '.join(BACKENDS)})")
    check_file(path)
    if name == "pdfplumber":
        from extractors.pdf.backends import pdfplumber

        return pdfplumber.read(path, password, on_page, max_pages)
    from extractors.pdf.backends import pdfium

    return pdfium.read(path, password, on_page, max_pages)
