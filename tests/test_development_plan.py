"""Development plans: the Byregion status deck, a Norwegian plan table built here, timeline steps."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from extractors.result import Extraction
from tests.conftest import corpus_pdf
from tests.test_plans import run_family


@lru_cache(maxsize=1)
def byregion() -> Extraction:
    return run_family(corpus_pdf("byregion_sor_troms_status.pdf"))


def test_byregion_tree() -> None:
    result = byregion()
    assert result.info.doc_type == "development_plan"
    rows = result.table("activities")
    assert Counter(r["level"] for r in rows) == {"area": 5, "goal": 2, "strategy": 2, "measure": 5}
    areas = [r["title"] for r in rows if r["level"] == "area"]
    assert areas[0] == "Innovasjon og entreprenørskap" and "Trender og fremtidsforskning" in areas
    goal = next(r for r in rows if r.get("code") == "Målsetting B")
    assert goal["title"] == "Sør-Troms: en region for innovatører og entreprenører"
    assert goal["parent_id"] == rows[0]["activity_id"] and goal["page_start"] == 3
    measure = next(r for r in rows if (r["title"] or "").startswith("Koordinere og videreutvikle"))
    assert measure["level"] == "measure" and measure["code"] == "Tiltak 1"
    assert (measure["start_raw"], measure["end_raw"]) == ("2018", "2019")
    assert measure["resources_raw"] == "Rrådet + hver næringsansv"
    assert measure["responsible_raw"] == "Regionrådet + 7 næringsansv"
    assert measure["target_group_raw"] == "Bedrift/besøk?"
    strategy = result.get("activities", measure["parent_id"])
    assert strategy is not None and strategy["level"] == "strategy"
    assert strategy["parent_id"] == goal["activity_id"]
    assert not any("eksempler" in (r["title"] or "") for r in rows)


def test_byregion_timeline_and_goals() -> None:
    result = byregion()
    steps = [t for t in result.table("timelines") if t["activity_id"] is None]
    by_label = {t["label"]: t for t in steps}
    decision = by_label["vedtak av plan i regionrådet"]
    assert decision["kind"] == "decision" and decision["date_raw"] == "8. desember (eller før)"
    presentation = by_label["presentasjon av planforslag til regionrådet (høringsrunde?)"]
    assert presentation["kind"] == "milestone" and str(presentation["date_start"]) == "2017-10-20"
    assert by_label["GJENNOMFØRING"]["date_raw"] == "februar"
    assert str(by_label["GJENNOMFØRING"]["date_start"]) == "2018-02-01"
    assert not any(r["page_start"] == 4 for r in result.table("activities"))
    goals = {(g["level"], g["text"]) for g in result.table("goals")}
    assert ("overall", "Oppnå vekst og utvikling gjennom konkrete tiltak og samarbeid i regionen") in goals
    assert ("sub", "Førsteklasses førstelinjetjeneste") in goals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("• 20. oktober: presentasjon av planforslag", ("20. oktober", "presentasjon av planforslag")),
        ("(25-26/10 nettverkssamling i Haugesund)", ("25-26/10", "nettverkssamling i Haugesund")),
        ("Fra februar -> GJENNOMFØRING", ("februar", "GJENNOMFØRING")),
        ("Programavslutning (KMD) vår 2018", ("vår 2018", "Programavslutning (KMD)")),
        ("Juni 2021: vedtak i kommunestyret", ("Juni 2021", "vedtak i kommunestyret")),
        ("Oppstart av arbeidet", None),
    ],
)
def test_parse_step(text: str, expected: tuple[str, str] | None) -> None:
    from extractors.families.development_plan import parse_step

    assert parse_step(text) == expected


def _norwegian_plan(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    body = getSampleStyleSheet()["BodyText"]
    data = [
        ["Satsingsområde", "Reiseliv", "Tidsramme", "Ansvarlig", "Samarbeidspartnere"],
        ["Mål 1", Paragraph("Flere besøkende hele året", body), "2022", "", ""],
        ["Strategi", Paragraph("Utvikle helårsprodukter sammen med næringen", body), "", "", ""],
        [
            "Tiltak 1",
            Paragraph("Etablere et felles bookingsystem", body),
            "2022-2023",
            "Kommunen",
            "Destinasjonsselskapet",
        ],
        [
            "Tiltak 2",
            Paragraph("Merke turløyper i fjellet", body),
            "løpende",
            "Frivilligsentralen",
            "Turlaget",
        ],
    ]
    table = Table(data, colWidths=[90, 260, 90, 130, 150])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    intro = Paragraph("Utviklingsplan for regionen. Planen følges opp av regionrådet hvert år.", body)
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([intro, table])


def test_norwegian_plan_table_built_here(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from extractors.context import ExtractionContext
    from extractors.families.plan_table import PlanState, read_plan_tables
    from extractors.normalise.actors import ActorResolver
    from extractors.pdf.layout import analyse
    from extractors.pdf.reader import read_pdf

    pdf = tmp_path / "plan.pdf"
    _norwegian_plan(pdf)
    result = Extraction(doc_id="no")
    result.info.language = "nb"
    ctx = ExtractionContext(layout=analyse(read_pdf(str(pdf))), result=result, actors=ActorResolver())
    read_plan_tables(ctx, PlanState(scheme="development_plan"))
    rows = result.table("activities")
    assert [(r["level"], r["code"]) for r in rows] == [
        ("area", None),
        ("goal", "Mål 1"),
        ("strategy", "Strategi"),
        ("measure", "Tiltak 1"),
        ("measure", "Tiltak 2"),
    ]
    area, goal, strategy, booking, paths = rows
    assert area["title"] == "Reiseliv" and booking["strategic_area"] == "Reiseliv"
    assert booking["parent_id"] == strategy["activity_id"] and strategy["parent_id"] == goal["activity_id"]
    assert (booking["start_raw"], booking["end_raw"]) == ("2022", "2023")
    assert booking["responsible_raw"] == "Kommunen"
    assert booking["participants_raw"] == "Destinasjonsselskapet"
    assert paths["start_raw"] == "løpende" and paths["ongoing"] is True
    assert [g["text"] for g in result.table("goals")] == ["Flere besøkende hele året"]


def _labelled_goals_plan(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    h1 = ParagraphStyle(
        "h1", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceBefore=12, spaceAfter=6
    )
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    table = Table(
        [
            ["Tiltak", "Ansvar", "Tid"],
            ["Etablere næringshage i Førde", "Sunnfjord kommune", "2024"],
            ["Rekrutteringskampanje mot studentar", "Sunnfjord Utvikling", "2025"],
        ],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 9)])
    )
    story = [
        Paragraph(
            "Strategisk næringsplan for Sunnfjord 2024–2027",
            ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=22, leading=26),
        ),
        Paragraph("1. Innleiing", h1),
        Paragraph("Planen er utarbeidd av Sunnfjord kommune i samarbeid med næringslivet.", body),
        Paragraph("2. Mål", h1),
        Paragraph("Hovudmål: Sunnfjord skal ha 500 fleire arbeidsplassar i 2030.", body),
        Paragraph("Delmål 1: Fleire nye bedrifter innan havbruk og reiseliv.", body),
        Paragraph("Delmål 2: Auka tilgang på kvalifisert arbeidskraft.", body),
        Paragraph("3. Tiltak", h1),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_a_main_goal_on_a_labelled_line_of_body_text(tmp_path: Path) -> None:
    """A nynorsk plan's "Hovudmål: …" line is its overall goal, the numbered goals under it."""
    pdf = tmp_path / "plan.pdf"
    _labelled_goals_plan(pdf)
    result = run_family(pdf)
    assert result.info.doc_type == "development_plan"
    goals = [(g["level"], g["text"], g.get("parent_goal_id")) for g in result.table("goals")]
    main = result.table("goals")[0]["goal_id"]
    assert goals == [
        ("overall", "Sunnfjord skal ha 500 fleire arbeidsplassar i 2030.", None),
        ("sub", "Delmål 1: Fleire nye bedrifter innan havbruk og reiseliv.", main),
        ("sub", "Delmål 2: Auka tilgang på kvalifisert arbeidskraft.", main),
    ]
