"""Goals stated in a report and the assessments of them that follow.

Reports list goals as bullets under a goal heading ("Effektmål", "Resultatmål", "Mål",
"Målsetting") or introduce them with a lead-in ("Resultatmål inom infrastruktur var:"), and
assess them in the paragraphs after the list ("Följeforskaren gör bedömningen att …"). The
level comes from the nearest level word (lead-in first, then headings), the status of an
assessment from cue phrases, and each goal gets the assessment sentence that names it
(shared distinctive words, or "det andra målet"), else the one that speaks of the list as a
whole ("ovanstående mål").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.families.common import clean
from extractors.families.sections import Section, is_bulleted, sentences, split_items
from extractors.pdf.structures import Block

# A heading that announces goals (but not "Målgrupp").
GOAL_HEADING = re.compile(
    r"(?i)(?<![\wåäöæø])(mål|målen|målet|måla|målene|målsättning\w*|målsetting\w*|målsetning\w*|"
    r"effektmål\w*|resultatmål\w*|delmål\w*|projektmål\w*|prosjektmål\w*|hovedmål\w*|"
    r"målbild|målopfyldelse|mål og resultat\w*|objectives?|aims?|goals?|"
    r"succeskriteri\w*|suksesskriteri\w*|framgångskriteri\w*|success criteri\w*)(?![\wåäöæø])"
)
NOT_GOAL_HEADING = re.compile(
    r"(?i)målgrupp|målgruppe|måluppfyllelse|måloppnåelse|måloppnåing|target groups?|goals? achieved"
)
# A sentence that states a goal.
GOAL_SENTENCE = re.compile(
    r"(?i)^(?:(?:det|den|projektets|prosjektets|programmets|satsningens)\s+)?(?:\w+\s+)?"
    r"(?:mål\w*|syfte\w*|formål\w*|hensikt\w*)(?:\s+med\s+(?:projektet|prosjektet|programmet|satsningen|satsingen|"
    r"arbetet|arbeidet|[A-ZÅÄÖ]\S*))?\s+(?:är|var|er|var|har varit)\s+(?:att|å|at)\b"
    r"|^(?:projektet|prosjektet)\s+(?:var|är|er)\s+tänkt\s+att\b"
    r"|^(?:the\s+)?(?:overall\s+|main\s+)?(?:objective|aim|goal|purpose)s?\s+(?:of\s+(?:the|this)\s+\w+\s+)?"
    r"(?:is|was|were|are|has been)\s+to\b"
)
# "Effektmålet var formulerat så här:", "Hovudmålet vart formulert slik:": the goal follows the colon.
GOAL_AS_FOLLOWS = re.compile(
    r"(?i)^(?:det\s+|projektets\s+|prosjektets\s+)?\w*mål\w*\s+(?:var|är|er|ble|blei|vart)\s+"
    r"(?:formulerat|formulerad|formulert|formulerte|formulerte|skrivet|beskrivet)\s+"
    r"(?:så\s+här|slik|som\s+følger|enligt\s+följande|på\s+följande\s+sätt)\s*:\s*"
)
# A lead-in to a bullet list that announces goals.
GOAL_LEAD_IN = re.compile(
    r"(?i)(\w*mål\w*|\w*målsättning\w*|\w*målsetting\w*|skulle bidra till|skal bidra til|ska bidra till|"
    r"skulle leda till|skal føre til)\b[^.]*:\s*$"
)
# A goal given on a labelled line: "Hovudmål: Auke talet på …", "Delmål 2: …", "Projektets mål: …"
# (not "Målgrupp:", whose "mål" runs on into the word).
_GOAL_LABEL = re.compile(
    r"(?im)^[ \t]*(?P<label>(?:[\wåäöæø]+\s+)?(?:\w*mål(?:et|en|a)?|målsetting|målsettning|målsetjing|målsättning|"
    r"(?i:objective|goal|aim)|succeskriteri(?:e|um)|suksesskriteri(?:e|um)|framgångskriteri(?:e|um)|"
    r"(?i:success criterion))"
    r"(?:\s+\d+[a-z]?)?)\s*:\s*(?=\S)"
)
# A section that reports what was reached ("Resultat", "Måloppnåing"): with no goals of its own, its
# sentences assess the goals stated before it.
RESULTS_HEADING = re.compile(
    r"(?i)^(?:\d+(?:\.\d+)*\.?\s+)?(?:resultat(?!mål)\w*|uppnådda resultat\w*|oppnådde resultat\w*|"
    r"måluppfyll\w*|måloppnå\w*|resultat og måloppnå\w*|resultat och måluppfyll\w*|results?|achievements|"
    r"results and achievements|outcomes?|(?:projektets|prosjektets|project|programme)\s+"
    r"(?:resultat\w*|results?|outcomes?|achievements))\s*$"
)
# The same section headed by a form's question: "3. Vilka resultat har uppnåtts?", "Hvilke resultater er
# oppnådd?", "Har projektet nått sina mål?" (not "Hur tas resultaten om hand efter projektets slut?").
RESULTS_QUESTION = re.compile(
    r"(?i)^(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:vilka|vilken|vilket|hvilke|hvilken|hvilket|kva|which|what)\b[^?]*?"
    r"\b(?:resultat\w*|effekt\w*|results?|outcomes?|effects?)\b"
    r"|[^?]*\b(?:uppnåtts?|uppnått|uppnådda|oppnådd|oppnått|oppnådde|nått|nådd|måluppfyll\w*|måloppnå\w*|"
    r"achieved)\b)[^?]*\?\s*$"
)
_WHOLE_LIST = re.compile(
    r"(?i)\b(ovanstående|dessa|samtliga|alla|ovennevnte|disse|alle)\s+(mål|målen|målene|delmål)\b"
)
_ORDINALS = {
    "första": 1,
    "andra": 2,
    "tredje": 3,
    "fjärde": 4,
    "femte": 5,
    "sjätte": 6,
    "første": 1,
    "annet": 2,
    "andre": 2,
    "fjerde": 4,
    "femte ": 5,
}
_ORDINAL_REF = re.compile(
    r"(?i)\b(?:det|den)\s+(" + "|".join(_ORDINALS) + r")\s+(?:mål|målen|målet|målsettingen)\b"
)
# "Projektmål 3 har uppnåtts", "Delmål 2 er ikkje nådd": a goal referred to by its number
_NUMBERED_REF = re.compile(
    r"(?i)\b(?:projektmål|prosjektmål|delmål|effektmål|resultatmål|mål|målsetting|objective|goal)\s+(\d{1,2})\b"
    r"(?!\s*(?:%|procent|prosent|år|kr))"
)

# Assessment status cues.
_PARTLY = re.compile(
    r"(?i)\bdelvis\b|\btil dels\b|\bdels uppnått|\bpå väg\b|\bpå vei\b|\ben bit på väg\b|"
    r"\bgrund(?:en)?\b[^.]{0,40}\b(?:har\s+)?lagts\b|\blagts?\b[^.]{0,10}\bgrund|"
    r"\bgrunnlag\w*\b[^.]{0,30}\blagt\b|\bdelvist\b|\bdelvis oppnådd|\bnoe oppnådd|\bpartly\b|\bpartially\b|"
    r"\bto some extent\b"
)
_NEGATION = re.compile(
    r"(?i)\b(inte|ej|icke|aldrig|varken|ingen|inga|ikke|ikkje|aldri|hverken|verken|ingen|not|never|neither)\b|"
    r"\b(minskat|minskade|sjunkit|gått ned|gått ner|gikk ned|gått tilbake|redusert)\b"
)
_ACHIEVED = re.compile(
    r"(?i)\b(uppnåtts?|uppnått|uppfyllts?|uppfyllt|oppnådd|oppfylt|nådd|nått|genomförts|gjennomført|"
    r"tecknats|etablerats|inrättats|införts|realiserats|slutförts|fullförts|levererats|"
    r"opfyldt|opnået|nået|gennemført)\b|"
    r"\bhar\s+(?:\w+\s+){0,4}(utvecklat|genomfört|testat|tecknat|etablerat|tagit fram|skapat|infört|"
    r"utviklet|gjennomført|etablert|opprettet)\b|\bmycket bra utfall\b|\bgott resultat\b|"
    r"\b(?:er|är|ble|blev|blei|vart)\s+(?:\w+\s+){0,2}(?:utviklet|utvikla|gjennomført|etablert|innført|"
    r"oppnådd|ferdigstilt|levert|fullført|genomförd|genomfört|framtagen|framtaget|införd|uppnådd|klar)\b|"
    r"\btatt i bruk\b|\btagits i bruk\b|"
    r"\b(?:was|were|has been|have been|is|are)\s+(?:\w+\s+){0,2}(?:achieved|met|reached|fulfilled|completed|"
    r"delivered|established|launched|implemented|exceeded)\b|\b(?:achieved|exceeded)\b|"
    # preterite passives of delivery: "guiden lanserades", "nätverket bildades", "planen vart vedteken"
    # (not "genomfördes", which narrates activities as often as it assesses a goal)
    r"\b(etablerades|infördes|lanserades|inrättades|startades|öppnades|skapades|bildades|"
    r"slutfördes|levererades|tecknades|antogs|togs fram|togs i bruk)\b|"
    r"\b(?:ble|blei|vart)\s+(?:\w+\s+){0,2}(?:lansert|lansera|oppretta|opprettet|starta|startet|åpnet|opna|"
    r"vedtatt|vedteke|vedtekne|skipa|skipet|innført|innførd)\b"
)
# A line that gives the verdict on the goal stated above it: "Bedömning: Delvis uppnått.",
# "Vurdering: Opfyldt.", "Måluppfyllelse: Ej uppnått.", "Status: Achieved".
VERDICT_LABEL = re.compile(
    r"(?i)^(?:bedömning|bedømmelse|vurdering|vurdering av måloppnåing|måluppfyllelse|måloppfyllelse|"
    r"måloppnåing|måloppnåelse|målopfyldelse|status|assessment|verdict)\s*:\s*\S"
)
# A goal labelled as a criterion of success ("Succeskriterie 1: Mindst 50 virksomheder …") is a result goal.
_CRITERION = re.compile(r"(?i)succeskriteri|suksesskriteri|framgångskriteri|success criteri")
_ASSESS_WORDS = re.compile(
    r"(?i)bedöm\w*|uppnå\w*|uppfyll\w*|måluppfyll\w*|vurder\w*|oppnå\w*|oppfyl\w*|nådd|nått"
)
_EVALUATOR = re.compile(
    r"(?i)följeforsk\w*|utvärder\w*|evaluator\w*|følgeforsk\w*|følgeevaluer\w*|evaluer\w*|"
    r"ekstern\w* vurder\w*|extern\w* granskning"
)
_PROJECT = re.compile(r"(?i)\b(projektet|prosjektet|vi|projektledningen|prosjektledelsen)\b")
_CONDITIONAL = re.compile(r"(?i)^(dock|däremot|likevel|derimot)\b|\bom\b[^.]*\bså är\b")

_STOP_WORDS = (
    "att och som för med till den det de av på i är var har ska skall kan inte från inom genom "
    "eller samt även under efter mellan andra andre også og til for er skal ikke fra innen "
    "gjennom etter mellom projektet prosjektet målet mål"
)
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(slots=True)
class GoalItem:
    text: str
    level: str
    page: int
    bulleted: bool
    goal_id: str | None = None


@dataclass(slots=True)
class Assessment:
    text: str
    status: str
    assessor: str
    page: int


@dataclass(slots=True)
class GoalGroup:
    """Goals stated together, and the sentences that follow them up to the next group."""

    goals: list[GoalItem]
    after: list[tuple[str, int]] = field(default_factory=list)  # (sentence, page)
    default_assessor: str = "project"


def level_of(text: str) -> str | None:
    """The level word of a heading, lead-in or goal sentence, by the same cues the goal-typing rules use."""
    from extractors.nlp.goal_rules import level_word

    return level_word(text) or ("result" if _CRITERION.match(text.strip()) else None)


def is_results_heading(title: str) -> bool:
    """A heading of the section that reports what was reached, as a noun or as a form's question."""
    text = title.strip()
    return bool(RESULTS_HEADING.match(text) or RESULTS_QUESTION.match(text))


