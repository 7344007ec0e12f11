"""The PDFium backend gives the page model the pdfplumber backend gives.

Real corpus PDFs must come out with the same tables and blocks; synthetic PDFs cover what
the corpus lacks (rotated pages, MediaBox offsets, CropBoxes, images, stroked and filled
rectangles), and the small pure functions (word building, path reading, geometry) are
checked on hand-made input.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from extractors.pdf.backends.base import Geometry, RawWord, build_words
from extractors.pdf.backends.chars import Char, words_from_chars
from extractors.pdf.backends.pdfium import _classify
from extractors.pdf.model import ParsedDocument
from extractors.pdf.reader import BACKENDS, UnreadablePDF, read_pdf
from tests.conftest import CORPUS, REALWORLD, corpus_pdf

CORPUS_FILES = [
    "byregion_sor_troms_status.pdf",
    "handlingsplan_goteborg_2019_2021.pdf",
    "lnu_ideskrift_2002_2004.pdf",
    "reglab_idemote_2020.pdf",
    "scanned_handlingsplan_excerpt.pdf",
    "tillvaxtpaketet_ludvika_slutrapport.pdf",
]


def _both(path: Path | str, **kwargs: Any) -> tuple[ParsedDocument, ParsedDocument]:
    return read_pdf(str(path), backend="pdfium", **kwargs), read_pdf(
        str(path), backend="pdfplumber", **kwargs
    )


def _layout_signature(doc: ParsedDocument) -> tuple[list[Any], list[Any]]:
    from extractors.pdf.layout import analyse

    layout = analyse(doc)
    tables = [
        (page.number, t.n_rows, t.n_cols, [(c.row, c.col, c.text) for c in t.cells])
        for page in layout.pages
        for t in page.tables
    ]
    blocks = [(page.number, b.kind, b.text) for page in layout.pages for b in page.blocks]
    return tables, blocks


def _assert_same_pages(fast: ParsedDocument, ref: ParsedDocument, y_tolerance: float = 0.05) -> None:
    """Same pages, same words (text and box up to float noise), same rules, boxes and images.

    Turned (not upright) text is compared by its letters only: pdfplumber takes a turned
    glyph's advance for its size and so makes a word of every letter; PDFium's words stay whole.
    Boxes may differ by a few tenths of a point along the line (PDFium's origins and italic
    advances) and, for one word in 500, more (a glyph missing from its font: the libraries
    take its descent from different places).
    """
    words = off = 0
    assert fast.n_pages == ref.n_pages
    for a, b in zip(fast.pages, ref.pages, strict=True):
        assert (a.rotation, round(a.width, 2), round(a.height, 2)) == (
            b.rotation,
            round(b.width, 2),
            round(b.height, 2),
        )
        turned_a = Counter("".join(w.text for w in a.words if not w.upright))
        assert turned_a == Counter("".join(w.text for w in b.words if not w.upright))
        upright_a = [w for w in a.words if w.upright]
        upright_b = [w for w in b.words if w.upright]
        assert Counter(w.text for w in upright_a) == Counter(w.text for w in upright_b)
        key = lambda w: (w.text, round(w.top), round(w.x0))  # noqa: E731
        for wa, wb in zip(sorted(upright_a, key=key), sorted(upright_b, key=key), strict=True):
            assert wa.text == wb.text
            assert (wa.bold, wa.italic, wa.upright) == (wb.bold, wb.italic, wb.upright)
            assert abs(wa.size - wb.size) < 0.02  # 32-bit floats round the other way at times
            words += 1
            along = max(abs(wa.x0 - wb.x0), abs(wa.x1 - wb.x1))
            across = max(abs(wa.top - wb.top), abs(wa.bottom - wb.bottom))
            off += along >= 0.6 or across >= y_tolerance
    assert off <= words / 500, (off, words)
    for a, b in zip(fast.pages, ref.pages, strict=True):
        _assert_same_items(a.rules, b.rules)
        _assert_same_items(a.boxes, b.boxes)
        _assert_same_items(a.images, b.images)


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return abs(a - b) < 0.05
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _assert_same_items(fast: list[Any], ref: list[Any]) -> None:
    """Rules, boxes or images equal up to float noise (PDFium works in 32-bit floats)."""
    assert len(fast) == len(ref)
    key = lambda item: tuple(round(v) for v in item.bbox)  # noqa: E731
    for a, b in zip(sorted(fast, key=key), sorted(ref, key=key), strict=True):
        # PDFium gives every fill colour as RGB; pdfminer keeps gray and CMYK as written
        values_a = tuple(getattr(a, n) for n in a.__slots__ if n != "fill") + (getattr(a, "shaded", None),)
        values_b = tuple(getattr(b, n) for n in b.__slots__ if n != "fill") + (getattr(b, "shaded", None),)
        assert _close(values_a, values_b), (a, b)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_layout_is_the_same_with_both_backends(name: str) -> None:
    fast, ref = _both(corpus_pdf(name))
    assert _layout_signature(fast) == _layout_signature(ref)
    _assert_same_pages(fast, ref)
    assert fast.metadata == ref.metadata


def test_chromium_soft_hyphens_leave_words_whole() -> None:
    fast, ref = _both(corpus_pdf("lnu_ideskrift_2002_2004.pdf"), max_pages=6)
    words = [w.text for p in fast.pages for w in p.words]
    assert "sammanställning" in words
    assert words.count("sammanställning") == [w.text for p in ref.pages for w in p.words].count(
        "sammanställning"
    )


def test_line_end_hyphen_is_a_hyphen() -> None:
    """PDFium marks a hyphen that ends a line with U+0002; the model keeps the printed "-"."""
    fast, _ = _both(corpus_pdf("handlingsplan_goteborg_2019_2021.pdf"), max_pages=3)
    texts = [w.text for p in fast.pages for w in p.words]
    assert "kommunfullmäkti-" in texts
    assert not any("\x02" in t for t in texts)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.pdf", "empty file: 0 bytes"),
        ("png_renamed.pdf", "not a PDF: the file is a PNG image (no %PDF header)"),
        ("encrypted_password_secret.pdf", "encrypted PDF: a password is required"),
        (
            "truncated_slutrapport.pdf",
            "damaged PDF: the file is truncated or its cross-reference table is missing",
        ),
    ],
)
def test_bad_files_fail_with_the_same_message(name: str, message: str) -> None:
    path = CORPUS / "bad" / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    for backend in BACKENDS:
        with pytest.raises(UnreadablePDF) as caught:
            read_pdf(str(path), backend=backend)
        assert str(caught.value) == message


def test_password_opens_the_encrypted_copy() -> None:
    path = CORPUS / "bad" / "encrypted_password_secret.pdf"
    if not path.exists():
        pytest.skip(f"{path} not available")
    opened = read_pdf(str(path), password="secret", backend="pdfium")
    plain = read_pdf(str(corpus_pdf("byregion_sor_troms_status.pdf")), backend="pdfium")
    assert [[w.text for w in p.words] for p in opened.pages] == [
        [w.text for w in p.words] for p in plain.pages
    ]


def test_zero_page_pdf_gets_the_reference_message(tmp_path: Path) -> None:
    path = tmp_path / "nopages.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    with pytest.raises(UnreadablePDF, match="^the PDF has no pages$"):
        read_pdf(str(path), backend="pdfium")


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown PDF backend"):
        read_pdf("whatever.pdf", backend="mupdf")


def _synthetic(path: Path) -> None:
    """Four pages of text, a ruled grid, a shaded cell, a thin filled rule, a curve and an image;
    then PDFium gives the pages /Rotate 0, 90, 180, 270, MediaBox offsets and a CropBox."""
    import io

    import pypdfium2
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    image = Image.new("RGB", (20, 10), (200, 30, 30))
    for n in range(4):
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, 780, f"Rubrik {n + 1}: Handlingsplan")
        c.setFont("Helvetica", 10)
        c.drawString(72, 760, "Kommunen ska utveckla näringslivet, se figur (offentlig sektor).")
        c.setFont("Times-Italic", 9)
        c.drawString(300, 740, "kursiv not")
        c.setLineWidth(0.75)
        for x in (72, 200, 400):
            c.line(x, 700, x, 600)
        for y in (700, 650, 600):
            c.line(72, y, 400, y)
        c.setFillColorRGB(0.8, 0.8, 0.8)
        c.rect(73, 651, 126, 48, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.rect(72, 580, 300, 1.2, stroke=0, fill=1)
        c.rect(420, 600, 100, 80, stroke=1, fill=0)
        c.bezier(72, 500, 100, 550, 150, 450, 200, 500)
        c.drawString(80, 670, "Aktivitet")
        c.drawString(210, 670, "Ansvarig")
        c.drawImage(ImageReader(image), 400, 400, width=100, height=50)
        c.saveState()
        c.translate(540, 300)
        c.rotate(90)
        c.drawString(0, 0, "Marginal text")
        c.restoreState()
        c.showPage()
    c.save()
    pdf = pypdfium2.PdfDocument(buffer.getvalue())
    for index, rotation in enumerate((0, 90, 180, 270)):
        page = pdf[index]
        page.set_rotation(rotation)
        if index == 1:
            page.set_mediabox(-20, -30, 595, 842)
        if index == 3:
            page.set_mediabox(10, 20, 600, 850)
            page.set_cropbox(30, 40, 580, 800)
        page.close()
    pdf.save(str(path))
    pdf.close()


def test_rotated_offset_and_cropped_pages_match(tmp_path: Path) -> None:
    path = tmp_path / "shapes.pdf"
    _synthetic(path)
    fast, ref = _both(path)
    assert [p.rotation for p in fast.pages] == [0, 90, 180, 270]
    _assert_same_pages(fast, ref, y_tolerance=0.5)  # base-14 fonts are not embedded: descents differ
    first = fast.pages[0]
    assert [w.text for w in first.words if not w.upright] == ["Marginal", "text"]  # read upwards
    assert [w.text for w in fast.pages[1].words if w.upright] == ["Marginal", "text"]
    assert [w.text for w in first.words if w.text.startswith("Rubrik")] == ["Rubrik"]
    assert next(w for w in first.words if w.text == "Rubrik").bold
    assert next(w for w in first.words if w.text == "kursiv").italic
    assert any(b.shaded for b in first.boxes) and any(b.stroke for b in first.boxes)
    assert len(first.images) == 1
    first_only = [ParsedDocument(d.path, d.pages[:1]) for d in (fast, ref)]
    assert _layout_signature(first_only[0]) == _layout_signature(first_only[1])


def test_realworld_rotated_table_matches() -> None:
    path = REALWORLD / "pdfplumber-tests" / "nics-background-checks-2015-11-rotated.pdf"
    if not path.exists():
        pytest.skip(f"{path} not available")
    fast, ref = _both(path)
    assert fast.pages[0].rotation == 90
    _assert_same_pages(fast, ref)
    tables_fast, tables_ref = _layout_signature(fast)[0], _layout_signature(ref)[0]
    assert [t[:3] for t in tables_fast] == [t[:3] for t in tables_ref] and tables_fast
    words = [w.text for w in fast.pages[0].words]
    assert "Territory" in words and "Wyoming" in words  # turned words stay whole


# ------------------------------------------------------------------ pure functions


def _char(text: str, x0: float, top: float = 100.0, width: float = 5.0, font: str = "F") -> Char:
    return Char(text, x0, top, x0 + width, top + 10.0, True, font, 10.0)


def test_words_split_at_spaces_gaps_and_font_runs() -> None:
    chars = [
        _char("P", 10),
        _char("l", 15),
        _char("a", 20),
        _char(" ", 25),
        _char("n", 30),
        _char("x", 36.6),  # gap 1.6 > 1.5: a new word
        _char("B", 41.6, font="F-Bold"),  # another font: another word
        _char("y", 46.6, top=101.5, font="F-Bold"),  # same line within the 2 pt tolerance
        _char("ﬁ", 51.6, font="F-Bold"),  # a ligature is spelt out
    ]
    words = words_from_chars(chars)
    assert [w.text for w in words] == ["Pla", "n", "x", "Byfi"]
    assert words[0].x0 == 10 and words[0].x1 == 25


def test_words_lines_are_clustered_and_sorted_like_pdfplumber() -> None:
    # written right to left and on two lines: come out line by line, left to right
    chars = [_char("b", 15, top=200), _char("a", 10, top=200.5), _char("d", 15), _char("c", 10)]
    assert [w.text for w in words_from_chars(chars)] == ["cd", "ab"]


def test_zero_advance_space_glues_a_soft_hyphenated_word() -> None:
    raw = [
        RawWord("samman", 10.0, 100.0, 50.0, 110.0, "F", 10.0, True),
        RawWord("ställning", 50.1, 100.0, 90.0, 110.0, "F", 10.0, True),
        RawWord("och", 93.0, 100.0, 110.0, 110.0, "F", 10.0, True),
    ]
    assert [w.text for w in build_words(raw)] == ["sammanställning", "och"]


def test_subpaths_are_read_like_pdfminer() -> None:
    rect = [("m", 0.0, 0.0), ("l", 10.0, 0.0), ("l", 10.0, 5.0), ("l", 0.0, 5.0), ("h", 0.0, 0.0)]
    closed_with_line = rect[:4] + [("l", 0.0, 0.0), ("h", 0.0, 0.0)]
    skewed = [("m", 0.0, 0.0), ("l", 10.0, 1.0), ("l", 10.0, 5.0), ("l", 0.0, 5.0), ("h", 0.0, 0.0)]
    assert _classify(rect) == "rect"
    assert _classify(closed_with_line) == "rect"
    assert _classify(skewed) is None
    assert _classify([("m", 0.0, 0.0), ("l", 5.0, 5.0)]) == "line"
    assert _classify([("m", 0.0, 0.0), ("c", 5.0, 5.0)]) is None


def test_geometry_follows_page_rotation_and_mediabox() -> None:
    plain = Geometry.of((0.0, 0.0, 600.0, 800.0), 0)
    assert plain.rect([(10.0, 700.0), (20.0, 710.0)]) == (10.0, 90.0, 20.0, 100.0)
    turned = Geometry.of((0.0, 0.0, 600.0, 800.0), 90)
    assert (turned.width, turned.height) == (800.0, 600.0)
    # user-space (10, 700) is near the left edge; after a quarter turn it is near the top
    assert turned.rect([(10.0, 700.0), (20.0, 710.0)]) == (700.0, 10.0, 710.0, 20.0)
    assert plain.orientation(1, 0, 0, 1) == (True, False)
    assert turned.orientation(1, 0, 0, 1) == (False, False)  # horizontal text on a turned page
    assert turned.orientation(0, 1, -1, 0)[0]
    assert plain.orientation(0, 1, -1, 0) == (False, True)  # turned text reading upwards
    shifted = Geometry.of((100.0, 50.0, 700.0, 850.0), 0)
    assert shifted.rect([(110.0, 800.0), (120.0, 810.0)]) == (110.0, -10.0, 120.0, 0.0)


def test_cli_refuses_an_unknown_backend(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["inspect", "--backend", "mupdf", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1


def test_near_square_dots_are_boxes_in_both_backends() -> None:
    from extractors.pdf.backends.base import RawRect, graphics

    dot = RawRect(120.24, 557.8, 120.7200781, 558.28, None, False)  # 32-bit noise on one side
    rule = RawRect(72.0, 100.0, 300.0, 100.5, (0.0, 0.0, 0.0), False)
    rules, boxes = graphics([], [dot, rule])
    assert [r.orientation for r in rules] == ["h"] and len(boxes) == 1
