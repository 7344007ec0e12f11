"""Printed dates to intervals: quarters, seasons, halves, months, days, ranges, open ends, deadlines."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extractors.normalise.dates import parse_range, parse_when, split_range
from tests.conftest import CORPUS

D = dt.date

CASES: list[tuple[str, int | None, D | None, D | None, str | None, bool]] = [
    # raw, default_year, start, end, precision, ongoing
    ("2019, Q2", None, D(2019, 4, 1), D(2019, 6, 30), "quarter", False),
    ("Q4 2021", None, D(2021, 10, 1), D(2021, 12, 31), "quarter", False),
    ("2019 Q1", None, D(2019, 1, 1), D(2019, 3, 31), "quarter", False),
    ("kv 3 2020", None, D(2020, 7, 1), D(2020, 9, 30), "quarter", False),
    ("andra kvartalet 2020", None, D(2020, 4, 1), D(2020, 6, 30), "quarter", False),
    ("2. kvartal 2022", None, D(2022, 4, 1), D(2022, 6, 30), "quarter", False),
    ("2019", None, D(2019, 1, 1), D(2019, 12, 31), "year", False),
    ("Under 2020", None, D(2020, 1, 1), D(2020, 12, 31), "year", False),
    ("våren 2020", None, D(2020, 1, 1), D(2020, 6, 30), "season", False),
    ("vår 2020", None, D(2020, 1, 1), D(2020, 6, 30), "season", False),
    ("VT 2021", None, D(2021, 1, 1), D(2021, 6, 30), "season", False),
    ("hösten 2019", None, D(2019, 8, 1), D(2019, 12, 31), "season", False),
    ("høsten 2021", None, D(2021, 8, 1), D(2021, 12, 31), "season", False),
    ("hausten 2021", None, D(2021, 8, 1), D(2021, 12, 31), "season", False),
    ("efteråret 2022", None, D(2022, 8, 1), D(2022, 12, 31), "season", False),  # Danish
    ("foråret 2023", None, D(2023, 1, 1), D(2023, 6, 30), "season", False),
    ("sommaren 2020", None, D(2020, 6, 1), D(2020, 8, 31), "season", False),
    ("vintern 2019/2020", None, D(2019, 12, 1), D(2020, 3, 31), "season", False),
    ("första halvåret 2020", None, D(2020, 1, 1), D(2020, 6, 30), "half", False),
    ("1:a halvåret 2020", None, D(2020, 1, 1), D(2020, 6, 30), "half", False),
    ("andra halvåret 2020", None, D(2020, 7, 1), D(2020, 12, 31), "half", False),
    ("første halvår 2021", None, D(2021, 1, 1), D(2021, 6, 30), "half", False),
    ("H1 2020", None, D(2020, 1, 1), D(2020, 6, 30), "half", False),
    ("T2 2021", None, D(2021, 5, 1), D(2021, 8, 31), "month", False),
    ("juni 2020", None, D(2020, 6, 1), D(2020, 6, 30), "month", False),
    ("juni-21", None, D(2021, 6, 1), D(2021, 6, 30), "month", False),
    ("2020-06", None, D(2020, 6, 1), D(2020, 6, 30), "month", False),
    ("06/2020", None, D(2020, 6, 1), D(2020, 6, 30), "month", False),
    ("sept. 2019", None, D(2019, 9, 1), D(2019, 9, 30), "month", False),
    ("Desember 2017", None, D(2017, 12, 1), D(2017, 12, 31), "month", False),
    ("februari 2020", None, D(2020, 2, 1), D(2020, 2, 29), "month", False),
    ("Mai", 2017, D(2017, 5, 1), D(2017, 5, 31), "month", False),
    ("12 juni 2019", None, D(2019, 6, 12), D(2019, 6, 12), "day", False),
    ("2019-06-12", None, D(2019, 6, 12), D(2019, 6, 12), "day", False),
    ("12.06.2019", None, D(2019, 6, 12), D(2019, 6, 12), "day", False),
    ("1.3.20", None, D(2020, 3, 1), D(2020, 3, 1), "day", False),
    ("20. oktober", 2017, D(2017, 10, 20), D(2017, 10, 20), "day", False),
    ("fredag 12 juni 2020", None, D(2020, 6, 12), D(2020, 6, 12), "day", False),
    ("June 12, 2019", None, D(2019, 6, 12), D(2019, 6, 12), "day", False),
    ("vecka 12 2020", None, D(2020, 3, 16), D(2020, 3, 22), "day", False),
    ("uke 12 2021", None, D(2021, 3, 22), D(2021, 3, 28), "day", False),
    # ranges
    ("1 juli 2019 – 31 december 2021", None, D(2019, 7, 1), D(2021, 12, 31), "day", False),
    ("2018 - 2019", None, D(2018, 1, 1), D(2019, 12, 31), "year", False),
    ("2019-2021", None, D(2019, 1, 1), D(2021, 12, 31), "year", False),
    ("2020–2022", None, D(2020, 1, 1), D(2022, 12, 31), "year", False),
    ("2019/2020", None, D(2019, 1, 1), D(2020, 12, 31), "year", False),
    ("2019-20", None, D(2019, 1, 1), D(2020, 12, 31), "year", False),
    ("från 2019 till 2021", None, D(2019, 1, 1), D(2021, 12, 31), "year", False),
    ("Q2-Q4 2020", None, D(2020, 4, 1), D(2020, 12, 31), "quarter", False),
    ("mars–juni 2020", None, D(2020, 3, 1), D(2020, 6, 30), "month", False),
    ("november-februari 2020", None, D(2019, 11, 1), D(2020, 2, 29), "month", False),
    ("25-26/10", 2017, D(2017, 10, 25), D(2017, 10, 26), "day", False),
    ("30/8-1/9", 2017, D(2017, 8, 30), D(2017, 9, 1), "day", False),
    ("12-14 juni 2020", None, D(2020, 6, 12), D(2020, 6, 14), "day", False),
    ("2019-06-12 – 2019-08-30", None, D(2019, 6, 12), D(2019, 8, 30), "day", False),
    # open and ongoing
    ("Pågående", None, None, None, None, True),
    ("löpande", None, None, None, None, True),
    ("Kontinuerligt", None, None, None, None, True),
    ("løpende", None, None, None, None, True),
    ("Fortløpende", None, None, None, None, True),
    ("Løbende", None, None, None, None, True),
    ("Varje kvartal", None, None, None, None, True),  # a repeated task runs on
    ("Kvartalsvis", None, None, None, None, True),
    ("Hela perioden", None, None, None, None, True),
    ("Årligen", None, None, None, None, True),
    ("Pågående från 2019", None, D(2019, 1, 1), None, "year", True),
    ("Pågående 2020", None, D(2020, 1, 1), D(2020, 12, 31), "year", True),
    ("2019 och framåt", None, D(2019, 1, 1), None, "year", True),
    ("fra 2019 og fremover", None, D(2019, 1, 1), None, "year", True),
    ("2019-", None, D(2019, 1, 1), None, "year", True),
    ("från 2019", None, D(2019, 1, 1), None, "year", False),
    ("Start Q3 2019", None, D(2019, 7, 1), None, "quarter", False),
    ("efter 2020", None, D(2021, 1, 1), None, "year", False),
    # deadlines
    ("senast 2020", None, None, D(2020, 12, 31), "year", False),
    ("senest juni 2021", None, None, D(2021, 6, 30), "month", False),
    ("tom 2021", None, None, D(2021, 12, 31), "year", False),
    ("före 2020", None, None, D(2019, 12, 31), "year", False),
    ("8. desember (eller før)", 2017, None, D(2017, 12, 8), "day", False),
    # special periods
    ("årsskiftet 2019/2020", None, D(2019, 12, 1), D(2020, 1, 31), "month", False),
    ("läsåret 2019/20", None, D(2019, 8, 1), D(2020, 6, 30), "month", False),
    ("början av 2020", None, D(2020, 1, 1), D(2020, 3, 31), "quarter", False),
    ("slutet av 2021", None, D(2021, 10, 1), D(2021, 12, 31), "quarter", False),
    ("i slutten av 2021", None, D(2021, 10, 1), D(2021, 12, 31), "quarter", False),
    # dates inside longer text
    ("Q2 2019 (beslut i KF juni 2019)", None, D(2019, 4, 1), D(2019, 6, 30), "quarter", False),
]


@pytest.mark.parametrize(("raw", "year", "start", "end", "precision", "ongoing"), CASES)
def test_parse_when(
    raw: str, year: int | None, start: D | None, end: D | None, precision: str, ongoing: bool
) -> None:
    when = parse_when(raw, default_year=year)
    assert when is not None
    assert (when.start, when.end, when.precision, when.ongoing) == (start, end, precision, ongoing)
    assert when.raw == raw


def test_range_end_precision() -> None:
    when = parse_when("Q4 2021-2035")
    assert when is not None
    assert (when.start, when.end) == (D(2021, 10, 1), D(2035, 12, 31))
    assert (when.precision, when.end_precision) == ("quarter", "year")
    same = parse_when("2018 - 2019")
    assert same is not None and same.end_precision is None


@pytest.mark.parametrize("raw", ["", "   ", "okänt", "Beslut i KS", "Se ovan", "x", "Enligt plan", "100 %"])
def test_unknown_text(raw: str) -> None:
    assert parse_when(raw) is None


def test_yearless_without_default_year_keeps_precision() -> None:
    when = parse_when("20. oktober")
    assert when is not None
    assert (when.start, when.end, when.precision) == (None, None, "day")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2018 - 2019", ("2018", "2019")),
        ("2019, Q2", ("2019, Q2", None)),
        ("2019-06-12", ("2019-06-12", None)),
        ("juni-21", ("juni-21", None)),
        ("2020-06", ("2020-06", None)),
        ("1 juli 2019 – 31 december 2021", ("1 juli 2019", "31 december 2021")),
        ("Q4 2021-2035", ("Q4 2021", "2035")),
        ("Q2-Q4 2020", ("Q2", "Q4 2020")),
        ("Mai–September", ("Mai", "September")),
        ("Pågående", ("Pågående", None)),
        ("2019 till 2021", ("2019", "2021")),
    ],
)
def test_split_range(raw: str, expected: tuple[str, str | None]) -> None:
    assert split_range(raw) == expected


def test_parse_range_borrows_years() -> None:
    first, second = parse_range("Q2-Q4 2020")
    assert first is not None and second is not None
    assert (first.start, first.end) == (D(2020, 4, 1), D(2020, 6, 30))
    assert (second.start, second.end) == (D(2020, 10, 1), D(2020, 12, 31))
    first, second = parse_range("november-februari 2020")
    assert first is not None and second is not None
    assert first.start == D(2019, 11, 1) and second.end == D(2020, 2, 29)
    single, none = parse_range("2019")
    assert single is not None and none is None


def test_every_corpus_date_raw_is_read() -> None:
    """Every start/end cell printed in the sample documents parses (yearless ones with a year given)."""
    if not CORPUS.is_dir():
        pytest.skip("corpus not available")
    raws: set[str] = set()
    for path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for act in gold.get("activities", []):
            raws.update(v for v in (act.get("start_raw"), act.get("end_raw")) if v)
    assert len(raws) > 20
    for raw in sorted(raws):
        when = parse_when(raw, default_year=2017)
        assert when is not None, raw
        assert when.ongoing or when.start is not None or when.end is not None, raw
