"""Final reports (slutrapport / sluttrapport): the project, its work packages, goals and results.

A report is one project: its own `project` row, the work packages it reports (numbered
subsections under an "activities" heading) as children, goals and their assessments, the
budget and indicator tables, and the people and organisations behind it (steering group
table, project owner and leader, financiers).
"""

from __future__ import annotations

import re

from extractors.classify import name_in_title
from extractors.context import ExtractionContext
from extractors.families.common import add_activity, add_goal, clean
from extractors.families.report_goals import (
    Assessment,
    collect_goal_groups,
    match_assessments,
    prose_assessment,
)
from extractors.families.report_tables import (
    add_activity_table,
    add_budget,
    add_budget_sentences,
    add_financing_sentences,
    add_form_amounts,
    add_goal_table,
    add_indicator_table,
    add_people_table,
    form_rows,
    label_over_answer,
)
from extractors.families.sections import (
    Section,
    all_sections,
    find_people,
    first_sentence,
    looks_like_person,
    sentences,
)
from extractors.families.work_packages import add_text_work_packages, block_fields, split_packages
from extractors.normalise.actors import until_next_label
from extractors.normalise.columns import names_whole_period
from extractors.registry import register

EXTRACTOR = "final_report"

# Headings of the section that lists the work packages (sv, nb, nn, da).
ACTIVITY_HEADING = re.compile(
    r"(?i)\b(aktiviteter\w*|arbetspaket\w*|delprojekt\w*|genomförande|insatser|åtgärder|"
    r"arbeidspakk\w*|delprosjekt\w*|tiltak\w*|gjennomføring|aktivitetar|arbejdspakke\w*|indsatser|"
    r"work\s+packages?|activities|implementation)\b"
)
SUMMARY_HEADING = re.compile(r"(?i)^(sammanfattning|sammandrag|sammendrag|samandrag|resumé|summary)\b")
# also a form's numbered question: "1. Beskriv projektets syfte och mål", "2. Beskriv prosjektets formål"
PURPOSE_HEADING = re.compile(
    r"(?i)^(?:\d+(?:\.\d+)*\.?\s+)?(?:beskriv\s+(?:projektets|prosjektets|prosjektet\s+sitt)\s+)?"
    r"(syfte|formål|føremål|hensikt|bakgrund og formål)\b"
)
PERIOD = re.compile(
    r"(?i)\b(?:projektperiod(?:en)?|projekttid(?:en)?|prosjektperiode(?:n)?|prosjekttid(?:a|en)?|"
    r"genomförandeperiod(?:en)?|projektperiode(?:n)?|project period|prosjektperiode)\s*(?::|var|är|er|var|was)?\s*"
    r"((?:\d{1,2}\.?\s+)?[\wåäö.]*\s*\d{4}\s*(?:[-–—]|till|til|to)\s*(?:\d{1,2}\.?\s+)?[\wåäö.]*\s*\d{4}"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}\s*(?:[-–—]|till|til)\s*\d{4}[-./]\d{1,2}[-./]\d{1,2})"
)
LEADER_CUE = re.compile(
    r"(?i)\b(projektledare|processledare|prosjektleder|prosessleder|projektleder|project manager|project leader|"
    r"leddes|ledd av|ledet av|letts av|leds av|anställdes som|ansatt som)\b"
)
LEADER_TITLE = re.compile(
    r"(?i)^(projektledare|processledare|prosjektleder|prosessleder|projektleder|project manager|project leader)$"
)
OWNER = re.compile(
    r"(?i)\b(?:projektägare|prosjekteier|projektejer|projektägaren|prosjekteigar|stödmottagare|støttemottaker|"
    r"tilskuddsmottaker|tilskotsmottakar)\s*(?::|är|var|er|har vært|var)\s+"
    r"([^.;]+)"
)
FINANCED = re.compile(
    r"(?i)\b(?:med)?finansier(?:ats|as|es|t|et|ad|edes)\s+(?:av|af|by|gjennom)\s+([^.;]+)"
    r"|\b(?:finansiärer|medfinansiärer|finansiører|finansieringskilder)\s*(?::|är|var|er)\s*([^.;]+)"
)
LEAD_LABEL = re.compile(r"(?i)^(?:lead\s+(?:partner|beneficiary|applicant)|leadpartner)$")
# "Luleå University of Technology (SE)": the partner's country printed after its name
_COUNTRY_MARK = re.compile(r"\s*\((?:SE|NO|FI|DK|IS|EE|LV|LT|DE|RU)\)\s*$")
PROJECT_SUBJECT = re.compile(r"(?i)^(projektet|prosjektet|satsningen|satsingen|tiltaket|arbetet|arbeidet)\b")


