"""OCR of pages without a usable text layer, into the same page model.

Scanned pages come out of the reader with no words, only one big image; pages with a
broken font encoding come out with words nobody can read. This step finds those pages
from the page model alone (nothing is rendered for a normal page), renders them one at a
time, deskews them, reads the words with Tesseract and the ruling lines with OpenCV, so
the layout and table finders downstream treat a scanned table exactly like a vector one.

Coordinate frame of an OCR'd page: the deskewed page. The rendered image is rotated about
the page centre until text lines and rules are horizontal, and words and rules are both
given in points in that rotated frame (origin top-left, as in `model`). Keeping both in
one straightened frame is what lets a ruled-table finder match words to axis-parallel
cells; positions differ from the scan by at most a few points near the page corners.
Words of a kept text layer and existing vector rules are moved into the same frame.
"""

from __future__ import annotations

import os
import re
import unicodedata
from contextlib import ExitStack
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from extractors.pdf import raster
from extractors.pdf.backends.base import UNMAPPED
from extractors.pdf.model import Page, ParsedDocument, Rule, Word

DEFAULT_LANGUAGES = "swe+nor"
PSM = 6  # one uniform block: best word recall on ruled tables (measured against psm 3 and 11)
MIN_TEXT_CHARS = 100  # a scan may carry a stamped page number or a header, never a page of text
MIN_IMAGE_COVERAGE = 0.5
MIN_KNOWN_WORDS = 3  # OCR of an unreadable text layer must find this many dictionary words
LOW_CONFIDENCE = 0.5  # mean word confidence under which OCR text is flagged as unreliable
MIN_WORD_CONFIDENCE = 30.0  # below this a word without letters or digits is line or dust residue
MIN_GLYPH_PT = 2.5  # a word box smaller than this both ways is a speck (printed letters are 4 pt or more)
DESCENT = 0.22  # share of the em below the baseline in common text faces
NOISE_CONFIDENCE = 0.2  # one or two characters read with less confidence than this are noise
_CID = re.compile(r"\(cid:\d+\)")
_LEADER = re.compile(r"([._\-·…•*=~])\1{2,}|(?:\. ){3,}")  # dot leaders and rules typed as characters
_LATIN1_SYMBOLS = {chr(c) for c in range(0xA1, 0xC0)} | {"×", "÷"}  # ¡ ¢ … ¿: rare in prose
ODD_SYMBOLS = 0.05  # share of Latin-1 symbols above which a text layer's words are checked
GARBAGE_SYMBOLS = 0.25  # ... and above which it is unreadable (real pages: at most 0.05 measured)
_VOWELS = set("aeiouyåäöæøéèáàüAEIOUYÅÄÖÆØÉÈÁÀÜ")
_LEXICON_LANGUAGES = ("sv", "nb", "da", "en", "de")
_TESSERACT_CODES = {"sv": "swe", "nb": "nor", "nn": "nor", "da": "dan", "en": "eng"}
_lexicon: set[str] | None = None
_tesseract_languages: dict[str, frozenset[str] | None] = {}


@dataclass(frozen=True, slots=True)
class OcrResult:
    """Words and rules of one page, in points in the deskewed frame."""

    words: list[Word]
    rules: list[Rule]
    skew: float
    confidence: float | None
    language: str = ""  # Tesseract model the words were read with
    dpi: float = raster.DEFAULT_DPI  # resolution the page was rendered at


