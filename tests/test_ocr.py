"""OCR of scanned pages: skew, ruling lines, words in page coordinates, page selection, failures."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from extractors.pdf import ocr, raster
from extractors.pdf.model import ImageArea, Page, ParsedDocument, Word
from extractors.pdf.reader import read_pdf
from tests.conftest import corpus_pdf

SCAN = "scanned_handlingsplan_excerpt.pdf"
SCAN_ROTATIONS = [0.7, -1.1, 1.4, -0.6]  # how the corpus scan was built (corpus README)


def _tesseract_ready() -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    _usable, problem = ocr.usable_languages(ocr.DEFAULT_LANGUAGES)
    if problem is not None:
        pytest.skip(problem)


def _norm(text: str) -> str:
    return re.sub(r"[^\w]", "", text.lower())


@pytest.fixture(scope="module")
def scan_page1() -> ParsedDocument:
    """Page 1 of the corpus scan, OCR'd once for all tests of this module."""
    _tesseract_ready()
    path = str(corpus_pdf(SCAN))
    doc = read_pdf(path, max_pages=1)
    ocr.apply_ocr(doc, path)
    return doc


def _synthetic_page(angle: float) -> np.ndarray:
    """A ruled table with text-like bars, rotated counter-clockwise by `angle` degrees."""
    import cv2

    image = np.full((1200, 1700), 235, np.uint8)
    for y in (200, 300, 400, 500, 600, 700, 800):
        cv2.line(image, (150, y), (1550, y), 30, 3)
    for x in (150, 500, 900, 1550):
        cv2.line(image, (x, 200), (x, 800), 30, 3)
    rng = np.random.default_rng(7)
    for row in range(6):
        for col, (x0, x1) in enumerate(((170, 480), (520, 880), (920, 1530))):
            for line in range(2):
                y = 225 + row * 100 + line * 35
                x = x0
                while x < x1 - 60:
                    width = int(rng.integers(25, 90))
                    cv2.rectangle(image, (x, y), (min(x + width, x1), y + 14), 40 + 10 * col, -1)
                    x += width + 14
    return raster.rotate(image, angle)


@pytest.mark.parametrize("angle", [-3.7, -1.1, 0.0, 0.6, 2.3])
def test_estimate_skew_on_synthetic_rotations(angle: float) -> None:
    assert raster.estimate_skew(_synthetic_page(angle)) == pytest.approx(angle, abs=0.1)


def test_estimate_skew_blank_page_is_zero() -> None:
    assert raster.estimate_skew(np.full((400, 600), 240, np.uint8)) == 0.0


def test_detect_rules_finds_the_synthetic_grid_after_deskew() -> None:
    page = _synthetic_page(1.4)
    straight = raster.rotate(page, -raster.estimate_skew(page))
    segments, mask = raster.detect_rules(straight, 200 / 72)
    horizontal = [s for s in segments if s.orientation == "h"]
    vertical = [s for s in segments if s.orientation == "v"]
    assert len(horizontal) == 7
    assert len(vertical) == 4
    assert all(abs((s.x1 - s.x0) - 1400) < 30 for s in horizontal)
    assert all(abs((s.y1 - s.y0) - 600) < 30 for s in vertical)
    assert mask.any()
    # The text-like bars are not rules and are not erased.
    assert not mask[230:235, 200:400].all()


def test_rotate_point_matches_image_rotation() -> None:
    image = np.full((300, 400), 255, np.uint8)
    image[50:54, 80:84] = 0
    turned = raster.rotate(image, 3.0)
    ys, xs = np.nonzero(turned < 128)
    x, y = raster.rotate_point(81.5, 51.5, 400, 300, 3.0)
    assert float(xs.mean()) == pytest.approx(x, abs=1.0)
    assert float(ys.mean()) == pytest.approx(y, abs=1.0)


def test_skew_of_corpus_scan_pages() -> None:
    path = str(corpus_pdf(SCAN))
    found = []
    with raster.open_pdf(path) as pdf:
        assert raster.render_dpi(pdf[0]) == 200  # rendered at the scan's own resolution
        for index, expected in enumerate(SCAN_ROTATIONS):
            gray = raster.render_gray(pdf[index], 100)
            found.append(raster.estimate_skew(gray))
            assert found[-1] == pytest.approx(expected, abs=0.3)
    assert found[2] > 1.0 and found[1] < -0.8


