"""Find organisation, place and person mentions in one piece of text.

Four sources, in order of trust: the gazetteers (a spaCy PhraseMatcher over a blank
sv/nb pipeline, built once per process), the document's own and the gazetteer's
abbreviations, the pattern rules of `patterns.py`, and bare municipality names (LOC).
Overlaps keep the longest span; on ties the more trusted source wins. Where none of them
found anything, the NER the project trains (`learned_orgs`) may add a name of a shape it
gets mostly right.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from extractors.nlp import gazetteer, learned_orgs, patterns
from extractors.nlp.gazetteer import Entry
from extractors.normalise.actors import ActorResolver, split_title

# Municipality names that are also everyday words ("Vara", "Mark", "Time", "Stad"): only
# matched with their "kommun(e)" or inside a list of municipalities.
AMBIGUOUS_PLACES = frozenset(
    [
        "vara",
        "mark",
        "berg",
        "kil",
        "time",
        "sel",
        "vik",
        "stad",
        "os",
        "bø",
        "nes",
        "gran",
        "hole",
        "lier",
        "moss",
        "vang",
        "lom",
        "leka",
        "hå",
        "ås",
        "strand",
        "sola",
        "klepp",
        "fjord",
        "kinn",
        "heim",
        "vega",
        "grane",
        "sande",
        "tana",
        "hol",
        "gol",
        "ål",
        "valle",
        "luster",
        "sula",
        "aure",
        "osen",
        "boden",
        "kinda",
        "klippan",
        "skara",
        "stranda",
        "dorotea",
        "vilhelmina",
        "salem",
        "ski",
        "re",
        "hof",
        "eid",
        "eide",
        "fet",
        "sund",
        "fjell",
        "halsa",
        "roan",
        "tinn",
        "nome",
        "alver",
        "kvam",
        "frosta",
        "rauma",
        "habo",
        "heby",
        "lund",
        "bo",
        "lunner",
        "ale",
        "eda",
        "orsa",
    ]
)

_COMMON = frozenset(
    [
        "bland",
        "annat",
        "andra",
        "även",
        "samt",
        "också",
        "övriga",
        "flera",
        "många",
        "med",
        "för",
        "och",
        "eller",
        "till",
        "utan",
    ]
)

METHOD_RANK = {"gazetteer": 4, "abbreviation": 3, "pattern": 2, "place": 1, "model": 0, "person": 0}


@dataclass(frozen=True, slots=True)
class Found:
    """One mention: span, label, how it was found and the canonical name it links to."""

    start: int
    end: int
    text: str
    label: str  # ORG, LOC, PER
    method: str  # gazetteer, abbreviation, pattern, place, person, model
    confidence: float
    name: str | None = None  # canonical organisation name (None for PER)
    entry: Entry | None = None
    kind: str | None = None  # actor_type the context gives, when no gazetteer entry does


NORDIC_LANGUAGES = frozenset({"sv", "nb", "nn", "da"})


def nlp_lang(language: str) -> str:
    return "nb" if language in ("nb", "nn", "da") else "sv"


@functools.cache
def pipeline(lang: str) -> Any:
    """A blank spaCy pipeline with the gazetteer PhraseMatcher, once per process and language."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank(lang)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    gaz = gazetteer.load()
    seen: set[str] = set()
    surfaces: list[str] = []
    for surface, _entry in gaz.surface_forms():
        for form in (surface, _genitive(surface)):
            k = gazetteer.key(form)
            if k not in seen:
                seen.add(k)
                surfaces.append(form)
    matcher.add("ORG", [nlp.make_doc(s) for s in surfaces])
    places = sorted({p for p in gaz.places if p not in AMBIGUOUS_PLACES})
    place_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    place_forms = []
    for p in places:
        for entry in gaz.places[p]:
            for alias in entry.aliases:
                if gazetteer.key(alias) == p:
                    place_forms.append(alias)
    place_matcher.add("LOC", [nlp.make_doc(s) for s in sorted(set(place_forms))])
    return nlp, matcher, place_matcher


def _genitive(name: str) -> str:
    return name if name.endswith(("s", "x", "z")) else name + "s"


# Two-letter abbreviations that name one organisation in running text as well as in role cells
# (the others, "VR", "HB", "DO", are read only in role cells).
_TWO_LETTER_NAMES = frozenset({"EU", "FN", "LO", "KS", "GR", "GU", "LU", "SU", "UU", "BI"})


# A state agency's one-word name is no common word even in lower case, as it is often written
# ("kontakt med arbetsförmedlingen", "søkt husbanken"); the suffix says it is an agency.
_LOWERCASE_AGENCY = re.compile(
    r"^[a-zåäöæø]{2,}(?:verket|verkets|myndigheten|myndighetens|förmedlingen|förmedlingens|kassan|kassans|"
    r"makten|maktens|inspektionen|direktoratet|direktoratets|tilsynet|tilsynets|banken|bankens)$"
)


# A party named with others or as a partner: "tillsammans med Ålbergshem AB och polisen".
_PARTNER_JOIN = re.compile(r"(?i)(?:\b(?:med|och|og|samt|and)|,)\s+$")


def _lower_agency_named(text: str, start: int, entry: Entry, cell: bool) -> bool:
    """A state agency's one-word name in lower case ("polisen", "politiet") where it can only be
    that agency: in a role cell, or in running text as one of the parties of the work."""
    if entry.actor_type != "state_agency":
        return False
    definite = re.match(r"[a-zåäöæø]{4,}(?:en|et)(?![\w-])", text[start:]) is not None  # not "forte", "siva"
    return cell or (definite and _PARTNER_JOIN.search(text[max(0, start - 12) : start]) is not None)


def _gazetteer_entry(surface: str, country: str | None) -> Entry | None:
    gaz = gazetteer.load()
    entry = gaz.lookup(surface, country)
    if entry is None and surface.endswith("s"):
        entry = gaz.lookup(surface[:-1], country)
    return entry


def _abbr_regex(abbrs: list[str]) -> re.Pattern[str] | None:
    """An abbreviation as a word of its own, also in the genitive ("TØIs", "GU:s"); not the first
    part of a hyphenated compound ("IRIS-rapport", "GR-kommuner"), which names something else."""
    if not abbrs:
        return None
    alt = "|".join(re.escape(a) for a in sorted(set(abbrs), key=len, reverse=True))
    return re.compile(rf"(?<![\w&])(?P<abbr>{alt})(?::?s)?(?![\w&]|-\w)")


