"""Targets and indicators in an outcome cell or a goal sentence.

A plan fills its outcome column in three ways: a measurable target ("Minst 50 deltagare",
"200 företag ... och 100 medarbetare"), an indicator to follow ("mäta andel elever ...
(2018: 66,7%)") or a thing to complete ("Kartläggning genomförd 2019"). Each quantity gets
its own row; the direction ("Ökad ...") and the year of the whole sentence carry over to
the clauses that do not state their own. Plain kronor are reported in thousands (or in
millions from one million up); Norwegian kroner as ``nok`` in kroner.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from schemas.tables import ENUMS

_CUES_FILE = Path(__file__).resolve().parents[1] / "data" / "indicator_cues.tsv"

UNITS = ENUMS[("indicators", "unit")]  # the schema's vocabulary, in one place


@dataclass(slots=True)
class IndicatorSpec:
    """One measurable expectation: what is measured, in what unit, towards which value and year."""

    text: str
    outcome_kind: str  # indicator | target_statement | completion
    metric: str | None = None
    unit: str | None = None
    comparator: str | None = None  # ge | le | eq | increase | decrease
    target_value: float | None = None
    target_year: int | None = None
    baseline_value: float | None = None
    baseline_year: int | None = None


# ---------------------------------------------------------------- cue table


@dataclass(frozen=True, slots=True)
class _Cues:
    by_kind: dict[str, tuple[str, ...]]

    def words(self, kind: str) -> tuple[str, ...]:
        return self.by_kind.get(kind, ())

    def prefixed(self, prefix: str) -> dict[str, tuple[str, ...]]:
        return {k[len(prefix) :]: v for k, v in self.by_kind.items() if k.startswith(prefix)}


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    groups: dict[str, list[str]] = {}
    for line in _CUES_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, _, word = line.partition("\t")
        if word:
            groups.setdefault(kind, []).append(word.strip().lower())
    return _Cues({k: tuple(sorted(set(v), key=lambda w: (-len(w), w))) for k, v in groups.items()})


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


class _Grammar:
    """Compiled patterns built from the cue table."""

    def __init__(self) -> None:
        cues = _cues()
        self.unit_words = cues.prefixed("unit:")
        self.number_words = {w: int(k) for k, ws in cues.prefixed("number:").items() for w in ws}
        self.scale_words = {w: int(k) for k, ws in cues.prefixed("scale:").items() for w in ws}
        num = r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?"
        self.number = re.compile(rf"(?<![\w,.:/-])(?P<num>{num})(?:\s*[-–]\s*(?P<num2>{num}))?(?![\d])")
        self.number_word = re.compile(
            rf"(?<!\w)(?P<word>{_alt(list(self.number_words))})(?!\w)", re.IGNORECASE
        )
        symbol_units = {
            u: tuple(w for w in ws if not w.isalpha() or " " in w or u.startswith(("sek", "nok", "percent")))
            for u, ws in self.unit_words.items()
        }
        pairs = [(w, u) for u, ws in symbol_units.items() for w in ws]
        pairs.sort(key=lambda p: (-len(p[0]), p[0]))
        self.symbol_unit = re.compile(
            rf"\s*(?P<sym>{'|'.join(re.escape(w) for w, _ in pairs)})(?![\wåäöæø])", re.IGNORECASE
        )
        self.symbol_map = {w: u for w, u in pairs}
        self.noun_units = [
            (w, u) for u, ws in self.unit_words.items() for w in ws if w.isalpha() and u not in ("sek", "nok")
        ]
        self.cmp = {
            k: re.compile(rf"(?<!\w)(?:{_alt(v)})\s*$", re.IGNORECASE)
            for k, v in cues.prefixed("cmp:").items()
        }
        self.direction = {
            k: re.compile(rf"(?<!\w)(?:{_alt(v)})(?!\w)", re.IGNORECASE)
            for k, v in cues.prefixed("dir:").items()
        }
        self.completion = re.compile(rf"(?<!\w)(?:{_alt(cues.words('completion'))})(?!\w)", re.IGNORECASE)
        self.measure = re.compile(rf"(?<!\w)(?:{_alt(cues.words('measure'))})(?!\w)", re.IGNORECASE)
        self.metric_head = re.compile(
            r"(?<!\w)(?:andel(?:en)?|antal(?:et)?|antall(?:et)?|nivå(?:n|et)?|grad(?:en)?|andelen)(?!\w)",
            re.IGNORECASE,
        )
        y = r"(?:19|20)\d\d"
        self.baseline = re.compile(
            rf"\(\s*(?:(?:basår|basåret|utgångsläge|utgångsvärde|nuläge|utgangspunkt|utgangsnivå|baseline|basis)\s*)?"
            rf"(?P<y>{y})(?:\s*/\s*(?P<y2>{y}|\d\d))?\s*[:=]\s*(?P<val>{num})\s*(?P<unit>%|procent|prosent)?[^)]*\)"
            rf"|(?<!\w)(?:basår|basåret|utgångsläge|utgångsvärde|nuläge|utgangspunkt|utgangsnivå|baseline)\s*"
            rf"\(?(?P<by>{y})\)?\s*[:=]?\s*(?P<bval>{num})\s*(?P<bunit>%|procent|prosent)?"
            # "minska med 70 procent till 2030 jämfört med 2010": the year measured from
            rf"|(?<!\w)(?:jämfört med|jämført med|sammenlignet med|samanlikna med|compared (?:to|with)|"
            rf"i förhållande till|i forhold til)\s+(?:år\s+|året\s+)?(?P<cy>{y})(?![\d])",
            re.IGNORECASE,
        )
        self.year = re.compile(rf"(?<![\d,.])(?P<y>{y})(?:\s*[/-]\s*(?P<y2>{y}|\d\d))?(?![\d])")
        self.label_number = re.compile(
            r"(?<!\w)(?:insats|aktivitet|mål|målet|tiltak|område|området|steg|fas|kapitel|punkt|nr|nummer|version|bilaga"
            r"|vedlegg|strategi|delmål|effektmål|q|kv|h|t|vecka|uke|v|årskurs|årskurserna|åk|klass|klasse|trinn|"
            r"grade|year|vg)\.?\s*(?:\d{1,2}\s*[–-]\s*)?$",  # "årskurs 4–9": grades, both ends
            re.IGNORECASE,
        )
        self.splitter = re.compile(
            r"\s*;\s*|\s*,\s+(?=\S)|(?<!till)(?<!til)\s+(?:samt|och|og|and|där|der|varav|hvorav|men|dessutom)\s+",
            re.IGNORECASE,
        )
        self.sentence = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÆØ0-9])|\s*;\s*|\s*\n\s*")


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar()


# ---------------------------------------------------------------- numbers and quantities


def parse_number(text: str, lang: str | None = None) -> float | None:
    """ "1 500 000", "66,7", "3.5", "1\u00a0500" -> float (Swedish decimal comma, spaced thousands);
    in English text a comma before three digits groups thousands ("1,500")."""
    t = re.sub(r"[ \u00a0\u202f\u2009]", "", text.strip())
    if lang == "en" and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        t = t.replace(",", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", t):
        t = t.replace(".", "")
    t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


@dataclass(slots=True)
class _Quantity:
    start: int
    end: int
    value: float
    unit: str
    is_range: bool = False


def _noun_unit(following: str, g: _Grammar) -> str | None:
    """Unit from the words after a number: the first of up to three words that ends in a unit noun."""
    words = re.findall(r"[^\W\d_]+", following.lower())[:3]
    for word in words:
        for noun, unit in g.noun_units:
            if word == noun or (len(noun) >= 4 and word.endswith(noun)):
                return unit
    if words:
        return "count"
    return None


def _money(value: float, unit: str, lang: str) -> tuple[float, str]:
    norwegian = lang in ("nb", "nn", "no")
    if unit == "sek" and norwegian:
        unit = "nok"
    if unit == "sek_million" and norwegian:
        return value * 1_000_000, "nok"
    if unit == "sek_thousand" and norwegian:
        return value * 1000, "nok"
    if unit == "nok_million":
        return value * 1_000_000, "nok"
    if unit == "nok_thousand":
        return value * 1000, "nok"
    if unit == "sek":
        return (value / 1_000_000, "sek_million") if value >= 1_000_000 else (value / 1000, "sek_thousand")
    return value, unit


# An age range names the group counted: "(20–34 år)", "25–40-årige", "16–24-åringar", "18–24 year-olds"
_AGE = re.compile(r"\s*(?:år\b|-?årig\w*|-?åring\w*|-?year-olds?|years? old)", re.I)
_AGE_RANGE_OPEN = re.compile(r"\d{1,3}\s*[–-]\s*$")


def _quantities(text: str, lang: str, g: _Grammar) -> list[_Quantity]:
    """Numbers with a unit (a symbol or a following noun); years, labels and dates are not quantities."""
    found: list[_Quantity] = []
    for m in g.number.finditer(text):
        raw = m.group("num")
        value = parse_number(raw, lang)
        if value is None:
            continue
        before = text[: m.start()]
        after = text[m.end() :]
        if g.label_number.search(before) or re.match(r"\s*[-–]\s*(?:mätning|måling)", after, re.IGNORECASE):
            continue
        if _AGE.match(after) and (re.search(r"\d\s*[–-]\s*\d", m.group(0)) or _AGE_RANGE_OPEN.search(before)):
            continue  # "unge voksne (20–34 år)", "25–40-årige": who is counted, not how many
        sym = g.symbol_unit.match(after)
        unit: str | None = None
        end = m.end()
        if sym:
            unit = g.symbol_map[sym.group("sym").lower()]
            end += sym.end()
        else:
            scale = re.match(rf"\s*({_alt(list(g.scale_words))})(?!\w)", after, re.IGNORECASE)
            if scale:
                rest = after[scale.end() :]
                sym2 = g.symbol_unit.match(rest)
                if sym2 and g.symbol_map[sym2.group("sym").lower()] in ("sek", "nok"):
                    value *= g.scale_words[scale.group(1).lower()]
                    unit = g.symbol_map[sym2.group("sym").lower()]
                    end += scale.end() + sym2.end()
        is_year = re.fullmatch(r"(?:19|20)\d\d", raw) is not None
        if unit is None:
            if is_year:
                continue
            if re.match(r"\s*(?:st|stycken|stk)(?!\w)", after, re.IGNORECASE):
                unit = "count"
            else:
                unit = _noun_unit(after, g)
            if unit is None and re.search(
                r"(?<!\w)(?:antal|antalet|antall|antallet)(?!\w)", before, re.IGNORECASE
            ):
                unit = "count"  # "Antal vägledningssamtal ska vara 300"
            if unit is None and _comparator_before(text, m.start(), g) in ("ge", "le", "eq"):
                unit = "other"  # "lägst 70", "högst 5"
            if unit is None:
                continue
        if unit in ("sek", "nok", "sek_million", "sek_thousand", "nok_million", "nok_thousand"):
            value, unit = _money(value, unit, lang)
        found.append(_Quantity(m.start(), end, value, unit, is_range=m.group("num2") is not None))
    for m in g.number_word.finditer(text):
        if m.group("word").lower() == "to" and lang not in ("nb", "nn", "da"):
            continue  # Norwegian and Danish "to" is two; English "To establish …" is not
        after = text[m.end() :]
        unit = _noun_unit(after, g)
        if unit is None or unit in ("other",):
            continue
        if not re.match(r"\s+[^\W\d_]", after):
            continue
        found.append(_Quantity(m.start(), m.end(), float(g.number_words[m.group("word").lower()]), unit))
    found.sort(key=lambda q: q.start)
    return found


# ---------------------------------------------------------------- clauses


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def _split_clauses(sentence: str, lang: str, g: _Grammar) -> list[str]:
    """Split a sentence between its quantities ("200 företag ... och 100 medarbetare ...")."""
    anchors = [m.start() for m in g.baseline.finditer(sentence)]
    anchors += [q.start for q in _quantities(_mask_baselines(sentence, g), lang, g)]
    anchors = sorted(set(anchors))
    if len(anchors) < 2:
        return [sentence]
    cuts: list[tuple[int, int]] = []
    for a, b in zip(anchors, anchors[1:]):
        seps = [m for m in g.splitter.finditer(sentence, a, b) if not _inside_parens(sentence, m.start())]
        if seps:
            best = max(seps, key=lambda m: (_sep_rank(m.group(0)), m.start()))
            cuts.append((best.start(), best.end()))
    if not cuts:
        return [sentence]
    parts: list[str] = []
    pos = 0
    for s, e in cuts:
        parts.append(sentence[pos:s])
        pos = e
    parts.append(sentence[pos:])
    return [p.strip(" ,;") for p in parts if p.strip(" ,;")]


def _sep_rank(sep: str) -> int:
    """ "där"/";" separate targets more surely than "och", and "och" more surely than a comma."""
    word = sep.strip().lower()
    if word in (";", "där", "der", "varav", "hvorav"):
        return 2
    return 0 if word == "," else 1


def _inside_parens(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def _mask_baselines(text: str, g: _Grammar) -> str:
    """Baselines replaced by spaces (offsets kept) so their numbers are not read as targets."""
    return g.baseline.sub(lambda m: " " * len(m.group(0)), text)


def _direction(text: str, g: _Grammar) -> str | None:
    hits = [(m.start(), k) for k, p in g.direction.items() for m in p.finditer(text)]
    return min(hits)[1] if hits else None


def _target_year(text: str, g: _Grammar) -> int | None:
    years: list[int] = []
    for m in g.year.finditer(text):
        after = text[m.end() :]
        if re.match(r"\s*(?:%|procent|prosent)", after, re.IGNORECASE):
            continue
        y2 = m.group("y2")
        year = int(m.group("y"))
        if y2:
            year = int(y2) if len(y2) == 4 else year - year % 100 + int(y2)
        if re.match(r"\s*[^\W\d_]", after) and _noun_unit(after, _grammar()) not in (None, "count", "other"):
            continue  # "2000 deltagare" is a count, not a year
        years.append(year)
    return max(years) if years else None


def _comparator_before(text: str, start: int, g: _Grammar) -> str | None:
    before = text[max(0, start - 40) : start]
    for kind, pattern in g.cmp.items():
        if pattern.search(before):
            return kind
    return None


def _metric(clause: str, quantity: _Quantity | None, g: _Grammar) -> str | None:
    text = g.baseline.sub(" ", clause)
    head = g.metric_head.search(text)
    if head:
        metric = text[head.start() :]
        if quantity is not None and quantity.start > head.start():
            metric = text[head.start() : quantity.start]
        metric = re.split(r"\s+(?:ska|skall|skal|bör|ökar|minskar|øker|går)\s+|[.;:]\s|\(", metric)[0]
    elif quantity is not None:
        after = text[quantity.end :]
        before = text[: quantity.start]
        for pattern in (*g.cmp.values(),):
            before = pattern.sub(" ", before)
        before = g.year.sub(" ", before)
        of = re.match(r"\s*(?:av|of|utav)\s+", after, re.IGNORECASE)
        if quantity.unit in ("count", "companies", "participants", "events", "hours"):
            metric = after
        elif of:
            metric = after[of.end() :]
        elif re.search(r"[^\W\d_]{4,}", before):
            metric = before
        else:
            metric = after
    else:
        metric = text
        for pattern in (*g.direction.values(), g.completion):
            metric = pattern.sub(" ", metric, count=1)
    metric = g.year.sub(" ", metric)
    metric = re.sub(r"\s*/\s*(?:år|året|event|möte|gång|termin)(?!\w)", " ", metric, flags=re.IGNORECASE)
    for pattern in g.direction.values():
        metric = re.sub(rf"^\s*(?:{pattern.pattern})\s+", "", metric, flags=re.IGNORECASE)
    metric = re.sub(r"(?<!\w)(?:Q|kv|H|T)\s?[1-4](?!\w)", " ", metric, flags=re.IGNORECASE)
    tail = re.compile(
        r"(?<!\w)(?:till|til|senast|senest|per år|år|i|under|innen|inom|fram till|från|fra|och|og|samt|på|av|om|för|for"
        r"|med|är|er|ska|skal|vara|være)\s*$",
        re.IGNORECASE,
    )
    for _ in range(3):
        metric = tail.sub(" ", metric.strip(" ,.;:-–()/"))
    metric = re.sub(r"\s+", " ", metric).strip(" ,.;:-–()/")
    return metric or None


def _clause_spec(clause: str, context: dict[str, object], lang: str, g: _Grammar) -> IndicatorSpec | None:
    baseline_value: float | None = None
    baseline_year: int | None = None
    baseline_unit: str | None = None
    b = g.baseline.search(clause)
    if b:
        raw_val = b.group("val") or b.group("bval")
        baseline_value = parse_number(raw_val) if raw_val else None
        y = b.group("y") or b.group("by") or b.group("cy")
        baseline_year = int(y) if y else None
        y2 = b.group("y2")
        if baseline_year is not None and y2:
            baseline_year = int(y2) if len(y2) == 4 else baseline_year - baseline_year % 100 + int(y2)
        if b.group("unit") or b.group("bunit"):
            baseline_unit = "percent"
    masked = _mask_baselines(clause, g)
    quantities = _quantities(masked, lang, g)
    quantity = quantities[0] if quantities else None
    # "… som når minst 60 minuter ska öka till 50 procent": the value the change goes to is the target
    changed_to = [q for q in quantities[1:] if _CHANGE_TO.search(masked[: q.start])]
    if changed_to:
        quantity = changed_to[0]
    for first, second in zip(quantities, quantities[1:], strict=False):
        if baseline_value is not None:
            break
        # "från 70 % (2019) till 75 % 2025": the first value is where it starts, wherever the pair
        # stands ("som når minst 60 minuter … ska öka från 34 procent till 50 procent")
        between = masked[first.end : second.start]
        if re.search(r"(?<!\w)(?:till|til|to)(?!\w)", between, re.IGNORECASE) and re.search(
            r"(?<!\w)(?:från|fra|frå|from)\s*$", masked[: first.start], re.IGNORECASE
        ):
            baseline_value = first.value
            # "från 34 procent (2022) till", "fra 38 prosent i 2024 til", "från 120 år 2023 till"
            year = re.match(
                r"\s*(?:\(\s*|(?:i|år|året|in|under|per)\s+)?((?:19|20)\d\d)\s*\)?", between, re.IGNORECASE
            )
            baseline_year = int(year.group(1)) if year else None
            masked = masked[: first.start] + " " * (first.end - first.start) + masked[first.end :]
            if year:
                masked = (
                    masked[: first.end] + between.replace(year.group(1), "    ", 1) + masked[second.start :]
                )
            quantity = second
    direction = _direction(masked, g) or (context.get("direction") if quantity is None else None)
    if quantity is not None and direction is None:
        direction = _direction(masked, g)
    comparator: str | None = None
    if quantity is not None:
        comparator = _comparator_before(masked, quantity.start, g)
        if comparator is None and quantity.is_range:
            comparator = "ge"
    if comparator is None and isinstance(direction, str):
        comparator = direction
    if comparator is None and isinstance(context.get("direction"), str):
        comparator = str(context["direction"])
    year_text = masked if quantity is None else masked[: quantity.start] + " " + masked[quantity.end :]
    target_year = _target_year(year_text, g)
    if target_year is None and isinstance(context.get("year"), int):
        target_year = int(str(context["year"]))

    completion = g.completion.search(masked) is not None
    measure = g.measure.search(masked) is not None
    if quantity is not None and (quantity.value >= 2 or quantity.unit == "percent" or not completion):
        kind = "target_statement"
    elif completion:
        kind = "completion"
    elif baseline_value is not None or measure:
        kind = "indicator"
    elif comparator in ("increase", "decrease"):
        kind = "target_statement"
    else:
        return None
    if kind == "target_statement" and quantity is None and measure and baseline_value is not None:
        kind = "indicator"
    unit = quantity.unit if quantity is not None else baseline_unit
    return IndicatorSpec(
        text=clause,
        outcome_kind=kind,
        metric=_metric(clause, quantity, g),
        unit=unit,
        comparator=comparator,
        target_value=quantity.value if quantity is not None else None,
        target_year=target_year,
        baseline_value=baseline_value,
        baseline_year=baseline_year,
    )


def parse_indicators(text: str, lang: str = "sv") -> list[IndicatorSpec]:
    """The targets, indicators and completion statements in ``text``, one per quantity or clause."""
    text = _clean(text or "")
    if not text:
        return []
    g = _grammar()
    specs: list[IndicatorSpec] = []
    for sentence in _with_targets(g.sentence.split(text)):
        sentence = sentence.strip()
        if not sentence:
            continue
        clauses = _split_clauses(sentence, lang, g)
        context: dict[str, object] = {}
        if len(clauses) > 1:
            masked = _mask_baselines(sentence, g)
            context["direction"] = _direction(clauses[0], g)
            context["year"] = (
                _target_year(masked, g) if all(_target_year(c, g) is None for c in clauses[:-1]) else None
            )
            if context["year"] is None:
                context["year"] = _target_year(_mask_baselines(clauses[-1], g), g)
        for clause in clauses:
            start = _STARTING_POINT.match(clause.strip())
            if start is not None and specs and specs[-1].baseline_value is None:
                # "… ska öka till 50 procent till och med 2024, från 34 procent 2021": where it starts
                last = specs[-1]
                last.baseline_value = parse_number(start.group("val"))
                last.baseline_year = int(start.group("y")) if start.group("y") else None
                continue
            spec = _clause_spec(clause, context, lang, g)
            if spec is not None:
                specs.append(spec)
    return specs


_TARGET_LABEL = re.compile(r"(?i)^(?:mål|målvärde|måltal|måltall|målnivå|target)(?:\s+(?:19|20)\d\d)?\s*:\s*")


def _with_targets(sentences: list[str]) -> list[str]:
    """ "Antal företagsbesök. Mål: minst 80 besök per år.": a metric and the target given for it on
    a label of its own are one indicator."""
    out: list[str] = []
    for sentence in sentences:
        label = _TARGET_LABEL.match(sentence.strip())
        if label is not None and out and not re.search(r"\d", out[-1]):
            out[-1] = f"{out[-1].rstrip(' .')}: {sentence.strip()[label.end() :]}"
        else:
            out.append(sentence)
    return out


_CHANGE_TO = re.compile(
    r"(?i)\b(?:öka|ökar|minska|minskar|växa|växer|sjunka|øke|øker|auke|aukar|minke|minske|redusere|reduseres|"
    r"stige|increase|decrease|rise|fall|grow)\w*\b[^.;]{0,40}?\b(?:till|til|to)\s*$"
)
_STARTING_POINT = re.compile(
    r"(?i)^(?:från|fra|frå|from)\s+(?P<val>\d[\d\s,.]*?)\s*(?:%|procent|prosent|percent)?\s*"
    r"(?:\(?\s*(?:år\s+)?(?P<y>(?:19|20)\d\d)\s*\)?)?\s*[.]?$"
)
