"""The NLP step: organisation mentions, actors, actor roles, goal types and themes.

The worker calls `annotate(ctx)` after the family extractor. It only adds rows and
fills columns the extractor left null, and never raises on odd input: each stage is
guarded and a failure becomes a warning on the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from extractors.context import ExtractionContext
from extractors.pdf.structures import Block

ACTIVITY_FIELDS = ("title", "responsible_raw", "participants_raw", "description", "expected_outcome_raw")
CELL_FIELDS = {"responsible_raw", "participants_raw"}
METHOD = {
    "gazetteer": "gazetteer",
    "abbreviation": "abbreviation",
    "pattern": "pattern",
    "place": "gazetteer",
}
METHOD["person"] = "pattern"
METHOD["model"] = "model"


def preload() -> None:
    """Build the gazetteers, name lists, spaCy pipelines and theme lexicon once, before workers fork."""
    from extractors.nlp import gazetteer
    from extractors.nlp.finder import pipeline
    from extractors.nlp.themes import lexicon

    gazetteer.load()
    gazetteer.first_names()
    lexicon()
    from wordfreq import zipf_frequency

    for lang in ("sv", "nb", "en"):  # the word lists the name rules consult
        zipf_frequency("och", lang)
    for lang in ("sv", "nb"):
        pipeline(lang)
    try:
        from extractors.nlp.goal_model import TARGETS, model

        for target in TARGETS:
            model(target)
    except Exception:  # the rules still type goals without the trained model
        pass


def _texts(ctx: ExtractionContext) -> Iterator[str]:
    """Every text of the document, for learning its abbreviation definitions."""
    for block in ctx.layout.blocks():
        yield block.text
    for table in ctx.layout.tables:
        for cell in table.cells:
            yield cell.text
    for row in ctx.result.table("activities"):
        for field in ACTIVITY_FIELDS:
            value = row.get(field)
            if isinstance(value, str):
                yield value


def _country(ctx: ExtractionContext) -> str | None:
    lang = ctx.language
    return {"nb": "NO", "nn": "NO", "sv": "SE", "da": "DK"}.get(lang)


def _issued_in_finland(ctx: ExtractionContext) -> bool:
    """A Swedish text whose issuer is a body of Finland ("Närpes stad", "Österbottens förbund") is
    Finland-Swedish: Sweden's abbreviations do not apply and the bodies it names are Finland's."""
    from extractors.nlp import gazetteer

    issuer = ctx.result.info.issuer
    entry = gazetteer.load().lookup(issuer) if issuer else None
    return entry is not None and entry.country == "FI"


# "KLK = Kommunledningskontoret", "SBF – Samhällsbyggnadsförvaltningen", "BUF: Barn- och utbildningsförvaltningen"
_LEGEND_LINE = re.compile(
    r"^\s*(?P<abbr>[A-ZÅÄÖØÆ]{2,6})\s*(?:=|–|—|:)\s*(?P<name>[A-ZÅÄÖØÆ][^=;:]{3,80}?)[.,;]?\s*$"
)
_ABBREVIATION_CELL = re.compile(r"^[A-ZÅÄÖØÆ]{2,6}$")
_LEGEND_HEADING = re.compile(
    r"(?i)^(?:förkortningar|forkortelser|forkortingar|forkortninger|abbreviations|förklaringar)\s*:?$"
)


def _legend_rows(ctx: ExtractionContext) -> list[tuple[str, str]]:
    """A list of abbreviations and what they stand for ("Förkortningar"): a two-column table whose
    left cells are all abbreviations, or two or more "ABBR = Name" lines of one block."""
    rows: list[tuple[str, str]] = []
    for table in ctx.layout.tables:
        if table.n_cols != 2:
            continue
        pairs = [
            (" ".join(r[0].text.split()), " ".join(r[1].text.split()))
            for r in table.grid()
            if r[0] is not None and r[1] is not None
        ]
        pairs = [(a, n) for a, n in pairs if a and n]
        listed = [
            (a, n) for a, n in pairs if _ABBREVIATION_CELL.match(a) and n[:1].isupper() and len(n) > len(a)
        ]
        if len(listed) >= 2 and len(listed) >= len(pairs) - 1:  # a header row may name the columns
            rows.extend(listed)
    blocks = list(ctx.layout.blocks())
    for i, block in enumerate(blocks):
        found = [m for line in block.lines if (m := _LEGEND_LINE.match(line))]
        if len(found) >= 2:
            rows.extend((m.group("abbr"), m.group("name").strip()) for m in found)
        if _LEGEND_HEADING.match(block.text.strip()):
            rows.extend(_rows_under_heading(blocks[i + 1 :]))
    return rows


def _rows_under_heading(blocks: list[Block]) -> list[tuple[str, str]]:
    """The unruled list under a "Förkortningar" heading: one "SBK – Samhällsbyggnadskontoret" line a
    block; each abbreviation a block and what it stands for the next; or the column of abbreviations
    read first and then the column of names, as many of each."""
    texts = [" ".join(b.text.split()) for b in blocks[:60]]
    lines: list[tuple[str, str]] = []
    for block in blocks[:60]:
        found = [_LEGEND_LINE.match(line) for line in block.lines]
        lines.extend((m.group("abbr"), m.group("name").strip()) for m in found if m is not None)
        if not all(found):
            break
    if lines:
        return lines
    abbrs = []
    for text in texts:
        if not _ABBREVIATION_CELL.match(text):
            break
        abbrs.append(text)
    names = []
    for text in texts[len(abbrs) : 2 * len(abbrs)]:
        if not text[:1].isupper() or _ABBREVIATION_CELL.match(text) or len(text) > 90:
            break
        names.append(text)
    if len(abbrs) >= 2 and len(names) == len(abbrs):
        return list(zip(abbrs, names, strict=True))  # the two columns read one after the other
    rows: list[tuple[str, str]] = []
    k = 0
    while k + 1 < len(texts) and _ABBREVIATION_CELL.match(texts[k]):  # abbreviation, name, abbreviation …
        name = texts[k + 1]
        if not name[:1].isupper() or _ABBREVIATION_CELL.match(name):
            break
        rows.append((texts[k], name))
        k += 2
    return rows


def annotate(ctx: ExtractionContext) -> None:
    """Find mentions, link actors, add actor_roles, fill goal_type and themes."""
    from extractors.nlp import learned_orgs
    from extractors.nlp.finder import Finder
    from extractors.nlp.merge import merge_duplicates
    from extractors.nlp.ownership import type_municipal_companies
    from extractors.nlp.roles import (
        RoleParser,
        activity_roles,
        cue_roles,
        issuer_role,
        people_tables,
        person_context_roles,
    )
    from extractors.nlp.themes import assign_activity_themes, assign_goal_fields

    if ctx.actors.country is None:
        ctx.actors.country = _country(ctx)
    if ctx.actors.country == "SE" and _issued_in_finland(ctx):
        ctx.actors.country = "FI"
    from extractors.nlp.patterns import company_names

    texts = list(_texts(ctx))
    for abbr, name in _legend_rows(ctx):
        ctx.actors.learn(name, abbr)
    for text in texts:
        if "(" in text:
            ctx.actors.learn_from_text(text)
        for name in company_names(text):
            ctx.actors.learn_company(name)
    ctx.actors.expand_names(texts)
    finder = Finder(ctx.actors, ctx.language, learned_orgs.MODEL_DIR if ctx.ner_model else None)
    if ctx.ner_model and learned_orgs.model() is None:
        ctx.result.warnings.append(
            f"--ner-model: no trained NER at {learned_orgs.MODEL_DIR}; the rules alone were used"
        )
    finder.prefetch(texts)
    parser = RoleParser(ctx.actors, finder, ctx.result)
    preexisting_roles = list(ctx.result.table("actor_roles"))

    stages: list[tuple[str, Callable[[], Any]]] = [
        ("issuer", lambda: issuer_role(parser)),
        ("activity roles", lambda: activity_roles(parser)),
        ("labelled roles", lambda: cue_roles(parser, ctx.layout)),
        ("people tables", lambda: people_tables(parser, ctx.layout)),
        ("people in text", lambda: person_context_roles(parser, ctx.layout)),
        ("mentions", lambda: _mentions(ctx, parser, preexisting_roles)),
        ("duplicate actors", lambda: merge_duplicates(ctx.result, ctx.actors)),
        ("municipal companies", lambda: type_municipal_companies(ctx.result)),
        ("themes", lambda: assign_activity_themes(ctx.result)),
        ("goals", lambda: assign_goal_fields(ctx.result)),
    ]
    for name, stage in stages:
        try:
            stage()
        except Exception as exc:  # one broken stage must not lose the others
            ctx.result.warnings.append(f"NLP {name} failed: {type(exc).__name__}: {exc}")


def _mentions(ctx: ExtractionContext, parser: Any, roles: list[dict[str, Any]]) -> None:
    """mentions rows for activity fields, family-made actor_roles, running text and table cells."""
    from extractors.nlp.finder import units_before_orgs

    result = ctx.result
    seen_texts: set[str] = set()

    def emit(
        text: str,
        table: str,
        source_id: str | None,
        field: str,
        page: int | None,
        cell: bool,
        block: Block | None = None,
    ) -> None:
        found_all = parser.finder.find(text, cell=cell)
        units = units_before_orgs(text, found_all) if cell else set()
        for i, found in enumerate(found_all):
            linkable = i not in units and _linkable(found, cell) and not _credit_line(text, found.start)
            actor_id = parser.link(found) if linkable else None
            result.add(
                "mentions",
                source_table=table,
                source_id=source_id,
                source_field=field,
                page=block.page_at(found.start) if block is not None else page,
                text=found.text,
                start_char=found.start,
                end_char=found.end,
                label=found.label,
                actor_id=actor_id,
                method=METHOD[found.method],
                confidence=round(found.confidence, 3),
            )

    for row in list(result.table("activities")):
        for field in ACTIVITY_FIELDS:
            value = row.get(field)
            if isinstance(value, str) and value.strip():
                seen_texts.add(value.strip())
                emit(
                    value,
                    "activities",
                    row.get("activity_id"),
                    field,
                    row.get("page_start"),
                    field in CELL_FIELDS,
                )
    emitted_raw: set[tuple[str, Any]] = set()
    for role in roles:
        raw = role.get("raw")
        # a fact line shared by several role rows ("Samverkande kommuner: Aneby, Eksjö, …", one row
        # per municipality) is read once, not once per row
        if isinstance(raw, str) and raw.strip() and (raw.strip(), role.get("page")) not in emitted_raw:
            emitted_raw.add((raw.strip(), role.get("page")))
            emit(raw, "actor_roles", None, "raw", role.get("page"), True)
    for block in ctx.layout.blocks():
        if block.text.strip():
            emit(block.text, "pages", None, "text", block.page, False, block)
    for table in ctx.layout.tables:
        for cell in table.cells:
            text = cell.text.strip()
            if text and text not in seen_texts:
                seen_texts.add(text)
                cell_id = ctx.cell_ids.get(id(cell))
                if cell_id is not None:
                    emit(cell.text, "table_cells", cell_id, "text", cell.page, len(text) < 120)
                else:
                    emit(cell.text, "pages", None, "table_cell", cell.page, len(text) < 120)


# Publication credits ("Produktion: Ordförrådet AB", "Trykk: Grafisk Senter AS"): who made the
# booklet, not an actor of the plan.
_CREDIT = re.compile(
    r"(?im)^\s*(?:text|tekst|produktion|produksjon|tryck|trykk|foto|fotografi|layout|grafisk form|"
    r"formgivning|design|illustrationer|illustrasjoner|omslag|omslagsbild|forsidebilde|sättning|"
    r"repro|distribution|upplaga|opplag)\s*:"
)


def _credit_line(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return _CREDIT.match(text, line_start) is not None


def _linkable(found: Any, cell: bool) -> bool:
    """Does a mention stand for an organisation? A bare town name in running text ("företag i
    Umeå") is a place, not the municipality as an actor; in a role cell ("Ansvarig: Umeå") it is.
    County names found in a list of organisations stay their regions."""
    if found.label == "PER":
        return False
    if found.label == "LOC" and not cell:
        entry = found.entry
        return entry is not None and entry.actor_type == "county_region"
    return True
