"""Goals stated in running text: the overall goal, numbered goals ("Mål 1: …") and goal lists.

Plans print their goals outside the activity tables: an "Overordnet mål" heading with the
goal below it, a sentence "Programmet har som övergripande mål 120 000 nya jobb …", numbered
"Mål 2:" paragraphs, or a list under a "Mål"/"Målsetting" heading.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from extractors.families.common import add_goal, clean
from extractors.families.plan_labels import match_label
from extractors.families.report_goals import status_of
from extractors.nlp.goal_rules import level_word
from extractors.pdf.dehyphen import join_lines

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.pdf.structures import Block

# Heading texts that introduce the overall goal or vision (sv, nb, nn, da, en).
OVERALL_HEADINGS = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:övergripande\s+mål(?:et)?|overordn(?:et|a|ede)\s+mål(?:et|setting)?|hovedmål(?:et)?|"
    r"hovudmål(?:et)?|huvudmål(?:et)?|overordnet\s+målsætning|overall\s+(?:goal|objective))\s*"
    r"(?::\s*(?P<rest>.*))?$",
    re.I,
)
VISION_HEADINGS = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:vision(?:en)?|visjon(?:en)?)"
    # "Vision 2030", "Visjon for Luster 2040": the heading names the year or place it looks to
    r"(?:\s+(?:för|for)\s+[\wåäöæø-]+(?:\s+[\wåäöæø-]+)?)?(?:\s+(?:år\s+)?(?:19|20)\d\d)?"
    r"\s*(?::\s*(?P<rest>.*))?$",
    re.I,
)
# "… genomförs. Vision: Skellefteå är Europas mest hållbara industristad 2030." inside a paragraph
VISION_INLINE = re.compile(r"(?:^|(?<=[.!?]\s))(?:Vision|Visjon)(?:en)?\s*:\s*(?P<rest>[^.:;]{6,300}\.)")
# "Visjon: Volda – open, skapande og berekraftig": a line of its own needs no full stop
_VISION_LINE = re.compile(r"^(?:Vision|Visjon)(?:en)?\s*:\s*(?P<rest>[^.:;]{6,120})$")
# "… har som övergripande mål 120 000 nya jobb …" inside a paragraph.
OVERALL_INLINE = re.compile(
    r"(?:övergripande\s+mål(?:et)?|overordn(?:et|a|ede)\s+mål(?:et)?|hovedmål(?:et)?|hovudmål(?:et)?|"
    r"(?<=[Tt]he\s)overall\s+(?:goal|objective|aim))"
    # "Hovedmålet i samfunnsdelen er at …", "The overall goal of the strategy is that …"
    r"(?:\s+(?:i|for|med|of|för)\s+(?:the\s+|this\s+)?[\wåäöæø-]+(?=\s+(?:är|er|is)\b))?\s*"
    r"(?:är\s*,?\s+(?:att\s+)?|er\s*,?\s+(?:å\s+|at\s+)?|is\s*,?\s+(?:that\s+|to\s+)?|:\s*)?"
    r"(?P<goal>[^.:;]{6,200}?\d[^.:;]{0,200}\.|[^.:;]{6,200}\.)",
    re.I,
)
# "Målet är att besöksnäringens omsättning ska öka med 20 procent till 2027." opening a sentence of a
# plan's first pages: the plan's own goal when it names no overall one.
PLAN_GOAL_INLINE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:(?:Målet|Målsättningen|Målsetjinga|Målsettingen|Målsætningen)"
    r"(?:\s+med\s+(?:handlingsplanen|handlingsprogrammet|planen|handleplanen))?\s+"
    r"(?:är\s+att|er\s*,?\s+(?:at|å))|Mål\s*:)\s+(?P<goal>[^.:;]{6,300}\.)"
)
# "… innen 2028", "… till år 2030", "… 2025–2028" after a level word: the time the goals are set for
_BY_YEAR = (
    r"(?:\s+(?:innen|innan|inom|till|til|fram\s+till|fram\s+mot|mot|by|until|senast|seinast)(?:\s+(?:år|utgangen\s+av))?"
    r"\s+(?:19|20)\d\d|\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?)"
)
GOAL_LIST_HEADINGS = re.compile(
    r"^\s*(?:mål|målen|målsetting(?:er)?|målsättning(?:ar)?|målsetjing(?:ar)?|målsætninger|"
    # "Effektmål", "Resultatmål for 2026", "Resultatmål innen 2028", "Langsiktige mål": the level the heading names
    rf"(?:effekt|resultat|projekt|prosjekt|del)mål(?:en|a|ene)?(?:\s+(?:för|for)\s+.{{0,40}}|{_BY_YEAR})?|"
    r"(?:langsiktige|kortsiktige)\s+mål|mål\s+(?:för|for)\s+.{0,60})\s*:?\s*$",
    re.I,
)
# "Hovudmål 1 Folketal og bustader": a numbered overall goal's heading names its topic; the goal is
# printed below it, and the goals numbered "1.1", "1.2" under it are its sub goals
_NUMBERED_OVERALL_HEADING = re.compile(
    r"^\s*(?:hovedmål|hovudmål|huvudmål|övergripande\s+mål|overordn(?:et|a)\s+mål)\s+(?P<number>\d{1,2})\b"
    r"\.?\s*(?:[-–:]\s*)?(?P<topic>[^:]{0,80})$",
    re.I,
)
# The labels a goal paragraph opens with; paragraphs set with no space between them run into one block
# ("Visjon: … framtidstro. Hovedmål: Programmet skal … Delmål 1: …") and are read one label at a time.
# Goal labels that take a number ("Delmål 2:", "Resultatmål 1:")
_NUMBERED_GOAL_WORD = r"(?:Delmål|Effektmål|Resultatmål|Projektmål|Prosjektmål|Mål|Målsetting|Målsättning)"
_GOAL_LABEL = (
    r"(?:Visjon|Vision|Hovedmål(?:et)?|Hovudmål(?:et)?|Huvudmål(?:et)?|Övergripande\s+mål|Overordnet\s+mål|"
    r"Overordna\s+mål|Overordnet\s+målsætning|Overall\s+(?:objective|goal)|Specific\s+objective|"
    rf"{_NUMBERED_GOAL_WORD})"
    r"(?:\s+\d{1,2}(?:\.\d{1,2})?)?\s*:"
)
_BEFORE_GOAL_LABEL = re.compile(
    rf"(?<=[.!?])\s+(?={_GOAL_LABEL}\s)"
    # a numbered label needs no sentence end before it: "… innen 2026 – nådd Resultatmål 2: …"
    rf"|(?<=\S)\s+(?={_NUMBERED_GOAL_WORD}\s+\d{{1,2}}(?:\.\d{{1,2}})?\s*:\s)"
)
# "Effektmål: Fler företag …" with no number: a goal of the level its label names
_LEVEL_LABEL_LINE = re.compile(
    r"^(?P<label>Effektmål|Resultatmål|Projektmål|Prosjektmål|Delmål)\s*:\s*(?P<goal>\S.{5,300})$"
)
# "Mål: Blekinge har ett konkurrenskraftigt näringsliv." under an area, once the plan's own goal is read
AREA_GOAL_LINE = re.compile(r"^(?:Mål|Målet|Målsetting|Målsättning)\s*:\s*(?P<goal>[^:]{6,300}\.)$")
_YEAR_LABEL = re.compile(r"(?i)^[\wåäöæø]+\s+(?:19|20)\d\d\s*:")
_BULLET = re.compile(r"^\s*[-–•▪●❖◦*]\s*")


def extract_text_goals(ctx: ExtractionContext, *, inline: bool = True) -> list[str]:
    """Write the goals found in the body text; returns their ids."""
    blocks = list(ctx.layout.blocks())
    seen: set[str] = set()
    ids: list[str] = []
    overall_id: str | None = None

    def add(text: str, level: str, page: int, parent: str | None = None) -> str | None:
        body = clean(_BULLET.sub("", text))
        key = body.lower()
        if len(body) < 4 or key in seen:
            return None
        seen.add(key)
        goal_id = add_goal(ctx, text=body, level=level, page=page, parent_goal_id=parent)
        ids.append(goal_id)
        return goal_id

    blocks = [part for block in blocks for part in _goal_paragraphs(block)]
    for i, block in enumerate(blocks):
        text = clean(_BULLET.sub("", block.text))  # "• Delmål 1: …" is labelled as "Delmål 1: …" is
        heading = block.kind == "heading" or (block.bold and len(text) < 80)
        overall = OVERALL_HEADINGS.match(text)
        if overall is not None and not heading and not overall.group("rest"):
            overall = None  # a line of body text is the goal only with it: "Hovudmål: Sunnfjord skal …"
        vision = VISION_HEADINGS.match(text) if heading and len(text) < 40 else None
        if not heading:  # a body line is the vision only with it: "Vision: Skellefteå är …"
            vision = VISION_INLINE.search(text) or _VISION_LINE.match(text)
        numbered_overall = _NUMBERED_OVERALL_HEADING.match(text) if block.kind == "heading" else None
        if numbered_overall is not None:
            target_block = _next_goal_block(blocks, i)
            new = add(target_block.text, "overall", target_block.page) if target_block is not None else None
            overall_id = new or overall_id
            for item, page in _following_items(
                blocks, i, ctx.language, within=numbered_overall.group("number")
            ):
                add(item, "sub", page, overall_id)
            continue
        if overall is not None or vision is not None:
            found = overall or vision
            assert found is not None
            level = "overall" if overall is not None else "vision"
            rest = clean(found.group("rest") or "")
            target = rest or _next_text(blocks, i)
            if target:
                new = add(target, level, block.page)
                if level == "overall" and new:
                    overall_id = new
            continue
        if GOAL_LIST_HEADINGS.match(text) and (heading or _plain_list_label(text, blocks, i)):
            level = _named_level(text)
            for item, page in _following_items(blocks, i, ctx.language):
                add(item, level, page, overall_id)
            continue
        if block.kind != "heading" and (labelled := _LEVEL_LABEL_LINE.match(text)):
            add(labelled.group("goal"), _named_level(labelled.group("label")), block.page, overall_id)
            continue
        found_label = match_label(text, "development_plan", strict=True)
        if (
            found_label is not None
            and found_label.level == "goal"
            and found_label.has_number
            and found_label.rest
            and block.kind != "heading"
            and not _YEAR_LABEL.match(text)  # "Mål 2030: 45 procent" is a target value
        ):
            for part in _labelled_parts(text, found_label.code):
                body, status = _assessed(part)
                goal_id = add(body, _named_level(found_label.code), block.page, overall_id)
                if goal_id is not None and status is not None:
                    # "Resultatmål 1: Minst 40 bedrifter … – nådd": a status report's verdict on the goal
                    ctx.result.add(
                        "outcomes",
                        goal_id=goal_id,
                        text=part,
                        status=status,
                        assessor="project",
                        page=block.page,
                    )
            continue
        if overall_id is not None and block.kind != "heading" and (area_goal := AREA_GOAL_LINE.match(text)):
            add(
                area_goal.group("goal"), "sub", block.page, overall_id
            )  # "Mål: …" under each area after the plan's own
            continue
        if inline and overall_id is None:
            match = OVERALL_INLINE.search(text)
            if match is not None and match.group(0).lower().startswith("overall") and ctx.language != "en":
                match = None  # an English summary of a Swedish plan repeats its goal
            if match is None and block.page <= 2:
                match = PLAN_GOAL_INLINE.search(text)
            if match is not None:
                overall_id = add(match.group("goal"), "overall", block.page)
    return ids


def _goal_paragraphs(block: Block) -> list[Block]:
    """A body block cut before each goal label that follows a sentence's end."""
    if block.kind == "heading":
        return [block]
    parts = [p for p in _BEFORE_GOAL_LABEL.split(block.text) if p.strip()]
    if len(parts) < 2:
        return [block]
    return [dataclasses.replace(block, text=part) for part in parts]


