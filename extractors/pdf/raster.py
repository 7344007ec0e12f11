"""Page images for OCR: rendering, deskewing and ruling-line detection.

Kept apart from `ocr` so the image work (pypdfium2 + OpenCV) can be tested without
Tesseract. Images are 8-bit greyscale numpy arrays, dark ink on light paper; one page is
rendered at a time and the caller drops it when done, so memory stays bounded by one page.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

DEFAULT_DPI = 300.0
MIN_NATIVE_DPI = 200.0  # scans at this resolution or more are rendered at their own scale
MAX_SKEW = 5.0  # degrees; scanners rarely do worse, and a wider search finds text diagonals
# Pixels one page may be rendered to: the OCR steps hold several copies of the image, so an
# A0 poster or a 20000 pt page at 300 dpi (83 333 px square) would take gigabytes. 60 Mpx is
# an A1 sheet at about 280 dpi; a larger page is rendered coarser (its print is larger too).
MAX_PIXELS = 60_000_000


@dataclass(frozen=True, slots=True)
class Segment:
    """A ruling line found in an image, in pixels: its centre line and its thickness."""

    orientation: str  # "h" or "v"
    x0: float
    y0: float
    x1: float
    y1: float
    thickness: float


@contextmanager
def open_pdf(path: str) -> Iterator[Any]:
    """Open `path` with pypdfium2 and always close it (native handles are not GC-friendly)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        yield pdf
    finally:
        pdf.close()


def native_dpi(page: Any) -> float | None:
    """Resolution of the largest image on the page, or None when it holds no image.

    Rendering a scan above its own resolution adds no detail, only Tesseract time, so a
    200 dpi scan is rendered at 200 dpi and only low-resolution images are upsampled.
    """
    import pypdfium2.raw as pdfium_c

    best: tuple[float, float] | None = None
    try:
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
            left, bottom, right, top = obj.get_bounds()
            width_pt = right - left
            if width_pt <= 1:
                continue
            px_w, _px_h = obj.get_px_size()
            area = width_pt * (top - bottom)
            if best is None or area > best[0]:
                best = (area, px_w / width_pt * 72.0)
    except Exception:  # an unusual image object: fall back to the default resolution
        return None
    return None if best is None else best[1]


def render_dpi(page: Any) -> float:
    """Resolution to render `page` at: the scan's own when it is good enough, else 300 dpi;
    never more than the pixel budget allows for the page's size."""
    dpi = native_dpi(page)
    wanted = float(round(dpi)) if dpi is not None and MIN_NATIVE_DPI <= dpi <= DEFAULT_DPI else DEFAULT_DPI
    width, height = page.get_size()
    return min(wanted, budget_dpi(width, height))


def budget_dpi(width_pt: float, height_pt: float, max_pixels: int = MAX_PIXELS) -> float:
    """The highest resolution (whole dpi) at which a page of this size stays within `max_pixels`."""
    area = max(width_pt, 1.0) * max(height_pt, 1.0)
    return float(max(1, math.floor(math.sqrt(max_pixels / area) * 72.0)))


def render_gray(page: Any, dpi: float) -> np.ndarray:
    """Render one pypdfium2 page as an 8-bit greyscale array (page rotation applied)."""
    bitmap = page.render(scale=dpi / 72.0, grayscale=True)
    try:
        array = bitmap.to_numpy()
        if array.ndim == 3:
            array = array[..., 0]
        return np.array(array, dtype=np.uint8, copy=True)  # the bitmap's buffer is freed below
    finally:
        bitmap.close()


def _ink(gray: np.ndarray) -> np.ndarray:
    """Binary image with ink = 255 (Otsu: scans have one paper tone and one ink tone)."""
    import cv2

    _, binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return binary


