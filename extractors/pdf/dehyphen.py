"""Undo line-break hyphenation in printed text.

Word processors hyphenate Swedish and Norwegian compounds at line ends ("Grundskole-" /
"förvaltningen"), but a hyphen at a line end can also be a real one ("skola-näringsliv",
"EU-projekt", "2021-2035") or a suspended compound ("Kvalitets- och utvecklingschef").
Whether to drop it is decided from word frequencies (wordfreq's Swedish and Norwegian lists):
the joined word is known, or the left part is a productive compound head ("utvecklings",
"miljö", "grunn") — and the hyphen stays when both halves are ordinary standalone words that
are not known to combine.
"""

from __future__ import annotations

import bisect
import re
import threading
import unicodedata
from functools import lru_cache

SOFT_HYPHEN = "\u00ad"
_HYPHENS = ("-", "\u2010")
_CONJUNCTIONS = frozenset({"och", "eller", "samt", "respektive", "resp", "og", "and", "or", "und", "el"})
_WORDLIST = "best"  # the large list where a language has one (sv, nb), else the small one (da)
_MIN_KNOWN = 1.0  # zipf: the word occurs in the large list at all (its floor is about 1)
_STANDALONE = 2.5  # zipf: an ordinary word in its own right
_HEAD_MIN_COMPOUNDS = 3  # words "<head><known word>" needed to call a left part a compound head
_TAIL_MIN_LEN = 4
# Words a line may start with after a whole word; after a known word they begin the next one.
_FUNCTION_WORDS = frozenset(
    [
        "en",
        "ett",
        "ei",
        "et",
        "i",
        "och",
        "og",
        "att",
        "at",
        "som",
        "för",
        "for",
        "av",
        "på",
        "med",
        "till",
        "til",
        "är",
        "er",
        "de",
        "den",
        "det",
        "om",
    ]
)

_LEFT_TOKEN = re.compile(r"[^\W_]+$")
_RIGHT_TOKEN = re.compile(r"^[^\W_]+")
_SPACE = re.compile(r"\s+")


def _langs(lang: str) -> tuple[str, ...]:
    """Word lists to consult, the document's own first (Nynorsk uses the Bokmål one)."""
    if lang == "da":
        return ("da", "nb", "sv")
    return ("nb", "sv") if lang in ("nb", "nn", "no") else ("sv", "nb")


@lru_cache(maxsize=200_000)
def zipf(word: str, langs: tuple[str, ...] = ("sv", "nb")) -> float:
    """Highest Zipf frequency of ``word`` (lower case) in the given languages' large lists."""
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, lg, wordlist=_WORDLIST) for lg in langs)


class _Lexicon:
    """All alphabetic words of the sv and nb lists, sorted, for prefix ("compound head") queries."""

    def __init__(self) -> None:
        from wordfreq import iter_wordlist

        words: set[str] = set()
        for lg in ("sv", "nb"):
            words.update(w for w in iter_wordlist(lg, wordlist=_WORDLIST) if w.isalpha())
        self.words = words
        self.sorted = sorted(words)


_lexicon: _Lexicon | None = None
_lock = threading.Lock()


def _get_lexicon() -> _Lexicon:
    global _lexicon
    if _lexicon is None:
        with _lock:
            if _lexicon is None:
                _lexicon = _Lexicon()
    return _lexicon


@lru_cache(maxsize=50_000)
def compound_count(head: str, limit: int = _HEAD_MIN_COMPOUNDS) -> int:
    """How many known words are ``head`` + another known word of 4+ letters (stops at ``limit``).

    "utvecklings" starts hundreds of compounds ("utvecklingsarbete"), "skola" none: that is
    what separates a compound's first part from a word that merely stands before a hyphen.
    """
    lex = _get_lexicon()
    found = 0
    i = bisect.bisect_left(lex.sorted, head)
    n = len(lex.sorted)
    while i < n and found < limit:
        word = lex.sorted[i]
        if not word.startswith(head):
            break
        tail = word[len(head) :]
        if len(tail) >= _TAIL_MIN_LEN and tail in lex.words:
            found += 1
        i += 1
    return found


@lru_cache(maxsize=50_000)
def is_compound_head(left: str) -> bool:
    """True when ``left`` (lower case) or its last compound part begins known compounds."""
    if compound_count(left) >= _HEAD_MIN_COMPOUNDS:
        return True
    # "arbetsmarknadsutbildnings": its tail "utbildnings" is a head even if the whole is too rare.
    return any(compound_count(left[k:]) >= _HEAD_MIN_COMPOUNDS for k in range(1, len(left) - 4))


