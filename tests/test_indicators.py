"""Targets, indicators and completion statements in outcome cells and goal sentences."""

from __future__ import annotations

import json

import pytest

from extractors.nlp.goal_rules import rule_goal_type
from extractors.normalise.indicators import IndicatorSpec, parse_indicators, parse_number
from schemas.tables import ENUMS
from tests.conftest import CORPUS


def _one(text: str, lang: str = "sv") -> IndicatorSpec:
    specs = parse_indicators(text, lang=lang)
    assert len(specs) == 1, specs
    return specs[0]


def test_two_indicators_with_baselines() -> None:
    text = (
        "Ökad genomströmning genom att mäta andel grundskoleelever som är behöriga till nationellt program "
        "i gymnasieskolan (2018: 66,7%) samt andel gymnasieelever som når gymnasieexamen (2018: 79,8%)"
    )
    first, second = parse_indicators(text)
    for spec in (first, second):
        assert (spec.outcome_kind, spec.unit, spec.comparator, spec.baseline_year) == (
            "indicator",
            "percent",
            "increase",
            2018,
        )
        assert spec.target_value is None
    assert (first.baseline_value, second.baseline_value) == (66.7, 79.8)
    assert first.metric == "andel grundskoleelever som är behöriga till nationellt program i gymnasieskolan"
    assert second.metric == "andel gymnasieelever som når gymnasieexamen"


def test_two_targets_in_one_cell() -> None:
    first, second = parse_indicators(
        "200 företag har använt verktygen och 100 medarbetare har använt vägledningen"
    )
    assert (first.target_value, first.unit, first.outcome_kind) == (200, "companies", "target_statement")
    assert (second.target_value, second.unit) == (100, "participants")
    assert first.metric == "företag har använt verktygen"


@pytest.mark.parametrize(
    ("text", "lang", "kind", "unit", "comparator", "value", "year"),
    [
        ("Kartläggning genomförd 2019", "sv", "completion", None, None, None, 2019),
        ("Förslag framtaget Q4 2020", "sv", "completion", None, None, None, 2020),
        ("Etablerad och implementerad", "sv", "completion", None, None, None, None),
        ("Plan utarbeidet innen 2021", "nb", "completion", None, None, None, 2021),
        ("minst 50 deltagare", "sv", "target_statement", "participants", "ge", 50, None),
        ("öka med 10 procent till 2025", "sv", "target_statement", "percent", "increase", 10, 2025),
        ("3,5 mkr", "sv", "target_statement", "sek_million", None, 3.5, None),
        ("250 tkr", "sv", "target_statement", "sek_thousand", None, 250, None),
        ("1 500 000 kr", "sv", "target_statement", "sek_million", None, 1.5, None),
        ("Budget 2 miljoner kronor", "sv", "target_statement", "sek_million", None, 2, None),
        ("Tilskudd på 1,5 mill. kr", "nb", "target_statement", "nok", None, 1_500_000, None),
        ("minst 20 bedrifter", "nb", "target_statement", "companies", "ge", 20, None),
        ("økt antall arbeidsplasser", "nb", "indicator", None, "increase", None, None),
        (
            "Minst 50 företagare deltar årligen 2020-2021",
            "sv",
            "target_statement",
            "companies",
            "ge",
            50,
            2021,
        ),
        ("Fyra möten/år.", "sv", "target_statement", "events", None, 4, None),
        ("Antal aktivitetstimmar ska vara 4975 timmar.", "sv", "target_statement", "hours", "eq", 4975, None),
        ("Antal vägledningssamtal ska vara 300", "sv", "target_statement", "count", "eq", 300, None),
        (
            "120 000 nya jobb i Göteborgsregionen till 2035.",
            "sv",
            "target_statement",
            "count",
            None,
            120000,
            2035,
        ),
        (
            "Minska arbetslösheten till högst 5 procent 2025",
            "sv",
            "target_statement",
            "percent",
            "le",
            5,
            2025,
        ),
        ("Identifierat 3-5 nya branschriktningar.", "sv", "target_statement", "count", "ge", 3, None),
        (
            "Tio internationella aktörer deltar i innovationsprojekt",
            "sv",
            "target_statement",
            "count",
            None,
            10,
            None,
        ),
        ("Mäts genom det systematiska kvalitetsarbetet", "sv", "indicator", None, None, None, None),
        (
            "Antal politiska initiativ med utgångspunkt från dialogerna",
            "sv",
            "indicator",
            None,
            None,
            None,
            None,
        ),
        (
            "Redusere sykefraværet med 2 prosent innen 2024",
            "nb",
            "target_statement",
            "percent",
            "decrease",
            2,
            2024,
        ),
        ("Over 300 besøkende på arrangementet", "nb", "target_statement", "participants", "ge", 300, None),
        # Danish comparators and direction
        ("Mindst 40 virksomheder har deltaget", "da", "target_statement", "companies", "ge", 40, None),
        ("Højst 5 klager om året", "da", "target_statement", "count", "le", 5, None),
        (
            "Antallet af turister skal øges med 10 %",
            "da",
            "target_statement",
            "percent",
            "increase",
            10,
            None,
        ),
    ],
)
def test_single_specs(
    text: str,
    lang: str,
    kind: str,
    unit: str | None,
    comparator: str | None,
    value: float | None,
    year: int | None,
) -> None:
    spec = _one(text, lang)
    assert (spec.outcome_kind, spec.unit, spec.comparator, spec.target_value, spec.target_year) == (
        kind,
        unit,
        comparator,
        value,
        year,
    )
    assert spec.text == text


