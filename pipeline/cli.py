"""The `planextract` command line: run, inspect, report, diff, validate, schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core
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

OutOption = Annotated[Path, typer.Option("--out", metavar="DIR", help="Output dataset folder.")]
BackendOption = Annotated[
    str | None,
    typer.Option(
        "--backend",
        metavar="pdfium|pdfplumber",
        help=f"PDF reader: pdfium (fast) or pdfplumber (default: {DEFAULT_BACKEND}).",
    ),
]
PASSWORD_ENV = "PLANEXTRACT_PASSWORD"
PasswordOption = Annotated[
    str | None,
    typer.Option(
        "--password",
        metavar="PW",
        envvar=PASSWORD_ENV,
        show_envvar=True,
        help=f"Password of encrypted PDFs, tried on each (or set {PASSWORD_ENV}, "
        "which stays out of the shell history).",
    ),
]


class _Command(typer.core.TyperCommand):
    """Help without type labels: a flag shows none, an argument or option its metavar."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
            if param.param_type_name == "argument" and hasattr(param, "display_type_rich"):
                param.display_type_rich = lambda ctx: ""
        return params


@app.command(cls=_Command)
def run(
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH", help="PDF files or folders (default: data/raw).")
    ] = None,
    out: OutOption = Path("data/processed"),
    workers: Annotated[int, typer.Option(metavar="N", help="Worker processes (0 = one per core).")] = 0,
    executor: Annotated[str, typer.Option(metavar="local|dask", help="local or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(metavar="ADDR", help="Dask scheduler address (with --executor dask).")
    ] = None,
    ocr: Annotated[str, typer.Option(metavar="auto|never|always", help="auto, never or always.")] = "auto",
    backend: BackendOption = None,
    password: PasswordOption = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Re-extract documents already in the manifest (those another version wrote are re-read anyway).",
        ),
    ] = False,
    no_report: Annotated[bool, typer.Option("--no-report", help="Do not (re)build report.html.")] = False,
    doc_timeout: Annotated[
        float,
        typer.Option(
            "--doc-timeout", metavar="S", help="Time limit in seconds per document, per 100 pages begun."
        ),
    ] = 120.0,
    max_memory_mb: Annotated[
        int, typer.Option("--max-memory-mb", metavar="MB", help="Per-worker memory cap (0 = none).")
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
        password=password or None,
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


ENCRYPTED_HINT = f"give the password with --password or the {PASSWORD_ENV} environment variable"
SHOWN_WARNINGS = 3  # documents with warnings named in the summary; the report lists them all


def failure_text(error: str) -> str:
    """A failure as the user reads it: what to do about an encrypted file is said beside it."""
    if error.startswith("encrypted PDF") and "password given" not in error:
        return f"{error} ({ENCRYPTED_HINT})"
    return error


def _print_summary(summary: object) -> None:
    from pipeline.runner import RunSummary

    assert isinstance(summary, RunSummary)
    table = Table(title="planextract run", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("value", justify="right")
    for status in ("ok", "partial", "failed"):
        table.add_row(f"documents {status}", str(summary.statuses.get(status, 0)))
    if summary.new_documents or summary.new_revisions:
        table.add_row("  new documents", str(summary.new_documents))
        table.add_row("  new revisions of known documents", str(summary.new_revisions))
    table.add_row("documents with warnings", str(len(summary.warned)))
    table.add_row("documents skipped (unchanged)", str(summary.skipped))
    if summary.known_failed:
        table.add_row("  of which failed in an earlier run", str(summary.known_failed))
    if summary.retried:
        table.add_row(
            "documents tried again (a limit stopped them last time, or a password was given)",
            str(summary.retried),
        )
    if summary.refreshed:
        table.add_row(
            "documents re-extracted (written by another planextract version or --ner-model setting)",
            str(summary.refreshed),
        )
    for name in sorted(summary.rows):
        table.add_row(f"rows {name}", str(summary.rows[name]))
    table.add_row("pages", str(summary.pages))
    rate = summary.pages_per_second
    table.add_row("pages per second (extraction)", "–" if rate is None else f"{rate:.1f}")
    table.add_row("seconds", f"{summary.seconds:.1f}")
    table.add_row("output", str(summary.out_dir))
    if summary.report_path is not None:
        table.add_row("report", str(summary.report_path))
    out_console.print(table)
    for path, error in summary.failures:
        out_console.print(f"[red]failed[/red]  {path}: {failure_text(error)}", highlight=False)
    for path, error in summary.partials:
        out_console.print(f"[yellow]partial[/yellow] {path}: {error}", highlight=False)
    for path, warnings in summary.warned[:SHOWN_WARNINGS]:
        more = f" (+{len(warnings) - 1} more)" if len(warnings) > 1 else ""
        out_console.print(f"[yellow]warning[/yellow] {Path(path).name}: {warnings[0]}{more}", highlight=False)
    if summary.warned:
        rest = len(summary.warned) - SHOWN_WARNINGS
        where = "report.html (warnings column)" if summary.report_path is not None else "documents.warnings"
        lead = f"… and {rest} more document(s) with warnings; " if rest > 0 else ""
        out_console.print(f"{lead}every warning is in {where}", highlight=False)
    if summary.known_failures:
        names = ", ".join(Path(path).name for path, _ in summary.known_failures[:SHOWN_WARNINGS])
        unnamed = len(summary.known_failures) - SHOWN_WARNINGS
        names += f" and {unnamed} more" if unnamed > 0 else ""
        hint = (
            f"; encrypted ones open with --password or {PASSWORD_ENV}"
            if any(e.startswith("encrypted PDF") for _, e in summary.known_failures)
            else ""
        )
        out_console.print(
            f"[red]failed earlier[/red] {len(summary.known_failures)} unchanged document(s), not counted in "
            f"the exit code: {names} (errors in documents.error and the report; --force reads them "
            f"again{hint})",
            highlight=False,
        )
    if summary.interrupted:
        out_console.print(
            "[yellow]interrupted:[/yellow] documents written so far are kept; run again to finish the rest"
        )


@app.command(cls=_Command)
def inspect(
    pdf: Annotated[Path, typer.Argument(metavar="FILE.pdf", help="A PDF file.")],
    page: Annotated[
        str | None,
        typer.Option(
            "--page",
            "-p",
            metavar="PAGES",
            help="Only these pages: 3, 2-5, 1,4,7-9 (1-based; the whole document is still read).",
        ),
    ] = None,
    ocr: Annotated[str, typer.Option(metavar="auto|never|always", help="auto, never or always.")] = "auto",
    password: PasswordOption = None,
    backend: BackendOption = None,
) -> None:
    """Print what the pipeline sees: type, language, pages, blocks with their boxes, headings and tables.

    Each block and table line carries its box as @x0,top,x1,bottom in PDF points (origin top
    left), the coordinates of the dataset's bbox columns."""
    import dataclasses

    from extractors.classify import classify, words_language
    from extractors.pdf.inspect import render
    from extractors.pdf.layout import analyse
    from extractors.pdf.ocr import apply_ocr
    from extractors.pdf.reader import UnreadablePDF, read_pdf

    _check_backend(backend)
    wanted = None
    if page is not None:
        try:
            wanted = parse_pages(page)
        except ValueError as exc:
            _usage(f"--page: {exc}")
    try:
        doc = read_pdf(str(pdf), password=password or None, backend=backend)
    except UnreadablePDF as exc:
        console.print(f"[red]{pdf}:[/red] {failure_text(str(exc))}", highlight=False)
        raise typer.Exit(2) from None
    apply_ocr(doc, str(pdf), mode=ocr)
    layout = analyse(doc, words_language(doc))
    info = classify(layout)  # on the whole document, as the pipeline does
    pages = layout.pages
    if wanted is not None:
        missing = sorted(n for n in wanted if n > len(layout.pages))
        if missing and len(missing) == len(wanted):
            _usage(f"--page: the document has {len(layout.pages)} page(s)")
        pages = [p for p in layout.pages if p.number in wanted]
    text = render(dataclasses.replace(layout, pages=pages), info)
    out_console.print(with_boxes(text, pages), markup=False, highlight=False)


def parse_pages(spec: str) -> set[int]:
    """'3', '2-5', '1,4,7-9' -> the 1-based page numbers."""
    numbers: set[int] = set()
    for part in spec.replace(" ", "").split(","):
        if not part:
            continue
        first, _, last = part.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise ValueError(f"{spec!r} is not a page list like 3, 2-5 or 1,4,7-9")
        low, high = int(first), int(last or first)
        if low < 1 or high < low:
            raise ValueError(f"{part!r} is not a range of pages from 1 up")
        numbers.update(range(low, high + 1))
    if not numbers:
        raise ValueError("no page given")
    return numbers


def _box(bbox: Any) -> str:
    return "@" + ",".join(f"{v:.0f}" for v in bbox)


def with_boxes(text: str, pages: list[Any]) -> str:
    """Add each block's and table's box to the lines `render` printed for it, in page order:
    a page's block lines ('  [kind] text') and table lines ('  table p…') come in the order of
    its blocks and tables; the page header line gets the page size."""
    by_number = {p.number: p for p in pages}
    out: list[str] = []
    blocks: list[Any] = []
    tables: list[Any] = []
    for line in text.split("\n"):
        if line.startswith("=== page "):
            number = line[len("=== page ") :].split(" ", 1)[0]
            current = by_number.get(int(number)) if number.isdigit() else None
            blocks = list(current.blocks) if current is not None else []
            tables = list(current.tables) if current is not None else []
            if current is not None:
                line += f"  [{current.width:.0f}x{current.height:.0f} pt]"
        elif line.startswith("  [") and blocks:
            tag_end = line.find("] ")
            if tag_end > 0:
                line = f"{line[:tag_end]} {_box(blocks.pop(0).bbox)}{line[tag_end:]}"
        elif line.startswith("  table p") and tables:
            line += f" {_box(tables.pop(0).bbox)}"
        out.append(line)
    return "\n".join(out)


@app.command(cls=_Command)
def report(out: OutOption = Path("data/processed")) -> None:
    """(Re)build OUT/report.html, the page-by-page quality report."""
    from pipeline.report import build_report

    if not (out / "documents").exists():
        _usage(f"{out} holds no dataset (run `planextract run` first)")
    path = build_report(out)
    out_console.print(f"wrote {path}")


@app.command(cls=_Command)
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


@app.command(cls=_Command)
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


@app.command(cls=_Command)
def schema() -> None:
    """Print the data dictionary (Markdown)."""
    from schemas.dictionary import data_dictionary

    sys.stdout.write(without_repeated_values(data_dictionary()))


def without_repeated_values(markdown: str) -> str:
    """Drop a column's '— one of: `a`, `b`' list where its meaning already names every value."""
    import re

    lines = []
    for line in markdown.splitlines(keepends=True):
        head, sep, listed = line.partition(" — one of: ")
        if sep:
            values = re.findall(r"`([^`]+)`", listed)
            meaning = head.rsplit("|", 1)[-1]
            if values and all(re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", meaning) for v in values):
                line = head + " |" + listed.split(" |", 1)[1] if " |" in listed else head + "\n"
        lines.append(line)
    return "".join(lines)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