def is_goal_heading(title: str) -> bool:
    return bool(GOAL_HEADING.search(title)) and not NOT_GOAL_HEADING.search(title)


def _section_level(section: Section) -> str | None:
    for node in (section, *section.ancestors()):
        if node.title and is_goal_heading(node.title):
            level = level_of(node.title)
            if level:
                return level
    return None


def status_of(sentence: str) -> str:
    """achieved / partly_achieved / not_achieved from cue phrases; unknown when none."""
    if _PARTLY.search(sentence):
        return "partly_achieved"
    if _NEGATION.search(sentence):
        # "… aldrig så långt … men ett bra material finns": a failure with a positive rider.
        parts = re.split(r"(?i)\s(?:men|mens|but)\s", sentence, maxsplit=1)
        if len(parts) == 2 and _NEGATION.search(parts[0]) and not _NEGATION.search(parts[1]):
            return "partly_achieved"
        return "not_achieved"
    if _CONDITIONAL.search(sentence) and (_ACHIEVED.search(sentence) or _ASSESS_WORDS.search(sentence)):
        return "partly_achieved"
    if _ACHIEVED.search(sentence):
        return "achieved"
    return "unknown"


def assessor_of(sentence: str, default: str) -> str:
    if _EVALUATOR.search(sentence):
        return "evaluator"
    if re.match(r"(?i)^(projektet|prosjektet|vi|projektledningen)\b", sentence):
        return "project"
    return default


