"""Section helpers shared by the report, compendium and deck families.

Reports, brochures and slides are read the same way: a heading tree (numbered or by font
size), bullet lists under a heading, "Label: value" runs in fact boxes and on slides, and
sentences. Keeping these in one place means every family splits text identically.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extractors.families.common import clean
from extractors.pdf.structures import Block, DocumentLayout, Table

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Glyphs that open a bullet item: Word's Symbol-font bullet (U+F0B7) and friends, dashes.
BULLET_GLYPHS = "•\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8▪■□◦●○❖➢►▸✓✔·"
DASH_GLYPHS = "-–—"
# "(cid:127)" is how an unmapped bullet glyph comes out of a font without a Unicode map.
_BULLET_LINE = re.compile(rf"^\s*(?:[{re.escape(BULLET_GLYPHS)}]|[{DASH_GLYPHS}](?=\s)|\(cid:\d+\))\s*")
_INLINE_BULLET = re.compile(rf"\s*(?:[{re.escape(BULLET_GLYPHS)}]|\(cid:\d+\))\s*")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\S.*)$")


# ---------------------------------------------------------------------------------- text units
def join_lines(lines: list[str], lang: str | None) -> str:
    """Printed lines to one text with line-break hyphenation undone."""
    try:
        from extractors.pdf.dehyphen import join_lines as _join

        return clean(_join([ln for ln in lines if ln.strip()], lang or "sv"))
    except Exception:  # noqa: BLE001 - a plain join is better than losing the text
        return clean(" ".join(lines))


def strip_bullet(text: str) -> str:
    return clean(_BULLET_LINE.sub("", text, count=1))


def is_bulleted(block: Block) -> bool:
    first = block.lines[0] if block.lines else block.text
    return block.kind == "list_item" or bool(_BULLET_LINE.match(first))


def split_items(block: Block, lang: str | None = None) -> list[str]:
    """The bullet items of a block (one item when it has no bullets), glyphs removed."""
    lines = block.lines or [block.text]
    if not any(_BULLET_LINE.match(ln) for ln in lines):
        if _INLINE_BULLET.search(block.text):
            parts = [clean(p) for p in _INLINE_BULLET.split(block.text)]
            return [p for p in parts if p]
        return [clean(block.text)] if clean(block.text) else []
    items: list[list[str]] = []
    for line in lines:
        if _BULLET_LINE.match(line) or not items:
            items.append([_BULLET_LINE.sub("", line, count=1)])
        else:
            items[-1].append(line)
    return [t for t in (join_lines(chunk, lang) for chunk in items) if t]


_ABBREV = re.compile(
    r"(?:\b(?:t|bl|m|fr|o|s|d|v|ev|ca|resp|jfr|osv|mfl|inkl|exkl|nr|kap|tex|dvs|mm|st|pga|f|ff|"
    r"osv|etc|el|kl|tel|mob|ref|jf|iflg|ang|enl|bla|ua|mht|fx|ifm|vha)\.)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"”»(]?[A-ZÅÄÖÆØÉÜ0-9])")
# A lost full stop: a lower-case word followed by a capitalised sentence adverb.
_LOST_STOP = re.compile(
    r"(?<=[a-zåäöæø]) (?=(?:Dock|Men|Därför|Däremot|Dessutom|Samtidigt|Vidare|Likevel|Derfor|"
    r"Imidlertid|Dessuten|Desuden|Derudover)\b)"
)


def sentences(text: str) -> list[str]:
    """Sentences of running text; abbreviations like "t.ex." and "bl.a." do not end one."""
    text = clean(text)
    if not text:
        return []
    out: list[str] = []
    for chunk in _LOST_STOP.split(text):
        pieces = _SENTENCE_END.split(chunk)
        buf = ""
        for piece in pieces:
            buf = f"{buf} {piece}".strip() if buf else piece
            last = buf.split(" ")[-1]
            if _ABBREV.search(last) or re.search(r"\b\w\.$", buf) and len(last) <= 2:
                continue
            out.append(buf)
            buf = ""
        if buf:
            out.append(buf)
    return [s for s in (clean(x) for x in out) if s]


def first_sentence(text: str) -> str:
    parts = sentences(text)
    return parts[0] if parts else clean(text)


# ---------------------------------------------------------------------------------- sections
@dataclass(eq=False)
class Section:
    """A heading and what follows it up to the next heading of the same or a higher level."""

    title: str
    level: int
    page: int
    number: str | None = None
    heading: Block | None = None
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # body blocks before the first child
    tables: list[Table] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def ancestors(self) -> Iterator[Section]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def all_blocks(self) -> list[Block]:
        return [b for s in self.walk() for b in s.blocks]

    @property
    def last_page(self) -> int:
        pages = [self.page] + [b.page for b in self.all_blocks()]
        pages += [t.page_end for s in self.walk() for t in s.tables]
        return max(pages)

    def text(self) -> str:
        return " ".join(b.text for b in self.blocks)


def split_number(text: str) -> tuple[str | None, str]:
    """ "4.2.1 Rekrytering" -> ("4.2.1", "Rekrytering"); unnumbered headings give (None, text)."""
    text = clean(text)
    match = _NUMBERED.match(text)
    if match and not re.match(r"^\d{4}\b", text):
        return match.group(1), clean(match.group(2))
    return None, text


def _pos(page: int, top: float) -> tuple[int, float]:
    return (page, top)


def _merge_heading_runs(blocks: list[Block]) -> list[Block]:
    """Join a heading printed over two blocks ("… i Västra" / "Skaraborg") into one."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and block.kind == "heading"
            and prev.kind == "heading"
            and prev.page == block.page
            and prev.level == block.level
            and abs(prev.size - block.size) < 0.6
            and split_number(block.text)[0] is None
            and 0 <= block.bbox[1] - prev.bbox[3] < max(block.size, 6.0) * 1.2
        ):
            merged = Block(
                page=prev.page,
                text=clean(prev.text + " " + block.text),
                bbox=(
                    min(prev.bbox[0], block.bbox[0]),
                    prev.bbox[1],
                    max(prev.bbox[2], block.bbox[2]),
                    block.bbox[3],
                ),
                kind="heading",
                level=prev.level,
                size=prev.size,
                bold=prev.bold,
                italic=prev.italic,
                shaded=prev.shaded,
                column=prev.column,
                lines=[*prev.lines, *block.lines],
            )
            out[-1] = merged
            continue
        out.append(block)
    return out


