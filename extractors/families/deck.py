"""Proposal decks (idémöte, innspillsmøte): one `proposal` row per slide.

Every slide after the cover is a proposal unless it is an agenda/overview slide. Its title
is the slide heading (or the first sentence when the title was an image), its body the
description; sub-labels (Bakgrund/Förslag/Syfte/Form/Målgrupp/Kontakt and their Norwegian
and Danish forms) route text to target_group_raw, expected_outcome_raw and contacts. The
proposer is an organisation tag on the slide ("Region Blekinge") or the logo text of a slide
pasted in from another organisation (a footer unlike the deck's own).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from extractors.context import ExtractionContext
from extractors.families.common import add_activity, clean
from extractors.families.development_plan import TIMELINE_HEADINGS, read_timeline_slides
from extractors.families.plan_table import PlanState, read_plan_tables
from extractors.families.report_tables import add_amount_line, amount_in
from extractors.families.sections import (
    find_people,
    first_sentence,
    known_org,
    label_pattern,
    looks_like_person,
    split_items,
)
from extractors.normalise.dates import parse_when
from extractors.pdf.structures import Block, PageLayout, Table
from extractors.registry import register

EXTRACTOR = "proposal_deck"

SLIDE_LABELS: dict[str, str] = {
    "bakgrund": "background",
    "bakgrunn": "background",
    "baggrund": "background",
    "bakgrund och behov": "background",
    "bakgrunn og behov": "background",
    "behov": "background",
    "hva": "body",
    "hvad": "body",
    "what": "body",
    "förslag": "proposal",
    "forslag": "proposal",
    "förslag på aktivitet": "proposal",
    "syfte": "purpose",
    "syftet": "purpose",
    "formål": "purpose",
    "formålet": "purpose",
    "føremål": "purpose",
    "hensikt": "purpose",
    "form": "form",
    "format": "form",
    "arbetsform": "form",
    "arbeidsform": "form",
    "aktivitet": "form",
    "aktiviteter": "form",
    "målgrupp": "target_group",
    "målgrupper": "target_group",
    "målgruppe": "target_group",
    "målgrupper:": "target_group",
    "förväntat resultat": "outcome",
    "förväntade resultat": "outcome",
    "förväntade effekter": "outcome",
    "forventet resultat": "outcome",
    "forventede resultater": "outcome",
    "forventa resultat": "outcome",
    "forventet effekt": "outcome",
    "resultat": "outcome",
    "övergripande mål": "goal",
    "overordnet mål": "goal",
    "mål": "goal",
    "kontakt": "contact",
    "kontaktperson": "contact",
    "kontaktpersoner": "contact",
    "kontaktpersonar": "contact",
    "kontakter": "contact",
    "kontaktinformation": "contact",
    "kontaktinformasjon": "contact",
    "förslagsställare": "proposer",
    "forslagsstiller": "proposer",
    "avsender": "proposer",
    "avsändare": "proposer",
    "inlämnat av": "proposer",
    "innsendt av": "proposer",
    "ansvarig": "proposer",
    "ansvarlig": "proposer",
    "tidsplan": "when",
    "tidsramme": "when",
    "när": "when",
    "når": "when",
    "budget": "resources",
    "budsjett": "resources",
    "kostnad": "resources",
}
AGENDA_TITLE = re.compile(
    r"(?i)^(agenda|dagordning|dagsorden|program|programmet|innehåll|innhold|indhold|översikt|oversikt|"
    r"disposition|overview|inkomna förslag|innkomne forslag)\b"
)
COUNT_OF_PROPOSALS = re.compile(r"(?i)\b\d+\s+(förslag|forslag|idéer|ideer|innspill|inspel|proposals)\b")
_EMAIL = re.compile(r"\S+@\S+|\b(?:tel|tfn|mob|telefon)\.?:?\s*[\d\s+-]{6,}", re.IGNORECASE)
_ORG_SHAPE = re.compile(
    r"^(?:Region|Landstinget|Länsstyrelsen|Fylkesmannen|Statsforvalteren)\s\w|"
    r"\s(?:kommun|kommune|fylkeskommune|regionråd|län)$|^\w+(?:verket|myndigheten|direktoratet)$"
)
_CONNECTORS = frozenset(
    {
        "i",
        "och",
        "og",
        "for",
        "för",
        "&",
        "af",
        "av",
        "kommun",
        "kommune",
        "fylkeskommune",
        "län",
        "regionråd",
    }
)


def _label(text: str) -> tuple[str, str] | None:
    """(key, rest) when the text opens with a slide label ("Bakgrund: …", "Kontakt Jan …")."""
    text = clean(text)
    match = label_pattern(SLIDE_LABELS, require_colon=False).match(text)
    if match is None:
        return None
    key = SLIDE_LABELS.get(match.group(1).lower())
    rest = clean(text[match.end() :]).lstrip(":").strip()
    colon = match.group(0).endswith(":") or text[match.end() : match.end() + 2].lstrip().startswith(":")
    if key is None or not (colon or not rest or rest[:1].isupper() or rest[:1].isdigit()):
        return None
    return key, rest


def _is_org_tag(text: str) -> bool:
    """A short organisation name standing alone on a slide ("Region Blekinge", "Tromsø kommune")."""
    text = clean(text).strip(" .")
    words = text.split()
    if not words or len(words) > 5 or re.search(r"[.!?:/;]", text):
        return False
    if not all(w[:1].isupper() or w in _CONNECTORS for w in words):
        return False
    return known_org(text) is not None or bool(_ORG_SHAPE.search(text))


def _furniture(page: PageLayout) -> str:
    return clean(re.sub(r"\d+", "", f"{page.header} {page.footer}"))


def _furniture_text(text: str) -> str:
    return clean(re.sub(r"\d+", "", text))


def _logo_text(page: PageLayout, body: list[Block], deck_furniture: str) -> Block | None:
    """Logo text at the foot of a slide pasted from another organisation ("STORSTHLM")."""
    for block in body:
        text = _furniture_text(block.text)
        if block.bbox[1] < page.height * 0.88 or not text or text == deck_furniture or len(text.split()) > 4:
            continue
        if re.fullmatch(r"[A-ZÅÄÖÆØ][A-ZÅÄÖÆØ0-9&\- ]{2,}", text) or _is_org_tag(text):
            return block
    return None


def _deck_furniture(pages: list[PageLayout]) -> str:
    counts = Counter(_furniture(p) for p in pages if _furniture(p))
    return counts.most_common(1)[0][0] if counts else ""


# A closing slide ("Tack för i dag!", "Takk for oss", "Frågor?") is no proposal
CLOSING_TITLE = re.compile(
    r"(?i)^(?:tack|takk|tusen takk|thank you|thanks|frågor|spørsmål|questions|avslutning|slut)\b"
)
# "Förslag 1: Året-runt-öppet på Fårö": the proposal's number printed before its title
NUMBERED_TITLE = re.compile(
    r"^(?P<code>(?:Förslag|Forslag|Idé|Ide|Innspill|Inspel|Proposal|Tiltak|Åtgärd|Insats|Tiltag|Indsats|Measure|Action)\s*(?:nr\.?\s*)?\d+)\s*[:.–-]\s*(?P<rest>\S.*)$",
    re.I,
)
# "Så genomför vi förslag 1": a slide about a numbered proposal
REFERS_TO = re.compile(
    r"(?i)\b(?:förslag|forslag|idé|ide|innspill|inspel|proposal|tiltak|åtgärd|insats|tiltag|indsats|measure|action)\s*(?:nr\.?\s*)?(\d+)\b"
)
# "Förslag: Gemensam rekryteringsportal": the word alone before the title is no part of it
KIND_PREFIX = re.compile(
    r"^(?:Förslag|Forslag|Idé|Ide|Innspill|Inspel|Proposal|Tiltak|Åtgärd|Insats|Tiltag|Indsats|Measure|Action)\s*:\s*(?P<rest>\S.*)$",
    re.I,
)


def _at_labels(text: str) -> list[str]:
    """A text cut where a slide label begins after a sentence ("… säsongen. Målgrupp: …") or with a
    capital ("650 000 kr Tidsplan: 2026"): lines set close together are read as one paragraph."""
    cuts = [
        m.start()
        for m in label_pattern(SLIDE_LABELS).finditer(text)
        if m.start() > 0 and (re.search(r"[.!?]\s+$", text[: m.start()]) or text[m.start()].isupper())
    ]
    bounds = [0, *cuts, len(text)]
    return [part for a, b in zip(bounds, bounds[1:], strict=False) if (part := clean(text[a:b]))]


def _is_agenda(page: PageLayout, title: str) -> bool:
    if AGENDA_TITLE.match(title) and len(title.split()) <= 4 and not re.search(r"\d{4}", title):
        return True
    body = " ".join(b.text for b in page.blocks)
    return page.number <= 3 and bool(COUNT_OF_PROPOSALS.search(body))


def _title_block(blocks: list[Block]) -> Block | None:
    heads = [b for b in blocks if b.kind == "heading" and _label(b.text) is None]
    if not heads:
        return None
    return max(heads, key=lambda b: (b.size, -b.bbox[1]))


def _contact_roles(ctx: ExtractionContext, activity_id: str, text: str, page: int) -> None:
    text = clean(label_pattern(SLIDE_LABELS, require_colon=False).sub(" , ", _EMAIL.sub(" ", clean(text))))
    people = find_people(text)
    rest = text
    for name in people:
        rest = rest.replace(name, " , ")
    orgs = [
        p
        for p in (clean(x).strip(" .") for x in re.split(r",|;|\s+och\s+|\s+og\s+|\s+and\s+", rest))
        if len(p) >= 2 and p[:1].isupper() and not looks_like_person(p)
    ]
    org = next((o for o in orgs if known_org(o) or _ORG_SHAPE.search(o)), orgs[0] if orgs else None)
    org_id = ctx.actors.resolve(org, ctx.result) if org else None
    for name in people:
        ctx.result.add(
            "actor_roles",
            activity_id=activity_id,
            actor_id=org_id,
            role="contact",
            person_name=name,
            raw=text,
            page=page,
        )
    if not people and org_id is not None:
        ctx.result.add(
            "actor_roles", activity_id=activity_id, actor_id=org_id, role="contact", raw=text, page=page
        )


def _day_or_venue(text: str) -> bool:
    """A cover line naming the meeting's day and place ("18 november 2025 · Göransson Arena")."""
    for part in re.split(r"\s*[·•|,]\s*|\s+[–—-]\s+", text):
        when = parse_when(part) if part else None
        if when is not None and when.precision == "day":
            return True
    return False