def _stems(text: str) -> set[str]:
    words = re.findall(r"[\wåäöæøé]+", text.lower())
    return {w for w in words if len(w) >= 4 and w not in _STOP and not w.isdigit()}


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= 0.8 * min(len(a), len(b))


def _overlap(goal_words: set[str], sentence_words: set[str], weight: dict[str, float]) -> float:
    return sum(weight.get(g, 0.0) for g in goal_words if any(_same_word(g, s) for s in sentence_words))


def match_assessments(group: GoalGroup) -> list[Assessment | None]:
    """One assessment (or None) per goal of the group."""
    candidates: list[Assessment] = []
    assessor = group.default_assessor
    for sentence, page in group.after:
        if re.search(r"(?i)\b(projektet|prosjektet|vi)\s+(bedömer|vurderer|menar|mener)\b", sentence):
            assessor = "project"
        if _EVALUATOR.search(sentence) and re.search(r"(?i)bedöm|vurder|menar|mener", sentence):
            assessor = "evaluator"
        status = status_of(sentence)
        if status != "unknown":
            candidates.append(Assessment(sentence, status, assessor_of(sentence, assessor), page))
    if not candidates:
        return [None] * len(group.goals)
    goal_words = [_stems(g.text) for g in group.goals]
    counts: dict[str, int] = {}
    for words in goal_words:
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    weight = {w: 1.0 / c for w, c in counts.items()}
    general = next((c for c in candidates if _WHOLE_LIST.search(c.text)), None)
    chosen: list[Assessment | None] = [None] * len(group.goals)
    used: set[int] = set()
    # a labelled verdict line after each goal ("Bedömning: Uppnått."): the verdicts in the goals' order
    verdicts = [ci for ci, c in enumerate(candidates) if VERDICT_LABEL.match(c.text)]
    if verdicts and len(verdicts) == len(group.goals):
        for gi, ci in enumerate(verdicts):
            chosen[gi] = candidates[ci]
            used.add(ci)
    for ci, cand in enumerate(candidates):
        ref = _ORDINAL_REF.search(cand.text)
        numbered = _NUMBERED_REF.search(cand.text)
        if ref:
            index = _ORDINALS[ref.group(1).lower()] - 1
        elif numbered:  # "Delmål 2" counts the numbered goals, not the main goal above them
            index = int(numbered.group(1)) - 1
            subs = [i for i, g in enumerate(group.goals) if g.level not in ("overall", "vision")]
            index = subs[index] if index < len(subs) else index
        else:
            continue
        if 0 <= index < len(chosen) and chosen[index] is None:
            chosen[index] = cand
            used.add(ci)
    scores: list[tuple[float, int, int]] = []
    for gi, words in enumerate(goal_words):
        for ci, cand in enumerate(candidates):
            if ci in used or cand is general:
                continue
            score = _overlap(words, _stems(cand.text), weight)
            if score >= 1.0:
                scores.append((score, gi, ci))
    for _score, gi, ci in sorted(scores, key=lambda t: (-t[0], t[1], t[2])):
        if chosen[gi] is None and ci not in used:
            chosen[gi] = candidates[ci]
            used.add(ci)
    if general is not None:
        chosen = [c if c is not None else general for c in chosen]
    return chosen