class Finder:
    """Mention finder for one document (its country, its resolver's abbreviations)."""

    def __init__(self, resolver: ActorResolver, language: str, model: Path | None = None) -> None:
        """`model`: the trained NER asked where the rules find nothing (None: the rules alone)."""
        self.resolver = resolver
        # trained on Swedish and Norwegian text only: elsewhere every capitalised phrase looks like a name
        self.model = model if language in NORDIC_LANGUAGES else None
        self._learned: dict[str, list[tuple[int, int]]] = {}
        self.country = resolver.country
        # English capitalises every word of a defined term ("Airworthiness Directive (AD)"),
        # so there a capitalised name is no sign of an organisation; nor is it in a language
        # the rules were not written for, or one not recognised ("und").
        self.title_case = language not in NORDIC_LANGUAGES
        self.nlp, self.matcher, self.place_matcher = pipeline(nlp_lang(language))
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the abbreviation matcher after the resolver learned new definitions."""
        self._memo: dict[tuple[str, bool, bool, int], list[Found]] = {}
        gaz = gazetteer.load()
        doc_abbrs = list(self.resolver.abbreviations)
        # a document of no Nordic country reads no gazetteer abbreviation: "EIC", "EU" there
        # are the document's own, not Euro Info Centre or Europeiska unionen
        gaz_abbrs = (
            [a for a, es in gaz.by_abbr.items() if any(e.country in (self.country, None) for e in es)]
            if self.country is not None
            else []
        )
        self._doc_rx = _abbr_regex(doc_abbrs)
        self._doc_names = {n.lower(): n for n in self.resolver.abbreviations.values() if len(n) >= 4}
        self._names_rx = (
            re.compile(
                rf"(?i)(?<![\w&])(?:{'|'.join(re.escape(n) for n in sorted(self._doc_names, key=len, reverse=True))})s?(?![\w&])"
            )
            if self._doc_names
            else None
        )
        self._doc_ci = {a.lower(): a for a in doc_abbrs if len(a) >= 4}
        self._doc_ci_rx = (
            re.compile(rf"(?i)(?<![\w&])(?:{'|'.join(re.escape(a) for a in self._doc_ci)})(?![\w&])")
            if self._doc_ci
            else None
        )
        self._gaz_long_rx = _abbr_regex([a for a in gaz_abbrs if len(a) >= 3 or a in _TWO_LETTER_NAMES])
        self._gaz_short_rx = _abbr_regex([a for a in gaz_abbrs if len(a) == 2 and a not in _TWO_LETTER_NAMES])

    def find(self, text: str, cell: bool = False, people: bool = True) -> list[Found]:
        """Every mention in `text`; `cell` = a role cell, where short abbreviations are trusted.

        Answers are kept per text while the document's known names stay the same: a role
        item is weighed and then linked, a cell repeats."""
        key = (text, cell, people, len(self.resolver.names))
        if key not in self._memo:
            self._memo[key] = self._find(text, cell, people)
        return list(self._memo[key])

    def _find(self, text: str, cell: bool, people: bool) -> list[Found]:
        if not text or not text.strip():
            return []
        found: list[Found] = []
        found.extend(self._gazetteer(text, cell))
        found.extend(self._abbreviations(text, cell))
        found.extend(self._patterns(text))
        found.extend(self._places(text))
        found.extend(self._parties(text))
        found.extend(_regional_branches(text, found))
        found.extend(_bodies_in_places(text, found))
        if people:
            for hit in patterns.person_hits(text, gazetteer.first_names()):
                found.append(
                    Found(hit.start, hit.end, text[hit.start : hit.end], "PER", "person", hit.confidence)
                )
        kept = [
            f
            for f in _resolve_overlaps(_people_at_companies(text, found))
            if not _activity_name(f) and not _names_no_actor(text, f, cell)
        ]
        kept += self._learned_names(text, kept, cell)
        listed = [f for f in self._lists(text, kept) if not _activity_name(f)]
        return _partner_municipalities(text, listed, self.country)

    def prefetch(self, texts: Iterable[str]) -> None:
        """Read many texts with the trained NER in one batch before they are asked for one by one."""
        if self.model is not None:
            self._learned.update(learned_orgs.spans((t for t in texts if t not in self._learned), self.model))

    def _learned_names(self, text: str, found: list[Found], cell: bool) -> list[Found]:
        """Names the trained NER reads where no rule found anything, of the shapes it gets mostly right."""
        if self.model is None:
            return []
        if text not in self._learned:
            self.prefetch([text])
        out: list[Found] = []
        first_names = gazetteer.first_names()
        for start, end in self._learned.get(text, []):
            surface = text[start:end]
            if any(start < f.end and f.start < end for f in found) or not learned_orgs.kept_shape(
                surface, first_names
            ):
                continue
            if not cell and _whole_line(text, start, end):
                continue  # a heading line, not a name in a sentence
            if self._defined(surface):
                continue  # the document defines it and the rules judged the definition: "RTP", a programme
            name = self.resolver.preferred(self.resolver.canonical(surface)[0])
            hit = Found(
                start, end, surface, "ORG", "model", 0.5, name, _gazetteer_entry(surface, self.country)
            )
            if not _activity_name(hit) and not _names_no_actor(text, hit, cell):
                out.append(hit)
        return out

    def _defined(self, surface: str) -> bool:
        """A name the document defines with an abbreviation ("Regionala Tillväxtprogram (RTP)"), or
        that abbreviation, in any inflection: the rules have judged that definition already."""
        if surface in self.resolver.abbreviations:
            return True
        low = surface.lower()
        return any(
            low.startswith(name.lower()) or name.lower().startswith(low)
            for name in self.resolver.abbreviations.values()
            if len(name) >= 4
        )

    def _lists(self, text: str, found: list[Found]) -> list[Found]:
        """Members of a list with a known organisation in it are organisations too; bare county names
        in a list are their regions ("kontakt med Norrbotten, Västerbotten, Skåne")."""
        gaz = gazetteer.load()
        extra: list[Found] = []
        retyped: dict[int, Found] = {}
        for items in patterns.list_items(text):
            if any(_STREET.search(text[s:e]) for s, e in items):
                continue  # "Nordre Land kommune, Storgata, Dokka": an address, not a list of actors
            inside = [f for f in found if any(f.start < e and s < f.end for s, e in items)]
            kind = _list_kind(text[: items[0][0]])
            has_org = (
                kind is not None
                or _PARTNER_LIST.search(text[max(0, items[0][0] - 40) : items[0][0]]) is not None
                or any(f.label == "ORG" for f in inside)
                or any(" ".join(text[s:e].split()).lower() in self.resolver.names for s, e in items)
            )
            if kind is not None:
                for f in inside:
                    if f.label == "ORG" and f.entry is None and f.kind is None:
                        retyped[id(f)] = replace(f, kind=kind)
            for s, e in items:
                if any(f.start < e and s < f.end for f in found):
                    continue
                if not _whole_item(text, s, e) and not (
                    (s, e) == items[-1] and _whole_item(text, s, s + len(text[s:e].rstrip()), last=True)
                ):
                    continue
                surface = " ".join(text[s:e].split())
                region = gaz.lookup("Region " + surface, self.country) or gaz.lookup(
                    surface + " län", self.country
                )
                place = gaz.lookup_place(surface, self.country)
                if region is not None and region.actor_type == "county_region":
                    extra.append(Found(s, e, surface, "LOC", "place", 0.5, region.name, region))
                elif (abbr := _abbr_in_other_case(surface, self.country)) is not None:
                    extra.append(Found(s, e, surface, "ORG", "abbreviation", 0.6, abbr.name, abbr))
                elif place is not None:
                    # "Skara, Vara och Götene": a town among organisations is still a place
                    extra.append(Found(s, e, surface, "LOC", "place", 0.5, place.name, place))
                elif has_org and not (
                    (len(surface) <= 12 and " " not in surface and surface.lower() in _COMMON)
                    # "Valley" left at the top of a page by a name broken across pages
                    or (" " not in surface and patterns.common_word(surface, ("en",), 4.0))
                    or split_title(surface)[0] is not None
                    or patterns.UNIT_HEAD.search(surface)
                    or (self.title_case and not (org_like(surface, title_case=True) or _acronym(surface)))
                ):
                    name = self.resolver.preferred(surface)
                    extra.append(Found(s, e, surface, "ORG", "pattern", 0.5, name, None, kind))
        if retyped:
            found = [retyped.get(id(f), f) for f in found]
        return sorted(found + extra, key=lambda f: (f.start, f.end)) if extra else found

    def _gazetteer(self, text: str, cell: bool = False) -> list[Found]:
        doc = self.nlp.make_doc(text)
        out: list[Found] = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            surface = span.text
            entry = _gazetteer_entry(surface, self.country)
            if entry is None:
                continue
            if (
                end - start == 1
                and surface[:1].islower()
                and not _LOWERCASE_AGENCY.search(surface)
                and not _lower_agency_named(text, span.start_char, entry, cell)
            ):
                continue  # "virke", "forte": single words only when written as names
            out.append(
                Found(span.start_char, span.end_char, surface, "ORG", "gazetteer", 0.95, entry.name, entry)
            )
        return out

    def defines_org(self, name: str, cell: bool = False) -> bool:
        """Does a name the document defined stand for an organisation here? In a role cell
        a defined name is trusted, except in a title-case language, where the name must read
        as an organisation by its own words."""
        if _A_MEASURE.search(name):
            return False  # "Nöjd kund-index (NKI)", "Nöjd medborgar-index": a measure, defined all the same
        if self.title_case:
            return org_like(name, title_case=True)
        return cell or org_like(name)

    def _abbreviations(self, text: str, cell: bool) -> list[Found]:
        out: list[Found] = []
        gaz = gazetteer.load()
        if self._doc_rx is not None:
            for m in self._doc_rx.finditer(text):
                name = self.resolver.abbreviations[m.group("abbr")]
                if not self.defines_org(name, cell):
                    continue
                entry = _gazetteer_entry(name, self.country)
                out.append(Found(m.start(), m.end(), m.group(), "ORG", "abbreviation", 0.9, name, entry))
        if self._names_rx is not None:
            for m in self._names_rx.finditer(text):
                low = m.group().lower()
                name = self._doc_names.get(low) or self._doc_names[low[:-1]]
                if not self.defines_org(name, cell):
                    continue
                entry = _gazetteer_entry(name, self.country)
                out.append(Found(m.start(), m.end(), m.group(), "ORG", "abbreviation", 0.85, name, entry))
        if self._doc_ci_rx is not None:
            for m in self._doc_ci_rx.finditer(text):
                abbr = self._doc_ci[m.group().lower()]
                name = self.resolver.abbreviations[abbr]
                if not self.defines_org(name, cell):
                    continue
                out.append(Found(m.start(), m.end(), m.group(), "ORG", "abbreviation", 0.8, name, None))
        for rx, conf in ((self._gaz_long_rx, 0.8), (self._gaz_short_rx if cell else None, 0.7)):
            if rx is None:
                continue
            for m in rx.finditer(text):
                if m.group("abbr") in self.resolver.abbreviations:
                    continue
                entry = gaz.lookup_abbr(m.group("abbr"), self.country)
                if entry is not None:
                    out.append(
                        Found(m.start(), m.end(), m.group(), "ORG", "abbreviation", conf, entry.name, entry)
                    )
        return out

    def _patterns(self, text: str) -> list[Found]:
        out: list[Found] = []
        for hit in patterns.org_hits(text):
            surface = text[hit.start : hit.end]
            genitive = hit.rule == "civic" or (
                hit.rule in ("lower_body", "suspended") and surface.endswith(("ets", "ens"))
            )
            base = surface[:-1] if genitive and surface.lower().endswith("s") else surface
            name = self.resolver.preferred(self.resolver.canonical(base)[0])
            if name[:1].islower():
                name = name[0].upper() + name[1:]
            entry = _gazetteer_entry(surface, self.country)
            out.append(
                Found(hit.start, hit.end, surface, "ORG", "pattern", hit.confidence, name, entry, hit.kind)
            )
        return out

    def _parties(self, text: str) -> list[Found]:
        """A party abbreviation in brackets after a person ("Mads Kvien (V)", "Anna Ek (S)"):
        the member's party. Anywhere else "V", "H" or "S" are letters, so only this shape."""
        out: list[Found] = []
        for m in _PARTY_RX.finditer(text):
            if not _PERSON_BEFORE.search(text[max(0, m.start() - 60) : m.start() - 1]):
                continue  # "figur (A)", "bilaga (B)": a label, not a party
            entry = gazetteer.parties().get((m.group("abbr"), self.country))
            if entry is not None:
                out.append(
                    Found(
                        m.start("abbr"),
                        m.end("abbr"),
                        m.group("abbr"),
                        "ORG",
                        "abbreviation",
                        0.8,
                        entry.name,
                        entry,
                    )
                )
        return out

    def _places(self, text: str) -> list[Found]:
        doc = self.nlp.make_doc(text)
        gaz = gazetteer.load()
        out: list[Found] = []
        for _, start, end in self.place_matcher(doc):
            span = doc[start:end]
            entry = gaz.lookup_place(span.text, self.country)
            if entry is None or _inside_name(doc, end):
                continue
            out.append(
                Found(span.start_char, span.end_char, span.text, "LOC", "place", 0.5, entry.name, entry)
            )
        return out + _ambiguous_places_in_lists(text, out, self.country)


