"""Build extractors/data/verb_forms.tsv.gz: Swedish and Norwegian verb forms with lemma, tense and voice.

Derived from the lemma lookup tables of spacy-lookups-data (MIT licence; the version pinned
in requirements.lock), so the pipeline reads a small table at start instead of deriving
it from 660 000 entries in every process. The Norwegian table lists verb forms as such;
the Swedish one has no part of speech, so a lemma counts as a verb when the table also
holds its present tense ("arbetar", "driver", "genomför", "går"), and a form that reads
better as a noun of the same spelling ("planer", "företag") is left out.

    python -m extractors.nlp.training.build_verb_forms
"""

from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path

from extractors.nlp.verbforms import DATA_FILE, SHORT_VERB, tense_by_ending


@functools.cache
def _lookup(name: str) -> dict[str, object]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / name
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    assert isinstance(data, dict)
    return data


def swedish_rows() -> list[tuple[str, str, str, bool]]:
    lookup = {k: v for k, v in _lookup("sv_lemma_lookup.json.gz").items() if isinstance(v, str)}
    every_lemma = frozenset(lookup.values())
    keys = lookup.keys()
    verbs = {
        lemma
        for form, lemma in lookup.items()
        if form[-1:] == "r"
        and (lemma[-1:] == "a" or (form == lemma + "r" and SHORT_VERB.match(lemma) is not None))
        and tense_by_ending(form, lemma, passive=False) == "present"
    }
    # a lemma whose present the table lacks still has its supine and past: planera, planerat, planerade
    verbs |= {
        lemma
        for lemma in every_lemma
        if lemma[-1:] == "a" and lemma + "t" in keys and (lemma + "de" in keys or lemma[:-1] + "de" in keys)
    }
    rows = [(lemma, lemma, "infinitive", False) for lemma in verbs]
    for form, lemma in lookup.items():
        if lemma.endswith("s") and lemma[:-1] in verbs:
            lemma = lemma[:-1]  # "hölls" -> "hållas": the passive of hålla
        if lemma not in verbs or form == lemma or form.endswith(("ande", "ende")):
            continue
        core, passive = (form[:-1], True) if form.endswith("s") else (form, False)
        stem = lemma[:-1] if lemma.endswith("a") else lemma
        if core[-2:] in ("er", "ar") and core[:-2] in every_lemma and core[:-2] != stem:
            continue  # "planer", "träffar": the plural of a noun first
        if core in every_lemma and core != lemma:
            continue  # "företag", "plan": a lemma of its own
        tense = tense_by_ending(core, lemma, passive)
        if tense is not None:
            rows.append((form, lemma, tense, passive))
    return rows


def norwegian_rows() -> list[tuple[str, str, str, bool]]:
    """The Norwegian verb forms, less those that are other Swedish words ("kommuner", "nya"):
    the table is read without knowing a statement's language."""
    verbs = _lookup("nb_lemma_exc.json.gz")["verb"]
    assert isinstance(verbs, dict)
    swedish = _lookup("sv_lemma_lookup.json.gz")
    swedish_words = set(swedish) | {v for v in swedish.values() if isinstance(v, str)}
    rows = []
    for form, lemmas in verbs.items():
        if not lemmas or form.endswith("ende") or form in swedish_words:
            continue
        lemma = lemmas[0]
        passive = form.endswith("es") and form != lemma and not form.endswith("ses")
        core = form[:-1] if passive else form
        if core == lemma:
            tense = "present" if passive else "infinitive"  # "planlegges" is also the present passive
        elif core.endswith(("er", "år")):
            tense = "present"
        elif core.endswith(("te", "de")):
            tense = "past"
        elif core.endswith("t"):
            tense = "supine"  # "utviklet", "gjennomført": past or participle; both report it done
        else:
            tense = "past"
        rows.append((form, lemma, tense, passive))
    return rows


def main() -> int:
    lines = [
        "# lang\tform\tlemma\ttense\tpassive — built by extractors/nlp/training/build_verb_forms.py"
        " from spacy-lookups-data (MIT): sv_lemma_lookup, nb_lemma_exc (verb)"
    ]
    for lang, rows in (("sv", swedish_rows()), ("nb", norwegian_rows())):
        for form, lemma, tense, passive in sorted(set(rows)):
            lines.append(f"{lang}\t{form}\t{lemma}\t{tense}\t{int(passive)}")
    with gzip.GzipFile(DATA_FILE, "wb", mtime=0) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{DATA_FILE}: {len(lines) - 1} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
