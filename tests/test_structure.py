"""sections and table_cells: every document's heading tree and table cells, any family."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline import load
from pipeline.runner import RunOptions, execute
from schemas.validate import validate_dataset


def _doc(data: object, name: str) -> str:
    docs = data.documents  # type: ignore[attr-defined]
    return str(docs.loc[docs["file_name"] == name, "doc_id"].iloc[0])


def test_sections_follow_the_headings(corpus_dataset: Path) -> None:
    data = load(corpus_dataset)
    doc = _doc(data, "byregion_sor_troms_status.pdf")
    sections = data.sections[data.sections["doc_id"] == doc].set_index("section_id")
    step = sections[sections["title"] == "Fremdrift Byregionprogrammet"].iloc[0]
    assert (step["level"], step["page_start"]) == (2, 4)
    assert "20. oktober: presentasjon av planforslag til regionrådet" in step["text"]
    assert sections.loc[step["parent_id"], "title"] == "Statusoppdatering Byregionprogrammet"
    doc = _doc(data, "tillvaxtpaketet_ludvika_slutrapport.pdf")
    numbered = data.sections[(data.sections["doc_id"] == doc) & data.sections["number"].notna()]
    assert len(numbered) >= 10  # the report's numbered chapters and subchapters


def test_table_cells_keep_spans_headers_pages_and_boxes(corpus_dataset: Path) -> None:
    data = load(corpus_dataset)
    doc = _doc(data, "handlingsplan_goteborg_2019_2021.pdf")
    cells = data.table_cells[data.table_cells["doc_id"] == doc]
    cell = cells[cells["text"] == "UBF, Arbvux, BRG, GR, GU, CTH"].iloc[0]
    assert cell["page"] == 10 and cell["method"] == "ruled" and not cell["header"]
    x0, top, x1, bottom = cell["bbox"]
    assert 0 < x0 < x1 and 0 < top < bottom
    same_table = cells[cells["table_id"] == cell["table_id"]]
    assert same_table["header"].any()  # the column headers are kept, marked as such
    assert (same_table["page"] > 10).any()  # the table is joined across pages
    area = same_table[same_table["text"].str.startswith("Strategiskt område ett")].iloc[0]
    assert area["col_span"] > 1  # a merged full-width row is one cell with its span
    assert cells["section_id"].isin(data.sections["section_id"]).all()


def test_a_document_no_family_claims_keeps_its_sections_and_tables(tmp_path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdf = tmp_path / "in" / "arsredovisning.pdf"
    pdf.parent.mkdir()
    styles = getSampleStyleSheet()
    grid = Table(
        [["Kvartal", "Besökare", "Andel nya"], ["Q1", "1 204", "31 %"], ["Q2", "1 876", "28 %"]],
        style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]),
    )
    story = [
        Paragraph("1 Inledning", styles["Heading1"]),
        Paragraph("Museet hade under året fler besökare än någonsin tidigare.", styles["BodyText"]),
        Paragraph("2 Besökare per kvartal", styles["Heading1"]),
        Paragraph("Tabellen visar antalet besökare.", styles["BodyText"]),
        grid,
    ]
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    out = tmp_path / "out"
    execute(RunOptions(paths=[str(pdf.parent)], out_dir=out, workers=1, progress=False, report=False))
    assert validate_dataset(out) == []
    data = load(out)
    assert data.documents.iloc[0]["doc_type"] == "unknown"
    titles = data.sections["title"].tolist()
    assert titles == ["Inledning", "Besökare per kvartal"]
    assert data.sections["number"].tolist() == ["1", "2"]
    cells = data.table_cells.sort_values(["row", "col"])
    assert cells["text"].tolist()[:4] == ["Kvartal", "Besökare", "Andel nya", "Q1"]
    second = data.sections[data.sections["title"] == "Besökare per kvartal"]["section_id"].iloc[0]
    assert (cells["section_id"] == second).all()
    assert pd.api.types.is_bool_dtype(cells["header"])


def test_mentions_in_table_cells_point_at_their_cell(corpus_dataset: Path) -> None:
    data = load(corpus_dataset)
    mentions = data.mentions[data.mentions["source_table"] == "table_cells"]
    assert len(mentions) > 0
    cells = data.table_cells.set_index("cell_id")
    assert mentions["source_id"].isin(cells.index).all()
    for row in mentions.head(50).itertuples():
        cell_text = cells.loc[row.source_id, "text"]
        assert cell_text[row.start_char : row.end_char] == row.text
