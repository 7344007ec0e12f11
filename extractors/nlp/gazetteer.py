"""The shipped organisation gazetteers (extractors/data/gazetteer/*.tsv), loaded once per process.

Every Swedish municipality and region, every Norwegian kommune and fylke (2024, plus the
kommuner merged away since 2017 so older documents still resolve), the main state
agencies, universities and regional bodies of both countries. Lookups are by
normalised surface form (name or alias) and by exact abbreviation.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
GAZETTEER_DIR = DATA / "gazetteer"

_ORG_WORD = re.compile(r"\s(?:kommun|kommune|stad|fylke|fylkeskommune)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Entry:
    """One organisation as the gazetteer knows it."""

    name: str
    abbreviations: tuple[str, ...]
    actor_type: str
    country: str | None
    parent_municipality: str | None
    aliases: tuple[str, ...]
    county: str | None = None


def key(text: str) -> str:
    """Case- and whitespace-insensitive lookup key (NFC, no soft hyphens, dashes unified)."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return re.sub(r"\s+", " ", text).strip(" ,.;:").casefold()


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def read_tsv(path: Path) -> list[Entry]:
    """Parse one gazetteer file (header: name, abbreviations, actor_type, country, parent, aliases, county)."""
    entries: list[Entry] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 7)[:7]
        name, abbrs, actor_type, country, parent, aliases, county = (c.strip() for c in cols)
        entries.append(
            Entry(
                name=unicodedata.normalize("NFC", name),
                abbreviations=_split(abbrs),
                actor_type=actor_type or "other",
                country=country or None,
                parent_municipality=parent or None,
                aliases=_split(unicodedata.normalize("NFC", aliases)),
                county=county or None,
            )
        )
    return entries


@dataclass
class Gazetteer:
    entries: list[Entry]
    by_name: dict[str, list[Entry]]  # key(name or alias) -> entries
    by_abbr: dict[str, list[Entry]]  # exact abbreviation -> entries
    places: dict[str, list[Entry]]  # key(bare place name) -> municipalities called so

    @staticmethod
    def _pick(found: list[Entry], country: str | None, strict: bool) -> Entry | None:
        """Prefer the document's country; a full name from the other country still counts.

        Strict look-ups (abbreviations, bare place names) are too ambiguous to cross borders:
        in a document of no Nordic country ("NIH", "MARK" in an English notice) only entries
        of no country answer them."""
        if not found:
            return None
        if country is None and not strict:
            return found[0]
        same = [e for e in found if e.country in (country, None)]
        if same:
            return same[0]
        return None if strict else found[0]

    def lookup(self, surface: str, country: str | None = None) -> Entry | None:
        """The organisation a full name or alias denotes."""
        return self._pick(self.by_name.get(key(surface), []), country, strict=False)

    def lookup_abbr(self, abbr: str, country: str | None = None) -> Entry | None:
        """Abbreviations are short and ambiguous across countries: only the document's own country."""
        return self._pick(self.by_abbr.get(abbr.strip(), []), country, strict=True)

    def lookup_place(self, place: str, country: str | None = None) -> Entry | None:
        """The municipality a bare place name ("Ludvika", "Gratangen") stands for."""
        return self._pick(self.places.get(key(place), []), country, strict=True)

    def is_place(self, word: str) -> bool:
        """A municipality of either country is called so, whatever the document's country."""
        return key(word) in self.places

    def names_an_area(self, word: str) -> bool:
        """A municipality, county or region is called so ("Troms": Troms fylkeskommune)."""
        return self.is_place(word) or any(
            self.lookup(f"{word} {head}") is not None
            for head in ("fylkeskommune", "fylke", "län", "kommun", "kommune")
        )

    def surface_forms(self) -> list[tuple[str, Entry]]:
        """Every full name and alias (not bare place names), for the phrase matcher."""
        out: list[tuple[str, Entry]] = []
        for entry in self.entries:
            out.append((entry.name, entry))
            for alias in entry.aliases:
                if not self._is_place_alias(entry, alias):
                    out.append((alias, entry))
        return out

    @staticmethod
    def _is_place_alias(entry: Entry, alias: str) -> bool:
        return entry.actor_type == "municipality" and not _ORG_WORD.search(alias)


def build(entries: list[Entry]) -> Gazetteer:
    gaz = Gazetteer(entries=entries, by_name={}, by_abbr={}, places={})
    for entry in entries:
        names = [entry.name, *entry.aliases]
        for name in names:
            target = (
                gaz.places if Gazetteer._is_place_alias(entry, name) and name != entry.name else gaz.by_name
            )
            bucket = target.setdefault(key(name), [])
            if entry not in bucket:
                bucket.append(entry)
        for abbr in entry.abbreviations:
            gaz.by_abbr.setdefault(abbr, []).append(entry)
    return gaz


@functools.cache
def load() -> Gazetteer:
    """All shipped gazetteer files, in file-name order (deterministic)."""
    entries: list[Entry] = []
    for path in sorted(GAZETTEER_DIR.glob("*.tsv")):
        entries.extend(read_tsv(path))
    return build(entries)


@functools.cache
def first_names() -> frozenset[str]:
    path = DATA / "first_names.txt"
    names = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(n for n in names if n and not n.startswith("#"))


@functools.cache
def parties() -> dict[tuple[str, str | None], Entry]:
    """(abbreviation, country) -> party, from parties.tsv: read only after a member's name, so
    kept apart from the gazetteer, where "V", "H" or "S" would match everywhere."""
    return {(abbr, e.country): e for e in read_tsv(DATA / "parties.tsv") for abbr in e.abbreviations}