@lru_cache(maxsize=50_000)
def _is_word_or_compound(word: str, langs: tuple[str, ...]) -> bool:
    """A known word, or head + known word ("klimatförvaltningen")."""
    if zipf(word, langs) >= _STANDALONE:
        return True
    for k in range(3, len(word) - 3):
        if zipf(word[k:], langs) >= _STANDALONE and compound_count(word[:k]) >= _HEAD_MIN_COMPOUNDS:
            return True
    return False


@lru_cache(maxsize=50_000)
def should_join(left: str, right: str, lang: str = "sv") -> bool:
    """Whether "left-" at a line end + "right" is one word broken by hyphenation.

    Both parts are plain letters. Joined form known -> join; left part a compound head -> join;
    both parts ordinary words that do not combine -> keep the hyphen; otherwise (syllable
    fragments like "aktivi-" "teter") -> join.
    """
    langs = _langs(lang)
    lo, ro = left.lower(), right.lower()
    if zipf(lo + ro, langs) >= _MIN_KNOWN:
        return True
    if is_compound_head(lo):
        return True
    return not (zipf(lo, langs) >= _STANDALONE and _is_word_or_compound(ro, langs))


def _is_acronym(token: str) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    return len(letters) == 1 or (len(letters) >= 2 and all(ch.isupper() for ch in letters))


def join_hyphenated(left: str, right: str, lang: str = "sv") -> str:
    """Join text ending a printed line with "-" (or a soft hyphen) and the next line's text."""
    left, right = left.rstrip(), right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if left.endswith(SOFT_HYPHEN):
        return left[:-1] + right
    if not left.endswith(_HYPHENS):
        return f"{left} {right}"
    body = left[:-1]
    if not body or body[-1].isspace():
        return f"{left} {right}"  # a dash standing alone: "2019 -" / "2020"
    lm = _LEFT_TOKEN.search(body)
    rm = _RIGHT_TOKEN.match(right)
    if lm is None or rm is None:
        return left + right  # "Utvecklings-" + "/teamledare", "(x)-" + ...
    ltok, rtok = lm.group(0), rm.group(0)
    if rtok.lower() in _CONJUNCTIONS:
        return f"{left} {right}"  # suspended compound: "Kvalitets- och utvecklingschef"
    if ltok[-1].isdigit() or rtok[0].isdigit() or any(ch.isdigit() for ch in ltok):
        return left + right
    if _is_acronym(ltok):
        both_caps = ltok.isupper() and rtok.isupper() and len(ltok) >= 4
        if not both_caps:
            return left + right  # "EU-projekt", "YH-väst", "e-tjänster"
    elif rtok[0].isupper():
        return left + right  # "Sverige-Norge", "Göteborgs-Posten"
    if should_join(ltok, rtok, lang):
        return body + right
    return left + right


def _clean_line(line: str) -> str:
    """NFC, soft hyphens inside the line dropped (one at the end is kept as a break mark)."""
    line = unicodedata.normalize("NFC", line).strip()
    if line.endswith(SOFT_HYPHEN):
        return line.rstrip(SOFT_HYPHEN).replace(SOFT_HYPHEN, "") + SOFT_HYPHEN
    return line.replace(SOFT_HYPHEN, "")


# Definite and plural endings that are also short words ("en", "et", "er"): after a line that
# holds one long word and nothing else, they end that word ("Næringsforening" / "en").
_ENDING_WORDS = frozenset({"en", "et", "er"})
_LONE_WORD_MIN = 9


