"""The `planextract` command line: run, inspect, report, diff, validate, schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from extractors.pdf.backends import DEFAULT_BACKEND

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Plan PDFs in, a Parquet dataset out.",
)
console = Console(stderr=True)
out_console = Console()

OutOption = Annotated[Path, typer.Option("--out", help="Output dataset folder.")]
BackendOption = Annotated[
    str | None,
    typer.Option("--backend", help=f"PDF reader: pdfium (fast) or pdfplumber (default: {DEFAULT_BACKEND})."),
]


@app.command()
def run(
    paths: Annotated[
        list[str] | None, typer.Argument(help="PDF files or folders (default: data/raw).")
    ] = None,
    out: OutOption = Path("data/processed"),
    workers: Annotated[int, typer.Option(help="Worker processes (0 = one per core).")] = 0,
    executor: Annotated[str, typer.Option(help="local or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (with --executor dask).")
    ] = None,
    ocr: Annotated[str, typer.Option(help="auto, never or always.")] = "auto",
    backend: BackendOption = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Re-extract documents already in the manifest (those another version wrote are re-read anyway).",
        ),
    ] = False,
    no_report: Annotated[bool, typer.Option("--no-report", help="Do not (re)build report.html.")] = False,
    doc_timeout: Annotated[
        float, typer.Option("--doc-timeout", help="Time limit in seconds per document, per 100 pages begun.")
    ] = 120.0,
    max_memory_mb: Annotated[
        int, typer.Option("--max-memory-mb", help="Per-worker memory cap (0 = none).")
    ] = 4096,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
    ner_model: Annotated[
        bool,
        typer.Option(
            "--ner-model",
            help="Also ask the organisation NER trained on the project's annotations where the rules find "
            "nothing: more organisations in text of new issuers, some of them not organisations (docs/nlp.md).",
        ),
    ] = False,
) -> None:
    """Extract every PDF under PATH into the dataset at --out."""
    from pipeline.runner import RunOptions, UsageError, execute

    if executor not in ("local", "dask"):
        _usage(f"--executor must be local or dask, not {executor!r}")
    if ocr not in ("auto", "never", "always"):
        _usage(f"--ocr must be auto, never or always, not {ocr!r}")
    _check_backend(backend)
    options = RunOptions(
        paths=paths or ["data/raw"],
        out_dir=out,
        workers=workers,
        executor=executor,
        scheduler=scheduler,
        ocr=ocr,
        backend=backend,
        force=force,
        report=not no_report,
        doc_timeout=doc_timeout,
        max_memory_mb=max_memory_mb,
        progress=not quiet,
        ner_model=ner_model,
    )
    try:
        summary = execute(options, console=console)
    except UsageError as exc:
        _usage(str(exc))
    _print_summary(summary)
    raise typer.Exit(summary.exit_code)


def _check_backend(backend: str | None) -> None:
    from extractors.pdf.reader import BACKENDS

    if backend is not None and backend not in BACKENDS:
        _usage(f"--backend must be {' or '.join(BACKENDS)}, not {backend!r}")


def _usage(message: str) -> None:
    console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(1)


def _print_summary(summary: object) -> None:
    from pipeline.runner import RunSummary

    assert isinstance(summary, RunSummary)
    table = Table(title="planextract run", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("value", justify="right")
    for status in ("ok", "partial", "failed"):
        table.add_row(f"documents {status}", str(summary.statuses.get(status, 0)))
    table.add_row("documents skipped (unchanged)", str(summary.skipped))
    if summary.known_failed:
        table.add_row("  of which failed in an earlier run", str(summary.known_failed))
    if summary.retried:
        table.add_row("documents tried again (stopped by a limit last time)", str(summary.retried))
    if summary.refreshed:
        table.add_row(
            "documents re-extracted (written by another planextract version or --ner-model setting)",
            str(summary.refreshed),
        )
    for name in sorted(summary.rows):
        table.add_row(f"rows {name}", str(summary.rows[name]))
    table.add_row("pages", str(summary.pages))
    rate = summary.pages / summary.seconds if summary.seconds > 0 else 0.0
    table.add_row("pages per second", f"{rate:.1f}")
    table.add_row("seconds", f"{summary.seconds:.1f}")
    table.add_row("output", str(summary.out_dir))
    if summary.report_path is not None:
        table.add_row("report", str(summary.report_path))
    out_console.print(table)
    for path, error in summary.failures:
        out_console.print(f"[red]failed[/red]  {path}: {error}")
    for path, error in summary.known_failures:
        out_console.print(f"[red]failed earlier[/red] {path}: {error} (unchanged; --force reads it again)")
    for path, error in summary.partials:
        out_console.print(f"[yellow]partial[/yellow] {path}: {error}")
    if summary.interrupted:
        out_console.print(
            "[yellow]interrupted:[/yellow] documents written so far are kept; run again to finish the rest"
        )


@app.command()
def inspect(
    pdf: Annotated[Path, typer.Argument(help="A PDF file.")],
    ocr: Annotated[str, typer.Option(help="auto, never or always.")] = "auto",
    password: Annotated[str | None, typer.Option(help="Password of an encrypted PDF.")] = None,
    backend: BackendOption = None,
) -> None:
    """Print what the pipeline sees: type, language, pages, blocks, headings and tables."""
    from extractors.classify import classify, words_language
    from extractors.pdf.inspect import render
    from extractors.pdf.layout import analyse
    from extractors.pdf.ocr import apply_ocr
    from extractors.pdf.reader import UnreadablePDF, read_pdf

    _check_backend(backend)
    try:
        doc = read_pdf(str(pdf), password=password, backend=backend)
    except UnreadablePDF as exc:
        console.print(f"[red]{pdf}:[/red] {exc}")
        raise typer.Exit(2) from None
    apply_ocr(doc, str(pdf), mode=ocr)
    layout = analyse(doc, words_language(doc))
    info = classify(layout)
    out_console.print(render(layout, info), markup=False, highlight=False)


@app.command()
def report(out: OutOption = Path("data/processed")) -> None:
    """(Re)build OUT/report.html, the page-by-page quality report."""
    from pipeline.report import build_report

    if not (out / "documents").exists():
        _usage(f"{out} holds no dataset (run `planextract run` first)")
    path = build_report(out)
    out_console.print(f"wrote {path}")


@app.command()
def diff(
    document_key: Annotated[str, typer.Argument(help="document_key (see the documents table).")],
    out: OutOption = Path("data/processed"),
) -> None:
    """What changed between the last two revisions of a document."""
    from pipeline.diff import diff_revisions

    try:
        text = diff_revisions(out, document_key)
    except LookupError as exc:
        _usage(str(exc))
    out_console.print(text, markup=False, highlight=False)


@app.command()
def validate(path: Annotated[Path, typer.Argument(help="Dataset folder.")] = Path("data/processed")) -> None:
    """Check a dataset against the schema; exits non-zero and lists each violation."""
    from schemas.validate import validate_dataset

    problems = validate_dataset(path)
    if problems:
        for problem in problems:
            out_console.print(f"- {problem}", markup=False, highlight=False)
        out_console.print(f"{len(problems)} violation(s) in {path}", markup=False)
        raise typer.Exit(1)
    out_console.print(f"{path}: valid", markup=False)


@app.command()
def schema() -> None:
    """Print the data dictionary (Markdown)."""
    from schemas.dictionary import data_dictionary

    sys.stdout.write(data_dictionary())


def main() -> None:
    app()


if __name__ == "__main__":
    main()
