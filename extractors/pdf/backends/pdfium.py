"""The PDFium backend (pypdfium2): C++ parsing, the same page model as the pdfplumber backend.

Characters come from PDFium's text page and are boxed the way pdfminer boxes them (origin,
advance, font descent and size), then grouped into words by `chars.words_from_chars`; path
objects are split into subpaths and classified into lines and rectangles with pdfminer's
rules. PDFium objects are not thread-safe (the pipeline uses processes) and every page,
text page and document is closed as soon as it is done, so memory stays bounded.
"""

from __future__ import annotations

import ctypes
import math
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
from extractors.pdf.backends.forms import (
    FIELD_MULTILINE,
    FIELD_PASSWORD,
    HIDDEN_FLAGS,
    RawField,
    form_words,
)
from extractors.pdf.model import Box, ImageArea, Page, ParsedDocument, Rule, Word

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


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


# Descent per em of the standard fonts (Adobe's metrics), for fonts that are not embedded.
_BASE14_DESCENT = {
    **{f"Courier{s}": -0.194 for s in ("", "-Bold", "-BoldOblique", "-Oblique")},
    **{f"CourierNew{s}": -0.194 for s in ("", ",Italic", ",Bold", ",BoldItalic")},
    **{f"Helvetica{s}": -0.207 for s in ("", "-Bold", "-BoldOblique", "-Oblique")},
    **{f"Arial{s}": -0.207 for s in ("", ",Italic", ",Bold", ",BoldItalic")},
    **{f"Times-{s}": -0.217 for s in ("Roman", "Bold", "BoldItalic", "Italic")},
    **{f"TimesNewRoman{s}": -0.217 for s in ("", ",Italic", ",Bold", ",BoldItalic")},
    "Symbol": 0.0,
    "ZapfDingbats": 0.0,
}


def _address(pointer: Any) -> int:
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def _fast(function: Any, restype: Any, *argtypes: Any) -> Any:
    """The same PDFium function with plain C types: no pointer objects made per call."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(_address(function))


class _Fonts:
    """Base font name and descent per em, per font: browsers make a text object of every glyph,
    but all of them share a handful of fonts."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.cache: dict[int, tuple[str, float]] = {}
        self.buffer = ctypes.create_string_buffer(512)

    def info(self, address: int) -> tuple[str, float]:
        found = self.cache.get(address)
        if found is not None:
            return found
        raw = self.raw
        font = ctypes.cast(address, raw.FPDF_FONT)
        name = ""
        length = raw.FPDFFont_GetBaseFontName(font, self.buffer, len(self.buffer))
        if length > 1:
            name = self.buffer.raw[: min(length, len(self.buffer)) - 1].decode("utf-8", "replace")
        descent = ctypes.c_float(0.0)
        raw.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), ctypes.byref(descent))
        per_em = float(descent.value) / 1000.0
        if raw.FPDFFont_GetIsEmbedded(font) == 0 and name in _BASE14_DESCENT:
            per_em = _BASE14_DESCENT[name]  # the Adobe metrics pdfminer uses, not PDFium's stand-in font
        found = (name, per_em)
        self.cache[address] = found
        return found


