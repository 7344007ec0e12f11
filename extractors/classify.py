"""Document family, language, title, issuer and period from the document's content.

Cheap features only: cue phrases (a data file, `data/doc_type_cues.tsv`) weighted by where
they occur (front pages, anywhere, table header cells) plus page geometry (slides). The
file name is never looked at.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.pdf.model import ParsedDocument
from extractors.pdf.structures import Block, DocumentLayout
from extractors.result import DocumentInfo

CUES_FILE = Path(__file__).parent / "data" / "doc_type_cues.tsv"
DOC_TYPES = ("action_plan", "final_report", "program_compendium", "proposal_deck", "development_plan")
MIN_SCORE = 4.0  # below this the document is "unknown"


@dataclass(frozen=True, slots=True)
class Cue:
    doc_type: str
    weight: float
    where: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    cues: list[Cue] = []
    for line in CUES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc_type, weight, where, pattern = line.split("\t", 3)
        cues.append(Cue(doc_type, float(weight), where, re.compile(pattern, re.IGNORECASE)))
    return tuple(cues)


def _front_text(layout: DocumentLayout, pages: int = 2) -> str:
    texts = [b.text for p in layout.pages[:pages] for b in p.blocks]
    meta = layout.document.metadata
    texts.extend(meta.get(k, "") for k in ("Title", "Subject", "Keywords"))
    return "\n".join(texts)


def _cover_text(layout: DocumentLayout) -> str:
    """The cover's title and the line printed under it in a size above the body's, one a line
    ("Trafikksikkerhetsplan 2025–2028" / "Handlingsdel – Nordvik kommune"): where a document
    names its own kind."""
    for page in layout.pages[:3]:
        blocks = [b for b in page.blocks if b.text.strip() and len(b.text) < 300]
        if not blocks:
            continue
        top_size = max(b.size for b in blocks)
        title_blocks = sorted(
            (b for b in blocks if b.size >= top_size - 0.5), key=lambda b: (b.bbox[1], b.bbox[0])
        )
        lines = [re.sub(r"\s+", " ", b.text).strip() for b in title_blocks]
        body = min(b.size for b in blocks)
        below = [
            b for b in blocks if body + 0.5 < b.size < top_size - 0.5 and b.bbox[1] > title_blocks[-1].bbox[1]
        ]
        if below:
            under = min(below, key=lambda b: (b.bbox[1], b.bbox[0]))
            lines.append(re.sub(r"\s+", " ", under.text).strip())
        return "\n".join(lines)
    return ""


def _header_text(layout: DocumentLayout) -> str:
    return "\n".join(" | ".join(t.header_texts()) + " | " + _first_row(t) for t in layout.tables)


def _first_row(table: object) -> str:
    cells = getattr(table, "row_cells", None)
    if cells is None:
        return ""
    return " | ".join(c.text for c in table.row_cells(0))  # type: ignore[attr-defined]


def slide_share(layout: DocumentLayout) -> float:
    """Share of pages shaped like slides (16:9 or 4:3 landscape with little text)."""
    pages = layout.document.pages
    if not pages:
        return 0.0
    slides = 0
    for page in pages:
        if page.width <= 0 or page.height <= 0:
            continue
        ratio = page.width / page.height
        if 1.3 <= ratio <= 1.8 and len(page.words) < 350 and page.height < 620:
            slides += 1
    return slides / len(pages)


def score_types(layout: DocumentLayout, language: str) -> dict[str, float]:
    front = _front_text(layout)
    cover = _cover_text(layout)
    body = layout.text()
    header = _header_text(layout)
    scores: dict[str, float] = {}
    for cue in load_cues():
        text = {"front": front, "cover": cover, "any": body, "header": header}.get(cue.where, body)
        hits = len(cue.pattern.findall(text))
        if hits:
            # diminishing returns: the first hit counts fully, many hits at most double it
            gain = cue.weight * (1.0 + min(1.0, math.log10(hits)))
            scores[cue.doc_type] = scores.get(cue.doc_type, 0.0) + gain
    slides = slide_share(layout)
    if slides >= 0.6:
        scores["proposal_deck"] = scores.get("proposal_deck", 0.0) + 2.0
        scores["development_plan"] = scores.get("development_plan", 0.0) + 1.0
        if _PROPOSES.search(cover):
            # slides whose cover opens with a proposal ("Forslag til tiltak 2026") are a proposal deck;
            # a printed "Forslag til handlingsprogram" on A4 is a draft plan, so slides are required
            scores["proposal_deck"] += 8.0
    plan_bonus = 2.0 if language in ("nb", "nn") else -2.0
    scores["development_plan"] = scores.get("development_plan", 0.0) + plan_bonus
    return {t: float(scores.get(t, 0.0)) for t in DOC_TYPES}


def decide(scores: dict[str, float]) -> tuple[str, float]:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top < MIN_SCORE:
        return "unknown", round(max(0.0, 1.0 - top / MIN_SCORE) * 0.5 + 0.3, 3)
    margin = (top - max(second, 0.0)) / top
    confidence = 0.5 + 0.5 * margin * min(1.0, top / (3 * MIN_SCORE))
    return best, round(min(0.99, confidence), 3)


_PROPOSES = re.compile(r"(?im)^\s*(?:förslag|forslag|proposals?)\b")

# A cover whose largest text names only the kind of document; the name follows in a smaller size.
_KIND_ONLY = re.compile(
    r"(?i)(?:slut|slutt|projekt|prosjekt|final|project)?\s*rap+ort|final report|handlingsplan|handlingsprogram|"
    r"handleplan|action plan|idéskrift"
)


def name_in_title(title: str) -> str:
    """The name a kind-first title gives ("Slutrapport – Projektet Digitalt lyft" -> "Digitalt lyft")."""
    kind, dash, name = title.partition(" – ")
    if not dash or not _KIND_ONLY.fullmatch(kind):
        return title
    return re.sub(r"(?i)^(?:projektet|prosjektet|the project)\s+", "", name).strip() or title


def guess_title(layout: DocumentLayout) -> str | None:
    """The largest text on the first page that has text, as printed; else the PDF's Title. A cover
    that prints only the kind in its largest text ("Slutrapport") is titled by it and the next
    largest line under it ("Slutrapport – Digitalt lyft för besöksnäringen")."""
    for page in layout.pages[:3]:
        blocks = [b for b in page.blocks if b.text.strip() and len(b.text) < 300]
        if not blocks:
            continue
        top_size = max(b.size for b in blocks)
        title_blocks = [b for b in blocks if b.size >= top_size - 0.5]
        title = " ".join(b.text.strip() for b in sorted(title_blocks, key=lambda b: (b.bbox[1], b.bbox[0])))
        title = re.sub(r"\s+", " ", title).strip()
        if _KIND_ONLY.fullmatch(title):
            below = [b for b in blocks if b.size < top_size - 0.5 and b.bbox[1] > title_blocks[-1].bbox[1]]
            body = min((b.size for b in blocks), default=0.0)
            named = [b for b in below if b.size > body + 0.5]
            if named:
                first = min(named, key=lambda b: (b.bbox[1], b.bbox[0]))
                name = re.sub(r"\s+", " ", first.text).strip()
                title = f"{title} – {name}"
        elif _names_an_organisation(title):
            title = _next_heading(blocks, top_size) or title
        if len(title) >= 4:
            return title[:300]
    meta_title = layout.document.metadata.get("Title", "").strip()
    return meta_title or None


def _names_an_organisation(text: str) -> bool:
    """The text is only an organisation's name ("Region Gävleborg"): the issuer's logo line, not a title."""
    if any(re.fullmatch(pattern, text) for pattern in _ISSUER_PATTERNS):
        return True
    from extractors.nlp import gazetteer

    return gazetteer.load().lookup(text) is not None


def _next_heading(blocks: list[Block], top_size: float) -> str | None:
    """The largest text under the largest, above the body size, topmost when several share its size;
    None when the page has no such line."""
    body = min((b.size for b in blocks), default=0.0)
    lower = [b for b in blocks if body + 0.5 < b.size < top_size - 0.5]
    if not lower:
        return None
    size = max(b.size for b in lower)
    first = min((b for b in lower if b.size >= size - 0.5), key=lambda b: (b.bbox[1], b.bbox[0]))
    text = re.sub(r"\s+", " ", first.text).strip()
    return None if len(text) < 4 or _names_an_organisation(text) else text


_ISSUER_PATTERNS = (
    r"\b[A-ZÅÄÖ][\wåäöÅÄÖ]+s [Ss]tad\b",
    r"\b[A-ZÅÄÖØÆ][\wåäöøæÅÄÖØÆ\-]+ (?:[Kk]ommun|[Kk]ommune|regionråd|fylkeskommune|herad|Municipality)\b",
    r"\b[A-ZÅÄÖØÆ][\wåäöøæÅÄÖØÆ\-]+ (?:kommunalförbund|samordningsförbund|IKS)\b",
    r"\bRegion [A-ZÅÄÖØÆ][\wåäöøæÅÄÖØÆ]+(?:\s+[A-ZÅÄÖØÆ][\wåäöøæÅÄÖØÆ]+)?(?:\s+län)?\b",
    r"\b[A-ZÅÄÖØÆ][\wåäöøæÅÄÖØÆ\-]+ (?:regionråd|regionråd)\b",
    r"\b(?:Tillväxtverket|Nutek|Reglab|Vinnova|Innovasjon Norge|Länsstyrelsen i [A-ZÅÄÖ]\w+)\b",
)


def _known_region(name: str) -> str:
    """ "Region Västra Götaland" (a region of two words) whole; "Region Dalarna Tillväxt" -> "Region Dalarna"."""
    words = name.split(" ")
    if words[0] != "Region" or len(words) < 3:
        return name
    from extractors.nlp import gazetteer

    # "Region Jönköpings län" is the region's name; "Region Dalarna Tillväxt" names Region Dalarna
    for candidate in (name, name.removesuffix(" län"), " ".join(words[:3]), " ".join(words[:2])):
        if gazetteer.load().lookup(candidate) is not None:
            return candidate
    return " ".join(words[:2])


def guess_issuer(layout: DocumentLayout) -> str | None:
    """The organisation named most on the cover, in running headers/footers and the metadata."""
    texts = [b.text for b in layout.pages[0].blocks] if layout.pages else []
    texts += [p.header + " " + p.footer for p in layout.pages]
    meta = layout.document.metadata
    texts += [meta.get("Author", ""), meta.get("Title", "")]
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for index, text in enumerate(texts):
        for pattern in _ISSUER_PATTERNS:
            for match in re.finditer(pattern, text):
                name = _known_region(re.sub(r"\s+", " ", match.group(0)))
                counts[name] += 1
                first_seen.setdefault(name, index)
    if not counts:
        return None
    return sorted(counts, key=lambda n: (-counts[n], first_seen[n], n))[0]


_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)\d\d)\b")


def guess_period(layout: DocumentLayout, title: str | None) -> tuple[dt.date | None, dt.date | None]:
    """Period from the title or the front pages ("1 juli 2019 – 31 december 2021", "2002–2004")."""
    candidates = [title or "", layout.document.metadata.get("Title", ""), _front_text(layout, 1)]
    try:
        from extractors.normalise.dates import parse_when
    except ImportError:  # pragma: no cover - dates module is part of the package
        parse_when = None  # type: ignore[assignment]
    for text in candidates:
        if not text:
            continue
        if parse_when is not None:
            for match in re.finditer(
                r"(?:\d{1,2}\.? )?[a-zåäö]+ (?:19|20)\d\d\s*[–—-]\s*(?:\d{1,2}\.? )?[a-zåäö]+ (?:19|20)\d\d",
                text,
                flags=re.IGNORECASE,
            ):
                span = parse_when(match.group(0))
                if span is not None and span.start and span.end and span.start < span.end:
                    return span.start, span.end
        years = _YEAR_RANGE.search(text)
        if years:
            start, end = int(years.group(1)), int(years.group(2))
            if start <= end <= start + 40:
                return dt.date(start, 1, 1), dt.date(end, 12, 31)
    return None, None


def words_language(doc: ParsedDocument) -> str:
    """The language of the first pages' words, before layout: cells are joined across line breaks
    with the word lists of the document's language ("inden" / "udgangen" is two Danish words)."""
    from extractors.nlp.language import detect_language

    text = " ".join(w.text for page in doc.pages[:3] for w in page.words)
    language = detect_language(text[:5000])
    return language if language != "und" else "sv"


def detect_document_language(layout: DocumentLayout) -> str:
    from extractors.nlp.language import detect_language

    cells = "\n".join(c.text for t in layout.tables for c in t.cells if len(c.text) > 20)
    text = layout.text() + "\n" + cells  # plans can be nearly all table
    if len(text.strip()) < 20:
        return "und"
    return detect_language(text[:20000])


def classify(layout: DocumentLayout) -> DocumentInfo:
    language = detect_document_language(layout)
    doc_type, confidence = decide(score_types(layout, language))
    title = guess_title(layout)
    start, end = guess_period(layout, title)
    return DocumentInfo(
        doc_type=doc_type,
        doc_type_confidence=confidence,
        language=language,
        title=title,
        issuer=guess_issuer(layout),
        period_start=start,
        period_end=end,
    )