def _role(
    ctx: ExtractionContext,
    role: str,
    *,
    org: str | None = None,
    person: str | None = None,
    title: str | None = None,
    raw: str | None = None,
    page: int | None = None,
    activity_id: str | None = None,
    seen: set[tuple[str, str, str]] | None = None,
) -> None:
    actor_id = ctx.actors.resolve(org, ctx.result) if org else None
    key = (role, person or "", actor_id or "")
    if seen is not None:
        if key in seen or (person and any(k[0] == role and k[1] == person for k in seen)):
            return
        seen.add(key)
    ctx.result.add(
        "actor_roles",
        activity_id=activity_id,
        actor_id=actor_id,
        role=role,
        person_name=person,
        person_title=title,
        raw=clean(raw) or None,
        page=page,
    )


def _project_title(ctx: ExtractionContext, sections: list[Section]) -> str:
    if ctx.result.info.title:
        return _named(ctx.result.info.title)
    for section in sections:
        if section.heading is not None:
            return section.title
    return "Projekt"


def _named(title: str) -> str:
    """The project a report's title names, its kind put before a dash or a colon ("Sluttrapport:
    Kompetanseløft for reiselivet" -> "Kompetanseløft for reiselivet")."""
    kind, colon, name = title.partition(": ")
    if colon and name.strip():
        dashed = f"{kind} – {name}"
        named = name_in_title(dashed)
        if named != dashed:
            return named
    return name_in_title(title)


def _first_paragraph(sections: list[Section], pattern: re.Pattern[str]) -> str | None:
    for section in sections:
        if section.heading is not None and pattern.search(section.title):
            for block in section.blocks:
                if len(block.text) > 80:
                    return clean(block.text)
    return None


Fact = tuple[str, str, int]  # (label, value, page) of a fact table's row


def _texts(ctx: ExtractionContext, facts: list[Fact]) -> list[tuple[str, int]]:
    """(text, page) of the fact table's rows as "Label: value" lines, then of every block: a form
    states in its table what other reports write in running text."""
    return [(f"{label}: {value}", page) for label, value, page in facts] + [
        (block.text, block.page) for block in ctx.layout.blocks()
    ]


# A form's fact that names the project: "Projektnamn | Lokal service i Bergs kommun"
PROJECT_NAME_LABEL = re.compile(
    r"(?i)^(?:projektnamn|projektets namn|prosjektnavn|prosjektnamn|projektnavn|project name)$"
)
# A title that is only the kind of report ("Slutrapport – för projekt med stöd från …")
REPORT_KIND_TITLE = re.compile(
    r"(?i)^(?:slutrapport|sluttrapport|slutrapportering|delrapport|lägesrapport|final report|progress report)\b"
)


def _form_title(ctx: ExtractionContext, facts: list[Fact]) -> str | None:
    """The project a form's name fact gives; it titles the document too when the printed title is
    only the form's kind ("Slutrapport – för projekt med stöd från …")."""
    name = next((value for label, value, _ in facts if PROJECT_NAME_LABEL.match(label)), None)
    if name is None:
        return None
    info = ctx.result.info
    if info.title is None or (REPORT_KIND_TITLE.match(info.title) and name not in info.title):
        info.title = name
    return name


def _form_facts(sections: list[Section], ctx: ExtractionContext) -> tuple[list[Fact], set[int]]:
    """The rows of the report's label | value tables and of a form's labels printed above their
    answers, and the ids of those tables."""
    facts: list[Fact] = label_over_answer(list(ctx.layout.blocks()))
    tables: set[int] = set()
    for section in sections:
        for table in section.tables:
            rows = form_rows(table)
            if rows:
                facts += rows
                tables.add(id(table))
    return facts, tables


def _period(ctx: ExtractionContext, facts: list[Fact]) -> tuple[str | None, int | None]:
    for text, page in _texts(ctx, facts):
        match = PERIOD.search(text)
        if match:
            return clean(match.group(1)), page
    return None, None


def _work_package_section(sections: list[Section]) -> Section | None:
    """The deepest activities heading whose children are the work packages."""
    found: Section | None = None
    for section in sections:
        if section.heading is None or len(section.children) < 2:
            continue
        if ACTIVITY_HEADING.search(section.title) and (found is None or section in list(found.walk())):
            found = section
    return found