def build_sections(layout: DocumentLayout) -> list[Section]:
    """Top-level sections (a root "" section holds text before the first heading)."""
    root = Section(title="", level=0, page=1)
    stack: list[Section] = [root]
    anchors: list[tuple[tuple[int, float], Section]] = [((0, -1.0), root)]
    blocks = _merge_heading_runs(list(layout.blocks()))
    numbered_doc = sum(1 for b in blocks if b.kind == "heading" and split_number(b.text)[0]) >= 3
    for block in blocks:
        if block.kind != "heading":
            stack[-1].blocks.append(block)
            continue
        number, title = split_number(block.text)
        if number is not None and numbered_doc:
            level = number.count(".") + 1
        else:
            current = stack[-1]
            if numbered_doc and current.heading is not None and current.number is not None:
                level = current.level + 1 if block.size < current.heading.size - 0.4 else 1
            else:
                level = block.level or 1
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        section = Section(title=title, level=level, page=block.page, number=number, heading=block)
        section.parent = stack[-1]
        stack[-1].children.append(section)
        stack.append(section)
        anchors.append((_pos(block.page, block.bbox[1]), section))
    for table in layout.tables:
        where = _pos(table.page_start, table.bbox[1])
        owner = root
        for pos, section in anchors:
            if pos <= where:
                owner = section
        owner.tables.append(table)
    return [root]


def all_sections(roots: Iterable[Section]) -> list[Section]:
    return [s for r in roots for s in r.walk()]


def blocks_before(section: Section, table: Table, n: int = 2) -> list[Block]:
    """The last `n` body blocks of a section printed above a table (its caption/lead-in)."""
    where = _pos(table.page_start, table.bbox[1])
    before = [b for b in section.blocks if _pos(b.page, b.bbox[1]) < where]
    return before[-n:]


# ---------------------------------------------------------------------------------- labels
def label_pattern(labels: Iterable[str], *, require_colon: bool = True) -> re.Pattern[str]:
    """A regex finding any of `labels` as a label ("Projektägare:"), longest first."""
    alts = "|".join(re.escape(lb) for lb in sorted(set(labels), key=len, reverse=True))
    colon = r"\s*:" if require_colon else r"(?:\s*:|(?=\s|$))"
    return re.compile(rf"(?<![\w-])({alts}){colon}", re.IGNORECASE)


def parse_labels(
    text: str, vocabulary: dict[str, str], *, require_colon: bool = True
) -> list[tuple[str, str, str]]:
    """ "Projektägare: X Projektledare: Y" -> [(key, label, value), ...] in order.

    `vocabulary` maps lower-case label surface forms (all languages) to a key.
    """
    text = clean(text)
    pattern = label_pattern(vocabulary, require_colon=require_colon)
    matches = list(pattern.finditer(text))
    out: list[tuple[str, str, str]] = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = clean(text[match.end() : end]).strip(" :;")
        key = vocabulary.get(match.group(1).lower())
        if key is not None:
            out.append((key, match.group(1), value))
    return out


