"""What every PDF backend shares: error messages, page geometry, words and graphics conventions.

Both backends must produce the same page model from the same file, so the decisions that
shape it (how a word is closed, which rectangle is a rule, what an error is called) live
here once and the backends only translate their library's objects into plain tuples.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from extractors.pdf.model import Box, Page, ParsedDocument, Rule, Word

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_ITALIC = re.compile(r"italic|oblique", re.IGNORECASE)
RULE_THICKNESS = 2.5  # filled rectangles thinner than this are ruling lines
# A C0 control character in text is a glyph whose font lost its Unicode mapping (a subset font
# without /ToUnicode gives its glyph codes 1, 3, ...): it is marked unreadable, never passed on.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
UNMAPPED = "\ufffd"
BULLET = "\u2022"
# Fonts whose private-use codes are pictures, not letters: Word writes its list bullets in
# Symbol or Wingdings, and their ToUnicode maps give U+F0B7, U+F0A7, U+F0D8 ... (U+F000 + code).
_SYMBOL_FONT = re.compile(r"symbol|wingding|webding|dingbat", re.IGNORECASE)

ProgressFn = Callable[[int, int], None]


class UnreadablePDF(Exception):
    """The file cannot be read as a PDF; the message is meant for the user."""


class RawWord(NamedTuple):
    """A word as a backend found it, before the soft-hyphen merge and typography flags."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str
    size: float
    upright: bool


class RawLine(NamedTuple):
    x0: float
    top: float
    x1: float
    bottom: float
    linewidth: float


class RawRect(NamedTuple):
    x0: float
    top: float
    x1: float
    bottom: float
    fill: tuple[float, ...] | None  # None when the rectangle is not filled
    stroke: bool


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


def explain(exc: BaseException) -> str:
    """A parser's exception as a sentence a person understands (same wording for every backend)."""
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


def meta_text(value: Any) -> str:
    """A metadata value as text, without control characters; PDF strings may arrive as UTF-16 bytes."""
    if isinstance(value, bytes):
        for encoding in ("utf-16", "utf-8", "latin-1"):
            try:
                return _CONTROL.sub("", value.decode(encoding))
            except UnicodeDecodeError:
                continue
    if isinstance(value, list):
        return ", ".join(meta_text(v) for v in value)
    return _CONTROL.sub("", str(value))


def build_words(raw: Iterable[RawWord]) -> list[Word]:
    """Backend words to model words; glues the pieces of a word split by an encoded soft hyphen."""
    words: list[Word] = []
    for w in raw:
        if not w.text.strip("\u00ad"):
            # a soft hyphen set on its own (Word leaves an unbroken one as a tiny glyph): it is
            # not seen, and the pieces of the word on either side are glued below
            continue
        previous = words[-1] if words else None
        if (
            previous is not None
            and abs(previous.top - w.top) < 1.0
            and -0.5 < w.x0 - previous.x1 < 0.05 * max(w.size, 1.0)
        ):
            # A "space" with no advance: an encoded soft hyphen (browsers write every U+00AD
            # as a zero-width space), so both pieces are one word.
            words[-1] = _merged(previous, _CONTROL.sub(UNMAPPED, w.text), w.x1, w.bottom)
            continue
        words.append(
            Word(
                text=_CONTROL.sub(UNMAPPED, w.text),
                x0=w.x0,
                top=w.top,
                x1=w.x1,
                bottom=w.bottom,
                font=w.font,
                size=round(w.size, 2),
                bold=bool(_BOLD.search(w.font)),
                italic=bool(_ITALIC.search(w.font)),
                upright=w.upright,
            )
        )
    return _bullets(words)


def _lone_glyph(word: Word) -> bool:
    """One glyph that a reader sees as a mark, not a letter: unmapped, or a symbol font's picture."""
    if len(word.text) != 1 or not word.upright:
        return False
    code = ord(word.text)
    if word.text == UNMAPPED or 0xF000 <= code <= 0xF0FF:
        return True
    return 0xE000 <= code <= 0xF8FF and bool(_SYMBOL_FONT.search(word.font))


def _bullets(words: list[Word]) -> list[Word]:
    """A lone picture glyph that opens a line before text is that line's list bullet: "•".

    Word draws its bullets as private-use glyphs of Symbol or Wingdings, and a font without a
    Unicode map leaves them unmapped; read as they are, the items of a list run together. The
    glyph must stand alone, with text after it within a bullet's indent and nothing just before it
    on its line (an unmapped glyph inside a sentence is no bullet).
    """
    marks = [i for i, w in enumerate(words) if _lone_glyph(w)]
    if not marks:
        return words
    out = list(words)
    for i in marks:
        mark = words[i]
        middle = (mark.top + mark.bottom) / 2
        line = [w for w in words if w is not mark and w.upright and w.top - 1 <= middle <= w.bottom + 1]
        after = [w for w in line if w.x0 >= mark.x1 - 0.5]
        if not after:
            continue
        following = min(after, key=lambda w: w.x0)
        size = max(following.size, following.bottom - following.top, 1.0)
        if (
            following.x0 - mark.x1 > 5 * size
            or not following.text[0].isalnum()
            and following.text[0] not in "\"'“”‘’«("
        ):
            continue
        if any(mark.x0 - 2 * size < w.x1 <= mark.x0 + 0.5 for w in line):
            continue
        out[i] = replace(mark, text=BULLET)
    return out