def _lead_in(block: Block | None) -> str:
    if block is None or is_bulleted(block):
        return ""
    parts = sentences(block.text)
    return parts[-1] if parts else ""


def collect_goal_groups(sections: list[Section], lang: str | None) -> list[GoalGroup]:
    """Goal lists and goal sentences of the document, each with the text that follows."""
    groups: list[GoalGroup] = []
    current: GoalGroup | None = None
    offered = 0  # groups before this index have had a results section
    for section in sections:
        if section.heading is None:
            continue
        goal_section = is_goal_heading(section.title)
        section_level = _section_level(section)
        prev: Block | None = None
        lead = ""
        if current is not None:
            current = None  # a heading ends the assessment text of the previous group
        # a results section assesses the goals stated before it, in the text before any goals of its own
        assessed: list[GoalGroup] = []
        if is_results_heading(section.title):
            assessed, offered = groups[offered:], len(groups)
        plain_list = False  # "Projektmålen var två:" then one goal per paragraph, no bullets
        for block in section.blocks:
            if prev is not None and not is_bulleted(prev) and not plain_list:
                lead = _lead_in(prev)  # a list split into two blocks keeps the lead-in of its first part
            plain_list = plain_list or bool(
                prev is not None
                and lead.endswith(":")
                and GOAL_LEAD_IN.search(lead)
                and not NOT_GOAL_HEADING.search(lead)
                and not is_bulleted(prev)
            )
            if plain_list and not is_bulleted(block) and _plain_goal_item(block):
                level = level_of(lead) or section_level or "result"
                item = GoalItem(without_label(clean(block.text)), level, block.page, True)
                if current is not None and current.goals and current.goals[-1].bulleted and not current.after:
                    current.goals.append(item)
                else:
                    current = GoalGroup([item])
                    groups.append(current)
                prev = block
                continue
            plain_list = False
            if is_bulleted(block) and (
                (goal_section and (not lead or lead.endswith(":")))
                or (GOAL_LEAD_IN.search(lead) and not NOT_GOAL_HEADING.search(lead))
            ):
                level = level_of(lead) or section_level or "result"
                items = [GoalItem(t, level, block.page, True) for t in split_items(block, lang)]
                if current is not None and current.goals and current.goals[-1].bulleted and not current.after:
                    current.goals.extend(items)  # a list continued in a second block
                else:
                    current = GoalGroup(items)
                    groups.append(current)
            elif labelled := labelled_goals(block.text):
                items = [
                    GoalItem(text, level_of(label) or section_level or "overall", block.page, True)
                    for label, text in labelled
                ]
                if current is not None and current.goals and current.goals[-1].bulleted and not current.after:
                    current.goals.extend(items)  # one labelled line after another: one list
                else:
                    current = GoalGroup(items)
                    groups.append(current)
            elif not is_bulleted(block):
                prose, tail = split_labelled_tail("\n".join(block.lines))
                prose = " ".join(prose.split()) if tail else block.text
                for sentence in sentences(prose):
                    formulated = GOAL_AS_FOLLOWS.search(sentence) if goal_section else None
                    if formulated is not None and sentence[formulated.end() :].strip():
                        # "Effektmålet var formulerat så här: Andelen … ska öka till 50 procent."
                        level = level_of(sentence[: formulated.end()]) or section_level or "overall"
                        text = sentence[formulated.end() :].strip()
                        current = GoalGroup([GoalItem(text, level, block.page, False)])
                        groups.append(current)
                    elif goal_section and GOAL_SENTENCE.search(sentence):
                        level = level_of(sentence) or section_level or "overall"
                        current = GoalGroup([GoalItem(sentence, level, block.page, False)])
                        groups.append(current)
                    elif current is not None:
                        current.after.append((sentence, block.page))
                    else:
                        for group in assessed:
                            group.after.append((sentence, block.page))
                if (
                    tail
                ):  # "Projektet hade två projektmål:" then "Projektmål 1: …" lines in the same paragraph
                    announced = level_of(_lead_in_text(prose))
                    current = GoalGroup(
                        [
                            GoalItem(
                                text,
                                level_of(label) or announced or section_level or "overall",
                                block.page,
                                True,
                            )
                            for label, text in tail
                        ]
                    )
                    groups.append(current)
            prev = block
    return groups