def _char_box(
    m: Any, ox: float, oy: float, loose: Any, font_size: float, descent: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Two corners of pdfminer's character box in user space: from the origin along the advance,
    and from the font's descent to one em above it across the line."""
    if m.b == 0 and m.c == 0 and font_size > 0:  # written along x
        far = loose.right if m.a >= 0 else loose.left
        return (ox, oy + descent * m.d), (far, oy + (descent + font_size) * m.d)
    if m.a == 0 and m.d == 0 and font_size > 0:  # written along y (turned a quarter)
        far = loose.top if m.b >= 0 else loose.bottom
        return (ox + descent * m.c, oy), (ox + (descent + font_size) * m.c, far)
    return (loose.left, loose.bottom), (loose.right, loose.top)


def _chars(raw: Any, textpage: Any, geometry: Geometry, order: dict[int, int]) -> list[Char]:
    """Every real character (PDFium's generated spaces and line breaks skipped), pdfminer-boxed,
    in content-stream order (`order`: text object address -> position), which PDFium's text
    page does not always keep and pdfplumber's word grouping depends on."""
    fonts = _Fonts(raw)
    page = _address(textpage)
    vp, i32 = ctypes.c_void_p, ctypes.c_int
    generated = _fast(raw.FPDFText_IsGenerated, i32, vp, i32)
    unicode = _fast(raw.FPDFText_GetUnicode, ctypes.c_uint, vp, i32)
    text_object = _fast(raw.FPDFText_GetTextObject, vp, vp, i32)
    object_font = _fast(raw.FPDFTextObj_GetFont, vp, vp)
    object_size = _fast(raw.FPDFTextObj_GetFontSize, i32, vp, vp)
    char_matrix = _fast(raw.FPDFText_GetMatrix, i32, vp, i32, vp)
    origin = _fast(raw.FPDFText_GetCharOrigin, i32, vp, i32, vp, vp)
    loose_box = _fast(raw.FPDFText_GetLooseCharBox, i32, vp, i32, vp)
    glyph_box = _fast(raw.FPDFText_GetCharBox, i32, vp, i32, vp, vp, vp, vp)
    left, right, low, high = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    left_at, right_at = ctypes.addressof(left), ctypes.addressof(right)
    bottom_at, top_at = ctypes.addressof(low), ctypes.addressof(high)
    x, y, loose, m = ctypes.c_double(), ctypes.c_double(), raw.FS_RECTF(), raw.FS_MATRIX()
    size_value = ctypes.c_float()
    x_at, y_at, loose_at = ctypes.addressof(x), ctypes.addressof(y), ctypes.addressof(loose)
    m_at, size_at = ctypes.addressof(m), ctypes.addressof(size_value)
    keyed: list[tuple[int, int, Char]] = []
    late = len(order)
    along_x, previous = False, -2
    last = position = font_id = 0
    font, font_size, descent, upright, upward, em = "", 0.0, 0.0, True, False, 0.0
    count = raw.FPDFText_CountChars(textpage)
    index = 0
    while index < count:
        i = index
        index += 1
        if generated(page, i):
            continue
        code = unicode(page, i)
        # code 0 is a glyph without a Unicode mapping: kept (as pdfminer keeps it) and marked
        # unreadable when words are built, so a lone unmapped bullet still opens its line
        if 0xD800 <= code <= 0xDBFF and index < count:  # a UTF-16 pair: one character
            low = unicode(page, index)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                index += 1
        if code == 2:  # PDFium's mark for a hyphen that ends a line
            code = 0x2D
        text = "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)
        address = text_object(page, i)
        if not address:
            continue
        if address != last:  # a new text object: its font, size and matrix
            last = address
            position = order.get(address, late)
            font_address = font_id = object_font(address) or 0
            font, per_em = fonts.info(font_address) if font_address else ("", 0.0)
            size_value.value = 0.0
            object_size(address, size_at)
            font_size = float(size_value.value)
            descent = per_em * font_size
            char_matrix(page, i, m_at)
            upright, upward = geometry.orientation(m.a, m.b, m.c, m.d)
            upward = upward and not upright
            # The em size. pdfminer takes the box height, the same for upright text; for turned
            # text that is each glyph's advance, which splits every rotated word into letters.
            em = font_size * math.hypot(m.c, m.d)
            along_x = geometry.ctm[0] == 1.0 and m.a > 0 and m.b == 0 and m.c == 0
            previous = -2  # a new object: no glyph before it to trim
        origin(page, i, x_at, y_at)
        loose_box(page, i, loose_at)
        (ax, ay), (bx, by) = _char_box(m, x.value, y.value, loose, font_size, descent)
        x0, top, x1, bottom = geometry.box(ax, ay, bx, by)
        if along_x and i == previous + 1 and keyed and keyed[-1][1] == previous:
            # PDFium's loose box also covers ink past the advance (an italic f): the previous
            # glyph of the same run ends where this one starts, as in pdfminer
            # (a kern that pulls this glyph back is no reason: that box ends at the advance)
            before = keyed[-1][2]
            if before.top == top and before.x0 <= x0 < before.x1:
                glyph_box(page, previous, left_at, right_at, bottom_at, top_at)
                if geometry.box(right.value, 0.0, right.value, 0.0)[0] >= before.x1 - 0.01:
                    keyed[-1] = (keyed[-1][0], previous, before._replace(x1=x0))
        previous = i
        size = em if font_size > 0 else bottom - top
        keyed.append((position, i, Char(text, x0, top, x1, bottom, upright, font, size, upward, font_id)))
    keyed.sort(key=lambda item: (item[0], item[1]))
    return [char for _, _, char in keyed]


def _objects(raw: Any, page: Any) -> list[tuple[int, int, Matrix]]:
    """Every object in content-stream order as (address, type, matrix of the forms around it);
    forms are opened in place, as pdfminer reads them."""
    vp, i32 = ctypes.c_void_p, ctypes.c_int
    get_type = _fast(raw.FPDFPageObj_GetType, i32, vp)
    form_count = _fast(raw.FPDFFormObj_CountObjects, i32, vp)
    form_object = _fast(raw.FPDFFormObj_GetObject, vp, vp, ctypes.c_ulong)
    page_object = _fast(raw.FPDFPage_GetObject, vp, vp, i32)
    get_matrix = _fast(raw.FPDFPageObj_GetMatrix, i32, vp, vp)
    address = _address(page)
    found: list[tuple[int, int, Matrix]] = []
    stack: list[tuple[int, Matrix]] = [
        (page_object(address, i) or 0, IDENTITY) for i in reversed(range(raw.FPDFPage_CountObjects(page)))
    ]
    form = raw.FPDF_PAGEOBJ_FORM
    m = raw.FS_MATRIX()
    while stack:
        obj, outer = stack.pop()
        if not obj:
            continue
        kind = get_type(obj)
        if kind == form:
            get_matrix(obj, ctypes.addressof(m))
            inner = _multiply((m.a, m.b, m.c, m.d, m.e, m.f), outer)
            n = form_count(obj)
            stack.extend((form_object(obj, i) or 0, inner) for i in reversed(range(n)))
        else:
            found.append((obj, kind, outer))
    return found


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
        px, py = round(px, 3), round(py, 3)  # PDFium keeps 32-bit floats: drop their noise
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


def _graphics(
    raw: Any, objects: list[tuple[int, int, Matrix]], geometry: Geometry
) -> tuple[list[Rule], list[Box], list[ImageArea]]:
    lines: list[RawLine] = []
    rects: list[RawRect] = []
    images: list[ImageArea] = []
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    m = raw.FS_MATRIX()
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    width = ctypes.c_float()
    wanted = (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE)
    for address, kind, outer in objects:
        if kind not in wanted:
            continue
        obj = ctypes.cast(address, raw.FPDF_PAGEOBJECT)
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


def _words(raw: Any, page: Any, geometry: Geometry, objects: list[tuple[int, int, Matrix]]) -> list[Word]:
    textpage = raw.FPDFText_LoadPage(page)
    if not textpage:
        raise RuntimeError("PDFium could not load the page's text")
    text = raw.FPDF_PAGEOBJ_TEXT
    order = {address: n for n, (address, kind, _) in enumerate(objects) if kind == text}
    try:
        return build_words(words_from_chars(_chars(raw, textpage, geometry, order)))
    finally:
        raw.FPDFText_ClosePage(textpage)


def _text(raw: Any, function: Any, *args: Any) -> str:
    """A UTF-16 string from a PDFium getter that is asked for its length first."""
    length = function(*args, None, 0)
    if length <= 2:
        return ""
    buffer = ctypes.create_string_buffer(length)
    function(*args, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), length)
    return buffer.raw[: length - 2].decode("utf-16-le", "replace")