def _ambiguous_places_in_lists(text: str, places: list[Found], country: str | None) -> list[Found]:
    """A town whose name is also a word ("Os", "Gran", "Time", "Vara") is that town when it stands in
    a list beside a town of no such doubt: "kommunene Os, Tolga, Tynset …", "Gran, Lunner og Jevnaker"."""
    gaz = gazetteer.load()
    out: list[Found] = []
    for m in _ambiguous_place_rx().finditer(text):
        entry = gaz.lookup_place(m.group(), country)
        if entry is None or entry.actor_type != "municipality":
            continue
        beside = any(
            _LIST_JOIN.fullmatch(text[m.end() : p.start]) or _LIST_JOIN.fullmatch(text[p.end : m.start()])
            for p in places
        )
        if beside:
            out.append(Found(m.start(), m.end(), m.group(), "LOC", "place", 0.5, entry.name, entry))
    return out


@functools.cache
def _ambiguous_place_rx() -> re.Pattern[str]:
    gaz = gazetteer.load()
    names = sorted(
        {
            a
            for p in AMBIGUOUS_PLACES
            for e in gaz.places.get(p, [])
            for a in e.aliases
            if gazetteer.key(a) == p
        },
        key=len,
        reverse=True,
    )
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names if n[:1].isupper())})(?![\w-])")


