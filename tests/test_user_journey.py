"""What a user meets around the data: direct reading of the folders, passwords, exit codes, the
run summary, the report, `inspect --page`, the Dask executor's noise, help and schema output.

Small PDFs are built here with reportlab; one dataset (a plan, a plan without a table, an
encrypted plan, then a revision of the plan) is written once and read by several tests."""

from __future__ import annotations

import re
import socket
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import load
from pipeline.cli import app, parse_pages, with_boxes
from pipeline.report import build_report, pdf_href
from pipeline.runner import RunSummary
from pipeline.worker import Outcome, Task, process

pytest.importorskip("reportlab")

ROOT = Path(__file__).resolve().parents[1]
ROWS = [
    ("Nr", "Aktivitet", "Ansvarig", "Tidplan"),
    ("1", "Kartlägga behovet av lokaler för föreningslivet", "Fritidsförvaltningen", "2026"),
    ("2", "Införa digital bokning av idrottshallar", "Fritidsenheten", "2027"),
]


def _plan(path: Path, password: str | None = None, table: bool = True) -> None:
    """A two-page plan: title, issuer, a sentence and (or not) a ruled table of two actions."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    width, height = A4
    encrypt = StandardEncryption(password, canPrint=1) if password else None
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    c.setFont("Helvetica", 16)
    c.drawString(50, height - 60, "Handlingsplan fritid 2026")
    c.setFont("Helvetica", 10)
    c.drawString(50, height - 80, "Lessebo kommun")
    c.drawString(
        50, height - 100, "Handlingsplanen gäller 2026–2027 och beslutas av kultur- och fritidsnämnden."
    )
    if table:
        cols, top = [50, 80, 330, 470, 560], height - 130
        for i, row in enumerate(ROWS):
            for x, text in zip(cols, row, strict=False):
                c.drawString(x + 3, top - 18 * i - 12, text)
        for i in range(len(ROWS) + 1):
            c.line(cols[0], top - 18 * i, cols[-1], top - 18 * i)
        for x in cols:
            c.line(x, top, x, top - 18 * len(ROWS))
    else:
        for i in range(5):
            c.drawString(
                50, height - 140 - 14 * i, "Kommunen arbetar vidare med fritidsfrågor under planperioden."
            )
    c.showPage()
    c.setFont("Helvetica", 10)
    c.drawString(50, height - 60, "Uppföljning")
    c.drawString(50, height - 80, "Planen följs upp årligen av nämnden.")
    c.save()


def _cli(args: list[str], env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, args, env={"COLUMNS": "200", **(env or {})})


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """raw/ and out/ side by side: run, run again unchanged, then revise the plan and give the password."""
    root = tmp_path_factory.mktemp("journey")
    raw = root / "raw"
    raw.mkdir()
    _plan(raw / "plan.pdf")
    _plan(raw / "utan_tabell.pdf", table=False)
    _plan(raw / "last.pdf", password="hemligt")
    out = root / "out"
    base = ["run", str(raw), "--out", str(out), "--quiet", "--workers", "1", "--ocr", "never"]
    first = _cli(base, env={"PLANEXTRACT_PASSWORD": ""})
    again = _cli([*base, "--no-report"], env={"PLANEXTRACT_PASSWORD": ""})
    with open(raw / "plan.pdf", "ab") as handle:
        handle.write(b"\n% revised\n")
    third = _cli(base, env={"PLANEXTRACT_PASSWORD": "hemligt"})
    return {"root": root, "raw": raw, "out": out, "first": first, "again": again, "third": third}


def test_an_encrypted_pdf_says_how_to_give_the_password_and_opens_with_it(journey: dict[str, Any]) -> None:
    first = journey["first"]
    assert first.exit_code == 2, first.output
    assert "last.pdf: encrypted PDF: a password is required" in first.output
    assert "--password or the PLANEXTRACT_PASSWORD environment variable" in first.output
    # The environment variable is read by `run`, the file unchanged is tried again and now opens.
    third = journey["third"]
    assert third.exit_code == 0, third.output
    docs = load(journey["out"]).documents.set_index("file_name")
    assert docs.loc["last.pdf", "status"] == "ok"
    assert docs.loc["last.pdf", "title"] and docs.loc["last.pdf", "n_pages"] == 2
    assert "hemligt" not in (journey["out"] / "_manifest.json").read_text(encoding="utf-8")


def test_a_wrong_password_is_named_as_such(tmp_path: Path) -> None:
    _plan(tmp_path / "last.pdf", password="hemligt")
    task = Task(
        source_path=str(tmp_path / "last.pdf"),
        sha256="ab" * 32,
        document_key="last",
        revision=1,
        file_size=1,
        out_dir=str(tmp_path / "out"),
        password="fel",
    )
    outcome = process(task)
    assert outcome.status == "failed"
    assert outcome.error == "encrypted PDF: the password given does not open it"


def test_an_unchanged_earlier_failure_is_one_line_and_no_alert(journey: dict[str, Any]) -> None:
    again = journey["again"]
    assert again.exit_code == 0, again.output  # nothing failed in this run
    lines = [line for line in again.output.splitlines() if "failed earlier" in line]
    assert len(lines) == 1 and "1 unchanged document(s)" in lines[0] and "last.pdf" in again.output
    assert "--password" in again.output


def test_the_summary_counts_warnings_and_new_revisions_apart(journey: dict[str, Any]) -> None:
    first, third = journey["first"].output, journey["third"].output
    assert re.search(r"new documents\s*│\s*3", first)
    assert re.search(r"documents with warnings\s*│\s*1", first)
    assert "warning utan_tabell.pdf: no activities found" in first
    assert "every warning is in report.html (warnings column)" in first
    # The revised plan is a new revision, not a new document; the password opens last.pdf again.
    assert re.search(r"new documents\s*│\s*0", third)
    assert re.search(r"new revisions of known documents\s*│\s*1", third)
    assert re.search(r"tried again.*│\s*1", third)


def test_pages_per_second_leaves_start_up_out() -> None:
    summary = RunSummary(out_dir=Path("."), pages=1, seconds=20.0, extract_seconds=0.2)
    assert summary.pages_per_second is None  # too short to measure: shown as "–"
    summary.extract_seconds = 2.0
    assert summary.pages_per_second == 0.5  # not 1 / 20 s of wall time


def test_warnings_of_this_run_are_counted() -> None:
    from pipeline.runner import _count

    summary = RunSummary(out_dir=Path("."))
    _count(summary, Outcome(doc_id="a", source_path="a.pdf", status="ok", warnings=["no activities found"]))
    _count(summary, Outcome(doc_id="b", source_path="b.pdf", status="ok"))
    assert summary.warned == [("a.pdf", ["no activities found"])]


def test_reading_the_folders_directly_as_the_readme_says_keeps_current_rows(journey: dict[str, Any]) -> None:
    """The README's direct-reading snippets, run as written on a dataset holding an old revision."""
    out = journey["out"]
    current = load(out).activities
    everything = pd.read_parquet(out / "activities")
    assert len(everything) > len(current) > 0  # the old revision's rows are on disk too
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Reading the folders directly") :]
    python = re.search(r"```python\n(.*?)```", section, re.S)
    sql = re.search(r"```sql\n(.*?)```", section, re.S)
    assert python and sql
    pytest.importorskip("polars")
    code = python.group(1).replace("data/processed", str(out))
    pandas_part, polars_part = code.split("import polars as pl")
    scope: dict[str, Any] = {}
    exec(pandas_part, scope)  # noqa: S102 - the README's own lines
    assert sorted(scope["acts"]["activity_id"]) == sorted(current["activity_id"])
    exec("import polars as pl" + polars_part, scope)  # noqa: S102
    assert scope["acts"].height == len(current)
    duckdb = pytest.importorskip("duckdb")
    query = "\n".join(line for line in sql.group(1).splitlines() if not line.startswith("--"))
    assert len(duckdb.sql(query.replace("data/processed", str(out))).df()) == len(current)
    # The pyarrow.dataset line the README gives reads every file without a type clash.
    import pyarrow.dataset as ds

    match = re.search(
        r'`(pyarrow\.dataset\.dataset\("data/processed/activities", format="parquet"\))`', readme
    )
    assert match
    table = ds.dataset(str(out / "activities"), format="parquet").to_table()
    assert table.num_rows == len(everything)
    hive = ds.dataset(
        str(out / "activities"),
        format="parquet",
        partitioning=ds.HivePartitioning.discover(infer_dictionary=True),
    )
    assert hive.to_table().num_rows == len(everything)


