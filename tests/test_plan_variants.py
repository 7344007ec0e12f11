"""Plans of other shapes than the corpus: built here, read by the real pipeline stages, no per-file switches.

Each plan has a title line with issuer and period, a running header with page numbers, a
table that runs onto the next page (header repeated or not), hyphenated line breaks in
narrow columns and at least twelve activities:
 a) Swedish, numbered 1 / 1.1 / 1.1.1 in a "Nr" column, columns in another order, ruled;
 b) Swedish without ruling lines, area headings as bold lines between the table parts;
 c) Norwegian "Handlingsprogram" with Innsatsområde/Mål rows and Norwegian dates;
 d) Nynorsk with Tidsrom/Ansvarleg columns and area headings printed above separate tables;
 e) plan a) with no header row on the continuation page; f) plan a) with the numbers in the title column.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from extractors.result import Extraction

pytest.importorskip("reportlab")

AREA = "area"  # a row that is one bold cell across the table (or a bold line without ruling)
Row = tuple[str, ...]


@dataclass
class PlanSpec:
    """What to print: the title lines, running header, one or more tables and their rows."""

    title: str
    issuer_line: str | None
    running: str
    page_label: str  # "Sida {n}", "Side {n}", "{n} (3)"
    headers: list[str]
    widths: list[float]
    parts: list[tuple[str | None, list[Row]]]  # (heading printed above the table, rows)
    ruled: bool = True
    landscape: bool = False
    repeat_header: bool = True
    intro: str = ""
    spacer: float = 300.0
    label_at_bottom: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def build_plan(path: Path, spec: PlanSpec) -> None:
    """Lay the plan out with reportlab the way a word processor would."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    size = landscape(A4) if spec.landscape else A4
    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    bold = ParagraphStyle("bold", fontName="Helvetica-Bold", fontSize=9, leading=11)
    heading = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=18, leading=22)
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)

    def running(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(50, size[1] - 28, spec.running)
        label = spec.page_label.format(n=doc.page)
        if spec.label_at_bottom:
            canvas.drawRightString(size[0] - 50, 28, label)
        else:
            canvas.drawRightString(size[0] - 50, size[1] - 28, label)
        canvas.restoreState()

    story: list[Flowable] = [Paragraph(spec.title, title)]
    if spec.issuer_line:
        story.append(Paragraph(spec.issuer_line, body))
    story += [Spacer(1, 10), Paragraph(spec.intro, body), Spacer(1, spec.spacer)]
    for part_heading, rows in spec.parts:
        if part_heading:
            story.append(Paragraph(part_heading, heading))
        data: list[list[Any]] = [[Paragraph(h, bold) for h in spec.headers]]
        style: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
        if spec.ruled:
            style += [("GRID", (0, 0), (-1, -1), 0.6, colors.black)]
            style += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#c6d9f1"))]
        for row in rows:
            i = len(data)
            if row[0] == AREA:
                first = 1 if len(row) == 3 else 0  # (AREA, number, text): the number keeps its column
                line = [""] * len(spec.headers)
                if first:
                    line[0] = row[1]
                line[first] = Paragraph(row[-1], bold)
                data.append(line)
                style += [("SPAN", (first, i), (-1, i)), ("FONTNAME", (0, i), (-1, i), "Helvetica-Bold")]
                style += [("TOPPADDING", (0, i), (-1, i), 8)]
            else:
                data.append([Paragraph(text, cell) if text else "" for text in row])
        table = Table(data, colWidths=spec.widths, repeatRows=1 if spec.repeat_header else 0)
        table.setStyle(TableStyle(style))
        story.append(table)
    SimpleDocTemplate(str(path), pagesize=size, topMargin=50, bottomMargin=50).build(
        story, onFirstPage=running, onLaterPages=running
    )


@dataclass
class Run:
    result: Extraction

    @property
    def rows(self) -> list[dict[str, Any]]:
        return self.result.table("activities")

    def node(self, prefix: str) -> dict[str, Any]:
        found = [r for r in self.rows if (r.get("title") or "").startswith(prefix)]
        assert len(found) == 1, (prefix, [r.get("title") for r in self.rows])
        return found[0]

    def parent(self, row: dict[str, Any]) -> dict[str, Any]:
        parent = self.result.get("activities", row["parent_id"])
        assert parent is not None, row
        return parent

    def indicators(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        return [i for i in self.result.table("indicators") if i["activity_id"] == row["activity_id"]]


def run_pipeline(pdf: Path) -> Run:
    """read_pdf -> analyse -> classify -> the registered family -> NLP, as the worker runs them."""
    from extractors.classify import classify
    from extractors.context import ExtractionContext
    from extractors.nlp import annotate
    from extractors.normalise.actors import ActorResolver
    from extractors.pdf.layout import analyse
    from extractors.pdf.reader import read_pdf
    from extractors.registry import extractor_for

    layout = analyse(read_pdf(str(pdf)))
    result = Extraction(doc_id="variant")
    result.info = classify(layout)
    country = "NO" if result.info.language in ("nb", "nn") else "SE"
    ctx = ExtractionContext(layout=layout, result=result, actors=ActorResolver(country=country))
    found = extractor_for(result.info.doc_type)
    assert found is not None
    found[1](ctx)
    annotate(ctx)
    return Run(result)


_TMP = tempfile.TemporaryDirectory(prefix="plan-variants-")  # removed when the test run ends
_DIR = Path(_TMP.name)


def _cached(build: Callable[[], PlanSpec]) -> Callable[[], Run]:
    @lru_cache(maxsize=1)
    def run() -> Run:
        pdf = _DIR / f"{build.__name__}.pdf"
        build_plan(pdf, build())
        return run_pipeline(pdf)

    return run


def _levels(run: Run) -> Counter[str]:
    return Counter(r["level"] for r in run.rows)


# ------------------------------------------------------------------ a) numbered, ruled, Swedish

_NUMBERED_ROWS: list[Row] = [
    (AREA, "1", "Fokusområde: Kompetensförsörjning"),
    (AREA, "1.1", "Stärka samverkan mellan skola och arbetsliv"),
    (
        "1.1.1",
        "Genomföra årliga yrkesmässor för elever i årskurs 8 och 9",
        "Barn- och utbildnings-<br/>förvaltningen",
        "Näringslivs-<br/>kontoret, Företagarna",
        "2024–2025",
        "Minst 400 elever deltar per år",
    ),
    (
        "1.1.2",
        "Utveckla praktikplatsbanken tillsammans med lokala företag",
        "Näringslivs-<br/>kontoret",
        "Arbetsmarknads-<br/>enheten",
        "Hösten 2024",
        "60 praktikplatser 2025",
    ),
    (
        "1.1.3",
        "Erbjuda studie- och yrkesvägledare studiebesök på företag",
        "Barn- och utbildnings-<br/>förvaltningen",
        "",
        "Löpande",
        "Andelen elever som söker yrkesprogram ska öka till 35 procent",
    ),
    (AREA, "1.2", "Matcha kompetens mot behov"),
    (
        "1.2.1",
        "Kartlägga kompetensbehovet hos de största arbetsgivarna",
        "Arbetsmarknads-<br/>enheten",
        "Arbetsför-<br/>medlingen",
        "2024",
        "Kartläggning klar",
    ),
    (
        "1.2.2",
        "Starta en yrkesutbildning inom vård i samarbete med regionen",
        "Vuxenutbild-<br/>ningen",
        "Region Exempel",
        "2025–2026",
        "20 studerande per år",
    ),
    (AREA, "2", "Fokusområde: Företagsklimat"),
    (AREA, "2.1", "Bättre service till företagare"),
    (
        "2.1.1",
        "Införa en gemensam företagslots för tillstånd och lov",
        "Kommunlednings-<br/>kontoret",
        "Miljö- och bygg-<br/>förvaltningen",
        "Våren 2025",
        "Handläggningstiden ska minska med 20 procent",
    ),
    (
        "2.1.2",
        "Genomföra frukostmöten med det lokala näringslivet",
        "Näringslivs-<br/>kontoret",
        "Företagarna",
        "Löpande",
        "Minst 6 möten per år",
    ),
    (
        "2.1.3",
        "Mäta nöjd kundindex i myndighetsutövningen vartannat år",
        "Näringslivs-<br/>kontoret",
        "",
        "2024–2026",
        "NKI ska uppgå till minst 75",
    ),
    (AREA, "2.2", "Etablering och mark"),
    (
        "2.2.1",
        "Ta fram en mark- och etableringsstrategi för verksamhetsmark",
        "Samhällsbyggnads-<br/>förvaltningen",
        "Näringslivs-<br/>kontoret",
        "2025",
        "Strategin antagen",
    ),
    (
        "2.2.2",
        "Marknadsföra lediga tomter i industriområdet Norra Hagen",
        "Näringslivs-<br/>kontoret",
        "Kommunens fastighetsbolag",
        "Hösten 2025",
        "5 nya etableringar till 2026",
    ),
    (
        "2.2.3",
        "Utreda behovet av en ny bredbandsutbyggnad på landsbygden",
        "Tekniska förvalt-<br/>ningen",
        "",
        "2026",
        "Utredning klar",
    ),
]


def numbered(repeat_header: bool = True) -> PlanSpec:
    return PlanSpec(
        title="Åtgärdsplan för näringslivet 2024–2026, Exempelby kommun",
        issuer_line=None,
        running="Åtgärdsplan för näringslivet 2024–2026",
        page_label="Sida {n}",
        headers=["Nr", "Åtgärd", "Ansvar", "Medverkande", "Tidplan", "Indikator"],
        widths=[34, 140, 90, 90, 60, 94],
        parts=[(None, _NUMBERED_ROWS)],
        repeat_header=repeat_header,
        intro="Planen antogs av kommunfullmäktige och gäller 2024–2026. Kommunstyrelsen ansvarar för "
        "uppföljningen av åtgärderna.",
    )


def numbered_plan() -> PlanSpec:
    return numbered()


def numbered_plan_no_repeat() -> PlanSpec:
    return numbered(repeat_header=False)


def numbered_in_title_column() -> PlanSpec:
    """The outline numbers printed in front of the titles, no number column."""
    rows: list[Row] = []
    for row in _NUMBERED_ROWS:
        if row[0] == AREA:
            rows.append((AREA, f"{row[1]} {row[2]}"))
        else:
            rows.append((f"{row[0]} {row[1]}", *row[2:]))
    spec = numbered()
    spec.headers = spec.headers[1:]
    spec.widths = [174, *spec.widths[2:]]
    spec.parts = [(None, rows)]
    return spec


plan_a = _cached(numbered_plan)
plan_e = _cached(numbered_plan_no_repeat)
plan_f = _cached(numbered_in_title_column)
NUMBERED = [plan_a, plan_e, plan_f]
NUMBERED_IDS = ["number-column", "header-not-repeated", "numbers-in-titles"]


@pytest.mark.parametrize("plan", NUMBERED, ids=NUMBERED_IDS)
def test_numbered_plan_tree(plan: Callable[[], Run]) -> None:
    run = plan()
    info = run.result.info
    assert (info.doc_type, info.language) == ("action_plan", "sv")
    assert info.issuer == "Exempelby kommun"
    assert (str(info.period_start), str(info.period_end)) == ("2024-01-01", "2026-12-31")
    assert _levels(run) == {"area": 2, "effort": 4, "activity": 11}
    codes = [r["code"] for r in run.rows]
    assert codes[:5] == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3"] and codes[-1] == "2.2.3"
    area = run.rows[0]
    assert area["title"] == "Fokusområde: Kompetensförsörjning" and area["parent_id"] is None
    assert area["strategic_area"] == "Kompetensförsörjning"
    fair = run.node("Genomföra årliga yrkesmässor")
    effort = run.parent(fair)
    assert (effort["code"], effort["level"], effort["title"]) == (
        "1.1",
        "effort",
        "Stärka samverkan mellan skola och arbetsliv",
    )
    assert run.parent(effort)["activity_id"] == area["activity_id"]
    assert fair["strategic_area"] == "Kompetensförsörjning"
    last = run.node("Utreda behovet av en ny bredbandsutbyggnad")
    assert run.parent(last)["code"] == "2.2" and last["strategic_area"] == "Företagsklimat"
    assert last["page_start"] == 2 and fair["page_start"] == 1
    assert not any(r["title"] in ("Åtgärd", "Nr") for r in run.rows)


@pytest.mark.parametrize("plan", NUMBERED, ids=NUMBERED_IDS)
def test_numbered_plan_cells(plan: Callable[[], Run]) -> None:
    run = plan()
    fair = run.node("Genomföra årliga yrkesmässor")
    assert fair["responsible_raw"] == "Barn- och utbildningsförvaltningen"
    assert fair["participants_raw"] == "Näringslivskontoret, Företagarna"
    assert (fair["start_raw"], fair["end_raw"]) == ("2024", "2025")
    assert (str(fair["start_date"]), str(fair["end_date"])) == ("2024-01-01", "2025-12-31")
    assert fair["expected_outcome_raw"] == "Minst 400 elever deltar per år"
    (target,) = run.indicators(fair)
    assert (target["comparator"], target["target_value"]) == ("ge", 400.0)
    autumn = run.node("Utveckla praktikplatsbanken")
    assert (autumn["start_raw"], autumn["end_raw"]) == ("Hösten 2024", None)
    assert str(autumn["start_date"]) == "2024-08-01"
    assert autumn["participants_raw"] == "Arbetsmarknadsenheten"
    ongoing = run.node("Erbjuda studie- och yrkesvägledare")
    assert ongoing["start_raw"] == "Löpande" and ongoing["ongoing"] is True
    assert ongoing["participants_raw"] is None
    (share,) = run.indicators(ongoing)
    assert (share["unit"], share["target_value"]) == ("percent", 35.0)
    lots = run.node("Införa en gemensam företagslots")
    assert lots["participants_raw"] == "Miljö- och byggförvaltningen"
    assert lots["responsible_raw"] == "Kommunledningskontoret"
    (faster,) = run.indicators(lots)
    assert (faster["unit"], faster["comparator"], faster["target_value"]) == ("percent", "decrease", 20.0)
    land = run.node("Marknadsföra lediga tomter")
    (count,) = run.indicators(land)
    assert (count["target_value"], count["target_year"]) == (5.0, 2026)


# ------------------------------------------------------------------ b) no ruling lines


def _unruled_rows() -> list[Row]:
    return [
        (AREA, "Fokusområde 1: Kompetens"),
        (
            "Kartlägga arbetsgivarnas kompetensbehov inom industrin",
            "2025",
            "2025",
            "Näringslivs-<br/>enheten",
            "Kartläggning klar",
        ),
        (
            "Starta yrkeshögskoleutbildning inom automation",
            "2025",
            "2026",
            "Vuxenutbild-<br/>ningen",
            "25 studerande per år",
        ),
        (
            "Erbjuda sommarjobb hos lokala företag för ungdomar",
            "Maj 2025",
            "Aug 2025",
            "Arbetsmark-<br/>nadsenheten",
            "100 sommarjobb",
        ),
        (
            "Ta fram ett program för kompetensväxling i handeln",
            "Hösten 2025",
            "2026",
            "Näringslivs-<br/>enheten",
            "Programmet antaget",
        ),
        (AREA, "Fokusområde 2: Etablering"),
        (
            "Uppdatera översikten över ledig verksamhetsmark",
            "Jan 2025",
            "Mars 2025",
            "Samhälls-<br/>byggnad",
            "Översikt publicerad",
        ),
        (
            "Införa en etableringslots för nya företag",
            "2025",
            "Löpande",
            "Näringslivs-<br/>enheten",
            "Minst 10 etableringar per år",
        ),
        (
            "Delta på mässor för att marknadsföra kommunen",
            "2025",
            "2027",
            "Kommunika-<br/>tionsenheten",
            "3 mässor per år",
        ),
        (
            "Utveckla handelsområdet vid stationen",
            "2026",
            "2027",
            "Samhälls-<br/>byggnad",
            "Detaljplan antagen",
        ),
        (AREA, "Fokusområde 3: Företagsklimat"),
        (
            "Genomföra företagsbesök med kommunledningen",
            "2025",
            "Löpande",
            "Kommundirek-<br/>tören",
            "40 besök per år",
        ),
        (
            "Förbättra handläggningen av bygglov",
            "2025",
            "2026",
            "Bygg- och miljö-<br/>förvaltningen",
            "Handläggningstiden minskar till 4 veckor",
        ),
        (
            "Mäta företagsklimatet i en årlig enkät",
            "Våren 2025",
            "Våren 2027",
            "Näringslivs-<br/>enheten",
            "Svenskt Näringslivs ranking förbättras",
        ),
        (
            "Arrangera en årlig näringslivsgala",
            "Nov 2025",
            "Nov 2027",
            "Näringslivs-<br/>enheten",
            "Minst 300 deltagare",
        ),
    ]


def unruled_plan() -> PlanSpec:
    return PlanSpec(
        title="Handlingsplan för näringsliv och arbete 2025–2027",
        issuer_line="Lindås kommun",
        running="Lindås kommun · Handlingsplan för näringsliv och arbete 2025–2027",
        page_label="{n} (2)",
        label_at_bottom=True,
        headers=["Aktivitet", "Start", "Klart", "Ansvarig", "Resultat"],
        widths=[170, 55, 55, 85, 120],
        parts=[(None, _unruled_rows())],
        ruled=False,
        intro="Handlingsplanen beskriver de aktiviteter som kommunen genomför under perioden för att stärka "
        "näringslivet. Planen följs upp årligen av kommunstyrelsen.",
        spacer=400.0,
    )


plan_b = _cached(unruled_plan)


def test_unruled_plan_tree() -> None:
    run = plan_b()
    info = run.result.info
    assert (info.doc_type, info.language, info.issuer) == ("action_plan", "sv", "Lindås kommun")
    assert _levels(run) == {"area": 3, "activity": 12}
    areas = [r for r in run.rows if r["level"] == "area"]
    assert [a["code"] for a in areas] == ["Fokusområde 1", "Fokusområde 2", "Fokusområde 3"]
    assert [a["strategic_area"] for a in areas] == ["Kompetens", "Etablering", "Företagsklimat"]
    for title, area in (
        ("Kartlägga arbetsgivarnas kompetensbehov inom industrin", areas[0]),
        ("Uppdatera översikten över ledig verksamhetsmark", areas[1]),
        ("Utveckla handelsområdet vid stationen", areas[1]),
        ("Arrangera en årlig näringslivsgala", areas[2]),
    ):
        row = run.node(title)
        assert row["title"] == title and row["parent_id"] == area["activity_id"]
        assert row["strategic_area"] == area["strategic_area"]
    assert run.node("Arrangera en årlig").get("page_start") == 2


def test_unruled_plan_cells() -> None:
    run = plan_b()
    first = run.node("Kartlägga arbetsgivarnas")
    assert (first["start_raw"], first["end_raw"]) == ("2025", "2025")
    assert first["responsible_raw"] == "Näringslivsenheten"
    assert first["expected_outcome_raw"] == "Kartläggning klar"
    summer = run.node("Erbjuda sommarjobb")
    assert (summer["start_raw"], summer["end_raw"]) == ("Maj 2025", "Aug 2025")
    assert (str(summer["start_date"]), str(summer["end_date"])) == ("2025-05-01", "2025-08-31")
    assert summer["responsible_raw"] == "Arbetsmarknadsenheten"
    (jobs,) = run.indicators(summer)
    assert jobs["target_value"] == 100.0
    tight = run.node("Ta fram ett program")
    assert (tight["start_raw"], tight["end_raw"]) == ("Hösten 2025", "2026")
    lots = run.node("Införa en etableringslots")
    assert lots["end_raw"] == "Löpande" and lots["ongoing"] is True
    assert lots["expected_outcome_raw"] == "Minst 10 etableringar per år"
    survey = run.node("Mäta företagsklimatet")
    assert (survey["start_raw"], survey["end_raw"]) == ("Våren 2025", "Våren 2027")
    assert survey["responsible_raw"] == "Näringslivsenheten"
    permits = run.node("Förbättra handläggningen")
    assert permits["responsible_raw"] == "Bygg- och miljöförvaltningen"
    assert permits["expected_outcome_raw"] == "Handläggningstiden minskar till 4 veckor"
    (weeks,) = run.indicators(permits)
    assert (weeks["comparator"], weeks["target_value"]) == ("decrease", 4.0)


# ------------------------------------------------------------------ c) Norwegian handlingsprogram


def _norwegian_rows() -> list[Row]:
    return [
        (AREA, "Innsatsområde 1: Verdiskaping og næringsutvikling"),
        (AREA, "Mål: Flere arbeidsplasser i privat sektor innen 2028"),
        (
            "Etablere et næringsfond for oppstartsbedrifter i kommunen",
            "Nærings-<br/>avdelingen",
            "Innovasjon Norge, SpareBank 1",
            "1. kvartal 2026",
            "500",
        ),
        (
            "Utarbeide en strategisk næringsplan for sjømatnæringen",
            "Kommune-<br/>direktøren",
            "Fiskarlaget, Sjømat Norge",
            "høsten 2025",
            "150",
        ),
        (
            "Arrangere årlig næringskonferanse sammen med næringsforeningen",
            "Nærings-<br/>avdelingen",
            "Fjellvik Næringsforening",
            "løpende",
            "80",
        ),
        (
            "Kartlegge ledige næringsarealer og legge dem ut på nett",
            "Plan- og byggesaks-<br/>avdelingen",
            "",
            "2025–2026",
            "120",
        ),
        (AREA, "Mål: Økt verdiskaping i reiselivet"),
        (
            "Utvikle en felles merkevare for reiselivet i regionen",
            "Reiselivs-<br/>koordinator",
            "Visit Fjellvik, nabokommunene",
            "2026–2027",
            "300",
        ),
        (
            "Tilrettelegge turstier og parkering ved populære turmål",
            "Teknisk drift",
            "Grunneiere, Statskog",
            "våren 2026",
            "450",
        ),
        (AREA, "Innsatsområde 2: Kompetanse og rekruttering"),
        (AREA, "Mål: Andelen unge som fullfører videregående skole skal øke til 85 prosent innen 2028"),
        (
            "Opprette lærlingplasser i kommunale virksomheter",
            "Personal-<br/>avdelingen",
            "Fagforbundet",
            "2025–2028",
            "400",
        ),
        (
            "Gjennomføre yrkesmesse for ungdomsskoleelever hvert år",
            "Oppvekst-<br/>sektoren",
            "Videregående skole, NAV",
            "høsten 2025",
            "60",
        ),
        (
            "Etablere et rekrutteringsprogram for helsepersonell",
            "Helse og omsorg",
            "Høgskolen, NAV",
            "1. halvår 2026",
            "250",
        ),
        (
            "Tilby norskopplæring på arbeidsplassen for arbeidsinnvandrere",
            "Voksen-<br/>opplæringen",
            "Lokale bedrifter",
            "løpende",
            "200",
        ),
        (
            "Evaluere tiltakene og rapportere til kommunestyret",
            "Kommune-<br/>direktøren",
            "",
            "4. kvartal 2028",
            "0",
        ),
    ]


def norwegian_plan() -> PlanSpec:
    return PlanSpec(
        title="Handlingsprogram 2025–2028, Fjellvik kommune",
        issuer_line=None,
        running="Fjellvik kommune – Handlingsprogram 2025–2028",
        page_label="Side {n}",
        headers=["Tiltak", "Ansvarlig", "Samarbeidspartnere", "Tidsramme", "Kostnad (1000 kr)"],
        widths=[300, 100, 160, 90, 80],
        parts=[(None, _norwegian_rows())],
        landscape=True,
        intro="Handlingsprogrammet følger opp næringsplanen og revideres hvert år. Kommunestyret vedtar "
        "programmet i forbindelse med budsjettet.",
        spacer=200.0,
    )


plan_c = _cached(norwegian_plan)


def test_norwegian_plan_tree() -> None:
    run = plan_c()
    info = run.result.info
    assert (info.doc_type, info.language, info.issuer) == ("development_plan", "nb", "Fjellvik kommune")
    assert (str(info.period_start), str(info.period_end)) == ("2025-01-01", "2028-12-31")
    assert _levels(run) == {"area": 2, "goal": 3, "measure": 11}
    area = run.rows[0]
    assert (area["code"], area["strategic_area"]) == ("Innsatsområde 1", "Verdiskaping og næringsutvikling")
    goal = run.node("Økt verdiskaping i reiselivet")
    assert goal["level"] == "goal" and goal["parent_id"] == area["activity_id"]
    trail = run.node("Tilrettelegge turstier")
    brand = run.node("Utvikle en felles merkevare")
    assert trail["parent_id"] == goal["activity_id"] == brand["parent_id"]
    assert run.node("Etablere et næringsfond")["page_start"] == 1 and trail["page_start"] == 2
    assert trail["strategic_area"] == "Verdiskaping og næringsutvikling"
    last = run.node("Evaluere tiltakene")
    assert run.parent(run.parent(last))["strategic_area"] == "Kompetanse og rekruttering"
    goals = {g["text"]: g for g in run.result.table("goals")}
    share = goals["Andelen unge som fullfører videregående skole skal øke til 85 prosent innen 2028"]
    targets = [i for i in run.result.table("indicators") if i["goal_id"] == share["goal_id"]]
    assert [(i["unit"], i["target_value"], i["target_year"]) for i in targets] == [("percent", 85.0, 2028)]


def test_norwegian_plan_cells() -> None:
    run = plan_c()
    fund = run.node("Etablere et næringsfond")
    assert fund["responsible_raw"] == "Næringsavdelingen"
    assert fund["participants_raw"] == "Innovasjon Norge, SpareBank 1"
    assert fund["resources_raw"] == "500"
    assert (fund["start_raw"], str(fund["start_date"])) == ("1. kvartal 2026", "2026-01-01")
    autumn = run.node("Utarbeide en strategisk næringsplan")
    assert (autumn["start_raw"], str(autumn["start_date"])) == ("høsten 2025", "2025-08-01")
    assert autumn["responsible_raw"] == "Kommunedirektøren"
    assert run.node("Arrangere årlig næringskonferanse")["ongoing"] is True
    span = run.node("Kartlegge ledige næringsarealer")
    assert (span["start_raw"], span["end_raw"]) == ("2025", "2026")
    assert span["responsible_raw"] == "Plan- og byggesaksavdelingen" and span["participants_raw"] is None
    trail = run.node("Tilrettelegge turstier")
    assert (trail["start_raw"], trail["participants_raw"]) == ("våren 2026", "Grunneiere, Statskog")
    # "Tidsramme" prints when the work takes place: the quarter's last day ends it
    last = run.node("Evaluere tiltakene")
    assert (str(last["start_date"]), str(last["end_date"])) == ("2028-10-01", "2028-12-31")


# ------------------------------------------------------------------ d) Nynorsk, one table per area


def nynorsk_plan() -> PlanSpec:
    tourism: list[Row] = [
        (
            "Lage ein felles reiselivsportal for regionen",
            "Nærings-<br/>sjefen",
            "Destinasjons-<br/>selskapet",
            "2026",
        ),
        ("Merke og skilte turløyper i fjellet", "Teknisk eining", "Turlaget", "våren 2026"),
        ("Arrangere vinterfestival kvart år", "Kultur-<br/>eininga", "Lag og foreiningar", "løpande"),
        ("Greie ut ny hamn for cruiseskip", "Kommune-<br/>direktøren", "Hamnevesenet", "2026–2027"),
        ("Tilby kurs i vertskap for reiselivsbedrifter", "Nærings-<br/>sjefen", "Fagskulen", "hausten 2026"),
        ("Kartleggje overnattingskapasiteten", "Plan-<br/>eininga", "", "1. kvartal 2027"),
    ]
    farming: list[Row] = [
        ("Etablere eit nettverk for unge bønder", "Landbruks-<br/>kontoret", "Bondelaget", "2026"),
        (
            "Gje tilskot til lokal foredling av mat",
            "Landbruks-<br/>kontoret",
            "Innovasjon Noreg",
            "2026–2029",
        ),
        ("Halde fagdag om beitebruk", "Landbruks-<br/>kontoret", "Sau og geit", "hausten 2026"),
        ("Greie ut felles slakteri", "Nærings-<br/>sjefen", "Nabokommunane", "2027"),
        ("Lage ein plan for jordvern", "Plan-<br/>eininga", "", "2026–2027"),
        ("Fylgje opp tiltaka i årsmeldinga", "Kommune-<br/>direktøren", "", "løpande"),
    ]
    return PlanSpec(
        title="Handlingsplan for næringsutvikling 2026–2029, Fjordvik kommune",
        issuer_line=None,
        running="Fjordvik kommune · Handlingsplan 2026–2029",
        page_label="Side {n}",
        headers=["Tiltak", "Ansvarleg", "Samarbeidspartnarar", "Tidsrom"],
        widths=[220, 90, 110, 80],
        parts=[("Satsingsområde 1: Reiseliv", tourism), ("Satsingsområde 2: Landbruk", farming)],
        intro="Handlingsplanen fylgjer opp strategisk næringsplan. Kommunestyret gjer vedtak om planen kvart år.",
        spacer=380.0,
    )


plan_d = _cached(nynorsk_plan)


def test_nynorsk_plan_with_area_headings_above_tables() -> None:
    run = plan_d()
    info = run.result.info
    assert info.language == "nn" and info.doc_type in ("action_plan", "development_plan")
    assert info.issuer == "Fjordvik kommune"
    levels = _levels(run)
    assert levels["area"] == 2 and sum(levels.values()) == 14
    areas = [r for r in run.rows if r["level"] == "area"]
    assert [(a["code"], a["strategic_area"]) for a in areas] == [
        ("Satsingsområde 1", "Reiseliv"),
        ("Satsingsområde 2", "Landbruk"),
    ]
    portal = run.node("Lage ein felles reiselivsportal")
    assert portal["parent_id"] == areas[0]["activity_id"] and portal["strategic_area"] == "Reiseliv"
    assert (
        portal["responsible_raw"] == "Næringssjefen" and portal["participants_raw"] == "Destinasjonsselskapet"
    )
    last = run.node("Fylgje opp tiltaka")
    assert last["parent_id"] == areas[1]["activity_id"] and last["ongoing"] is True
    food = run.node("Gje tilskot til lokal foredling")
    assert (food["start_raw"], food["end_raw"], str(food["end_date"])) == ("2026", "2029", "2029-12-31")
    autumn = run.node("Halde fagdag om beitebruk")
    assert (autumn["start_raw"], str(autumn["start_date"])) == ("hausten 2026", "2026-08-01")


# ------------------------------------------------------------------ tight unruled rows


def _words(line: list[tuple[float, str]], top: float, bold: bool = False) -> list[Any]:
    from extractors.pdf.model import Word

    out = []
    for x, text in line:
        for word in text.split(" "):
            width = 4.5 * len(word)
            out.append(Word(word, x, top, x + width, top + 9, size=9.0, bold=bold))
            x += width + 2.5
    return out


def test_unruled_rows_without_spacing_between_them() -> None:
    """Rows as tight as the lines inside a cell: lower-case first-column lines carry on the row."""
    from extractors.pdf.model import Page
    from extractors.pdf.streams import stream_tables

    cols = (60.0, 260.0, 320.0, 400.0)
    lines = [
        ([(cols[0], "Aktivitet"), (cols[1], "Start"), (cols[2], "Ansvarig"), (cols[3], "Resultat")], True),
        (
            [
                (cols[0], "Kartlägga kompetensbehovet"),
                (cols[1], "2025"),
                (cols[2], "Näringsliv"),
                (cols[3], "Klar"),
            ],
            False,
        ),
        ([(cols[0], "hos arbetsgivarna"), (cols[2], "och skola")], False),
        (
            [(cols[0], "Starta en utbildning"), (cols[1], "2026"), (cols[2], "Vux"), (cols[3], "20 per år")],
            False,
        ),
        (
            [(cols[0], "Genomföra mässor"), (cols[1], "2025"), (cols[2], "Skola"), (cols[3], "400 elever")],
            False,
        ),
    ]
    words = [w for i, (line, bold) in enumerate(lines) for w in _words(line, 100.0 + 11 * i, bold)]
    page = Page(number=1, width=595.0, height=842.0, words=words)
    (table,) = stream_tables(page, words)
    assert table.header_rows == 1 and (table.n_rows, table.n_cols) == (4, 4)
    grid = [[c.text for c in table.row_cells(r)] for r in range(table.n_rows)]
    assert grid[1] == ["Kartlägga kompetensbehovet hos arbetsgivarna", "2025", "Näringsliv och skola", "Klar"]
    assert grid[3][0] == "Genomföra mässor"