# "… innen 2026 – nådd", "… – delvis nådd", "– ikke nådd", "(uppnått)": a verdict printed after the goal
_VERDICT = re.compile(
    r"\s*(?:[–—-]\s*|\()(?P<verdict>(?:delvis|ikke|ikkje|ej|inte|ikkje heilt|partly|not)?\s*"
    r"(?:nådd|nått|oppnådd|oppnått|uppnått|uppnådd|achieved))\)?\.?\s*$",
    re.I,
)


def _assessed(text: str) -> tuple[str, str | None]:
    """The goal without a verdict printed after it, and that verdict as an outcomes.status."""
    found = _VERDICT.search(text)
    if found is None:
        return text, None
    return text[: found.start()].rstrip(" ,;"), status_of(found.group("verdict"))


def _named_level(label: str) -> str:
    """The level a goal heading or label names ("Effektmål" effect, "Resultatmål for 2026" result), else sub."""
    level = level_word(label)
    return level if level in ("effect", "result", "sub", "overall", "vision") else "sub"


def _labelled_parts(text: str, code: str) -> list[str]:
    """ "Delmål 1: … 2030. Delmål 2: … 2030." (paragraphs run together) -> one text per label."""
    word = re.sub(r"[\s\d.:)]+$", "", code)
    if not word:
        return [text]
    parts = re.split(rf"(?<=[.!?])\s+(?={re.escape(word)}\s+\d{{1,2}}\s*[:.)])", text)
    return [p.strip() for p in parts if p.strip()]


