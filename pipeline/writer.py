"""Write a document's rows as Hive partitions, atomically, and keep the actors dimension.

Each table's file is written under a hidden temporary name and renamed into place; the
`documents` partition goes last, so a document without a documents row was never
completely written and is redone by the next run. Readers never see half a file.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.tables import PER_DOCUMENT_TABLES, arrow_schema

PART_NAME = "part-0.parquet"
DOC_ID_TYPE = pa.dictionary(pa.int32(), pa.string())


def partition_dir(out_dir: Path, table: str, doc_id: str) -> Path:
    return out_dir / table / f"doc_id={doc_id}"


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    return value


def arrow_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Typed table in schema column order; doc_id dictionary-encoded to match the Hive key.

    pandas and pyarrow infer a Hive partition key as dictionary<string>; storing the in-file
    doc_id the same way lets `pandas.read_parquet(table_dir)` merge the two without error.
    """
    schema = arrow_schema(table)
    columns = {name: [_nfc(row.get(name)) for row in rows] for name in schema.names}
    result = pa.Table.from_pydict(columns, schema=schema)
    if "doc_id" in schema.names and table != "actors":
        index = schema.get_field_index("doc_id")
        result = result.set_column(
            index, pa.field("doc_id", DOC_ID_TYPE), result.column(index).cast(DOC_ID_TYPE)
        )
    return result


def write_atomic(table: pa.Table, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.{os.getpid()}.tmp"
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, target)


def write_document(out_dir: Path, doc_id: str, rows: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Write every per-document table for one document (documents last); returns row counts."""
    counts: dict[str, int] = {}
    ordered = [t for t in PER_DOCUMENT_TABLES if t != "documents"] + ["documents"]
    for table in ordered:
        table_rows = rows.get(table, [])
        write_atomic(arrow_table(table, table_rows), partition_dir(out_dir, table, doc_id) / PART_NAME)
        counts[table] = len(table_rows)
    return counts


def read_documents_row(out_dir: Path, doc_id: str) -> dict[str, Any] | None:
    path = partition_dir(out_dir, "documents", doc_id) / PART_NAME
    if not path.exists():
        return None
    rows = pq.read_table(path).to_pylist()
    return rows[0] if rows else None


def set_is_current(out_dir: Path, doc_id: str, value: bool) -> None:
    """Flip is_current on an older revision's documents row (its other rows stay as they are)."""
    row = read_documents_row(out_dir, doc_id)
    if row is None or row.get("is_current") == value:
        return
    row["is_current"] = value
    write_atomic(arrow_table("documents", [row]), partition_dir(out_dir, "documents", doc_id) / PART_NAME)


def write_actors(out_dir: Path, actors: dict[str, dict[str, Any]]) -> None:
    rows = [actors[k] for k in sorted(actors)]
    write_atomic(arrow_table("actors", rows), out_dir / "actors" / PART_NAME)


def read_actors(out_dir: Path) -> dict[str, dict[str, Any]]:
    path = out_dir / "actors" / PART_NAME
    if not path.exists():
        return {}
    return {row["actor_id"]: row for row in pq.read_table(path).to_pylist()}


def merge_actor(into: dict[str, dict[str, Any]], row: dict[str, Any]) -> None:
    """Merge one document's actor into the cross-document dimension."""
    actor_id = row["actor_id"]
    existing = into.get(actor_id)
    if existing is None:
        into[actor_id] = dict(row)
        return
    for key in ("abbreviations", "aliases"):
        existing[key] = sorted(set(existing.get(key) or []) | set(row.get(key) or []))
    rank = {"gazetteer": 0, "document": 1, "ner": 2}
    if rank.get(row.get("source") or "", 9) < rank.get(existing.get("source") or "", 9):
        for key in ("name", "actor_type", "country", "parent_municipality", "source"):
            if row.get(key) is not None:
                existing[key] = row[key]
    for key in ("actor_type", "country", "parent_municipality"):
        if existing.get(key) in (None, "other") and row.get(key) not in (None, "other"):
            existing[key] = row[key]


def clean_temporaries(out_dir: Path) -> int:
    """Remove temporary files an interrupted run left behind."""
    removed = 0
    if not out_dir.exists():
        return 0
    for tmp in out_dir.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed
