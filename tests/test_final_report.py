"""Final reports: the corpus Slutrapport and a Norwegian sluttrapport built here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractors.result import Extraction
from tests.conftest import corpus_pdf


def run_family(pdf: Path, module: Any) -> Extraction:
    from extractors.classify import classify
    from extractors.context import ExtractionContext
    from extractors.normalise.actors import ActorResolver
    from extractors.pdf.layout import analyse
    from extractors.pdf.reader import read_pdf

    layout = analyse(read_pdf(str(pdf)))
    result = Extraction(doc_id="t")
    result.info = classify(layout)
    ctx = ExtractionContext(layout=layout, result=result, actors=ActorResolver(country="SE"))
    module.extract(ctx)
    return result


@pytest.fixture(scope="module")
def slutrapport() -> Extraction:
    from extractors.families import final_report

    return run_family(corpus_pdf("tillvaxtpaketet_ludvika_slutrapport.pdf"), final_report)


def test_project_and_work_packages(slutrapport: Extraction) -> None:
    acts = slutrapport.table("activities")
    project = acts[0]
    assert project["level"] == "project"
    assert project["title"].startswith("Tillväxtpaketet Ludvika Smedjebacken")
    assert project["description"].startswith("Projektet har sin grund i att Ludvika och Smedjebacken")
    packages = [a for a in acts if a["level"] == "activity"]
    assert [a["code"] for a in packages] == [f"4.2.{i}" for i in range(1, 8)]
    assert packages[3]["title"] == "Utveckling av 2 arbetsmodeller för infrastruktur/transportplanering"
    assert packages[3]["page_start"] == 10
    assert all(a["parent_id"] == project["activity_id"] for a in packages)


def test_goals_levels_and_outcomes(slutrapport: Extraction) -> None:
    goals = slutrapport.table("goals")
    by_text = {g["text"]: g for g in goals}
    assert by_text["Kommunernas attraktionskraft ökar"]["level"] == "effect"
    assert by_text["2 nya samverkansnätverk"]["level"] == "result"
    overall = [g for g in goals if g["level"] == "overall"]
    assert overall[0]["text"].startswith("Projektets övergripande målsättning är att skapa lokal")
    assert len(goals) == 23
    outcomes = {o["goal_id"]: o for o in slutrapport.table("outcomes")}
    nyetab = outcomes[by_text["Nyetableringar av företag"]["goal_id"]]
    assert nyetab["status"] == "not_achieved"
    assert nyetab["text"].startswith("Enligt Nyföretagarcentrum har nyetableringar")
    network = outcomes[by_text["2 nya samverkansnätverk"]["goal_id"]]
    assert network["status"] == "partly_achieved"
    assert network["assessor"] == "evaluator"
    ortsklass = next(g for g in goals if g["text"].startswith("Utveckling och test av ny arbetsmodell"))
    assert outcomes[ortsklass["goal_id"]]["status"] == "achieved"


def test_budget_and_indicators(slutrapport: Extraction) -> None:
    lines = slutrapport.table("budget_lines")
    assert len(lines) == 8
    info = next(b for b in lines if b["item"].startswith("Information, kommunikation"))
    assert (info["amount"], info["unit"], info["percent_used"], info["kind"]) == (
        1480.0,
        "sek_thousand",
        96.0,
        "cost",
    )
    total = lines[-1]
    assert total["item"] == "Totalt" and total["amount"] == 4850.0
    indicators = slutrapport.table("indicators")
    women = next(i for i in indicators if i["metric"] == "Deltagare vid spridningsaktiviteter (kvinnor)")
    assert women["target_value"] == 180.0
    firms = next(i for i in indicators if i["metric"].startswith("Medverkande företag"))
    assert firms["target_value"] == 32.0


def test_people_and_organisations(slutrapport: Extraction) -> None:
    roles = slutrapport.table("actor_roles")
    steering = [r for r in roles if r["role"] == "steering_group"]
    assert len(steering) == 22
    kotake = next(r for r in steering if r["person_name"] == "Catherine Kotake")
    assert kotake["actor_id"] == "trafikverket"
    leaders = {r["person_name"] for r in roles if r["role"] == "project_leader"}
    assert leaders == {"Monica Lundin", "Jonas Andersson", "Jan Lindström"}
    owner = next(r for r in roles if r["role"] == "owner")
    assert owner["actor_id"] == "ludvika-kommun"
    financiers = {r["actor_id"] for r in roles if r["role"] == "financier"}
    assert {
        "tillvaxtverket",
        "region-dalarna",
        "smedjebackens-kommun",
        "falun-borlange-regionen",
    } <= financiers


def _norwegian_report(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    h1 = ParagraphStyle(
        "h1", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceBefore=12, spaceAfter=6
    )
    h2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=8, spaceAfter=4)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    bullet = ParagraphStyle("li", parent=body, leftIndent=14, spaceAfter=1)

    def grid(rows: list[list[str]]) -> Table:
        table = Table(rows, hAlign="LEFT")
        table.setStyle(
            TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 9)])
        )
        return table

    story: list[Any] = [
        Paragraph(
            "Fjordbyen Næringsløft", ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=26, leading=30)
        ),
        Paragraph("Sluttrapport", ParagraphStyle("st", fontName="Helvetica", fontSize=18, leading=22)),
        Paragraph("1. Sammendrag", h1),
        Paragraph(
            "Prosjektet har styrket samarbeidet mellom kommunene og næringslivet i regionen gjennom felles "
            "kartlegging, workshops og en ny modell for næringsvennlig saksbehandling.",
            body,
        ),
        Paragraph(
            "Prosjekteier er Fjordbyen kommune. Prosjektet er finansiert av Innovasjon Norge og Fjordbyen kommune.",
            body,
        ),
        Paragraph("2. Mål", h1),
        Paragraph("2.1 Effektmål", h2),
        Paragraph("Prosjektet skulle bidra til at:", body),
        Paragraph("• Flere bedrifter etablerer seg i regionen", bullet),
        Paragraph("• Kommunenes saksbehandlingstid reduseres", bullet),
        Spacer(1, 8),
        Paragraph("3. Gjennomførte aktiviteter", h1),
        Paragraph("3.1 Kartlegging av næringslivets behov", h2),
        Paragraph("Det ble gjennomført intervjuer med førti bedrifter i løpet av våren.", body),
        Paragraph("3.2 Workshops med bedrifter", h2),
        Paragraph("Fire workshops samlet til sammen hundre deltakere fra næringslivet.", body),
        Paragraph("4. Resultater", h1),
        Paragraph("Resultatmålene var:", body),
        Paragraph("• En ny modell for næringsvennlig saksbehandling", bullet),
        Paragraph("• To nye bedriftsnettverk", bullet),
        Spacer(1, 8),
        Paragraph(
            "Modellen for næringsvennlig saksbehandling er utviklet og tatt i bruk i alle kommunene. "
            "Det ble ikke etablert nye bedriftsnettverk i prosjektperioden.",
            body,
        ),
        Paragraph("5. Økonomi", h1),
        Paragraph("Tabell 1. Regnskap per tiltak (1000 NOK).", body),
        grid(
            [
                ["Tiltak", "Budsjett (1000 NOK)", "% brukt"],
                ["Kartlegging", "1 250", "100 %"],
                ["Workshops", "480", "90 %"],
                ["Totalt", "1 730", "97 %"],
            ]
        ),
        Spacer(1, 12),
        Paragraph("Tabell 2. Indikatorer.", body),
        grid([["Indikator", "Mål", "Utfall"], ["Antall deltakende bedrifter", "40", "46"]]),
        Spacer(1, 12),
        Paragraph("6. Organisering", h1),
        Paragraph("Styringsgruppen har bestått av følgende personer:", body),
        grid(
            [
                ["Navn", "Organisasjon"],
                ["Kari Nordmann, Ola Hansen", "Fjordbyen kommune"],
                ["Ingrid Berg", "Innovasjon Norge"],
            ]
        ),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_norwegian_sluttrapport(tmp_path: Path) -> None:
    from extractors.families import final_report

    pdf = tmp_path / "sluttrapport.pdf"
    _norwegian_report(pdf)
    result = run_family(pdf, final_report)
    acts = result.table("activities")
    assert acts[0]["level"] == "project" and acts[0]["description"].startswith("Prosjektet har styrket")
    assert [(a["code"], a["title"]) for a in acts[1:]] == [
        ("3.1", "Kartlegging av næringslivets behov"),
        ("3.2", "Workshops med bedrifter"),
    ]
    goals = {g["text"]: g for g in result.table("goals")}
    assert goals["Flere bedrifter etablerer seg i regionen"]["level"] == "effect"
    assert goals["To nye bedriftsnettverk"]["level"] == "result"
    statuses = {o.get("goal_id"): o["status"] for o in result.table("outcomes")}
    assert statuses[goals["En ny modell for næringsvennlig saksbehandling"]["goal_id"]] == "achieved"
    assert statuses[goals["To nye bedriftsnettverk"]["goal_id"]] == "not_achieved"
    budget = {b["item"]: b for b in result.table("budget_lines")}
    assert budget["Kartlegging"]["amount"] == 1250.0
    assert budget["Kartlegging"]["unit"] == "nok_thousand"
    assert budget["Workshops"]["percent_used"] == 90.0
    assert budget["Totalt"]["amount"] == 1730.0
    assert "Antall deltakende bedrifter" not in budget  # "Utfall" heads the indicator table, not a budget
    # "Indikator | Mål | Utfall": the target is the indicator, what was reached its outcome
    measured = [i for i in result.table("indicators") if i["metric"] == "Antall deltakende bedrifter"]
    assert [(i["target_value"], i["comparator"]) for i in measured] == [(40.0, "ge")]
    assert ("Antall deltakende bedrifter: Utfall 46 (Mål 40)", "achieved") in {
        (o["text"], o["status"]) for o in result.table("outcomes")
    }
    roles = result.table("actor_roles")
    steering = {r["person_name"]: r["actor_id"] for r in roles if r["role"] == "steering_group"}
    assert steering == {
        "Kari Nordmann": "fjordbyen-kommune",
        "Ola Hansen": "fjordbyen-kommune",
        "Ingrid Berg": "innovasjon-norge",
    }
    assert any(r["role"] == "owner" and r["actor_id"] == "fjordbyen-kommune" for r in roles)
    assert {r["actor_id"] for r in roles if r["role"] == "financier"} == {
        "innovasjon-norge",
        "fjordbyen-kommune",
    }


def _plain_report(path: Path, title: str, kind: str, sections: list[tuple[str, list[str]]]) -> None:
    """A report of headings and plain paragraphs only: its title, its kind and numbered sections."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    h1 = ParagraphStyle(
        "h1", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceBefore=12, spaceAfter=6
    )
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    story = [
        Paragraph(title, ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=26, leading=30)),
        Paragraph(kind, ParagraphStyle("st", fontName="Helvetica", fontSize=18, leading=22)),
    ]
    for heading, paragraphs in sections:
        story += [Paragraph(heading, h1), *(Paragraph(text, body) for text in paragraphs)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def _labelled_goals_report(path: Path) -> None:
    """A nynorsk final report that gives its goals on labelled lines and reports on them in a
    results section of its own, as many small project reports do."""
    _plain_report(
        path,
        "Kystnæringsløftet",
        "Sluttrapport",
        [
            (
                "1. Samandrag",
                ["Prosjektet har styrkt samarbeidet mellom kommunane og næringslivet i regionen."],
            ),
            (
                "2. Mål for prosjektet",
                [
                    "Hovudmål: Auke talet på arbeidsplassar i sjømatnæringa med 50 innan 2025.",
                    "Delmål 1: Etablere eit nettverk for leverandørbedrifter i regionen.",
                    "Delmål 2: Gjennomføre ei kartlegging av kompetansebehovet i næringa.",
                    "Målgruppe: små og mellomstore bedrifter i sjømatnæringa.",
                ],
            ),
            ("3. Gjennomførte aktivitetar", ["Det vart gjennomført intervju med tretti bedrifter."]),
            (
                "4. Resultat",
                [
                    "Nettverket for leverandørbedrifter er etablert og har tolv medlemer. Kartlegginga av "
                    "kompetansebehovet er gjennomført. Talet på arbeidsplassar auka med 32, og hovudmålet er "
                    "difor delvis nådd."
                ],
            ),
        ],
    )


def test_goals_on_labelled_lines_are_assessed_by_the_results_section(tmp_path: Path) -> None:
    from extractors.families import final_report

    pdf = tmp_path / "sluttrapport.pdf"
    _labelled_goals_report(pdf)
    result = run_family(pdf, final_report)
    goals = {g["text"]: g for g in result.table("goals")}
    assert {text: g["level"] for text, g in goals.items()} == {
        "Auke talet på arbeidsplassar i sjømatnæringa med 50 innan 2025.": "overall",
        "Etablere eit nettverk for leverandørbedrifter i regionen.": "sub",
        "Gjennomføre ei kartlegging av kompetansebehovet i næringa.": "sub",
    }  # "Målgruppe:" is no goal
    outcome = {o["goal_id"]: (o["status"], o["text"]) for o in result.table("outcomes")}
    main = outcome[goals["Auke talet på arbeidsplassar i sjømatnæringa med 50 innan 2025."]["goal_id"]]
    assert main == (
        "partly_achieved",
        "Talet på arbeidsplassar auka med 32, og hovudmålet er difor delvis nådd.",
    )
    network = outcome[goals["Etablere eit nettverk for leverandørbedrifter i regionen."]["goal_id"]]
    assert network[0] == "achieved" and network[1].startswith("Nettverket for leverandørbedrifter")
    survey = outcome[goals["Gjennomføre ei kartlegging av kompetansebehovet i næringa."]["goal_id"]]
    assert survey == ("achieved", "Kartlegginga av kompetansebehovet er gjennomført.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Huvudmål: Fler företag i länet.", [("Huvudmål", "Fler företag i länet.")]),
        (
            "Projektets mål: Ett nytt\nnätverk för besöksnäringen.",
            [("Projektets mål", "Ett nytt nätverk för besöksnäringen.")],
        ),
        (
            "Delmål 1: Kartlegge behovet.\nDelmål 2: Etablere eit nettverk.",
            [("Delmål 1", "Kartlegge behovet."), ("Delmål 2", "Etablere eit nettverk.")],
        ),
        ("Målgrupp: unga företagare.", []),
        ("Prosjektet hadde eit klart mål: fleire arbeidsplassar.", []),  # a sentence, not a label
    ],
)
def test_labelled_goal_lines(text: str, expected: list[tuple[str, str]]) -> None:
    from extractors.families.report_goals import labelled_goals

    assert labelled_goals(text) == expected