def _next_text(blocks: list[Block], index: int) -> str | None:
    """The goal printed under a goal heading: the next block on the same page."""
    heading = blocks[index]
    for block in blocks[index + 1 : index + 3]:
        if block.page != heading.page:
            return None
        text = clean(block.text)
        if text and not OVERALL_HEADINGS.match(text):
            return text
    return None


def _plain_list_label(text: str, blocks: list[Block], index: int) -> bool:
    """ "Delmål:" set as body text on a line of its own names the level of the list below it."""
    return text.endswith(":") and len(text) < 40 and bool(_following_items(blocks, index))


def _next_goal_block(blocks: list[Block], index: int) -> Block | None:
    """The goal paragraph printed under a numbered goal heading, not the numbered list after it."""
    heading = blocks[index]
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is None or following.page != heading.page or following.kind != "text":
        return None
    if (
        _ITEM_NUMBER.match(following.text)
        or re.match(_GOAL_LABEL, following.text)
        or not clean(following.text)
    ):
        return None  # the list itself, or a labelled goal ("Delmål 1.1: …") read on its own
    return following


def _following_items(
    blocks: list[Block], index: int, lang: str = "sv", within: str | None = None
) -> list[tuple[str, int]]:
    """The items of the list under a goal heading: its bullet items, and the items of a numbered
    list ("1) … 2) …", "1.1 … 1.2 …") the layout set as one text block. `within`: only the
    items numbered under that number ("1.1", "1.2" under "Hovudmål 1")."""
    out: list[tuple[str, int]] = []
    for block in blocks[index + 1 :]:
        if block.kind == "heading":
            break
        if block.kind == "list_item" and within is None:
            out.append((block.text, block.page))
            continue
        numbered = _numbered_items(block, lang) if block.kind == "text" else []
        if within is not None:
            numbered = [(n, t) for n, t in numbered if n.startswith(within + ".")]
        if numbered:
            out.extend((item, block.page) for _, item in numbered)
        elif out:
            break
    return out


