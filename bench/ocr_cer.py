"""Character error rate of OCR against the digital pages a scan was made from.

For every corpus PDF whose gold lists `pages` with `source_file`/`source_page`, the scan
page (OCR'd) and its source page each go alone through the same layout, and the text of
their blocks and table cells is taken top to bottom, left to right. Both texts are whitespace-normalised
(NFC, soft hyphens removed, whitespace collapsed) and CER = Levenshtein distance /
length of the digital text (rapidfuzz.distance.Levenshtein). Word recall (share of the
digital page's words found in the OCR text, as a multiset) is printed next to it, since
reading order differences count in the CER but not there.

    python bench/ocr_cer.py --corpus ../shared/corpus --out docs/ocr.md
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.pdf.layout import analyse  # noqa: E402
from extractors.pdf.model import ParsedDocument  # noqa: E402
from extractors.pdf.ocr import apply_ocr  # noqa: E402
from extractors.pdf.reader import read_pdf  # noqa: E402


def norm(text: object) -> str:
    value = unicodedata.normalize("NFC", str(text or "")).replace("\u00ad", "")
    return re.sub(r"\s+", " ", value).strip()


@dataclass
class PageScore:
    document: str
    page: int
    source: str
    source_page: int
    distance: int
    length: int
    words_found: int
    words: int

    @property
    def cer(self) -> float:
        return self.distance / self.length if self.length else 0.0

    @property
    def word_recall(self) -> float:
        return self.words_found / self.words if self.words else 1.0


def page_text(doc: ParsedDocument, number: int) -> str:
    """The text of one page read alone, top to bottom: blocks and table cells by position.

    The page goes through the layout on its own, so neither side has rows joined across
    page breaks or repeated headers removed: what differs is what OCR read. Blocks and
    cells are ordered by their top (in 4 pt steps) and left edge, so a note that one side
    keeps as a table row and the other as a block lands in the same place.
    """
    single = ParsedDocument(path=doc.path, pages=[doc.pages[number - 1]])
    page = analyse(single).pages[0]
    units: list[tuple[float, float, str]] = [(b.bbox[1], b.bbox[0], b.text) for b in page.blocks]
    for table in page.tables:
        units.extend((c.bbox[1], c.bbox[0], c.text) for c in table.cells)
    units.sort(key=lambda u: (round(u[0] / 4), u[1]))
    parts = [page.header, *(text for _top, _left, text in units), page.footer]
    return norm(" ".join(p for p in parts if p))


def parsed(path: Path, ocr: bool) -> ParsedDocument:
    doc = read_pdf(str(path))
    if ocr:
        apply_ocr(doc, str(path))
    return doc


def score(corpus: Path) -> tuple[list[PageScore], float]:
    from rapidfuzz.distance import Levenshtein

    scores: list[PageScore] = []
    ocr_seconds = 0.0
    sources: dict[str, ParsedDocument] = {}
    for gold_path in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pages = [p for p in gold.get("pages") or [] if p.get("source_file") and p.get("source_page")]
        if not pages:
            continue
        scan = gold_path.with_name(gold_path.name.replace(".gold.json", ".pdf"))
        started = time.perf_counter()
        scanned = parsed(scan, ocr=True)
        ocr_seconds += time.perf_counter() - started
        for entry in pages:
            source = str(entry["source_file"])
            if source not in sources:
                sources[source] = parsed(corpus / source, ocr=False)
            reference = page_text(sources[source], int(entry["source_page"]))
            hypothesis = page_text(scanned, int(entry["page"]))
            ref_words = Counter(reference.split())
            found = sum((ref_words & Counter(hypothesis.split())).values())
            scores.append(
                PageScore(
                    document=scan.name,
                    page=int(entry["page"]),
                    source=source,
                    source_page=int(entry["source_page"]),
                    distance=Levenshtein.distance(reference, hypothesis),
                    length=len(reference),
                    words_found=found,
                    words=sum(ref_words.values()),
                )
            )
    return scores, ocr_seconds


def render(scores: list[PageScore], seconds: float) -> str:
    lines = [
        "| scan | page | digital source | CER | word recall | reference chars |",
        "|---|---|---|---|---|---|",
    ]
    for s in scores:
        lines.append(
            f"| {s.document} | {s.page} | {s.source} p{s.source_page} | {s.cer:.3f} | "
            f"{s.word_recall:.3f} | {s.length} |"
        )
    distance = sum(s.distance for s in scores)
    length = sum(s.length for s in scores)
    found = sum(s.words_found for s in scores)
    words = sum(s.words for s in scores)
    if length:
        lines.append(f"| all | | | {distance / length:.3f} | {found / max(words, 1):.3f} | {length} |")
    lines.append("")
    lines.append(f"read + OCR of the scans: {seconds:.1f} s")
    return "\n".join(lines) + "\n"


BEGIN, END = "<!-- ocr_cer begin -->", "<!-- ocr_cer end -->"


def write_section(path: Path, table: str) -> None:
    """Put the table between the markers in `path` (other text kept), or write a new file."""
    section = f"{BEGIN}\n{table}{END}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        text = head + section + tail
    else:
        text = (text.rstrip("\n") + "\n\n" if text else "") + section
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--out", type=Path, default=None, help="also put the table into this markdown file")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    scores, seconds = score(args.corpus)
    table = render(scores, seconds)
    print(table)
    if args.out is not None:
        write_section(args.out, table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
