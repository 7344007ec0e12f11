"""Helpers every family extractor uses to write plan nodes, goals and dated facts.

Families only decide *what* a row is (level, title, raws, page); the normalisation that
follows from the raws (dates, timelines, indicators, inherited strategic area) is done
here once, so every family fills those columns the same way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractors.context import ExtractionContext

_WS = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """NFC, soft hyphens removed, whitespace collapsed: the form every text column is stored in."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", str(text).replace("\u00ad", ""))
    return _WS.sub(" ", text).strip()


def _opt(text: str | None) -> str | None:
    value = clean(text)
    return value or None


def _parse_when(raw: str | None, lang: str | None, default_year: int | None) -> Any:
    """parse_when, tolerant of the normaliser being absent or failing on odd text."""
    if not raw:
        return None
    try:
        from extractors.normalise.dates import parse_when
    except ImportError:  # pragma: no cover - the normaliser ships with the package
        return None
    try:
        return parse_when(raw, lang=lang, default_year=default_year)
    except Exception:  # noqa: BLE001 - a date we cannot read must not lose the row
        return None


def _split_range(raw: str) -> tuple[str, str | None]:
    try:
        from extractors.normalise.dates import split_range
    except ImportError:  # pragma: no cover
        return raw, None
    try:
        start, end = split_range(raw)
    except Exception:  # noqa: BLE001
        return raw, None
    return (clean(start) or raw), (clean(end) or None)


def _range_ends(span_raw: str, default_year: int | None) -> tuple[Any, Any]:
    """Both ends of a printed range dated together, so a year printed once after the range
    ("Q1–Q2 2026", "januari–mars 2026") dates the start too; (None, None) when unreadable."""
    try:
        from extractors.normalise.dates import parse_range
    except ImportError:  # pragma: no cover
        return None, None
    try:
        return parse_range(span_raw, default_year)
    except Exception:  # noqa: BLE001 - a date we cannot read must not lose the row
        return None, None


def _dated(alone: Any, in_range: Any) -> Any:
    """The end read alone, with the dates the whole range gives it when it has them."""
    if alone is None or in_range is None or getattr(in_range, "start", None) is None:
        return alone
    return replace(alone, start=in_range.start, end=in_range.end)


def _in_order(first: Any, second: Any) -> bool:
    """Both ends dated and the second not before the first (a borrowed year can be wrong)."""
    return first.start is not None and second.start is not None and first.start <= second.start


def _language(ctx: ExtractionContext) -> str | None:
    lang = ctx.result.info.language
    return lang if lang and lang != "und" else None


def default_year(ctx: ExtractionContext) -> int | None:
    """The year a bare "20. oktober" most likely means: the start of the document's period."""
    info = ctx.result.info
    if info.period_start is not None:
        return info.period_start.year
    if info.period_end is not None:
        return info.period_end.year
    return None


def add_timeline(
    ctx: ExtractionContext,
    *,
    kind: str,
    label: str | None,
    date_raw: str,
    page: int | None,
    activity_id: str | None = None,
    default_year: int | None = None,
) -> str:
    """A timelines row with the interval the raw text denotes (null dates when unreadable)."""
    when = _parse_when(date_raw, _language(ctx), default_year)
    fields: dict[str, Any] = {
        "activity_id": activity_id,
        "kind": kind,
        "label": _opt(label),
        "date_raw": clean(date_raw),
        "page": page,
    }
    if when is not None:
        fields["date_start"] = getattr(when, "start", None)
        fields["date_end"] = getattr(when, "end", None) or getattr(when, "start", None)
        fields["precision"] = getattr(when, "precision", None)
        fields["ongoing"] = getattr(when, "ongoing", None)
    new_id = ctx.result.add("timelines", **fields)
    assert new_id is not None
    return new_id


# A goal's printed label and number ("Resultatmål 1:", "Delmål 2.1:", "Mål 3)"), not a year ("Mål 2030:")
_GOAL_LABEL = re.compile(r"^\s*(?:[A-ZÅÄÖØÆ][\wåäöøæ-]*\s+){1,2}\d{1,2}(?:\.\d{1,2})*\s*[:.)]\s+")


