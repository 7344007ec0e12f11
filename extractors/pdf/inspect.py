"""`planextract inspect`: the layout as plain text, to check what the pipeline sees on each page."""

from __future__ import annotations

from extractors.pdf.structures import DocumentLayout, Table
from extractors.result import DocumentInfo


def _table_text(table: Table, width: int = 38) -> list[str]:
    lines = [
        f"  table p{table.page_start}-{table.page_end} {table.n_rows}x{table.n_cols} "
        f"({table.method}, {table.header_rows} header row(s))"
    ]
    for r, row in enumerate(table.grid()):
        cells = []
        for cell in row:
            if cell is None:
                cells.append("<")
                continue
            text = cell.text if len(cell.text) <= width else cell.text[: width - 1] + "…"
            span = f"[{cell.col_span}]" if cell.col_span > 1 else ""
            cells.append(text + span)
        marker = "H" if r < table.header_rows else " "
        lines.append(f"   {marker}{r:>3} | " + " | ".join(cells))
    return lines


def render(layout: DocumentLayout, info: DocumentInfo) -> str:
    doc = layout.document
    out = [
        f"file: {doc.path}",
        f"type: {info.doc_type} ({info.doc_type_confidence:.2f})  language: {info.language}",
        f"title: {info.title or '-'}",
        f"issuer: {info.issuer or '-'}  period: {info.period_start or '?'} .. {info.period_end or '?'}",
        f"pages: {doc.n_pages} (OCR: {doc.ocr_pages})",
    ]
    out.extend(f"warning: {w}" for w in doc.warnings)
    for page in layout.pages:
        label = f" (printed {page.page_label})" if page.page_label else ""
        out.append("")
        out.append(f"=== page {page.number}{label}{' [OCR]' if page.ocr else ''}")
        if page.header:
            out.append(f"  header: {page.header}")
        for block in page.blocks:
            tag = block.kind if block.level is None else f"{block.kind} h{block.level}"
            text = block.text if len(block.text) <= 160 else block.text[:159] + "…"
            out.append(f"  [{tag}] {text}")
        for table in page.tables:
            out.extend(_table_text(table))
        if page.footer:
            out.append(f"  footer: {page.footer}")
    return "\n".join(out) + "\n"