def _subtitle(cover: list[str]) -> str | None:
    """The cover line that completes the first one's title ("Reglab" – "Idémöte inför 2020"): not
    the meeting's day and venue, nor the issuer's name under a title that is no name itself."""
    if not cover:
        return None
    first_is_org = _is_org_tag(cover[0])
    for text in cover[1:]:
        if _day_or_venue(text):
            continue
        return None if _is_org_tag(text) and not first_is_org else text
    return None


def _improve_info(ctx: ExtractionContext) -> None:
    """Deck title from the cover ("Reglab – Idémöte inför 2020") and the year it is for."""
    if not ctx.layout.pages:
        return
    cover = [clean(b.text) for b in ctx.layout.pages[0].blocks if clean(b.text)]
    distinct: list[str] = []
    for text in cover:
        if text.casefold() not in {d.casefold() for d in distinct}:
            distinct.append(text)
    info = ctx.result.info
    second = _subtitle(distinct)
    if second is not None and (info.title is None or info.title == distinct[0]):
        info.title = f"{distinct[0]} – {second}"
    years = sorted(set(re.findall(r"\b(?:19|20)\d{2}\b", " ".join(cover))))
    in_title = sorted(set(re.findall(r"\b(?:19|20)\d{2}\b", distinct[0]))) if distinct else []
    if len(in_title) == 1:
        years = in_title  # "Idémöte 2025" above the meeting's date "12 november 2024": the deck is for 2025
    if info.period_start is None and len(years) == 1:
        year = int(years[0])
        info.period_start, info.period_end = dt.date(year, 1, 1), dt.date(year, 12, 31)