def broken_word(left: str, right: str, lang: str = "sv", line: str | None = None) -> bool:
    """Whether a line ending in ``left`` and the next starting with ``right`` split one word with no
    hyphen, as a narrow table cell does to a compound longer than its width ("Arbetsförmedlinge" /
    "n", "Utbildningsförvalt" / "ningen"): the left part is no word, and the right part is none
    either or the two make a known one. ``line`` is the printed line ``left`` ends with (default:
    ``left`` itself).

    A left part that is a word is still cut off its word when the right part is none on its own
    and completes it ("utbildning" / "sförvaltningen": a compound's linking -s), or when the left
    line is that one long word and the right part an ending ("Fastighetsförvaltning" / "en"); a
    left part that only begins compounds ("Folkhälso" / "medel") is cut inside its compound."""
    lm, rm = _LEFT_TOKEN.search(left), _RIGHT_TOKEN.match(right)
    if lm is None or rm is None or lm.end() != len(left) or not rm.group(0)[0].islower():
        return False
    ltok, rtok = lm.group(0).lower(), rm.group(0).lower()
    if not (ltok.isalpha() and rtok.isalpha()) or len(ltok) < 2:
        return False
    langs = _langs(lang)
    joined = ltok + rtok
    no_word = len(rtok) >= 3 and zipf(rtok, langs) < _MIN_KNOWN and not _is_word_or_compound(rtok, langs)
    if no_word and _is_word_or_compound(joined, langs):
        return True  # "utbildning" / "sförvaltningen", "förvaltning" / "arna"
    lone = (line if line is not None else left).strip()
    if (
        rtok in _ENDING_WORDS
        and lone.lower() == ltok
        and len(ltok) >= _LONE_WORD_MIN
        and zipf(ltok, langs) < _STANDALONE
        and zipf(joined, langs) >= _MIN_KNOWN
    ):
        return True  # "Fastighetsförvaltning" / "en": the line holds that one word, cut before its ending
    if zipf(ltok, langs) >= _STANDALONE:
        return False
    if rtok in _FUNCTION_WORDS and zipf(ltok, langs) >= _MIN_KNOWN:
        return False  # "upphandlar" / "en": a known word, then an article, not "upphandlaren"
    if lang == "nn" and len(ltok) >= 5 and re.search(r"leg[et]?$", ltok):
        return False  # "årleg" / "næringskonferanse": a Nynorsk adjective (no Nynorsk word list to ask)
    if zipf(joined, langs) >= _MIN_KNOWN:
        return True
    # "Näringslivsavdeln" / "ingen", "Landsbygdsutveckla" / "re": the compound's last part
    # ("avdelningen", "utvecklare") runs across the break
    # (six letters at least, and a right part of two: not "…e" / "i" read as Norwegian "ei")
    if len(rtok) > 1 and any(
        len(joined) - i >= 6 and zipf(joined[i:], langs) >= _STANDALONE
        for i in range(max(0, len(ltok) - 12), len(ltok) - 1)
    ):
        return True
    if any(zipf(ltok[i:], langs) >= _STANDALONE for i in range(0, len(ltok) - 5)):
        return False  # "verksamhetsövergripande" / "samordningsfunktion": two compounds, each whole
    if len(ltok) >= 5 and compound_count(ltok) >= _HEAD_MIN_COMPOUNDS and _is_word_or_compound(rtok, langs):
        return True  # "Folkhälso" / "medel": no word, only a compound's first part, then its last
    if len(rtok) == 1:
        return rtok not in ("i", "å", "ö", "o")  # a lone letter that is no word ends the one before
    if len(rtok) >= 6 and zipf(ltok, langs) >= _MIN_KNOWN and _is_word_or_compound(rtok, langs):
        return False  # "robotiserad" / "processautomation": a rare word, then a compound of known ones
    return zipf(rtok, langs) < _MIN_KNOWN


_YEAR_CUT = re.compile(r"(?:19|20)\d\d\s*[–—-]\s*(\d{1,3})$")


def _join_pair(text: str, nxt: str, lang: str, cell: bool = False, line: str | None = None) -> str:
    if text.endswith((SOFT_HYPHEN, *_HYPHENS)):
        return join_hyphenated(text, nxt, lang)
    if cell and broken_word(text, nxt, lang, line):
        return text + nxt
    if text.endswith("/") and len(text) > 1 and text[-2].isalnum() and nxt[:1].isalnum():
        return text + nxt  # "förvaltningar/" + "bolag"
    if text.endswith(("–", "—")) and text[-2:-1].isdigit() and nxt[:1].isdigit():
        return text + nxt  # "2019–" + "2021"
    cut = _YEAR_CUT.search(text)
    rest = re.match(r"\d{1,3}(?!\d)", nxt)
    if cut is not None and rest is not None and len(cut.group(1)) + len(rest.group(0)) == 4:
        return text + nxt  # "2026–20" + "27": a year cut by a narrow cell
    return f"{text} {nxt}"


def join_lines(lines: list[str], lang: str = "sv", cell: bool = False) -> str:
    """The printed lines of one paragraph or cell as one string, hyphenation undone; in a table
    `cell` also a word broken without a hyphen (broken_word)."""
    text = ""
    previous: str | None = None
    for raw in lines:
        line = _clean_line(raw)
        if not line:
            continue
        text = _join_pair(text, line, lang, cell, previous) if text else line
        previous = line
    text = text.replace(SOFT_HYPHEN, "")
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def preload() -> None:
    """Load the word lists now, so that forked workers share them instead of each loading its own."""
    _get_lexicon()
    zipf("och")