# Head nouns of programmes, projects and ideas: "Lokal Näringslivsutveckling (LNU)", "Regionala
# Tillväxtprogram (RTP)", "Smart Specialisering", "Europe-initiativet" are named, not organisations.
_ACTIVITY_HEAD = re.compile(
    r"(?i)(?:utveckling|utvikling|program|programmet|programme|initiativ|initiativet|projekt|projektet|"
    r"prosjekt|prosjektet|specialisering|spesialisering|strategi|strategin|strategien|verktyg|verktøy|"
    r"satsning|satsningen|satsing|satsingen|plan|planen)$"
)


# "Förnamn Efternamn (Ap)": a capitalised surname, the party's abbreviation in brackets.
_PARTY_RX = re.compile(r"(?<=[a-zåäöøæéü] \()(?P<abbr>[A-ZÅÄÖØÆ][A-Za-zåäöøæ]{0,2})(?=\))")
_PERSON_BEFORE = re.compile(r"[A-ZÅÄÖØÆ][a-zåäöøæéü-]+(?: [A-ZÅÄÖØÆ][a-zåäöøæéü-]+)+ $")


# Words before a list of towns that make it an area, not parties: "i kommunerna X och Y", "omfattar …".
_AREA_WORDS = ("i", "inom", "från", "fra", "frå", "omfattar", "omfatter", "täcker", "dekker")

# "samarbetet mellan Kinda, Ödeshög och Ydre", "avtalen mellom Lenvik og Berg": the towns are parties.
_PARTNERS_BEFORE = re.compile(
    r"(?i)(?:\b(?:samarbe(?:te|id)|samverka|avtal|partnerskap|samarbeidsorgan|samverkansorgan|regionråd)\w*\s+"
    r"(?:(?:aktivt|tett|nära|nært)\s+)?(?:mellan|mellom|med|for|för)"
    # "Hemsedal kommune søkjer om tilskot saman med Flå, Nes …" (not "pilotar, saman med Trysil …")
    r"|\b(?:søk\w*|sök\w*|delta\w*|deltek|samarbe\w*|samverk\w*)\b[^.;:]{0,30}\b(?:tillsammans|sammen|saman)\s+med"
    # "Medlemskommunene er Ørland, …", "Eierkommunene var …": the members named after a copula
    r"|\b(?:medlems|eier|eigar|ägar|deltagar|deltakar)kommun\w*:?(?:\s+(?:er|är|var|blir|vert))?"
    # "Interkommunalt politisk råd for Ørland, Indre Fosen …": a joint council's members
    r"|\bpolitisk[e]?\s+råd(?:et)?\s+(?:for|för)"
    r"|\b(?:kommuner|kommunar|eiere|eigarar|ägare|medlemmer|medlemmar|medlemar)\s*:"
    r"|\b(?:eid|eigd|ägd|ägs|eies|eigast)\s+av(?:\s+kommun(?:ane|ene|erna))?"
    # "for kommunene Enebakk, Frogn …", "var kommunerna Strömstad, Tanum …" (not "i kommunerna X och Y")
    + "|"
    + "".join(rf"(?<!\b{word} )" for word in _AREA_WORDS)
    + r"\b\w*kommun(?:erna|ene|ane))\s*[–—:-]?\s+$"  # also "ni medlemskommunar – Austrheim, …"
    # "i samverkan med alla Blekinges kommuner (Karlshamn, Karlskrona …)": the members in brackets
    r"|\bkommun(?:er|ar|erna|ene|ane)\s*\(\s*$"
    # "de fem kommunerna på Höglandet – Aneby, Eksjö …": the members after a dash or a colon
    + "|"
    + "".join(rf"(?<!\b{word} )" for word in _AREA_WORDS)
    + r"\b\w*kommun(?:erna|ene|ane)\s+(?:på|i|inom|innen)\s+\w+\s*[–—:]\s+$"
)
_LIST_JOIN = re.compile(rf"\s*{patterns.LIST_SEP}")


# The place after a national organisation's name: "Coompanion Blekinge", "NHO Innlandet", "Företagarna Haninge".
_BRANCH_PLACE = re.compile(rf" (?P<place>{patterns.CAP}(?: & {patterns.CAP})?)(?![\w-])")
_BRANCH_TYPES = frozenset({"association", "company", "network"})
# The country a national body adds to its name: "Nyföretagarcentrum Sverige", "Lokal Utveckling Sverige".
_NATIONAL = frozenset({"Sverige", "Norge", "Noreg", "Norden"})
# A branch named by its part of the country: "LRF Väst", "Coompanion Sydost", "NHO Nord"
_COMPASS = frozenset(
    {
        "Väst",
        "Öst",
        "Syd",
        "Nord",
        "Mitt",
        "Sydost",
        "Nordost",
        "Sydväst",
        "Nordväst",
        "Vest",
        "Sør",
        "Midt",
        "Nordvest",
        "Sørvest",
        "Sørøst",
    }
)


