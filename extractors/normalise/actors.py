"""Organisation names to canonical actors with stable ids.

The resolver is per document: it learns the document's own abbreviation definitions
("Grundskoleförvaltningen (GrF)") and falls back to the shipped gazetteers
(extractors/data/gazetteer). Ids are slugs of the canonical name, so the same
organisation gets the same actor_id in every document.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extractors.result import Extraction, Record

if TYPE_CHECKING:
    from extractors.nlp.gazetteer import Entry

_L = "a-zåäöøæéüß"
_U = "A-ZÅÄÖØÆÉÜ"

_SUFFIX_TYPES: tuple[tuple[str, str], ...] = (
    (
        r"(?i:fullmäktige|kommunstyrelsen|kommunestyre[t]?|formannskap(?:et)?|bystyre[t]?|fylkesting(?:et)?)$",
        "committee",
    ),
    (r"(?:nämnden|nämnd|utvalg|utvalget|[Ss]tyrelsen för .*)$", "committee"),
    (r"^(?:Nämnden|Utvalget) for\b|^Nämnden för\b", "committee"),
    # nynorsk and Norwegian committee heads, a board's working committee ("Kommunstyrelsens
    # arbetsutskott"), "Hovudutval for …"
    (
        r"(?i:nemnda|nemnd|nemnden|utval|utvalet|utskott|utskottet)$|^(?:Hovudutval|Hovedutvalg)(?:et)?\b",
        "committee",
    ),
    # a municipality's advisory councils ("Ungdomsrådet", "Folkhälsorådet", "Eldrerådet"): bodies of
    # its own, not networks
    (
        r"(?i:ungdomsråd|ungdomsrådet|ungdomsrådets|eldreråd|eldrerådet|äldreråd|äldrerådet|pensionärsråd|"
        r"pensionärsrådet|folkhälsoråd|folkhälsorådet|folkehelseråd|folkehelserådet|funktionshinderråd|"
        r"funktionshinderrådet|brottsförebyggande rådet|råd for personer med funksjonsnedsettelse)$",
        "committee",
    ),
    (r"^Länsstyrelsen\b|^Statsforvalteren\b|^Fylkesmannen\b", "state_agency"),
    (r"(?:styrelsen)$", "committee"),
    (
        r"^Förvaltningen för\b|(?:förvaltningen|förvaltning|kontoret|kontor|enheten|etaten|sektorn)$",
        "administration",
    ),
    # "Plan- og forvaltningsavdelinga", "HR-avdelingen", "Avdeling for strategisk utvikling", "Sektor for
    # helse og omsorg", "Rådmannens stab": a unit of an administration
    (
        r"(?i:avdelinga|avdelingen|avdeling|avdelningen|avdelning|seksjonen|sektionen|staben|stab)$"
        r"|^(?:Avdeling|Avdelingen|Avdelningen|Avdelinga|Sektor|Seksjon|Sektionen)\b",
        "administration",
    ),
    # a place's business bodies and local associations ("Bergen Næringsråd", "Luster Næringsforum SA",
    # "Företagarna Sjöbo", "Jostedalen Bygdelag"), whatever legal form they end with
    (
        r"(?i:næringsråd|næringsrådet|næringsforum|næringsforening|næringsforeningen|näringslivsråd|"
        r"företagarförening|bygdelag|utviklingslag|grendalag|grendelag|velforening|mållag|bondelag|"
        r"idrettslag|hembygdsförening|byalag)(?: (?:SA|BA))?$|^Företagarna\b",
        "association",
    ),
    (r"\b(?:KF|IKS)$", "municipal_company"),
    (r"\b(?:AB|Aktiebolag|AS|ASA|SF|HF|DA|ANS)$|\(publ\)$", "company"),
    (r"\b(?:Ab|Abp|Oy|Oyj)$", "company"),  # Finland's legal forms ("Närpes Grönsaker Ab")
    (r" rf$", "association"),  # a registered association of Finland ("Företagarna i Närpes rf")
    # savings banks named after their place ("Luster Sparebank", "Sala Sparbank", "Sparebanken Vest")
    (r"(?i:sparebank|sparbank|sparebanken|sparbanken)$|^Spare[Bb]ank(?:en)?\b", "company"),
    (r" Bostäder$", "company"),  # "Överkalix Bostäder": a housing company, its "AB" left out
    (
        r"(?i:\bcluster\b|\balliance\b|allians(?:en)?$|^partnerskap(?:et)?\b)|^Arena [A-ZÅÄÖØÆ]|^[NG]CE [A-ZÅÄÖØÆ]",
        "network",
    ),
    # the local action groups of the EU's Leader method, a municipalities' joint committee
    # ("Sydöstra Skånes Samarbetskommitté")
    (r"^Leader [A-ZÅÄÖØÆ]|(?i:samarbetskommitté|samarbetskommittén)$", "network"),
    (r"[a-zåäöøæ-]regionen$", "network"),
    (r"^(?:Region|Landstinget)\b|(?:fylkeskommune|^Regionen|landsting)$", "county_region"),
    (r"(?:kommun|kommune|kommuns|kommunes|[Ss]tad)$", "municipality"),
    (
        r"(?i:universitet|universitetet|högskola|högskolan|høgskole|høgskolen|høgskule|høgskulen|university)\b",
        "university",
    ),
    (
        r"(?i:regionråd|regionrådet|kommunalförbund|samkommune|nätverk|nätverket|nettverk|nettverket|kluster|klynge|rådet|"
        r"intressegrupp|intressegruppen|interessegruppe|interessegruppen)$",
        "network",
    ),
    (
        r"(?i:förening|föreningen|forening|foreningen|forbund|förbund|förbundet|forbundet|handelskammare|handelskammaren)\b",
        "association",
    ),
    (r"(?i:verket|myndigheten|direktoratet|departementet|inspektionen|tilsynet|ämbetet)$", "state_agency"),
)


# The state's county boards by their bare name, which stands for the one of the county at hand.
_COUNTY_BOARDS = frozenset(["Länsstyrelsen", "Statsforvalteren"])
_ONE_BOARD = frozenset(["länsstyrelsen", "statsforvalteren", "statsforvaltaren", "fylkesmannen"])

_LITTLE = frozenset(["för", "for", "i", "och", "og", "&", "of", "and", "av"])


def _loose_key(name: str) -> str:
    return " ".join(w for w in name.casefold().replace("-", " ").split() if w not in _LITTLE)


def slugify(name: str) -> str:
    """ASCII-folded, lower-case, hyphen-separated: the actor_id of a canonical name."""
    folded = name.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "AE")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


_NAME_WORDS = r"[A-ZÅÄÖØÆ][\wåäöøæ-]*(?: [A-ZÅÄÖØÆ][\wåäöøæ-]*){0,3}"
_COMPANY_WITH_AMPERSAND = re.compile(
    rf"(?<![\w&] )\b{_NAME_WORDS}(?<!\bAB)(?<!\bAS) & {_NAME_WORDS} (?:AB|AS|ASA|A/S|HB|KB)\b"
)
# "Västerviks Miljö och Energi AB", "Bodø Havn og Logistikk AS": a company whose name joins two words
_COMPANY_WITH_AND = re.compile(
    rf"(?<![\w&] )\b{_NAME_WORDS}(?<!\bAB)(?<!\bAS) (?:och|og) {_NAME_WORDS} (?:AB|AS|ASA|A/S|KF|IKS)\b"
)


def clean_name(text: str) -> str:
    """NFC, no soft hyphens, single spaces, no surrounding punctuation or list dashes."""
    text = unicodedata.normalize("NFC", text.replace("\u00ad", ""))
    text = re.sub(r"\s+", " ", text).strip(" ,.;:•–-*❖")
    if text.count("(") > text.count(")"):
        text = text.replace("(", "").strip()
    return text


# The heads of organisation names a narrow table column may break inside (no hyphen printed).
_BROKEN_HEAD = re.compile(
    r"(förvaltningen|förvaltning|nämnden|kontoret|avdelningen|avdelingen|enheten|sekretariatet|"
    r"forvaltningen|etaten|utvalget|direktoratet|departementet)$"
)


def rejoin_broken_head(text: str) -> str:
    """ "Kommunledningsförv altningen" is "Kommunledningsförvaltningen": a word too long for a
    narrow cell is wrapped inside the word with no hyphen. Two pieces are joined only when the
    joined word ends in an organisation's head noun and the break falls inside that noun, so
    "Social resursförvaltningen" stays two words."""

    words = text.split(" ")
    out: list[str] = []
    for word in words:
        if out and re.fullmatch(r"[a-zåäöøæ]\w*\W?", word) and re.search(r"\w$", out[-1]):
            joined = out[-1] + word
            head = _BROKEN_HEAD.search(joined.rstrip(",.;:)"))
            if head is not None and head.start() < len(out[-1]):
                out[-1] = joined
                continue
        out.append(word)
    return " ".join(out)


def guess_actor_type(name: str) -> str:
    """actor_type from the organisation word a Swedish/Norwegian name ends (or starts) with.

    The head noun decides: "Tillväxtrådet i Lidköpings kommun" is a council, not the
    municipality; "Ludvika Energi AB" is a company named after its owner municipality."""
    head = re.split(r" (?:i|in|på|ved|vid) (?=[A-ZÅÄÖØÆ])", name, maxsplit=1)[0]
    if head != name:
        typed = _shape_type(head)
        if typed != "other":
            return typed
    # "Hovedutvalg for opplæring og kompetanse", "Avdeling for strategisk utvikling": the one word
    # before "for/för" is the head
    first, sep, _ = name.partition(" for ") if " for " in name else name.partition(" för ")
    if sep and " " not in first:
        typed = _shape_type(first)
        if typed != "other":
            return typed
    typed = _shape_type(name)
    if typed == "company" and _owned_by_municipality(name):
        return "municipal_company"
    return typed


def _shape_type(name: str) -> str:
    for pattern, actor_type in _SUFFIX_TYPES:
        if re.search(pattern, name):
            return actor_type
    return "other"


def _owned_by_municipality(name: str) -> bool:
    """A company whose name opens with a municipality's name ("Göteborgs Hamn AB", "Bodø Havn AS")."""
    from extractors.nlp.gazetteer import key, load

    first = name.split(" ", 1)[0]
    if (len(name.split(" ")) < 3 and not name.endswith(" Bostäder")) or not first[:1].isupper():
        return False
    places = load().places
    low = key(first)
    return low in places or (low.endswith("s") and low[:-1] in places)


