"""report.html: per document, what was extracted, page by page, with links to the pages.

An analyst checks a dataset against the PDFs: each record is listed under the page it
came from, with a link that opens the PDF at that page, and every failure or warning is
shown next to the document it concerns.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.loader import load

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:1200px;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;
vertical-align:top;font-size:.9rem}th{background:#f3f3f3;text-align:left}
.ok{color:#176b2c}.partial{color:#9a6700}.failed{color:#b42318}.muted{color:#777}
details{margin:.3rem 0}summary{cursor:pointer;font-weight:600}h2{border-bottom:2px solid #ddd;padding-top:1rem}
.lvl-area{font-weight:700}.lvl-effort{font-weight:600}.lvl-subactivity{font-style:italic}
"""

_PAGE_TABLES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "activities",
        "page_start",
        ("code", "level", "title", "start_raw", "end_raw", "responsible_raw", "participants_raw", "theme"),
    ),
    ("goals", "page", ("level", "goal_type", "theme", "text")),
    ("indicators", "page", ("outcome_kind", "comparator", "target_value", "unit", "target_year", "text")),
    ("outcomes", "page", ("status", "assessor", "text")),
    ("timelines", "page", ("kind", "date_raw", "date_start", "date_end", "label")),
    ("actor_roles", "page", ("role", "actor_id", "person_name", "person_title", "raw")),
    ("budget_lines", "page", ("item", "amount", "unit", "percent_used", "kind")),
    # the organisations the NLP step found on the page, to be checked against it
    ("mentions", "page", ("text", "actor_id", "source_table", "source_field", "method")),
)
_SHOWN = {"mentions": lambda frame: frame["label"] == "ORG"}  # people and places are counted, not listed


def _esc(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if isinstance(value, list | tuple):
        return html.escape("; ".join(str(v) for v in value))
    return html.escape(str(value))


def _rows_table(frame: pd.DataFrame, columns: tuple[str, ...]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = []
    for record in frame.to_dict("records"):
        level = record.get("level") or ""
        cells = "".join(f"<td>{_esc(record.get(c))}</td>" for c in columns)
        body.append(f'<tr class="lvl-{_esc(level)}">{cells}</tr>')
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _page_link(source: str, page: int) -> str:
    uri = Path(os.path.abspath(source)).as_uri()
    return f'<a href="{html.escape(uri)}#page={page}">page {page}</a>'


def _document_section(doc: dict[Any, Any], data: Any) -> str:
    doc_id = doc["doc_id"]
    status = doc["status"]
    parts = [
        f'<h2 id="{_esc(doc_id)}">{_esc(doc.get("title") or doc["file_name"])} '
        f'<span class="{_esc(status)}">[{_esc(status)}]</span></h2>',
        "<table>",
    ]
    for key in (
        "file_name",
        "doc_id",
        "document_key",
        "revision",
        "doc_type",
        "doc_type_confidence",
        "language",
        "issuer",
        "period_start",
        "period_end",
        "n_pages",
        "ocr_pages",
        "extractor",
        "error",
        "warnings",
    ):
        parts.append(f"<tr><th>{key}</th><td>{_esc(doc.get(key))}</td></tr>")
    counts = []
    for table, _, _ in _PAGE_TABLES:
        frame = data[table]
        counts.append(f"{table}: {int((frame['doc_id'] == doc_id).sum())}")
    parts.append(f"<tr><th>rows</th><td>{_esc(', '.join(counts))}</td></tr></table>")
    n_pages = doc.get("n_pages")
    pages = 0 if n_pages is None or pd.isna(n_pages) else int(n_pages)
    for page in range(1, pages + 1):
        chunks = []
        for table, page_col, columns in _PAGE_TABLES:
            frame = data[table]
            rows = frame[(frame["doc_id"] == doc_id) & (frame[page_col] == page)]
            if table in _SHOWN and len(rows):
                rows = rows[_SHOWN[table](rows)]
            if len(rows):
                chunks.append(f"<h4>{table} ({len(rows)})</h4>" + _rows_table(rows, columns))
        if chunks:
            link = _page_link(doc["source_path"], page)
            parts.append(
                f"<details><summary>{link}: {len(chunks)} table(s) of records</summary>{''.join(chunks)}</details>"
            )
    return "\n".join(parts)


def build_report(out_dir: Path) -> Path:
    data = load(out_dir)
    docs = data["documents"].sort_values(["file_name", "doc_id"]).to_dict("records")
    counts = {s: sum(1 for d in docs if d["status"] == s) for s in ("ok", "partial", "failed")}
    overview = [
        "<table><tr><th>document</th><th>status</th><th>type</th><th>lang</th><th>pages</th><th>activities</th><th>error</th></tr>"
    ]
    activities = data["activities"]
    for doc in docs:
        n_act = int((activities["doc_id"] == doc["doc_id"]).sum())
        overview.append(
            f'<tr><td><a href="#{_esc(doc["doc_id"])}">{_esc(doc["file_name"])}</a></td>'
            f'<td class="{_esc(doc["status"])}">{_esc(doc["status"])}</td><td>{_esc(doc.get("doc_type"))}</td>'
            f"<td>{_esc(doc.get('language'))}</td><td>{_esc(doc.get('n_pages'))}</td><td>{n_act}</td>"
            f"<td>{_esc(doc.get('error'))}</td></tr>"
        )
    overview.append("</table>")
    body = "\n".join(_document_section(doc, data) for doc in docs)
    page = (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>planextract report</title>"
        f"<style>{_CSS}</style></head><body><h1>planextract quality report</h1>"
        f"<p>{len(docs)} documents: {counts['ok']} ok, {counts['partial']} partial, {counts['failed']} failed. "
        f"Dataset: {_esc(out_dir.resolve())}</p>{''.join(overview)}{body}</body></html>"
    )
    path = out_dir / "report.html"
    tmp = out_dir / ".report.html.tmp"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, path)
    return path
