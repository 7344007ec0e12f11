"""Work packages a report names in its own text rather than as sections under an "Aktiviteter"
heading: "Arbetspaket 1 Digitaliseringsanalyser: 71 analyser …", "Arbeidspakke 2 – Søknadsstøtte:
Prosjektleder bisto …", a heading "WP3: Dissemination" among the report's other headings.

A label counts only where a sentence, paragraph or heading starts with it, so "inom arbetspaket 2
genomfördes …" is a reference, not a package; and only when at least two packages are found, since
one numbered "Delprojekt 1" may be the name of something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.families.common import add_activity, clean
from extractors.families.plan_text import field_labels, read_fields
from extractors.families.sections import Section, parse_labels
from extractors.normalise.columns import names_whole_period

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.pdf.structures import Block

LABEL = re.compile(
    r"(?:^|(?<=[.!?:;]\s))"
    r"(?P<code>(?i:arbetspaket|arbeidspakke|arbeidspakken|arbejdspakke|delprojekt|delprosjekt|"
    r"work\s+package)\s+(?:\d{1,2}|[A-H])\b|WP\s?\d{1,2}\b)"
    r"(?:\s*\((?:WP|AP)\s?\d{1,2}\))?"
)
_SEPARATOR = re.compile(r"^[\s:.–—-]+")
_TITLE_MAX_CHARS = 90
_TITLE_MAX_WORDS = 14


@dataclass(frozen=True)
class WorkPackage:
    code: str
    title: str
    body: str | None
    page: int
    bbox: tuple[float, float, float, float] | None
    fields: tuple[tuple[str, str], ...] = ()  # labelled fields of the text under a heading


def split_packages(text: str) -> list[tuple[str, str, str | None]]:
    """(code, title, body) of each labelled package in a text, in order."""
    text = clean(text)
    matches = list(LABEL.finditer(text))
    out: list[tuple[str, str, str | None]] = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        rest = _SEPARATOR.sub("", text[match.end() : end]).strip()
        parts = _title_and_body(rest)
        if parts is not None:
            out.append((clean(match.group("code")), *parts))
    return out


def _title_and_body(rest: str) -> tuple[str, str | None] | None:
    """ "Energikartlegging: NTNU gjennomførte …" -> title and body; a short rest is all title."""
    colon = rest.find(":")
    stop = rest.find(". ")
    if 0 < colon <= _TITLE_MAX_CHARS and (stop < 0 or colon < stop):
        body = rest[colon + 1 :].strip() or None
        return rest[:colon].strip(), body
    if not rest:
        return None
    if stop < 0 and len(rest.split()) <= _TITLE_MAX_WORDS:
        return rest.rstrip(". "), None
    first = rest[: stop + 1] if stop > 0 else rest
    if len(first.split()) > _TITLE_MAX_WORDS:
        return None
    return first.rstrip(". "), rest[stop + 2 :].strip() or None


def find_packages(sections: list[Section]) -> list[WorkPackage]:
    """Packages from headings (with the text under them as body) and from body paragraphs."""
    found: dict[str, WorkPackage] = {}
    for section in sections:
        if section.heading is not None:
            for code, title, body in split_packages(section.title):
                text = body or clean(" ".join(b.text for b in section.blocks)) or None
                fields = tuple(block_fields(section.blocks).items())
                _keep(found, WorkPackage(code, title, text, section.page, section.heading.bbox, fields))
        for block in section.blocks:
            for code, title, body in split_packages(block.text):
                _keep(found, WorkPackage(code, title, body, block.page, block.bbox))
    return list(found.values()) if len(found) >= 2 else []


def _keep(found: dict[str, WorkPackage], package: WorkPackage) -> None:
    """The first mention of a code names it; a later one may only add the body it lacked."""
    key = re.sub(r"\s+", " ", package.code.lower())
    first = found.get(key)
    if first is None:
        found[key] = package
    elif first.body is None and package.body is not None:
        found[key] = WorkPackage(
            first.code, first.title, package.body, first.page, first.bbox, package.fields
        )


# A period field ends with its sentence: "Period: September 2023 – August 2025. Coordination, …"
# (a full stop after a year or a word, then a capital; not the "1." of a Nordic date)
_DATE_SENTENCE_END = re.compile(r"(?:(?<=\d{4})|(?<=[^\W\d]{3}))\.\s+(?=[A-ZÅÄÖÆØ])")


def _periods_cut(fields: dict[str, str]) -> dict[str, str]:
    return {
        role: _DATE_SENTENCE_END.split(value, maxsplit=1)[0] if role in ("start_raw", "end_raw") else value
        for role, value in fields.items()
    }


def block_fields(blocks: list[Block]) -> dict[str, str]:
    """ "Lead partner: X Period: 2023 – 2025" lines under a package's heading, each block read on its
    own so that a value ends where its paragraph does ("Activities:" below is no part of the period)."""
    fields: dict[str, str] = {}
    labels: list[str] = []
    for block in blocks:
        found = read_fields(parse_labels(block.text, field_labels()))
        labels.append(found.pop("_labels"))
        for role, value in _periods_cut(found).items():
            fields.setdefault(role, value)
    if fields:
        fields["_labels"] = "|".join(x for x in labels if x)
    return fields


def add_text_work_packages(
    ctx: ExtractionContext, sections: list[Section], parent_id: str, extractor: str
) -> int:
    """Write each package found as an activity under the report's project; returns how many."""
    packages = find_packages(sections)
    for package in packages:
        fields = dict(package.fields) or _periods_cut(
            read_fields(parse_labels(package.body or "", field_labels()))
        )
        whole_period = any(names_whole_period(x) for x in fields.pop("_labels", "").split("|") if x)
        add_activity(
            ctx,
            level="activity",
            title=package.title,
            code=package.code,
            parent_id=parent_id,
            page_start=package.page,
            page_end=package.page,
            bbox=list(package.bbox) if package.bbox else None,
            extractor=extractor,
            description=package.body,
            confidence=0.75,
            whole_period=whole_period,
            **fields,
        )
    return len(packages)