# "1)", "1.", "1.1", "1.1." opening a printed line: a numbered list's item number
_ITEM_NUMBER = re.compile(r"^\s*(?P<number>\d{1,2}(?:\.\d{1,2})?)(?P<mark>[.)])?\s+(?=[A-ZÅÄÖÆØÜ])")


def _next_number(number: str) -> str:
    """The number of the item after `number`: "1" -> "2", "1.2" -> "1.3"."""
    head, _, last = number.rpartition(".")
    return f"{head}.{int(last) + 1}" if head else str(int(number) + 1)


def _numbered_items(block: Block, lang: str) -> list[tuple[str, str]]:
    """(number, text) of each item of a numbered list printed as one block, numbers taken off.

    An item begins where a printed line opens with the next number of the same form, or, for
    items set inline ("1) … 2) … 3) …"), where a sentence ends before the next number. A block
    that does not open with an item number ("1)", "1.", "1.1"; a bare "1" is a heading's) is none.
    """
    lines = block.lines or [block.text]
    first = _ITEM_NUMBER.match(lines[0])
    if first is None or (first.group("mark") is None and "." not in first.group("number")):
        return []
    mark = first.group("mark") or ""
    items: list[tuple[str, list[str]]] = [(first.group("number"), [lines[0][first.end() :]])]
    for line in lines[1:]:
        found = _ITEM_NUMBER.match(line)
        if (
            found is not None
            and found.group("number") == _next_number(items[-1][0])
            and (found.group("mark") or "") == mark
        ):
            items.append((found.group("number"), [line[found.end() :]]))
        else:
            items[-1][1].append(line)
    out: list[tuple[str, str]] = []
    for number, item_lines in items:
        text = join_lines(item_lines, lang=lang)
        while True:  # "1) Fler bedrifter. 2) Økt …" set on one line
            inline = re.search(
                rf"(?<=[.!?;])\s+{re.escape(_next_number(number))}{re.escape(mark)}\s+(?=[A-ZÅÄÖÆØÜ])", text
            )
            if inline is None:
                break
            out.append((number, clean(text[: inline.start()])))
            number, text = _next_number(number), text[inline.end() :]
        out.append((number, clean(text)))
    return [(number, text) for number, text in out if text]