def _merged(word: Word, text: str, x1: float, bottom: float) -> Word:
    return replace(word, text=word.text + text, x1=max(word.x1, x1), bottom=max(word.bottom, bottom))


def graphics(lines: Iterable[RawLine], rects: Iterable[RawRect]) -> tuple[list[Rule], list[Box]]:
    """Stroked lines and thin rectangles become rules; other rectangles become boxes."""
    rules: list[Rule] = []
    boxes: list[Box] = []
    for line in lines:
        orientation = "h" if abs(line.bottom - line.top) <= abs(line.x1 - line.x0) else "v"
        rules.append(Rule(line.x0, line.top, line.x1, line.bottom, orientation, line.linewidth))
    for rect in rects:
        x0, top, x1, bottom = rect.x0, rect.top, rect.x1, rect.bottom
        width, height = x1 - x0, bottom - top
        # a near-square (a dot, a corner) is no rule: the margin keeps float noise from deciding
        if height <= RULE_THICKNESS and width > height + 0.01:
            rules.append(Rule(x0, top, x1, bottom, "h", height))
        elif width <= RULE_THICKNESS and height > width + 0.01:
            rules.append(Rule(x0, top, x1, bottom, "v", width))
        else:
            boxes.append(Box(x0, top, x1, bottom, rect.fill, rect.stroke))
            if rect.stroke:  # a stroked rectangle also draws four rules
                rules.extend(
                    [
                        Rule(x0, top, x1, top, "h"),
                        Rule(x0, bottom, x1, bottom, "h"),
                        Rule(x0, top, x0, bottom, "v"),
                        Rule(x1, top, x1, bottom, "v"),
                    ]
                )
    return rules, boxes


@dataclass(frozen=True, slots=True)
class Geometry:
    """PDF user space to the model's top-left coordinates, as pdfminer and pdfplumber place them.

    The page's /Rotate turns the content (pdfminer's initial CTM), and the MediaBox origin is
    handled with pdfplumber's arithmetic, so every backend puts a word at the same spot.
    """

    ctm: tuple[float, float, float, float, float, float]
    width: float
    height: float
    dx: float  # added to device x
    dtop: float  # added to height - device y

    @staticmethod
    def of(mediabox: tuple[float, float, float, float], rotation: int) -> Geometry:
        x0, x1 = sorted((mediabox[0], mediabox[2]))
        y0, y1 = sorted((mediabox[1], mediabox[3]))
        if rotation == 90:
            ctm = (0.0, -1.0, 1.0, 0.0, -y0, x1)
        elif rotation == 180:
            ctm = (-1.0, 0.0, 0.0, -1.0, x1, y1)
        elif rotation == 270:
            ctm = (0.0, 1.0, -1.0, 0.0, y1, -x0)
        else:
            ctm = (1.0, 0.0, 0.0, 1.0, -x0, -y0)
        box = (y0, x0, y1, x1) if rotation in (90, 270) else (x0, y0, x1, y1)
        height = box[3] - box[1]
        return Geometry(ctm, box[2] - box[0], height, box[0], height - box[3])

    def device(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.ctm
        return a * x + c * y + e, b * x + d * y + f

    def rect(self, points: Iterable[tuple[float, float]]) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of the bounding box of user-space points."""
        xs: list[float] = []
        ys: list[float] = []
        for x, y in points:
            dx, dy = self.device(x, y)
            xs.append(dx)
            ys.append(dy)
        return (
            min(xs) + self.dx,
            self.height - max(ys) + self.dtop,
            max(xs) + self.dx,
            self.height - min(ys) + self.dtop,
        )

    def box(self, ax: float, ay: float, bx: float, by: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of the box with user-space corners (ax, ay) and (bx, by)."""
        a, b, c, d, e, f = self.ctm
        x1, y1 = a * ax + c * ay + e, b * ax + d * ay + f
        x2, y2 = a * bx + c * by + e, b * bx + d * by + f
        if x2 < x1:
            x1, x2 = x2, x1
        if y2 < y1:
            y1, y2 = y2, y1
        return x1 + self.dx, self.height - y2 + self.dtop, x2 + self.dx, self.height - y1 + self.dtop

    def orientation(self, a: float, b: float, c: float, d: float) -> tuple[bool, bool]:
        """(upright, upward) of a character matrix after the page rotation.

        Upright is pdfminer's test; upward marks turned text that reads from the bottom up.
        """
        ca, cb, cc, cd = self.ctm[:4]
        ma, mb = a * ca + b * cc, a * cb + b * cd
        mc, md = c * ca + d * cc, c * cb + d * cd
        return ma * md > 0 and mb * mc <= 0, mb > 0


def document(path: str, pages: list[Page], metadata: dict[str, str]) -> ParsedDocument:
    doc = ParsedDocument(path=path, pages=pages, metadata=metadata)
    for page in pages:
        doc.warnings.extend(page.warnings)
    return doc


def failed_page(number: int, exc: BaseException) -> Page:
    """A page the parser could not open: kept empty so page numbers stay right."""
    return Page(number=number, width=0.0, height=0.0, warnings=[f"page {number}: {explain(exc)}"])
