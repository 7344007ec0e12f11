"""Date cells as printed ("2019, Q2", "våren 2020", "Pågående", "1 juli 2019 – 31 december 2021")
to the interval they denote.

Each printed expression denotes an interval, never a point: a year is Jan 1–Dec 31, a quarter
its first to last day, a month likewise, a day itself. Ranges take the start of the first part
and the end of the second. Open-ended words ("Pågående", "løpende") set ``ongoing``; deadline
words ("senast 2020") give an end only, start words ("från 2019") a start only.

Seasons follow the school and working year that plans are written in, not astronomy:
spring (våren, vårterminen, VT) = Jan 1–Jun 30, summer = Jun 1–Aug 31, autumn (hösten,
høsten, HT) = Aug 1–Dec 31, winter Y = Jan 1–Mar 31 of Y ("vintern 2019/2020" = Dec 1 2019 –
Mar 31 2020). Halves are Jan–Jun and Jul–Dec, tertials Jan–Apr, May–Aug, Sep–Dec. "Årsskiftet
2019/2020" is Dec 1 2019–Jan 31 2020, a school year ("läsåret 2019/20") Aug 1–Jun 30. A week
number is its ISO week, Monday to Sunday, with precision "day".
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_WORDS_FILE = Path(__file__).resolve().parents[1] / "data" / "date_words.json"

PRECISIONS = ("day", "month", "quarter", "season", "half", "year")


@dataclass(frozen=True, slots=True)
class When:
    """The interval a printed date denotes; ``precision`` is the start's, ``end_precision`` the end's
    when it differs (a range "Q4 2021-2035" is quarter ... year)."""

    start: dt.date | None
    end: dt.date | None
    precision: str | None
    ongoing: bool = False
    raw: str = ""
    end_precision: str | None = None


# ---------------------------------------------------------------- vocabulary


@lru_cache(maxsize=1)
def _words() -> dict[str, object]:
    data: dict[str, object] = json.loads(_WORDS_FILE.read_text(encoding="utf-8"))
    return data


def _word_list(key: str) -> list[str]:
    value = _words()[key]
    assert isinstance(value, list)
    return [str(v) for v in value]


def _word_map(key: str) -> dict[str, str]:
    """Word -> group key (month number, season name, ordinal)."""
    value = _words()[key]
    assert isinstance(value, dict)
    return {str(w): str(k) for k, ws in value.items() for w in ws}


def _alt(words: list[str] | set[str] | dict[str, str]) -> str:
    """Regex alternation, longest first, each word escaped, an abbreviation's "." optional."""
    items = sorted({w for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in items)


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    return _Vocab()


class _Vocab:
    """Compiled patterns of the date grammar (built once from the word table)."""

    def __init__(self) -> None:
        self.months = _word_map("months")
        self.seasons = _word_map("seasons")
        self.ordinals = _word_map("ordinals")
        month = rf"(?P<mon>{_alt(self.months)})\.?"
        season = rf"(?P<season>{_alt(self.seasons)})"
        ordinal = rf"(?P<ord>{_alt(self.ordinals)})"
        sep = r"\s*[,/.\-]?\s*"
        y4 = r"(?:19|20)\d\d"
        quarter_w = _alt(_word_list("quarter_words"))
        half_w = _alt(_word_list("half_words"))
        tertial_w = _alt(_word_list("tertial_words"))
        week_w = _alt(_word_list("week_words"))
        yearend_w = _alt(_word_list("year_end_words"))
        school_w = _alt(_word_list("school_year_words"))
        self.patterns: list[tuple[str, re.Pattern[str], bool]] = []

        def add(name: str, pattern: str, strong: bool = True) -> None:
            # strong: also searched for inside longer text (needs a year or an unambiguous form)
            self.patterns.append((name, re.compile(pattern), strong))

        add("iso_day", rf"(?P<y>{y4})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})")
        add("dmy", rf"(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./]\s?(?P<y>{y4}|\d\d)")
        add("dm_y", rf"(?P<d>[0-3]?\d)/(?P<m>[01]?\d)\s+(?P<y>{y4})")
        add("dm", r"(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)\.?", strong=False)
        add("iso_month", rf"(?P<y>{y4})-(?P<m>[01]?\d)")
        add("my_num", rf"(?P<m>[01]?\d)[./](?P<y>{y4})")
        add(
            "day_month",
            rf"(?P<d>[0-3]?\d)(?:\.|:e|:a|e)?\s*{month}(?:\s*,?\s*(?P<y>{y4})|\s*[-/']\s*(?P<yy>\d\d))?",
        )
        add("month_day", rf"{month}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{y4})")
        add("month", rf"{month}(?:\s*,?\s*(?P<y>{y4})|\s*[-/'.]\s*(?P<yy>\d\d))?")
        add("quarter", rf"(?:(?P<y1>{y4}){sep})?(?:q|{quarter_w})\s*\.?\s*(?P<q>[1-4])(?:{sep}(?P<y2>{y4}))?")
        add(
            "quarter_ord",
            rf"(?:(?P<y1>{y4}){sep})?{ordinal}\s*(?:{quarter_w})(?:{sep}(?P<y2>{y4}))?",
        )
        add("half", rf"(?:(?P<y1>{y4}){sep})?(?:h|{half_w})\s*\.?\s*(?P<h>[12])(?:{sep}(?P<y2>{y4}))?")
        add("half_ord", rf"(?:(?P<y1>{y4}){sep})?{ordinal}\s*(?:{half_w})(?:{sep}(?P<y2>{y4}))?")
        add("tertial", rf"(?:(?P<y1>{y4}){sep})?(?:t|{tertial_w})\s*\.?\s*(?P<t>[1-3])(?:{sep}(?P<y2>{y4}))?")
        add("tertial_ord", rf"(?:(?P<y1>{y4}){sep})?{ordinal}\s*(?:{tertial_w})(?:{sep}(?P<y2>{y4}))?")
        add(
            "season",
            rf"(?:(?P<y1>{y4}){sep})?{season}(?:\s*,?\s*(?P<y2>{y4})(?:\s*/\s*(?P<y3>{y4}|\d\d))?)?",
        )
        add("week", rf"(?:{week_w})\s*\.?\s*(?P<w>[0-5]?\d)(?:{sep}(?P<y>{y4}))?")
        add("year_end", rf"(?:{yearend_w})(?:\s+(?P<y>{y4})(?:\s*[/-]\s*(?P<y2>{y4}|\d\d))?)?")
        add("school_year", rf"(?:{school_w})\s+(?P<y>{y4})\s*[/-]\s*(?P<y2>{y4}|\d\d)")
        add("year_pair", rf"(?P<y>{y4})\s*/\s*(?P<y2>{y4}|\d\d)")
        add("year", rf"(?P<y>{y4})")
        edge_w = {
            "early": _alt(_word_list("early_words")),
            "mid": _alt(_word_list("mid_words")),
            "late": _alt(_word_list("late_words")),
        }
        self.edge = {k: re.compile(rf"(?:{v})\s*(?P<y>{y4})") for k, v in edge_w.items()}
        self.edge_prefix = re.compile(rf"^(?:{'|'.join(edge_w.values())})\s+")
        self.late_prefix = re.compile(rf"^(?:{edge_w['late']})\s+")
        self.ongoing = re.compile(rf"(?<!\w)(?:{_alt(_word_list('ongoing'))})(?!\w)")
        self.deadline_incl = re.compile(rf"^(?:{_alt(_word_list('deadline_inclusive'))})(?!\w)\s*")
        self.deadline_excl = re.compile(rf"^(?:{_alt(_word_list('deadline_exclusive'))})(?!\w)\s*")
        self.start_incl = re.compile(rf"^(?:{_alt(_word_list('start_inclusive'))})(?!\w)\s*")
        self.start_excl = re.compile(rf"^(?:{_alt(_word_list('start_exclusive'))})(?!\w)\s*")
        self.deadline_suffix = re.compile(rf"\(?\s*(?:{_alt(_word_list('deadline_suffix'))})\s*\)?\s*$")
        self.fillers = re.compile(rf"^(?:(?:{_alt(_word_list('fillers'))})(?!\w)\.?\s*)+")
        self.weekdays = re.compile(rf"^(?:{_alt(_word_list('weekdays'))})\.?,?\s+(?=\d)")
        self.onwards = re.compile(
            r"(?<!\w)(?:framåt|framöver|fremover|framover|utover|onwards|onward|and beyond)(?!\w)"
        )
        self.range_words = re.compile(r"\s+(?:till|til|to|until|t\.o\.m\.?|tom|och|og|and)\s+")
        self.range_dash = re.compile(r"\s*[-–—−‐]\s*")


# ---------------------------------------------------------------- partial parses


@dataclass(frozen=True, slots=True)
class _Part:
    """One printed expression; ``make(year)`` gives its interval once the year is known."""

    precision: str
    year: int | None
    make: Callable[[int], tuple[dt.date, dt.date]]

    def span(self, year: int | None) -> tuple[dt.date, dt.date] | None:
        y = self.year if self.year is not None else year
        if y is None:
            return None
        try:
            return self.make(y)
        except ValueError:
            return None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_span(first: int, last: int, year_offset: int = 0) -> Callable[[int], tuple[dt.date, dt.date]]:
    return lambda y: (dt.date(y, first, 1), _last_day(y + year_offset, last))


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    if value < 100:
        return 2000 + value if value < 70 else 1900 + value
    return value


def _build(name: str, m: re.Match[str], vocab: _Vocab) -> _Part | None:
    g = m.groupdict()
    if name in ("iso_day", "dmy", "dm_y", "dm"):
        day, month = int(g["d"]), int(g["m"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return _Part("day", _year(g.get("y")), lambda y: (dt.date(y, month, day), dt.date(y, month, day)))
    if name in ("iso_month", "my_num"):
        month = int(g["m"])
        if not 1 <= month <= 12:
            return None
        return _Part("month", _year(g["y"]), _month_span(month, month))
    if name in ("day_month", "month_day"):
        day, month = int(g["d"]), int(vocab.months[g["mon"]])
        if not 1 <= day <= 31:
            return None
        year = _year(g.get("y") or g.get("yy"))
        return _Part("day", year, lambda y: (dt.date(y, month, day), dt.date(y, month, day)))
    if name == "month":
        month = int(vocab.months[g["mon"]])
        return _Part("month", _year(g.get("y") or g.get("yy")), _month_span(month, month))
    year = _year(g.get("y1") or g.get("y2"))
    if name in ("quarter", "quarter_ord"):
        q = int(g["q"] if name == "quarter" else vocab.ordinals[g["ord"]])
        if not 1 <= q <= 4:
            return None
        return _Part("quarter", year, _month_span(3 * q - 2, 3 * q))
    if name in ("half", "half_ord"):
        h = int(g["h"] if name == "half" else vocab.ordinals[g["ord"]])
        if h not in (1, 2):
            return None
        return _Part("half", year, _month_span(6 * h - 5, 6 * h))
    if name in ("tertial", "tertial_ord"):
        t = int(g["t"] if name == "tertial" else vocab.ordinals[g["ord"]])
        if not 1 <= t <= 3:
            return None
        return _Part("month", year, _month_span(4 * t - 3, 4 * t))
    if name == "season":
        return _season(vocab.seasons[g["season"]], year, _year(g.get("y3")))
    if name == "week":
        week = int(g["w"])
        if not 1 <= week <= 53:
            return None
        return _Part(
            "day",
            _year(g.get("y")),
            lambda y: (dt.date.fromisocalendar(y, week, 1), dt.date.fromisocalendar(y, week, 7)),
        )
    if name == "year_end":
        first = _year(g.get("y"))
        return _Part("month", first, lambda y: (dt.date(y, 12, 1), dt.date(y + 1, 1, 31)))
    if name == "school_year":
        first = _year(g["y"])
        return _Part("month", first, lambda y: (dt.date(y, 8, 1), dt.date(y + 1, 6, 30)))
    if name == "year_pair":
        first, second = _year(g["y"]), _year(g["y2"])
        assert first is not None and second is not None
        if second < 100:
            second += first - first % 100
        if not first < second <= first + 50:
            return None
        gap = second - first
        return _Part("year", first, lambda y: (dt.date(y, 1, 1), dt.date(y + gap, 12, 31)))
    if name == "year":
        return _Part("year", _year(g["y"]), lambda y: (dt.date(y, 1, 1), dt.date(y, 12, 31)))
    return None


def _season(season: str, year: int | None, second_year: int | None) -> _Part:
    if season == "spring":
        return _Part("season", year, _month_span(1, 6))
    if season == "summer":
        return _Part("season", year, _month_span(6, 8))
    if season == "autumn":
        return _Part("season", year, _month_span(8, 12))
    if second_year is not None and year is not None:  # "vintern 2019/2020"
        return _Part("season", year, lambda y: (dt.date(y, 12, 1), _last_day(y + 1, 3)))
    return _Part("season", year, _month_span(1, 3))


# ---------------------------------------------------------------- text handling


def _normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).replace("\u00ad", "").lower()
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-").replace("\u2010", "-")
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" .,;:!?*")


def _strip_fillers(text: str, vocab: _Vocab) -> str:
    text = vocab.fillers.sub("", text)
    text = vocab.weekdays.sub("", text)
    return text.strip(" .,;:")


def _single(text: str, vocab: _Vocab) -> _Part | None:
    """The one expression that is the whole of ``text`` (after fillers), or None."""
    text = _strip_fillers(text, vocab)
    if not text:
        return None
    for name, pattern, _strong in vocab.patterns:
        m = pattern.fullmatch(text)
        if m:
            part = _build(name, m, vocab)
            if part is not None:
                return part
    for edge, pattern in vocab.edge.items():
        m = pattern.fullmatch(text)
        if m:
            return _edge_of_year(edge, int(m.group("y")))
    stripped = vocab.edge_prefix.sub("", text)
    if stripped != text:
        return _single(stripped, vocab)
    return None


def _edge_of_year(edge: str, year: int) -> _Part:
    """ "början av 2020" = Q1, "mitten av 2020" = May–Aug, "slutet av 2020" = Q4."""
    if edge == "early":
        return _Part("quarter", year, _month_span(1, 3))
    if edge == "late":
        return _Part("quarter", year, _month_span(10, 12))
    return _Part("month", year, _month_span(5, 8))


def _pair(left: _Part, right: _Part, default_year: int | None) -> tuple[dt.date, dt.date] | None:
    """The interval from the start of ``left`` to the end of ``right``; a missing year is
    borrowed from the other side ("Q2-Q4 2020", "mars-juni 2020", "november 2019-mars")."""
    ly, ry = left.year, right.year
    if ly is None and ry is None:
        ly = ry = default_year
    elif ly is None:
        ly = ry
    elif ry is None:
        ry = ly
    if ly is None or ry is None:
        return None
    a, b = left.span(ly), right.span(ry)
    if a is None or b is None:
        return None
    if b[1] < a[0]:
        if left.year is None:
            a = left.span(ly - 1)
        elif right.year is None:
            b = right.span(ry + 1)
        if a is None or b is None or b[1] < a[0]:
            return None
    return a[0], b[1]


_BARE_DAY = re.compile(r"[0-3]?\d\.?")
_BARE_YY = re.compile(r"\d\d")


def _range_parts(text: str, vocab: _Vocab) -> tuple[int, int, _Part, _Part] | None:
    """A split of ``text`` into two expressions around a dash or "till"/"til": (sep start, sep end, left, right)."""
    candidates = list(vocab.range_dash.finditer(text)) + list(vocab.range_words.finditer(text))
    # Spaced dashes and words first, then tight hyphens (which may belong to an ISO date).
    candidates.sort(key=lambda m: (m.group(0) == "-" or m.group(0).strip() == m.group(0), m.start()))
    for sep in candidates:
        left_text, right_text = text[: sep.start()].strip(), text[sep.end() :].strip()
        if not left_text or not right_text:
            continue
        right = _single(right_text, vocab)
        if right is None:
            continue
        left = _single(left_text, vocab)
        if left is None and _BARE_DAY.fullmatch(left_text) and right.precision == "day":
            day = int(left_text.rstrip("."))
            left = _bare_day(day, right)
        if left is None:
            continue
        if _BARE_YY.fullmatch(right_text) and left.precision == "year":
            continue
        return sep.start(), sep.end(), left, right
    # "2019-20": a year range with the century left out
    m = re.fullmatch(r"((?:19|20)\d\d)\s*[-/]\s*(\d\d)", text)
    if m:
        first = int(m.group(1))
        second = first - first % 100 + int(m.group(2))
        if first < second <= first + 50:
            left = _Part("year", first, lambda y: (dt.date(y, 1, 1), dt.date(y, 12, 31)))
            right = _Part("year", second, lambda y: (dt.date(y, 1, 1), dt.date(y, 12, 31)))
            return m.end(1), m.start(2), left, right
    return None


def _bare_day(day: int, right: _Part) -> _Part | None:
    """ "25" in "25-26/10": the same month as the right side."""

    def make(y: int) -> tuple[dt.date, dt.date]:
        ref = right.make(y)[0]
        d = dt.date(ref.year, ref.month, day)
        return d, d

    if not 1 <= day <= 31:
        return None
    return _Part("day", right.year, make)


def _search_all(text: str, vocab: _Vocab) -> list[_Part]:
    """Expressions with a year found inside longer text, left to right, not overlapping."""
    found: list[tuple[int, int, _Part]] = []
    for name, pattern, strong in vocab.patterns:
        if not strong:
            continue
        for m in re.finditer(rf"(?<![\w/.-])(?:{pattern.pattern})(?![\w/-])", text):
            part = _build(name, m, vocab)
            if part is None or part.year is None:
                continue
            found.append((m.start(), m.end(), part))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    chosen: list[tuple[int, int, _Part]] = []
    for start, end, part in found:
        if chosen and start < chosen[-1][1]:
            continue
        chosen.append((start, end, part))
    return [p for _, _, p in chosen]


# ---------------------------------------------------------------- public API


_ISO_DAY = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")
_WRAPPED_PIECES = re.compile(r"(?<![\d-])(\d[\d-]{2,8})\s+([\d-]{0,7}\d)(?![\d-])")


def mend_wrapped_date(raw: str) -> str:
    """An ISO date broken by the line wrap of a narrow cell joined again: "2026-03-3 1" -> "2026-03-31".
    Only where the two pieces make a whole date and the first is none of its own."""

    def join(m: re.Match[str]) -> str:
        joined = m.group(1) + m.group(2)
        if _ISO_DAY.fullmatch(joined) and not _ISO_DAY.fullmatch(m.group(1)):
            return joined
        return m.group(0)

    return _WRAPPED_PIECES.sub(join, raw)


def split_range(raw: str) -> tuple[str, str | None]:
    """A printed range as its two printed ends: "2018 - 2019" -> ("2018", "2019");
    a single expression stays whole: "2019, Q2" -> ("2019, Q2", None)."""
    vocab = _vocab()
    text = _normalise(raw)
    if not text or _single(text, vocab) is not None:
        return raw.strip(), None
    found = _range_parts(text, vocab)
    if found is None:
        return raw.strip(), None
    # Map the split back onto the printed text (normalising only changed case and spacing).
    original = re.sub(r"\s+", " ", unicodedata.normalize("NFC", raw)).strip()
    if len(original) == len(text) or original.lower().strip(" .,;:!?*") == text:
        offset = len(original) - len(original.lstrip(" .,;:!?*"))
        left = original[: found[0] + offset].strip()
        right = original[found[1] + offset :].strip()
        return left, right
    return text[: found[0]].strip(), text[found[1] :].strip()


def parse_range(raw: str, default_year: int | None = None) -> tuple[When | None, When | None]:
    """Both ends of a printed range as their own intervals, with years borrowed across
    ("Q2-Q4 2020" -> Q2 2020, Q4 2020); a single expression gives (its When, None)."""
    vocab = _vocab()
    text = _normalise(raw)
    found = _range_parts(text, vocab) if text and _single(text, vocab) is None else None
    if found is None:
        return parse_when(raw, default_year=default_year), None
    _, _, left, right = found
    whole = _pair(left, right, default_year)
    ly = left.year or right.year or default_year
    ry = right.year or left.year or default_year
    a, b = left.span(ly), right.span(ry)
    if whole is not None and a is not None and a[0] != whole[0]:
        a = left.span((ly or 0) - 1)
    first = When(a[0] if a else None, a[1] if a else None, left.precision, raw=raw.strip())
    second = When(b[0] if b else None, b[1] if b else None, right.precision, raw=raw.strip())
    return first, second


def parse_when(raw: str, lang: str | None = None, default_year: int | None = None) -> When | None:
    """The interval ``raw`` denotes, or None when it holds no date we can read.

    ``lang`` is accepted for symmetry with the other normalisers: the grammar reads Swedish,
    Norwegian, Danish and English alike. ``default_year`` completes yearless dates
    ("20. oktober", "Mai"); without it they keep their precision but get no dates.
    """
    del lang
    if not raw or not raw.strip():
        return None
    raw = mend_wrapped_date(raw)
    vocab = _vocab()
    text = _normalise(raw)
    raw_clean = re.sub(r"\s+", " ", raw).strip()
    text = re.sub(r"\([^)]*\d[^)]*\)", " ", text) if not vocab.deadline_suffix.search(text) else text

    ongoing = False
    open_end = bool(vocab.onwards.search(text))
    if vocab.ongoing.search(text):
        ongoing = True
        text = vocab.ongoing.sub(" ", text)
        text = re.sub(r"\s+", " ", text).strip(" .,;:-")
        if text.endswith((" och", " og", " and", " samt")):
            text = text.rsplit(" ", 1)[0]
    if re.search(r"\d\s*-$", text) or text.endswith(("->", "→")):
        open_end = True  # "2019-" / "2019 →": from 2019 on
        ongoing = True
        text = text.rstrip("-→> ").strip()
    if not text:
        return When(None, None, None, ongoing=True, raw=raw_clean) if ongoing else None

    mode = "start" if open_end else "full"
    m = vocab.deadline_suffix.search(text)
    if m:
        text, mode = text[: m.start()].strip(" ,"), "end"
    else:
        for pattern, new_mode in (
            (vocab.start_incl, "start"),
            (vocab.start_excl, "after"),
            (vocab.deadline_excl, "before"),
            (vocab.deadline_incl, "end"),
        ):
            m = pattern.match(_strip_fillers(text, vocab))
            if m:
                rest = _strip_fillers(text, vocab)[m.end() :].strip()
                if new_mode == "before" and vocab.late_prefix.match(rest):
                    new_mode = "end"  # "innan utgangen av 2025", "før slutten av 2026": by the end of it
                if rest and _parse_core(rest, vocab, default_year) is not None:
                    is_range = _single(rest, vocab) is None and _range_parts(rest, vocab) is not None
                    # "från 2019 till 2021" is a closed range, not an open start
                    text, mode = rest, ("full" if is_range and new_mode == "start" else new_mode)
                    break

    core = _parse_core(text, vocab, default_year)
    if core is None:
        if ongoing:
            return When(None, None, None, ongoing=True, raw=raw_clean)
        return None
    start, end, precision, end_precision = core
    if mode == "start":
        end, end_precision = None, None
    elif mode == "after":
        start, end, end_precision = (end + dt.timedelta(days=1) if end else None), None, None
    elif mode == "end":
        precision, start = (end_precision or precision), None
        end_precision = None
    elif mode == "before":
        precision, end, start = (precision), (start - dt.timedelta(days=1) if start else None), None
        end_precision = None
    if end_precision == precision:
        end_precision = None
    return When(start, end, precision, ongoing=ongoing, raw=raw_clean, end_precision=end_precision)


def _parse_core(
    text: str, vocab: _Vocab, default_year: int | None
) -> tuple[dt.date | None, dt.date | None, str, str | None] | None:
    """(start, end, precision, end_precision) of a single expression, a range, or the dates found in text."""
    single = _single(text, vocab)
    if single is not None:
        span = single.span(default_year)
        return (span[0] if span else None, span[1] if span else None, single.precision, None)
    found = _range_parts(text, vocab)
    if found is not None:
        _, _, left, right = found
        span = _pair(left, right, default_year)
        end_precision = right.precision if right.precision != left.precision else None
        if span is None:
            return None if (left.year or right.year) else (None, None, left.precision, end_precision)
        return span[0], span[1], left.precision, end_precision
    parts = _search_all(text, vocab)
    if not parts:
        return None
    spans = [(p, p.span(None)) for p in parts]
    valid = [(p, s) for p, s in spans if s is not None]
    if not valid:
        return None
    first, last = valid[0], max(valid, key=lambda ps: ps[1][1])
    end_precision = last[0].precision if last[0].precision != first[0].precision else None
    return first[1][0], last[1][1], first[0].precision, end_precision
