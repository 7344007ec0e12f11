"""Action plans: the Göteborg plan's activity tree, and a plan with other column names built here."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from extractors.result import Extraction
from tests.conftest import corpus_pdf


def run_family(pdf: Path) -> Extraction:
    """Layout, classification and the registered family extractor, without OCR or NLP."""
    from extractors.classify import classify
    from extractors.context import ExtractionContext
    from extractors.normalise.actors import ActorResolver
    from extractors.pdf.layout import analyse
    from extractors.pdf.reader import read_pdf
    from extractors.registry import extractor_for

    layout = analyse(read_pdf(str(pdf)))
    result = Extraction(doc_id="doc")
    result.info = classify(layout)
    ctx = ExtractionContext(layout=layout, result=result, actors=ActorResolver(country="SE"))
    found = extractor_for(result.info.doc_type)
    assert found is not None
    found[1](ctx)
    return result


@lru_cache(maxsize=1)
def goteborg() -> Extraction:
    return run_family(corpus_pdf("handlingsplan_goteborg_2019_2021.pdf"))


def by_title(result: Extraction, prefix: str) -> dict:
    rows = [r for r in result.table("activities") if (r.get("title") or "").startswith(prefix)]
    assert rows, prefix
    return rows[0]


def parent_of(result: Extraction, row: dict) -> dict:
    parent = result.get("activities", row["parent_id"])
    assert parent is not None
    return parent


def test_goteborg_levels() -> None:
    result = goteborg()
    assert result.info.doc_type == "action_plan"
    levels = Counter(r["level"] for r in result.table("activities"))
    assert levels == {"area": 5, "effort": 20, "activity": 69, "subactivity": 12}
    assert result.info.period_start is not None and str(result.info.period_start) == "2019-07-01"
    assert str(result.info.period_end) == "2021-12-31"


def test_goteborg_area_effort_activity() -> None:
    result = goteborg()
    area = by_title(result, "Strategiskt område ett")
    assert area["level"] == "area" and area["parent_id"] is None
    assert area["title"] == "Strategiskt område ett: Kompetensförsörjning"
    assert area["strategic_area"] == "Kompetensförsörjning"
    assert area["code"] == "Strategiskt område ett"
    effort = by_title(result, "Utveckla skola-näringslivssamverkan")
    assert effort["level"] == "effort" and effort["code"] == "Insats 1"
    assert effort["responsible_raw"] == "Grundskoleförvaltningen/Utbildningsförvaltningen"
    assert effort["parent_id"] == area["activity_id"] and effort["page_start"] == 10
    activity = by_title(result, "Utveckla SYV-arbetet")
    assert activity["code"] == "Aktivitet 1" and activity["parent_id"] == effort["activity_id"]
    assert activity["participants_raw"] == "UBF, Arbvux, BRG, GR, GU, CTH"
    assert activity["strategic_area"] == "Kompetensförsörjning"


def test_goteborg_subactivity_rows() -> None:
    result = goteborg()
    sub = by_title(result, "Kartlägga SSA(Samverkan skola-arbetsliv)")
    assert sub["level"] == "subactivity"
    assert (sub["start_raw"], sub["end_raw"]) == ("2019, Q2", "2019, Q4")
    assert str(sub["start_date"]) == "2019-04-01" and str(sub["end_date"]) == "2019-12-31"
    assert sub["expected_outcome_raw"] == "Kartläggning genomförd 2019, nästa steg formulerat 2020, Q2"
    assert parent_of(result, sub)["code"] == "Aktivitet 1"
    ongoing = by_title(result, "Genomföra kontinuerliga dialoger med kranskommunerna")
    assert ongoing["end_raw"] == "Pågående" and ongoing["ongoing"] is True
    assert ongoing["page_start"] == 14


def test_goteborg_dash_items_split_with_their_cells() -> None:
    result = goteborg()
    activity = by_title(result, "Definiera och initiera en samverkansprocess")
    assert activity["title"].endswith("Det innebär att:")
    assert (activity["start_raw"], activity["end_raw"]) == ("Q2 2019", "Q4 2021")
    assert activity["responsible_raw"] is None
    first = by_title(result, "Definiera processen behov-analys och prioritering")
    second = by_title(result, "Identifiera interna verkställighetsforum")
    for sub in (first, second):
        assert sub["level"] == "subactivity" and sub["parent_id"] == activity["activity_id"]
        assert sub["participants_raw"] == "Alla"
    assert (first["start_raw"], first["end_raw"], first["responsible_raw"]) == ("Q2 2019", "Q4 2019", "BRG")
    assert second["responsible_raw"] == "Strategisk avd. SBK och Strategiska avd. FK"
    assert second["start_raw"] == "Q1 2019"


def test_goteborg_participation_rows_feed_actors_and_goals() -> None:
    result = goteborg()
    assert not any("Deltagande" in (r.get("title") or "") for r in result.table("activities"))
    brg = [a for a in result.actors.values() if "BRG" in (a.get("abbreviations") or [])]
    assert brg and brg[0]["name"] == "Business Region Göteborg"
    goals = {(g["level"], g["text"]) for g in result.table("goals")}
    assert ("overall", "120 000 nya jobb i Göteborgsregionen till 2035.") in goals
    assert any(level == "sub" and text.startswith("Mål 2: Göteborg") for level, text in goals)


# ------------------------------------------------------------ a plan built here


def _plan_pdf(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    data = [
        ["Åtgärd", "Ansvar", "Tidplan", "Kostnad"],
        ["Fokusområde 1: Attraktiv boendemiljö", "", "", ""],
        [
            Paragraph("Bygga en gång- och cykelväg mellan skolan och centrum", body),
            "Tekniska kontoret",
            "2020 - 2022",
            "2 mkr",
        ],
        [Paragraph("Ta fram en plan för nya bostadsområden", body), "Samhällsbyggnad", "2021", "300 tkr"],
        ["Fokusområde 2: Näringsliv", "", "", ""],
        [
            Paragraph("Starta ett företagarforum med lokala företag", body),
            "Näringslivsenheten",
            "Q1 2021",
            "50 tkr",
        ],
    ]
    table = Table(data, colWidths=[300, 150, 100, 100])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("SPAN", (0, 1), (-1, 1)),
                ("SPAN", (0, 4), (-1, 4)),
                ("FONTNAME", (0, 1), (-1, 1), "Helvetica-Bold"),
                ("FONTNAME", (0, 4), (-1, 4), "Helvetica-Bold"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    intro = Paragraph(
        "Handlingsplan för tillväxt 2020–2022. Kommunen ansvarar för uppföljning av åtgärderna i planen. "
        "Åtgärderna genomförs av förvaltningarna tillsammans med näringslivet.",
        body,
    )
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([intro, table])


def test_plan_with_other_column_names(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from extractors.context import ExtractionContext
    from extractors.families.plan_table import PlanState, read_plan_tables
    from extractors.normalise.actors import ActorResolver
    from extractors.pdf.layout import analyse
    from extractors.pdf.reader import read_pdf

    pdf = tmp_path / "plan.pdf"
    _plan_pdf(pdf)
    result = Extraction(doc_id="syn")
    result.info.language = "sv"
    ctx = ExtractionContext(layout=analyse(read_pdf(str(pdf))), result=result, actors=ActorResolver())
    read_plan_tables(ctx, PlanState())
    rows = result.table("activities")
    assert [r["level"] for r in rows] == ["area", "activity", "activity", "area", "activity"]
    area, path, plan, area2, forum = rows
    assert area["strategic_area"] == "Attraktiv boendemiljö" and area["code"] == "Fokusområde 1"
    assert path["title"] == "Bygga en gång- och cykelväg mellan skolan och centrum"
    assert path["parent_id"] == area["activity_id"] and path["strategic_area"] == "Attraktiv boendemiljö"
    assert (path["start_raw"], path["end_raw"]) == ("2020", "2022")
    assert str(path["end_date"]) == "2022-12-31"
    assert path["responsible_raw"] == "Tekniska kontoret" and path["resources_raw"] == "2 mkr"
    assert plan["start_raw"] == "2021" and plan["end_raw"] is None
    assert forum["parent_id"] == area2["activity_id"] and forum["start_raw"] == "Q1 2021"
    kinds = [t["kind"] for t in result.table("timelines") if t["activity_id"] == path["activity_id"]]
    assert kinds == ["period"]


def test_column_roles_beyond_the_corpus() -> None:
    from extractors.normalise.columns import role_of

    assert role_of("Upptart", "sv") == "start_raw"
    assert role_of("Tidplan", "sv") == "start_raw"
    assert role_of("Ansvarlig", "nb") == "responsible_raw"
    assert role_of("Samarbeidspartnere", "nb") == "participants_raw"
    assert role_of("Ressurs/finansiering", "nb") == "resources_raw"
    assert role_of("Bo/Bedrift/Besøk", "nb") == "target_group_raw"
    assert role_of("Måloppnåelse", "nb") == "expected_outcome_raw"
    assert role_of("Kostnad", "sv") == "resources_raw"
    assert role_of("Strategiskt område ett: Kompetensförsörjning", "sv") is None


def test_labels_and_numbering() -> None:
    from extractors.families.plan_labels import level_of_number, match_label, numbering

    found = match_label("Aktivitet 3:")
    assert found is not None and (found.code, found.level) == ("Aktivitet 3", "activity")
    tiltak = match_label("Tiltak 2", "development_plan")
    assert tiltak is not None and tiltak.level == "measure"
    assert match_label("Åtgärd 4") is not None
    assert match_label("Strategisk plan") is None
    assert match_label("Aktiviteter som görs", strict=True) is None
    for main_goal in ("Hovedmål", "Hovudmål", "Huvudmål", "Övergripande mål", "Overordna mål"):
        found = match_label(f"{main_goal}: Fler arbetstillfällen", strict=True)
        assert found is not None and (found.code, found.level) == (main_goal, "goal")
    assert numbering("1.2.3 Bygga ut") == ("1.2.3", "Bygga ut")
    assert [level_of_number(n) for n in ("1", "1.1", "1.1.1", "1.1.1.1")] == [
        "area",
        "effort",
        "activity",
        "subactivity",
    ]