def _add_work_packages(ctx: ExtractionContext, parent_id: str, section: Section) -> None:
    for child in section.children:
        body = " ".join(b.text for b in child.all_blocks())
        fields = block_fields(child.all_blocks())
        whole_period = any(names_whole_period(x) for x in fields.pop("_labels", "").split("|") if x)
        code, title = child.number, child.title
        labelled = split_packages(child.title) if code is None else []
        if len(labelled) == 1 and labelled[0][2] is None:
            code, title = labelled[0][0], labelled[0][1]  # "WP1 Project management"
        add_activity(
            ctx,
            level="activity",
            title=title,
            code=code,
            parent_id=parent_id,
            page_start=child.page,
            page_end=child.last_page,
            bbox=child.heading.bbox if child.heading else None,
            extractor=EXTRACTOR,
            description=body or None,
            confidence=0.85,
            whole_period=whole_period,
            **fields,
        )


def _add_goals_and_outcomes(ctx: ExtractionContext, sections: list[Section], project_id: str) -> None:
    lang = ctx.language if ctx.language != "und" else None
    for group in collect_goal_groups(sections, lang):
        assessments: list[Assessment | None]
        if group.goals[0].bulleted:
            assessments = match_assessments(group)
        else:
            assessments = [prose_assessment(group)]
        for goal, assessment in zip(group.goals, assessments, strict=False):
            goal.goal_id = add_goal(ctx, text=goal.text, level=goal.level, page=goal.page)
            if assessment is not None:
                ctx.result.add(
                    "outcomes",
                    goal_id=goal.goal_id,
                    activity_id=project_id,
                    text=assessment.text,
                    status=assessment.status,
                    assessor=assessment.assessor,
                    page=assessment.page,
                )


def _person_title_after(sentence: str, name: str) -> str | None:
    match = re.search(re.escape(name) + r",\s+([a-zåäöæø][\wåäöæø-]+)", sentence)
    return match.group(1) if match else None


def _add_people_and_orgs(
    ctx: ExtractionContext, project_id: str, title: str, facts: list[Fact], bodies: list[Fact]
) -> None:
    """Owner, leaders and financiers from the text and the fact table; `bodies` are those a fact
    table's amount row names ("Varav EU-medel (Europeiska regionala utvecklingsfonden)")."""
    seen: set[tuple[str, str, str]] = set()
    for name, raw, page in bodies:
        _role(ctx, "financier", org=name, raw=raw, page=page, seen=seen)
    owner: str | None = None
    texts = _texts(ctx, facts)
    for text, page in texts:
        for sentence in sentences(text):
            match = OWNER.search(sentence)
            if match and owner is None:
                named = until_next_label(clean(match.group(1))).strip(" .")
                if not re.match(r"[^\W\d_]", named):
                    continue  # "Underskrift projektägare: ______ Datum: …": a line to sign, no owner
                owner = named
                _role(ctx, "owner", org=owner, raw=sentence, page=page, activity_id=project_id, seen=seen)
    # The lead partner a fact list names ("Lead partner | Luleå University of Technology (SE)"); a
    # work package's own "Lead partner:" line is that package's responsible, not the project's lead
    for label, value, page in facts:
        if LEAD_LABEL.match(label):
            lead = _COUNTRY_MARK.sub("", until_next_label(clean(value))).strip(" .")
            if lead:
                _role(
                    ctx,
                    "lead",
                    org=lead,
                    raw=f"{label}: {value}",
                    page=page,
                    activity_id=project_id,
                    seen=seen,
                )
                owner = owner or lead
    for label, value, page in facts:  # "Project manager | Dr. Anna Lindqvist, Luleå University of …"
        if LEADER_TITLE.match(label):
            for name in find_people(value):
                _role(
                    ctx,
                    "project_leader",
                    org=owner,
                    person=name,
                    title=_person_title_after(value, name),
                    raw=f"{label}: {value}",
                    page=page,
                    activity_id=project_id,
                    seen=seen,
                )
    if ctx.result.info.issuer is None and owner:
        ctx.result.info.issuer = owner  # the owner or lead partner reports on its project
    # Leaders named on the cover ("Monica Lundin" / "Processledare") and in the running text.
    for block in ctx.layout.blocks():
        lines = [clean(ln) for ln in block.lines if clean(ln)]
        for i in range(len(lines) - 1):
            if looks_like_person(lines[i]) and LEADER_TITLE.match(lines[i + 1]):
                _role(
                    ctx,
                    "project_leader",
                    org=owner,
                    person=lines[i],
                    title=lines[i + 1],
                    raw=block.text,
                    page=block.page,
                    activity_id=project_id,
                    seen=seen,
                )
    for text, page in texts:
        for sentence in sentences(text):
            if not LEADER_CUE.search(sentence):
                continue
            for name in find_people(sentence):
                _role(
                    ctx,
                    "project_leader",
                    org=owner,
                    person=name,
                    title=_person_title_after(sentence, name),
                    raw=sentence,
                    page=page,
                    activity_id=project_id,
                    seen=seen,
                )
    first_word = title.split(" ")[0] if title else ""
    for text, page in texts:
        for sentence in sentences(text):
            match = FINANCED.search(sentence)
            if not match:
                continue
            subject_ok = PROJECT_SUBJECT.match(sentence) or (first_word and sentence.startswith(first_word))
            if match.group(2) is None and not subject_ok:
                continue
            listed = _AMOUNT_WITH.sub(
                "", match.group(1) or match.group(2) or ""
            )  # "med 1,5 mio. kr." names no body
            for item in ctx.actors.split_list(listed):
                name = _financier_name(item)
                if name and len(name.split()) <= 6:
                    _role(ctx, "financier", org=name, raw=sentence, page=page, seen=seen)