def _swedish_labelled_report(path: Path) -> None:
    _plain_report(
        path,
        "Besöksnäring Vänern",
        "Slutrapport",
        [
            (
                "1. Sammanfattning",
                [
                    "Projektet har stärkt samarbetet mellan kommunerna kring Vänern och besöksnäringens företag.",
                    "Projektägare: Mariestads kommun. Projektledare: Lena Holm, Mariestads kommun.",
                ],
            ),
            (
                "2. Syfte och mål",
                [
                    "Effektmål: Antalet gästnätter runt Vänern ska öka med 10 procent till 2024.",
                    "Resultatmål 1: En gemensam digital besöksguide för de fem kommunerna.",
                    "Resultatmål 2: Minst 40 företag har deltagit i utbildningen i hållbar turism.",
                ],
            ),
            ("3. Genomförande", ["Projektet genomförde tolv workshoppar och en studieresa."]),
            (
                "4. Måluppfyllelse",
                [
                    "Den digitala besöksguiden lanserades i maj 2023 och används av alla fem kommunerna. 32 "
                    "företag deltog i utbildningen i hållbar turism, så målet om 40 företag nåddes inte. "
                    "Gästnätterna ökade med 6 procent, vilket innebär att effektmålet delvis har uppnåtts."
                ],
            ),
        ],
    )


