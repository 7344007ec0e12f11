"""Reports of other kinds: verdict lines after goals, status and follow-up tables, indicator tables
with a target or a time series, and amounts in euros or Danish kroner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractors.result import Extraction
from tests.test_final_report import run_family

Flow = tuple[str, Any]  # ("h", text) heading, ("p", text) paragraph, ("t", rows) table


def _build(path: Path, title: str, flow: list[Flow]) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=11, leading=14, spaceBefore=6)
    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=10)
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    bold = ParagraphStyle("l", fontName="Helvetica-Bold", fontSize=9, leading=11)
    story: list[Any] = [
        Paragraph(title, ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=18, leading=22)),
        Spacer(1, 8),
    ]
    for kind, value in flow:
        if kind == "h":
            story.append(Paragraph(value, head))
        elif kind == "p":
            story.append(Paragraph(value, body))
        else:
            table = Table(
                [[Paragraph(c, bold if r == 0 else cell) for c in row] for r, row in enumerate(value)]
            )
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]))
            story += [Spacer(1, 6), table, Spacer(1, 6)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.fixture(scope="module")
def danish_report(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    from extractors.families import final_report

    pdf = _build(
        tmp_path_factory.mktemp("da") / "slutrapport.pdf",
        "Slutrapport: Grøn omstilling i små virksomheder",
        [
            ("p", "Projektejer: Herning Kommune. Projektperiode: 1. januar 2023 – 31. december 2024."),
            ("h", "2. Formål og succeskriterier"),
            ("p", "Succeskriterie 1: Mindst 40 virksomheder har gennemført et energitjek."),
            ("p", "Resultat: 52 virksomheder. Vurdering: Opfyldt."),
            ("p", "Succeskriterie 2: Mindst 15 virksomheder har sænket deres forbrug med 10 procent."),
            ("p", "Resultat: 9 virksomheder. Vurdering: Delvist opfyldt."),
            ("h", "3. Aktiviteter"),
            (
                "t",
                [
                    ("Nr.", "Aktivitet", "Ansvarlig", "Periode", "Status"),
                    ("1", "Energitjek i virksomheder", "Herning Kommune", "2023–2024", "Gennemført"),
                    (
                        "2",
                        "Kursus i cirkulær økonomi",
                        "Erhvervshus Midtjylland",
                        "2024",
                        "Delvist gennemført",
                    ),
                    ("3", "Fælles indkøb af varmepumper", "Herning Forsyning A/S", "2024", "Ikke gennemført"),
                ],
            ),
            ("h", "4. Økonomi"),
            ("p", "Projektet er finansieret af Region Midtjylland med 1,5 mio. kr. Beløb i kr."),
            (
                "t",
                [
                    ("Post", "Budget", "Forbrug"),
                    ("Lønninger", "1.200.000", "1.150.000"),
                    ("Konsulenter", "600.000", "640.000"),
                    ("I alt", "1.800.000", "1.790.000"),
                ],
            ),
        ],
    )
    return run_family(pdf, final_report)


def test_a_labelled_verdict_line_assesses_the_goal_above_it(danish_report: Extraction) -> None:
    goals = {g["goal_id"]: g for g in danish_report.table("goals")}
    verdicts = {
        str(goals[o["goal_id"]]["text"])[:14]: o["status"]
        for o in danish_report.table("outcomes")
        if o.get("goal_id")
    }
    assert verdicts == {"Mindst 40 virk": "achieved", "Mindst 15 virk": "partly_achieved"}
    assert {g["level"] for g in goals.values()} == {"result"}  # success criteria are result goals


def test_a_status_column_gives_the_activities_and_their_outcomes(danish_report: Extraction) -> None:
    acts = {a["activity_id"]: a for a in danish_report.table("activities") if a["level"] == "activity"}
    assert sorted((a["code"], a["title"]) for a in acts.values()) == [
        ("1", "Energitjek i virksomheder"),
        ("2", "Kursus i cirkulær økonomi"),
        ("3", "Fælles indkøb af varmepumper"),
    ]
    status = {
        acts[o["activity_id"]]["code"]: o["status"]
        for o in danish_report.table("outcomes")
        if o["activity_id"] in acts
    }
    assert status == {"1": "achieved", "2": "partly_achieved", "3": "not_achieved"}
    assert {a["responsible_raw"] for a in acts.values()} >= {"Erhvervshus Midtjylland"}


def test_a_budget_and_spent_table_in_danish_kroner_without_its_total(danish_report: Extraction) -> None:
    lines = {(b["kind"], b["item"], b["amount"], b["unit"]) for b in danish_report.table("budget_lines")}
    assert lines == {
        ("budget", "Lønninger", 1_200_000.0, "dkk"),
        ("cost", "Lønninger", 1_150_000.0, "dkk"),
        ("budget", "Konsulenter", 600_000.0, "dkk"),
        ("cost", "Konsulenter", 640_000.0, "dkk"),
        # "finansieret af Region Midtjylland med 1,5 mio. kr." in the report's text
        ("financing", "Region Midtjylland", 1500.0, "dkk_thousand"),
    }


@pytest.fixture(scope="module")
def interim_report(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    from extractors.families import generic

    pdf = _build(
        tmp_path_factory.mktemp("sv") / "verksamhet.pdf",
        "Årsredogörelse 2025 för näringslivsenheten",
        [
            ("h", "Nyckeltal"),
            ("p", "Tabellen visar nyckeltalen de senaste åren och målet för 2026."),
            (
                "t",
                [
                    ("Nyckeltal", "2023", "2024", "2025", "Mål 2026"),
                    ("Antal nyregistrerade företag", "112", "98", "121", "130"),
                    ("Antal kommersiella gästnätter", "214 300", "226 800", "231 500", "240 000"),
                ],
            ),
            ("h", "Verksamhetens mål"),
            ("p", "Mål 1: En företagslots ska vara införd under 2025."),
            ("p", "Måluppfyllelse: Uppnått."),
            ("p", "Mål 2: Handläggningstiden för bygglov ska vara högst sex veckor."),
            ("p", "Måluppfyllelse: Ej uppnått. Den genomsnittliga tiden var åtta veckor."),
            ("h", "Ekonomi"),
            (
                "t",
                [
                    ("Ekonomi (tkr)", "Budget 2025", "Utfall 2025", "Avvikelse"),
                    ("Personalkostnader", "4 200", "4 050", "150"),
                    ("Köpta tjänster", "1 100", "1 310", "-210"),
                    ("Summa", "5 300", "5 360", "-60"),
                ],
            ),
        ],
    )
    return run_family(pdf, generic)


def test_a_time_series_of_key_figures_gives_baseline_and_target(interim_report: Extraction) -> None:
    rows = {
        (i["metric"], i["baseline_value"], i["baseline_year"], i["target_value"], i["target_year"])
        for i in interim_report.table("indicators")
        if i["metric"].startswith("Antal")
    }
    assert rows == {
        ("Antal nyregistrerade företag", 121.0, 2025, 130.0, 2026),
        ("Antal kommersiella gästnätter", 231_500.0, 2025, 240_000.0, 2026),
    }


def test_verdict_lines_give_outcomes_in_a_document_no_family_claims(interim_report: Extraction) -> None:
    # the running-text reader may keep the "Mål 1:" label; the verdict belongs to the goal either way
    goals = {g["goal_id"]: str(g["text"]).split(": ", 1)[-1] for g in interim_report.table("goals")}
    verdicts = {
        goals[o["goal_id"]][:20]: o["status"] for o in interim_report.table("outcomes") if o.get("goal_id")
    }
    assert verdicts == {"En företagslots ska ": "achieved", "Handläggningstiden f": "not_achieved"}


def test_a_followed_up_budget_is_budget_lines_not_activities(interim_report: Extraction) -> None:
    titles = {a["title"] for a in interim_report.table("activities")}
    assert not titles & {"Personalkostnader", "Köpta tjänster", "Summa"}
    lines = {(b["kind"], b["item"], b["amount"], b["unit"]) for b in interim_report.table("budget_lines")}
    assert lines == {
        ("budget", "Personalkostnader", 4200.0, "sek_thousand"),
        ("cost", "Personalkostnader", 4050.0, "sek_thousand"),
        ("budget", "Köpta tjänster", 1100.0, "sek_thousand"),
        ("cost", "Köpta tjänster", 1310.0, "sek_thousand"),
    }


@pytest.fixture(scope="module")
def english_report(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    from extractors.families import final_report

    pdf = _build(
        tmp_path_factory.mktemp("en") / "final.pdf",
        "Final report: Nordic Forest Skills",
        [
            ("h", "2. Objectives"),
            ("p", "Overall objective: To strengthen skills in the forest industry of the region."),
            ("p", "Specific objective 1: To train 200 forest machine operators in new techniques."),
            ("p", "Specific objective 2: To open a shared simulator centre for the partner schools."),
            ("h", "3. Partnership"),
            ("p", "The partners met twice a year in the steering group."),
            ("h", "5. Project results"),
            ("p", "Specific objective 1 was achieved. In all 214 operators were trained."),
            ("p", "Specific objective 2 was partly achieved. The centre opened in one of the two schools."),
            ("h", "6. Indicators"),
            (
                "t",
                [
                    ("Output indicator", "Target", "Achieved"),
                    ("Enterprises supported", "40", "46"),
                    ("Participations in joint actions", "300", "260"),
                ],
            ),
            ("h", "7. Budget"),
            (
                "t",
                [
                    ("Partner", "Budget (EUR)", "Spent (%)"),
                    ("Mid Sweden University", "500 000", "97"),
                    ("Total", "500 000", "97"),
                ],
            ),
        ],
    )
    return run_family(pdf, final_report)


def test_a_numbered_project_results_heading_assesses_the_objectives(english_report: Extraction) -> None:
    goals = {g["goal_id"]: str(g["text"]) for g in english_report.table("goals")}
    verdicts = {
        goals[o["goal_id"]][:20]: o["status"] for o in english_report.table("outcomes") if o.get("goal_id")
    }
    assert verdicts["To train 200 forest "] == "achieved"
    assert verdicts["To open a shared sim"] == "partly_achieved"


def test_an_output_indicator_table_gives_indicators_and_outcomes(english_report: Extraction) -> None:
    targets = {i["metric"]: i["target_value"] for i in english_report.table("indicators")}
    assert targets["Enterprises supported"] == 40.0
    assert targets["Participations in joint actions"] == 300.0
    status = {
        str(o["text"]).split(":")[0]: o["status"]
        for o in english_report.table("outcomes")
        if not o.get("goal_id")
    }
    assert status == {"Enterprises supported": "achieved", "Participations in joint actions": "not_achieved"}


def test_euro_amounts_are_euros(english_report: Extraction) -> None:
    lines = [(b["item"], b["amount"], b["unit"]) for b in english_report.table("budget_lines")]
    # the total is kept only because it prints how much of the whole was spent
    assert lines == [("Mid Sweden University", 500_000.0, "eur"), ("Total", 500_000.0, "eur")]


@pytest.mark.parametrize(
    ("header", "context", "lang", "expected"),
    [
        ("Budget", "Projektet er finansieret af regionen med 1,5 mio. kr. Beløb i kr.", "da", ("dkk", 1.0)),
        ("Budget (EUR)", "", "en", ("eur", 1.0)),
        ("Budget (1000 EUR)", "", "sv", ("eur_thousand", 1.0)),
        ("Budsjett", "", "nb", ("nok", 1.0)),
        ("Kostnad (tkr)", "", "sv", ("sek_thousand", 1.0)),
    ],
)
def test_the_currency_of_an_amount_column(
    header: str, context: str, lang: str, expected: tuple[str, float]
) -> None:
    from extractors.families.report_tables import amount_unit

    assert amount_unit(header, context, lang) == expected


def test_an_amount_after_a_financier_is_no_part_of_its_name(danish_report: Extraction) -> None:
    # "finansieret af Region Midtjylland med 1,5 mio. kr.": not "Region Midtjylland med 1" and "5 mio"
    financiers = {r["actor_id"] for r in danish_report.table("actor_roles") if r["role"] == "financier"}
    assert financiers == {"region-midtjylland"}
