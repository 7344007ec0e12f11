"""The PDFium backend (pypdfium2): C++ parsing, the same page model as the pdfplumber backend.

Characters come from PDFium's text page and are boxed the way pdfminer boxes them (origin,
advance, font descent and size), then grouped into words by `chars.words_from_chars`; path
objects are split into subpaths and classified into lines and rectangles with pdfminer's
rules. PDFium objects are not thread-safe (the pipeline uses processes) and every page,
text page and document is closed as soon as it is done, so memory stays bounded.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

from extractors.pdf.backends.base import (
    Geometry,
    ProgressFn,
    RawLine,
    RawRect,
    UnreadablePDF,
    build_words,
    document,
    explain,
    failed_page,
    graphics,
    meta_text,
)
from extractors.pdf.backends.chars import Char, words_from_chars
from extractors.pdf.model import Box, ImageArea, Page, ParsedDocument, Rule, Word

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _encrypted(exc: BaseException) -> bool:
    """PDFium's password and security-handler errors (pypdfium2 puts the reason in the message)."""
    lowered = str(exc).lower()
    return "password error" in lowered or "security error" in lowered or "security scheme" in lowered


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


class _Fonts:
    """Font name and descent per text object; a page reuses few fonts across many objects."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.cache: dict[int, tuple[str, float, float]] = {}
        self.buffer = ctypes.create_string_buffer(512)

    def info(self, obj: Any) -> tuple[str, float, float]:
        """(base font name, font size, descent at that size) of a text object."""
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        found = self.cache.get(key)
        if found is not None:
            return found
        raw = self.raw
        size = ctypes.c_float(0.0)
        raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
        font = raw.FPDFTextObj_GetFont(obj)
        name = ""
        descent = ctypes.c_float(0.0)
        if font:
            length = raw.FPDFFont_GetBaseFontName(font, self.buffer, len(self.buffer))
            if length > 1:
                name = self.buffer.raw[: min(length, len(self.buffer)) - 1].decode("utf-8", "replace")
            raw.FPDFFont_GetDescent(font, ctypes.c_float(size.value), ctypes.byref(descent))
        found = (name, float(size.value), float(descent.value))
        self.cache[key] = found
        return found


def _chars(raw: Any, textpage: Any, geometry: Geometry) -> Iterator[Char]:
    """Every real character (PDFium's generated spaces and line breaks skipped), pdfminer-boxed."""
    fonts = _Fonts(raw)
    x, y = ctypes.c_double(), ctypes.c_double()
    matrix = raw.FS_MATRIX()
    loose = raw.FS_RECTF()
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    count = raw.FPDFText_CountChars(textpage)
    index = 0
    while index < count:
        i = index
        index += 1
        if raw.FPDFText_IsGenerated(textpage, i):
            continue
        code = raw.FPDFText_GetUnicode(textpage, i)
        if code == 0:
            continue
        if 0xD800 <= code <= 0xDBFF and index < count:  # a UTF-16 pair: one character
            low = raw.FPDFText_GetUnicode(textpage, index)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                index += 1
        if code == 2:  # PDFium's mark for a hyphen that ends a line
            code = 0x2D
        text = "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)
        obj = raw.FPDFText_GetTextObject(textpage, i)
        font, font_size, descent = fonts.info(obj) if obj else ("", 0.0, 0.0)
        raw.FPDFText_GetMatrix(textpage, i, ctypes.byref(matrix))
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        upright = geometry.upright(a, b, c, d)
        if b == 0 and c == 0 and a > 0 and font_size > 0:
            raw.FPDFText_GetCharOrigin(textpage, i, ctypes.byref(x), ctypes.byref(y))
            raw.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(loose))
            y0 = y.value + descent * d
            y1 = y0 + font_size * d
            x0, top_, x1, bottom_ = geometry.rect(((x.value, y0), (max(loose.right, x.value), y1)))
            size = abs(font_size * d) if geometry.ctm[1] == 0 else x1 - x0
        else:  # rotated or mirrored text: PDFium's glyph box
            raw.FPDFText_GetCharBox(
                textpage, i, ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top)
            )
            x0, top_, x1, bottom_ = geometry.rect(((left.value, bottom.value), (right.value, top.value)))
            size = bottom_ - top_
        yield Char(text, x0, top_, x1, bottom_, upright, font, size)


def _objects(raw: Any, page: Any) -> Iterator[tuple[Any, int, Matrix]]:
    """Path and image objects with the matrix of the forms that hold them (forms flattened)."""
    stack: list[tuple[Any, int, Matrix, bool]] = []
    count = raw.FPDFPage_CountObjects(page)
    stack.extend((raw.FPDFPage_GetObject(page, i), 0, IDENTITY, False) for i in reversed(range(count)))
    form = raw.FPDF_PAGEOBJ_FORM
    while stack:
        obj, _, outer, _ = stack.pop()
        if not obj:
            continue
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == form:
            m = raw.FS_MATRIX()
            raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
            inner = _multiply((m.a, m.b, m.c, m.d, m.e, m.f), outer)
            n = raw.FPDFFormObj_CountObjects(obj)
            stack.extend((raw.FPDFFormObj_GetObject(obj, i), 0, inner, False) for i in reversed(range(n)))
        elif kind in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE):
            yield obj, kind, outer


