"""Plan table shapes of issuers beyond the seeds, built here with reportlab and read by the real
pipeline stages: area names printed turned a quarter in a merged first column, action codes
("1a") printed in the title cell, a full-width band row in a table whose first column names who
is responsible, a bold title over a paragraph in an unruled title cell, a deadline column that
prints an open start, a date wrapped inside its narrow cell, and cost cells that print the
amount after the money's source or with "mill. kr" apart. Also the cover that names the kind."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from extractors.families.plan_extras import cell_amount
from extractors.normalise.dates import mend_wrapped_date, parse_when
from tests.test_plan_variants import Run, run_pipeline

pytest.importorskip("reportlab")

_TMP = tempfile.TemporaryDirectory(prefix="plan-round3-")  # removed when the test run ends
_DIR = Path(_TMP.name)


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    return {
        "title": ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=20, leading=24, spaceAfter=8),
        "sub": ParagraphStyle("sub", fontName="Helvetica", fontSize=13, leading=16, spaceAfter=12),
        "body": ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6),
        "cell": ParagraphStyle("cell", fontName="Helvetica", fontSize=8.5, leading=10.5),
        "bold": ParagraphStyle("bold", fontName="Helvetica-Bold", fontSize=8.5, leading=10.5),
    }


def _turned(text: str) -> Any:
    """A flowable that prints `text` turned a quarter anticlockwise (read from the bottom up)."""
    from reportlab.platypus import Flowable

    class Turned(Flowable):  # type: ignore[misc]
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return 11, 10

        def draw(self) -> None:
            canvas = self.canv
            canvas.saveState()
            canvas.setFont("Helvetica-Bold", 9)
            canvas.rotate(90)
            canvas.drawCentredString(5, -8, text)
            canvas.restoreState()

    return Turned()


AREAS = [
    (
        "Trygg oppvekst",
        [
            ("1a Etablere foreldrenettverk i alle barnehager", "Oppvekst", "Tilskudd 200 tkr", "2025"),
            ("1b Styrke helsestasjon for ungdom med flere timer", "Helse", "90 tkr", "2026"),
            (
                "1c Gi gratis aktivitetskort til barn i lavinntektsfamilier",
                "Kultur",
                "Innenfor ramme",
                "2025–2027",
            ),
        ],
    ),
    (
        "Aktive eldre",
        [
            ("2a Starte seniortrim i grendehusene", "Helse", "Statlige midler 60 tkr", "2026"),
            ("2b Opprette en frivilligsentral for eldre", "Kultur", "Søkes", "2027"),
        ],
    ),
]


def _turned_areas(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    s = _styles()
    data: list[list[Any]] = [
        [Paragraph(h, s["bold"]) for h in ("Fokusområde", "Tiltak", "Ansvar", "Finansiering", "År")]
    ]
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 1), (0, -1), "MIDDLE"),
    ]
    for area, actions in AREAS:
        first = len(data)
        for action in actions:
            data.append([""] + [Paragraph(text, s["cell"]) for text in action])
        style.append(("SPAN", (0, first), (0, len(data) - 1)))
        data[first][0] = _turned(area)
    table = Table(data, colWidths=[34, 190, 70, 100, 60])
    table.setStyle(TableStyle(style))
    story = [
        Paragraph("Handlingsplan for folkehelse 2025–2027", s["title"]),
        Paragraph("Bergnes kommune", s["sub"]),
        Paragraph("Handlingsplanen viser tiltakene kommunen gjennomfører i perioden.", s["body"]),
        Spacer(1, 10),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=50, bottomMargin=50).build(story)


def _band_rows(path: Path) -> None:
    """A development-plan cover whose subtitle says "Handlingsdel", a table "Ansvarlig | Nr | Tiltak |
    Frist | Ressursbehov" with full-width band rows naming the areas."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    s = _styles()
    rows: list[tuple[str, ...]] = [
        ("Næringsutvikling",),
        ("Næringsavdelingen", "1.1", "Etablere et næringsforum med faste møter", "Fra 2026", "2,5 mill. kr"),
        ("Plan og miljø", "1.2", "Regulere nytt næringsareal ved havna", "2026-06-30", "400 000 kr"),
        ("Reiseliv",),
        (
            "Kulturavdelingen",
            "2.1",
            "Lage en felles reiselivsportal for regionen",
            "Høsten 2026",
            "Innenfor ramme",
        ),
    ]
    data: list[list[Any]] = [
        [Paragraph(h, s["bold"]) for h in ("Ansvarlig", "Nr", "Tiltak", "Frist", "Ressursbehov")]
    ]
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for row in rows:
        if len(row) == 1:
            style.append(("SPAN", (0, len(data)), (-1, len(data))))
            style.append(("BACKGROUND", (0, len(data)), (-1, len(data)), colors.HexColor("#dde6f0")))
            data.append([Paragraph(row[0], s["bold"]), "", "", "", ""])
        else:
            data.append([Paragraph(text, s["cell"]) for text in row])
    table = Table(data, colWidths=[95, 28, 200, 52, 80])
    table.setStyle(TableStyle(style))
    story = [
        Paragraph("Strategisk næringsplan 2025–2029", s["title"]),
        Paragraph("Handlingsdel 2025–2026 – Vesterfjord kommune", s["sub"]),
        Paragraph(
            "Innsatsområdene og målsettingene står i samfunnsdelen. Tiltakene under har frist og "
            "ansvarlig enhet; samarbeidspartnere avtales i hvert tiltak.",
            s["body"],
        ),
        Spacer(1, 10),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=50, bottomMargin=50).build(story)


