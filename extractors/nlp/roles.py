"""actor_roles from role cells, labelled lines ("Kontakt: …", "Projektägare: …"), people tables and the issuer.

A role cell mixes titles, organisations and people: "Kvalitets- och utvecklingschef, GrF",
"Verksamhetsstrateg BRG", "UBF, Arbvux, BRG, GR". It is split into items; a title item
attaches to the organisation that follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.nlp import gazetteer, patterns
from extractors.nlp.finder import Finder, Found
from extractors.normalise.actors import ActorResolver, clean_name, split_title, until_next_label
from extractors.pdf.structures import Block, DocumentLayout, Table
from extractors.result import Extraction

ROLE_FIELDS = {"responsible_raw": "responsible", "participants_raw": "participant"}

# "Label:" cues of document-level roles (sv, nb, nn).
CUES: tuple[tuple[str, str], ...] = (
    (r"kontakt(?:person(?:er)?)?|kontaktuppgifter|kontaktinformasjon", "contact"),
    (r"projektledare|prosjektleder|prosjektleiar|projektledning", "project_leader"),
    (r"processledare|prosessleder", "project_leader"),
    (r"projektägare|prosjekteier|prosjekteigar|huvudman", "owner"),
    (r"styrgrupp(?:en)?|styringsgruppe(?:n)?|styringsgruppa", "steering_group"),
    (
        r"(?:samverkande|deltagande|medverkande|deltakende|deltakande|involverade|ingående) kommuner|"
        r"medlemskommuner|kommuner",
        "member_municipality",
    ),
    (
        r"(?:med)?finansiär(?:er)?|finansiering|finansieringskilde(?:r)?|finansiert av|finansierat av",
        "financier",
    ),
    (r"följeforskare|följeforskning|utvärderare|følgeforsker|følgeevaluering", "evaluator"),
    (r"förslagsställare|forslagsstiller", "proposer"),
    (r"ansvarig|huvudansvarig|ansvarlig|ansvar", "responsible"),
    (r"dokumentansvarig|dokumentägare|dokumenteier", "other"),
    (r"samarbetspartner(?:s|e)?|samarbeidspartnere|partners?|deltagare|deltakere", "participant"),
)
_CUE_RX = re.compile(
    r"(?i)(?<![\wåäöøæ])(?P<label>" + "|".join(f"(?:{c})" for c, _ in CUES) + r")\s*:\s*",
)
_NAME_HEADERS = re.compile(r"(?i)^(?:namn|navn|name|person|kontaktperson)\b")
_ORG_HEADERS = re.compile(
    r"(?i)(?:organisation|organisasjon|företag|bedrift|verksamhet|myndighet|representerar)"
)


@dataclass(slots=True)
class Party:
    """One item of a role text: an organisation, a person, or a title waiting for its organisation."""

    actor_id: str | None = None
    person_name: str | None = None
    person_title: str | None = None


def role_for_label(label: str) -> str:
    for pattern, role in CUES:
        if re.fullmatch(pattern, label.strip(), flags=re.IGNORECASE):
            return role
    return "other"


_PLURAL_ENDINGS = ("er", "ar", "or", "erna", "arna", "orna", "ene", "ane", "ende")


def looks_like_org(text: str) -> bool:
    """A short, capitalised, number-free item: "Yesbox", "SDF", "Nordic Iron Ore" (not "Alla")."""
    text = clean_name(text)
    if not text or len(text) > 60 or re.search(r"\d|:|\?|\+", text):
        return False
    words = [w for w in text.split(" ") if w.lower() not in ("och", "og", "&", "i", "för", "for", "of")]
    if not words or len(words) > 5:
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    if len(words) == 1:
        word = words[0]
        tail = word.rsplit("-", 1)[-1] if "-" in word else ""
        if tail.islower() and tail.endswith(_PLURAL_ENDINGS) and patterns.common_word(tail):
            return False  # "GR-kommuner": the members of a body, not a body
        if any(c.isupper() for c in word[1:]):
            return True  # "SDF", "YH-väst", "ArbVux"
        return len(word) <= 12 and not patterns.common_word(word)
    return True


def place_prefix(text: str, country: str | None) -> str | None:
    """A clipped municipality name in a role cell ("Eks Kvæfj og Skånland" -> Kvæfjord kommune)."""
    gaz = gazetteer.load()
    for m in re.finditer(r"[A-ZÅÄÖØÆ][a-zåäöøæ]{3,}", text):
        word, after = m.group(), re.match(r"\s+([A-ZÅÄÖØÆ]\w*)", text[m.end() :])
        if after is not None and not gaz.places.get(after.group(1).casefold()):
            continue  # "Falu Frivilliga Utbildningscenter", "Ludvika Folkhögskola": a name that starts with its place
        if re.search(r"\b(?:i|på|for|för)\s+$", text[: m.start()]):
            continue  # "Bondelaget i Sogndal": the place of a body named before it
        if re.search(r"[A-ZÅÄÖØÆ][\wåäöøæ-]+\s+$", text[: m.start()]) and gaz.places.get(word.casefold()):
            continue  # "Seniornett Lillehammer", "Drivhuset Gävle": a body's local branch, not the municipality
        low = word.casefold()
        hits = {
            e.name for k, es in gaz.places.items() if k.startswith(low) for e in es if e.country == country
        }
        if len(hits) == 1:
            return hits.pop()
    return None


# Words of a responsible cell that is no unit's name ("Alla förvaltningar", "Hver kommune", "Se ovan").
_NOT_A_UNIT = frozenset(
    [
        *("alla", "samtliga", "berörda", "respektive", "varje", "hver", "hvert", "kvar", "alle", "all"),
        *("every", "each", "se", "ovan", "nedan", "ansvarig", "ansvar", "ansvarlig", "ska", "skal"),
        *("kommer", "vid", "enligt", "tbd", "ej", "ingen", "inga", "ikke", "ukjent", "okänd"),
    ]
)
_UNIT_JOINERS = frozenset(["och", "og", "and", "&", "för", "for", "i", "av", "med"])


class RoleParser:
    """Turn role texts into parties, registering actors on the result."""

    def __init__(self, resolver: ActorResolver, finder: Finder, result: Extraction) -> None:
        self.resolver = resolver
        self.finder = finder
        self.result = result

    def link(self, found: Found) -> str | None:
        """actor_id for a found ORG/LOC mention (registers the actor, records the surface as alias)."""
        if found.label == "PER" or not found.name:
            return None
        entry = found.entry
        actor_id = self.resolver.resolve(found.name, self.result, entry.actor_type if entry else found.kind)
        if actor_id is None:
            return None
        row = self.result.actors.get(actor_id)
        surface = clean_name(found.text)
        if row is not None and surface not in (row["name"], *row.get("abbreviations", [])):
            row["aliases"] = sorted(set(row.get("aliases") or []) | {surface})
        return actor_id

    def orgs_in(self, text: str, places: bool = False) -> list[str]:
        """actor_ids of the organisations named in one item (in order, unique)."""
        # "Herøy og Sande kommuner": the plural belongs to the whole list, its last item is one municipality
        # (a plural after one genitive is a county's municipalities: "Värmlands kommuner")
        if not re.fullmatch(r"\S+s kommun(?:er|ar)", text.strip()):
            text = re.sub(
                r"(?<=\w) kommun(?:er|ar)$", " kommun" if self.resolver.country == "SE" else " kommune", text
            )
        ids: list[str] = []
        for found in self.finder.find(text, cell=True, people=False):
            if found.label == "LOC" and not places and len(clean_name(text)) > len(found.text) + 6:
                continue
            actor_id = self.link(found)
            if actor_id and actor_id not in ids:
                ids.append(actor_id)
        if ids:
            return ids
        clipped = self.resolver.prefix_match(text)
        if clipped:
            actor_id = self.resolver.resolve(clipped, self.result)
            return [actor_id] if actor_id else []
        if places:
            entry = gazetteer.load().lookup_place(clean_name(text), self.resolver.country)
            if entry is not None:
                actor_id = self.resolver.resolve(entry.name, self.result, entry.actor_type)
                return [actor_id] if actor_id else []
        place = place_prefix(text, self.resolver.country)
        if place is not None:
            actor_id = self.resolver.resolve(place, self.result, "municipality")
            return [actor_id] if actor_id else []
        if looks_like_org(text):
            actor_id = self.resolver.resolve(text, self.result)
            return [actor_id] if actor_id else []
        return []

    def evidence(self, text: str) -> int:
        """How surely a role item names an organisation of its own: 2 = a gazetteer, pattern or
        defined organisation; 1 = only a guess from its shape (or a unit, or a defined term that is
        not an organisation: "Futv", "Planavdelningen", "KKN"); 0 = nothing."""
        found = [f for f in self.finder.find(text, cell=True, people=False) if f.label == "ORG"]
        if any(
            not patterns.UNIT_HEAD.search(f.name or f.text)
            and (f.method != "abbreviation" or self.finder.defines_org(f.name or ""))
            for f in found
        ):
            return 2
        name, _ = self.resolver.canonical(text)
        if (name.lower() in self.resolver.names and self.finder.defines_org(name)) or self.resolver.entry_for(
            text
        ) is not None:
            return 2
        if found or looks_like_org(text) or patterns.UNIT_HEAD.search(text):
            return 1
        return 0

    def _unit_of_next(
        self, title: str | None, rest: str, following: str, count: int, responsible: bool
    ) -> bool:
        """ "Avdelningschef Futv, BRG", "Planavdelningen, SBK", "Port Development, Göteborgs Hamn":
        a unit named before the organisation it belongs to is part of the title, not an actor."""
        if self.evidence(rest) != 1 or self.evidence(split_title(following)[1]) != 2:
            return False
        return bool(title) or patterns.UNIT_HEAD.search(rest) is not None or (responsible and count == 2)

    def parties(self, text: str, places: bool = False, responsible: bool = False) -> list[Party]:
        """Split a role text into parties; titles attach to the next organisation, people to the next one."""
        out: list[Party] = []
        pending_title: str | None = None
        pending_people: list[Party] = []
        items = self.resolver.split_list(text)
        for i, item in enumerate(items):
            title, rest = split_title(item)
            people = list(patterns.person_hits(rest, gazetteer.first_names()))
            if (
                rest
                and not people  # "rådmann Ola Berg, Luster kommune": a person, not a unit of the next
                and i + 1 < len(items)
                and self._unit_of_next(title, rest, items[i + 1], len(items), responsible)
            ):
                pending_title = f"{title} {rest}" if title else rest
                continue
            if people:
                for hit in people:
                    pending_people.append(Party(person_name=rest[hit.start : hit.end], person_title=title))
                rest = clean_name(rest[: people[0].start] + " " + rest[people[-1].end :])
                title = None
                if not rest:
                    continue
            if title and not rest:
                pending_title = title if pending_title is None else f"{pending_title}, {title}"
                continue
            ids = self.orgs_in(rest, places=places) if rest else []
            if not ids:
                if title:
                    pending_title = f"{title} {rest}" if rest else title
                continue
            if pending_people:
                for person in pending_people:
                    person.actor_id = ids[0]
                    if person.person_title is None and pending_title:
                        person.person_title = pending_title  # "Anna Svensson, näringslivschef, X kommun"
                        pending_title = None
                    out.append(person)
                pending_people = []
                ids = ids[1:]
            for actor_id in ids:
                out.append(Party(actor_id=actor_id, person_title=title or pending_title))
            pending_title = None
        out.extend(pending_people)
        if pending_title and not out:
            out.append(Party(person_title=pending_title))
        return out

    def unit_named_alone(self, text: str) -> str | None:
        """actor_id of a responsible cell that names one unit with no organisation word in it
        ("Kultur och fritid", "Helse og mestring", "Intraservice (enl tidigare beslut)"): the column
        says it is the one responsible, so it is a body of the issuer's own."""
        name = clean_name(re.sub(r"\([^)]*\)", " ", text))
        words = name.split()
        if not words or len(words) > 5 or not name[:1].isupper() or re.search(r"[\d:;?!/]", name):
            return None
        if any(w.lower() in _NOT_A_UNIT for w in words) or list(
            patterns.person_hits(name, gazetteer.first_names())
        ):
            return None
        if any(w.lower() not in _UNIT_JOINERS and not w[:1].isupper() and len(w) < 4 for w in words):
            return None  # short lower-case words make a phrase, not a name
        if not split_title(name)[1]:
            return None  # "Arbetsmarknadschef": a person's title, no unit
        # "Arbetsmarknad och vuxenutbildningen" is the document's defined "… vuxenutbildning (Arbvux)"
        for known in (name, re.sub(r"(?:en|et|n)$", "", name)):
            if known.lower() in self.resolver.names:
                return self.resolver.resolve(known, self.result)
        return self.resolver.resolve(name, self.result, "administration")

    def add(
        self, parties: list[Party], role: str, raw: str, page: int | None, activity_id: str | None
    ) -> int:
        seen: set[tuple[str | None, str | None]] = set()
        n = 0
        for party in parties:
            if (party.actor_id, party.person_name) in seen:
                continue
            seen.add((party.actor_id, party.person_name))
            self.result.add(
                "actor_roles",
                activity_id=activity_id,
                actor_id=party.actor_id,
                role=role,
                person_name=party.person_name,
                person_title=party.person_title,
                raw=clean_name(raw),
                page=page,
            )
            n += 1
        return n


