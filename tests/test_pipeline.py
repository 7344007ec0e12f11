"""End to end: run, bad input, incremental re-runs, revisions, time limits, Ctrl-C."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline import connect, load
from pipeline.runner import RunOptions, execute
from pipeline.worker import Task, process
from schemas.tables import TABLES
from schemas.validate import validate_dataset
from tests.conftest import ROOT, corpus_pdf

BYREGION = "byregion_sor_troms_status.pdf"
SLUTRAPPORT = "tillvaxtpaketet_ludvika_slutrapport.pdf"


def _run(paths: list[Path | str], out: Path, **kw: object) -> object:
    return execute(RunOptions(paths=[str(p) for p in paths], out_dir=out, workers=2, progress=False, **kw))  # type: ignore[arg-type]


def test_bad_files_get_failed_rows_with_clear_errors(corpus_dataset: Path) -> None:
    docs = load(corpus_dataset).documents.set_index("file_name")
    assert docs.loc["empty.pdf", "status"] == "failed"
    assert docs.loc["empty.pdf", "error"] == "empty file: 0 bytes"
    assert docs.loc["encrypted_password_secret.pdf", "error"] == "encrypted PDF: a password is required"
    assert docs.loc["png_renamed.pdf", "error"].startswith("not a PDF: the file is a PNG image")
    assert docs.loc["truncated_slutrapport.pdf", "status"] == "failed"
    assert "truncated" in docs.loc["truncated_slutrapport.pdf", "error"]
    for name in ("handlingsplan_goteborg_2019_2021.pdf", BYREGION, SLUTRAPPORT):
        assert docs.loc[name, "status"] in ("ok", "partial")
        assert docs.loc[name, "n_pages"] > 0


def test_dataset_validates_and_loads_in_pandas_and_duckdb(corpus_dataset: Path) -> None:
    assert validate_dataset(corpus_dataset) == []
    data = load(corpus_dataset)
    assert set(data.tables) == set(TABLES)
    for name in TABLES:
        assert list(data[name].columns) == [c.name for c in TABLES[name]]
    con = connect(corpus_dataset)
    n_docs = con.execute("select count(*) from documents").fetchone()[0]  # type: ignore[index]
    assert n_docs == len(data.documents) == 10
    n_act = con.execute("select count(*) from activities").fetchone()[0]  # type: ignore[index]
    assert n_act == len(data.activities)
    # the Hive layout reads directly too
    assert len(pd.read_parquet(corpus_dataset / "documents")) == 10


def test_classifier_gets_type_and_language_of_every_text_pdf(corpus_dataset: Path, corpus_dir: Path) -> None:
    docs = load(corpus_dataset).documents.set_index("file_name")
    checked = 0
    for gold_path in sorted(corpus_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("text_layer") is False:
            continue
        row = docs.loc[gold["file"]]
        assert (row["doc_type"], row["language"]) == (gold["doc_type"], gold["language"]), gold["file"]
        assert 0.5 <= row["doc_type_confidence"] <= 1.0
        checked += 1
    assert checked == 5


def test_unchanged_rerun_parses_and_rewrites_nothing(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in (BYREGION, SLUTRAPPORT):
        shutil.copy(corpus_pdf(name), raw / name)
    out = tmp_path / "out"
    first = _run([raw], out)
    assert first.statuses["ok"] + first.statuses["partial"] == 2  # type: ignore[attr-defined]
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", str(raw), "--out", str(out), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr
    assert "skipped" in proc.stdout
    assert elapsed < 2.0 + 3.0  # 2 s budget plus interpreter start-up on a loaded CI machine
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == stamps


def test_changed_bytes_become_a_new_revision_and_old_rows_stay(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    target = raw / "plan.pdf"
    shutil.copy(corpus_pdf(BYREGION), target)
    out = tmp_path / "out"
    _run([raw], out)
    first = load(out).documents
    assert list(first["revision"]) == [1]
    with open(target, "ab") as handle:  # same document, revised bytes
        handle.write(b"\n% revised\n")
    _run([raw], out)
    docs = load(out, all_revisions=True).documents.sort_values("revision")
    assert list(docs["revision"]) == [1, 2]
    assert list(docs["is_current"]) == [False, True]
    assert docs["document_key"].nunique() == 1
    current = load(out).documents
    assert list(current["revision"]) == [2]
    old_id = docs.iloc[0]["doc_id"]
    all_acts = load(out, all_revisions=True).activities
    assert (all_acts["doc_id"] == old_id).sum() == (all_acts["doc_id"] == docs.iloc[1]["doc_id"]).sum()
    assert validate_dataset(out) == []
    forced = _run([raw], out, force=True)
    assert forced.skipped == 0 and sum(forced.statuses.values()) == 1  # type: ignore[attr-defined]
    assert list(load(out, all_revisions=True).documents.sort_values("revision")["is_current"]) == [
        False,
        True,
    ]


def test_documents_another_version_extracted_are_read_again(tmp_path: Path) -> None:
    import json

    from pipeline import __version__
    from pipeline.manifest import MANIFEST_NAME

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(corpus_pdf(BYREGION), raw / "plan.pdf")
    out = tmp_path / "out"
    _run([raw], out)
    manifest_path = out / MANIFEST_NAME
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    (entry,) = manifest["documents"].values()
    assert entry["pipeline_version"] == __version__
    again = _run([raw], out)
    assert again.skipped == 1 and again.refreshed == 0  # type: ignore[attr-defined]
    entry["pipeline_version"] = "0.0.1"  # as an older release would have left it
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    before = load(out).activities
    upgraded = _run([raw], out)
    assert upgraded.skipped == 0 and upgraded.refreshed == 1  # type: ignore[attr-defined]
    docs = load(out, all_revisions=True).documents
    assert list(docs["revision"]) == [1] and bool(docs["is_current"].iloc[0])
    assert len(load(out).activities) == len(before)
    assert (
        json.loads(manifest_path.read_text(encoding="utf-8"))["documents"][docs["sha256"].iloc[0]][
            "pipeline_version"
        ]
        == __version__
    )
    assert validate_dataset(out) == []


def test_identical_bytes_under_two_paths_are_one_document(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "a").mkdir(parents=True)
    (raw / "b").mkdir()
    shutil.copy(corpus_pdf(BYREGION), raw / "a" / "x.pdf")
    shutil.copy(corpus_pdf(BYREGION), raw / "b" / "y.PDF")
    out = tmp_path / "out"
    _run([raw, raw / "a" / "x.pdf"], out)
    assert len(load(out).documents) == 1
    manifest = json.loads((out / "_manifest.json").read_text())
    (entry,) = manifest["documents"].values()
    assert len(entry["paths"]) == 2


def test_zero_page_pdf_and_vanished_file(tmp_path: Path) -> None:
    empty_pages = tmp_path / "nopages.pdf"
    empty_pages.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    out = tmp_path / "out"
    summary = _run([empty_pages], out)
    assert summary.exit_code == 2  # type: ignore[attr-defined]
    row = load(out).documents.iloc[0]
    assert row["status"] == "failed" and row["error"] == "the PDF has no pages"
    task = Task(
        source_path=str(tmp_path / "gone.pdf"),
        sha256="ab" * 32,
        document_key="gone",
        revision=1,
        file_size=10,
        out_dir=str(out),
    )
    outcome = process(task)
    assert outcome.status == "failed"
    assert outcome.error is not None and outcome.error.startswith("file not found")


def test_document_over_the_time_limit_is_stopped_and_the_rest_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = _run([corpus_pdf(SLUTRAPPORT), corpus_pdf(BYREGION)], out, doc_timeout=0.3)
    docs = load(out).documents.set_index("file_name")
    assert "time limit" in docs.loc[SLUTRAPPORT, "error"]
    assert summary.exit_code == 2  # type: ignore[attr-defined]
    assert validate_dataset(out) == []


def test_ctrl_c_keeps_written_documents_and_next_run_finishes(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    source = corpus_pdf(BYREGION).read_bytes()
    for i in range(20):  # distinct bytes, so twenty documents: a wide window for the interrupt
        (raw / f"plan_{i:02d}.pdf").write_bytes(source + f"\n% copy {i}\n".encode())
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "run",
            str(raw),
            "--out",
            str(out),
            "--quiet",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # a suite started in the background (`make test &`) inherits an ignored SIGINT; a terminal's
        # Ctrl-C is what is tested here
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.time() + 60
    while time.time() < deadline and len(list((out / "documents").glob("doc_id=*"))) < 1:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, (stdout.decode()[-2000:], stderr.decode()[-2000:])
    written = len(load(out).documents)
    assert 1 <= written < 20
    assert validate_dataset(out) == []
    summary = _run([raw], out)
    assert summary.skipped == written  # type: ignore[attr-defined]
    assert len(load(out).documents) == 20


def test_cli_schema_and_validate_report_violations(corpus_dataset: Path, tmp_path: Path) -> None:
    schema = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "schema"], cwd=ROOT, capture_output=True, text=True
    )
    assert schema.returncode == 0
    for table in TABLES:
        assert f"## {table}" in schema.stdout
    broken = tmp_path / "broken"
    shutil.copytree(corpus_dataset, broken)
    from pipeline.writer import PART_NAME, arrow_table, partition_dir, write_atomic

    doc_id = load(broken).documents.iloc[0]["doc_id"]
    bad_rows = [
        {
            "doc_id": doc_id,
            "activity_id": f"{doc_id}:999",
            "level": "chapter",
            "ordinal": 1,
            "parent_id": "nope",
        }
    ]
    write_atomic(arrow_table("activities", bad_rows), partition_dir(broken, "activities", doc_id) / PART_NAME)
    result = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "validate", str(broken)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "level='chapter'" in result.stdout
    assert "parent_id='nope'" in result.stdout


def test_the_version_runs_record_is_the_released_one() -> None:
    import tomllib

    from pipeline import __version__

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["version"] == __version__  # a release bumps both, so runs refresh


@pytest.mark.parametrize(
    ("pages", "limit"), [(0, 120.0), (1, 120.0), (100, 120.0), (101, 240.0), (339, 480.0)]
)
def test_the_time_limit_grows_with_the_pages(pages: int, limit: float) -> None:
    from pipeline.executors import time_limit

    assert time_limit(120.0, pages) == limit