# Job titles in role cells: "Kvalitets- och utvecklingschef", "Verksamhetsstrateg", "Enhetschef".
TITLE_WORD = re.compile(
    rf"^(?:[{_U}{_L}]+-(?: och| og)? )?[{_U}{_L}/.\-]*?"
    r"(?:chef|chefer|sjef|sjefer|strateg|strateger|ledare|leder|direktör|direktør|samordnare|koordinator|"
    r"koordinatorer|ansvarig|ansvarlig|handläggare|sekreterare|sekretær|rådgivare|rådgiver|konsulent|"
    r"utvecklare|controller|analytiker|specialist|expert|ombudsman|kommunalråd|ordförande|leiar|"
    r"rektor|rektorer|förvaltningsdirektör|stadsdirektör|kommundirektör|kommunedirektør|rådmann|ordfører|"
    r"projektledare|prosjektleder|processledare|prosessleder|teamledare|gruppchef|handledare|"
    r"näringslivsutvecklare|næringssjef|næringsansvarlig|planerare|planlegger|medarbetare|medarbeider|medarbeidar|"
    r"rådgjevar|saksbehandler|sakshandsamar|prosjektleiar)"
    r"(?:en|et|n)?$",
    re.IGNORECASE,
)
TITLE_ONLY = {"vd", "vd:n", "koord.", "koord"}