def activity_roles(parser: RoleParser) -> None:
    """responsible (lead on an effort)/participant rows for every activity the family extractor gave none."""
    result = parser.result
    covered = {r.get("activity_id") for r in result.table("actor_roles") if r.get("activity_id")}
    for row in list(result.table("activities")):
        activity_id = row.get("activity_id")
        if not activity_id or activity_id in covered:
            continue
        for field, role in ROLE_FIELDS.items():
            raw = row.get(field)
            if isinstance(raw, str) and raw.strip():
                if role == "responsible" and row.get("level") == "effort":
                    role = "lead"  # the organisation on an Insats row leads the activities under it
                parties = parser.parties(raw, responsible=field == "responsible_raw")
                if field == "responsible_raw" and not any(p.actor_id for p in parties):
                    unit = parser.unit_named_alone(raw)
                    parties = [Party(actor_id=unit)] if unit else parties
                parser.add(parties, role, raw, row.get("page_start"), activity_id)


def issuer_role(parser: RoleParser) -> None:
    """The issuer as a document-level role; info.issuer canonicalised to the gazetteer name."""
    info = parser.result.info
    if not info.issuer or not info.issuer.strip():
        return
    raw = info.issuer
    entry = parser.resolver.entry_for(raw)
    if entry is not None:
        info.issuer = entry.name
        actor_id = parser.resolver.resolve(entry.name, parser.result, entry.actor_type)
    else:
        ids = parser.orgs_in(raw)
        actor_id = ids[0] if ids else parser.resolver.resolve(raw, parser.result)
    if any(r.get("role") == "issuer" for r in parser.result.table("actor_roles")):
        return
    parser.add([Party(actor_id=actor_id)], "issuer", raw, None, None)