def _add_indicators(
    ctx: ExtractionContext,
    text: str,
    page: int | None,
    *,
    activity_id: str | None = None,
    goal_id: str | None = None,
) -> list[str]:
    try:
        from extractors.normalise.indicators import parse_indicators
    except ImportError:  # pragma: no cover
        return []
    lang = _language(ctx) or "sv"
    text = _GOAL_LABEL.sub("", text)  # "Resultatmål 1: Minst 40 …": the label's number is no target
    try:
        specs = parse_indicators(text, lang=lang)
    except Exception:  # noqa: BLE001 - an unreadable target must not lose the row
        return []
    ids: list[str] = []
    for spec in specs:
        fields = {
            key: getattr(spec, key, None)
            for key in (
                "text",
                "outcome_kind",
                "metric",
                "unit",
                "comparator",
                "target_value",
                "target_year",
                "baseline_value",
                "baseline_year",
            )
        }
        fields["text"] = clean(fields["text"] or text)
        new_id = ctx.result.add("indicators", activity_id=activity_id, goal_id=goal_id, page=page, **fields)
        if new_id is not None:
            ids.append(new_id)
    return ids


def _date_columns(
    ctx: ExtractionContext,
    start_raw: str | None,
    end_raw: str | None,
    year: int | None,
    whole_period: bool = False,
    span_raw: str | None = None,
) -> tuple[dict[str, Any], Any, Any]:
    """start/end date, precision and ongoing columns from the raws (and the parsed values).

    With no end raw, a deadline ("innan utgangen av 2025") gives the end date alone, and a single
    period under a header naming the time of the whole work (`whole_period`: "Tidsplan 2025") its end too.
    `span_raw`: the printed range the two raws were split from, which dates both ends."""
    lang = _language(ctx)
    start = _parse_when(start_raw, lang, year)
    end = _parse_when(end_raw, lang, year) if end_raw else None
    if span_raw:
        first, second = _range_ends(span_raw, year)
        if first is not None and second is not None and _in_order(first, second):
            start, end = _dated(start, first), _dated(end, second)
    cols: dict[str, Any] = {}
    if start is not None and end is None and start.start is None and start.end is not None:
        cols["end_date"] = start.end
        cols["end_precision"] = start.precision
        return cols, start, end
    if start is not None:
        cols["start_date"] = start.start
        cols["start_precision"] = start.precision
        if start.ongoing:
            cols["ongoing"] = True
        if end is None and not end_raw and whole_period and start.end is not None and not start.ongoing:
            cols["end_date"] = start.end
            cols["end_precision"] = start.end_precision or start.precision
    if end is not None:
        cols["end_date"] = end.end or end.start
        cols["end_precision"] = end.end_precision or end.precision
        if end.ongoing:
            cols["ongoing"] = True
    return cols, start, end


