"""Program compendiums (idéskrift, projektkatalog): one `project` row per project.

A compendium lists its projects in an overview ("TEMA: …" followed by "1. Title 2. Title"),
or in a contents table, and presents some of them on their own pages: a title heading, an
ingress, running text and a shaded fact box ("Samverkande kommuner: … Projektägare: …
Projektledare: … Projekttid: …"). Every listed project becomes a row; presented ones carry
the fact box's period and roles. Goals the document states for the programme as a whole
("Målet var att …") become goals.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from extractors.context import ExtractionContext
from extractors.families.common import add_activity, add_goal, clean, running_issuer
from extractors.families.report_goals import GoalGroup, GoalItem, labelled_goals, level_of, prose_assessment
from extractors.families.report_tables import add_amount_line, amount_in, named_amounts, names_a_body
from extractors.families.sections import (
    find_people,
    known_org,
    looks_like_person,
    parse_labels,
    parse_number,
    sentences,
    split_names,
)
from extractors.normalise.actors import split_title
from extractors.pdf.structures import Block
from extractors.registry import register

EXTRACTOR = "program_compendium"

# Fact-box labels (sv, nb, nn, da) -> meaning.
FACT_LABELS: dict[str, str] = {
    "samverkande kommuner": "municipalities",
    "deltagande kommuner": "municipalities",
    "medverkande kommuner": "municipalities",
    "kommuner": "municipalities",
    "samarbeidende kommuner": "municipalities",
    "deltakende kommuner": "municipalities",
    "deltakarkommunar": "municipalities",
    "samarbejdende kommuner": "municipalities",
    "deltagende kommuner": "municipalities",
    "projektägare": "owner",
    "projektägaren": "owner",
    "huvudman": "owner",
    "prosjekteier": "owner",
    "prosjekteigar": "owner",
    "projektejer": "owner",
    "projektledare": "leader",
    "processledare": "leader",
    "prosjektleder": "leader",
    "prosjektleiar": "leader",
    "projektleder": "leader",
    "projekttid": "period",
    "projektperiod": "period",
    "tidsperiod": "period",
    "prosjektperiode": "period",
    "period": "period",
    "periode": "period",
    "tidsplan": "period",
    "tidplan": "period",
    "prosjekttid": "period",
    "projektperiode": "period",
    "kontaktperson": "contact",
    "kontakt": "contact",
    "kontaktpersoner": "contact",
    "kommun": "municipalities",
    "kommune": "municipalities",
    "budget": "budget",
    "budsjett": "budget",
    "total budget": "budget",
    "projektbudget": "budget",
    "prosjektbudsjett": "budget",
    "beviljat stöd": "granted",
    "beviljade medel": "granted",
    "beviljat belopp": "granted",
    "bevilget støtte": "granted",
    "bevilga tilskot": "granted",
    "tilskudd": "granted",
    "finansiärer": "financier",
    "finansiär": "financier",
    "finansiering": "financier",
    "finansiører": "financier",
    "medfinansiärer": "financier",
}
LONE_YEAR = re.compile(r"(?:19|20)\d\d")
THEME_MARK = re.compile(
    r"(?i)^(?:tema|temaområde|tema\s*\d+|insatsområde|innsatsområde|satsingsområde)\s*:?\s+(.+)$"
)
DOC_GOAL = re.compile(
    r"(?i)^(?:det\s+övergripande\s+|det\s+overordnede\s+)?(?:målet|syftet|målsättningen|formålet|hensikten|"
    r"målsettingen)(?:\s+med\s+(?:programmet|satsningen|satsingen|projektet|prosjektet|programmer))?"
    r"\s+(?:var|är|er|har vært)\s+(?:att|å)\b"
)
STAFF_TITLE = re.compile(
    r"^(?:har\s+)?(?:varit\s+|vært\s+|är\s+|er\s+|som\s+)?"
    r"([a-zåäöæø]+(?:ledare|leder|leiar|are|ör|ør|chef|sjef|sekreterare|sekretær|handläggare|saksbehandler|"
    r"samordnare|koordinator|rådgiver))\b"
)


@dataclass(slots=True)
class Entry:
    """A project as the overview lists it."""

    number: int | None
    title: str
    theme: str | None
    page: int
    heading: Block | None = None


def _numbered_titles(text: str, start: int) -> list[tuple[int, str]]:
    """ "1. A 2. B 3. C" -> [(1, "A"), (2, "B"), (3, "C")], numbers taken in sequence only."""
    out: list[tuple[int, str]] = []
    n = start
    match = re.match(rf"^\s*{n}\.\s+", text)
    if match is None:
        return out
    rest = text[match.end() :]
    while True:
        nxt = re.search(rf"(?:^|\s){n + 1}\.\s+", rest)
        title = clean(rest[: nxt.start()] if nxt else rest)
        out.append((n, title))
        if nxt is None:
            break
        rest = rest[nxt.end() :]
        n += 1
    return out


def overview_entries(ctx: ExtractionContext) -> list[Entry]:
    """Projects listed under theme marks as numbered titles, in number order."""
    entries: list[Entry] = []
    theme: str | None = None
    expected = 1
    for block in ctx.layout.blocks():
        mark = THEME_MARK.match(clean(block.text))
        if mark and len(block.text) < 120:
            theme = clean(mark.group(1))
            continue
        if theme is None:
            continue
        items = _numbered_titles(clean(block.text), expected)
        if items:
            entries += [Entry(n, t, theme, block.page) for n, t in items]
            expected = items[-1][0] + 1
    return entries


def contents_entries(ctx: ExtractionContext) -> list[Entry]:
    """Projects from a contents table ("Title | page") when there is no numbered overview."""
    rows: list[tuple[str, int, int]] = []  # title, printed page, pdf page of the list
    themes: list[tuple[str, int]] = []
    for table in ctx.layout.tables:
        if table.n_cols < 2:
            continue
        for row in table.grid():
            cells = [c for c in row if c is not None]
            if len(cells) < 2:
                continue
            title, number = clean(cells[0].text), parse_number(cells[-1].text)
            if not title or number is None or not re.fullmatch(r"\d{1,3}", clean(cells[-1].text)):
                continue
            mark = THEME_MARK.match(title)
            if mark:
                themes.append((clean(mark.group(1)), int(number)))
            else:
                rows.append((title, int(number), table.page_start))
    themes.sort(key=lambda t: t[1])
    entries: list[Entry] = []
    for title, printed, page in rows:
        theme = None
        for name, first in themes:
            if printed >= first:
                theme = name
        if theme is not None or not themes:
            entries.append(Entry(None, title, theme, page))
    if themes:
        return entries
    return []


def _headings(ctx: ExtractionContext) -> list[Block]:
    from extractors.families.sections import _merge_heading_runs

    blocks = _merge_heading_runs(list(ctx.layout.blocks()))
    # a fact box's label set in bold ("Projektägare" above "Gnosjö kommun") titles no project, nor
    # does a fact line the layout took for a heading ("Periode: 2026", short and alone on its line)
    return [b for b in blocks if b.kind == "heading" and _bare_label(b.text) is None and not _fact_line(b)]


def _match(title: str, entries: list[Entry]) -> Entry | None:
    best, found = 0.0, None
    for entry in entries:
        score = fuzz.ratio(title, entry.title, processor=utils.default_process)
        if score > best:
            best, found = score, entry
    return found if best >= 88 else None


def _presentations(ctx: ExtractionContext, entries: list[Entry]) -> list[tuple[Block, Entry | None]]:
    """Title headings of the project presentations, matched to the overview where possible."""
    heads = _headings(ctx)
    overview_pages = {e.page for e in entries}
    found: list[tuple[Block, Entry | None]] = []
    for head in heads:
        if head.page in overview_pages:
            continue
        entry = _match(clean(head.text), entries)
        if entry is not None and entry.heading is None:
            entry.heading = head
            found.append((head, entry))
    if found:
        return found
    # No overview: a heading followed by a fact box before the next heading of its size.
    blocks = list(ctx.layout.blocks())
    spans: list[tuple[Block, int, int]] = []
    for i, head in enumerate(heads):
        nxt = next((h for h in heads[i + 1 :] if h.size >= head.size - 0.3), None)
        start = blocks.index(head) if head in blocks else -1
        stop = blocks.index(nxt) if nxt is not None and nxt in blocks else len(blocks)
        # a plain fact line ("Prosjekteigar: …") counts only before the next heading of any size
        following = next((blocks.index(h) for h in heads[i + 1 :] if h in blocks), len(blocks))
        if start >= 0 and (
            any(b.kind == "fact_box" for b in blocks[start:stop])
            or any(_fact_line(b) for b in blocks[start:following])
            or _label_row_pairs(_region(blocks, head, heads))
        ):
            spans.append((head, start, stop))
    # a larger heading whose range holds smaller presentations is the catalogue's or a theme's title
    return [
        (head, None)
        for head, start, stop in spans
        if not any(start < other < stop and o.size < head.size - 0.3 for o, other, _ in spans)
    ]


def _fact_line(block: Block) -> bool:
    """A line that opens with a fact label ("Prosjekteigar: …"): a fact box printed without shading."""
    labels = parse_labels(block.text, FACT_LABELS)
    return bool(labels) and _opens_with(block, labels[0][1])


def _opens_with(block: Block, label: str) -> bool:
    return clean(block.text).lower().startswith(label.lower())


def _index_of(blocks: list[Block], head: Block) -> int:
    """Where a presentation's heading stands in reading order (by page and position: two columns
    may hold headings at the same height)."""
    for i, block in enumerate(blocks):
        if block is head:
            return i
    for i, block in enumerate(blocks):
        if (
            block.page == head.page
            and block.kind == "heading"
            and abs(block.bbox[1] - head.bbox[1]) < 0.5
            and abs(block.bbox[0] - head.bbox[0]) < 0.5
        ):
            return i
    return len(blocks)


def _block_ranges(ctx: ExtractionContext, heads: list[Block]) -> list[list[Block]]:
    """The body blocks of each presentation, in reading order: from its title to the next title."""
    blocks = list(ctx.layout.blocks())
    starts = [_index_of(blocks, h) for h in heads]
    out: list[list[Block]] = []
    for i, (head, start) in enumerate(zip(heads, starts, strict=True)):
        stop = starts[i + 1] if i + 1 < len(starts) else len(blocks)
        chunk = [
            b
            for b in blocks[start + 1 : max(stop, start + 1)]
            if not (b.kind == "heading" and b.page == head.page and clean(b.text) in clean(head.text))
        ]
        out.append(chunk)
    return out


# An e-mail address, web address or telephone number after a contact's name is no organisation.
CONTACT_DETAILS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|(?:tel\.?:?\s*)?\+?\d[\d\s-]{6,}\d")


# A photo's credit under its picture ("Foto: Bergs kommun"): it names who took the picture, no fact.
PHOTO_CREDIT = re.compile(r"(?i)^(?:foto|fotograf|bild|photo|illustration|ill\.)\s*:")


def _label_row_pairs(chunk: list[Block]) -> list[tuple[Block, Block]]:
    """(label, value) blocks of a fact table printed as a row of labels over a row of values
    ("Prosjekteier | Periode | Budsjett" / "Tynset kommune | 2026–2028 | 1 200 000 kr"): each label
    takes the block under it in its column, whatever order the blocks are read in. [] unless at
    least two labels stand side by side on one line."""
    labels = [b for b in chunk if _bare_label(b.text) is not None and len(b.lines) == 1]
    row = [b for b in labels if sum(_same_line(b, other) for other in labels) >= 2]  # itself and one more
    pairs: list[tuple[Block, Block]] = []
    for label in row:
        value = _value_under(label, [b for b in chunk if b not in labels])
        if value is not None:
            pairs.append((label, value))
    return pairs if len(pairs) >= 2 else []


def _region(blocks: list[Block], head: Block, heads: list[Block]) -> list[Block]:
    """The blocks under a presentation's title on its page, down to the next title there: where its
    fact table stands, however the page's columns put the blocks in reading order."""
    top = head.bbox[3]
    lower = [h.bbox[1] for h in heads if h.page == head.page and h.bbox[1] > top]
    bottom = min(lower, default=float("inf"))
    return [b for b in blocks if b.page == head.page and b is not head and top - 1.0 <= b.bbox[1] < bottom]