def cue_segments(text: str) -> list[tuple[str, str]]:
    """("Kontakt", "Jan Persson, Camilla Karlsson") for every "Label: value" in a text."""
    matches = list(_CUE_RX.finditer(text))
    out: list[tuple[str, str]] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = until_next_label(text[m.end() : end])
        cut = re.search(r"(?<=[a-zåäöøæ)])\.\s+[A-ZÅÄÖØÆ]|\n", value)
        if cut:
            value = value[: cut.start() + 1]
        value = clean_name(value)
        if value and len(value) <= 200:
            out.append((m.group("label"), value))
    return out


def cue_roles(parser: RoleParser, layout: DocumentLayout) -> None:
    """Document-level roles from labelled lines in running text and table cells."""
    texts: list[tuple[str, int]] = [(b.text, b.page) for b in layout.blocks()]
    for table in layout.tables:
        for cell in table.cells:
            texts.append((cell.text, cell.page))
    done: set[tuple[str, str]] = set()
    for text, page in texts:
        if ":" not in text:
            continue
        for label, value in cue_segments(text):
            role = role_for_label(label)
            if role in ("responsible", "participant") or (label, value) in done:
                continue  # activity cells are handled per activity
            done.add((label, value))
            parties = parser.parties(value, places=role == "member_municipality")
            if (
                role != "member_municipality"
                and not any(p.person_name for p in parties)
                and role
                in (
                    "contact",
                    "project_leader",
                    "other",
                )
            ):
                parties = [p for p in parties if p.actor_id]
            parser.add(parties, role, f"{label}: {value}", page, None)