def test_baseline_from_to() -> None:
    spec = _one("Andelen sysselsatte skal øke fra 70 % (2019) til 75 % innen 2025", "nb")
    assert (spec.baseline_value, spec.baseline_year, spec.target_value, spec.target_year) == (
        70,
        2019,
        75,
        2025,
    )
    assert (spec.unit, spec.comparator, spec.metric) == ("percent", "increase", "Andelen sysselsatte")


@pytest.mark.parametrize(
    ("text", "lang", "baseline"),
    [
        (
            "Andelen som pendler ut skal reduseres fra 38 prosent i 2024 til 33 prosent i 2028.",
            "nb",
            (38, 2024),
        ),
        ("Andelen ska öka från 34 procent år 2022 till 50 procent 2026.", "sv", (34, 2022)),
        ("Antalet ska öka från 120 under 2023 till 200 år 2026.", "sv", (120, 2023)),
        ("Andelen ska öka från 34 procent till 50 procent 2026.", "sv", (34, None)),
    ],
)
def test_baseline_year_after_a_preposition(text: str, lang: str, baseline: tuple[object, ...]) -> None:
    """ "fra 38 prosent i 2024 til 33 prosent": the year the starting value was measured, not the target's."""
    spec = _one(text, lang)
    assert (spec.baseline_value, spec.baseline_year) == baseline
    assert spec.target_year in (2026, 2028)


def test_school_year_baseline() -> None:
    spec = _one(
        "Läsåret 2020/2021 driver 32 % av eleverna i de kommunala gymnasieskolorna UBF (2018/19: 29 %)."
    )
    assert (spec.target_value, spec.unit, spec.baseline_value, spec.baseline_year) == (
        32,
        "percent",
        29,
        2019,
    )
    assert spec.metric == "eleverna i de kommunala gymnasieskolorna UBF"


def test_sentences_and_shared_year() -> None:
    specs = parse_indicators("120 deltagare och 30 företag involverade, 2021")
    assert [(s.target_value, s.unit, s.target_year) for s in specs] == [
        (120, "participants", 2021),
        (30, "companies", 2021),
    ]
    specs = parse_indicators("Antal vägledningssamtal ska vara 300 där 25% av deltagarna ska starta företag.")
    assert [(s.target_value, s.unit) for s in specs] == [(300, "count"), (25, "percent")]