def apply_ocr(doc: ParsedDocument, path: str, mode: str = "auto", languages: str = DEFAULT_LANGUAGES) -> None:
    """OCR the pages of `doc` that need it (`mode` "auto"), all pages ("always") or none ("never").

    Works in place: an OCR'd page gets new words and rules, `ocr=True` and its mean word
    confidence. Never raises for a normal failure: a missing Tesseract or language skips
    OCR with a warning containing "OCR skipped"; a page that fails keeps its old content
    and gets a warning.
    """
    if mode not in ("auto", "always", "never"):
        raise ValueError(f"unknown OCR mode {mode!r}: use auto, always or never")
    _flag_unreadable(doc, mode)
    if mode == "never":
        return
    targets = (
        [p for p in doc.pages if p.width > 0 and p.height > 0] if mode == "always" else pages_to_ocr(doc)
    )
    if not targets:
        return
    usable, problem = usable_languages(languages)
    if problem is not None:
        _warn(doc, targets, f"OCR skipped: {problem} ({_what_is_lost(targets, mode)})")
        return
    missing = [lang for lang in languages.split("+") if lang not in usable.split("+")]
    if missing:
        doc.warnings.append(f"OCR without language data for {'+'.join(missing)} (not installed)")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # documents run in parallel; one thread each
    with ExitStack() as stack:
        try:
            pdf = stack.enter_context(raster.open_pdf(path))
        except Exception as exc:  # the renderer cannot open the file at all
            _warn(doc, targets, f"OCR skipped: the PDF could not be rendered ({type(exc).__name__}: {exc})")
            return
        preferred: str | None = None  # pages of one document are mostly in one language
        for page in targets:
            preferred = _ocr_one(doc, pdf, page, usable, preferred) or preferred


def _what_is_lost(pages: list[Page], mode: str) -> str:
    """Why the skipped pages mattered: no text at all, or a text layer nobody can read."""
    if mode != "auto":
        return f"{len(pages)} pages not OCR'd"
    unreadable = sum(1 for p in pages if p.text_chars > 0)
    scans = len(pages) - unreadable
    parts = [f"{scans} pages have no text layer"] if scans else []
    if unreadable:
        parts.append(f"text layer unreadable on {unreadable} pages")
    return "; ".join(parts)


def _flag_unreadable(doc: ParsedDocument, mode: str) -> None:
    """Warn of glyphs the reader could not map to Unicode (they stand as U+FFFD in the words),
    and, when OCR is off, of every page whose text layer cannot be read."""
    for page in doc.pages:
        count = unmapped_glyphs(page)
        notes = [f"page {page.number}: {count} glyphs without Unicode mapping"] if count else []
        if mode == "never" and (count or (page.text_chars > 0 and is_garbage_text(_text(page)))):
            notes.append(f"page {page.number}: text layer unreadable (OCR is off)")
        for message in notes:
            page.warnings.append(message)
            doc.warnings.append(message)


def _text(page: Page) -> str:
    return " ".join(w.text for w in page.words)


def unmapped_glyphs(page: Page) -> int:
    """Glyphs of the page's words that have no Unicode mapping (U+FFFD or pdfminer's `(cid:N)`)."""
    return sum(w.text.count(UNMAPPED) + len(_CID.findall(w.text)) for w in page.words)


def _ocr_one(doc: ParsedDocument, pdf: Any, page: Page, languages: str, preferred: str | None) -> str | None:
    """OCR one page in place and return the language it was read in.

    A failure becomes a warning on the page and the document.
    """
    pdf_page: Any = None
    try:
        pdf_page = pdf[page.number - 1]
        result = ocr_page(pdf_page, page, languages, preferred)
        garbage = page.text_chars > 0 and is_garbage_text(" ".join(w.text for w in page.words))
        _store(page, result)
    except Exception as exc:
        message = f"page {page.number}: OCR failed ({type(exc).__name__}: {exc})"
        page.warnings.append(message)
        doc.warnings.append(message)
        return None
    finally:
        if pdf_page is not None:
            pdf_page.close()  # its parsed content would otherwise live until the document closes
    unread = garbage and not _reads_as_language(result)
    if unread:
        page.words = []  # neither the text layer nor the image gives words: none beat garbage
    for message in _notes(page, result, unread):
        page.warnings.append(message)
        doc.warnings.append(message)
    return result.language