def _same_line(a: Block, b: Block) -> bool:
    return a.page == b.page and abs(a.bbox[1] - b.bbox[1]) < 2.0


def _value_under(label: Block, blocks: list[Block]) -> Block | None:
    """The nearest block below a label that shares its column (overlapping it across), within a
    few lines' height."""
    x0, _, x1, bottom = label.bbox
    height = max(bottom - label.bbox[1], 6.0)
    below = [
        b
        for b in blocks
        if b.page == label.page
        and bottom - 1.0 <= b.bbox[1] <= bottom + 3 * height
        and min(x1, b.bbox[2]) - max(x0, b.bbox[0]) > 0
        and len(b.text) <= 200
    ]
    return min(below, key=lambda b: b.bbox[1], default=None)


def _facts(
    chunk: list[Block], paired: list[tuple[Block, Block]], taken: set[int]
) -> list[tuple[str, str, str, int]]:
    """The facts of a presentation: its row-of-labels table (`paired`) and its fact box or fact lines
    in `chunk`, leaving out the blocks of any presentation's labels-over-values table (`taken`)."""
    facts: list[tuple[str, str, str, int]] = []
    pending: tuple[str, str] | None = None  # a fact box's label printed above its value
    for label_block, value_block in paired:
        key, name = _bare_label(label_block.text) or ("", "")
        text = ", ".join(clean(ln) for ln in value_block.lines if clean(ln)) or clean(value_block.text)
        facts.append((key, name, text, value_block.page))
    for block in chunk:
        if id(block) in taken:
            continue
        if PHOTO_CREDIT.match(clean(block.text)):
            pending = None
            continue
        bare = _bare_label(block.text) if block.kind in ("fact_box", "heading") else None
        if bare is not None:
            pending = bare
            continue
        if pending is not None and block.kind in ("fact_box", "text") and len(block.text) <= 200:
            value = ", ".join(clean(line) for line in block.lines if clean(line)) or clean(block.text)
            facts.append((pending[0], pending[1], value, block.page))
            pending = None
            continue
        pending = None
        labels = parse_labels(block.text, FACT_LABELS)
        if labels and (block.kind == "fact_box" or _opens_with(block, labels[0][1])):
            facts += [(key, label, value, block.page) for key, label, value in labels]
    return facts