def _names_a_branch_place(place: str) -> bool:
    """A county, region or municipality, two of them ("Stenungsund & Tjörn", "Trosa-Gnesta"), or the
    country a national body adds to its name."""
    gaz = gazetteer.load()
    if place in _NATIONAL or place in _COMPASS or gaz.names_an_area(place):
        return True
    if gaz.lookup(f"{_genitive(place)} kommunalförbund") is not None:
        return True  # "Coompanion Fyrbodal": the sub-region a kommunalförbund is named after
    return all(
        gaz.names_an_area(part)
        or gaz.lookup(f"Region {part}") is not None
        or gaz.lookup(f"{_genitive(part)} län") is not None
        for part in re.split(r" & |-", place)
    )


def _regional_branches(text: str, found: list[Found]) -> list[Found]:
    """An association or company of national reach named with a county or municipality (or two) is its
    regional branch, an actor of its own ("Coompanion Roslagen", "Företagarna Trosa-Gnesta"), not the
    national body and a place."""
    out: list[Found] = []
    for f in found:
        if f.label != "ORG" or f.entry is None or f.entry.actor_type not in _BRANCH_TYPES:
            continue
        if f.entry.actor_type == "company" and f.entry.parent_municipality:
            continue  # a municipal company is already local
        after = _BRANCH_PLACE.match(text, f.end)
        if after is None:
            continue
        if not _names_a_branch_place(after.group("place")):
            continue
        surface = text[f.start : after.end()]
        out.append(
            Found(f.start, after.end(), surface, "ORG", "pattern", 0.8, surface, None, f.entry.actor_type)
        )
    return out


# "Næringsalliansen på Fosen", "Näringslivsbolaget i Sundsvall": a body's one-word name and its place.
_IN_PLACE = re.compile(
    rf" (?:i|på) (?P<place>{patterns.CAP}(?: {patterns.CAP})?)(?![\w-])"
    r"(?!\s+(?:kommun|kommune|fylkeskommune|län|stad|regionråd)s?\b)"  # "kulturetaten i Tinn kommune"
)


# Defined names that are measures, not bodies: "Nöjd kund-index (NKI)", "Sjukfrånvarokvot".
_A_MEASURE = re.compile(
    r"(?i)(?:index|indeks|indikator|indicator|enkät|undersökning|undersøkelse|mätning|måling|kvot|ratio)$"
)
_ADMINISTRATION = re.compile(
    r"(?i)(?:förvaltningen|forvaltningen|nämnden|kontoret|enheten|styrelsen|fullmäktige|etaten|avdelinga|"
    r"avdelingen|utvalet|utvalget|utskottet)$"
)


def _bodies_in_places(text: str, found: list[Found]) -> list[Found]:
    """A one-word body the patterns found with no gazetteer entry, followed by "i/på" and a known
    municipality, county or region, is named with its place (the whole is its name)."""
    gaz = gazetteer.load()
    out: list[Found] = []
    for f in found:
        if f.label != "ORG" or f.method != "pattern" or f.entry is not None or " " in f.text:
            continue
        if patterns.UNIT_HEAD.search(f.text) or _ADMINISTRATION.search(f.text) or f.text[:1].islower():
            continue  # a unit or administration ("Næringsavdelinga i Vinje", "samhällsbyggnadsförvaltningen
            # i Ludvika") is its municipality's, which the place names
        after = _IN_PLACE.match(text, f.end)
        if after is None:
            continue
        place = after.group("place")
        if not (gaz.names_an_area(place) or gaz.lookup(f"Region {place}") is not None):
            place = place.split(" ")[0]
            if not gaz.names_an_area(place):
                continue
        end = f.end + after.group(0).index(place) + len(place)
        surface = text[f.start : end]
        out.append(Found(f.start, end, surface, "ORG", "pattern", f.confidence, surface, None, f.kind))
    return out


# "Mariestad, Töreboda och Gullspång bidrar med …", "samarbetar Gislaved, Ljungby och Värnamo": towns
# listed as the subject of a verb of acting together are the municipalities.
_ACTING_VERBS = (
    r"samarbetar|samarbeider|samarbeidar|samverkar|bidrar|bidreg|bidrog|deltar|deltek|deltok|driver|driv|"
    r"finansierar|finansierer|står\s+bakom|står\s+bak|eier|eig|äger|samlar|samler"
)
# Chosen as bodies: "Averøy, Fræna, Haram, Giske og Herøy ble valgt ut", "Gran, Lunner og Jevnaker ble
# i 2007 utpekt til …".
_CHOSEN = r"(?:ble|blei|vart|blev|har\s+blitt|har\s+blivit)\s+(?:i\s+\d{4}\s+)?(?:valgt|vald|valda|utvalgt|utpekt|utpeika|utsedda|utsett)"
_ACTING_AFTER = re.compile(
    rf"(?i)^,?\s+(?:som\s+)?(?:{_ACTING_VERBS}|{_CHOSEN})\b"
)  # also ", som samarbetar"
# What one town does as a body, said right after its name at the head of a clause: "Leirfjord deltar i
# …", "Vallentuna drog sig ur", "Tinn og Fyresdal har fått omstillingsstatus" (a place does none of it).
_BODY_VERBS = re.compile(
    r"(?i)^\s+(?:deltar|deltek|deltok|deltog|tok\s+del|(?:har|hadde|hade)\s+(?:fått|fåt|fenge|søkt|sökt|"
    r"vedtatt|vedteke|beslutat|besluttet|bestemt|gått\s+med|valt|valgt)|fick|fikk|fekk|drog\s+sig\s+ur|"
    r"trakk\s+seg|trekte\s+seg|drar\s+sig\s+ur|trekker\s+seg|beslutade|beslöt|vedtok|vedtog|"
    r"besluttet|ansökte|sökte|søkte|søkjer|ansøkte)\b"
)
# The head of a clause: the text's start, a sentence end, or a conjunction ("og", "medan", "slik også").
_CLAUSE_HEAD = re.compile(r"(?i)(?:^|[.;:!?]\s+|\b(?:och|og|men|medan|mens|samt|slik\s+også|också|även)\s+)$")
# "I området ingår Arboga, Köping …": the towns an area takes in, not members acting.
_AREA_INCLUDES = r"(?:område\w*|region\w*|län\w*|fylke\w*)\s+(?:ingår|inngår)"
# "I X ingår Bjuv, Båstad …", "Bak strategien står Lørenskog, Rælingen …"
_ACTING_BEFORE = re.compile(rf"(?i)\b(?:{_ACTING_VERBS}|ingår|inngår|(?:bak|bakom)\s+\w+\s+står)\s+$")
_AREA_INCLUDES_BEFORE = re.compile(rf"(?i)\b{_AREA_INCLUDES}\s+$")