@register("proposal_deck", EXTRACTOR)
def extract(ctx: ExtractionContext) -> None:
    """Write one proposal per content slide, with contacts and proposer; the dated steps of a
    "Nästa steg" slide as timelines."""
    _proposals(ctx)
    read_timeline_slides(ctx)


@dataclass(slots=True)
class _Slide:
    page: PageLayout
    head: Block | None
    title: str
    body: list[Block]


def _content_slides(pages: list[PageLayout]) -> list[_Slide]:
    """The slides after the cover that are not agenda, closing or "Nästa steg" slides."""
    slides: list[_Slide] = []
    for page in pages[1:]:
        blocks = [b for b in page.blocks if clean(b.text)]
        if not blocks:
            continue
        head = _title_block(blocks)
        title = clean(head.text) if head is not None else first_sentence(blocks[0].text)
        if _is_agenda(page, title):
            continue
        if CLOSING_TITLE.match(title) and len(title.split()) <= 5:
            continue
        if TIMELINE_HEADINGS.match(title) and len(title.split()) <= 5:
            continue  # "Nästa steg": the deck's process, read as timeline steps below
        slides.append(_Slide(page, head, title, [b for b in blocks if b is not head]))
    return slides


def _proposal_slides(slides: list[_Slide]) -> list[_Slide]:
    """Slides that are proposals: when the deck numbers its proposals ("Förslag 1: …", "Förslag 2: …"),
    an unnumbered slide ("Bakgrund", "Så genomför vi förslag 1") tells about them and is none."""
    numbered = [s for s in slides if NUMBERED_TITLE.match(s.title)]
    return numbered if len(numbered) >= 2 else slides


