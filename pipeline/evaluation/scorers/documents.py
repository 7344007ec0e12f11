"""documents table: doc_type, language, title, issuer, period against the gold."""

from __future__ import annotations

from pipeline.evaluation.common import EvalDoc, Figure, norm, ratio


def score(docs: list[EvalDoc]) -> list[Figure]:
    type_hits = lang_hits = period_hits = period_total = issuer_hits = 0
    text_docs = [d for d in docs if d.gold.get("text_layer", True)]
    for doc in text_docs:
        rows = doc.tables["documents"]
        if len(rows) == 0:
            continue
        row = rows.iloc[0]
        type_hits += row["doc_type"] == doc.gold.get("doc_type")
        lang_hits += row["language"] == doc.gold.get("language")
        gold_issuer = norm(doc.gold.get("issuer"))
        issuer_hits += bool(row["issuer"]) and norm(row["issuer"]).lower() in gold_issuer.lower()
        period = doc.gold.get("period") or {}
        if period.get("start"):
            period_total += 1
            start = str(row["period_start"]) if row["period_start"] is not None else ""
            end = str(row["period_end"]) if row["period_end"] is not None else ""
            period_hits += start == period["start"] and end == period["end"]
    n = len(text_docs)
    return [
        Figure("documents", "doc_type right (text-layer PDFs)", ratio(type_hits, n), n, 1.0),
        Figure("documents", "language right (text-layer PDFs)", ratio(lang_hits, n), n, 1.0),
        Figure("documents", "issuer found (contained in gold issuer)", ratio(issuer_hits, n), n),
        Figure("documents", "period right", ratio(period_hits, period_total), period_total),
    ]
