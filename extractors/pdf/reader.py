"""Open a PDF once and turn each page into the page model.

Bad input is turned into `UnreadablePDF` with a message a person understands; callers
record it as a failed document. Pages are parsed one at a time and pdfplumber's caches are
flushed after each, so memory stays bounded by one page's objects.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from extractors.pdf.model import Box, ImageArea, Page, ParsedDocument, Rule, Word

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_ITALIC = re.compile(r"italic|oblique", re.IGNORECASE)
RULE_THICKNESS = 2.5  # filled rectangles thinner than this are ruling lines


class UnreadablePDF(Exception):
    """The file cannot be read as a PDF; the message is meant for the user."""


def check_file(path: str) -> None:
    """Cheap checks before a parser sees the file: existence, size, magic bytes."""
    if not os.path.exists(path):
        raise UnreadablePDF("file not found: it was moved or deleted before it could be read")
    size = os.path.getsize(path)
    if size == 0:
        raise UnreadablePDF("empty file: 0 bytes")
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if b"%PDF" not in head:
        kind = _sniff(head)
        raise UnreadablePDF(f"not a PDF: the file is {kind} (no %PDF header)")


def _sniff(head: bytes) -> str:
    signatures = {
        b"\x89PNG": "a PNG image",
        b"\xff\xd8\xff": "a JPEG image",
        b"GIF8": "a GIF image",
        b"PK\x03\x04": "a ZIP archive (perhaps a Word or PowerPoint file)",
        b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
        b"II*\x00": "a TIFF image",
        b"MM\x00*": "a TIFF image",
    }
    for magic, kind in signatures.items():
        if head.startswith(magic):
            return kind
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    return "not a recognised format"


def _explain(exc: BaseException) -> str:
    parts = [exc, *exc.args, exc.__cause__, exc.__context__]
    text = " ".join(f"{type(p).__name__}: {p}" for p in parts if p is not None)
    lowered = text.lower()
    if "password" in lowered or "encrypt" in lowered:
        return "encrypted PDF: a password is required"
    if "eof" in lowered or "xref" in lowered or "trailer" in lowered or "startxref" in lowered:
        return "damaged PDF: the file is truncated or its cross-reference table is missing"
    if "no /root" in lowered or "root object" in lowered or "catalog" in lowered:
        return "damaged PDF: the document catalogue is missing"
    return f"damaged PDF: {text.splitlines()[0][:200]}"


def _color(value: Any) -> tuple[float, ...] | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        return (float(value),)
    try:
        return tuple(float(v) for v in value)
    except (TypeError, ValueError):
        return None


def _words(page: Any) -> list[Word]:
    raw = page.extract_words(
        keep_blank_chars=False,
        use_text_flow=False,
        extra_attrs=["fontname", "size", "upright"],
        x_tolerance=1.5,
        y_tolerance=2.0,
    )
    words: list[Word] = []
    for w in raw:
        font = str(w.get("fontname", ""))
        previous = words[-1] if words else None
        size = float(w.get("size", 0.0))
        if (
            previous is not None
            and abs(previous.top - float(w["top"])) < 1.0
            and -0.5 < float(w["x0"]) - previous.x1 < 0.05 * max(size, 1.0)
        ):
            # A "space" with no advance: an encoded soft hyphen (browsers write every U+00AD
            # as a zero-width space), so both pieces are one word.
            words[-1] = _merged(previous, str(w["text"]), float(w["x1"]), float(w["bottom"]))
            continue
        words.append(
            Word(
                text=str(w["text"]),
                x0=float(w["x0"]),
                top=float(w["top"]),
                x1=float(w["x1"]),
                bottom=float(w["bottom"]),
                font=font,
                size=round(float(w.get("size", 0.0)), 2),
                bold=bool(_BOLD.search(font)),
                italic=bool(_ITALIC.search(font)),
                upright=bool(w.get("upright", True)),
            )
        )
    return words


def _merged(word: Word, text: str, x1: float, bottom: float) -> Word:
    return Word(
        text=word.text + text,
        x0=word.x0,
        top=word.top,
        x1=max(word.x1, x1),
        bottom=max(word.bottom, bottom),
        font=word.font,
        size=word.size,
        bold=word.bold,
        italic=word.italic,
        upright=word.upright,
    )


def _graphics(page: Any) -> tuple[list[Rule], list[Box]]:
    rules: list[Rule] = []
    boxes: list[Box] = []
    for line in page.lines:
        x0, x1 = float(line["x0"]), float(line["x1"])
        top, bottom = float(line["top"]), float(line["bottom"])
        orientation = "h" if abs(bottom - top) <= abs(x1 - x0) else "v"
        rules.append(Rule(x0, top, x1, bottom, orientation, float(line.get("linewidth") or 0.0)))
    for rect in page.rects:
        x0, x1 = float(rect["x0"]), float(rect["x1"])
        top, bottom = float(rect["top"]), float(rect["bottom"])
        width, height = x1 - x0, bottom - top
        if height <= RULE_THICKNESS and width > height:
            rules.append(Rule(x0, top, x1, bottom, "h", height))
        elif width <= RULE_THICKNESS and height > width:
            rules.append(Rule(x0, top, x1, bottom, "v", width))
        else:
            fill = _color(rect.get("non_stroking_color")) if rect.get("fill") else None
            boxes.append(Box(x0, top, x1, bottom, fill, bool(rect.get("stroke"))))
            if rect.get("stroke"):  # a stroked rectangle also draws four rules
                rules.extend(
                    [
                        Rule(x0, top, x1, top, "h"),
                        Rule(x0, bottom, x1, bottom, "h"),
                        Rule(x0, top, x0, bottom, "v"),
                        Rule(x1, top, x1, bottom, "v"),
                    ]
                )
    return rules, boxes


def _page(page: Any, number: int) -> Page:
    warnings: list[str] = []
    try:
        words = _words(page)
    except Exception as exc:  # a broken content stream: keep the page, note it
        words = []
        warnings.append(f"page {number}: text could not be read ({_explain(exc)})")
    try:
        rules, boxes = _graphics(page)
    except Exception as exc:
        rules, boxes = [], []
        warnings.append(f"page {number}: graphics could not be read ({_explain(exc)})")
    images: list[ImageArea] = []
    try:
        for img in page.images:
            images.append(
                ImageArea(float(img["x0"]), float(img["top"]), float(img["x1"]), float(img["bottom"]))
            )
    except Exception:
        warnings.append(f"page {number}: images could not be listed")
    return Page(
        number=number,
        width=float(page.width),
        height=float(page.height),
        rotation=int(page.rotation or 0) % 360,
        words=words,
        rules=rules,
        boxes=boxes,
        images=images,
        warnings=warnings,
    )


def read_pdf(
    path: str,
    password: str | None = None,
    on_page: Callable[[int, int], None] | None = None,
    max_pages: int | None = None,
) -> ParsedDocument:
    """Parse every page of `path` into the page model.

    `on_page(done, total)` is called after each page (progress bars). Raises
    `UnreadablePDF` when the file cannot be opened at all; a page that fails is kept
    empty with a warning so the rest of the document still comes out.
    """
    import pdfplumber

    check_file(path)
    try:
        pdf = pdfplumber.open(path, password=password or "")
    except Exception as exc:
        raise UnreadablePDF(_explain(exc)) from None
    with pdf:
        try:
            total = len(pdf.pages)
            metadata = {str(k): _meta_text(v) for k, v in (pdf.metadata or {}).items()}
        except Exception as exc:
            raise UnreadablePDF(_explain(exc)) from None
        if total == 0:
            raise UnreadablePDF("the PDF has no pages")
        pages: list[Page] = []
        limit = total if max_pages is None else min(total, max_pages)
        for index in range(limit):
            try:
                plumber_page = pdf.pages[index]
                pages.append(_page(plumber_page, index + 1))
                plumber_page.close()
            except Exception as exc:
                pages.append(
                    Page(
                        number=index + 1,
                        width=0.0,
                        height=0.0,
                        warnings=[f"page {index + 1}: {_explain(exc)}"],
                    )
                )
            if on_page is not None:
                on_page(index + 1, limit)
    doc = ParsedDocument(path=path, pages=pages, metadata=metadata)
    for page in pages:
        doc.warnings.extend(page.warnings)
    return doc


def _meta_text(value: Any) -> str:
    if isinstance(value, bytes):
        for encoding in ("utf-16", "utf-8", "latin-1"):
            try:
                return value.decode(encoding).strip("\x00")
            except UnicodeDecodeError:
                continue
    if isinstance(value, list):
        return ", ".join(_meta_text(v) for v in value)
    return str(value)