def test_scan_page1_words_match_gold(scan_page1: ParsedDocument) -> None:
    page = scan_page1.pages[0]
    assert page.ocr and scan_page1.ocr_pages == 1
    assert page.ocr_confidence is not None and page.ocr_confidence > 0.75
    assert all(w.ocr and w.confidence is not None and 0 <= w.confidence <= 1 for w in page.words)
    assert not any(w.bold for w in page.words)
    gold = json.loads(Path(corpus_pdf(SCAN.replace(".pdf", ".gold.json"))).read_text(encoding="utf-8"))
    expected = [_norm(t) for a in gold["activities"] if a["page"] == 1 for t in a["title"].split()]
    expected = [t for t in expected if t]
    found = {_norm(w.text) for w in page.words}
    share = sum(t in found for t in expected) / len(expected)
    assert share > 0.9, share  # the text layer of the source page itself scores 0.956
    # Read with the Swedish model alone: ä is not turned into the Norwegian å.
    assert {"förväntat", "näringslivet", "bemärkelse"} <= found
    assert {"kompetensförsörjning", "sommarjobb", "handledarutbildningar"} <= found
    # Body text is 8.5 pt in the source document.
    sizes = Counter(w.size for w in page.words)
    assert 8.0 <= sizes.most_common(1)[0][0] <= 9.5


def test_scan_page1_rules_form_the_table_grid(scan_page1: ParsedDocument) -> None:
    rules = scan_page1.pages[0].rules
    horizontal = [r for r in rules if r.orientation == "h"]
    vertical = [r for r in rules if r.orientation == "v"]
    assert len(horizontal) >= 10 and len(vertical) >= 8
    assert all(r.top == r.bottom for r in horizontal) and all(r.x0 == r.x1 for r in vertical)
    # The table spans most of the landscape page width; the rules are straight after deskew.
    widest = max(r.x1 - r.x0 for r in horizontal)
    assert widest > 0.7 * scan_page1.pages[0].width


def test_scan_words_sit_where_the_vector_page_has_them(scan_page1: ParsedDocument) -> None:
    """The scan is page 10 of the Handlingsplan: OCR boxes must land on its word boxes."""
    vector = read_pdf(str(corpus_pdf("handlingsplan_goteborg_2019_2021.pdf")), max_pages=10).pages[9]
    scanned = scan_page1.pages[0].words
    v_count = Counter(w.text for w in vector.words)
    s_count = Counter(w.text for w in scanned)
    shared = [t for t in v_count if len(t) >= 6 and v_count[t] == 1 and s_count.get(t) == 1]
    assert len(shared) > 60
    v_by = {w.text: w for w in vector.words}
    s_by = {w.text: w for w in scanned}
    dx = [s_by[t].x0 - v_by[t].x0 for t in shared]
    dy = [(s_by[t].top + s_by[t].bottom - v_by[t].top - v_by[t].bottom) / 2 for t in shared]
    assert abs(float(np.median(dx))) < 2.0 and max(abs(d) for d in dx) < 5.0
    assert abs(float(np.median(dy))) < 3.0 and max(abs(d) for d in dy) < 6.0


def test_words_of_each_table_cell_sit_inside_its_rules(scan_page1: ParsedDocument) -> None:
    page = scan_page1.pages[0]
    row_lines = sorted({round(r.top) for r in page.rules if r.orientation == "h"})
    crossing = [
        w
        for w in page.words
        if w.confidence and w.confidence > 0.8 and any(w.top + 1 < y < w.bottom - 1 for y in row_lines)
    ]
    assert len(crossing) <= 2, crossing


def test_mode_never_does_nothing() -> None:
    path = str(corpus_pdf(SCAN))
    doc = read_pdf(path, max_pages=1)
    ocr.apply_ocr(doc, path, mode="never")
    assert doc.pages[0].words == [] and doc.pages[0].rules == [] and not doc.pages[0].ocr
    assert doc.warnings == []