def leading_label(text: str, vocabulary: dict[str, str]) -> tuple[str, str] | None:
    """A label that opens the text ("Bakgrund: …", "Bakgrund …"): (key, rest)."""
    text = clean(text)
    match = label_pattern(vocabulary, require_colon=False).match(text)
    if match is None:
        return None
    key = vocabulary.get(match.group(1).lower())
    if key is None:
        return None
    return key, clean(text[match.end() :]).lstrip(":").strip()


# ---------------------------------------------------------------------------------- numbers
_NUM = re.compile(r"[-−–]?\d[\d\s\u00a0\u202f\u2009.]*(?:,\d+)?")


def parse_number(text: str | None) -> float | None:
    """ "1 480" / "4,85" / "1.480" / "100 %" -> float; None when the cell has no number."""
    if not text:
        return None
    match = _NUM.search(text.replace("\u2212", "-"))
    if match is None:
        return None
    raw = re.sub(r"[\s\u00a0\u202f\u2009]", "", match.group(0)).replace("–", "-").replace("−", "-")
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    try:
        return float(raw)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------- names
@dataclass(frozen=True, slots=True)
class KnownOrg:
    name: str
    actor_type: str
    country: str | None


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, KnownOrg]:
    """Every gazetteer name, alias and abbreviation (case-folded) -> canonical organisation."""
    table: dict[str, KnownOrg] = {}
    folder = DATA_DIR / "gazetteer"
    for path in sorted(folder.glob("*.tsv")) if folder.is_dir() else []:
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                name = clean(row.get("name"))
                if not name:
                    continue
                org = KnownOrg(
                    name, clean(row.get("actor_type")) or "other", clean(row.get("country")) or None
                )
                forms = [name]
                forms += [a for a in (row.get("aliases") or "").split("|") if a.strip()]
                forms += [a for a in (row.get("abbreviations") or "").split("|") if a.strip()]
                for form in forms:
                    table.setdefault(clean(form).casefold(), org)
    return table


def known_org(text: str) -> KnownOrg | None:
    """The gazetteer organisation a name denotes ("Grästorp" -> Grästorps kommun), if any."""
    key = clean(text).strip(" .,;").casefold()
    return _gazetteer().get(key) if key else None


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    path = DATA_DIR / "first_names.txt"
    if not path.exists():
        return frozenset()
    names = (ln.strip() for ln in path.read_text(encoding="utf-8").splitlines())
    return frozenset(n for n in names if n and not n.startswith("#"))


_ORG_WORDS = re.compile(
    r"(?i)\b(?:kommun|kommune|region|regionen|län|fylke|AB|AS|ASA|verket|förvaltning\w*|"
    r"nämnd\w*|universitet\w*|högskola\w*|høgskole\w*|styrelse\w*|förbund\w*|forbund\w*|"
    r"myndighet\w*|direktorat\w*|center|centrum|senter|rådet|råd)\b"
)
_NAME_TOKEN = r"[A-ZÅÄÖÆØÉÜ][a-zåäöæøéüß]+(?:-[A-ZÅÄÖÆØÉÜ][a-zåäöæøéüß]+)?"
PERSON_RE = re.compile(rf"\b{_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,2}}\b")


def is_first_name(token: str) -> bool:
    names = _first_names()
    return token in names or token.split("-")[0] in names


def looks_like_person(text: str) -> bool:
    """ "Magnus Kempe", "Carl-Johan Linér": 2–3 capitalised words, a known given name first."""
    text = clean(text).strip(" .,;:")
    if not re.fullmatch(rf"{_NAME_TOKEN}(?: (?:af |von |de |van )?{_NAME_TOKEN}){{1,2}}", text):
        return False
    if _ORG_WORDS.search(text) or known_org(text) is not None:
        return False
    names = _first_names()
    return not names or is_first_name(text.split(" ")[0])


def find_people(text: str) -> list[str]:
    """Person names in running text (a known given name followed by one or two surnames)."""
    out: list[str] = []
    for match in PERSON_RE.finditer(text):
        tokens = match.group(0).split(" ")
        while tokens and not is_first_name(tokens[0]):
            tokens = tokens[1:]
        if len(tokens) < 2:
            continue
        # a third capitalised word is a surname only after a double given name ("Anna Karin Berg")
        name = " ".join(tokens[:3]) if len(tokens) == 3 and is_first_name(tokens[1]) else " ".join(tokens[:2])
        if looks_like_person(name) and name not in out:
            out.append(name)
    return out


def split_names(text: str) -> list[str]:
    """ "Leif Nilsson, Fredrik Rönning och Kent Söderlund" -> three names."""
    parts = re.split(r"\s*(?:,|;|/|\s+och\s+|\s+og\s+|\s+and\s+|\s+samt\s+|\s+&\s+)\s*", clean(text))
    return [clean(p).strip(" .") for p in parts if clean(p).strip(" .")]