def test_a_report_run_through_the_pipeline_keeps_one_row_per_role(tmp_path: Path) -> None:
    """The report's project roles are read by the family and again by the NLP step's labelled
    lines; the document-level copies go. Its results section assesses every labelled goal."""
    from pipeline.loader import load
    from pipeline.runner import RunOptions, execute

    raw = tmp_path / "raw"
    raw.mkdir()
    _swedish_labelled_report(raw / "slutrapport.pdf")
    out = tmp_path / "out"
    execute(RunOptions(paths=[str(raw)], out_dir=out, workers=1, progress=False, report=False))
    data = load(out)
    roles = data.actor_roles
    owners = roles[roles["role"] == "owner"]
    leaders = roles[roles["role"] == "project_leader"]
    assert list(owners["actor_id"]) == ["mariestads-kommun"] and owners["activity_id"].notna().all()
    assert list(leaders["person_name"]) == ["Lena Holm"] and list(leaders["actor_id"]) == [
        "mariestads-kommun"
    ]
    goals = data.goals.set_index("goal_id")
    status = {goals.loc[o.goal_id, "text"]: o.status for o in data.outcomes.itertuples()}
    assert status == {
        "Antalet gästnätter runt Vänern ska öka med 10 procent till 2024.": "partly_achieved",
        "En gemensam digital besöksguide för de fem kommunerna.": "achieved",  # "lanserades"
        "Minst 40 företag har deltagit i utbildningen i hållbar turism.": "not_achieved",
    }
    assert dict(zip(goals["text"], goals["level"], strict=True)) == {
        "Antalet gästnätter runt Vänern ska öka med 10 procent till 2024.": "effect",
        "En gemensam digital besöksguide för de fem kommunerna.": "result",
        "Minst 40 företag har deltagit i utbildningen i hållbar turism.": "result",
    }