def _bare_label(text: str) -> tuple[str, str] | None:
    """(key, label) of a block that is a fact label alone ("Projektägare", "Total budget:")."""
    label = clean(text).rstrip(":").strip()
    key = FACT_LABELS.get(label.lower())
    return (key, label) if key is not None else None


def _municipality(name: str) -> tuple[str, bool]:
    """Canonical name of a listed member and whether it is a municipality."""
    org = known_org(name) or known_org(f"{name} kommun") or known_org(f"{name} kommune")
    if org is not None:
        return org.name, org.actor_type == "municipality"
    if re.search(r"(?i)\bkommune?s?$", name):
        return name, True
    return name, False


def _add_roles(ctx: ExtractionContext, activity_id: str, facts: list[tuple[str, str, str, int]]) -> None:
    owner_id: str | None = None
    for key, label, value, page in facts:
        raw = f"{label}: {value}"
        if key == "owner" and value:
            owner_id = ctx.actors.resolve(value, ctx.result)
            ctx.result.add(
                "actor_roles", activity_id=activity_id, actor_id=owner_id, role="owner", raw=raw, page=page
            )
        elif key == "municipalities":
            for part in ctx.actors.split_list(value):
                name, is_municipality = _municipality(part)
                ctx.result.add(
                    "actor_roles",
                    activity_id=activity_id,
                    actor_id=ctx.actors.resolve(name, ctx.result),
                    role="member_municipality" if is_municipality else "participant",
                    raw=raw,
                    page=page,
                )
        elif key == "financier" and (pairs := named_amounts(value, ctx.language)):
            # "Enova SF 1 200 000 kr, Eigeninnsats 300 000 kr": each source with its amount
            for name, found in pairs:
                source = ctx.actors.resolve(name, ctx.result) if names_a_body(name) else None
                if source is not None:
                    ctx.result.add(
                        "actor_roles",
                        activity_id=activity_id,
                        actor_id=source,
                        role="financier",
                        raw=raw,
                        page=page,
                    )
                add_amount_line(ctx, activity_id, name, found, "financing", page, financier_actor_id=source)
        elif key == "financier":
            for part in ctx.actors.split_list(value):
                ctx.result.add(
                    "actor_roles",
                    activity_id=activity_id,
                    actor_id=ctx.actors.resolve(part, ctx.result),
                    role="financier",
                    raw=raw,
                    page=page,
                )
    for key, label, value, page in facts:
        if key not in ("leader", "contact") or not value:
            continue
        person, _, org = CONTACT_DETAILS.sub(" ", value).partition(",")
        person = clean(person)
        title, org = _title_and_org(clean(org).strip(" ,;"))
        org_id = ctx.actors.resolve(org, ctx.result) if org else owner_id
        ctx.result.add(
            "actor_roles",
            activity_id=activity_id,
            actor_id=org_id,
            role="project_leader" if key == "leader" else "contact",
            person_name=person if looks_like_person(person) or len(person.split()) in (2, 3) else None,
            person_title=title or label,
            raw=f"{label}: {value}",
            page=page,
        )


