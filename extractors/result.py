"""The records one document yields, with ids assigned in document order.

Extractors never build ids by hand: `Extraction.add(table, **fields)` numbers rows per
table so that the same file always gives the same ids (`<doc_id>:<ordinal>` for
activities, `<doc_id>:g<ordinal>` for goals, …).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from schemas.tables import ENUMS, ID_COLUMNS, column_names

ID_PREFIX = {
    "activities": "",
    "timelines": "t",
    "indicators": "i",
    "goals": "g",
    "outcomes": "o",
    "mentions": "m",
    "budget_lines": "b",
    "sections": "s",
    "table_cells": "c",
}

Record = dict[str, Any]


@dataclass(slots=True)
class DocumentInfo:
    """What the classifier and the extractors learn about the document as a whole."""

    doc_type: str = "unknown"
    doc_type_confidence: float = 0.0
    language: str = "und"
    title: str | None = None
    issuer: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    extractor: str | None = None


@dataclass(slots=True)
class Extraction:
    doc_id: str
    info: DocumentInfo = field(default_factory=DocumentInfo)
    rows: dict[str, list[Record]] = field(default_factory=dict)
    actors: dict[str, Record] = field(default_factory=dict)  # actor_id -> actors row
    warnings: list[str] = field(default_factory=list)
    # wall seconds per pipeline stage (read, ocr, layout, classify, structure, extract, nlp), for benchmarks
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add(self, table: str, **fields: Any) -> str | None:
        """Append a row to `table`; returns its id (None for tables without one)."""
        unknown = set(fields) - set(column_names(table))
        if unknown:
            raise KeyError(f"{table} has no column(s) {sorted(unknown)}")
        for (tab, col), allowed in ENUMS.items():
            if tab == table and fields.get(col) is not None and fields[col] not in allowed:
                raise ValueError(f"{table}.{col}={fields[col]!r} is not one of {allowed}")
        rows = self.rows.setdefault(table, [])
        record: Record = {"doc_id": self.doc_id, **fields}
        id_col = ID_COLUMNS.get(table)
        new_id: str | None = None
        if table in ID_PREFIX and id_col is not None:
            ordinal = len(rows) + 1
            new_id = f"{self.doc_id}:{ID_PREFIX[table]}{ordinal}"
            record[id_col] = new_id
            if table == "activities":
                record["ordinal"] = ordinal
        rows.append(record)
        return new_id

    def table(self, table: str) -> list[Record]:
        return self.rows.setdefault(table, [])

    def get(self, table: str, row_id: str) -> Record | None:
        id_col = ID_COLUMNS[table]
        for row in self.rows.get(table, []):
            if row.get(id_col) == row_id:
                return row
        return None

    def drop_duplicate_roles(self) -> int:
        """One actor_roles row per (activity, person, organisation, role); a row with role "other"
        goes when the same person or organisation already has a specific role there, and a
        document-level row when an activity already has it ("Projektägare: X" read by the family
        for the report's project and again by the NLP step for the document), also when the
        document-level row knows the person but not their organisation. Several stages may
        see the same table (the family reads it, the NLP step scans it again)."""
        rows = self.rows.get("actor_roles", [])

        def who(row: Record) -> tuple[object, ...]:
            return (row.get("activity_id"), row.get("person_name"), row.get("actor_id"))

        specific = {who(r) for r in rows if r.get("role") != "other"}
        in_activities = {
            (r.get("person_name"), r.get("actor_id"), r.get("role")) for r in rows if r.get("activity_id")
        }
        # a person the document names without an organisation is the same person an activity names with one
        in_activities |= {(person, None, role) for person, _actor, role in in_activities if person}
        kept: list[Record] = []
        seen: set[tuple[object, ...]] = set()
        for row in rows:
            key = (*who(row), row.get("role"))
            if key in seen or (row.get("role") == "other" and who(row) in specific):
                continue
            if not row.get("activity_id") and key[1:] in in_activities:
                continue
            seen.add(key)
            kept.append(row)
        dropped = len(rows) - len(kept)
        if dropped:
            self.rows["actor_roles"] = kept
        return dropped

    def add_actor(self, row: Record) -> str:
        """Register a canonical actor (merging abbreviations and aliases); returns its id."""
        actor_id = str(row["actor_id"])
        existing = self.actors.get(actor_id)
        if existing is None:
            self.actors[actor_id] = {
                **row,
                "abbreviations": sorted(set(row.get("abbreviations") or [])),
                "aliases": sorted(set(row.get("aliases") or [])),
            }
        else:
            for key in ("abbreviations", "aliases"):
                existing[key] = sorted(set(existing.get(key) or []) | set(row.get(key) or []))
            for key in ("actor_type", "country", "parent_municipality", "source"):
                if existing.get(key) is None and row.get(key) is not None:
                    existing[key] = row[key]
            if existing.get("actor_type") == "other" and row.get("actor_type") not in (None, "other"):
                existing["actor_type"] = row["actor_type"]  # a later context tells what "other" was
        return actor_id