def _heading_before(layout: DocumentLayout, table: Table) -> str:
    best: Block | None = None
    for block in layout.blocks():
        if block.kind != "heading":
            continue
        before = block.page < table.page_start or (
            block.page == table.page_start and block.bbox[1] <= table.bbox[1]
        )
        if before:
            best = block
    return best.text if best is not None else ""


def people_tables(parser: RoleParser, layout: DocumentLayout) -> None:
    """Namn | Organisation tables (steering groups, reference groups) to person roles."""
    for table in layout.tables:
        header_row = max(table.header_rows, 1) - 1
        heads = [c for c in table.cells if c.row == header_row]
        name_col = next((c.col for c in heads if _NAME_HEADERS.search(c.text.strip())), None)
        org_col = next((c.col for c in heads if _ORG_HEADERS.search(c.text)), None)
        if name_col is None or org_col is None:
            continue
        heading = _heading_before(layout, table).lower()
        role = "steering_group" if re.search(r"styrgrupp|styringsgrupp", heading) else "other"
        if re.search(r"kontakt", heading):
            role = "contact"
        grid = table.grid()
        for r in range(header_row + 1, table.n_rows):
            name_cell, org_cell = grid[r][name_col], grid[r][org_col]
            if name_cell is None or not name_cell.text.strip():
                continue
            ids = parser.orgs_in(org_cell.text) if org_cell is not None and org_cell.text.strip() else []
            raw = name_cell.text + (" | " + org_cell.text if org_cell is not None else "")
            people = [
                name_cell.text[h.start : h.end]
                for h in patterns.person_hits(name_cell.text, gazetteer.first_names())
            ]
            if not people:
                people = [p for p in parser.resolver.split_list(name_cell.text) if len(p.split()) in (2, 3)]
            page = table.row_pages[r] if r < len(table.row_pages) else table.page_start
            parties = [Party(actor_id=ids[0] if ids else None, person_name=p) for p in people]
            parser.add(parties, role, raw, page, None)