def _title_and_org(rest: str) -> tuple[str | None, str]:
    """ "dagleg leiar, Nordfjord Næringsråd" -> (title, organisation); "Styreleiar" -> (title, "")."""
    first, _, after = rest.partition(",")
    title, remainder = split_title(clean(first))
    if title and not remainder:
        return title, clean(after)
    return None, rest


def _project_goals(ctx: ExtractionContext, activity_id: str, chunk: list[Block]) -> None:
    """Goals a project summary gives on labelled lines ("Mål: …", "Delmål 2: …"): the project's own,
    overall unless the label names a level."""
    for block in chunk:
        for label, text in labelled_goals(block.text):
            add_goal(
                ctx, text=text, level=level_of(label) or "overall", page=block.page, activity_id=activity_id
            )


def _ingress(chunk: list[Block]) -> str | None:
    for block in chunk:
        if (
            block.kind in ("text", "list_item")
            and len(block.text) >= 80
            and not parse_labels(block.text, FACT_LABELS)
            and not PHOTO_CREDIT.match(clean(block.text))
        ):
            return clean(block.text)
    return None


def _intro_goals(ctx: ExtractionContext, before_page: int) -> None:
    """Goals the document states for the programme, with a verdict that directly follows."""
    for block in ctx.layout.blocks():
        if block.page >= before_page or block.kind == "heading":
            continue
        parts = sentences(block.text)
        for i, sentence in enumerate(parts):
            if not DOC_GOAL.search(sentence) or re.search(r"(?i)\btema\b", sentence):
                continue
            level = level_of(sentence) or "overall"
            goal_id = add_goal(ctx, text=sentence, level=level, page=block.page)
            group = GoalGroup([GoalItem(sentence, level, block.page, False, goal_id)])
            group.after = [(s, block.page) for s in parts[i + 1 : i + 2]]
            verdict = prose_assessment(group)
            if verdict is not None:
                ctx.result.add(
                    "outcomes",
                    goal_id=goal_id,
                    text=verdict.text,
                    status=verdict.status,
                    assessor=verdict.assessor,
                    page=verdict.page,
                )