def test_text_pdf_is_not_ocrd_and_nothing_is_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(corpus_pdf("handlingsplan_goteborg_2019_2021.pdf"))
    doc = read_pdf(path)
    before = [list(p.words) for p in doc.pages]
    opened: list[str] = []
    monkeypatch.setattr(raster, "open_pdf", opened.append)
    ocr.apply_ocr(doc, path, mode="auto")
    assert opened == []
    assert doc.ocr_pages == 0 and doc.warnings == []
    assert [p.words for p in doc.pages] == before
    assert ocr.pages_to_ocr(doc) == []
    # The contents page (dot leaders) is not mistaken for a garbage text layer.
    assert not ocr.is_garbage_text(" ".join(w.text for w in doc.pages[2].words))


def test_designed_slides_with_background_images_are_not_ocrd() -> None:
    doc = read_pdf(str(corpus_pdf("reglab_idemote_2020.pdf")))
    title_slides = [p for p in doc.pages if p.image_coverage > 0.9 and 0 < p.text_chars < ocr.MIN_TEXT_CHARS]
    assert len(title_slides) >= 5
    assert ocr.pages_to_ocr(doc) == []


def test_scan_pages_need_ocr() -> None:
    doc = read_pdf(str(corpus_pdf(SCAN)))
    assert all(p.text_chars == 0 and p.image_coverage > 0.95 for p in doc.pages)
    assert ocr.pages_to_ocr(doc) == doc.pages


def test_missing_tesseract_skips_with_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/bin/tesseract")
    path = str(corpus_pdf(SCAN))
    doc = read_pdf(path)
    ocr.apply_ocr(doc, path)
    assert doc.ocr_pages == 0
    assert doc.warnings == ["OCR skipped: tesseract is not installed (4 pages have no text layer)"]
    assert all("OCR skipped" in p.warnings[0] for p in doc.pages)


def test_missing_language_skips_with_warning() -> None:
    _tesseract_ready()
    path = str(corpus_pdf(SCAN))
    doc = read_pdf(path, max_pages=1)
    ocr.apply_ocr(doc, path, languages="xyz")
    assert doc.ocr_pages == 0
    assert len(doc.warnings) == 1 and "OCR skipped" in doc.warnings[0] and "xyz" in doc.warnings[0]


def test_failing_page_gets_a_warning_and_does_not_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    _tesseract_ready()

    def broken(*_args: object) -> ocr.OcrResult:
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(ocr, "ocr_page", broken)
    path = str(corpus_pdf(SCAN))
    doc = read_pdf(path, max_pages=2)
    ocr.apply_ocr(doc, path)
    assert doc.ocr_pages == 0
    assert [w for w in doc.warnings if "OCR failed" in w and "renderer crashed" in w] == [
        "page 1: OCR failed (RuntimeError: renderer crashed)",
        "page 2: OCR failed (RuntimeError: renderer crashed)",
    ]
    assert "OCR skipped" not in " ".join(doc.warnings)


def test_unknown_mode_is_an_error() -> None:
    with pytest.raises(ValueError):
        ocr.apply_ocr(ParsedDocument(path="x.pdf", pages=[]), "x.pdf", mode="sometimes")


def _shifted(text: str, by: int = 3) -> str:
    """A font whose glyph codes are off by a few letters, as broken subsets produce."""
    out = []
    for c in text:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - 97 + by) % 26 + 97))
        elif "A" <= c <= "Z":
            out.append(chr((ord(c) - 65 + by) % 26 + 65))
        else:
            out.append(c)
    return "".join(out)


SWEDISH = (
    "Kommunen ska under perioden utveckla samverkan mellan skola och näringsliv och stärka "
    "företagens möjligheter att rekrytera rätt kompetens i hela regionen genom nya insatser"
)
NYNORSK = (
    "Kommunen skal i planperioden styrkje samarbeidet mellom næringslivet og skulane og "
    "leggje til rette for nye arbeidsplassar i heile regionen gjennom felles tiltak"
)


def test_garbage_text_layers_are_recognised() -> None:
    assert ocr.is_garbage_text("(cid:12)(cid:7)(cid:44) " * 20)
    assert ocr.is_garbage_text("\ufffd\ufffd \ufffd\ufffd\ufffd " * 15)
    assert ocr.is_garbage_text("\ue001\ue002\ue003 \ue004\ue005 " * 15)
    assert ocr.is_garbage_text("!\"#$ %&'() *+,-./ :;<=>? " * 8)
    assert ocr.is_garbage_text(_shifted(SWEDISH))
    assert ocr.is_garbage_text(_shifted(NYNORSK, 11))


