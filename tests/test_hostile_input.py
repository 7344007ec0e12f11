"""Hostile input and re-runs: text layers nobody can read, a page too large to render, a PDF
library's stale error, links that lead nowhere, limits that stopped a document, file names that
look like revisions. Every PDF is built here (reportlab or raw bytes) and read by the real code."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from extractors.pdf import ocr, raster
from extractors.pdf.reader import UnreadablePDF, read_pdf
from pipeline import load
from pipeline.discover import BROKEN_LINK, document_key
from pipeline.runner import RunOptions, RunSummary, execute

pytest.importorskip("reportlab")

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
ROWS = [
    ("1", "Kartlägga behovet av lokaler för föreningslivet", "Fritidsförvaltningen", "2026"),
    ("2", "Införa digital bokning av idrottshallar", "Fritidsenheten", "Q3 2026"),
    ("3", "Utveckla samverkan med studieförbunden", "Kulturförvaltningen", "2027"),
    ("4", "Följa upp handlingsplanen årligen", "Kultur- och fritidsnämnden", "2027"),
]
INTRO = "Handlingsplanen gäller 2026–2027 och beslutas av kultur- och fritidsnämnden i kommunen."


def _run(paths: list[Path], out: Path, **kw: Any) -> RunSummary:
    options = RunOptions(paths=[str(p) for p in paths], out_dir=out, workers=1, progress=False, report=False)
    for name, value in kw.items():
        setattr(options, name, value)
    return execute(options)


def _tesseract_ready() -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    if ocr.usable_languages(ocr.DEFAULT_LANGUAGES)[1] is not None:
        pytest.skip("no Swedish/Norwegian tesseract data")


def _vera() -> str:
    import reportlab

    path = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    if not path.exists():
        pytest.skip("reportlab's Vera.ttf is missing")
    return str(path)


def _plan(path: Path, font: str = "Helvetica", size: tuple[float, float] | None = None) -> None:
    """A one-page plan: title, issuer, a sentence and a ruled table of four actions."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    width, height = size or A4
    c = canvas.Canvas(str(path), pagesize=(width, height))
    c.setFont(font, 16)
    c.drawString(50, height - 60, "Handlingsplan fritid 2026")
    c.setFont(font, 10)
    c.drawString(50, height - 80, "Lessebo kommun")
    c.drawString(50, height - 100, INTRO)
    cols, top = [50, 80, 330, 470, 560], height - 130
    for i, row in enumerate([("Nr", "Aktivitet", "Ansvarig", "Tidplan"), *ROWS]):
        y = top - 18 * i
        for x, text in zip(cols, row, strict=False):
            c.drawString(x + 3, y - 12, text)
    for i in range(len(ROWS) + 2):
        c.line(cols[0], top - 18 * i, cols[-1], top - 18 * i)
    for x in cols:
        c.line(x, top, x, top - 18 * (len(ROWS) + 1))
    c.save()