def _front_matter_people(ctx: ExtractionContext, before_page: int) -> None:
    """Staff named in the foreword ("X varit projektledare") and signatures ("Name" / "Org")."""
    issuer_id: str | None = (
        ctx.actors.resolve(ctx.result.info.issuer, ctx.result) if ctx.result.info.issuer else None
    )
    signatures: list[tuple[str, str, Block]] = []
    for block in ctx.layout.blocks():
        if block.page >= before_page:
            continue
        lines = [clean(ln) for ln in block.lines if clean(ln)]
        if 2 <= len(lines) <= 3 and looks_like_person(lines[0]) and not looks_like_person(lines[1]):
            signatures.append((lines[0], " ".join(lines[1:]), block))
    if signatures and ctx.result.info.issuer is None:
        ctx.result.info.issuer = signatures[0][1]
        issuer_id = ctx.actors.resolve(signatures[0][1], ctx.result)
    for person, org, block in signatures:
        ctx.result.add(
            "actor_roles",
            actor_id=ctx.actors.resolve(org, ctx.result),
            role="issuer",
            person_name=person,
            raw=clean(block.text),
            page=block.page,
        )
    for block in ctx.layout.blocks():
        if block.page >= before_page:
            continue
        for sentence in sentences(block.text):
            for name in find_people(sentence):
                after = sentence[sentence.index(name) + len(name) :].strip()
                title = STAFF_TITLE.match(after)
                if title is None:
                    continue
                role = "project_leader" if re.search(r"ledare|leder|leiar", title.group(1)) else "contact"
                ctx.result.add(
                    "actor_roles",
                    actor_id=issuer_id,
                    role=role,
                    person_name=name,
                    person_title=title.group(1),
                    raw=sentence,
                    page=block.page,
                )


