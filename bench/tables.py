"""Table-layer benchmark: our layout tables against camelot (lattice, stream) and pdfplumber.

For every corpus PDF with a gold file whose activities carry table cell texts, each
method extracts all tables; we count the share of gold cell texts (titles, dates,
responsible, participants, expected outcome) that come out as one cell's whole text
(compared the gold's way: NFC, soft hyphens removed, whitespace collapsed), and the time
per page. Competitors' cell text keeps its line breaks as printed; a second figure
applies our dehyphenation to their lines too, to separate cell finding from text repair.

    python bench/tables.py --corpus ../shared/corpus --out docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("title", "start_raw", "end_raw", "responsible_raw", "participants_raw", "expected_outcome_raw")


def norm(text: object) -> str:
    value = unicodedata.normalize("NFC", str(text or "")).replace("\u00ad", "")
    return re.sub(r"\s+", " ", value).strip()


@dataclass
class Result:
    method: str
    document: str
    found: int
    total: int
    repaired: int
    pages: int
    seconds: float
    text_layer: bool = True


# rows that plans print as table rows; a development plan's areas and timeline steps come from slides
TABLE_LEVELS = {
    "action_plan": {"area", "effort", "activity", "subactivity", "goal", "strategy", "measure"},
    "development_plan": {"goal", "strategy", "measure"},
}


def gold_cells(gold: dict[str, object]) -> list[str]:
    cells: list[str] = []
    levels = TABLE_LEVELS.get(str(gold.get("doc_type")), set())
    for activity in gold.get("activities", []) or []:  # type: ignore[union-attr]
        if activity.get("level") not in levels:  # type: ignore[union-attr]
            continue
        fields = list(FIELDS)
        if activity.get("timeline_raw"):  # type: ignore[union-attr]
            # one printed "2018-2020" cell that the gold splits into start and end
            fields = [f for f in fields if f not in ("start_raw", "end_raw")] + ["timeline_raw"]
        for field in fields:
            value = activity.get(field)  # type: ignore[union-attr]
            if value:
                cells.append(norm(value))
    return cells


def ours(pdf: Path) -> tuple[list[list[str]], int]:
    from extractors.pdf.layout import analyse
    from extractors.pdf.ocr import apply_ocr
    from extractors.pdf.reader import read_pdf

    doc = read_pdf(str(pdf))
    apply_ocr(doc, str(pdf), mode="auto")
    layout = analyse(doc)
    cells = []
    for table in layout.tables:
        for cell in table.cells:
            cells.append([cell.text, *cell.paragraphs])
    return cells, doc.n_pages


def _lines_cells(rows: list[list[str | None]]) -> list[list[str]]:
    return [[c or ""] for row in rows for c in row]


def camelot_flavor(flavor: str) -> Callable[[Path], tuple[list[list[str]], int]]:
    def run(pdf: Path) -> tuple[list[list[str]], int]:
        import camelot
        import pdfplumber

        with pdfplumber.open(pdf) as handle:
            n_pages = len(handle.pages)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tables = camelot.read_pdf(str(pdf), pages="all", flavor=flavor)
        cells: list[list[str]] = []
        for table in tables:
            cells.extend(_lines_cells(table.df.values.tolist()))
        return cells, n_pages

    return run


def pdfplumber_default(pdf: Path) -> tuple[list[list[str]], int]:
    import pdfplumber

    cells: list[list[str]] = []
    with pdfplumber.open(pdf) as handle:
        for page in handle.pages:
            for table in page.extract_tables():
                cells.extend(_lines_cells(table))
            page.flush_cache()
        return cells, len(handle.pages)


OURS = "planextract layout"

METHODS: dict[str, Callable[[Path], tuple[list[list[str]], int]]] = {
    OURS: ours,
    "camelot lattice": camelot_flavor("lattice"),
    "camelot stream": camelot_flavor("stream"),
    "pdfplumber extract_tables": pdfplumber_default,
}


def score(cells: list[list[str]], gold: list[str]) -> tuple[int, int]:
    from extractors.pdf.dehyphen import join_lines

    plain = {norm(text) for group in cells for text in group}
    repaired = set(plain)
    for group in cells:
        repaired.add(norm(join_lines(group[0].splitlines())))
    return sum(1 for g in gold if g in plain), sum(1 for g in gold if g in repaired)


def has_text_layer(pdf: Path) -> bool:
    from extractors.pdf.reader import read_pdf

    return any(page.words for page in read_pdf(str(pdf)).pages)


def run(corpus: Path) -> list[Result]:
    from extractors.pdf import dehyphen

    preload = getattr(dehyphen, "preload", None)
    if callable(preload):
        preload()  # word lists load once per process, as in a pipeline worker
    dehyphen.join_lines(["Grundskole-", "förvaltningen"])
    results: list[Result] = []
    golds = sorted(corpus.glob("*.gold.json"))
    if golds:  # imports and first-call set-up of every method, untimed, so no one pays it in a figure
        first = golds[0].with_name(golds[0].name.replace(".gold.json", ".pdf"))
        for method in METHODS.values():
            with contextlib.suppress(Exception):
                method(first)
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        wanted = gold_cells(gold)
        if not wanted:
            continue
        pdf = gold_path.with_name(gold_path.name.replace(".gold.json", ".pdf"))
        text_layer = has_text_layer(pdf)
        for name, method in METHODS.items():
            started = time.perf_counter()
            try:
                cells, pages = method(pdf)
            except Exception as exc:  # a competitor failing on a file is a result too
                print(f"{name} failed on {pdf.name}: {exc}", file=sys.stderr)
                cells, pages = [], 1
            seconds = time.perf_counter() - started
            found, repaired = score(cells, wanted)
            results.append(Result(name, pdf.name, found, len(wanted), repaired, pages, seconds, text_layer))
            print(f"{pdf.name:45} {name:26} {found}/{len(wanted)} {seconds:6.2f}s", file=sys.stderr)
    return results


def render(results: list[Result]) -> str:
    lines = [
        "# Table benchmark",
        "",
        "Share of gold table cell texts (activity title, start, end, responsible, participants,",
        "expected outcome) recovered as one cell's exact text, and seconds per page, on the",
        "sample corpus. `repaired` applies planextract's dehyphenation to every method's",
        "cell lines, which separates finding the cells from repairing their text.",
        "Every method runs once untimed first (imports, first-call set-up); planextract reads",
        "with its default PDF backend. Produced by `make bench` (`bench/tables.py`); figures",
        "are from the last run.",
        "",
        "| document | method | exact | repaired | cells | s/page |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.document} | {r.method} | {r.found / r.total:.3f} | {r.repaired / r.total:.3f} "
            f"| {r.total} | {r.seconds / max(r.pages, 1):.3f} |"
        )
    lines += _summary("All documents", results)
    lines += _summary("Text-layer documents (no OCR)", [r for r in results if r.text_layer])
    lines += [
        "",
        "## Per document",
        "",
        "Best method: most exact cells, then the fastest. Time ratio: planextract's seconds per",
        "page over pdfplumber `extract_tables`' (planextract's include reading the page model,",
        "layout and, on scans, OCR).",
        "",
        "| document | best method | planextract exact | best other exact | time ratio |",
        "|---|---|---|---|---|",
    ]
    for document in dict.fromkeys(r.document for r in results):
        rows = [r for r in results if r.document == document]
        best = max(rows, key=lambda r: (r.found, -r.seconds))
        ours_row = next(r for r in rows if r.method == OURS)
        others = [r for r in rows if r.method != OURS]
        plumber = next((r for r in rows if r.method == "pdfplumber extract_tables"), None)
        ratio = f"{ours_row.seconds / plumber.seconds:.2f}" if plumber and plumber.seconds else "–"
        lines.append(
            f"| {document} | {best.method} | {ours_row.found / ours_row.total:.3f} | "
            f"{max(r.found for r in others) / ours_row.total:.3f} | {ratio} |"
        )
    return "\n".join(lines) + "\n"


def _summary(title: str, results: list[Result]) -> list[str]:
    lines = ["", f"## {title}", "", "| method | exact | repaired | s/page |", "|---|---|---|---|"]
    for method in METHODS:
        rows = [r for r in results if r.method == method]
        total = sum(r.total for r in rows) or 1
        pages = sum(r.pages for r in rows) or 1
        lines.append(
            f"| {method} | {sum(r.found for r in rows) / total:.3f} | "
            f"{sum(r.repaired for r in rows) / total:.3f} | {sum(r.seconds for r in rows) / pages:.3f} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    table = render(run(args.corpus))
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