def estimate_skew(gray: np.ndarray) -> float:
    """Angle in degrees by which the page content is rotated counter-clockwise as displayed.

    Projection-profile search: text lines and ruling lines make the row sums of the ink
    image peaky exactly when they are horizontal, which works for prose and for tables
    alike (Hough on rules alone fails on pages without a table). Coarse-to-fine search on
    a downscaled copy keeps it to a few hundredths of a second per page. Returns 0.0 for a
    blank page. Rotating the image by minus this angle makes the lines horizontal.
    """
    import cv2

    if gray.size == 0:
        return 0.0
    factor = min(1.0, 1000.0 / max(gray.shape))
    small = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else gray
    binary = _ink(small)
    if int(np.count_nonzero(binary)) < 50:
        return 0.0
    height, width = binary.shape
    centre = (width / 2.0, height / 2.0)

    def sharpness(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, float(angle), 1.0)
        rotated = cv2.warpAffine(binary, matrix, (width, height), flags=cv2.INTER_NEAREST)
        rows = rotated.sum(axis=1, dtype=np.float64)
        return float(np.sum(np.diff(rows) ** 2))

    best = 0.0
    for step, span in ((0.5, MAX_SKEW), (0.1, 0.5), (0.02, 0.1)):
        candidates = np.round(np.arange(best - span, best + span + step / 2, step), 4)
        best = float(max(candidates, key=sharpness))
    return round(-best, 2)


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """Rotate counter-clockwise by `angle` degrees about the centre, keeping the size.

    Corners that come in from outside are paper white, so they add no ink.
    """
    import cv2

    if abs(angle) < 1e-3:
        return gray
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2.0, height / 2.0), angle, 1.0)
    return cv2.warpAffine(
        gray, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=255
    )


def rotate_point(x: float, y: float, width: float, height: float, angle: float) -> tuple[float, float]:
    """Where (x, y) lands when a width x height image is rotated as `rotate` does it."""
    theta = np.deg2rad(angle)
    cx, cy = width / 2.0, height / 2.0
    dx, dy = x - cx, y - cy
    cos, sin = float(np.cos(theta)), float(np.sin(theta))
    # y grows downwards, so a counter-clockwise turn as displayed is this matrix.
    return cx + cos * dx + sin * dy, cy - sin * dx + cos * dy


def background(gray: np.ndarray, px_per_pt: float) -> np.ndarray:
    """The page with text and lines removed: paper tone, shading and dark fills only.

    A median over about 6 pt is wider than any stroke or rule but narrower than a header
    band, so it tells paper from filled areas under the ink.
    """
    import cv2

    size = max(5, int(6 * px_per_pt)) | 1
    return cv2.medianBlur(gray, size)


def dark_mask(backdrop: np.ndarray) -> np.ndarray:
    """Pixels inside dark filled areas (banners, dark header rows), where text is light."""
    import cv2

    paper = float(np.percentile(backdrop, 90))
    mask = np.where(backdrop < paper * 0.45, 255, 0).astype(np.uint8)
    # a fill is wide (a banner, a header row); the strokes of a large bold title that survive the
    # median are letter-sized blobs, and inverting them garbles the title
    _count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    keep = stats[:, cv2.CC_STAT_WIDTH] >= 0.08 * mask.shape[1]
    keep[0] = False  # the paper
    mask = np.where(keep[labels], 255, 0).astype(np.uint8)
    return cv2.dilate(mask, np.ones((5, 5), np.uint8))


def for_ocr(gray: np.ndarray, backdrop: np.ndarray, line_mask: np.ndarray) -> np.ndarray:
    """Dark text on light paper everywhere, without ruling lines (Tesseract reads those as `|`)."""
    clean = gray.copy()
    inverted = dark_mask(backdrop) > 0
    if inverted.any():
        clean[inverted] = 255 - clean[inverted]
    clean[line_mask > 0] = 255
    return clean