def test_a_fact_box_of_labelled_lines_gives_each_label_its_own_value(tmp_path: Path) -> None:
    """ "Projektägare: …", "Projektledare: …", "Projekttid: …" on the lines of one paragraph: each value
    stops where the next label begins, so no actor is made of the whole box and the leader is not
    tied to the agency named on the line after."""
    from pipeline.loader import load
    from pipeline.runner import RunOptions, execute

    raw = tmp_path / "raw"
    raw.mkdir()
    _plain_report(
        raw / "slutrapport.pdf",
        "Slutrapport",  # the cover's largest line names the kind, the project's name comes under it
        "Projektet Digitalt lyft för besöksnäringen",
        [
            (
                "1. Projektfakta",
                [
                    "Projektägare: Hudiksvalls kommun<br/>Projektledare: Maria Engström, näringslivsutvecklare"
                    "<br/>Projekttid: 2023-03-01 – 2025-02-28<br/>Diarienummer: 20201234 (Tillväxtverket)",
                    "Projektet har stärkt de digitala kanalerna hos besöksnäringens företag i regionen.",
                    "Projektet har finansierats av Tillväxtverket genom Europeiska regionala utvecklingsfonden "
                    "samt av Region Gävleborg och de fyra kommunerna. Den totala budgeten var 6,4 miljoner kronor, "
                    "varav 2,9 miljoner kronor från Europeiska regionala utvecklingsfonden och 1,2 miljoner kronor "
                    "från Region Gävleborg.",
                ],
            ),
        ],
    )
    out = tmp_path / "out"
    execute(RunOptions(paths=[str(raw)], out_dir=out, workers=1, progress=False, report=False))
    data = load(out)
    roles = data.actor_roles
    owners = roles[roles["role"] == "owner"]
    leaders = roles[roles["role"] == "project_leader"]
    assert set(owners["actor_id"]) == {"hudiksvalls-kommun"}
    assert list(leaders["person_name"]) == ["Maria Engström"]
    assert list(leaders["actor_id"]) == ["hudiksvalls-kommun"]
    assert not data.actors["name"].str.contains("Projektledare").any()
    financiers = roles[roles["role"] == "financier"]
    assert set(financiers["actor_id"]) == {"tillvaxtverket", "region-gavleborg"}  # the fund is the channel
    budget = data.budget_lines
    assert sorted(zip(budget["item"], budget["amount"], budget["unit"], budget["kind"], strict=True)) == [
        ("Europeiska regionala utvecklingsfonden", 2.9, "sek_million", "financing"),
        ("Region Gävleborg", 1.2, "sek_million", "financing"),
        ("Total budget", 6.4, "sek_million", "budget"),
    ]
    assert list(data.documents["title"]) == ["Slutrapport – Projektet Digitalt lyft för besöksnäringen"]
    projects = data.activities[data.activities["level"] == "project"]
    assert list(projects["title"]) == ["Digitalt lyft för besöksnäringen"]


