"""Report, diff, the Dask executor and the real-world robustness corpus."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from pipeline import load
from pipeline.diff import diff_revisions
from pipeline.report import build_report
from pipeline.runner import RunOptions, execute
from schemas.validate import validate_dataset
from tests.conftest import REALWORLD, corpus_pdf

BYREGION = "byregion_sor_troms_status.pdf"


def test_report_lists_documents_pages_and_failures(corpus_dataset: Path) -> None:
    path = build_report(corpus_dataset)
    html = path.read_text(encoding="utf-8")
    assert "encrypted PDF: a password is required" in html
    assert "handlingsplan_goteborg_2019_2021.pdf" in html
    assert "#page=10" in html  # records are grouped under links to their pages
    assert "<h4>mentions (" in html and "business-region-goteborg" in html  # organisations found, by page
    assert "<th>theme</th>" in html


def test_diff_names_what_changed_between_revisions(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    target = raw / "sor_troms.pdf"
    shutil.copy(corpus_pdf(BYREGION), target)
    out = tmp_path / "out"
    options = RunOptions(paths=[str(raw)], out_dir=out, workers=1, progress=False, report=False)
    execute(options)
    with pytest.raises(LookupError, match="only one revision"):
        diff_revisions(out, "sor_troms")
    with open(target, "ab") as handle:
        handle.write(b"\n% revision two\n")
    execute(options)
    text = diff_revisions(out, "sor_troms")
    assert "revision 1" in text and "revision 2" in text
    assert "activities: no changes" in text


def test_dask_executor_writes_the_same_dataset(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    out = tmp_path / "out"
    summary = execute(
        RunOptions(paths=[str(corpus_pdf(BYREGION))], out_dir=out, workers=1, executor="dask", progress=False)
    )
    assert summary.exit_code == 0
    assert validate_dataset(out) == []
    assert load(out).documents.iloc[0]["doc_type"] == "development_plan"


def test_every_realworld_pdf_gets_a_documents_row(tmp_path: Path) -> None:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not available")
    pdfs = sorted(p for p in REALWORLD.rglob("*") if p.suffix.lower() == ".pdf")
    out = tmp_path / "out"
    started = time.perf_counter()
    summary = execute(
        RunOptions(
            paths=[str(REALWORLD)], out_dir=out, workers=2, progress=False, report=False, doc_timeout=90
        )
    )
    elapsed = time.perf_counter() - started
    docs = load(out, all_revisions=True).documents  # same-stem files in two folders are revisions
    manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    seen = {p for entry in manifest["documents"].values() for p in entry["paths"]}
    assert {str(p) for p in pdfs} <= seen  # every file is accounted for (identical bytes share a row)
    assert set(docs["sha256"]) == set(manifest["documents"])
    assert sum(summary.statuses.values()) == len(docs)
    assert not docs["status"].isna().any()
    failed = docs[docs["status"] == "failed"]
    assert failed["error"].notna().all()
    assert not failed["error"].str.contains("Traceback").any()
    assert validate_dataset(out) == []
    # An English rule-making notice defines terms, not organisations: "Airworthiness Directive (AD)",
    # "Airplane Flight Manual (AFM)" and "angle of attack (AOA)" are not actors.
    data = load(out)
    notice = data.documents.loc[data.documents["source_path"].str.endswith("federal-register-2020-17221.pdf")]
    linked = data.mentions.loc[data.mentions["doc_id"].isin(notice["doc_id"]), "actor_id"].dropna()
    names = set(data.actors.loc[data.actors["actor_id"].isin(linked), "name"])
    assert names and not names & {
        "Airworthiness Directive",
        "Airplane Flight Manual",
        "Attack",
        "Minimum Equipment List",
    }
    print(f"realworld: {len(pdfs)} files, {len(docs)} documents, {elapsed:.1f} s, {summary.pages} pages")


def test_extract_times_every_stage() -> None:
    from pipeline.worker import Task, extract

    pdf = corpus_pdf(BYREGION)
    task = Task(source_path=str(pdf), sha256="0" * 64, document_key="b", revision=1, file_size=0, out_dir="")
    result, status, _error, n_pages, _ocr = extract(task)
    assert status == "ok" and n_pages == 6
    assert set(result.stage_seconds) == {"read", "ocr", "layout", "classify", "structure", "extract", "nlp"}
    assert all(seconds > 0 for seconds in result.stage_seconds.values())