_ROLE_WORD = re.compile(
    r"(?i)(?<![\wåäöøæ])(?P<word>"
    + "|".join(f"(?:{c})" for c, _ in CUES[:5])
    + r"|ordförande|ordfører|rådgivare|"
    r"rådgiver|administratör|koordinator|samordnare|[a-zåäöøæ]+chef|[a-zåäöøæ]+sjef|[a-zåäöøæ]+ansvarig)(?![\wåäöøæ])"
)


def person_context_roles(parser: RoleParser, layout: DocumentLayout) -> None:
    """People named in prose next to a role word or their organisation.

    "Kontakt Jan Persson", "Stefan Berry varit projektledare", "Kurt Ekelund Nutek",
    "Jan Lindström, förvaltningschef på Stöd och Styrning".
    """
    named = {r.get("person_name") for r in parser.result.table("actor_roles") if r.get("person_name")}
    for block in layout.blocks():
        text = block.text
        found = parser.finder.find(text)
        orgs = [f for f in found if f.label == "ORG"]
        for f in found:
            if f.label != "PER" or f.text in named:
                continue
            before = text[max(0, f.start - 30) : f.start]
            after = text[f.end : f.end + 45]
            cue = _ROLE_WORD.search(before.split(".")[-1]) or _ROLE_WORD.search(after.split(".")[0])
            org = next((o for o in orgs if 0 <= o.start - f.end <= 3), None)
            if cue is None and org is None:
                continue
            word = cue.group("word") if cue else ""
            role = role_for_label(word) if cue and role_for_label(word) != "other" else "other"
            if role in ("responsible", "participant", "member_municipality", "financier"):
                role = "other"
            actor_id = parser.link(org) if org is not None else None
            title = word if cue and role == "other" else None
            parser.add(
                [Party(actor_id=actor_id, person_name=f.text, person_title=title)],
                role,
                text[max(0, f.start - 30) : f.end + 45],
                block.page,
                None,
            )
            named.add(f.text)