def detect_rules(
    gray: np.ndarray, px_per_pt: float, backdrop: np.ndarray | None = None
) -> tuple[list[Segment], np.ndarray]:
    """Ruling lines of a (deskewed) page image and a mask of their pixels.

    Adaptive thresholding copes with shaded header cells and uneven paper; opening with
    long thin kernels keeps only strokes longer than any letter. Vertical strokes must
    meet two horizontal rules, which drops tall letters in headings but keeps table grids;
    strokes with a dark fill on both sides are the outlines of light letters on a dark
    band, not rules (the band's edges, with paper on one side, are kept). The mask lets
    the caller erase the lines before OCR.
    """
    import cv2

    if backdrop is None:
        backdrop = background(gray, px_per_pt)
    block = max(15, int(11 * px_per_pt)) | 1
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 15)
    h_len = max(20, int(round(28 * px_per_pt)))
    v_len = max(15, int(round(12 * px_per_pt)))
    gap = max(3, int(round(2 * px_per_pt)))
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    horizontal = cv2.morphologyEx(
        horizontal, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1))
    )
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    vertical = cv2.morphologyEx(
        vertical, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, gap))
    )
    max_thickness = 4.0 * px_per_pt  # thicker bars are filled areas, not rules
    paper = float(np.percentile(backdrop, 90))
    offset = 3.0 * px_per_pt

    def on_paper(seg: Segment) -> bool:
        return not _inside_fill(seg, backdrop, paper * 0.45, offset)

    bands = dark_bands(backdrop, px_per_pt)
    h_segments = [s for s in _segments(horizontal, "h", max_thickness) if on_paper(s)]
    h_segments += _band_edges(bands, h_segments, 2 * px_per_pt)
    v_candidates = [s for s in _segments(vertical, "v", max_thickness) if on_paper(s)]
    v_candidates += _band_separators(gray, bands)
    v_segments = [s for s in v_candidates if _touches(s, h_segments, 3 * px_per_pt)]
    mask = np.zeros_like(gray)
    for seg in [*h_segments, *v_segments]:
        half = seg.thickness / 2.0 + 1.0
        x0, x1 = sorted((seg.x0, seg.x1))
        y0, y1 = sorted((seg.y0, seg.y1))
        if seg.orientation == "h":
            y0, y1 = y0 - half, y1 + half
        else:
            x0, x1 = x0 - half, x1 + half
        mask[max(0, int(y0)) : int(np.ceil(y1)) + 1, max(0, int(x0)) : int(np.ceil(x1)) + 1] = 255
    mask = cv2.bitwise_and(mask, cv2.bitwise_or(horizontal, vertical))
    mask = cv2.dilate(mask, np.ones((3, 3), np.uint8))
    return [*h_segments, *v_segments], mask


@dataclass(frozen=True, slots=True)
class Band:
    """A dark filled rectangle (a header row, a banner), in pixels, with its grey level."""

    x0: int
    y0: int
    x1: int
    y1: int
    level: float


def dark_bands(backdrop: np.ndarray, px_per_pt: float) -> list[Band]:
    """Dark filled rectangles at least one text line tall: header rows with light text, banners.

    On a vector page such a row is a filled rectangle whose edges bound the cells; a scan
    only shows the fill, so its edges are turned into rules (see `_band_edges`).
    """
    import cv2

    paper = float(np.percentile(backdrop, 90))
    mask = np.where(backdrop < paper * 0.45, 255, 0).astype(np.uint8)
    count, _labels, stats, _centroids = cv2.connectedComponentsWithStats(mask, connectivity=4)
    bands: list[Band] = []
    for i in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[i])
        if h < 6 * px_per_pt or w < 40 * px_per_pt or area < 0.85 * w * h:
            continue  # specks, pictures, photos: not a rectangle
        level = float(np.median(backdrop[y : y + h, x : x + w]))
        bands.append(Band(x, y, x + w, y + h, round(level / 255.0, 2)))
    return bands


def _band_edges(bands: list[Band], horizontals: list[Segment], tolerance: float) -> list[Segment]:
    """Top and bottom edges of dark bands as rules where no rule was found along them."""
    added: list[Segment] = []
    for band in bands:
        for y in (band.y0, band.y1):
            covered = sum(
                max(0.0, min(h.x1, band.x1) - max(h.x0, band.x0))
                for h in horizontals
                if abs(h.y0 - y) <= tolerance
            )
            if covered < 0.6 * (band.x1 - band.x0):
                added.append(Segment("h", float(band.x0), float(y), float(band.x1), float(y), 0.0))
    return added