def _without_unicode_map(path: Path) -> None:
    """The plan in an embedded TrueType subset whose /ToUnicode map is gone: å, ä, ö and – have
    no mapping, so they arrive as the subset's low glyph codes."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("VeraSubset", _vera()))
    _plan(path, font="VeraSubset")
    raw = path.read_bytes()
    assert b"/ToUnicode" in raw
    path.write_bytes(raw.replace(b"/ToUnicode", b"/ToUnicodX"))


def _type3_without_unicode(path: Path, seed: int = 5) -> None:
    """A page in a Type3 font with glyph names /gNN and no /ToUnicode: every glyph is a box, and
    the text layer comes out as Latin-1 symbols and letters (¯ÏÑÅ«¿ ª µ º)."""
    lines = [("Handlingsplan fritid 2026", 50, 790, 16), ("Lessebo kommun", 50, 770, 10), (INTRO, 50, 750, 9)]
    lines += [(" ".join(row), 50, 720 - 16 * i, 8) for i, row in enumerate(ROWS)]
    chars = sorted({ch for text, *_ in lines for ch in text})
    shuffled = list(range(0xA1, 0xA1 + len(chars)))
    random.Random(seed).shuffle(shuffled)
    codes = dict(zip(chars, shuffled, strict=True))
    content = b"".join(
        b"BT /F1 %d Tf %d %d Td (" % (size, x, y)
        + bytes(codes[c] for c in text).replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        + b") Tj ET\n"
        for text, x, y, size in lines
    )
    first, last = 0xA1, 0xA1 + len(chars) - 1
    glyph = b"600 0 0 0 500 700 d1 60 0 420 650 re f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] /FontMatrix [0.001 0 0 0.001 0 0]"
        b" /CharProcs << "
        + b" ".join(b"/g%d %d 0 R" % (c, 6 + i) for i, c in enumerate(range(first, last + 1)))
        + b" >> /Encoding << /Type /Encoding /Differences [%d " % first
        + b" ".join(b"/g%d" % c for c in range(first, last + 1))
        + b"] >> /FirstChar %d /LastChar %d /Widths [" % (first, last)
        + b" ".join(b"600" for _ in range(first, last + 1))
        + b"] /Resources << >> >>",
        *(
            b"<< /Length %d >>\nstream\n" % len(glyph) + glyph + b"\nendstream"
            for _ in range(first, last + 1)
        ),
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(out)


def _no_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/bin/tesseract")


def _strings(out: Path) -> list[str]:
    """Every string value of every table of a dataset."""
    data = load(out)
    found: list[str] = []
    for name in ("documents", "activities", "table_cells", "sections", "actors", "mentions"):
        frame = getattr(data, name)
        for column in frame.columns:
            found.extend(v for v in frame[column] if isinstance(v, str))
    return found


def test_unmapped_subset_glyphs_never_reach_the_dataset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.pdf"
    _without_unicode_map(path)
    doc = read_pdf(str(path))
    (page,) = doc.pages
    assert not any(CONTROL.search(w.text) for w in page.words)
    assert ocr.unmapped_glyphs(page) > 0 and ocr.needs_ocr(page)
    # Without OCR the document says its text layer is unreadable instead of passing as ok.
    out = tmp_path / "off"
    _run([path], out, ocr="never")
    row = load(out).documents.iloc[0]
    assert row["status"] == "partial" and "text layer unreadable" in row["error"]
    assert any("glyphs without Unicode mapping" in w for w in row["warnings"])
    assert not any(CONTROL.search(s) for s in _strings(out))
    _no_tesseract(monkeypatch)
    doc = read_pdf(str(path))
    ocr.apply_ocr(doc, str(path))
    assert any("OCR skipped" in w and "text layer unreadable on 1 pages" in w for w in doc.warnings)


def test_unmapped_subset_glyphs_are_read_by_ocr(tmp_path: Path) -> None:
    _tesseract_ready()
    path = tmp_path / "plan.pdf"
    _without_unicode_map(path)
    doc = read_pdf(str(path))
    ocr.apply_ocr(doc, str(path))
    (page,) = doc.pages
    assert page.ocr and doc.ocr_pages == 1
    words = [w.text for w in page.words]
    assert not any(ocr.UNMAPPED in w for w in words)
    assert {"Kartlägga", "för", "Införa", "Följa", "årligen"} <= set(words)
    assert "Lessebo" in words  # words the text layer had right are kept as they were
    assert any("glyphs without Unicode mapping" in w for w in doc.warnings)


@pytest.mark.parametrize("seed", [0, 4, 21])
def test_type3_text_layer_without_unicode_is_garbage(tmp_path: Path, seed: int) -> None:
    """Three shuffles of the glyph codes that all passed as readable: vowels in the normal range
    (0), letters not named LATIN (ª µ º) among them (4), too few letter runs to count words (21)."""
    path = tmp_path / "type3.pdf"
    _type3_without_unicode(path, seed)
    (page,) = read_pdf(str(path)).pages
    assert ocr.is_garbage_text(" ".join(w.text for w in page.words)) and ocr.needs_ocr(page)


def test_type3_text_layer_without_unicode_makes_the_document_partial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "type3.pdf"
    _type3_without_unicode(path)
    out = tmp_path / "off"
    _run([path], out, ocr="never")
    row = load(out).documents.iloc[0]
    assert row["status"] == "partial" and "text layer unreadable" in row["error"]
    _no_tesseract(monkeypatch)
    doc = read_pdf(str(path))
    ocr.apply_ocr(doc, str(path))
    assert any("OCR skipped" in w and "text layer unreadable" in w for w in doc.warnings)


def test_type3_boxes_give_no_garbage_words_after_ocr(tmp_path: Path) -> None:
    _tesseract_ready()
    path = tmp_path / "type3.pdf"
    _type3_without_unicode(path)
    doc = read_pdf(str(path))
    ocr.apply_ocr(doc, str(path))
    assert doc.pages[0].words == []
    assert any("text layer unreadable" in w for w in doc.warnings)


def test_huge_page_is_rendered_within_the_pixel_budget(tmp_path: Path) -> None:
    import pypdfium2

    path = tmp_path / "huge.pdf"
    _plan(path, size=(20000, 20000))
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        page = pdf[0]
        dpi = raster.render_dpi(page)
        assert dpi == raster.budget_dpi(20000, 20000) < raster.MIN_NATIVE_DPI
        gray = raster.render_gray(page, dpi)
        assert gray.size <= raster.MAX_PIXELS  # 300 dpi would be 83 333 px square, about 7 GB
        page.close()
    finally:
        pdf.close()
    assert raster.budget_dpi(595, 842) > raster.DEFAULT_DPI  # an A4 page keeps its 300 dpi
    result = ocr.OcrResult(words=[], rules=[], skew=0.0, confidence=0.9, dpi=dpi)
    doc = read_pdf(str(path))
    notes = ocr._notes(doc.pages[0], result, unread=False)
    assert notes == [
        f"page 1: rendered for OCR at {dpi:g} dpi (a 20000 x 20000 pt page would exceed the image size limit)"
    ]


def _encrypted(path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(50, 800, "Hemlig plan")
    c.save()


def _no_pages() -> bytes:
    """A well-formed PDF (a correct cross-reference table) whose page tree holds no page:
    PDFium refuses it without setting an error code of its own."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