def test_readable_text_layers_are_kept() -> None:
    assert not ocr.is_garbage_text(SWEDISH)
    assert not ocr.is_garbage_text(NYNORSK)
    assert not ocr.is_garbage_text("Budget 2019 2020 2021 Totalt 1 250 000 3 400 500 12,5 % 4 850 tkr " * 3)
    assert not ocr.is_garbage_text("short")


def test_needs_ocr_from_the_page_model_alone() -> None:
    full_image = [ImageArea(0, 0, 595, 842)]
    words = [Word(w, 50 + 40 * i, 100, 80 + 40 * i, 110) for i, w in enumerate(SWEDISH.split())]
    assert ocr.needs_ocr(Page(number=1, width=595, height=842, images=full_image))
    stamped = [Word("Sida", 500, 800, 520, 810), Word("3", 522, 800, 528, 810)]
    assert ocr.needs_ocr(Page(number=1, width=595, height=842, images=full_image, words=stamped))
    # A photo cover with a real title, and a text page, are left alone.
    assert not ocr.needs_ocr(Page(number=1, width=595, height=842, images=full_image, words=words))
    # In a document of text pages, a stamped image page is a designed page; a bare one is a scan.
    assert not ocr.needs_ocr(Page(number=1, width=595, height=842, images=full_image, words=stamped), True)
    assert ocr.needs_ocr(Page(number=1, width=595, height=842, images=full_image), True)
    assert not ocr.needs_ocr(Page(number=1, width=595, height=842, words=words))
    garbage = [Word(_shifted(w.text), w.x0, w.top, w.x1, w.bottom) for w in words]
    assert ocr.needs_ocr(Page(number=1, width=595, height=842, words=garbage))
    assert not ocr.needs_ocr(Page(number=1, width=595, height=842))  # blank, nothing to read