def _number(raw: Any, annot: Any, key: bytes) -> float | None:
    """A number of the annotation or of the fields above it (an inheritable field entry)."""
    value = ctypes.c_float()
    current, opened = annot, []
    try:
        for _ in range(8):
            if raw.FPDFAnnot_HasKey(current, key) and raw.FPDFAnnot_GetNumberValue(
                current, key, ctypes.byref(value)
            ):
                return float(value.value)
            parent = raw.FPDFAnnot_GetLinkedAnnot(current, b"Parent")
            if not parent:
                return None
            opened.append(parent)
            current = parent
        return None
    finally:
        for handle in opened:
            raw.FPDFAnnot_Close(handle)


def _fields(raw: Any, form: Any, page: Any) -> list[RawField]:
    """The page's form widgets with their values (PDFium's form API resolves the field tree)."""
    fields: list[RawField] = []
    kinds = {
        raw.FPDF_FORMFIELD_TEXTFIELD: "text",
        raw.FPDF_FORMFIELD_COMBOBOX: "text",
        raw.FPDF_FORMFIELD_LISTBOX: "text",
        raw.FPDF_FORMFIELD_CHECKBOX: "check",
        raw.FPDF_FORMFIELD_RADIOBUTTON: "check",
    }
    count = raw.FPDFPage_GetAnnotCount(page)
    if count <= 0:
        return fields
    raw.FORM_OnAfterLoadPage(page, form)  # the page view the form API takes /DA sizes from
    try:
        for i in range(count):
            field = _field(raw, form, page, i, kinds)
            if field is not None:
                fields.append(field)
    finally:
        raw.FORM_OnBeforeClosePage(page, form)
    return fields