DESCRIBED = [
    ("Sommaropne museum", "Museet held ope kvar dag i juli med eigne omvisingar for born og vaksne.", "2025"),
    ("Ny bygdebok", "Historielaget skriv tredje bandet av bygdeboka saman med kommunen.", "2026–2028"),
]


def _bold_over_paragraph(path: Path) -> None:
    """An unruled table whose title cell prints a bold title over a paragraph (no paragraph break
    the table finder keeps)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    s = _styles()
    data: list[list[Any]] = [[Paragraph(h, s["bold"]) for h in ("Tiltak", "Ansvar", "Tidsrom", "Kostnad")]]
    for title, paragraph, when in DESCRIBED:
        data.append(
            [
                [Paragraph(title, s["bold"]), Paragraph(paragraph, s["cell"])],
                Paragraph("Kulturkontoret", s["cell"]),
                Paragraph(when, s["cell"]),
                Paragraph("50 000 kr", s["cell"]),
            ]
        )
    table = Table(data, colWidths=[210, 90, 70, 70])
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 1.0, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story = [
        Paragraph("Kulturplan for Heimdal kommune 2025–2028", s["title"]),
        Paragraph("Handlingsdel", s["sub"]),
        Paragraph("Handlingsdelen vert rullert årleg i samband med budsjettet.", s["body"]),
        Spacer(1, 10),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=50, bottomMargin=50).build(story)


@lru_cache(maxsize=3)
def _run(name: str) -> Run:
    build = {"turned": _turned_areas, "band": _band_rows, "described": _bold_over_paragraph}[name]
    pdf = _DIR / f"{name}.pdf"
    build(pdf)
    return run_pipeline(pdf)


def _budget(run: Run, row: dict[str, Any]) -> list[tuple[float, str]]:
    return [
        (line["amount"], line["unit"])
        for line in run.result.table("budget_lines")
        if line["activity_id"] == row["activity_id"]
    ]


def test_turned_area_names_in_a_merged_column_open_their_areas() -> None:
    run = _run("turned")
    areas = [r for r in run.rows if r["level"] == "area"]
    assert [a["title"] for a in areas] == ["Trygg oppvekst", "Aktive eldre"]  # not "oppvekst Trygg"
    for area, actions in AREAS:
        for action in actions:
            code, title = action[0].split(" ", 1)
            row = run.node(title)
            assert (row["code"], row["level"], run.parent(row)["title"]) == (code, "activity", area)


def test_an_area_word_alone_heading_the_column_is_no_area() -> None:
    run = _run("turned")
    assert not [r for r in run.rows if r["title"] == "Fokusområde"]


def test_an_amount_after_the_name_of_its_source_is_a_budget_line() -> None:
    run = _run("turned")
    assert _budget(run, run.node("Etablere foreldrenettverk")) == [(200.0, "nok_thousand")]
    assert _budget(run, run.node("Starte seniortrim")) == [(60.0, "nok_thousand")]
    assert _budget(run, run.node("Opprette en frivilligsentral")) == []


def test_a_cover_subtitle_naming_the_kind_decides_the_doc_type() -> None:
    assert _run("band").result.info.doc_type == "action_plan"
    assert _run("described").result.info.doc_type == "action_plan"


def test_a_band_row_over_a_responsible_first_column_opens_an_area() -> None:
    run = _run("band")
    assert [r["title"] for r in run.rows if r["level"] == "area"] == ["Næringsutvikling", "Reiseliv"]
    assert run.parent(run.node("Regulere nytt næringsareal"))["title"] == "Næringsutvikling"
    assert run.parent(run.node("Lage en felles reiselivsportal"))["title"] == "Reiseliv"


def test_an_open_start_in_a_deadline_column_is_the_start() -> None:
    row = _run("band").node("Etablere et næringsforum")
    assert (str(row.get("start_date")), row.get("end_date")) == ("2026-01-01", None)


def test_a_date_wrapped_in_its_cell_is_read_whole() -> None:
    row = _run("band").node("Regulere nytt næringsareal")
    assert str(row["end_date"]) == "2026-06-30"


def test_a_resource_need_column_gives_budget_lines() -> None:
    run = _run("band")
    assert _budget(run, run.node("Etablere et næringsforum")) == [(2500.0, "nok_thousand")]
    assert _budget(run, run.node("Regulere nytt næringsareal")) == [(400000.0, "nok")]
    assert _budget(run, run.node("Lage en felles reiselivsportal")) == []


def test_a_bold_title_over_a_paragraph_in_an_unruled_cell() -> None:
    run = _run("described")
    for title, paragraph, _ in DESCRIBED:
        row = run.node(title)
        assert (row["title"], row.get("description")) == (title, paragraph)


@pytest.mark.parametrize(
    ("raw", "mended"),
    [
        ("2026-03-3 1", "2026-03-31"),
        ("2026-0 3-31", "2026-03-31"),
        ("2025 - 2026", "2025 - 2026"),
        ("2026-03-31 1", "2026-03-31 1"),
        ("Q3 2026", "Q3 2026"),
    ],
)
def test_mend_wrapped_date(raw: str, mended: str) -> None:
    assert mend_wrapped_date(raw) == mended


def test_parse_when_reads_a_wrapped_date() -> None:
    when = parse_when("2026-03-3 1")
    assert when is not None and str(when.start) == "2026-03-31"


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("4,2 mill. kr", "sv", (4.2, "sek_million")),
        ("Statsbidrag 150 tkr", "sv", (150.0, "sek_thousand")),
        ("Ansökan 2025 500 tkr", "sv", None),  # a year before the amount
        ("Søkes fra fylket", "nb", None),
        ("Inom befintlig ram", "sv", None),
    ],
)
def test_cell_amount(text: str, lang: str, found: tuple[float, str] | None) -> None:
    assert cell_amount(text, "Ressursbehov", lang) == found
