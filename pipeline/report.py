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
from urllib.parse import quote

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
        (
            "where",
            "code",
            "level",
            "title",
            "start_raw",
            "end_raw",
            "responsible_raw",
            "participants_raw",
            "theme",
        ),
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


def _number(value: float) -> str:
    """2.0 -> '2', 2026.0 -> '2026', 0.987654 -> '0.99', 1234567.5 -> '1 234 567.5'."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}".replace(",", "\u202f") if abs(value) >= 10000 else str(int(value))
    if abs(value) < 1:
        return f"{value:.2f}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u202f")


def _esc(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if hasattr(value, "tolist") and not isinstance(value, str):  # numpy scalars and arrays
        value = value.tolist()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return html.escape(_number(value))
    if isinstance(value, list | tuple):
        return html.escape("; ".join(_esc_plain(v) for v in value))
    return html.escape(str(value))


def _esc_plain(value: Any) -> str:
    return _number(value) if isinstance(value, float) else str(value)


def _where(record: dict[Any, Any], page_col: str) -> str:
    """'p. 3' and, where the row has its box, '@x0,top,x1,bottom' in PDF points."""
    page = record.get(page_col)
    text = "" if page is None or pd.isna(page) else f"p. {int(page)}"
    bbox = record.get("bbox")
    if bbox is not None and not (isinstance(bbox, float) and bbox != bbox) and len(bbox) == 4:
        text += " @" + ",".join(f"{float(v):.0f}" for v in bbox)
    return text


def _rows_table(frame: pd.DataFrame, columns: tuple[str, ...], page_col: str) -> str:
    """One row per record; the 'where' column is its page and, where the table has it, its box."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = []
    for record in frame.to_dict("records"):
        level = record.get("level") or ""
        record["where"] = _where(record, page_col)
        cells = "".join(f"<td>{_esc(record.get(c))}</td>" for c in columns)
        body.append(f'<tr class="lvl-{_esc(level)}">{cells}</tr>')
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def pdf_href(source: str, base: Path) -> str:
    """The link to a source PDF from the report in folder `base`: relative when the PDF sits
    under the report's folder or beside it on the same tree (so the folder can be moved or
    shared with its PDFs), absolute (file://) when only an absolute path reaches it."""
    target = Path(os.path.abspath(source))
    folder = Path(os.path.abspath(base))
    try:
        relative = os.path.relpath(target, folder)
    except ValueError:  # another drive
        return target.as_uri()
    if relative.startswith(os.pardir) and not _shares_tree(target, folder):
        return target.as_uri()
    return quote(Path(relative).as_posix())


def _shares_tree(target: Path, folder: Path) -> bool:
    """True when the PDF and the report's folder share a parent below the file system's top
    folders (a project folder holding raw/ and processed/), so a relative link stays valid
    when that parent is moved."""
    common = Path(os.path.commonpath([target, folder]))
    return len(common.parts) > 2


def _page_link(source: str, page: int, base: Path) -> str:
    href = pdf_href(source, base)
    return f'<a href="{html.escape(href)}#page={page}">page {page}</a>'


def _document_section(doc: dict[Any, Any], data: Any, base: Path) -> str:
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
        value = doc.get(key)
        if key == "warnings":
            value = _warning_list(value)
            parts.append(f"<tr><th>{key}</th><td>{value}</td></tr>")
            continue
        parts.append(f"<tr><th>{key}</th><td>{_esc(value)}</td></tr>")
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
                chunks.append(f"<h4>{table} ({len(rows)})</h4>" + _rows_table(rows, columns, page_col))
        if chunks:
            link = _page_link(doc["source_path"], page, base)
            parts.append(
                f"<details><summary>{link}: {len(chunks)} table(s) of records</summary>{''.join(chunks)}</details>"
            )
    return "\n".join(parts)


def _warnings_of(value: Any) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    return [str(v) for v in list(value)]


def _warning_list(value: Any) -> str:
    items = _warnings_of(value)
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{html.escape(w)}</li>" for w in items) + "</ul>"


def build_report(out_dir: Path) -> Path:
    """Write OUT/report.html. Links to the PDFs are relative to OUT when the PDFs can be reached
    from it (they sit under it or under the same project folder), else absolute file:// links."""
    data = load(out_dir)
    base = out_dir
    docs = data["documents"].sort_values(["file_name", "doc_id"]).to_dict("records")
    counts = {s: sum(1 for d in docs if d["status"] == s) for s in ("ok", "partial", "failed")}
    overview = [
        "<table><tr><th>document</th><th>status</th><th>type</th><th>lang</th><th>pages</th><th>activities</th>"
        "<th>error</th><th>warnings</th></tr>"
    ]
    activities = data["activities"]
    warned = 0
    for doc in docs:
        n_act = int((activities["doc_id"] == doc["doc_id"]).sum())
        warnings = _warnings_of(doc.get("warnings"))
        warned += bool(warnings)
        overview.append(
            f'<tr><td><a href="#{_esc(doc["doc_id"])}">{_esc(doc["file_name"])}</a></td>'
            f'<td class="{_esc(doc["status"])}">{_esc(doc["status"])}</td><td>{_esc(doc.get("doc_type"))}</td>'
            f"<td>{_esc(doc.get('language'))}</td><td>{_esc(doc.get('n_pages'))}</td><td>{n_act}</td>"
            f"<td>{_esc(doc.get('error'))}</td><td>{_warning_list(warnings)}</td></tr>"
        )
    overview.append("</table>")
    absolute = sum(1 for doc in docs if pdf_href(doc["source_path"], base).startswith("file:"))
    links = (
        "Page links are relative to this folder."
        if not absolute
        else f"Page links of {absolute} document(s) are absolute file:// paths (the PDFs are not "
        "reachable from this folder by a relative path); they work on this machine only."
    )
    body = "\n".join(_document_section(doc, data, base) for doc in docs)
    page = (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>planextract report</title>"
        f"<style>{_CSS}</style></head><body><h1>planextract quality report</h1>"
        f"<p>{len(docs)} documents: {counts['ok']} ok, {counts['partial']} partial, {counts['failed']} failed; "
        f"{warned} with warnings. Dataset: {_esc(out_dir.resolve())}. {html.escape(links)} Each record's "
        "<em>where</em> is its page and, where the dataset has it, its box @x0,top,x1,bottom in PDF points.</p>"
        f"{''.join(overview)}{body}</body></html>"
    )
    path = out_dir / "report.html"
    tmp = out_dir / ".report.html.tmp"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, path)
    return path
