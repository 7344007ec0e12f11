"""The output contract (../shared/SCHEMA.md) as pyarrow schemas with column docs and enums.

Every writer, validator, loader and the data dictionary read this one module, so a
column is named in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

SCHEMA_VERSION = "1.2.0"

THEMES = (
    "competence_supply",
    "attractiveness",
    "infrastructure_transport",
    "land_physical_planning",
    "business_climate",
    "innovation_entrepreneurship",
    "sustainability_climate",
    "digitalisation",
    "integration_inclusion",
    "youth",
    "tourism_visitors",
    "collaboration_governance",
    "housing",
    "energy",
    "health_welfare",
    "other",
)
PRECISIONS = ("day", "month", "quarter", "season", "half", "year")

ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("documents", "doc_type"): (
        "action_plan",
        "final_report",
        "program_compendium",
        "proposal_deck",
        "development_plan",
        "unknown",
    ),
    ("documents", "language"): ("sv", "nb", "nn", "da", "en", "und"),
    ("documents", "status"): ("ok", "partial", "failed"),
    ("activities", "level"): (
        "area",
        "effort",
        "activity",
        "subactivity",
        "goal",
        "strategy",
        "measure",
        "project",
        "proposal",
        "other",
    ),
    ("activities", "theme"): THEMES,
    ("activities", "start_precision"): PRECISIONS,
    ("activities", "end_precision"): PRECISIONS,
    ("actors", "actor_type"): (
        "municipality",
        "county_region",
        "committee",
        "administration",
        "municipal_company",
        "state_agency",
        "university",
        "company",
        "network",
        "association",
        "project",
        "other",
    ),
    ("actors", "country"): ("SE", "NO", "DK", "FI"),
    ("actors", "source"): ("gazetteer", "document", "ner"),
    ("actor_roles", "role"): (
        "responsible",
        "lead",
        "participant",
        "owner",
        "project_leader",
        "financier",
        "steering_group",
        "contact",
        "member_municipality",
        "issuer",
        "proposer",
        "evaluator",
        "other",
    ),
    ("timelines", "kind"): ("start", "end", "milestone", "decision", "deadline", "period"),
    ("timelines", "precision"): PRECISIONS,
    ("indicators", "outcome_kind"): ("indicator", "target_statement", "completion"),
    ("indicators", "unit"): (
        "percent",
        "count",
        "sek_thousand",
        "sek_million",
        "nok",
        "hours",
        "companies",
        "participants",
        "events",
        "other",
    ),
    ("indicators", "comparator"): ("ge", "le", "eq", "increase", "decrease"),
    ("goals", "level"): ("vision", "overall", "effect", "result", "sub", "activity"),
    ("goals", "goal_type"): ("quantitative", "qualitative", "completion", "process"),
    ("goals", "theme"): THEMES,
    ("outcomes", "status"): ("achieved", "partly_achieved", "not_achieved", "ongoing", "unknown"),
    ("outcomes", "assessor"): ("project", "evaluator", "other"),
    ("budget_lines", "unit"): (
        "sek_thousand",
        "sek_million",
        "sek",
        "nok",
        "nok_thousand",
        "percent",
        # this project's extension of the contract: a report's amounts in euros or Danish kroner
        "eur",
        "eur_thousand",
        "dkk",
        "dkk_thousand",
    ),
    ("budget_lines", "kind"): ("budget", "cost", "financing"),
    ("mentions", "label"): ("ORG", "LOC", "PER"),
    ("mentions", "method"): ("gazetteer", "abbreviation", "pattern", "model"),
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: pa.DataType
    doc: str
    required: bool = False  # must never be null

    def field(self) -> pa.Field:
        return pa.field(self.name, self.type, nullable=not self.required)


STR = pa.string()
DATE = pa.date32()
TS = pa.timestamp("us", tz="UTC")
I32 = pa.int32()
I16 = pa.int16()
F32 = pa.float32()
F64 = pa.float64()
BOOL = pa.bool_()
STR_LIST = pa.list_(pa.string())
BBOX = pa.list_(pa.float32())


def _c(name: str, typ: pa.DataType, doc: str, required: bool = False) -> Column:
    return Column(name, typ, doc, required)


TABLES: dict[str, list[Column]] = {
    "documents": [
        _c("doc_id", STR, "first 16 hex chars of the file's sha256 (one id per revision)", True),
        _c(
            "document_key",
            STR,
            "stable key of the logical document across revisions (normalised file stem)",
            True,
        ),
        _c("revision", I32, "1, 2, … in the order revisions of one document_key were first seen", True),
        _c("is_current", BOOL, "true for the newest revision of its document_key", True),
        _c("sha256", STR, "full hex digest of the file bytes", True),
        _c("source_path", STR, "path as given to the pipeline", True),
        _c("file_name", STR, "file name", True),
        _c("file_size", pa.int64(), "bytes", True),
        _c("n_pages", I32, "number of pages (null when the file could not be opened)"),
        _c(
            "doc_type",
            STR,
            "action_plan, final_report, program_compendium, proposal_deck, development_plan, unknown",
        ),
        _c("doc_type_confidence", F32, "0–1"),
        _c("language", STR, "sv, nb, nn, da, en, und"),
        _c("title", STR, "the document's title"),
        _c("issuer", STR, "organisation that issued the document, canonical name"),
        _c("period_start", DATE, "start of the period the plan/project covers"),
        _c("period_end", DATE, "end of the period the plan/project covers"),
        _c("ocr_pages", I32, "pages whose text came from OCR"),
        _c("status", STR, "ok, partial, failed", True),
        _c("error", STR, "why it failed or what was skipped (null when ok)"),
        _c("warnings", STR_LIST, "non-fatal problems found"),
        _c("extracted_at", TS, "when the document was extracted (UTC)", True),
        _c("pipeline_version", STR, "version of planextract that wrote the row", True),
        _c("schema_version", STR, "version of this schema", True),
        _c("extractor", STR, "family extractor that produced the document's records (added in 1.1)"),
        _c("processing_seconds", F32, "wall time spent on the document (added in 1.1)"),
    ],
    "activities": [
        _c("activity_id", STR, "`<doc_id>:<ordinal>` (stable for the same file)", True),
        _c("doc_id", STR, "document revision", True),
        _c("parent_id", STR, "activity_id of the parent node, null at the top"),
        _c(
            "level",
            STR,
            "area, effort, activity, subactivity, goal, strategy, measure, project, proposal, other",
            True,
        ),
        _c("ordinal", I32, "order in the document, from 1", True),
        _c("code", STR, 'label as printed: "Insats 2", "Aktivitet 3", "Tiltak 1", "Målsetting A"'),
        _c("title", STR, "the node's text, line-break hyphenation undone"),
        _c("description", STR, "longer text where the document has it (project summaries, slide bodies)"),
        _c("strategic_area", STR, "the top-level area this node sits under"),
        _c("theme", STR, "one of the theme vocabulary"),
        _c("start_raw", STR, "start cell text as printed"),
        _c("end_raw", STR, "end cell text as printed"),
        _c("start_date", DATE, "normalised start"),
        _c("end_date", DATE, "normalised end"),
        _c("start_precision", STR, "day, month, quarter, season, half, year"),
        _c("end_precision", STR, "day, month, quarter, season, half, year"),
        _c("ongoing", BOOL, '"Pågående" / "løpende" / open-ended'),
        _c("responsible_raw", STR, "Ansvarig / Ansvar cell as printed"),
        _c("participants_raw", STR, "Deltar i arbetet / Samarbeidspartnere cell"),
        _c("expected_outcome_raw", STR, "Förväntat utfall / Utfall / Resultat cell"),
        _c("resources_raw", STR, "Ressurs/finansiering, Budget cell"),
        _c("target_group_raw", STR, "Målgrupp, Bo/Bedrift/Besøk cell"),
        _c("page_start", I32, "1-based page where the node starts"),
        _c("page_end", I32, "1-based page where the node ends"),
        _c("bbox", BBOX, "[x0, top, x1, bottom] in PDF points on page_start"),
        _c("extractor", STR, "name of the extractor that produced it"),
        _c("confidence", F32, "0–1"),
    ],
    "actors": [
        _c(
            "actor_id",
            STR,
            "stable slug of the canonical name (ASCII-folded, lower case, hyphens); a municipality's or "
            "region's own committee or administration named with no place ('Kommunstyrelsen') adds '--' and "
            "the slug of the issuer it belongs to ('kommunstyrelsen--skovde-kommun')",
            True,
        ),
        _c("name", STR, "canonical full name", True),
        _c("abbreviations", STR_LIST, 'abbreviations, e.g. ["GrF"]'),
        _c("aliases", STR_LIST, "other spellings seen"),
        _c(
            "actor_type",
            STR,
            "municipality, county_region, committee, administration, municipal_company, state_agency, university, company, network, association, project, other",
        ),
        _c("country", STR, "SE, NO, DK, FI, or null"),
        _c("parent_municipality", STR, "the municipality (or region) it belongs to, where known"),
        _c("source", STR, "gazetteer, document, ner"),
    ],
    "actor_roles": [
        _c("doc_id", STR, "document revision", True),
        _c("activity_id", STR, "null for document-level roles (issuer, financier, steering group …)"),
        _c("actor_id", STR, "null when only a person is named"),
        _c(
            "role",
            STR,
            "responsible, lead, participant, owner, project_leader, financier, steering_group, contact, member_municipality, issuer, proposer, evaluator, other",
            True,
        ),
        _c("person_name", STR, "where a person is named"),
        _c("person_title", STR, '"Kvalitets- och utvecklingschef", "Processledare"'),
        _c("raw", STR, "the text it came from"),
        _c("page", I32, "1-based page"),
    ],
    "timelines": [
        _c("timeline_id", STR, "`<doc_id>:t<ordinal>`", True),
        _c("doc_id", STR, "document revision", True),
        _c("activity_id", STR, "null for document-level milestones"),
        _c("kind", STR, "start, end, milestone, decision, deadline, period", True),
        _c("label", STR, "what happens"),
        _c("date_raw", STR, "as printed"),
        _c("date_start", DATE, "start of the interval the raw text denotes"),
        _c("date_end", DATE, "end of the interval the raw text denotes"),
        _c("precision", STR, "day, month, quarter, season, half, year"),
        _c("ongoing", BOOL, "open-ended"),
        _c("page", I32, "1-based page"),
    ],
    "indicators": [
        _c("indicator_id", STR, "`<doc_id>:i<ordinal>`", True),
        _c("doc_id", STR, "document revision", True),
        _c("activity_id", STR, "linked activity"),
        _c("goal_id", STR, "linked goal"),
        _c("text", STR, "the sentence or cell it came from"),
        _c("outcome_kind", STR, "indicator, target_statement, completion"),
        _c("metric", STR, "what is measured"),
        _c(
            "unit",
            STR,
            "percent, count, sek_thousand, sek_million, nok, hours, companies, participants, events, other",
        ),
        _c("comparator", STR, "ge, le, eq, increase, decrease"),
        _c("target_value", F64, "target number"),
        _c("target_year", I16, "year the target applies to"),
        _c("baseline_value", F64, "baseline number"),
        _c("baseline_year", I16, "year of the baseline"),
        _c("page", I32, "1-based page"),
    ],
    "goals": [
        _c("goal_id", STR, "`<doc_id>:g<ordinal>`", True),
        _c("doc_id", STR, "document revision", True),
        _c("activity_id", STR, "the plan node it belongs to, if any"),
        _c("parent_goal_id", STR, "goal this one refines"),
        _c("level", STR, "vision, overall, effect, result, sub, activity"),
        _c("text", STR, "the goal as printed"),
        _c("goal_type", STR, "quantitative, qualitative, completion, process"),
        _c("theme", STR, "theme vocabulary"),
        _c("page", I32, "1-based page"),
    ],
    "outcomes": [
        _c("outcome_id", STR, "`<doc_id>:o<ordinal>`", True),
        _c("doc_id", STR, "document revision", True),
        _c("goal_id", STR, "goal assessed"),
        _c("activity_id", STR, "activity assessed"),
        _c("text", STR, "the assessment as printed"),
        _c("status", STR, "achieved, partly_achieved, not_achieved, ongoing, unknown"),
        _c("assessor", STR, "project, evaluator (följeforskare), other"),
        _c("page", I32, "1-based page"),
    ],
    "mentions": [
        _c("mention_id", STR, "`<doc_id>:m<ordinal>`", True),
        _c("doc_id", STR, "document revision", True),
        _c(
            "source_table",
            STR,
            '"activities", "actor_roles", "table_cells" (source_id = cell_id), or "pages" for running text',
        ),
        _c("source_id", STR, "id of the source row (page number for pages)"),
        _c("source_field", STR, "column of the source row"),
        _c("page", I32, "1-based page"),
        _c("text", STR, "surface form"),
        _c("start_char", I32, "offset in the source field's text"),
        _c("end_char", I32, "end offset in the source field's text"),
        _c("label", STR, "ORG, LOC, PER"),
        _c("actor_id", STR, "linked actor, null if unlinked"),
        _c("method", STR, "gazetteer, abbreviation, pattern, model"),
        _c("confidence", F32, "0–1"),
    ],
    "budget_lines": [
        _c("budget_line_id", STR, "`<doc_id>:b<ordinal>` (added in 1.1)", True),
        _c("doc_id", STR, "document revision", True),
        _c("activity_id", STR, "activity the line belongs to"),
        _c("item", STR, "budget item as printed"),
        _c("amount", F64, "in the unit below"),
        _c(
            "unit",
            STR,
            "sek_thousand, sek_million, sek, nok, nok_thousand, percent; extension: eur, eur_thousand, dkk, dkk_thousand",
        ),
        _c("percent_used", F64, "share of the budget used"),
        _c("kind", STR, "budget, cost, financing"),
        _c("financier_actor_id", STR, "financing actor"),
        _c("page", I32, "1-based page"),
    ],
    # added in 1.2: every document's heading tree and every table cell, whatever its family
    "sections": [
        _c("section_id", STR, "`<doc_id>:s<ordinal>`, in reading order", True),
        _c("doc_id", STR, "document revision", True),
        _c("parent_id", STR, "enclosing section; null at the top"),
        _c("level", I16, "heading level, 1 = top; 0 for the text before the first heading"),
        _c("number", STR, 'printed heading number ("2.1"), if any'),
        _c("title", STR, "heading text without its number; null for the text before the first heading"),
        _c("text", STR, "body text up to the first subsection, one paragraph per line"),
        _c("n_tables", I32, "tables printed under this heading (before a subsection)"),
        _c("page_start", I32, "1-based page of the heading"),
        _c("page_end", I32, "1-based page of the section's last body block"),
    ],
    "table_cells": [
        _c("cell_id", STR, "`<doc_id>:c<ordinal>`", True),
        _c("doc_id", STR, "document revision", True),
        _c("table_id", STR, "`<doc_id>:T<n>`: the table, joined across pages when it continues", True),
        _c("section_id", STR, "section the table is printed under"),
        _c(
            "method",
            STR,
            "ruled (rules and cell boxes, also found in a scan's image) or stream (aligned text)",
        ),
        _c("row", I32, "0-based row in the joined table (repeated header rows removed)"),
        _c("col", I32, "0-based column"),
        _c("row_span", I16, "rows the cell spans (merged cells appear once)"),
        _c("col_span", I16, "columns the cell spans"),
        _c("header", BOOL, "the cell is in a column-header row"),
        _c("text", STR, "cell text, line-break hyphenation undone"),
        _c("page", I32, "1-based page the cell is printed on"),
        _c("bbox", BBOX, "x0, top, x1, bottom in PDF points on that page"),
    ],
}

PER_DOCUMENT_TABLES = tuple(t for t in TABLES if t != "actors")
ID_COLUMNS = {
    "activities": "activity_id",
    "timelines": "timeline_id",
    "indicators": "indicator_id",
    "goals": "goal_id",
    "outcomes": "outcome_id",
    "mentions": "mention_id",
    "budget_lines": "budget_line_id",
    "sections": "section_id",
    "table_cells": "cell_id",
    "actors": "actor_id",
    "documents": "doc_id",
}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([c.field() for c in TABLES[table]])


def column_names(table: str) -> list[str]:
    return [c.name for c in TABLES[table]]


def to_arrow(table: str, rows: list[dict[str, object]]) -> pa.Table:
    """Rows (dicts keyed by column name; missing keys are null) to a typed Arrow table."""
    schema = arrow_schema(table)
    columns = {name: [row.get(name) for row in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)
