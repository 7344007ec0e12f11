"""The page model every later step reads.

One `Page` is built per PDF page, once, by `extractors.pdf.reader`; layout, table
finding, classification and the family extractors all read these objects instead of
going back to the PDF. Coordinates are PDF points with the origin at the top-left of
the page (pdfplumber's `top`/`bottom` convention), so `bbox = (x0, top, x1, bottom)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Word:
    """A run of characters without a space, with the typography the layout needs."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str = ""  # "AcroForm": a filled form field's value, set where a viewer shows it
    size: float = 0.0
    bold: bool = False
    italic: bool = False
    color: tuple[float, ...] | None = None
    ocr: bool = False
    confidence: float | None = None  # 0-1, OCR words only
    upright: bool = True

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling line: a stroked line or a thin filled rectangle."""

    x0: float
    top: float
    x1: float
    bottom: float
    orientation: str  # "h" or "v"
    width: float = 0.0

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle that is not a rule: cell shading, fact boxes, frames, slide backgrounds."""

    x0: float
    top: float
    x1: float
    bottom: float
    fill: tuple[float, ...] | None = None
    stroke: bool = False

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def shaded(self) -> bool:
        """True when filled with a visible non-white colour."""
        if self.fill is None:
            return False
        values = list(self.fill)
        if len(values) == 4:  # CMYK: white is all zeros
            return any(v > 0.02 for v in values)
        return any(v < 0.98 for v in values)


@dataclass(frozen=True, slots=True)
class ImageArea:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True)
class Page:
    """Everything drawn on one page, parsed once."""

    number: int  # 1-based
    width: float
    height: float
    rotation: int = 0
    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    images: list[ImageArea] = field(default_factory=list)
    ocr: bool = False
    ocr_confidence: float | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def text_chars(self) -> int:
        return sum(len(w.text) for w in self.words)

    @property
    def image_coverage(self) -> float:
        """Share of the page covered by images (scans are close to 1)."""
        area = self.width * self.height
        if area <= 0:
            return 0.0
        covered = sum(max(0.0, i.x1 - i.x0) * max(0.0, i.bottom - i.top) for i in self.images)
        return min(1.0, covered / area)


@dataclass(slots=True)
class ParsedDocument:
    """A whole PDF as page models plus its metadata. Holds no rendered images."""

    path: str
    pages: list[Page]
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    @property
    def ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p.ocr)
