"""Scanned plans: OCR'd pages give the same activity rows as the digital plan would."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from extractors.pdf import ocr
from extractors.pdf.reader import read_pdf
from extractors.result import Extraction
from tests.conftest import corpus_pdf
from tests.test_ocr import _latin1_font, _tesseract_ready

SCAN = "scanned_handlingsplan_excerpt.pdf"


def run_plan(pdf: Path) -> Extraction:
    """Read, OCR, lay out and run the action-plan family (no classification, no NLP)."""
    from extractors.context import ExtractionContext
    from extractors.families import plans
    from extractors.normalise.actors import ActorResolver
    from extractors.pdf.layout import analyse

    doc = read_pdf(str(pdf))
    ocr.apply_ocr(doc, str(pdf))
    result = Extraction(doc_id="doc")
    result.info.language = "sv"
    ctx = ExtractionContext(layout=analyse(doc), result=result, actors=ActorResolver(country="SE"))
    plans.extract(ctx)
    return result


@lru_cache(maxsize=1)
def corpus_scan() -> Extraction:
    return run_plan(corpus_pdf(SCAN))


def _gold() -> dict:
    import json

    path = corpus_pdf(SCAN).with_suffix("").with_suffix(".gold.json")
    return json.loads(path.read_text(encoding="utf-8"))


def test_scan_titles_recovered_at_similarity_90() -> None:
    _tesseract_ready()
    titles = [r["title"] for r in corpus_scan().table("activities")]
    gold = [a["title"] for a in _gold()["activities"]]
    found = [g for g in gold if any(fuzz.ratio(g, t) >= 90 for t in titles)]
    assert len(found) >= 0.9 * len(gold), sorted(set(gold) - set(found))


def test_scan_norwegian_slide_is_read_as_a_plan_table() -> None:
    """Page 4: a dark header band over a development-plan table (Målsetting, Strategi, Tiltak)."""
    _tesseract_ready()
    rows = [r for r in corpus_scan().table("activities") if r["page_start"] == 4]
    by_title = {r["title"]: r for r in rows}
    assert by_title["Sør-Troms: en region for innovatører og entreprenører"]["level"] == "goal"
    makerspace = by_title[
        "Koordinere og videreutvikle konseptet Makerspace eller tilsvarende i alle kommuner"
    ]
    assert makerspace["level"] == "measure"
    assert makerspace["responsible_raw"] == "Regionrådet + 7 næringsansv"
    strategies = [r for r in rows if r["level"] == "strategy"]
    assert len(strategies) == 2


def test_scan_cells_lose_dust_and_line_break_hyphens() -> None:
    """Specks after a cell's text are gone; "Arb- / vux" across two lines is one word again."""
    _tesseract_ready()
    rows = {r["title"]: r for r in corpus_scan().table("activities")}
    assert "Utveckla relevanta utbildningar som arbetslivet efterfrågar på alla nivåer" in rows
    assert rows["Mobilisera näringslivet för sommarjobb till stadens unga"]["responsible_raw"] == (
        "Enhetschef, Arbvux"
    )
    assert (
        "Utveckla SYV-arbetet i vid bemärkelse från förskola-akademien, inkl. karriärvägledning genom att:"
        in (rows)
    )


MEASURES = [
    ("Bygga ut gång- och cykelvägar i centrum", "Tekniska förvaltningen", "2022", "2 mnkr"),
    ("Inventera lediga lokaler för företag", "Näringslivskontoret", "2023", "150 tkr"),
    ("Starta ett nätverk för besöksnäringen", "Kultur och fritid", "2024", "300 tkr"),
]


def _scanned_plan(path: Path) -> None:
    """A Swedish plan table of another shape, scanned: a dark header row with light text."""
    from PIL import Image, ImageDraw

    width, height = 2339, 1654  # A4 landscape at 200 dpi
    image = Image.new("L", (width, height), 240)
    draw = ImageDraw.Draw(image)
    font = _latin1_font(30)
    columns = [150, 1050, 1500, 1800, 2150]
    header = ("Åtgärd", "Ansvar", "Tidplan", "Kostnad")
    top, band, row_height = 300, 70, 110
    draw.rectangle([columns[0], top, columns[-1], top + band], fill=35)
    for x in columns[1:-1]:
        draw.line([(x, top), (x, top + band)], fill=120, width=3)  # light column rules in the band
    for c, text in enumerate(header):
        draw.text((columns[c] + 15, top + 18), text, fill=245, font=font)
    y = top + band
    for row in MEASURES:
        for c, text in enumerate(row):
            draw.text((columns[c] + 15, y + 25), text, fill=20, font=font)
        y += row_height
        draw.line([(columns[0], y), (columns[-1], y)], fill=25, width=3)
    for x in columns:
        draw.line([(x, top + band), (x, y)], fill=25, width=3)
    image = image.rotate(0.8, resample=Image.Resampling.BILINEAR, fillcolor=240)
    image.save(path, "PDF", resolution=200.0)


def test_scanned_plan_with_dark_header_and_other_columns(tmp_path: Path) -> None:
    _tesseract_ready()
    pdf = tmp_path / "atgardsplan_skannad.pdf"
    _scanned_plan(pdf)
    from extractors.pdf.layout import analyse

    doc = read_pdf(str(pdf))
    ocr.apply_ocr(doc, str(pdf))
    tables = analyse(doc).tables
    assert len(tables) == 1
    header = [c.text.lower() for c in tables[0].row_cells(0) if c.text]
    assert header == ["åtgärd", "ansvar", "tidplan", "kostnad"]  # the band's light rules split it
    rows = run_plan(pdf).table("activities")
    got = [(r["title"], r["responsible_raw"], r["start_raw"], r["resources_raw"]) for r in rows]
    assert got == MEASURES