def _field(raw: Any, form: Any, page: Any, i: int, kinds: dict[int, str]) -> RawField | None:
    annot = raw.FPDFPage_GetAnnot(page, i)
    if not annot:
        return None
    try:
        if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET:
            return None
        kind = kinds.get(raw.FPDFAnnot_GetFormFieldType(form, annot), "other")
        rect = raw.FS_RECTF()
        if kind == "other" or not raw.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
            return None
        flags = raw.FPDFAnnot_GetFormFieldFlags(form, annot)
        if kind == "check":
            value = "on" if raw.FPDFAnnot_IsChecked(form, annot) else ""
        else:
            value = _text(raw, raw.FPDFAnnot_GetFormFieldValue, form, annot)
        size = ctypes.c_float(0.0)
        raw.FPDFAnnot_GetFontSize(form, annot, ctypes.byref(size))
        return RawField(
            kind=kind,
            value=value,
            rect=(rect.left, rect.bottom, rect.right, rect.top),
            size=float(size.value),
            multiline=bool(flags & FIELD_MULTILINE) and kind == "text",
            align=int(_number(raw, annot, b"Q") or 0),
            hidden=bool(raw.FPDFAnnot_GetFlags(annot) & HIDDEN_FLAGS) or bool(flags & FIELD_PASSWORD),
        )
    finally:
        raw.FPDFPage_CloseAnnot(annot)


def _page(raw: Any, pdf_page: Any, number: int, form: Any = None) -> Page:
    page = pdf_page.raw
    rotation = int(pdf_page.get_rotation() or 0) % 360
    geometry = Geometry.of(tuple(pdf_page.get_mediabox()), rotation)
    warnings: list[str] = []
    try:
        objects = _objects(raw, page)
    except Exception as exc:
        objects = []
        warnings.append(f"page {number}: page objects could not be listed ({explain(exc)})")
    try:
        words = _words(raw, page, geometry, objects)
    except Exception as exc:
        words = []
        warnings.append(f"page {number}: text could not be read ({explain(exc)})")
    try:
        rules, boxes, images = _graphics(raw, objects, geometry)
    except Exception as exc:
        rules, boxes, images = [], [], []
        warnings.append(f"page {number}: graphics could not be read ({explain(exc)})")
    if form is not None:
        try:
            words.extend(form_words(_fields(raw, form, page), geometry, words))
        except Exception as exc:
            warnings.append(f"page {number}: form fields could not be read ({explain(exc)})")
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


class _Form:
    """PDFium's form handle while the document has an AcroForm (also under a static XFA form);
    opened without the page hooks, which only viewers need, and closed before the document."""

    def __init__(self, raw: Any, pdf: Any) -> None:
        self.raw = raw
        self.handle: Any = None
        self.config: Any = None
        try:
            kind = raw.FPDF_GetFormType(pdf.raw)
            if kind in (raw.FORMTYPE_ACRO_FORM, raw.FORMTYPE_XFA_FOREGROUND):
                self.config = raw.FPDF_FORMFILLINFO(version=2)
                self.handle = raw.FPDFDOC_InitFormFillEnvironment(pdf.raw, self.config) or None
        except Exception:
            self.handle = None

    def close(self) -> None:
        if self.handle is not None:
            self.raw.FPDFDOC_ExitFormFillEnvironment(self.handle)
            self.handle = None


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
    except Exception:
        # PDFium gives one code for every structural problem, and keeps the last one it set:
        # after a password-protected file, a file without pages also reads "Incorrect password".
        # pdfminer either recovers the file or names the problem (password, no pages, no
        # catalogue) from the file itself, so let it have its say.
        from extractors.pdf.backends import pdfplumber

        return pdfplumber.read(path, password, on_page, max_pages)
    form = _Form(raw, pdf)
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
                    pages.append(_page(raw, pdf_page, index + 1, form.handle))
                finally:
                    pdf_page.close()
            except Exception as exc:
                pages.append(failed_page(index + 1, exc))
            if on_page is not None:
                on_page(index + 1, limit)
    finally:
        form.close()
        pdf.close()
    return document(path, pages, metadata)