def _latin1_font(size: int) -> Any:
    """A TrueType font with æ, ø and å (Pillow's built-in one lacks them)."""
    from PIL import ImageFont

    candidates: list[Path] = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]
    try:
        import reportlab

        candidates.insert(0, Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.exists():
            return ImageFont.truetype(str(candidate), size)
    pytest.skip("no TrueType font with Nordic letters")


NORWEGIAN_ROWS = [
    ("Tiltak", "Ansvar", "Tidsplan"),
    ("Styrkje samarbeidet mellom kommunane", "Regionrådet", "2021"),
    ("Utvikle næringsarealer ved sjøen", "Kommunen", "2022"),
    ("Kartlegge behovet for kompetanse", "Fylkeskommunen", "2023"),
]


def test_synthetic_norwegian_scan_end_to_end(tmp_path: Path) -> None:
    """A scan unlike the corpus: portrait, Norwegian, a three-column grid, rotated -0.9 degrees."""
    _tesseract_ready()
    from PIL import Image, ImageDraw

    width, height = 1654, 2339  # A4 portrait at 200 dpi
    image = Image.new("L", (width, height), 238)
    draw = ImageDraw.Draw(image)
    font = _latin1_font(34)
    columns = [100, 870, 1220, 1560]
    top = 400
    for r, row in enumerate(NORWEGIAN_ROWS):
        y = top + r * 90
        draw.line([(columns[0], y), (columns[-1], y)], fill=25, width=3)
        for c, text in enumerate(row):
            draw.text((columns[c] + 15, y + 25), text, fill=20, font=font)
    bottom = top + len(NORWEGIAN_ROWS) * 90
    draw.line([(columns[0], bottom), (columns[-1], bottom)], fill=25, width=3)
    for x in columns:
        draw.line([(x, top), (x, bottom)], fill=25, width=3)
    image = image.rotate(-0.9, resample=Image.Resampling.BILINEAR, fillcolor=238)
    path = tmp_path / "skannet_plan.pdf"
    image.save(path, "PDF", resolution=200.0)

    doc = read_pdf(str(path))
    assert ocr.pages_to_ocr(doc) == doc.pages
    ocr.apply_ocr(doc, str(path))
    page = doc.pages[0]
    assert page.ocr and doc.warnings == []
    found = {_norm(w.text) for w in page.words}
    expected = {_norm(t) for row in NORWEGIAN_ROWS for cell in row for t in cell.split()}
    assert len(expected & found) >= 0.85 * len(expected), expected - found
    assert {"næringsarealer", "sjøen", "regionrådet"} <= found
    rules = page.rules
    assert sum(r.orientation == "h" for r in rules) == len(NORWEGIAN_ROWS) + 1
    assert sum(r.orientation == "v" for r in rules) == len(columns)
    # Words sit inside their column, in points (72 / 200 of a pixel).
    scale = 72 / 200
    ansvar = next(w for w in page.words if w.text == "Ansvar")
    assert columns[1] * scale < ansvar.x0 < columns[2] * scale
    assert abs(ansvar.top - (top + 25) * scale) < 6


def test_page_language_picks_the_tesseract_model() -> None:
    def words(text: str) -> list[Word]:
        return [Word(t, 0, 0, 10, 10, ocr=True, confidence=0.9) for t in text.split()]

    assert ocr.page_language(words(SWEDISH)) == "swe"
    assert ocr.page_language(words(NYNORSK)) == "nor"
    assert ocr.page_language(words("Tiltak 1")) is None


def test_specks_and_rule_stubs_are_residue_but_words_and_dashes_are_not() -> None:
    assert ocr.is_residue("å", 0.7, 0.7, 0.0)  # a speck named by Tesseract
    assert ocr.is_residue("|", 0.7, 16.2, 0.9)  # the stub of a column rule
    assert ocr.is_residue("=", 3.2, 11.1, 0.45)
    assert ocr.is_residue("AR", 9.4, 10.4, 0.07)
    assert not ocr.is_residue("-", 1.8, 1.1, 0.78)  # "samarbeid - utarbeide"
    assert not ocr.is_residue("i", 1.1, 5.8, 0.24)
    assert not ocr.is_residue("Q1", 9.0, 7.2, 0.24)


def test_ocr_word_boxes_are_one_em_on_the_baseline() -> None:
    """Ink boxes of "Arb-" and "vux," differ in height; their em boxes do not."""
    tall = ocr._em_box(Word("Arb-", 10, 100.0, 30, 106.5, ocr=True), 9.0)
    short = ocr._em_box(Word("vux,", 10, 112.0, 30, 116.5, ocr=True), 9.0)
    deep = ocr._em_box(Word("gäng", 10, 112.0, 30, 118.5, ocr=True), 9.0)
    assert tall.bottom - tall.top == pytest.approx(9.0)
    assert short.bottom - short.top == pytest.approx(9.0)
    assert deep.bottom == pytest.approx(118.5)  # the descender reaches the em box's foot
    assert short.top - tall.bottom < 0.55 * 9.0  # the next line of the same paragraph


def test_dark_header_band_gives_its_edges_and_light_column_rules() -> None:
    """A dark header row has no drawn rules on a scan, only its fill and lighter separators."""
    import cv2

    image = np.full((800, 1400), 240, np.uint8)
    cv2.rectangle(image, (100, 200), (1300, 260), 30, -1)  # the band
    for x in (500, 900):
        cv2.line(image, (x, 200), (x, 260), 120, 3)  # lighter rules across the band
    for y in (400, 540):
        cv2.line(image, (100, y), (1300, y), 30, 3)
    for x in (100, 500, 900, 1300):
        cv2.line(image, (x, 260), (x, 540), 30, 3)
    ppt = 200 / 72
    segments, _mask = raster.detect_rules(image, ppt)
    ys = sorted(round(s.y0) for s in segments if s.orientation == "h")
    assert any(abs(y - 200) <= 5 for y in ys) and any(abs(y - 260) <= 5 for y in ys)
    in_band = sorted(round(s.x0) for s in segments if s.orientation == "v" and s.y1 <= 270)
    assert [x for x in in_band if 110 < x < 1290] == [pytest.approx(500, abs=3), pytest.approx(900, abs=3)]


def test_a_dark_fill_is_wide_and_bold_letters_are_no_fill() -> None:
    """Only a band across the page is inverted before OCR; the letter-sized dark blobs a large
    bold title leaves after the median are not (inverting them garbled the title)."""
    import numpy as np

    from extractors.pdf.raster import dark_mask

    page = np.full((400, 1000), 240, dtype=np.uint8)
    page[50:80, 100:900] = 30  # a dark header band
    page[200:230, 100:120] = 30  # a bold letter's stroke
    mask = dark_mask(page)
    assert mask[65, 500] > 0
    assert mask[215, 110] == 0