def add_activity(
    ctx: ExtractionContext,
    *,
    level: str,
    title: str | None,
    parent_id: str | None = None,
    code: str | None = None,
    page_start: int | None,
    page_end: int | None = None,
    bbox: list[float] | tuple[float, ...] | None = None,
    start_raw: str | None = None,
    end_raw: str | None = None,
    confidence: float = 0.9,
    extractor: str,
    whole_period: bool = False,
    **other_columns: Any,
) -> str:
    """Write one plan node with its normalised dates, timelines and indicators; returns its id.

    A single raw that prints a range ("2018 - 2019") is split into start_raw/end_raw and
    recorded as one `period` timeline; separate raws give `start` and `end` timelines.
    `whole_period`: the start raw's column prints when the whole work takes place (_date_columns).
    strategic_area is inherited from the parent when the caller does not know it.
    """
    start_raw, end_raw = _opt(start_raw), _opt(end_raw)
    span_raw: str | None = None
    if start_raw and not end_raw:
        first, second = _split_range(start_raw)
        if second:
            span_raw, start_raw, end_raw = start_raw, first, second
    year = default_year(ctx)
    cols, start, end = _date_columns(
        ctx, start_raw, end_raw, year, whole_period and span_raw is None, span_raw=span_raw
    )

    if other_columns.get("strategic_area") is None and parent_id is not None:
        parent = ctx.result.get("activities", parent_id)
        if parent is not None:
            other_columns["strategic_area"] = parent.get("strategic_area")
    for key, value in list(other_columns.items()):
        if isinstance(value, str):
            other_columns[key] = _opt(value)
    if other_columns.get("description") is None:
        other_columns.pop("description", None)

    activity_id = ctx.result.add(
        "activities",
        parent_id=parent_id,
        level=level,
        code=_opt(code),
        title=_opt(title),
        start_raw=start_raw,
        end_raw=end_raw,
        page_start=page_start,
        page_end=page_end if page_end is not None else page_start,
        bbox=[float(v) for v in bbox] if bbox is not None else None,
        extractor=extractor,
        confidence=float(confidence),
        **{**cols, **other_columns},
    )
    assert activity_id is not None

    label = _opt(title)
    if span_raw is not None:
        add_timeline(
            ctx,
            kind="period",
            label=label,
            date_raw=span_raw,
            page=page_start,
            activity_id=activity_id,
            default_year=year,
        )
    else:
        if start_raw:
            kind = "start"
            add_timeline(
                ctx,
                kind=kind,
                label=label,
                date_raw=start_raw,
                page=page_start,
                activity_id=activity_id,
                default_year=year,
            )
        if end_raw:
            add_timeline(
                ctx,
                kind="end",
                label=label,
                date_raw=end_raw,
                page=page_start,
                activity_id=activity_id,
                default_year=year,
            )
    outcome = other_columns.get("expected_outcome_raw")
    if outcome:
        _add_indicators(ctx, outcome, page_start, activity_id=activity_id)
    return activity_id


def add_goal(
    ctx: ExtractionContext,
    *,
    text: str,
    level: str,
    page: int | None,
    activity_id: str | None = None,
    parent_goal_id: str | None = None,
) -> str:
    """A goals row and the indicators its text states (linked by goal_id).

    goal_type and theme are left to the NLP step, which types every goal with the measured
    classifier and the goal's activity at hand.
    """
    body = clean(text)
    goal_id = ctx.result.add(
        "goals",
        activity_id=activity_id,
        parent_goal_id=parent_goal_id,
        level=level,
        text=body,
        page=page,
    )
    assert goal_id is not None
    _add_indicators(ctx, body, page, goal_id=goal_id)
    return goal_id


# Pieces of a running header or footer: "Vest-Telemarkrådet · Fyresdal · Kviteseid", "Region X | Rapport"
_RUNNING_SEPARATOR = re.compile(r"\s*[·•|–—]\s*|\s{3,}")


def running_issuer(ctx: ExtractionContext) -> str | None:
    """The organisation a document's running header or footer names on most of its pages (a logo
    line or footer "Vest-Telemarkrådet · Fyresdal · …"), printed by its full name: the issuer of a
    document that names it nowhere else. Place names alone ("Fyresdal") are members, not issuers."""
    from extractors.families.sections import known_org

    pages = ctx.layout.pages
    counts: dict[str, int] = {}
    for page in pages:
        seen: set[str] = set()
        for text in (page.header, page.footer):
            for piece in _RUNNING_SEPARATOR.split(clean(text)):
                piece = re.sub(r"\s+\d{1,4}$", "", piece).strip(" ,.")
                org = known_org(piece) if piece else None
                if org is not None and org.name.casefold() == piece.casefold() and piece not in seen:
                    seen.add(piece)
                    counts[piece] = counts.get(piece, 0) + 1
    best = max(counts, key=lambda n: counts[n], default=None)
    return best if best is not None and counts[best] * 2 > len(pages) else None