def test_work_packages_named_in_the_text_are_the_projects_activities(tmp_path: Path) -> None:
    """No "Aktiviteter" heading over them: the packages are labelled paragraphs and headings."""
    from extractors.families import final_report

    pdf = tmp_path / "slutrapport.pdf"
    _plain_report(
        pdf,
        "Digitalt lyft Mitt",
        "Slutrapport",
        [
            ("1. Sammanfattning", ["Projektet hjälpte små industriföretag att digitalisera."]),
            (
                "2. Genomförande",
                [
                    "Arbetspaket 1 Digitaliseringsanalyser: 71 analyser genomförda av Mittuniversitetet. "
                    "Arbetspaket 2 Kompetensutveckling: 14 utbildningar inom automation. "
                    "Inom arbetspaket 2 deltog 120 personer.",
                ],
            ),
            ("Arbetspaket 3 – Spridning", ["Ansvarig: Region Västernorrland. Slutkonferens i juni."]),
        ],
    )
    result = run_family(pdf, final_report)
    project = next(a for a in result.table("activities") if a["level"] == "project")
    packages = [a for a in result.table("activities") if a["level"] == "activity"]
    assert [(a["code"], a["title"], a["parent_id"]) for a in packages] == [
        ("Arbetspaket 1", "Digitaliseringsanalyser", project["activity_id"]),
        ("Arbetspaket 2", "Kompetensutveckling", project["activity_id"]),
        ("Arbetspaket 3", "Spridning", project["activity_id"]),
    ]
    assert packages[0]["description"] == "71 analyser genomförda av Mittuniversitetet."
    assert packages[2]["responsible_raw"] == "Region Västernorrland"