@pytest.mark.parametrize(
    "text",
    ["", "GU och CTH ska vara representerade i relevanta kompetensråd", "Synkning med Insats 5, aktivitet 2"],
)
def test_nothing_measurable(text: str) -> None:
    assert parse_indicators(text) == []


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1 500 000", 1_500_000), ("66,7", 66.7), ("1\u00a0500", 1500), ("1\u202f500,5", 1500.5), ("3.5", 3.5)],
)
def test_parse_number(raw: str, value: float) -> None:
    assert parse_number(raw) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("120 000 nya jobb i Göteborgsregionen till 2035.", "quantitative"),
        ("Minst 20 bedrifter skal delta", "quantitative"),
        ("Kartläggning genomförd", "completion"),
        ("Handlingsplan utarbeidet og vedtatt", "completion"),
        ("Bidra till ökad samverkan mellan kommunerna", "process"),
        ("Fortsette arbeidet med å styrke næringslivet", "process"),
        (
            "Göteborg är en av de storstadsregioner i Europa som är bäst på att attrahera talang.",
            "qualitative",
        ),
        ("Førsteklasses førstelinjetjeneste", "qualitative"),
        ("", None),  # no statement, no type
    ],
)
def test_goal_type_rules(text: str, expected: str | None) -> None:
    assert rule_goal_type(text) == expected


def test_corpus_outcome_cells() -> None:
    """Every outcome cell of the action plan that states a number gives a quantified row."""
    path = CORPUS / "handlingsplan_goteborg_2019_2021.gold.json"
    if not path.exists():
        pytest.skip("corpus not available")
    gold = json.loads(path.read_text(encoding="utf-8"))
    cells = sorted({a["expected_outcome_raw"] for a in gold["activities"] if a.get("expected_outcome_raw")})
    assert len(cells) > 40
    with_rows = [c for c in cells if parse_indicators(c)]
    assert len(with_rows) / len(cells) > 0.8
    for cell in cells:
        for spec in parse_indicators(cell):
            assert spec.outcome_kind in ENUMS[("indicators", "outcome_kind")]
            assert spec.unit is None or spec.unit in ENUMS[("indicators", "unit")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # the grades and the minutes describe who is counted; the target is the share
            "Andelen elever i årskurs 4–9 som når minst 60 minuter fysisk aktivitet per dag ska öka från "
            "34 procent 2021 till 50 procent 2025.",
            ("percent", "increase", 50.0, 2025, 34.0, 2021),
        ),
        (
            "Utsläppen ska minska med 70 procent till 2030 jämfört med 2010.",
            ("percent", "decrease", 70.0, 2030, None, 2010),
        ),
        (
            # a metric and, on a label of its own, its target
            "Antal elever på industritekniska programmet. Mål: öka från 48 till 70 elever 2027.",
            ("participants", "increase", 70.0, 2027, 48.0, None),
        ),
        (
            # the share the change goes to is the target; "till och med" is one word; the start trails
            "Andelen elever som når minst 60 minuter ska öka till 50 procent till och med 2024, från 34 procent 2021.",
            ("percent", "increase", 50.0, 2024, 34.0, 2021),
        ),
    ],
)
def test_targets_behind_a_metric_of_their_own(text: str, expected: tuple[object, ...]) -> None:
    (spec,) = parse_indicators(text, "sv")
    assert spec.metric and not spec.metric.startswith("Mål")
    got = (
        spec.unit,
        spec.comparator,
        spec.target_value,
        spec.target_year,
        spec.baseline_value,
        spec.baseline_year,
    )
    assert got == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Andelen unge voksne (20–34 år) som flytter inn til regionen øker med 10 prosent", 10.0),
        ("Andelen 20–64 år i arbete ska vara 80 procent", 80.0),
        ("Antalet 16–24-åringar i arbete ökar med 200", 200.0),
        ("Minst 40 bedrifter deltar innen 2026", 40.0),
    ],
)
def test_an_age_range_names_who_is_counted_not_the_target(text: str, target: float) -> None:
    specs = [s for s in parse_indicators(text, lang="sv") if s.target_value is not None]
    assert [s.target_value for s in specs] == [target]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # English "To establish …" opens an objective; Norwegian and Danish "to" is two
        ("To increase producers' sales in neighbouring countries.", "en", [(None, None)]),
        ("To nye næringshager skal etableres innen 2027.", "nb", [(2.0, "count")]),
        ("Minst 50 virksomheder deltager i et energitjek.", "da", [(50.0, "companies")]),
        ("20 enterprises supported by the end of 2026.", "en", [(20.0, "companies")]),
        ("At least 40 participants in joint actions.", "en", [(40.0, "participants")]),
    ],
)
def test_number_words_and_unit_nouns_of_english_and_danish(
    text: str, lang: str, expected: list[tuple[float | None, str | None]]
) -> None:
    assert [(s.target_value, s.unit) for s in parse_indicators(text, lang)] == expected