def test_the_report_gives_position_relative_links_numbers_and_warnings(journey: dict[str, Any]) -> None:
    out = journey["out"]
    html = build_report(out).read_text(encoding="utf-8")
    # relative links: raw/ beside out/ under one project folder
    assert 'href="../raw/plan.pdf#page=1"' in html and "file://" not in html
    assert "Page links are relative to this folder." in html
    # each activity with its page and box
    assert re.search(r"<td>p\. 1 @\d+,\d+,\d+,\d+</td><td>1</td>", html)
    # numbers as a reader writes them
    assert "<tr><th>n_pages</th><td>2</td></tr>" in html
    assert re.search(r"<tr><th>doc_type_confidence</th><td>0\.\d\d</td></tr>", html)
    assert ".0<" not in html
    # the overview has a warnings column that names the document's warning
    assert "<th>warnings</th></tr>" in html
    row = re.search(r"utan_tabell\.pdf</a>.*?</tr>", html)
    assert row and "no activities found" in row.group(0)


def test_a_pdf_out_of_relative_reach_keeps_an_absolute_link(tmp_path: Path) -> None:
    assert pdf_href(str(tmp_path / "raw" / "a b.pdf"), tmp_path / "out") == "../raw/a%20b.pdf"
    assert pdf_href(str(tmp_path / "out" / "pdf" / "a.pdf"), tmp_path / "out") == "pdf/a.pdf"
    assert pdf_href("/srv/archive/a.pdf", Path("/home/analyst/out")) == "file:///srv/archive/a.pdf"