@pytest.mark.parametrize(
    "text",
    [
        "Inom arbetspaket 2 genomfördes tre workshops.",  # a reference, not a package
        "Delprojekt 1: Kartläggning. Resten av projektet handlade om annat.",  # one alone
    ],
)
def test_a_lone_or_referred_package_is_no_activity(text: str) -> None:
    from extractors.families.sections import Section
    from extractors.families.work_packages import find_packages

    section = Section(title="Genomförande", level=1, page=1)
    section.blocks = [_block(text)]
    assert find_packages([section]) == []


def _block(text: str) -> Any:
    from extractors.pdf.structures import Block

    return Block(text=text, page=1, bbox=(0.0, 0.0, 100.0, 10.0))


def test_nynorsk_budget_and_financing_tables(tmp_path: Path) -> None:
    """ "Post | Budsjett | Rekneskap | Avvik" gives budget and cost lines; a financing table's
    sources are its items, every amount a financing, "Eigeninnsats" no financier and "Sum" no line."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from extractors.families import final_report

    def grid(rows: list[list[str]]) -> Table:
        table = Table(rows, hAlign="LEFT")
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        return table

    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    h1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=10)
    pdf = tmp_path / "sluttrapport.pdf"
    SimpleDocTemplate(str(pdf), pagesize=A4).build(
        [
            Paragraph("Smaken av Hardanger", ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=24, leading=28)),
            Paragraph("Sluttrapport", ParagraphStyle("s", fontName="Helvetica", fontSize=16, leading=20)),
            Paragraph("4. Økonomi", h1),
            Paragraph("Tal i kroner.", body),
            grid([["Post", "Budsjett", "Rekneskap", "Avvik"], ["Kjøp av tenester", "650 000", "702 300", "-52 300"]]),
            Spacer(1, 12),
            Paragraph("Finansiering", h1),
            grid([["Finansieringskjelde", "Budsjett"], ["Innovasjon Noreg", "900 000"],
                  ["Eigeninnsats bedrifter", "400 000"], ["Sum", "1 300 000"]]),
        ]
    )  # fmt: skip
    result = run_family(pdf, final_report)
    lines = [
        (b["item"], b["amount"], b["kind"], b["financier_actor_id"]) for b in result.table("budget_lines")
    ]
    assert lines == [
        ("Kjøp av tenester", 650000.0, "budget", None),
        ("Kjøp av tenester", 702300.0, "cost", None),
        ("Innovasjon Noreg", 900000.0, "financing", "innovasjon-norge"),
        ("Eigeninnsats bedrifter", 400000.0, "financing", None),
    ]  # the "Sum" row adds up the sources: as a line of its own it would double the financing


def test_an_english_report_states_and_assesses_its_objectives(tmp_path: Path) -> None:
    from extractors.families import final_report

    pdf = tmp_path / "final_report.pdf"
    _plain_report(
        pdf,
        "Cross-Border Skills",
        "Final report",
        [
            ("1. Summary", ["The project built vocational links between Värmland and Innlandet."]),
            (
                "2. Objectives",
                [
                    "Overall objective: A joint labour market for skilled workers across the border.",
                    "Specific objective 1: At least 150 students complete a cross-border course by 2024.",
                    "Specific objective 2: At least 40 employers offer work placements.",
                ],
            ),
            (
                "3. Results",
                [
                    "The first specific objective was achieved: 163 students completed a course. "
                    "The second objective was not achieved, as only 31 employers took part."
                ],
            ),
        ],
    )
    result = run_family(pdf, final_report)
    goals = {g["text"]: g["level"] for g in result.table("goals")}
    assert goals == {
        "A joint labour market for skilled workers across the border.": "overall",
        "At least 150 students complete a cross-border course by 2024.": "sub",
        "At least 40 employers offer work placements.": "sub",
    }
    assert sorted(o["status"] for o in result.table("outcomes")) == ["achieved", "not_achieved"]


def test_an_indicator_table_of_baselines_targets_and_outcomes(tmp_path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from extractors.families import final_report

    table = Table(
        [
            ["Indikator", "Utgångsläge 2022", "Målvärde 2025", "Utfall 2025"],
            ["Antal deltagare", "0", "400", "462"],
            ["Andel sysselsatta", "41 %", "60 %", "54 %"],
            ["Sjukfrånvaro", "9 %", "6 %", "5 %"],
        ]
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    pdf = tmp_path / "slutrapport.pdf"
    SimpleDocTemplate(str(pdf), pagesize=A4).build(
        [
            Paragraph(
                "Hälsinge kompetenslyft",
                ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=24, leading=28),
            ),
            Paragraph("Slutrapport", ParagraphStyle("s", fontName="Helvetica", fontSize=16, leading=20)),
            table,
        ]
    )
    result = run_family(pdf, final_report)
    rows = [
        (
            i["metric"],
            i["baseline_value"],
            i["baseline_year"],
            i["comparator"],
            i["target_value"],
            i["target_year"],
        )
        for i in result.table("indicators")
    ]
    assert rows == [
        ("Antal deltagare", 0.0, 2022, "ge", 400.0, 2025),
        ("Andel sysselsatta", 41.0, 2022, "ge", 60.0, 2025),
        ("Sjukfrånvaro", 9.0, 2022, "le", 6.0, 2025),  # a target below the start is to get down to
    ]
    assert [o["status"] for o in result.table("outcomes")] == ["achieved", "not_achieved", "achieved"]


def test_english_work_packages_with_their_lead_partner_and_period(tmp_path: Path) -> None:
    from extractors.families import final_report

    pdf = tmp_path / "final_report.pdf"
    _plain_report(
        pdf,
        "Cross-Border Skills",
        "Final report",
        [
            ("1 Summary", ["Project period: 1 September 2022 – 31 August 2025. The project built courses."]),
            ("3 Work packages", ["The project had two work packages."]),
            ("WP1 Project management", ["Lead partner: Region Jämtland Härjedalen Period: September 2022 – August 2025",
                                        "Activities: steering group meetings twice a year."]),
            ("WP2 Joint vocational courses", ["Lead partner: Trøndelag fylkeskommune Period: January 2023 – June 2025",
                                              "Deliverables: four joint course curricula."]),
        ],
    )  # fmt: skip
    result = run_family(pdf, final_report)
    project, *packages = result.table("activities")
    assert (project["start_raw"], project["end_raw"]) == ("1 September 2022", "31 August 2025")
    got = [(p["code"], p["title"], p["responsible_raw"], p["start_raw"], p["end_raw"]) for p in packages]
    assert got == [
        ("WP1", "Project management", "Region Jämtland Härjedalen", "September 2022", "August 2025"),
        ("WP2", "Joint vocational courses", "Trøndelag fylkeskommune", "January 2023", "June 2025"),
    ]
    assert packages[1]["expected_outcome_raw"] == "four joint course curricula"


def test_a_results_section_names_the_goals_it_assesses_by_number(tmp_path: Path) -> None:
    from extractors.families import final_report

    pdf = tmp_path / "sluttrapport.pdf"
    _plain_report(
        pdf,
        "Smaken av Hardanger",
        "Sluttrapport",
        [
            (
                "2. Mål",
                [
                    "Hovudmål: Hardanger skal bli ein kjend matdestinasjon.",
                    "Delmål 1: Minst 25 bedrifter deltek i nettverket.",
                    "Delmål 2: Omsetnaden hos produsentane aukar med 15 prosent.",
                ],
            ),
            ("3. Resultat", ["Delmål 2 er ikkje nådd, omsetnaden auka med 6 prosent. Delmål 1 er nådd."]),
        ],
    )
    result = run_family(pdf, final_report)
    goals = {g["goal_id"]: g["text"] for g in result.table("goals")}
    assessed = {goals[o["goal_id"]]: o["status"] for o in result.table("outcomes") if o.get("goal_id")}
    assert assessed == {
        "Minst 25 bedrifter deltek i nettverket.": "achieved",
        "Omsetnaden hos produsentane aukar med 15 prosent.": "not_achieved",
    }


def test_goals_given_as_follows_and_a_list_without_bullets(tmp_path: Path) -> None:
    from extractors.families import final_report

    pdf = tmp_path / "slutrapport.pdf"
    _plain_report(
        pdf,
        "Aktiv skoldag",
        "Slutrapport",
        [
            (
                "Mål",
                [
                    "Effektmålet var formulerat så här: Andelen elever som rör sig en timme om dagen ska öka till 50 procent.",
                    "Projektmålen var två:",
                    "Alla 28 grundskolor ska ha infört schemalagd rörelse varje skoldag.",
                    "Minst 80 procent av lärarna ska ha gått utbildningen.",
                ],
            ),
            ("Genomförande", ["Arbetet började hösten 2022 och pågick i tre år."]),
        ],
    )
    result = run_family(pdf, final_report)
    assert [(g["level"], g["text"]) for g in result.table("goals")] == [
        ("effect", "Andelen elever som rör sig en timme om dagen ska öka till 50 procent."),
        ("result", "Alla 28 grundskolor ska ha infört schemalagd rörelse varje skoldag."),
        ("result", "Minst 80 procent av lärarna ska ha gått utbildningen."),
    ]


def _goal_table_report(path: Path, title: str, headers: list[str], rows: list[list[str]]) -> None:
    """A report whose goals and their results stand in one table, a paragraph per cell."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=18, leading=22)
    h2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=10)
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9.5, leading=12)
    grid = [headers] + [[Paragraph(text, cell) for text in row] for row in rows]
    table = Table(grid, colWidths=[220, 250], hAlign="LEFT")
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))  # fmt: skip
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph(title, head), Paragraph("Mål og resultat", h2), table]
    )