NO_PAGES = _no_pages()


def test_no_pages_is_named_so_after_an_encrypted_file(tmp_path: Path) -> None:
    locked, empty = tmp_path / "locked.pdf", tmp_path / "nopages.pdf"
    _encrypted(locked)
    empty.write_bytes(NO_PAGES)
    for _ in range(2):  # PDFium keeps its last error code: the order must not change the message
        with pytest.raises(UnreadablePDF, match="^encrypted PDF: a password is required$"):
            read_pdf(str(locked), backend="pdfium")
        with pytest.raises(UnreadablePDF, match="^the PDF has no pages$"):
            read_pdf(str(empty), backend="pdfium")
    assert read_pdf(str(locked), password="secret", backend="pdfium").n_pages == 1


def test_links_that_lead_nowhere_get_a_row_and_linked_folders_are_read(tmp_path: Path) -> None:
    raw, elsewhere = tmp_path / "raw", tmp_path / "elsewhere"
    raw.mkdir()
    elsewhere.mkdir()
    _plan(raw / "plan.pdf")
    _plan(elsewhere / "bilaga_plan.pdf", font="Times-Roman")
    os.symlink(elsewhere, raw / "bilagor")  # a linked folder of real PDFs
    os.symlink(".", raw / "loop_dir")  # a folder link back up: no second visit, no hang
    os.symlink("slinga_b.pdf", raw / "slinga_a.pdf")
    os.symlink("slinga_a.pdf", raw / "slinga_b.pdf")
    os.symlink(tmp_path / "gone.pdf", raw / "borta.pdf")
    out = tmp_path / "out"
    summary = _run([raw], out, ocr="never")
    docs = load(out).documents.set_index("file_name")
    assert sorted(docs.index) == ["bilaga_plan.pdf", "borta.pdf", "plan.pdf", "slinga_a.pdf", "slinga_b.pdf"]
    for name in ("borta.pdf", "slinga_a.pdf", "slinga_b.pdf"):
        assert docs.loc[name, "status"] == "failed" and docs.loc[name, "error"] == BROKEN_LINK
    assert docs.loc["bilaga_plan.pdf", "status"] == "ok"
    assert docs.loc["bilaga_plan.pdf", "source_path"] == str(raw / "bilagor" / "bilaga_plan.pdf")
    assert summary.statuses["failed"] == 3 and summary.exit_code == 2


def test_a_document_stopped_by_a_limit_is_tried_again(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    raw = tmp_path / "raw"
    raw.mkdir()
    _plan(raw / "plan.pdf")
    (raw / "nopages.pdf").write_bytes(NO_PAGES)
    out = tmp_path / "out"
    first = _run([raw], out, ocr="never")
    assert first.statuses["ok"] == 1 and first.statuses["failed"] == 1
    # As the worker pool records a document it stopped (a real time limit is too racy to test here).
    manifest_path = out / "_manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    (entry,) = [e for e in manifest["documents"].values() if e["paths"] == [str(raw / "plan.pdf")]]
    entry.update(status="failed", error="stopped: the document needed more memory than the cap (4096 MB)")
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    again = _run([raw], out, ocr="never")
    docs = load(out).documents.set_index("file_name")
    assert docs.loc["plan.pdf", "status"] == "ok"
    assert again.retried == 1 and again.statuses["ok"] == 1
    assert again.skipped == 1 and again.known_failed == 1  # the file without pages stays failed
    # The known failure is shown in the summary, but a run that failed nothing new is no alert:
    # a scheduled job over an archive with one unreadable file must not fail every night.
    result = CliRunner().invoke(
        app, ["run", str(raw), "--out", str(out), "--no-report", "--quiet", "--ocr", "never"]
    )
    assert result.exit_code == 0
    assert "failed in an earlier run" in result.output
    assert "failed earlier" in result.output and "nopages.pdf" in result.output


def test_a_year_after_a_revision_word_names_another_document() -> None:
    assert document_key("kommunplan_final_2025.pdf") != document_key("kommunplan_final_2026.pdf")
    assert document_key("plan_rev_2026.pdf") == "plan_rev_2026"
    # Real revision marks are still folded into one key.
    for name in ("plan_v2.pdf", "plan (2).pdf", "plan_final.pdf", "plan-version-12.pdf", "plan_utkast_3.pdf"):
        assert document_key(name) == "plan", name
    assert document_key("plan_2026_final.pdf") == document_key("plan_2026.pdf") == "plan_2026"


def test_control_characters_in_metadata_are_dropped(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "meta.pdf"
    c = canvas.Canvas(str(path))
    c.setTitle("Handlingsplan\x01 fritid\x03 2026")
    c.setAuthor("Lessebo\x00 kommun")
    c.drawString(50, 800, "Handlingsplan fritid 2026")
    c.save()
    for backend in ("pdfium", "pdfplumber"):
        metadata = read_pdf(str(path), backend=backend).metadata
        assert metadata["Title"] == "Handlingsplan fritid 2026" and metadata["Author"] == "Lessebo kommun"