def _band_separators(gray: np.ndarray, bands: list[Band]) -> list[Segment]:
    """Lighter vertical lines across a dark band: the column rules of a dark header row.

    Text never fills a column of pixels from the band's top to its bottom, so a column
    whose darkest pixels are still clearly lighter than the band is a rule; the band's
    own ends are left to the table's outer rules.
    """
    found: list[Segment] = []
    for band in bands:
        height = band.y1 - band.y0
        inner = gray[band.y0 + height // 10 : band.y1 - height // 10, band.x0 : band.x1]
        if inner.size == 0 or inner.shape[1] < 10:
            continue
        darkest = np.percentile(inner, 5, axis=0)
        lit = np.flatnonzero(darkest > float(np.median(darkest)) + 25.0)
        runs: list[list[int]] = []
        for x in lit.tolist():
            if runs and x - runs[-1][-1] <= 2:
                runs[-1].append(x)
            else:
                runs.append([x])
        for run in runs:
            if run[0] <= 3 or run[-1] >= inner.shape[1] - 4 or len(run) > 8:
                continue
            x = band.x0 + max(run, key=lambda i: float(darkest[i]))
            found.append(Segment("v", float(x), float(band.y0), float(x), float(band.y1), 0.0))
    return found


def _inside_fill(seg: Segment, backdrop: np.ndarray, dark: float, offset: float) -> bool:
    """True when the backdrop is dark on both sides of the segment."""
    height, width = backdrop.shape
    d = seg.thickness / 2.0 + offset
    sides: list[float] = []
    for sign in (-1.0, 1.0):
        values = []
        for t in np.linspace(0.1, 0.9, 9):
            x = seg.x0 + (seg.x1 - seg.x0) * t
            y = seg.y0 + (seg.y1 - seg.y0) * t
            if seg.orientation == "h":
                y += sign * d
            else:
                x += sign * d
            xi, yi = int(round(x)), int(round(y))
            if 0 <= xi < width and 0 <= yi < height:
                values.append(float(backdrop[yi, xi]))
        sides.append(float(np.median(values)) if values else 255.0)
    return max(sides) < dark


def _segments(lines: np.ndarray, orientation: str, max_thickness: float) -> list[Segment]:
    """One segment per connected line component, as its centre line."""
    import cv2

    contours, _ = cv2.findContours(lines, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    found: list[Segment] = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        pixels = float(np.count_nonzero(lines[y : y + h, x : x + w]))
        if orientation == "h":
            thickness = pixels / max(w, 1)
            if thickness > max_thickness:
                continue
            found.append(Segment("h", float(x), y + h / 2.0, float(x + w), y + h / 2.0, round(thickness, 2)))
        else:
            thickness = pixels / max(h, 1)
            if thickness > max_thickness:
                continue
            found.append(Segment("v", x + w / 2.0, float(y), x + w / 2.0, float(y + h), round(thickness, 2)))
    found.sort(key=lambda s: (s.y0, s.x0) if orientation == "h" else (s.x0, s.y0))
    return found


def _touches(vertical: Segment, horizontals: list[Segment], tolerance: float) -> bool:
    """True when `vertical` meets or crosses two horizontal rules, as every grid line does.

    A letter stem in a heading meets at most one (an underline or a band edge); a rule
    between cells runs from one row rule to the next, or down a whole table.
    """
    met: list[float] = []
    for h in horizontals:
        if (
            h.x0 - tolerance <= vertical.x0 <= h.x1 + tolerance
            and vertical.y0 - tolerance <= h.y0 <= vertical.y1 + tolerance
            and all(abs(h.y0 - y) > tolerance for y in met)
        ):
            met.append(h.y0)
            if len(met) >= 2:
                return True
    return False