# The next "Label: " of a fact box read as one line ("Hudiksvalls kommun Projektledare: Maria Engström"):
# a capitalised word (and up to two lower-case ones) and a colon, right after a word, not after a comma
# ("Tillväxtverket: 2,9 mkr, Länsstyrelsen: 1 mkr" is one list).
_NEXT_LABEL = re.compile(rf"(?<=[\w)])\s+(?=(?P<label>[{_U}][{_L}-]+)(?:\s[{_L}-]+){{0,2}}\s*:\s)")


def until_next_label(value: str) -> str:
    """A labelled value up to where the next label of the same line begins (a place is no label:
    "Tillväxtverket 2,9 mkr, Region Gävleborg: 1,2 mkr")."""
    from extractors.nlp import gazetteer

    gaz = gazetteer.load()
    for m in _NEXT_LABEL.finditer(value):
        label = m.group("label")
        if not (gaz.names_an_area(label) or gaz.lookup(f"Region {label}") is not None):
            return value[: m.start()]
    return value


def split_title(item: str) -> tuple[str | None, str]:
    """Separate a leading job title from the organisation: "Verksamhetsstrateg BRG" -> (title, "BRG")."""
    item = clean_name(item)
    words = item.split(" ")
    for n in range(min(4, len(words)), 0, -1):
        head = " ".join(words[:n]).rstrip(",")
        if TITLE_WORD.match(head) or head.lower() in TITLE_ONLY:
            return head, clean_name(" ".join(words[n:]))
    if len(words) > 1 and (TITLE_WORD.match(words[-1]) or words[-1].lower() in TITLE_ONLY):
        if all(w[:1].islower() for w in words[:-1]):
            return item, ""  # "dagleg leiar", "administrerende direktør": the whole item is the title
        return words[-1], clean_name(" ".join(words[:-1]))
    return None, item


