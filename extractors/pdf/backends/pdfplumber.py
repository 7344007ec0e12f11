"""The pdfplumber (pdfminer.six) backend: pure Python, the reference the faster backend is held to.

Pages are parsed one at a time and pdfplumber's caches are flushed after each, so memory
stays bounded by one page's objects.
"""

from __future__ import annotations

from typing import Any

from extractors.pdf.backends.base import (
    Geometry,
    ProgressFn,
    RawLine,
    RawRect,
    RawWord,
    UnreadablePDF,
    build_words,
    document,
    explain,
    failed_page,
    graphics,
    meta_text,
)
from extractors.pdf.backends.forms import (
    FIELD_MULTILINE,
    FIELD_PASSWORD,
    FIELD_PUSHBUTTON,
    HIDDEN_FLAGS,
    RawField,
    da_size,
    form_words,
)
from extractors.pdf.model import Box, ImageArea, Page, ParsedDocument, Rule, Word


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
    return build_words(
        RawWord(
            text=str(w["text"]),
            x0=float(w["x0"]),
            top=float(w["top"]),
            x1=float(w["x1"]),
            bottom=float(w["bottom"]),
            font=str(w.get("fontname", "")),
            size=float(w.get("size", 0.0)),
            upright=bool(w.get("upright", True)),
        )
        for w in raw
    )


def _graphics(page: Any) -> tuple[list[Rule], list[Box]]:
    lines = [
        RawLine(
            float(line["x0"]),
            float(line["top"]),
            float(line["x1"]),
            float(line["bottom"]),
            float(line.get("linewidth") or 0.0),
        )
        for line in page.lines
    ]
    rects = [
        RawRect(
            float(rect["x0"]),
            float(rect["top"]),
            float(rect["x1"]),
            float(rect["bottom"]),
            _color(rect.get("non_stroking_color")) if rect.get("fill") else None,
            bool(rect.get("stroke")),
        )
        for rect in page.rects
    ]
    return graphics(lines, rects)


def _pdf_text(value: Any) -> str:
    """A PDF text string (PDFDocEncoding or UTF-16 with a byte-order mark), a name or a list."""
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    if isinstance(value, bytes):
        return decode_text(value)
    if isinstance(value, PSLiteral):
        return str(value.name)
    if isinstance(value, list):
        return ", ".join(_pdf_text(v) for v in value)
    return "" if value is None else str(value)


def _inherited(widget: dict[str, Any], key: str) -> Any:
    """An entry of the widget or of the first field above it that has one (field inheritance)."""
    from pdfminer.pdftypes import resolve1

    current: Any = widget
    for _ in range(16):
        if not isinstance(current, dict):
            return None
        if key in current:
            return resolve1(current[key])
        current = resolve1(current.get("Parent"))
    return None


def _fields(page: Any) -> list[RawField]:
    """The page's form widgets with their values, the field tree resolved as PDFium resolves it."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral

    annots = resolve1(page.page_obj.attrs.get("Annots"))
    if not isinstance(annots, list):
        return []
    acroform = resolve1(page.pdf.doc.catalog.get("AcroForm"))
    default_da = _pdf_text(resolve1(acroform.get("DA"))) if isinstance(acroform, dict) else ""
    fields: list[RawField] = []
    for ref in annots:
        widget = resolve1(ref)
        if not isinstance(widget, dict):
            continue
        subtype = resolve1(widget.get("Subtype"))
        if not isinstance(subtype, PSLiteral) or subtype.name != "Widget":
            continue
        ftype = _inherited(widget, "FT")
        name = ftype.name if isinstance(ftype, PSLiteral) else ""
        flags = int(_inherited(widget, "Ff") or 0)
        if name in ("Tx", "Ch"):
            kind, value = "text", _pdf_text(_inherited(widget, "V"))
        elif name == "Btn" and not flags & FIELD_PUSHBUTTON:
            state = resolve1(widget.get("AS"))
            if isinstance(state, PSLiteral):
                on = state.name != "Off"
            else:
                chosen = _inherited(widget, "V")
                on = isinstance(chosen, PSLiteral) and chosen.name != "Off"
            kind, value = "check", "on" if on else ""
        else:
            continue
        rect = [float(resolve1(v)) for v in resolve1(widget.get("Rect")) or []]
        if len(rect) != 4:
            continue
        da = _inherited(widget, "DA")
        size = da_size(_pdf_text(da) if da is not None else default_da)
        annot_flags = int(resolve1(widget.get("F")) or 0)
        fields.append(
            RawField(
                kind=kind,
                value=value,
                rect=(
                    min(rect[0], rect[2]),
                    min(rect[1], rect[3]),
                    max(rect[0], rect[2]),
                    max(rect[1], rect[3]),
                ),
                size=size,
                multiline=bool(flags & FIELD_MULTILINE) and kind == "text",
                align=int(_inherited(widget, "Q") or 0),
                hidden=bool(annot_flags & HIDDEN_FLAGS) or bool(flags & FIELD_PASSWORD),
            )
        )
    return fields


def _page(page: Any, number: int) -> Page:
    warnings: list[str] = []
    try:
        words = _words(page)
    except Exception as exc:  # a broken content stream: keep the page, note it
        words = []
        warnings.append(f"page {number}: text could not be read ({explain(exc)})")
    try:
        rules, boxes = _graphics(page)
    except Exception as exc:
        rules, boxes = [], []
        warnings.append(f"page {number}: graphics could not be read ({explain(exc)})")
    images: list[ImageArea] = []
    try:
        for img in page.images:
            images.append(
                ImageArea(float(img["x0"]), float(img["top"]), float(img["x1"]), float(img["bottom"]))
            )
    except Exception:
        warnings.append(f"page {number}: images could not be listed")
    try:
        fields = _fields(page)
        if fields:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            geometry = Geometry.of((x0, y0, x1, y1), int(page.rotation or 0) % 360)
            words.extend(form_words(fields, geometry, words))
    except Exception as exc:
        warnings.append(f"page {number}: form fields could not be read ({explain(exc)})")
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


def read(
    path: str,
    password: str | None = None,
    on_page: ProgressFn | None = None,
    max_pages: int | None = None,
) -> ParsedDocument:
    """Parse every page with pdfplumber; the caller has already run `check_file`."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(path, password=password or "")
    except Exception as exc:
        raise UnreadablePDF(explain(exc)) from None
    with pdf:
        try:
            total = len(pdf.pages)
            metadata = {str(k): meta_text(v) for k, v in (pdf.metadata or {}).items()}
        except Exception as exc:
            raise UnreadablePDF(explain(exc)) from None
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
                pages.append(failed_page(index + 1, exc))
            if on_page is not None:
                on_page(index + 1, limit)
    return document(path, pages, metadata)
