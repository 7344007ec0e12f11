"""Reports written as forms: a fact table of label | value rows, numbered questions as headings, a
table of planned and done activities."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.pdf.structures import Cell, Table
from extractors.result import Extraction
from tests.test_final_report import run_family


def _form_report(path: Path, space: float = 6) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=11, leading=14, spaceBefore=space)
    question = ParagraphStyle("q", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8)
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    label = ParagraphStyle("l", fontName="Helvetica-Bold", fontSize=9, leading=11)
    facts = [
        ("Diarienummer", "RUN 2023-00417"),
        ("Stödmottagare", "Hudiksvalls kommun"),
        ("Projektperiod", "2024-01-01 – 2026-06-30"),
        ("Beviljat belopp", "3 100 000 kr"),
        ("Varav medel från (Region Gävleborg)", "1 200 000 kr"),
        ("Projektledare", "Sara Wikström"),
    ]
    fact_table = Table([[Paragraph(k, label), Paragraph(v, cell)] for k, v in facts], colWidths=[160, 260])
    fact_table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#e8edf2")),
            ]
        )
    )
    activities = [
        ("Aktivitet", "Planerat", "Genomfört", "Kommentar"),
        ("Rådgivning till besöksföretag", "30 företag", "34 företag", "Större intresse än väntat."),
        ("Workshoppar om digital bokning", "6 workshoppar", "4 workshoppar", "Två ställdes in."),
        ("Gemensam mässa i Hamburg", "1 mässa", "Ej genomförd", "Ersattes av en digital kampanj."),
        ("Ny bokningsportal", "1 portal", "Under arbete", "Lanseras våren 2026."),
    ]
    activity_table = Table(
        [[Paragraph(c, label if r == 0 else cell) for c in row] for r, row in enumerate(activities)],
        colWidths=[140, 80, 90, 130],
    )
    activity_table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]))
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [
            Paragraph("Slutrapport", ParagraphStyle("k", fontName="Helvetica", fontSize=10, leading=12)),
            Paragraph(
                "Besöksnäring Hälsingekusten",
                ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=18, leading=22),
            ),
            Spacer(1, 10),
            fact_table,
            Paragraph("1. Beskriv projektets syfte och mål", question),
            Paragraph(
                "Besöksföretagen längs kusten säljer för lite utanför sommaren, och nästan all bokning "
                "sker per telefon eller e-post.",
                body,
            ),
            Paragraph("Projektet arbetade mot två projektmål:", body),
            Paragraph("Projektmål 1: Minst 25 företag ska ha infört digital bokning.", body),
            Paragraph("Projektmål 2: Tre nya paket för vintersäsongen ska säljas.", body),
            Paragraph("2. Vilka resultat har uppnåtts?", question),
            Paragraph(
                "Projektmål 1 har uppnåtts: 31 företag har infört digital bokning. "
                "Projektmål 2 har delvis uppnåtts: två paket säljs i dag.",
                body,
            ),
            Paragraph("3. Redovisa projektets aktiviteter", question),
            activity_table,
        ]
    )


@pytest.fixture(scope="module")
def form_report(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    from extractors.families import final_report

    pdf = tmp_path_factory.mktemp("form") / "slutrapport.pdf"
    _form_report(pdf)
    return run_family(pdf, final_report)


def test_a_fact_table_of_label_value_rows_gives_the_projects_facts(form_report: Extraction) -> None:
    project = form_report.table("activities")[0]
    assert project["description"].startswith("Besöksföretagen längs kusten")  # under "Beskriv … syfte"
    assert (str(project["start_date"]), str(project["end_date"])) == ("2024-01-01", "2026-06-30")
    roles = {(r["role"], r["actor_id"], r.get("person_name")) for r in form_report.table("actor_roles")}
    assert ("owner", "hudiksvalls-kommun", None) in roles
    assert ("project_leader", "hudiksvalls-kommun", "Sara Wikström") in roles
    assert ("financier", "region-gavleborg", None) in roles
    lines = [(b["item"], b["amount"], b["unit"], b["kind"]) for b in form_report.table("budget_lines")]
    assert lines == [
        ("Beviljat belopp", 3100000.0, "sek", "financing"),
        ("Region Gävleborg", 1200000.0, "sek", "financing"),
    ]


def test_labelled_goals_keep_no_label_and_a_question_heading_assesses_them(form_report: Extraction) -> None:
    goals = {g["goal_id"]: g["text"] for g in form_report.table("goals")}
    assert sorted(goals.values()) == [
        "Minst 25 företag ska ha infört digital bokning.",
        "Tre nya paket för vintersäsongen ska säljas.",
    ]
    targets = {i["text"]: i["target_value"] for i in form_report.table("indicators")}
    assert targets["Minst 25 företag ska ha infört digital bokning."] == 25.0  # not the label's 1
    assessed = {goals[o["goal_id"]]: o["status"] for o in form_report.table("outcomes") if o.get("goal_id")}
    assert assessed == {
        "Minst 25 företag ska ha infört digital bokning.": "achieved",
        "Tre nya paket för vintersäsongen ska säljas.": "partly_achieved",
    }


def test_a_planned_and_done_table_gives_the_activities_and_their_outcomes(form_report: Extraction) -> None:
    acts = form_report.table("activities")
    project_id = acts[0]["activity_id"]
    children = [(a["title"], a["expected_outcome_raw"]) for a in acts if a["parent_id"] == project_id]
    assert children == [
        ("Rådgivning till besöksföretag", "30 företag"),
        ("Workshoppar om digital bokning", "6 workshoppar"),
        ("Gemensam mässa i Hamburg", "1 mässa"),
        ("Ny bokningsportal", "1 portal"),
    ]
    title = {a["activity_id"]: a["title"] for a in acts}
    done = {
        title[o["activity_id"]]: o["status"] for o in form_report.table("outcomes") if not o.get("goal_id")
    }
    assert done == {
        "Rådgivning till besöksföretag": "achieved",
        "Workshoppar om digital bokning": "partly_achieved",
        "Gemensam mässa i Hamburg": "not_achieved",
        "Ny bokningsportal": "ongoing",
    }


def test_labelled_goal_lines_in_the_paragraph_that_announces_them(tmp_path: Path) -> None:
    """Paragraphs printed without space between them run into one block: the lead-in's labelled
    lines are still the goals, without their labels, and the question heading assesses them."""
    from extractors.families import final_report

    pdf = tmp_path / "slutrapport.pdf"
    _form_report(pdf, space=0)
    result = run_family(pdf, final_report)
    goals = {g["goal_id"]: (g["text"], g["level"]) for g in result.table("goals")}
    assert sorted(goals.values()) == [
        ("Minst 25 företag ska ha infört digital bokning.", "result"),
        ("Tre nya paket för vintersäsongen ska säljas.", "result"),
    ]
    assessed = {goals[o["goal_id"]][0]: o["status"] for o in result.table("outcomes") if o.get("goal_id")}
    assert assessed["Tre nya paket för vintersäsongen ska säljas."] == "partly_achieved"


def _two_columns(rows: list[tuple[str, str]]) -> Table:
    cells = [
        Cell(row=r, col=c, text=text, bbox=(0.0, 0.0, 1.0, 1.0), page=1)
        for r, pair in enumerate(rows)
        for c, text in enumerate(pair)
    ]
    return Table(page_start=1, page_end=1, bbox=(0.0, 0.0, 1.0, 1.0), n_rows=len(rows), n_cols=2, cells=cells)


def test_a_table_of_financiers_is_no_fact_table() -> None:
    """ "Finansiär | Belopp" rows are amounts per source for the budget reader, though two of its
    labels name financing; "Stödmottagare | …", "Projektperiod | …" rows are facts."""
    from extractors.families.report_tables import form_rows

    sources = [
        ("Finansiär", "Belopp (kr)"),
        ("Tillväxtverket", "1 000 000"),
        ("Region Västerbotten", "500 000"),
        ("Finansiering totalt", "1 500 000"),
    ]
    assert form_rows(_two_columns(sources)) == []
    facts = [("Stödmottagare", "Umeå kommun"), ("Projektperiod", "2024–2025"), ("Projektledare", "Eva Berg")]
    assert [label for label, _, _ in form_rows(_two_columns(facts))] == [
        "Stödmottagare",
        "Projektperiod",
        "Projektledare",
    ]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("3. Vilka resultat har uppnåtts?", True),
        ("Vilka effekter har projektet gett?", True),
        ("Hvilke resultater er oppnådd?", True),
        ("4.2 Har projektet nått sina mål?", True),
        ("Resultat", True),
        ("6. Hur tas resultaten om hand efter projektets slut?", False),
        ("Vilka var projektets målgrupper?", False),
    ],
)
def test_a_results_heading_may_be_a_question(heading: str, expected: bool) -> None:
    from extractors.families.report_goals import is_results_heading

    assert is_results_heading(heading) is expected