def _plain_goal_item(block: Block) -> bool:
    """A short paragraph that is one goal of a list announced without bullets."""
    text = clean(block.text)
    return block.kind == "text" and 10 <= len(text) <= 300 and len(sentences(text)) <= 2


def labelled_goals(text: str) -> list[tuple[str, str]]:
    """(label, goal) of a block that opens with a goal label, one per labelled line; a line
    without a label continues the goal above it. [] when the block does not open with one."""
    marks = list(_GOAL_LABEL.finditer(text))
    if not marks or text[: marks[0].start()].strip() or NOT_GOAL_HEADING.search(marks[0].group("label")):
        return []
    out: list[tuple[str, str]] = []
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        body = " ".join(text[mark.end() : following.start() if following else len(text)].split())
        if body:
            out.append((mark.group("label"), body))
    return out


def _lead_in_text(text: str) -> str:
    parts = sentences(text)
    return parts[-1] if parts else ""


def split_labelled_tail(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A paragraph that announces goals and gives them on labelled lines of its own ("… Projektet
    hade två projektmål:" / "Projektmål 1: …" / "Projektmål 2: …"): (the text before the labels,
    (label, goal) of each line); (text, []) for any other paragraph."""
    first = next((m for m in _GOAL_LABEL.finditer(text) if m.start() > 0), None)
    if first is None:
        return text, []
    prose = text[: first.start()].rstrip()
    lead = _lead_in_text(prose)
    tail = labelled_goals(text[first.start() :])
    announced = lead.endswith(":") and GOAL_LEAD_IN.search(lead) and not NOT_GOAL_HEADING.search(lead)
    # or two or more numbered labels, each opening a line of its own, after the goal sentence
    # ("… ska ha tillgång till service." / "Projektmål 1: …" / "Projektmål 2: …")
    numbered = len(tail) >= 2 and all(re.search(r"\d+[a-z]?$", label) for label, _ in tail)
    if not (announced or numbered) or not tail:
        return text, []
    return prose, tail


def without_label(text: str) -> str:
    """A goal without the label printed before it ("Projektmål 1: 40 företag …" -> "40 företag …"): the
    label's number is the goal's place in the list, not its target, and the goals table keeps no code."""
    labelled = labelled_goals(text)
    return labelled[0][1] if len(labelled) == 1 else text


def prose_assessment(group: GoalGroup) -> Assessment | None:
    """A goal stated in prose is assessed only by an explicit verdict right after it."""
    if not group.after:
        return None
    sentence, page = group.after[0]
    if not _ASSESS_WORDS.search(sentence):
        return None
    status = status_of(sentence)
    if status == "unknown":
        return None
    return Assessment(sentence, status, assessor_of(sentence, "other"), page)