def _acting_before(text: str, start: int) -> bool:
    """A verb of acting together right before a list of towns, not an area taking them in."""
    before = text[max(0, start - 40) : start]
    return _ACTING_BEFORE.search(before) is not None and _AREA_INCLUDES_BEFORE.search(before) is None


# One town acting with others: "Tyresö samverkar med …", "Vallentuna söker tillsammans med …".
_JOINT_ACTING = re.compile(
    rf"(?i)^\s+(?:(?:{_ACTING_VERBS})\s+(?:med|sammen|saman|tillsammans)"
    r"|\w+\s+(?:tillsammans|sammen|saman)\s+med)\b"
)


def _partner_municipalities(text: str, found: list[Found], country: str | None) -> list[Found]:
    """Bare municipality names listed as the parties of a collaboration, as a body's members or
    owners ("Medlemskommuner: Essunga, Falköping …", "eigd av kommunane Austevoll, Bømlo …"), acting
    with others ("Tyresö samverkar med …"), as the town a member or an office-holder represents
    ("Per Olsen, Øksnes", "ordfører i Eidsvoll"), or listed before the plural ("Haugesund, Fusa og
    Vindafjord kommunar", _listed_before_plural) act as municipalities; so do counties before
    "fylkeskommuner" (_counties_before_plural)."""
    out = list(found)
    runs: list[list[int]] = []
    for i, f in enumerate(out):
        if f.label != "LOC" or f.entry is None or f.entry.actor_type != "municipality":
            continue
        if runs and runs[-1][-1] == i - 1 and _LIST_JOIN.fullmatch(text[out[i - 1].end : f.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    # where the towns a joint actor names begin: "Vallentuna söker tillsammans med Knivsta …"
    partners_from = -1
    for run in runs:
        first = out[run[0]]
        last = out[run[-1]]
        joint_match = _JOINT_ACTING.match(text[last.end :])
        joint = (
            joint_match is not None
            or (  # "samverkar Tyresö med …": the verb before its subject
                re.match(r"\s+med\b", text[last.end :]) is not None and _acting_before(text, first.start)
            )
        )
        named_with = first.start == partners_from
        if joint_match is not None and joint_match.group(0).rstrip().endswith("med"):
            partners_from = last.end + len(joint_match.group(0)) + 1
        acting = (
            joint
            or named_with
            or (
                len(run) > 1
                and (_ACTING_AFTER.match(text[last.end :]) is not None or _acting_before(text, first.start))
            )
            or (
                _BODY_VERBS.match(text[last.end :]) is not None
                and _CLAUSE_HEAD.search(text[max(0, first.start - 20) : first.start]) is not None
            )
        )
        if acting or _PARTNERS_BEFORE.search(text[max(0, first.start - 40) : first.start]):
            for k in run:
                out[k] = replace(out[k], label="ORG", confidence=0.7)
    for i, f in enumerate(out):
        if f.label != "LOC" or f.entry is None or f.entry.actor_type != "municipality":
            continue
        before = text[max(0, f.start - 40) : f.start]
        after_person = (
            i > 0 and out[i - 1].label == "PER" and _AFTER_PERSON.fullmatch(text[out[i - 1].end : f.start])
        )
        # "Per-Ole Larsen, Øksnes (leder)", "Peder Björk från Sundsvall", "ordfører i Eidsvoll": the
        # town a member represents, the municipality a title serves
        if (after_person and _MEMBER_END.match(text, f.end)) or _TITLE_IN.search(before):
            out[i] = replace(f, label="ORG", confidence=0.7)
    return _counties_before_plural(text, _listed_before_plural(text, out, country), country)


# Between a member's name and their town: ", " or "från/fra/frå"; what may follow the town: the end
# of the item, a role in brackets or the rest of the sentence after "från".
_AFTER_PERSON = re.compile(r", | (?:från|fra|frå) ")
_MEMBER_END = re.compile(r"\s*(?:$|[;,.\n]|\(|som\b|och\b|og\b)")
# A title of a municipality's own office before "i": "ordfører i Eidsvoll", "kommunedirektør i Nes".
_TITLE_IN = re.compile(
    r"(?i)\b(?:vara)?(?:ordfører|ordförande|ordførar|kommunedirektør|kommundirektör|rådmann|rådman|"
    r"kommunalråd|kommunalrådet|kommunchef|kommunsjef|näringslivschef|næringssjef|kommunstyrelsens ordförande)"
    r"\s+i\s+$"
)


# "Enköpings, Heby, Håbo och Östhammars kommuner", "Haugesund, Fusa og Vindafjord kommunar": names
# listed before the plural, the genitive -s allowed on any of them, a hyphen too ("Nordanstigs- och").
_PLURAL_AFTER_LIST = re.compile(
    rf"(?:{patterns.CAP}-?,\s+)*{patterns.CAP}-?\s+(?:och|og|samt)\s+{patterns.CAP}\s+$"
)
_PLURAL = re.compile(r"\bkommun(?:er|ar|erna|ene|ane|e)?\b")
# "Området omfattar Bräcke, Ånge … kommuner", "i Strömstads och Tanums kommuner": an area, not parties.
_TERRITORY_BEFORE = re.compile(
    rf"(?i)\b(?:{'|'.join(_AREA_WORDS)}|omfattas\s+av|utgörs\s+av|är|er|innanför|{_AREA_INCLUDES})\s+$"
)
_LIST_NAME = re.compile(patterns.CAP)


def _in_place_of(found: list[Found], new: list[Found]) -> list[Found]:
    """The new spans in place of every found span they overlap (a reading of a whole phrase wins)."""
    return [f for f in found if not any(f.start < n.end and n.start < f.end for n in new)] + new


def _listed_before_plural(text: str, found: list[Found], country: str | None) -> list[Found]:
    """Towns listed before "kommuner/kommunar" are those municipalities, as organisations."""
    gaz = gazetteer.load()
    out = list(found)
    for plural in _PLURAL.finditer(text):
        listed = _PLURAL_AFTER_LIST.search(text[: plural.start()])
        if listed is None or _TERRITORY_BEFORE.search(text[max(0, listed.start() - 30) : listed.start()]):
            continue
        names: list[Found] = []
        for m in _LIST_NAME.finditer(text, listed.start(), plural.start()):
            word = m.group(0)
            if word in ("och", "og", "samt"):
                continue
            entry = gaz.lookup_place(word, country) or (
                gaz.lookup_place(word[:-1], country) if word.endswith("s") else None
            )
            if entry is None or entry.actor_type != "municipality":
                names = []  # the municipalities are the names after the last that is none
                continue
            names.append(Found(m.start(), m.end(), word, "ORG", "place", 0.7, entry.name, entry))
        if plural.group(0) in ("kommun", "kommune"):
            names = names[:-1]  # "Lunner, Jevnaker og Gran kommune": the last is read with its head
        if len(names) < 2 - (plural.group(0) in ("kommun", "kommune")):
            continue
        out = _in_place_of(out, names)
    return sorted(out, key=lambda f: (f.start, f.end))


# "Hedmark og Trøndelag fylkeskommuner", "Troms og Nordland fylkeskommuner": two county councils;
# "Hedmark FK": one.
_COUNTY_FK = re.compile(rf"(?<![\w-])(?P<county>{patterns.CAP}) FK\b")
_COUNTIES_PLURAL = re.compile(
    rf"(?<![\w-])(?P<first>{patterns.CAP}) (?:og|och) (?P<last>{patterns.CAP}) fylkeskommun(?:er|ar|ane|ene)\b"
)


def _counties_before_plural(text: str, found: list[Found], country: str | None) -> list[Found]:
    """Two counties before the plural "fylkeskommuner" are both county councils: the first by its
    bare name, the last with the plural. A two-part county ("Vestfold og Telemark fylkeskommuner")
    is read the same way, as the plural says two. "X FK" is the county council too."""
    gaz = gazetteer.load()
    out = list(found)
    for m in _COUNTIES_PLURAL.finditer(text):
        first = gaz.lookup(f"{m.group('first')} fylkeskommune", country)
        last = gaz.lookup(f"{m.group('last')} fylkeskommune", country)
        if first is None or last is None:
            continue
        with_plural = text[m.start("last") : m.end()]
        spans = [
            Found(m.start("first"), m.end("first"), m.group("first"), "ORG", "place", 0.7, first.name, first),
            Found(m.start("last"), m.end(), with_plural, "ORG", "pattern", 0.8, last.name, last),
        ]
        out = _in_place_of(out, spans)
    for m in _COUNTY_FK.finditer(text):  # "Hedmark FK", "Sør-Trøndelag FK": the county council
        entry = gaz.lookup(f"{m.group('county')} fylkeskommune", country)
        if entry is not None:
            span = Found(m.start(), m.end(), m.group(), "ORG", "pattern", 0.8, entry.name, entry)
            out = _in_place_of(out, [span])
    return sorted(out, key=lambda f: (f.start, f.end))


# A street or square in an address line: "Storgata 12", "Kungsgatan", "Strandvegen", "Torget".
_STREET = re.compile(
    r"(?i)(?:gata|gatan|gate|gaten|vägen|väg|vegen|veien|vei|torget|torg|plassen|plass|allé|alléen)"
    r"(?:\s+\d+\w?)?\s*$"
)
# Where "X-regionen" is a place: after a preposition of place ("strategisk plan for Gjøvikregionen").
_PLACE_BEFORE = re.compile(
    r"(?i)(?:\b(?:i|for|för|av|til|till|fra|från|innen|inom|hele|hela|rundt|runt)\s+)$"
)
# Words that introduce a project, course or event by name: "prosjektet Region Ålesund", "kursen
# Tillväxt Östergötland".
_PROJECT_BEFORE = re.compile(
    r"(?i)\b(?:prosjektet|projektet|programmet|satsingen|satsningen|initiativet|konferansen|konferensen|"
    r"festivalen|kampanjen|kursen|kurset|utbildningen|utdanningen)\s+$"
)


def _whole_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[
        end : len(text) if line_end < 0 else line_end
    ].strip(" .:")


def _names_no_actor(text: str, found: Found, cell: bool) -> bool:
    """A name that here is not an organisation: a region after a preposition of place
    (a place, as in "120 000 nya jobb i Göteborgsregionen"), or a name introduced as a project.
    In a role cell the name stands for the body."""
    if found.label != "ORG" or cell or found.method not in ("pattern", "gazetteer"):
        return False
    before = text[max(0, found.start - 25) : found.start]
    region_body = found.entry is not None and found.entry.actor_type == "county_region"
    in_place = re.search(r" (?:i|for|för) ", found.text)  # "Næringshagen i Orkdalsregionen": a body
    if (
        re.search(r"regionens?$", found.text)
        and _PLACE_BEFORE.search(before)
        and not (region_body or in_place)
    ):
        return True  # (Västra Götalandsregionen is the region's own name, not a place)
    return found.method == "pattern" and _PROJECT_BEFORE.search(before) is not None


def _activity_name(found: Found) -> bool:
    """An ORG found by a pattern, a document definition or the trained NER whose name ends in an activity noun."""
    if (
        found.label != "ORG"
        or found.entry is not None
        or found.method not in ("pattern", "abbreviation", "model")
    ):
        return False
    name = found.name or found.text
    if name.startswith("Sektor "):
        return False  # "Sektor samfunnsutvikling": a municipality's sector, named after its field
    if re.fullmatch(rf"{patterns.CAP}(?: {patterns.CAP})? (?:Utvikling|Utveckling)", name):
        return False  # "Årdal Utvikling", "Sunnfjord Utvikling": a place's development company
    named = re.fullmatch(
        rf"(?:{patterns.CAP} )?({patterns.CAP}) (?:Næringsutvikling|Näringslivsutveckling)", name
    )
    if named and (named.group(1).endswith("s") or gazetteer.load().names_an_area(named.group(1))):
        return False  # "Mosseregionens Næringsutvikling", "Indre Østfold Næringsutvikling"; not "Lokal …"
    # with a "för/for" phrase the noun before it decides: "Stöd- och evalueringsverktyg för …" is a
    # tool, "Institutt for organisasjonsutvikling" an institute
    head = re.split(r" (?:för|for) ", name, maxsplit=1)[0]
    return _ACTIVITY_HEAD.search(head) is not None


# A list introduced as companies: "varumärken som ABB, Spendrups, Ovako", "bedrifter som …".
_COMPANY_LIST = re.compile(
    r"(?i)(?:företag|företagen|företagsnamn|bolag|bolagen|varumärken|industrier|industriföretag|arbetsgivare|"
    r"bedrifter|bedriftene|selskaper|selskapene|virksomheter)"
    r"(?:\s+(?:som|såsom|t\s?ex|bl\s?a|blant annet|bland annat|som t\s?ex|som for eksempel)\.?)?[\s:]*$"
)


def _acronym(surface: str) -> bool:
    """ "NSF", "CDC": an all-capitals word, an organisation's short name in a list of them."""
    return surface.isalpha() and surface.isupper() and 3 <= len(surface) <= 6


# A list introduced as the parties of the work: "Samarbeidspartnarar: …", "Medfinansiärer: …".
_PARTNER_LIST = re.compile(
    r"(?i)\b(?:samarbets?partner\w*|samarbeidspart\w*|partner(?:e|s|na|ar|arna|ane|ene)?|medverkande|"
    r"deltagare|deltakarar|deltakere|medfinansiär\w*|finansiär\w*|finansiør\w*|medlemmar|medlemmer|"
    r"aktörer|aktører)\s*:\s*$"
)


def _list_kind(before: str) -> str | None:
    return "company" if _COMPANY_LIST.search(before[-60:]) else None


def _inside_name(doc: Any, end: int) -> bool:
    """ "Falun Bor-länge-regionen", "Ludvika Energi": a place followed on the same line by a
    capitalised word that is not itself a place is the first word of a longer name."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if not nxt.text[:1].isupper() or "\n" in doc[end - 1].whitespace_ or not doc[end - 1].whitespace_:
        return False
    word = nxt.text.rstrip("-")
    if nxt.text.isupper() or word.lower() in _SEPARATOR_WORDS:
        return False
    return not gazetteer.load().is_place(word)


def _abbr_in_other_case(surface: str, country: str | None) -> Entry | None:
    """ "Trv" in a list of organisations is TRV (Trafikverket): a short capitalised list item
    that is a known abbreviation written in another case."""
    if not (3 <= len(surface) <= 6 and surface.isalpha() and surface[0].isupper()):
        return None
    return gazetteer.load().lookup_abbr(surface.upper(), country)


_SEPARATOR_WORDS = frozenset(["och", "og", "samt", "and", "eller", "m", "mfl", "med", "etc", "mm"])
_LIST_INTRO = frozenset(["som", "av", "från", "fra", "mellan", "mellom"])  # "varumärken som ABB, …"


def _whole_item(text: str, start: int, end: int, last: bool = False) -> bool:
    """A list item stands alone: not the head of "Social resurs" or "Move to Gothenburg", nor the
    tail of "Gbg o Co" (those are fragments of one longer name). The `last` item of a list
    may run on into the sentence ("… Västerbotten, Skåne i de här frågorna") when it is a
    single capitalised word (not at a full stop: "Int.", "Västgötalandet.")."""
    after = text[end:].lstrip(" ")
    if last:
        return " " not in text[start:end] and bool(re.match(r"(?:i|på|som|har|är|med|och|er|og)\b", after))
    if after and after[0] not in ",;)\n\t/":
        word = re.match(r"[\wåäöøæ]+", after)
        if after[0] == "." or (word is not None and word.group().lower() not in _SEPARATOR_WORDS):
            return False
    before = text[:start].rstrip(" ")
    if before and before[-1] not in ",;(:\n\t/":
        word = re.search(r"[\wåäöøæ]+$", before)
        if word is not None and word.group().lower() not in _SEPARATOR_WORDS | _LIST_INTRO:
            return False
    return True


def org_like(name: str, title_case: bool = False) -> bool:
    """Does a defined name read as an organisation ("Samverkan skola-arbetsliv (SSA)" does not)?
    In a `title_case` language capitals prove nothing, so an organisation head word must."""
    if gazetteer.load().lookup(name) is not None:
        return True
    if any(h.start == 0 and h.end == len(name) for h in patterns.org_hits(name)):
        return True
    if title_case:
        return patterns.english_org_name(name)
    words = [
        w
        for w in name.split(" ")
        if w.lower() not in ("och", "og", "&", "i", "för", "for", "of", "and", "the")
    ]
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def units_before_orgs(text: str, found: list[Found]) -> set[int]:
    """Indexes of units named just before their organisation in a role cell ("Planavdelningen,
    SBK", "Strategisk avd. FK"): a part of that organisation, not an actor of its own."""
    out: set[int] = set()
    for i, (unit, org) in enumerate(zip(found, found[1:], strict=False)):
        between = text[unit.end : org.start]
        if (
            unit.label == "ORG"
            and org.label == "ORG"
            and unit.entry is None
            and patterns.UNIT_HEAD.search(unit.name or unit.text)
            and re.fullmatch(r"[\s,]*", between)
        ):
            out.add(i)
    return out


def _people_at_companies(text: str, found: list[Found]) -> list[Found]:
    """ "Hanne Henriksen i Flakstad Utvikling AS": a name read as the head of a company's name is a
    person at the company; the company starts after the "i"."""
    ends = {f.end for f in found if f.label == "PER"}
    out: list[Found] = []
    for f in found:
        cut = next(
            (
                end + 3
                for end in sorted(ends)
                if f.start < end < f.end and text.startswith(" i ", end) and end + 3 < f.end
            ),
            None,
        )
        if f.label == "ORG" and f.method == "pattern" and cut is not None:
            surface = text[cut : f.end]
            f = replace(f, start=cut, text=surface, name=surface if f.name == f.text else f.name)
        out.append(f)
    return out


def _resolve_overlaps(found: list[Found]) -> list[Found]:
    """Longest span first, then the more trusted method; deterministic order by position."""
    ranked = sorted(found, key=lambda f: (-(f.end - f.start), -METHOD_RANK[f.method], f.start))
    taken: list[Found] = []
    for f in ranked:
        if any(f.start < t.end and t.start < f.end for t in taken):
            continue
        taken.append(f)
    return sorted(taken, key=lambda f: (f.start, f.end))