def _reads_as_language(result: OcrResult) -> bool:
    """True when OCR found words of a language: confident, and some of its longer words known.

    Glyphs drawn as boxes are read with fair confidence as "DE DC ENENEEED": letters, but no words.
    """
    if result.confidence is None or result.confidence < LOW_CONFIDENCE:
        return False
    candidates = [w.lower() for w in re.findall(r"[^\W\d_]{4,}", " ".join(w.text for w in result.words))]
    lexicon = _load_lexicon()
    if not lexicon:
        return True
    known = sum(1 for w in candidates[:300] if w in lexicon)
    return known >= MIN_KNOWN_WORDS and known >= 0.2 * min(len(candidates), 300)


def _notes(page: Page, result: OcrResult, unread: bool) -> list[str]:
    """Warnings about an OCR'd page: a coarse rendering, low confidence, nothing readable."""
    notes: list[str] = []
    if result.dpi < raster.MIN_NATIVE_DPI:
        notes.append(
            f"page {page.number}: rendered for OCR at {result.dpi:g} dpi "
            f"(a {page.width:.0f} x {page.height:.0f} pt page would exceed the image size limit)"
        )
    if unread:
        notes.append(
            f"page {page.number}: text layer unreadable (glyphs without Unicode mapping) "
            "and OCR found no readable text either: the page is left empty"
        )
    elif result.confidence is not None and result.confidence < LOW_CONFIDENCE:
        notes.append(
            f"page {page.number}: OCR confidence is low ({result.confidence:.2f}): "
            "a poor scan or a script other than Latin"
        )
    return notes


def pages_to_ocr(doc: ParsedDocument) -> list[Page]:
    """The pages "auto" mode OCRs, decided from the page model alone (nothing is rendered).

    A page is judged with its document: in a document whose pages mostly carry text, a
    full-page image with a short title is a designed cover or section slide, not a scan.
    """
    readable = sum(1 for p in doc.pages if p.text_chars >= MIN_TEXT_CHARS)
    text_document = readable * 2 > len(doc.pages)
    return [p for p in doc.pages if p.width > 0 and p.height > 0 and needs_ocr(p, text_document)]


def needs_ocr(page: Page, text_document: bool = False) -> bool:
    """True for a scan (an image over most of the page, next to no text) or a garbage text layer.

    A scan may carry a stamped page number or header; in a `text_document` only an image
    page without any text counts as a scan (an appended scanned decision, say).
    """
    chars = page.text_chars
    if page.image_coverage >= MIN_IMAGE_COVERAGE and (
        chars == 0 or (chars < MIN_TEXT_CHARS and not text_document)
    ):
        return True
    return chars > 0 and (unmapped_glyphs(page) > 0 or is_garbage_text(" ".join(w.text for w in page.words)))


