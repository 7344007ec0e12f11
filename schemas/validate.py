"""Check a dataset against the contract: types, enums, ids, links, one current revision per key."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.tables import ENUMS, ID_COLUMNS, PER_DOCUMENT_TABLES, TABLES, arrow_schema

LINKS: tuple[tuple[str, str, str], ...] = (
    ("activities", "parent_id", "activities"),
    ("actor_roles", "activity_id", "activities"),
    ("actor_roles", "actor_id", "actors"),
    ("timelines", "activity_id", "activities"),
    ("indicators", "activity_id", "activities"),
    ("indicators", "goal_id", "goals"),
    ("goals", "activity_id", "activities"),
    ("goals", "parent_goal_id", "goals"),
    ("outcomes", "goal_id", "goals"),
    ("outcomes", "activity_id", "activities"),
    ("mentions", "actor_id", "actors"),
    ("budget_lines", "activity_id", "activities"),
    ("budget_lines", "financier_actor_id", "actors"),
    ("sections", "parent_id", "sections"),
    ("table_cells", "section_id", "sections"),
)


def _same_type(found: pa.DataType, expected: pa.DataType) -> bool:
    if found == expected:
        return True
    if pa.types.is_dictionary(found):
        return bool(found.value_type == expected)
    return False


def _files(root: Path, table: str) -> list[Path]:
    if table == "actors":
        return sorted((root / "actors").glob("*.parquet"))
    return sorted((root / table).glob("doc_id=*/*.parquet"))


def validate_dataset(root: Path) -> list[str]:
    """Every violation found, as a sentence naming the table, column and row."""
    problems: list[str] = []
    if not (root / "documents").is_dir():
        return [f"{root}: no documents table (is this a planextract dataset?)"]
    data: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        schema = arrow_schema(table)
        rows: list[dict[str, Any]] = []
        for path in _files(root, table):
            rel = path.relative_to(root)
            try:
                part = pq.read_table(path)
            except Exception as exc:
                problems.append(f"{rel}: unreadable Parquet file ({exc})")
                continue
            for field in schema:
                if field.name not in part.schema.names:
                    problems.append(f"{rel}: missing column {field.name}")
                elif not _same_type(part.schema.field(field.name).type, field.type):
                    problems.append(
                        f"{rel}: column {field.name} has type {part.schema.field(field.name).type}, expected {field.type}"
                    )
            part_rows = part.to_pylist()
            if table in PER_DOCUMENT_TABLES:
                doc_id = path.parent.name.split("=", 1)[1]
                for i, row in enumerate(part_rows):
                    if row.get("doc_id") != doc_id:
                        problems.append(
                            f"{rel} row {i}: doc_id {row.get('doc_id')!r} differs from the partition {doc_id!r}"
                        )
            rows.extend(part_rows)
        data[table] = rows
    for table, rows in data.items():
        for column in TABLES[table]:
            allowed = ENUMS.get((table, column.name))
            for i, row in enumerate(rows):
                value = row.get(column.name)
                if value is None and column.required:
                    problems.append(f"{table} row {i}: required column {column.name} is null")
                if allowed and value is not None and value not in allowed:
                    problems.append(
                        f"{table} row {i}: {column.name}={value!r} is not one of {', '.join(allowed)}"
                    )
        id_col = ID_COLUMNS.get(table)
        if id_col:
            counts = Counter(row.get(id_col) for row in rows)
            for value, count in sorted(counts.items(), key=lambda kv: str(kv[0])):
                if count > 1:
                    problems.append(f"{table}: {id_col} {value!r} appears {count} times")
    ids = {table: {row.get(ID_COLUMNS[table]) for row in data[table]} for table in ID_COLUMNS}
    for table, link, target in LINKS:
        for i, row in enumerate(data[table]):
            value = row.get(link)
            if value is not None and value not in ids[target]:
                problems.append(f"{table} row {i}: {link}={value!r} points at no row of {target}")
    doc_ids = ids["documents"]
    for table in PER_DOCUMENT_TABLES:
        for i, row in enumerate(data[table]):
            if row.get("doc_id") not in doc_ids:
                problems.append(f"{table} row {i}: doc_id={row.get('doc_id')!r} has no documents row")
    current = Counter(row["document_key"] for row in data["documents"] if row.get("is_current"))
    keys = {row["document_key"] for row in data["documents"]}
    for key in sorted(keys):
        if current.get(key, 0) != 1:
            problems.append(
                f"documents: document_key {key!r} has {current.get(key, 0)} current revisions (expected 1)"
            )
    return problems