# The amount a financier gives, printed after its name: "Region Midtjylland med 1,5 mio. kr.", "X (2,5 mkr)"
_AMOUNT_WITH = re.compile(
    r"(?i)\s*(?:\bmed\b|\bwith\b|\bpå\b|\bom\b)?\s*\(?\b\d[\d\s\u00a0.,]*"
    r"(?:\s*(?:mio|mill\w*|miljoner|millioner|mkr|tkr|mnok|kr|kroner|kronor|euro|eur|dkk|nok|sek)(?!\w)\.?){1,2}\)?"
)


def _financier_name(item: str) -> str:
    """The body in one item of a financing list: "Tillväxtverket genom Europeiska regionala
    utvecklingsfonden" -> Tillväxtverket (the fund is the channel); "av Region Gävleborg och de fyra
    kommunerna" -> Region Gävleborg."""
    name = re.sub(r"(?i)^(?:av|af|by|från|fra)\s+", "", item.strip())
    name = re.split(r"\s+(?:genom|gjennom|through|via)\s+", name, maxsplit=1)[0]
    return re.split(r"\s+(?:och|og|and)\s+(?=[a-zåäöøæ])", name, maxsplit=1)[0].strip(" ,")


@register("final_report", EXTRACTOR)
def extract(ctx: ExtractionContext) -> None:
    """Write the report's project, work packages, goals, outcomes, budget, indicators and roles."""
    roots = ctx.sections()
    sections = all_sections(roots)
    title = _project_title(ctx, sections)
    description = _first_paragraph(sections, SUMMARY_HEADING) or _first_paragraph(sections, PURPOSE_HEADING)
    facts, fact_tables = _form_facts(sections, ctx)
    title = _form_title(ctx, facts) or title
    period_raw, period_page = _period(ctx, facts)
    project_id = add_activity(
        ctx,
        level="project",
        title=title,
        page_start=1,
        page_end=len(ctx.layout.pages) or 1,
        start_raw=period_raw,
        extractor=EXTRACTOR,
        description=description,
        confidence=0.9,
    )
    if period_page is not None:
        row = ctx.result.get("activities", project_id)
        if row is not None and row.get("start_date") and ctx.result.info.period_start is None:
            ctx.result.info.period_start = row.get("start_date")
            ctx.result.info.period_end = row.get("end_date")
    wp_section = _work_package_section(sections)
    if wp_section is not None:
        _add_work_packages(ctx, project_id, wp_section)
    else:
        add_text_work_packages(ctx, sections, project_id, EXTRACTOR)
    _add_goals_and_outcomes(ctx, sections, project_id)
    bodies = add_form_amounts(ctx, facts, project_id)
    for section in sections:
        for table in section.tables:
            if id(table) in fact_tables:
                continue
            if add_goal_table(ctx, table, project_id):
                continue
            # an "Indikator | Mål | Utfall" table is indicators, though "Utfall" also heads budgets
            if add_indicator_table(ctx, table, project_id):
                continue
            if add_activity_table(ctx, table, project_id, EXTRACTOR):
                continue
            if add_budget(ctx, table, section, project_id, EXTRACTOR):
                continue
            add_people_table(ctx, table, section, project_id)
    _add_people_and_orgs(ctx, project_id, title, facts, bodies)
    if not ctx.result.table("budget_lines"):
        for block in ctx.layout.blocks():  # a report without a budget table states it in a sentence
            add_budget_sentences(ctx, clean(block.text), project_id, block.page)
    if not any(row.get("kind") == "financing" for row in ctx.result.table("budget_lines")):
        for block in ctx.layout.blocks():  # nor its financing: "finansieret af X med 1,5 mio. kr."
            add_financing_sentences(ctx, clean(block.text), project_id, block.page)
    if description is None:
        row = ctx.result.get("activities", project_id)
        if row is not None:
            row["description"] = first_sentence(ctx.layout.text()) or None