def _proposals(ctx: ExtractionContext) -> None:
    pages = ctx.layout.pages
    _improve_info(ctx)
    slides = _content_slides(pages)
    proposals = _proposal_slides(slides)
    ids = {id(slide): _add_proposal(ctx, slide, _deck_furniture(pages)) for slide in proposals}
    _slide_tables(ctx, slides, ids)


def _refers_to(title: str, ids: dict[int, str], slides: list[_Slide]) -> str | None:
    """The proposal a slide names by number ("Så genomför vi förslag 1" -> "Förslag 1: …")."""
    named = REFERS_TO.search(title)
    if named is None:
        return None
    for slide in slides:
        numbered = NUMBERED_TITLE.match(slide.title)
        found = numbered is not None and re.search(r"\d+", numbered.group("code"))
        if found and found.group() == named.group(1) and id(slide) in ids:
            return ids[id(slide)]
    return None


def _slide_tables(ctx: ExtractionContext, slides: list[_Slide], ids: dict[int, str]) -> None:
    """A plan table on a slide ("Aktivitet | Ansvarig | När"), read as the plan-table reader reads
    any plan table; its rows go under the slide's proposal, or the one the slide names."""
    shown = [ctx.result.get("activities", i) for i in ids.values()]
    titles = [clean(str(row.get("title") or "")) for row in shown if row is not None]
    for slide in slides:
        tables = [
            t
            for t in ctx.layout.tables
            if t.page_start == slide.page.number and not _lists_proposals(t, titles)
        ]
        if not tables:
            continue
        parent = ids.get(id(slide)) or _refers_to(slide.title, ids, slides)
        rows = ctx.result.table("activities")
        first = len(rows)
        read_plan_tables(ctx, PlanState(), tables)
        for row in rows[first:]:
            if row.get("parent_id") is None and parent is not None:
                row["parent_id"] = parent


