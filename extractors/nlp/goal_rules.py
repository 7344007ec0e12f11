"""Rules for goals.goal_type, goals.level and theme, written from extractors/data/goal_statements.md.

The decision order is the guidelines' order: a number or named measure makes a goal
quantitative; repetition or an established way of working makes it process; something
done or delivered once makes it completion; a continuing-effort verb at the start makes it
process; anything else states an end state (qualitative). Level comes from the level word
in the statement or in the heading / lead-in it sits under. The cue words live in
extractors/data/goal_cues.tsv so both languages are extended without code changes.
"""

from __future__ import annotations

import functools
import re

from extractors.nlp.gazetteer import DATA
from extractors.nlp.verbforms import AUXILIARIES as AUXILIARY_WORDS
from extractors.nlp.verbforms import VerbForm, analyse, main_verb

GOAL_TYPES = ("quantitative", "qualitative", "completion", "process")
LEVELS = ("vision", "overall", "effect", "result", "sub", "activity")
_WORD = r"[\wåäöæøéü]"
_UNITS = {"procent", "prosent", "timmar", "timer", "kronor", "kroner", "personer", "medarbetare"}
_PREP = {"för", "av", "om", "med", "till", "i", "for", "til", "på", "inom", "mellan"}


@functools.cache
def cues() -> dict[str, tuple[str, ...]]:
    """kind -> cue words (lower case) from extractors/data/goal_cues.tsv."""
    groups: dict[str, list[str]] = {}
    for line in (DATA / "goal_cues.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, _, word = line.partition("\t")
        groups.setdefault(kind, []).append(word.strip().lower())
    return {k: tuple(v) for k, v in groups.items()}


@functools.cache
def _pattern(kind: str) -> re.Pattern[str]:
    words = sorted(cues().get(kind, ()), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"(?<!{_WORD})(?:{alt})(?!{_WORD})", re.IGNORECASE)


def tokens(text: str) -> list[str]:
    return re.findall(rf"{_WORD}+(?:-{_WORD}+)*-?", text.lower())


def strip_lead_in(text: str) -> str:
    """Drop a numbering, a "Mål 1:"-style label and a "Syftet är att" lead-in: the goal starts after them."""
    body = re.sub(r"^\s*(?:[-•*❖]\s*|\d+[.)]\s+|[A-ZÅÄÖ]\.\s+)", "", text.strip())
    body = re.sub(rf"^[^:]{{1,45}}:\s+(?={_WORD})", "", body)
    body = re.sub(
        r"(?i)^(?:(?:det|den|projektets|programmets|\w+s)\s+)?(?:\w+\s+)?(?:syfte\w*|mål\w*|ambition\w*|avsikt\w*)"
        r"(?:\s+med\s+[^.]{1,60}?)?\s+(?:är|var|er|blev)\s+(?:att|å)\s+",
        "",
        body,
    )
    body = re.sub(r"(?i)^(?:att|å)\s+", "", body)
    return _ADVERBIAL.sub("", body)


# Openings that carry no goal: "Aktivt", "På ett strategiskt sätt", "under 2012", "till exempel att" …
_ADVERBIAL = re.compile(
    r"(?i)^(?:(?:aktivt|löpande|inte bara|till exempel|t\.ex\.|på ett \w+ sätt|under (?:19|20)\d\d|"
    r"det finns ett behov av|[\wåäö ]{1,40}? är ett (?:medel|sätt|verktyg) för)(?:\s+att|\s+å)?\s+)+"
)
# Modals: "Reglab bör undersöka", "X ska skapa", "skulle kunna erbjuda", "skal kunne tilby".
_MODALS = frozenset(
    ["ska", "skall", "skulle", "bör", "borde", "kan", "måste", "skal", "vil", "vill", "bør", "må", "kunne"]
)
# A modal before the main verb.
_MODAL = re.compile(rf"(?i)\b(?:{'|'.join(sorted(_MODALS))})(?:\s+(?:kunna|kunne))?\s+")


def has_quantity(text: str) -> bool:
    """A number to reach (not a year, date, quarter, label or quoted name) or a named measure."""
    masked = re.sub(r"\"[^\"]*\"|”[^”]*”|“[^”]*”", " ", text)
    masked = re.sub(r"(?<![\d,.])(?:19|20)\d\d(?:\s*[/-]\s*(?:19|20)?\d\d)?(?![\d])", " ", masked)
    masked = re.sub(r"\b\d{1,2}/\d{1,2}(?:\s*-\s*\d{1,2}/\d{1,2})?\b", " ", masked)
    masked = _DAY_MONTH.sub(" ", masked)  # "1 juli 2019", "den 17 november": dates, not numbers
    masked = re.sub(r"(?i)\bQ\s?\d\b|\b\d\.\d\b|\+", " ", masked)
    masked = re.sub(r"\b\d[A-Z]\b", " ", masked)  # "5G", "3D": a technology's name, not a count
    masked = _AGES.sub(" ", masked)  # "20–40-åringer", "unga 16-24 år": an age group, not a count
    if _ranks(masked):
        return True
    labels = _pattern("label_word")
    for match in re.finditer(r"\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?", masked):
        before = masked[: match.start()].rstrip()
        last = re.search(rf"({_WORD}+)\.?$", before)
        if last and (labels.fullmatch(last.group(1)) or last.group(1).lower() in ("de", "dei", "the")):
            continue
        if _describes_a_set(masked, match.start(), match.end()):
            continue
        after = re.match(rf"\s*({_WORD}+)", masked[match.end() :])
        if after and re.fullmatch(rf"{_WORD}{{4,}}et", after.group(1)) and after.group(1) not in _UNITS:
            continue  # "400 årsjubileet": a number naming something, not one to reach
        return True
    low = masked.lower()
    counted = [
        m
        for m in _pattern("number_word").finditer(masked)
        if not m.group(0).isupper()
        and not re.search(r"(?i)\b(?:de|dei)\s+$", masked[: m.start()])
        and not _describes_a_set(masked, m.start(), m.end())
    ]
    if counted or "%" in low or _ONCE_PER.search(low) or _names_an_amount(masked):
        return True
    measure = _pattern("measure").search(low)
    return measure is not None and not re.search(r"(?i)\bett\s+antal\b", low[max(0, measure.start() - 4) :])


# guidelines Q1, a rank: "bland de 15 bästa", "blant de åtte mest attraktive", "en av de fyra
# företagsvänligaste" (where "de tre kommunerna" describes a set, a superlative ranks)
_RANK = re.compile(
    rf"(?i)\b(?:bland|blant|blandt|en av|ett av|ein av|eitt av|ei av|one of|among)\s+(?:de|dei|the)\s+"
    rf"({_WORD}+)\s+(?:mest\b|{_WORD}{{2,}}(?:aste|este|sta|ste)\b|best\b|most\b|{_WORD}+est\b)"
)


def _ranks(text: str) -> bool:
    return any(
        m.group(1).isdigit() or _pattern("number_word").fullmatch(m.group(1)) for m in _RANK.finditer(text)
    )


_AGES = re.compile(
    r"(?i)\b\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s*-?\s*(?:åringar|åringer|åringane|åriga|årige|åringen|åring)\b"
    r"|\b(?:i åldern|i alderen|mellom|mellan)\s+\d{1,2}\s*(?:[–-]|og|och|til|till)\s*\d{1,2}\s+år\b"
)
# guidelines P3: an outcome measured through an existing way of working
_MEASURED_THROUGH = re.compile(r"(?i)^(?:mäts|måles|följs upp|følges opp)\s+(?:genom|via|i|gjennom)\b")
# guidelines Q3: an indicator that is a bare noun phrase naming a measured amount
_AMOUNT = re.compile(
    r"(?i)^[\wåäöæø-]*(?:investeringar|investeringer|omsättning|omsetning|intäkter|inntekter|kostnader|"
    r"gästnätter|övernattningar|overnattinger|gjestedøgn|utsläpp|utslipp|sysselsättning|sysselsetting|"
    r"sysselsetjing|driftsresultat|folkmängd|folketall|folketal|kvantum|volym|volum)\b"
    # or a noun phrase with its unit in brackets: "Relativ del av landingane (verdi)", "(NOK mill.)"
    r"|\((?:[^()]*\b(?:nok|sek|kr|kronor|kroner|tkr|mnkr|mill|mrd|tonn|ton|verdi|värde|årsverk|antal|antall)\b[^()]*)\)\s*$"
)


def _names_an_amount(text: str) -> bool:
    """ "FoU-investeringar från privat, akademisk och offentlig sektor": an amount named, no verb."""
    body = text.strip()
    return _AMOUNT.search(body) is not None and main_verb(tokens(body)) is None


# "en gång i månaden", "en gang i året", "ett par gånger per termin": a frequency is a count too
_ONCE_PER = re.compile(
    r"\b(?:en|ett|ei|et|ett par)\s+(?:gång|gånger|gang|ganger)\s+(?:i|per|pr\.?|om|hver|varje)\s+"
    r"(?:år|året|månad|månaden|måned|måneden|vecka|veckan|uke|uka|termin|terminen|kvartal|kvartalet|halvår|halvåret)\b"
)
_DAY_MONTH = re.compile(
    r"(?i)\b\d{1,2}\.?\s*(?:jan|feb|mar|apr|maj|mai|jun|jul|aug|sep|okt|nov|dec)[a-zåäöø]*\.?(?![\wåäöø])"
)
_GENITIVE_SET = re.compile(rf"(?:{_WORD}+(?:ets|ens|arnas|ernas|ornas)|[A-ZÅÄÖØÆ][\w-]*s)\s+$")
_DURATION = re.compile(
    r"(?i)\b(?:efter|på|under|inom|i|etter)\s+(?:bara\s+|endast\s+|drygt\s+|knappt\s+|cirka\s+)?$"
)
_DURATION_UNIT = re.compile(r"(?i)\s+(?:år|månader|månad|veckor|dagar|måneder|uker|dager)\b")


def _describes_a_set(text: str, start: int, end: int) -> bool:
    """ "NIS-nätverkets tolv kommuner", "länets tretton kommuner", "efter två år", "projektets
    sista tio månader", "en två-dagars workshop": a number that describes a known set, a span
    of time or the size of a thing, not one to reach ("ett 50-tal företag" still counts)."""
    before = text[:start]
    if _GENITIVE_SET.search(before) or _SET_WORD.search(before):
        return True
    if re.match(rf"-(?!tal){_WORD}", text[end:]):
        return True  # a compound modifier: "två-dagars", "3-årigt"
    if _LENGTH_OF_A_THING.match(text[end:]) or _IN_A_ROW.match(text[end:]):
        return True  # "den knappt 15 mil långa vägen": the size of a thing; "tre år på rad": a repetition
    return bool(_DURATION.search(before) and _DURATION_UNIT.match(text[end:]))


_IN_A_ROW = re.compile(r"(?i)\s*(?:år|gånger|ganger|gonger)\s+(?:på|i)\s+rad\b")
_LENGTH_OF_A_THING = re.compile(
    r"(?i)\s*(?:mil|km|kilometer|meter|m)\s+(?:lång|långa|långt|lang|lange|langt|brei|breda|bred|høg|hög|höga)\b"
)


_SET_WORD = re.compile(
    r"(?i)\b(?:övriga|samtliga|resterande|øvrige|sista|första|senaste|siste|første|seneste)\s+$"
)


def establishes_way_of_working(text: str) -> bool:
    """A way-of-working noun set up by an establishing word near it (not one behind "för"/"av")."""
    words = tokens(text)
    nouns = set(cues()["way_of_working"])
    establish = set(cues()["establish"]) | set(cues()["done"])
    settled = set(cues()["done"]) | {w for w in cues()["establish"] if w.endswith("s")}
    for i, word in enumerate(words):
        if word not in nouns and not any(word.endswith(n) for n in ("process", "processen", "samverkan")):
            continue
        held = _EVENT.match(word) is not None  # a dialogue or meeting held once is done, not set up
        before = words[max(0, i - 4) : i]
        for j in range(len(before) - 1, -1, -1):
            if before[j] in _PREP:
                break
            if before[j] in establish and not (held and _HOLD.match(before[j])):
                return True
        # a participle after it: "arbetssätt för företagslotsning är på plats", "samarbeten skulle byggas upp"
        after = words[i + 1 : i + 6]
        if held:
            after = [w for w in after if not _HOLD.match(w)]
        if any(w in settled for w in after) or any(" " in e and e in " ".join(after) for e in settled):
            return True
    return False


_EVENT = re.compile(r"(?:medborgar)?(?:dialog|möte|møte)")
_HOLD = re.compile(r"genomf|gjennomf|höll|hålls|holdt|avhold")


def first_words(text: str, n: int = 2) -> str:
    return " ".join(tokens(strip_lead_in(text))[:n])


# Headings and columns of indicators: "Indikatorer", "Måleindikatorar", "Nyckeltal", "Mått".
_INDICATOR_HEADING = re.compile(r"(?i)indikator|nyckeltal|nøkkeltal|\bmått\b|målvärde|måltal")


def rule_goal_type(
    text: str | None, default: str | None = "qualitative", context: str | None = None
) -> str | None:
    """quantitative > recurring/way of working (process) > done or delivered (completion) > effort verb (process) > qualitative.

    `default` is the answer when no rule speaks; the trained model asks for None there, so
    it learns the fallback from the text instead of trusting a guess. `context` is the heading
    or column the statement sits under: an indicator's cell names what is measured (Q3)."""
    if not text or not text.strip():
        return None
    body = strip_lead_in(text)
    label = re.match(r"^\s*([^:]{1,40}):", text)  # the statement's own label: "Indikator: …"
    if has_quantity(body) or _INDICATOR_HEADING.search(f"{context or ''} {label.group(1) if label else ''}"):
        return "quantitative"
    if (
        _pattern("recurring").search(text)
        or establishes_way_of_working(body)
        or _MEASURED_THROUGH.search(body)
    ):
        return "process"
    words = tokens(body)  # read once: the opening, the main verb and the "att" task all use them
    state = _STATE_AFTER_MODAL.search(" ".join(words))
    if state is not None and not _WAY_OF_WORKING.search(" ".join(words)[state.end() :]):
        return "qualitative"  # "Volda skal vere ein attraktiv kommune å etablere verksemd i": a state to be
    if _pattern("effort_phrase").search(" ".join(words[:6])):
        return "process"  # "Gruppen arbetar för att …", "Vi samverkar med …": the main verb is an effort
    found = main_verb(words)
    if _opens_with_more(words) and (found is None or found[1].tense not in ("past", "supine")):
        return "qualitative"  # "Flere nye bedrifter skal etableres": a direction with no number (L1)
    by_verb = main_clause_type(words, found)
    if by_verb == "qualitative" and not _opens_with_infinitive(words):
        return by_verb  # a sentence describing a state, whatever noun it opens with ("Planen innehåller …")
    for head in clause_heads(words):
        first = head.split(" ")[0] if head else ""
        if first.endswith("s") and not _pattern("deliver_noun").fullmatch(first):
            active = first[:-1]  # the s-passive after a modal: "bör systematiseras", "ska tas fram"
            if _pattern("process_verb").fullmatch(active) or _pattern("deliver_verb").fullmatch(active):
                head = active + head[len(first) :]
                first = active
        if _pattern("reach_verb").fullmatch(first):
            return "qualitative"
        if _pattern("deliver_verb").match(head) or _pattern("deliver_noun").fullmatch(first):
            return "completion"
        if _DELIVERABLE_COMPOUND.search(first):  # "Behovsanalys …", "Lärandeplan …"
            return "completion"
        if _pattern("process_verb").match(head):
            return "process"
    if by_verb is not None:
        return by_verb
    if found is None and (names_an_effort(words) or names_an_effort(tokens(_after_dash(body)))):
        return "process"
    if describes_with_copula(words, found):
        return "qualitative"
    if _pattern("done").search(body) or _pattern("deliver_noun").search(body):
        return "completion"  # "… återkomma med handlingsplan", "har haft ett lärprojekt"
    task = task_after_att(words)
    if task is not None:
        return task
    return default


_MORE = frozenset(["fler", "flere", "fleire", "mer", "meir", "färre", "færre", "flest"])
# "ska vara en attraktiv kommun", "skal være Danmarks bedste kommune", "ska vara Europas mest hållbara
# industristad": a copula after the modal naming what the subject is to be (a noun phrase: an article
# or a genitive), not what is to be done ("ska vara genomförd" is left to the other rules)
# "… skal være et verktøy for å samordne", "ska vara ett forum för utbyte": what is to be is a way of
# working (guidelines: process), not a state
_WAY_OF_WORKING = re.compile(
    r"^(?:\w+\s+){0,3}?(?:verktyg|verktøy|forum|arena|plattform|mötesplats|møteplass|møtestad|nätverk|nettverk)\b"
)
_STATE_AFTER_MODAL = re.compile(
    r"\b(?:ska|skall|skal|bör|bør)\s+(?:vara|vere|være|bli|verte)\s+"
    r"(?:en|ett|ei|eit|ein|et|den|det|de|dei|[a-zåäöøæ]{3,}s)\s"
)


def _opens_with_more(words: list[str]) -> bool:
    """ "Fler kommuninvånare …", "Flere virksomheter velger …": more of something, not "Flere av …"
    (several of a known set)."""
    return len(words) > 1 and words[0] in _MORE and words[1] not in ("av", "än", "enn", "hundre", "tusen")


def main_clause_type(words: list[str], found: tuple[int, VerbForm] | None) -> str | None:
    """The goal type the main verb shows where the opening words did not decide.

    An infinitive after a modal is the task ("bör vidareutvecklas", "ska kunna erbjuda"):
    an effort verb with an object is process, a delivering verb completion. A finite
    delivering verb with a subject reports a task ("Regionen startar upp ett projekt").
    After a verb of stating, meaning or needing the task follows "att" or "hur"
    ("innebära att utveckla", "beskriver hur webbplatsen ska tas fram"); with no task
    there, the sentence describes a state ("Planen innehåller …", "Lärosätena har sagt
    att …"). A finite effort verb with a subject is a description too (guidelines L1), so
    it is left to the later rules. `found` is main_verb(words).
    """
    return _clause_type(words, found, subordinate=False)


def _clause_type(words: list[str], found: tuple[int, VerbForm] | None, subordinate: bool) -> str | None:
    if found is None:
        return None
    i, form = found
    verb = _with_particle(form.lemma, words[i + 1 : i + 2])
    stated = form.finite or form.tense == "supine"  # "startar upp", "har sagt"
    if i >= 2 and words[i - 1] in ("att", "å") and words[i - 2] in _EASE:
        return "qualitative"  # "I Göteborg är det enkelt att driva företag"
    after_auxiliary = bool(set(words[max(0, i - 3) : i]) & AUXILIARY_WORDS)  # "ska kunna mötas"
    if _reports_done(words, i, form, verb):
        return "completion"
    if form.tense == "infinitive" or (form.passive and after_auxiliary):
        has_object = i + 1 < len(words) and words[i + 1] not in _PREP | {"och", "og", "eller"}
        if _verb_is("process_verb", verb):
            if has_object or form.passive or verb not in _CHANGE_VERBS:
                return "process"
            return "qualitative"  # "förtroendet ska öka": a state changing, no effort on an object
        if _verb_is("deliver_verb", verb):
            return "completion"
        if _verb_is("reach_verb", verb):
            return "qualitative"
    elif stated and _verb_is("deliver_verb", verb):
        return "completion"
    if subordinate:
        return None
    # a deponent is listed in its -s form: "finnas", "saknas", "behövas"
    describes = _verb_is("state_verb", verb) or (form.passive and _verb_is("state_verb", verb + "s"))
    if form.tense == "infinitive" or describes:
        for k in range(i + 1, len(words) - 1):
            if words[k] in ("hur", "hvordan"):
                clause = words[k + 1 :]
                task_type = _clause_type(clause, main_verb(clause), subordinate=True)
                if task_type in ("process", "completion"):
                    return task_type
                break
            if words[k] in ("att", "å"):
                task_type = _task_after(words, k)
                if task_type is not None:
                    return task_type
                break
    return "qualitative" if stated and describes else None


# Copulas after which a participle says the thing is done ("Metoden är utvecklad", "Det er utvikla
# eit …", "Prosjektet vart ikkje realisert"), and the words that may stand between them.
_DONE_COPULA = frozenset(["är", "er", "blev", "ble", "blei", "vart", "blivit", "blitt", "vorte"])
_BETWEEN = frozenset(["inte", "ikke", "ikkje", "nu", "nå", "no", "också", "også", "redan", "allerede", "alt"])


def _reports_done(words: list[str], i: int, form: VerbForm, verb: str) -> bool:
    """Guidelines C1: a participle of a delivering or establishing verb after a copula reports the
    thing done. After a modal the copula names a state to reach instead ("ska vara
    representerade", L1); a participle of an effort verb names a state changed ("Tilbudet er
    styrket", L1)."""
    if form.tense not in ("supine", "past", "participle") or form.passive:
        return False
    k = i - 1
    while k >= 0 and words[k] in _BETWEEN:
        k -= 1
    if k < 0 or words[k] not in _DONE_COPULA or (k > 0 and words[k - 1] in _MODALS):
        return False
    return _verb_is("deliver_verb", verb) or _verb_is("establish", verb)


def describes_with_copula(words: list[str], found: tuple[int, VerbForm] | None) -> bool:
    """ "Tidsrymden för planen är Q3 2019 till Q4 2021", "Idéskriften är en sammanställning av …":
    a copula with no verb after it (`found` is main_verb(words)) describes (guidelines L1),
    even when it names a deliverable."""
    k = next((k for k, w in enumerate(words) if w in AUXILIARY_WORDS), None)
    if k is None or words[k] not in _COPULA or found is not None:
        return False
    return not _pattern("done").search(" ".join(words[k + 1 : k + 4]))  # "Kartläggningen är klar"


# Verbs that also say a state changes by itself ("antalet ska öka"), not only an effort on an object.
_CHANGE_VERBS = frozenset(["öka", "minska", "växa", "øke", "minske", "vokse"])
_NOT_A_TASK = frozenset(["för", "for", "går", "gick", "gikk", "sätt", "sättet", "måte", "måten", "med"])


def _is_task_marker(words: list[str], k: int) -> bool:
    """ "att"/"å" at k names a task: not a purpose ("för att"), a possibility or manner ("går
    att", "sätt att") or an ease ("enkelt att")."""
    return words[k] in ("att", "å") and words[k - 1] not in _NOT_A_TASK and words[k - 1] not in _EASE


def _task_after(words: list[str], k: int) -> str | None:
    """process for an effort verb after the "att" at k, completion for a delivering one."""
    if not _is_task_marker(words, k) or k + 1 >= len(words):
        return None
    task = analyse(words[k + 1])
    if task is None or task.tense != "infinitive":
        return None
    verb = _with_particle(task.lemma, words[k + 2 : k + 3])
    if _verb_is("process_verb", verb):
        return "process"
    return "completion" if _verb_is("deliver_verb", verb) else None


def task_after_att(words: list[str]) -> str | None:
    """The task an "att"/"å" names anywhere ("bidra till att stärka", "behov av att öka",
    "ansvar för … att samordna")."""
    return next((t for k in range(1, len(words)) if (t := _task_after(words, k)) is not None), None)


def _with_particle(lemma: str, following: list[str]) -> str:
    """ "ta" + "fram" is the cue "ta fram"; a lone lemma otherwise."""
    if following:
        joined = f"{lemma} {following[0]}"
        if _verb_is("deliver_verb", joined) or _verb_is("process_verb", joined):
            return joined
    return lemma


def _opens_with_infinitive(words: list[str]) -> bool:
    """ "Utveckla näringslivet handlar om …": the task is the subject; the opening decides."""
    first = analyse(words[0]) if words else None
    return first is not None and first.tense == "infinitive"


def _verb_is(kind: str, lemma: str) -> bool:
    return lemma in cues().get(kind, ())


def clause_heads(words: list[str]) -> list[str]:
    """Where the main verb may stand (`words`: the statement's tokens): the opening (article
    dropped), then after a modal ("Reglab bör undersöka")."""
    unarticled = words[1:] if words and words[0] in ("en", "ett", "ei", "et") else words
    heads = [" ".join(unarticled[:4])]
    modal = _MODAL.search(" ".join(words[:8]) + " ")
    if modal is not None:
        rest = " ".join(words[:12])[modal.end() :]
        heads.append(" ".join(rest.split()[:4]))
    opening = words[:12]
    for k, word in enumerate(opening[1:], start=1):
        # "En första del i projektet blev därför att utveckla …": the goal after a copula and "att"
        if word in ("att", "å") and opening[k - 1] in _COPULA and not set(opening[:k]) & _EASE:
            heads.append(" ".join(words[k + 1 : k + 5]))
            break
    return heads


# Words before the head noun of a nominal title: "Felles profilering …", "Bransje- og klyngeutvikling".
_TITLE_LEAD = frozenset(
    [
        "felles",
        "felleskap",
        "gemensam",
        "gemensamma",
        "gemensamt",
        "aktiv",
        "aktivt",
        "systematisk",
        "og",
        "och",
        "samt",
    ]
)


def _after_dash(text: str) -> str:
    """What a title says after its name: "Dunc – utveckling av natur- och kulturarv"."""
    parts = re.split(r"\s[–—-]\s", text, maxsplit=1)
    return parts[1] if len(parts) == 2 else ""


def names_an_effort(words: list[str]) -> bool:
    """Guidelines P4: a title naming a continuing effort by the noun of its verb ("Utveckling av …",
    "Bransje- og klyngeutvikling", "Felles profilering og markedsføring av regionen")."""
    k = 0
    while k < len(words) and (words[k] in _TITLE_LEAD or words[k].endswith("-")):
        k += 1
    if k >= len(words):
        return False
    head = words[k]
    return any(
        head == noun or (head.endswith(noun) and len(head) - len(noun) >= 3)
        for noun in cues().get("effort_noun", ())
    )


# A compound naming a deliverable: "Behovsanalys", "Lärandeplan", "Förstudie" (not a bare "plan").
# A deliverable, or an event held (guidelines C2, C4), at the end of a compound title word:
# "Behovsanalys …", "Visningsresor för …", "Företagsbesök hos …", "Byromskartlegging i …".
_DELIVERABLE_COMPOUND = re.compile(
    r"^.{3,}(?:plan|analys|rapport|förstudie|forstudie|utredning|överenskommelse|kartläggning|kartlegging|"
    r"resa|resor|reise|reiser|besök|besøk|seminarium|seminarier|seminar|konferens|konferanse|workshop|mässa|messe)$"
)
_COPULA = frozenset(["blev", "blir", "är", "var", "er", "ble", "därför", "derfor"])
# "Det ska vara enkelt att driva företag" describes a state, not an effort.
_EASE = frozenset([
    "enkelt", "lätt", "svårt", "möjligt", "lett", "vanskelig", "mulig", "enklast", "enklare",
    "lättast", "lättare", "enklere", "enklest", "lettere", "lettest", "attraktivt", "godt", "gott",
])  # fmt: skip


# Level words, most specific first ("Övergripande effektmål" is an effect goal).
_LEVEL_CUES: tuple[tuple[str, str], ...] = (
    (
        r"effektmål\w*|effektmal\w*|langsiktige? mål|förvänta(?:t|d|de) effekt\w*|forvent\w* effekt\w*",
        "effect",
    ),
    (
        r"resultatmål\w*|resultatmåle\w*|resultatmal\w*|projektmål|prosjektmål|prosjektmal|kortsiktige? mål|förvänta(?:t|d|de) resultat|"
        r"forvent\w* resultat|ønsk\w* resultat",
        "result",
    ),
    (
        r"delmål\w*|delmåle\w*|delmal\w*|etappmål|\bmål \d{1,2}\b|målsetting [a-z\d]\b|detta tema|sätt att nå|"
        r"strategisk\w* område|satsingsområde|innsatsområde|fokusområde|målområde|specific objectives?|sub-?goals?",
        "sub",
    ),
    (
        r"aktivitetsmål|aktivitetsmal|förväntat utfall|forventet utfall|\butfall\b|indikator|målvärde|måltall|nyckeltal|\bmått\b|"
        r"mäter vi|aktivitet|"
        r"arbetsmodell|arbetspaket|mötesplats|förslag\b|vad gäller",
        "activity",
    ),
    (r"\bvision\w*|målbild|visjon|vill se", "vision"),
    (
        r"övergripande|overordn\w*|hovedmål|hovudmål|huvudmål|inriktningsmål|samlet mål|"
        r"overall (?:objective|goal|aim)s?|main (?:objective|goal|aim)s?",
        "overall",
    ),
    (
        r"syft\w*|\bmål\w*|ambition\w*|avsikt\w*|formål|tanke\w*|projektidé|handlar om|strategi|riktlinje\w*|"
        r"bakgrund|\bobjectives?\b|\baims?\b|\bgoals?\b|\bpurpose\b",
        "goal",
    ),
)


# A goal heading of its own ("Mål", "Målsetting", "Strategiskt mål: …", "Mål 2020"), not a
# lead-in to a project's purpose ("Målet blev att", "Syfte").
_AREA_GOAL_HEADING = re.compile(
    r"\s*(?:strategisk\w* )?(?:mål|målsetting\w*|målsättning\w*|målsetjing\w*|målsetning\w*)(?![\wåäöæø])(?!.*\b(?:att|å)\s*$)"
)


def level_word(text: str | None) -> str | None:
    """The level a heading, lead-in or sentence names by a level word ("Effektmål", "Delmål 2",
    "Indikatorer"), None for a bare goal word ("Mål", "Syfte") that leaves the level to the structure."""
    low = (text or "").lower()
    cue = _level_cue(low)
    if cue is None:
        return None
    level, found = cue
    if level == "goal" or (found.group(0).startswith("aktivitet") and re.search(r"\bmål", low)):
        return None  # "Mål och aktiviteter": goals and activities side by side, no level named
    return level


def _level_cue(low: str) -> tuple[str, re.Match[str]] | None:
    """The first (most specific) level cue in a lower-cased label or heading, with its match."""
    for pattern, level in _LEVEL_CUES:
        found = re.search(pattern, low)
        if found is not None:
            return level, found
    return None


def rule_level(
    text: str | None, context: str | None = None, parent: str | None = None, area: str | None = None
) -> str | None:
    """The level word of the statement's own label ("Vision 2025:", "Delmål 2:"), else of its heading or lead-in.

    A statement in an activity's row (`parent`: the activity's title) is an activity-level goal
    whatever its column is called ("Forventet resultat", "Syfte", "Forventet effekt"): the
    guidelines' settled V2/V4 rule. A goal word with no level ("Mål", "Syfte") is the overall goal
    of the document or project (V3); a goal heading under a strategic area is that area's goal (V5)."""
    if parent and parent.strip():
        return "activity"
    label = re.match(r"^\s*([^:]{1,40}):", text or "")
    for source in (label.group(1) if label else "", context or ""):
        low = source.lower()
        cue = _level_cue(low)
        if cue is None:
            continue
        level = cue[0]
        if level == "goal":
            return "sub" if area and _AREA_GOAL_HEADING.match(low) else "overall"
        return level
    return None


def rule_theme(text: str | None, area: str | None = None, parent: str | None = None) -> str:
    """The statement's own theme when its signal is strong, else its parent node's, else its strategic area's.

    This is how the pipeline inherits themes: an outcome with no topic of its own ("Framtagen
    och implementerad plan") belongs to its activity, an activity to its strategic area.
    """
    from extractors.nlp.themes import STRONG, best_theme

    own, score = best_theme(text, minimum=1)
    if own is not None and score >= STRONG:
        return own
    above, above_score = best_theme(parent, minimum=1) if parent else (None, 0)
    if above is not None and above_score >= STRONG:
        return above
    inherited = best_theme(area, minimum=1)[0] if area else None
    return inherited or own or above or "other"