def test_a_goal_and_result_table_gives_a_goal_and_an_outcome_per_row(tmp_path: Path) -> None:
    """ "Mål | Resultat": the label before a goal ("Hovudmål:", "Delmål 2:") is its level, not its
    text, and the verdict opening the result cell is the outcome's status."""
    from extractors.families import final_report

    pdf = tmp_path / "sluttrapport.pdf"
    _goal_table_report(
        pdf,
        "Sluttrapport: Berekraftig fjordturisme",
        ["Mål", "Resultat"],
        [
            ["Hovudmål: Fjordturismen i regionen er berekraftig heile året",
             "Delvis nådd. Fleire heilårsplassar, men sesongen er framleis kort."],
            ["Delmål 1: Minst 30 bedrifter er miljøsertifiserte", "Nådd. 34 bedrifter er sertifiserte."],
            ["Delmål 2: Ein felles bookingportal er etablert", "Ikkje nådd. Portalen vart utsett."],
            ["Effektmål: Gjestene blir lenger i regionen", "Pågår. Tala for 2026 kjem i vår."],
        ],
    )  # fmt: skip
    result = run_family(pdf, final_report)
    assert result.table("activities")[0]["title"] == "Berekraftig fjordturisme"
    goals = {g["goal_id"]: (g["level"], g["text"]) for g in result.table("goals")}
    assert list(goals.values()) == [
        ("overall", "Fjordturismen i regionen er berekraftig heile året"),
        ("sub", "Minst 30 bedrifter er miljøsertifiserte"),
        ("sub", "Ein felles bookingportal er etablert"),
        ("effect", "Gjestene blir lenger i regionen"),
    ]
    assert [(goals[o["goal_id"]][1][:12], o["status"]) for o in result.table("outcomes")] == [
        ("Fjordturisme", "partly_achieved"),
        ("Minst 30 bed", "achieved"),
        ("Ein felles b", "not_achieved"),
        ("Gjestene bli", "ongoing"),
    ]


def test_a_swedish_goal_table_of_delmal_and_outcome(tmp_path: Path) -> None:
    """ "Delmål | Utfall" without labels in the cells: every row a sub-goal, "Uppnått" achieved."""
    from extractors.families import final_report

    pdf = tmp_path / "slutrapport.pdf"
    _goal_table_report(
        pdf,
        "Slutrapport – Projektet Grön logistik",
        ["Delmål", "Utfall"],
        [["Tio åkerier har bytt till fossilfria drivmedel", "Uppnått, tolv åkerier har bytt."],
         ["En gemensam laddplats är byggd i Borlänge", "Ej uppnått, bygget startar 2027."]],
    )  # fmt: skip
    result = run_family(pdf, final_report)
    assert [(g["level"], g["text"]) for g in result.table("goals")] == [
        ("sub", "Tio åkerier har bytt till fossilfria drivmedel"),
        ("sub", "En gemensam laddplats är byggd i Borlänge"),
    ]
    assert [o["status"] for o in result.table("outcomes")] == ["achieved", "not_achieved"]