def test_inspect_shows_chosen_pages_with_block_boxes(journey: dict[str, Any]) -> None:
    pdf = journey["raw"] / "plan.pdf"
    result = _cli(["inspect", str(pdf), "--page", "2"])
    assert result.exit_code == 0, result.output
    assert "=== page 2" in result.output and "=== page 1" not in result.output
    assert "[595x842 pt]" in result.output
    assert re.search(
        r"\[heading h\d @\d+,\d+,\d+,\d+\] Uppföljning|\[\w+ @\d+,\d+,\d+,\d+\] Uppföljning", result.output
    )
    both = _cli(["inspect", str(pdf), "-p", "1-2"])
    assert "=== page 1" in both.output and "=== page 2" in both.output
    assert re.search(r"table p1-1 \dx4 .*@\d+,\d+,\d+,\d+", both.output)
    bad = _cli(["inspect", str(pdf), "--page", "zwei"])
    assert bad.exit_code == 1 and "not a page list" in bad.output
    locked = _cli(["inspect", str(journey["raw"] / "last.pdf")], env={"PLANEXTRACT_PASSWORD": ""})
    assert locked.exit_code == 2 and "--password" in locked.output
    opened = _cli(
        ["inspect", str(journey["raw"] / "last.pdf"), "-p", "1"], env={"PLANEXTRACT_PASSWORD": "hemligt"}
    )
    assert opened.exit_code == 0 and "Handlingsplan fritid 2026" in opened.output


def test_page_lists_and_boxes_on_render_lines() -> None:
    assert parse_pages("3") == {3}
    assert parse_pages("1,4, 7-9") == {1, 4, 7, 8, 9}
    for bad in ("0", "5-2", "a", ""):
        with pytest.raises(ValueError):
            parse_pages(bad)

    class _B:
        bbox = (10.4, 20.0, 300.0, 40.6)

    class _P:
        number, width, height, blocks, tables = 4, 595.0, 842.0, [_B()], []

    text = "=== page 4 (printed 3)\n  [text] Hej\n  footer: x"
    assert (
        with_boxes(text, [_P()])
        == "=== page 4 (printed 3)  [595x842 pt]\n  [text @10,20,300,41] Hej\n  footer: x"
    )


def test_help_and_schema_print_no_type_labels_or_repeated_lists() -> None:
    for command in ("run", "inspect", "report"):
        text = _cli([command, "--help"]).output
        assert "<bool>" not in text and "<list[str]>" not in text and "<str>" not in text, text
    run_help = _cli(["run", "--help"]).output
    assert "--password" in run_help and "PLANEXTRACT_PASSWORD" in run_help
    schema = _cli(["schema"]).output
    doc_type = next(line for line in schema.splitlines() if line.startswith("| doc_type |"))
    assert doc_type.count("final_report") == 1
    theme = next(line for line in schema.splitlines() if line.startswith("| theme |"))
    assert "one of: `competence_supply`" in theme  # a list the meaning does not spell out stays


def test_a_local_dask_cluster_is_quiet_when_port_8787_is_taken(capfd: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("dask.distributed")
    from dask.distributed import Client

    from pipeline.executors import local_cluster

    blocker = socket.socket()
    blocker.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        blocker.bind(("0.0.0.0", 8787))
        blocker.listen()
    except OSError:
        pass  # something else holds it already: the same situation
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            cluster = local_cluster(1)
            client = Client(cluster)
            assert client.submit(sum, [1, 2]).result() == 3
            client.close()
            cluster.close()
    finally:
        blocker.close()
    messages = [str(w.message) for w in caught] + capfd.readouterr().err.splitlines()
    assert not [m for m in messages if "already in use" in m or "still alive" in m or "killing" in m]
