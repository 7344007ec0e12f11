"""Filled form fields as page words: what a viewer shows in a form that was not flattened.

A report template filled in as a PDF form keeps its labels in the page content and its
answers only in AcroForm fields (widget annotations with a value and an appearance stream).
Neither parser reads annotations, so without this the answers are lost although every
viewer shows them. Each backend lists the page's widgets as `RawField`s from its library;
the words are laid out here, once, so both backends give the same words:

- a text or choice field's value is set in the field's rectangle at the size its /DA asks
  for (an automatic size fits the rectangle), left, centred or right as its /Q says; a
  multi-line field is split at its newlines and wrapped to the rectangle's width, and
  shrunk when it has more lines than fit;
- a checked check box or the chosen radio button becomes a "☒" at the box; unchecked
  boxes, push buttons, signatures, password fields, empty fields and hidden widgets
  (annotation flags Hidden or NoView) give nothing;
- a field whose value the page content already draws inside the rectangle (a form
  flattened by printing, then filled again) gives nothing, so no text is doubled.

The words carry the font name `FORM_FONT` ("AcroForm") so a reader can tell them from the
page's own text; the rest of the pipeline reads them as any other words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from extractors.pdf.backends.base import Geometry
from extractors.pdf.model import Word

FORM_FONT = "AcroForm"
CHECK_MARK = "\u2612"  # ☒
HIDDEN_FLAGS = 2 | 32  # annotation flags Hidden and NoView
FIELD_MULTILINE = 1 << 12  # field flags (/Ff)
FIELD_PASSWORD = 1 << 13
FIELD_RADIO = 1 << 15
FIELD_PUSHBUTTON = 1 << 16
PADDING = 2.0  # a viewer's inset of the text from the field's border
LEADING = 1.15  # line pitch of a multi-line field per font size
AUTO_SIZE = 12.0  # the largest size an automatically sized field is given
MIN_SIZE = 4.0
_TOKEN = re.compile(r"\w+")


class RawField(NamedTuple):
    """One widget of a form field as a backend read it.

    `kind` is "text" (text and choice fields), "check" (check boxes and radio buttons) or
    "other" (push buttons, signatures: never shown as text).
    """

    kind: str
    value: str  # the field's value; for "check", "" when off and anything else when on
    rect: tuple[float, float, float, float]  # the widget's /Rect in PDF user space
    size: float  # font size from /DA; 0 means automatic
    multiline: bool
    align: int  # /Q: 0 left, 1 centred, 2 right
    hidden: bool  # annotation flags Hidden or NoView, or a password field


def da_size(da: str) -> float:
    """The font size of a /DA string ("/Helv 10 Tf 0 g"); 0 (automatic) when it names none."""
    found = re.search(r"(\d*\.?\d+)\s+Tf\b", da)
    return float(found.group(1)) if found else 0.0


@lru_cache(maxsize=1)
def _widths() -> dict[str, int]:
    """Helvetica's advance widths per character (per 1000 em): a viewer's stand-in font."""
    try:
        from pdfminer.fontmetrics import FONT_METRICS

        return dict(FONT_METRICS["Helvetica"][1])
    except Exception:  # pragma: no cover - pdfminer is a dependency of pdfplumber
        return {}


def _advance(text: str, size: float) -> float:
    widths = _widths()
    return sum(widths.get(c, 556) for c in text) * size / 1000.0


def _wrap(line: str, size: float, width: float) -> list[str]:
    """A paragraph cut into lines at spaces, each at most `width` wide (a longer word alone)."""
    out: list[str] = []
    current = ""
    for word in line.split():
        candidate = f"{current} {word}" if current else word
        if current and _advance(candidate, size) > width:
            out.append(current)
            current = word
        else:
            current = candidate
    out.append(current)
    return out


def _lines(field: RawField, width: float, height: float) -> tuple[list[str], float]:
    """The lines a viewer shows and their font size."""
    size = field.size
    if not field.multiline:
        text = " ".join(field.value.split())
        if size <= 0:
            size = max(MIN_SIZE, min(AUTO_SIZE, (height - 2 * PADDING) / LEADING))
        return ([text] if text else []), size
    if size <= 0:
        size = AUTO_SIZE
    paragraphs = re.split(r"\r\n|\r|\n", field.value)
    lines = [ln for p in paragraphs for ln in (_wrap(p, size, width) if p.strip() else [""])]
    while lines and not lines[-1]:
        lines.pop()
    room = height - 2 * PADDING
    if lines and len(lines) * size * LEADING > room:
        shrunk = max(MIN_SIZE, room / (len(lines) * LEADING))
        if shrunk < size:
            size = shrunk
            lines = [ln for p in paragraphs for ln in (_wrap(p, size, width) if p.strip() else [""])]
            while lines and not lines[-1]:
                lines.pop()
    return lines, size


def _line_words(text: str, x0: float, x1: float, top: float, size: float, align: int) -> list[Word]:
    """The words of one line of `size`, set from `x0` (squeezed to end by `x1`)."""
    full = _advance(text, size)
    room = x1 - x0
    scale = min(1.0, room / full) if full > 0 and room > 0 else 1.0
    start = x0
    if scale == 1.0 and align in (1, 2):
        start = x0 + (room - full) / (2 if align == 1 else 1)
    words: list[Word] = []
    for found in re.finditer(r"\S+", text):
        left = start + _advance(text[: found.start()], size) * scale
        right = start + _advance(text[: found.end()], size) * scale
        words.append(
            Word(
                text=found.group(),
                x0=left,
                top=top,
                x1=right,
                bottom=top + size,
                font=FORM_FONT,
                size=round(size, 2),
            )
        )
    return words


def _norm_tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _drawn(value: str, box: tuple[float, float, float, float], page_words: list[Word]) -> bool:
    """True when the page content already draws the field's value inside its rectangle."""
    x0, top, x1, bottom = box
    inside = [
        w
        for w in page_words
        if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and top - 1 <= (w.top + w.bottom) / 2 <= bottom + 1
    ]
    if not inside:
        return False
    wanted = _norm_tokens(value)
    if not wanted:
        return True
    have = set(_norm_tokens(" ".join(w.text for w in inside)))
    found = sum(1 for t in wanted if t in have)
    return found / len(wanted) >= 0.5 or all(t in have for t in wanted[:3])


def form_words(fields: Iterable[RawField], geometry: Geometry, page_words: list[Word]) -> list[Word]:
    """The words a viewer shows in the page's filled fields, in the order the widgets come."""
    out: list[Word] = []
    for field in fields:
        if field.hidden or field.kind not in ("text", "check"):
            continue
        ax, ay, bx, by = field.rect
        box = geometry.box(ax, ay, bx, by)
        x0, top, x1, bottom = box
        width, height = x1 - x0, bottom - top
        if width <= 0 or height <= 0:
            continue
        if field.kind == "check":
            if not field.value:
                continue
            size = round(max(MIN_SIZE, min(width, height) * 0.8), 2)
            cx, cy = (x0 + x1) / 2, (top + bottom) / 2
            half = size / 2
            out.append(
                Word(CHECK_MARK, cx - half, cy - half, cx + half, cy + half, font=FORM_FONT, size=size)
            )
            continue
        if not field.value.strip() or _drawn(field.value, box, page_words):
            continue
        inner = width - 2 * PADDING
        lines, size = _lines(field, inner, height)
        if field.multiline:
            line_top = top + PADDING
        else:
            line_top = top + (height - size) / 2
        for line in lines:
            out.extend(_line_words(line, x0 + PADDING, x1 - PADDING, line_top, size, field.align))
            line_top += size * LEADING
    return out