def _abbr_fits(abbr: str, name: str) -> bool:
    """Does ABBR plausibly abbreviate NAME? Letters in order, first letter an initial of a word."""
    letters = [c for c in abbr.lower() if c.isalnum() or c == "&"]
    if not letters:
        return False
    initials = {w[0].lower() for w in re.findall(rf"[{_U}{_L}0-9&]+", name)}
    if letters[0] not in initials:
        return False
    text = name.lower()
    pos = 0
    for c in letters:
        pos = text.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


_HEAD_FIRST = re.compile(
    r"(?:Förvaltningen|Nämnden|Myndigheten|Verket|Rådet|Kontoret|Enheten|Avdelningen|Institutet|Stiftelsen|"
    r"Direktoratet|Senteret|Etaten|Föreningen|Foreningen|Förbundet|Forbundet|[A-ZÅÄÖØÆ]\w+enheten)$"
)
_FULL_HEADS = (
    "förvaltningen|kontoret|enheten|avdelningen|myndigheten|etaten|senteret",
    "nämnden|utvalget",
)


def _base_form(name: str, abbr: str) -> str:
    """ "Ungt entreprenørskaps (UE)" defines "Ungt entreprenørskap": drop a genitive -s that the
    abbreviation does not need."""
    last = name.rsplit(" ", 1)[-1]
    if (
        len(name.split()) >= 2
        and len(last) >= 5
        and last.endswith("s")
        and not last.endswith(("ss", "us", "is"))
        and not abbr.lower().endswith("s")
        and _abbr_fits(abbr, name[:-1])
        and not _place_name(last)  # "Regionalt Samarbeidsforum Troms (RST)": Troms is a name
    ):
        return name[:-1]
    return name


def _place_name(word: str) -> bool:
    """A municipality, county or region name that ends in -s of its own (Troms)."""
    from extractors.nlp import gazetteer

    return gazetteer.load().names_an_area(word)


_COMPANY = re.compile(r"^(?P<base>.+?) (?:AB|AS|ASA|Aktiebolag)$")
_DEF = re.compile(
    r"(?P<before>[^()\n\t]{0,120}?)\s?\((?P<inner>[^()\n\t]{1,80})\)",  # never across cells
)
_ABBR = re.compile(rf"^[{_U}][{_U}{_L}0-9&.\-]{{0,9}}(?: [{_U}{_L}]{{1,5}})?$")
_WORD = re.compile(rf"[{_U}{_L}0-9&][{_U}{_L}0-9&\-]*")
_LEGAL_FORMS = frozenset({
    "ab", "publ", "as", "asa", "hb", "kb", "ltd", "inc", "llc", "plc", "gmbh", "pvt", "corp", "co", "sa",
    "oy", "oyj", "abp", "rf", "aps",
})  # fmt: skip