def is_garbage_text(text: str) -> bool:
    """True when a text layer cannot be read: unmapped glyphs, symbols, or no real words.

    Broken font encodings give `(cid:12)` runs, U+FFFD or private-use characters, or a
    shifted alphabet (`Kdqgolqjvsodq`). The first three are cheap character counts. A
    shifted alphabet is still letters, so when the share of vowels among letters is
    off (normal Latin-script text is 30-45 %) known words are counted; the dictionary is
    loaded only then, so an ordinary page costs a few character counts. A font without a
    Unicode map gives its codes as Latin-1 (¯ÏÑÅ«¿Ñ¹): many of its symbols ask for the word
    count too, whatever the vowels.
    """
    cleaned = _LEADER.sub(" ", _CID.sub("\ufffd", text))
    chars = [c for c in cleaned if not c.isspace()]
    if len(chars) < 20:
        return False
    bad = sum(1 for c in chars if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cn", "Cc"))
    if bad / len(chars) > 0.3:
        return True
    alnum = sum(1 for c in chars if c.isalnum())
    if alnum / len(chars) < 0.5:
        return True
    letters = [c for c in chars if c.isalpha()]
    if len(letters) < 40 or not all(_latin(c) for c in letters[:200]):
        return False
    vowel_share = sum(1 for c in letters if c in _VOWELS) / len(letters)
    odd = sum(1 for c in chars if c in _LATIN1_SYMBOLS) / len(chars)
    if odd > GARBAGE_SYMBOLS:
        return True
    if 0.25 <= vowel_share <= 0.55 and odd < ODD_SYMBOLS:
        return False
    return known_word_share(cleaned) < 0.2


def known_word_share(text: str) -> float:
    """Share of alphabetic words of 4+ letters found in common Nordic/English/German words."""
    candidates = [w.lower() for w in re.findall(r"[^\W\d_]{4,}", text)][:300]
    if len(candidates) < 10:
        return 1.0
    lexicon = _load_lexicon()
    if not lexicon:
        return 1.0
    return sum(1 for w in candidates if w in lexicon) / len(candidates)


def _latin(char: str) -> bool:
    """Letters of the Latin script, with the Latin-1 letters not named so (ª º µ).

    A Type3 font without a Unicode map gives its glyph codes as Latin-1 (¯ÏÑÅ«¿Ñ ª µ): the
    page must go on to the word test, not pass as a page in another script.
    """
    return ord(char) < 0x250 or "LATIN" in unicodedata.name(char, "")


def _load_lexicon() -> set[str]:
    global _lexicon
    if _lexicon is None:
        words: set[str] = set()
        try:
            import wordfreq

            for lang in _LEXICON_LANGUAGES:
                words.update(w for w, f in wordfreq.get_frequency_dict(lang).items() if f > 1e-7)
        except Exception:  # no word lists: treat the text as readable rather than guess
            words = set()
        _lexicon = words
    return _lexicon


def usable_languages(languages: str) -> tuple[str, str | None]:
    """The requested Tesseract languages that are installed, or a reason OCR cannot run.

    Cached per Tesseract command so a changed `tesseract_cmd` is seen. When only some
    languages are installed, OCR runs with those (Swedish and Norwegian models read each
    other's text well); with none it is skipped.
    """
    import pytesseract

    command = str(pytesseract.pytesseract.tesseract_cmd)
    if command not in _tesseract_languages:
        try:
            installed: frozenset[str] | None = frozenset(pytesseract.get_languages(config=""))
        except Exception:
            installed = None
        _tesseract_languages[command] = installed
    installed = _tesseract_languages[command]
    if installed is None:
        return "", "tesseract is not installed"
    wanted = [lang for lang in languages.split("+") if lang]
    present = [lang for lang in wanted if lang in installed]
    if not present:
        return "", f"tesseract language data {'+'.join(wanted)} is not installed"
    return "+".join(present), None


def ocr_page(pdf_page: Any, page: Page, languages: str, preferred: str | None = None) -> OcrResult:
    """Render one page, deskew it, find its rules and read its words; the image is dropped after."""
    dpi = raster.render_dpi(pdf_page)
    gray = raster.render_gray(pdf_page, dpi)
    try:
        return ocr_image(gray, page, dpi, languages, preferred)
    finally:
        del gray


def ocr_image(
    gray: np.ndarray, page: Page, dpi: float, languages: str, preferred: str | None = None
) -> OcrResult:
    """OCR a rendered page image; coordinates are converted to points of `page`.

    Tesseract reads with one language model at a time: on the corpus scan "swe+nor" turns
    half of the Swedish ä into å (word recall 0.90-0.94 against 0.94-0.96 with "swe" alone),
    and "swe" alone misreads Norwegian. So the page is read with `preferred` (the language
    of the previous page, else the first listed), and read again with the page's own
    language when the text shows it is another of `languages`.
    """
    px_per_pt = dpi / 72.0
    skew = raster.estimate_skew(gray)
    straight = raster.rotate(gray, -skew)
    backdrop = raster.background(straight, px_per_pt)
    segments, line_mask = raster.detect_rules(straight, px_per_pt, backdrop)
    clean = raster.for_ocr(straight, backdrop, line_mask)
    del backdrop, line_mask, straight
    height_px, width_px = gray.shape
    sx, sy = page.width / width_px, page.height / height_px
    order = [lang for lang in languages.split("+") if lang]
    language = preferred if preferred in order else order[0]
    words = _tesseract(clean, language, sx, sy)
    if len(order) > 1:
        detected = page_language(words)
        if detected in order and detected != language:
            language = detected
            words = _tesseract(clean, language, sx, sy)
    rules = [
        Rule(s.x0 * sx, s.y0 * sy, s.x1 * sx, s.y1 * sy, s.orientation, round(s.thickness * (sx + sy) / 2, 2))
        for s in segments
    ]
    confidences = [w.confidence for w in words if w.confidence is not None]
    confidence = round(float(np.mean(confidences)), 4) if confidences else None
    return OcrResult(words=words, rules=rules, skew=skew, confidence=confidence, language=language, dpi=dpi)


def _tesseract(image: np.ndarray, language: str, sx: float, sy: float) -> list[Word]:
    import pytesseract

    data = pytesseract.image_to_data(
        image, lang=language, config=f"--psm {PSM}", output_type=pytesseract.Output.DICT
    )
    return _words(data, sx, sy)


def page_language(words: list[Word]) -> str | None:
    """Tesseract code (swe, nor, dan, eng) of the language of OCR'd words, None when unclear."""
    text = " ".join(w.text for w in words if w.confidence is None or w.confidence >= 0.6)
    try:
        from extractors.nlp.language import detect_language

        return _TESSERACT_CODES.get(detect_language(text))
    except Exception:  # no detector: keep the first reading
        return None


def _words(data: dict[str, list[Any]], sx: float, sy: float) -> list[Word]:
    """Tesseract's TSV rows to `Word`s, with a font size estimated per line.

    A word box spans only its own ink, so "man" is much shorter than "Kyla" at the same
    size: each box height is divided by the share of the em its letters reach, and the
    line's median is used so one odd box does not change the size of its neighbours.
    """
    rows: list[tuple[tuple[int, ...], Word, float]] = []
    for i, raw in enumerate(data["text"]):
        text = unicodedata.normalize("NFC", str(raw).strip())
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        if conf < MIN_WORD_CONFIDENCE and not any(c.isalnum() for c in text):
            continue
        left, top = float(data["left"][i]), float(data["top"][i])
        width, height = float(data["width"][i]), float(data["height"][i])
        if is_residue(text, width * sx, height * sy, conf / 100.0):
            continue
        key = tuple(int(data[k][i]) for k in ("page_num", "block_num", "par_num", "line_num"))
        word = Word(
            text=text,
            x0=round(left * sx, 2),
            top=round(top * sy, 2),
            x1=round((left + width) * sx, 2),
            bottom=round((top + height) * sy, 2),
            ocr=True,
            confidence=round(min(100.0, conf) / 100.0, 4),
        )
        rows.append((key, word, height * sy / _em_share(text)))
    by_line: dict[tuple[int, ...], list[float]] = {}
    for key, _word, estimate in rows:
        by_line.setdefault(key, []).append(estimate)
    sizes = {key: round(float(np.median(values)) * 2) / 2 for key, values in by_line.items()}
    return [_em_box(word, sizes[key]) for key, word, _estimate in rows]


def _em_box(word: Word, size: float) -> Word:
    """The word with its font size and a box one em tall on its baseline, as a text layer gives.

    An ink box is as tall as the word's letters, so line gaps measured between ink boxes
    vary with the letters ("rig KKN" under "Områdesansva-" looks like a new paragraph);
    the layout's gap rules are written for em boxes.
    """
    if size <= 0:
        return replace(word, size=size)
    deep = any(c in _DEEP for c in word.text)
    baseline = word.bottom - (DESCENT * size if deep else 0.0)
    return replace(
        word,
        size=size,
        top=round(baseline - (1.0 - DESCENT) * size, 2),
        bottom=round(baseline + DESCENT * size, 2),
    )


def is_residue(text: str, width: float, height: float, confidence: float) -> bool:
    """True for a "word" that is scan dust or a bit of a ruling line, not printed text.

    Width and height in points. Specks read as "å", "S", "5" are smaller than any printed
    letter (the smallest, a full stop, sits inside a word box); rule stubs read as "|",
    "=" or "—" are tall, narrow and without letters; one or two characters read with next
    to no confidence are noise Tesseract had to name.
    """
    if width < MIN_GLYPH_PT and height < MIN_GLYPH_PT:
        return not (text in _DASHES and confidence >= 0.5)  # a dash between words is as flat as a speck
    if not any(c.isalnum() for c in text) and height > 2.5 * max(width, 0.1):
        return True
    return len(text) <= 2 and confidence < NOISE_CONFIDENCE


_DASHES = ("-", "–", "—")
_TALL = set("bdfhiklt0123456789åäöæøéèüÅÄÖÆØÉ!?%&/()[]{}|")
_DEEP = set("gjpqyç()[]{}|")


def _em_share(text: str) -> float:
    """Share of the em that a word's ink spans, from which letters reach up or down."""
    tall = any(c in _TALL or c.isupper() for c in text)
    deep = any(c in _DEEP for c in text)
    if tall and deep:
        return 0.92
    if tall or deep:
        return 0.71
    return 0.5


def _store(page: Page, result: OcrResult) -> None:
    """Put OCR output on the page; a readable text layer is kept, moved into the new frame."""
    keep_text = page.text_chars > 0 and not is_garbage_text(" ".join(w.text for w in page.words))
    readable = [w for w in page.words if UNMAPPED not in w.text and not _CID.search(w.text)]
    kept = [_turned_word(w, page, -result.skew) for w in readable] if keep_text else []
    new_words = [w for w in result.words if not any(_overlaps(w, k) for k in kept)]
    page.words = kept + new_words
    if page.rules:  # vector rules are exact: keep them rather than their raster copies
        page.rules = [_turned_rule(r, page, -result.skew) for r in page.rules]
    else:
        page.rules = result.rules
    page.ocr = True
    page.ocr_confidence = result.confidence


def _turned_word(word: Word, page: Page, angle: float) -> Word:
    """Move a word by the page rotation (its centre turns, the box stays upright)."""
    if abs(angle) < 1e-3:
        return word
    cx, cy = raster.rotate_point(
        (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2, page.width, page.height, angle
    )
    half_w, half_h = (word.x1 - word.x0) / 2, (word.bottom - word.top) / 2
    return replace(word, x0=cx - half_w, top=cy - half_h, x1=cx + half_w, bottom=cy + half_h)


def _turned_rule(rule: Rule, page: Page, angle: float) -> Rule:
    if abs(angle) < 1e-3:
        return rule
    x0, top = raster.rotate_point(rule.x0, rule.top, page.width, page.height, angle)
    x1, bottom = raster.rotate_point(rule.x1, rule.bottom, page.width, page.height, angle)
    if rule.orientation == "h":
        mid = (top + bottom) / 2
        return Rule(min(x0, x1), mid, max(x0, x1), mid, "h", rule.width)
    mid = (x0 + x1) / 2
    return Rule(mid, min(top, bottom), mid, max(top, bottom), "v", rule.width)


def _overlaps(a: Word, b: Word) -> bool:
    """True when two word boxes share more than half of the smaller one."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return False
    smaller = min((a.x1 - a.x0) * (a.bottom - a.top), (b.x1 - b.x0) * (b.bottom - b.top))
    return smaller > 0 and w * h > 0.5 * smaller


def _warn(doc: ParsedDocument, pages: list[Page], message: str) -> None:
    doc.warnings.append(message)
    for page in pages:
        page.warnings.append(message)