def _subpaths(raw: Any, path: Any, matrix: Matrix) -> list[list[tuple[str, float, float]]]:
    """A path object's segments as pdfminer-style subpaths of (operator, x, y) in page space."""
    subpaths: list[list[tuple[str, float, float]]] = []
    current: list[tuple[str, float, float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    lineto, bezier, moveto = raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO, raw.FPDF_SEGMENT_MOVETO
    pending_curve = 0
    for i in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, i)
        kind = raw.FPDFPathSegment_GetType(segment)
        raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        px, py = _apply(matrix, x.value, y.value)
        if kind == moveto:
            if current:
                subpaths.append(current)
            current = [("m", px, py)]
            pending_curve = 0
        elif kind == lineto:
            current.append(("l", px, py))
        elif kind == bezier:
            pending_curve += 1
            if pending_curve == 3:  # two control points, then the end point
                current.append(("c", px, py))
                pending_curve = 0
        if raw.FPDFPathSegment_GetClose(segment) and current:
            current.append(("h", current[0][1], current[0][2]))
    if current:
        subpaths.append(current)
    return subpaths


def _classify(subpath: list[tuple[str, float, float]]) -> str | None:
    """pdfminer's reading of one subpath: "line", "rect" or None (a curve)."""
    shape = "".join(op for op, _, _ in subpath)
    pts = [(px, py) for _, px, py in subpath]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        del pts[-2]
    if shape in ("ml", "mlh"):
        return "line"
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = pts
        closed = pts[0] == last
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if closed and square:
            return "rect"
    return None


def _graphics(raw: Any, page: Any, geometry: Geometry) -> tuple[list[Rule], list[Box], list[ImageArea]]:
    lines: list[RawLine] = []
    rects: list[RawRect] = []
    images: list[ImageArea] = []
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    m = raw.FS_MATRIX()
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    width = ctypes.c_float()
    for obj, kind, outer in _objects(raw, page):
        raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
        matrix = _multiply((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            corners = [_apply(matrix, cx, cy) for cx, cy in ((0, 0), (1, 0), (0, 1), (1, 1))]
            images.append(ImageArea(*geometry.rect(corners)))
            continue
        raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke))
        filled, stroked = fill_mode.value != 0, bool(stroke.value)
        if not filled and not stroked:
            continue
        fill: tuple[float, ...] | None = None
        if filled and raw.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(v) for v in (r, g, b, a))):
            fill = (r.value / 255, g.value / 255, b.value / 255)
        raw.FPDFPageObj_GetStrokeWidth(obj, ctypes.byref(width))
        for subpath in _subpaths(raw, obj, matrix):
            found = _classify(subpath)
            if found is None:
                continue
            x0, top, x1, bottom = geometry.rect((px, py) for _, px, py in subpath)
            if found == "line":
                lines.append(RawLine(x0, top, x1, bottom, float(width.value)))
            else:
                rects.append(RawRect(x0, top, x1, bottom, fill if filled else None, stroked))
    rules, boxes = graphics(lines, rects)
    return rules, boxes, images


def _words(raw: Any, page: Any, geometry: Geometry) -> list[Word]:
    textpage = raw.FPDFText_LoadPage(page)
    if not textpage:
        raise RuntimeError("PDFium could not load the page's text")
    try:
        return build_words(words_from_chars(_chars(raw, textpage, geometry)))
    finally:
        raw.FPDFText_ClosePage(textpage)


def _page(raw: Any, pdf_page: Any, number: int) -> Page:
    page = pdf_page.raw
    rotation = int(pdf_page.get_rotation() or 0) % 360
    geometry = Geometry.of(tuple(pdf_page.get_mediabox()), rotation)
    warnings: list[str] = []
    try:
        words = _words(raw, page, geometry)
    except Exception as exc:
        words = []
        warnings.append(f"page {number}: text could not be read ({explain(exc)})")
    try:
        rules, boxes, images = _graphics(raw, page, geometry)
    except Exception as exc:
        rules, boxes, images = [], [], []
        warnings.append(f"page {number}: graphics could not be read ({explain(exc)})")
    return Page(
        number=number,
        width=geometry.width,
        height=geometry.height,
        rotation=rotation,
        words=words,
        rules=rules,
        boxes=boxes,
        images=images,
        warnings=warnings,
    )


def read(
    path: str,
    password: str | None = None,
    on_page: ProgressFn | None = None,
    max_pages: int | None = None,
) -> ParsedDocument:
    """Parse every page with PDFium; the caller has already run `check_file`."""
    import pypdfium2
    import pypdfium2.raw as raw

    try:
        pdf = pypdfium2.PdfDocument(path, password=password or None)
    except Exception as exc:
        if _encrypted(exc):
            raise UnreadablePDF("encrypted PDF: a password is required") from None
        # PDFium gives one code for every structural problem; pdfminer either recovers the
        # file or names the problem (no pages, no catalogue), so let it have its say.
        from extractors.pdf.backends import pdfplumber

        return pdfplumber.read(path, password, on_page, max_pages)
    try:
        try:
            total = len(pdf)
            metadata = {str(k): meta_text(v) for k, v in pdf.get_metadata_dict().items() if v}
        except Exception as exc:
            raise UnreadablePDF(explain(exc)) from None
        if total == 0:
            raise UnreadablePDF("the PDF has no pages")
        pages: list[Page] = []
        limit = total if max_pages is None else min(total, max_pages)
        for index in range(limit):
            try:
                pdf_page = pdf[index]
                try:
                    pages.append(_page(raw, pdf_page, index + 1))
                finally:
                    pdf_page.close()
            except Exception as exc:
                pages.append(failed_page(index + 1, exc))
            if on_page is not None:
                on_page(index + 1, limit)
    finally:
        pdf.close()
    return document(path, pages, metadata)
