"""`planextract diff KEY`: what changed between the last two revisions of a document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.loader import load

_COMPARED = ("level", "start_raw", "end_raw", "responsible_raw", "participants_raw", "expected_outcome_raw")


def _activity_key(row: dict[Any, Any]) -> str:
    return f"{row.get('code') or ''}|{row.get('title') or ''}".strip("|")


def diff_revisions(out_dir: Path, document_key: str) -> str:
    data = load(out_dir, all_revisions=True)
    docs = data["documents"]
    revisions = docs[docs["document_key"] == document_key].sort_values("revision")
    if len(revisions) == 0:
        known = ", ".join(sorted(docs["document_key"].unique())[:20])
        raise LookupError(f"no document with document_key {document_key!r} (known: {known})")
    if len(revisions) < 2:
        raise LookupError(f"{document_key!r} has only one revision; nothing to compare")
    old, new = revisions.iloc[-2], revisions.iloc[-1]
    lines = [
        f"{document_key}: revision {old['revision']} ({old['doc_id']}, {old['file_name']}) -> "
        f"revision {new['revision']} ({new['doc_id']}, {new['file_name']})",
        "",
        "rows per table:",
    ]
    for table, frame in data.tables.items():
        if table in ("actors", "documents") or "doc_id" not in frame.columns:
            continue
        before = int((frame["doc_id"] == old["doc_id"]).sum())
        after = int((frame["doc_id"] == new["doc_id"]).sum())
        if before or after:
            mark = "" if before == after else f"  ({after - before:+d})"
            lines.append(f"  {table:<13} {before:>5} -> {after:<5}{mark}")
    lines += ["", *_activity_changes(data["activities"], str(old["doc_id"]), str(new["doc_id"]))]
    for field in ("title", "doc_type", "language", "period_start", "period_end", "status"):
        if str(old[field]) != str(new[field]):
            lines.append(f"documents.{field}: {old[field]!r} -> {new[field]!r}")
    return "\n".join(lines) + "\n"


def _activity_changes(activities: pd.DataFrame, old_id: str, new_id: str) -> list[str]:
    before = {_activity_key(r): r for r in activities[activities["doc_id"] == old_id].to_dict("records")}
    after = {_activity_key(r): r for r in activities[activities["doc_id"] == new_id].to_dict("records")}
    lines = []
    for key in sorted(set(after) - set(before)):
        lines.append(f"+ activity {key}")
    for key in sorted(set(before) - set(after)):
        lines.append(f"- activity {key}")
    for key in sorted(set(before) & set(after)):
        changed = [f for f in _COMPARED if str(before[key].get(f)) != str(after[key].get(f))]
        for field in changed:
            lines.append(f"~ activity {key}: {field} {before[key].get(field)!r} -> {after[key].get(field)!r}")
    return lines or ["activities: no changes"]