@dataclass
class ActorResolver:
    """Resolve organisation strings of one document to canonical actors."""

    country: str | None = None
    abbreviations: dict[str, str] = field(default_factory=dict)  # ABBR -> canonical name
    names: dict[str, str] = field(default_factory=dict)  # lower-case surface -> canonical name
    companies: dict[str, str] = field(default_factory=dict)  # lower-case name without "AB" -> full name
    use_gazetteer: bool = True
    # The municipality or region that issues the document: its own committees and administrations,
    # named with no place ("Kommunstyrelsen", "Grundskoleförvaltningen"), are its bodies, not every
    # municipality's (their actor_id carries its slug, their parent_municipality its name).
    home: str | None = None

    def set_home(self, issuer: str | None) -> None:
        """Take the issuer as home when it is a municipality or region the gazetteer knows."""
        entry = self._gazetteer_entry(issuer) if issuer else None
        if entry is not None and entry.actor_type in ("municipality", "county_region"):
            self.home = entry.name

    def _home_body(self, name: str) -> bool:
        if self.home is None or self._gazetteer_entry(name) is not None:
            return False
        if re.search(r" (?:i|på|in|ved|vid) [A-ZÅÄÖØÆ]|(?i:förbund|forbund)", name):
            return False  # "Näringslivsrådet i Sunne kommun" names its place
        if self._named_after_other_area(name):
            return False  # "Norrbottens Energikontor" in a municipality's plan: the county's office
        from extractors.nlp.patterns import UNIT_HEAD

        # "Næringsavdelingen", "Plan- og utviklingsavdelinga": a unit of its administration
        return guess_actor_type(name) in ("committee", "administration") or bool(
            UNIT_HEAD.search(name.split(" ")[0])
            or UNIT_HEAD.search(name)
            or re.search(r"(?i)avdelinga$", name)
        )

    def _named_after_other_area(self, name: str) -> bool:
        """A name that opens with the genitive of a county, region or municipality other than home."""
        words = name.split(" ")
        first = words[0]
        if len(words) < 2 or not first.endswith("s") or len(first) < 4 or not first[:1].isupper():
            return False
        from extractors.nlp.patterns import _known

        area = first[:-1]
        if self.home is None or self.home.casefold().startswith(area.casefold()):
            return False
        return _known(area) or _known(first + " län")

    def actor_id_of(self, name: str) -> str:
        """The slug of the canonical name; a home body's also of its municipality or region."""
        if self._home_body(name):
            assert self.home is not None
            return f"{slugify(name)}--{slugify(self.home)}"
        return slugify(name)

    # -- learning from the document -------------------------------------------------

    def learn(self, name: str, abbreviation: str) -> None:
        """Record a definition found in the document: name "(ABBR)". The first definition wins."""
        abbr = clean_name(abbreviation)
        name = _base_form(clean_name(name), abbr)
        canonical = self._gazetteer_name(name) or name
        if not abbr or not canonical or abbr.lower() == canonical.lower():
            return
        self.abbreviations.setdefault(abbr, canonical)
        self.names.setdefault(canonical.lower(), canonical)

    def learn_from_text(self, text: str) -> int:
        """Learn every "Full Name (ABBR)" and "ABBR (Full Name)" definition; returns how many."""
        learned = 0
        text = text.replace("\u00ad", "")
        for match in _DEF.finditer(text):
            inner = clean_name(match.group("inner"))
            words = _WORD.findall(match.group("before"))
            pair = self._definition(words, inner)
            if pair is not None and pair[1] not in self.abbreviations:
                self.learn(*pair)
                learned += 1
        return learned

    def _definition(self, words: list[str], inner: str) -> tuple[str, str] | None:
        if inner.rstrip(".").lower() in _LEGAL_FORMS:
            return None  # "… Communications Pvt. Limited (Ltd)": a legal form, not this body's abbreviation
        if _ABBR.match(inner) and not inner.isdigit() and len(inner) >= 2 and words:
            # one letter is never a body's abbreviation: "Rune Hogsnes (H)" gives a member's party
            # shortest run of preceding words that starts capitalised and the abbreviation fits; a
            # single word it does not fit ("Samarbetskommitté (SÖSK)") only when no longer run does
            # ("Sydöstra Skånes Samarbetskommitté")
            runs = [words[-n:] for n in range(1, min(7, len(words)) + 1)]
            for cand in runs:
                same_start = cand[0][0].lower() == inner[0].lower() or _HEAD_FIRST.match(cand[0]) is not None
                name = " ".join(cand)
                if cand[0][0].isupper() and same_start and _abbr_fits(inner, name) and len(name) > len(inner):
                    return name, inner
            one = runs[0][0]
            if (
                one[0].isupper()
                and one[0].lower() == inner[0].lower()
                and len(inner) <= 4
                and len(one) > len(inner)
            ):
                return one, inner
        # reverse form "Nutek (Verket för näringslivsutveckling)"
        if words and len(inner.split()) >= 2 and inner[0].isupper() and not re.search(r"\d", inner):
            last = words[-1]
            legal_form = last.rstrip(".").lower() in _LEGAL_FORMS  # "… Pvt. Ltd (Now Known as …)"
            if _ABBR.match(last) and _abbr_fits(last, inner) and len(last) <= 8 and not legal_form:
                return inner, last
        return None

    def expand_names(self, texts: list[str]) -> int:
        """A defined name that is the tail of a fuller name in the document takes that name:
        "Arbetsmarknad och vuxenutbildning (Arbvux)" and elsewhere "Förvaltningen för
        arbetsmarknad och vuxenutbildning" are one administration."""
        changed = 0
        joined = "\n".join(texts)
        for abbr, name in list(self.abbreviations.items()):
            if self._gazetteer_entry(name) is not None or len(name.split()) < 2:
                continue
            # an administration before its committee: role cells name who does the work
            m = None
            for heads in _FULL_HEADS:
                m = m or re.search(rf"(?i)\b(?:{heads}) (?:för|for) {re.escape(name)}(?![\w])", joined)
            if m:
                full = clean_name(m.group())
                full = full[0].upper() + full[1:]
                self.abbreviations[abbr] = full
                self.names.setdefault(full.lower(), full)
                self.names[name.lower()] = full
                changed += 1
        return changed

    def learn_company(self, name: str) -> None:
        """Remember "Higab AB" so that a bare "Higab" resolves to it (defined names take precedence)."""
        m = _COMPANY.match(clean_name(name))
        if m:
            self.companies.setdefault(m.group("base").lower(), clean_name(name))

    def _company_form(self, name: str) -> str:
        m = _COMPANY.match(name)
        base = (m.group("base") if m else name).lower()
        defined = {n.lower(): n for n in self.abbreviations.values()}
        if base in defined:
            return defined[base]
        return self.companies.get(base, name)

    # -- resolving ------------------------------------------------------------------

    def _gazetteer_entry(self, name: str) -> Entry | None:
        if not self.use_gazetteer:
            return None
        from extractors.nlp.gazetteer import load

        gaz = load()
        entry = gaz.lookup(name, self.country) or gaz.lookup_abbr(name, self.country)
        if entry is None:
            m = re.match(r"^(.+?)s? (?:kommun|kommune|[Ss]tad)$", name)
            if m:
                entry = gaz.lookup_place(m.group(1), self.country)
        return entry

    def _gazetteer_name(self, name: str) -> str | None:
        entry = self._gazetteer_entry(name)
        return entry.name if entry is not None else None

    def canonical(self, text: str) -> tuple[str, list[str]]:
        """The canonical name for a surface form, and the abbreviations it is known by."""
        name = clean_name(text)
        if name in self.abbreviations:
            name = self.abbreviations[name]
        else:
            entry = self._gazetteer_entry(name)
            company = self._company_form(name) if entry is None else name
            if entry is not None:
                name = self._named_county_board(name, entry.name) or entry.name
            elif company != name:
                name = company
            elif name.lower() in self.names:
                name = self.names[name.lower()]
            else:
                name = self._inferred(name) or name
        if name[:1].islower():
            name = name[0].upper() + name[1:]
        abbrs = sorted(a for a, n in self.abbreviations.items() if n == name)
        return name, abbrs

    def _named_county_board(self, surface: str, board: str) -> str | None:
        """ "Länsstyrelsens handläggare" after "Länsstyrelsen i Norrbottens län": the bare state
        county board is the one the document has named with its county, when it named exactly one."""
        if board not in _COUNTY_BOARDS or surface.casefold().removesuffix("s") not in _ONE_BOARD:
            return None  # "Länsstyrelserna": every county's board
        hits = {known for known in self.names.values() if known.startswith(board + " i ")}
        return hits.pop() if len(hits) == 1 else None

    def _antecedent(self, name: str) -> str | None:
        """ "Regionrådet" after "Sør-Troms regionråd": a bare definite head noun is the one known
        organisation of the document with that head, when there is exactly one."""
        if " " in name or len(name) < 7:
            return None
        low = name.lower()
        stems = {low[: -len(end)] for end in ("en", "et", "n", "a") if low.endswith(end)}
        hits = {
            known
            for known in (*self.names.values(), *self.abbreviations.values())
            if " " in known and known.lower().rsplit(" ", 1)[-1] in stems
        }
        return hits.pop() if len(hits) == 1 else None

    def _loose(self, name: str) -> str | None:
        """ "Förvaltningen inköp och upphandling" is "Förvaltningen för inköp och upphandling": the
        one known name equal to it but for its little words (för, i, och, &)."""
        want = _loose_key(name)
        if len(want.split()) < 2:
            return None
        hits = {n for n in self.names.values() if len(n) > len(name) and _loose_key(n) == want}
        return hits.pop() if len(hits) == 1 else None

    def preferred(self, name: str) -> str:
        """The canonical name another, better-known actor gives this registered name, else itself:
        merges actors registered before the document's definitions were all learned."""
        entry = self._gazetteer_entry(name)
        if entry is None and 3 <= len(name) <= 6 and name.isalpha() and name[:1].isupper():
            entry = self._gazetteer_entry(name.upper())  # "Trv" is TRV
        if entry is not None:
            return entry.name
        company = self._company_form(name)
        if company != name:
            return company
        known = self.names.get(name.lower())
        if known is not None and known != name:
            return known
        # "Förvaltningen för konsument" cut at a suspended "-och": a clipped known name
        return self._inferred(name) or self.prefix_match(name) or name

    def _inferred(self, name: str) -> str | None:
        """A known name of the document this one stands for, by the document's own wording."""
        return (
            self._antecedent(name)
            or self._loose(name)
            or self._without_place(name)
            or self._linking_s(name)
            or self._one_letter_off(name)
        )

    def _one_letter_off(self, name: str) -> str | None:
        """ "Eusiness Region Göteborg" in a scanned page is the document's "Business Region Göteborg":
        OCR misreads single letters, so a long name of two or more words that differs from exactly one
        known name by one letter at the same place is that name."""
        if len(name) < 14 or " " not in name:
            return None
        hits = {
            known
            for known in self.names.values()
            if len(known) == len(name) and sum(a != b for a, b in zip(known, name, strict=True)) == 1
        }
        return hits.pop() if len(hits) == 1 else None

    def _linking_s(self, name: str) -> str | None:
        """ "Partnerskap Bergslagbanan" is the document's "Partnerskap Bergslagsbanan": a known
        name of two or more words that differs only by a compound's linking "s" inside a word."""
        if len(name.split()) < 2:
            return None
        low = name.lower()
        with_s = {
            low[:i] + "s" + low[i:] for i in range(1, len(low)) if low[i - 1].isalpha() and low[i].isalpha()
        }
        return min((known for known in self.names.values() if known.lower() in with_s), default=None)

    def _without_place(self, name: str) -> str | None:
        """ "Samhällsbyggnadsförvaltningen i Ludvika" is the document's Samhällsbyggnadsförvaltningen."""
        m = re.match(rf"^([{_U}][{_L}]+(?:förvaltningen|kontoret|nämnden|etaten|enheten)) i (\S+)$", name)
        if m is None or not self.use_gazetteer:
            return None
        from extractors.nlp.gazetteer import load

        return m.group(1) if load().lookup_place(m.group(2), self.country) is not None else None

    def entry_for(self, text: str) -> Entry | None:
        """The gazetteer entry behind a surface form (after the document's own abbreviations)."""
        name, _ = self.canonical(text)
        return self._gazetteer_entry(name)

    def prefix_match(self, text: str) -> str | None:
        """A known name this text is a clipped form of ("Social resurs" -> "Social resursförvaltningen")."""
        low = clean_name(text).lower()
        if len(low) < 5:
            return None
        hits = sorted({n for k, n in self.names.items() if k.startswith(low) and k != low})
        if len(hits) > 1:
            # "Social resurs" beside "Social resursförvaltningen" and "Social resursnämnd":
            # the administration does the work a role cell names
            hits = [
                n
                for n in hits
                if n.lower()[len(low) :].lstrip("s").startswith(("förvaltning", "forvaltning"))
            ]
        if len(hits) > 1 and all(h.lower().startswith(hits[0].lower()) for h in hits):
            hits = [max(hits, key=len)]  # "…förvaltning" and "…förvaltningen" are one name
        return hits[0] if len(hits) == 1 else None

    def resolve(
        self, text: str, result: Extraction | None = None, actor_type: str | None = None
    ) -> str | None:
        """actor_id for an organisation string; registers the actor on `result` when given."""
        name, abbrs = self.canonical(text)
        if not name:
            return None
        if not slugify(name):
            return None
        actor_id = self.actor_id_of(name)
        self.names.setdefault(name.lower(), name)
        if result is not None:
            result.add_actor(self.actor_row(text, name, abbrs, actor_type))
        return actor_id

    def actor_row(self, text: str, name: str, abbrs: list[str], actor_type: str | None = None) -> Record:
        """The actors-table row for a canonical name (gazetteer facts win over guesses)."""
        entry = self._gazetteer_entry(name)
        surface = clean_name(text)
        known_abbrs = set(abbrs) | set(entry.abbreviations if entry else ())
        aliases = [surface] if surface not in (name, *known_abbrs) else []
        home_body = self._home_body(name)
        return {
            "actor_id": self.actor_id_of(name),
            "name": name,
            "abbreviations": sorted(known_abbrs),
            "aliases": aliases,
            "actor_type": entry.actor_type if entry else (actor_type or guess_actor_type(name)),
            "country": (entry.country or self.country) if entry else self.country,
            "parent_municipality": entry.parent_municipality if entry else self.home if home_body else None,
            "source": "gazetteer" if entry else "document",
        }

    def split_list(self, cell: str) -> list[str]:
        """Split an organisation list cell: "UBF, Arbvux, BRG och GU" -> four names.

        Suspended compounds stay whole ("Kvalitets- och utvecklingschef"), so does a name whose
        "och" joins a lower-case word ("Arbetsmarknad och vuxenutbildning (Arbvux)"), and so do
        slashes inside a word pair only when both halves are short ("Utvecklings/teamentledare").
        """
        from extractors.nlp.patterns import TWO_PART_COUNTY

        text = clean_name(cell.replace("\u00ad", ""))
        text = re.sub(r"\s*\n\s*", ", ", text)
        # "Møre og Romsdal fylkeskommune" is one name: its "og" is not a list's
        text = re.sub(TWO_PART_COUNTY, lambda m: m.group(0).replace(" og ", "\u0001"), text)
        # "Gävle Destination & Näringsliv AB" is one company: its "&" joins the words of its name
        text = _COMPANY_WITH_AMPERSAND.sub(lambda m: m.group(0).replace(" & ", "\u0002"), text)
        text = _COMPANY_WITH_AND.sub(lambda m: re.sub(r" (och|og) ", "\u0003\\1\u0003", m.group(0)), text)
        parts = re.split(
            r"\s*(?:,|;|•|\s+-\s+|(?<![-])\s+och\s+(?![a-zåäöøæ])|(?<![-])\s+og\s+(?![a-zåäöøæ])|\s+samt\s+|\s+via\s+|\s+&\s+(?=[A-ZÅÄÖØÆ][a-zåäöøæ]{3}))\s*",
            text,
        )
        out: list[str] = []
        for part in parts:
            part = rejoin_broken_head(
                part.replace("\u0001", " og ").replace("\u0002", " & ").replace("\u0003", " ")
            )
            for piece in self._split_slash(part):
                piece = clean_name(piece)
                if piece:
                    out.append(piece)
        return out

    @staticmethod
    def _split_slash(part: str) -> list[str]:
        """ "Grundskoleförvaltningen/Utbildningsförvaltningen" is two; "Utvecklings/teamledare" one."""
        if "/" not in part:
            return [part]
        halves = [h.strip() for h in part.split("/")]
        if all(h and (h[0].isupper() or len(h) >= 2) for h in halves) and all(
            h[:1].isupper() for h in halves
        ):
            return halves
        return [part]