def _lists_proposals(table: Table, titles: list[str]) -> bool:
    """An overview table of the deck's proposals ("Nr | Tiltak | Ansvarlig | Kostnad"), each presented
    on a slide of its own: two or more of its rows name a proposal's title. The slides tell more;
    the table's rows would write each proposal twice."""
    from rapidfuzz import fuzz, utils

    named = 0
    for row in table.grid():
        cells = [clean(c.text) for c in row if c is not None and clean(c.text)]
        if any(fuzz.ratio(c, t, processor=utils.default_process) >= 90 for c in cells for t in titles if t):
            named += 1
    return named >= 2


def _sections(
    body: list[Block], printed: str | None, lang: str | None
) -> tuple[dict[str, list[str]], str | None]:
    """The slide's text by label (body, purpose, target group, …) and an organisation tag on it.
    `printed`: the title taken from the first sentence, left out of the text."""
    sections: dict[str, list[str]] = {}
    tag: str | None = None
    current = "body"
    for i, block in enumerate(body):
        texts = split_items(block, lang) if block.kind in ("list_item", "text") else [clean(block.text)]
        texts = [part for text in texts for part in _at_labels(text)]
        for j, text in enumerate(texts):
            if printed is not None and i == 0 and j == 0:
                text = clean(text[len(printed) :]) if text.startswith(printed) else text
                if not text:
                    continue
            found = _label(text)
            if found is not None:
                current, text = found
                if not text:
                    continue
            elif _is_org_tag(text) and current != "contact":
                tag = tag or text
                continue
            sections.setdefault(current, []).append(text)
    return sections, tag


def _add_proposal(ctx: ExtractionContext, slide: _Slide, deck_furniture: str) -> str:
    """One proposal row for a slide, with its budget line, proposer and contacts; returns its id."""
    lang = ctx.language if ctx.language != "und" else None
    page, head, title, body = slide.page, slide.head, slide.title, slide.body
    printed = title
    numbered = NUMBERED_TITLE.match(title)
    code = numbered.group("code") if numbered is not None else None
    title = numbered.group("rest") if numbered is not None else title
    if numbered is None and (prefixed := KIND_PREFIX.match(title)) is not None:
        title = prefixed.group("rest")
    proposer: str | None = None
    furniture = _furniture(page)
    if furniture and furniture != deck_furniture and len(furniture.split()) <= 5:
        proposer = furniture
    logo = _logo_text(page, body, deck_furniture)
    if logo is not None:
        body = [b for b in body if b is not logo]
        proposer = proposer or _furniture_text(logo.text)
    sections, tag = _sections(body, printed if head is None else None, lang)
    proposer = proposer or tag
    if "proposer" in sections and proposer is None:
        proposer = clean(" ".join(sections.pop("proposer")))
    contacts = " ".join(sections.pop("contact", []))
    resources = clean(" ".join(sections.get("resources", []))) or None
    when = clean(" ".join(sections.get("when", []))) or None
    described = [
        t
        for key in sections
        for t in sections[key]
        if key not in ("target_group", "outcome", "resources", "when")
    ]
    description = clean(" ".join(described)) or None
    activity_id = add_activity(
        ctx,
        level="proposal",
        title=title,
        code=code,
        page_start=page.number,
        bbox=head.bbox if head is not None else body[0].bbox,
        extractor=EXTRACTOR,
        description=description,
        responsible_raw=proposer,
        target_group_raw=" ".join(sections.get("target_group", [])) or None,
        expected_outcome_raw=" ".join(sections.get("outcome", [])) or None,
        resources_raw=resources,
        start_raw=when,
        confidence=0.85 if head is not None else 0.7,
    )
    amount = amount_in(resources, "Budget", lang or "sv") if resources else None
    if amount is not None:  # "Budget: 650 000 kr" on the slide
        add_amount_line(ctx, activity_id, title, amount, "budget", page.number)
    if proposer:
        ctx.result.add(
            "actor_roles",
            activity_id=activity_id,
            actor_id=ctx.actors.resolve(proposer, ctx.result),
            role="proposer",
            raw=proposer,
            page=page.number,
        )
    if contacts:
        _contact_roles(ctx, activity_id, contacts, page.number)
    return activity_id