@register("program_compendium", EXTRACTOR)
def extract(ctx: ExtractionContext) -> None:
    """Write one project row per listed project, with fact-box roles for the presented ones."""
    entries = overview_entries(ctx) or contents_entries(ctx)
    presented = _presentations(ctx, entries)
    heads = [h for h, _ in presented]
    chunks = _block_ranges(ctx, heads)
    details: dict[int, tuple[Block, list[Block]]] = {
        id(h): (h, c) for h, c in zip(heads, chunks, strict=True)
    }
    blocks = list(ctx.layout.blocks())
    tables = {id(h): _label_row_pairs(_region(blocks, h, heads)) for h in heads}
    taken = {id(b) for pairs in tables.values() for pair in pairs for b in pair}
    first_presentation = min((h.page for h in heads), default=10**6)
    ordered: list[tuple[Entry | None, Block | None]] = [(e, e.heading) for e in entries]
    ordered += [(None, h) for h, e in presented if e is None]
    for entry, head in ordered:
        chunk = details[id(head)][1] if head is not None else []
        facts = _facts(chunk, tables[id(head)], taken) if head is not None else []
        period = next((v for k, _, v, _ in facts if k == "period"), None)
        title = clean(head.text) if head is not None else entry.title if entry else ""
        theme = entry.theme if entry is not None else None
        if theme is None and head is not None:
            header = ctx.layout.pages[head.page - 1].header if head.page - 1 < len(ctx.layout.pages) else ""
            theme = clean(header) or None
            if theme and ctx.result.info.title and clean(ctx.result.info.title) in theme:
                theme = None  # the running header repeats the catalogue's title: no theme
        page_end = max([b.page for b in chunk], default=head.page if head else entry.page if entry else 1)
        activity_id = add_activity(
            ctx,
            level="project",
            title=title,
            code=str(entry.number) if entry is not None and entry.number is not None else None,
            page_start=head.page if head is not None else (entry.page if entry else 1),
            page_end=page_end,
            bbox=head.bbox if head is not None else None,
            start_raw=period,
            whole_period=bool(period and LONE_YEAR.fullmatch(period)),  # "Periode: 2026" ends with 2026
            extractor=EXTRACTOR,
            description=_ingress(chunk) if head is not None else None,
            strategic_area=theme,
            confidence=0.9 if head is not None else 0.6,
        )
        _add_roles(ctx, activity_id, facts)
        _add_amounts(ctx, activity_id, facts)
        _project_goals(ctx, activity_id, chunk)
    _intro_goals(ctx, first_presentation)
    _front_matter_people(ctx, first_presentation)
    if ctx.result.info.issuer is None:
        ctx.result.info.issuer = running_issuer(ctx)
    _catalogue_year(ctx)


def _catalogue_year(ctx: ExtractionContext) -> None:
    """A catalogue titled by one year ("Prosjektkatalog 2026") covers that year when no period is
    printed for it."""
    info = ctx.result.info
    years = set(re.findall(r"\b(?:19|20)\d\d\b", info.title or ""))
    if info.period_start is None and len(years) == 1:
        year = int(years.pop())
        info.period_start, info.period_end = dt.date(year, 1, 1), dt.date(year, 12, 31)


def _add_amounts(ctx: ExtractionContext, activity_id: str, facts: list[tuple[str, str, str, int]]) -> None:
    """A fact box's budget or granted support ("Beviljat stöd: 1 200 000 kr"): resources_raw of the
    project and a budget line when it is one amount with its unit."""
    for key, label, value, page in facts:
        if key not in ("budget", "granted") or not value:
            continue
        row = ctx.result.get("activities", activity_id)
        if row is not None and not row.get("resources_raw"):
            row["resources_raw"] = value
        found = amount_in(value, "", ctx.language)
        if found is not None:
            add_amount_line(
                ctx, activity_id, label, found, "financing" if key == "granted" else "budget", page
            )


def split_members(text: str) -> list[str]:
    """Member list of a fact box, for callers that want names without resolving them."""
    return split_names(text)
