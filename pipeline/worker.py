"""One document, start to finish, inside a worker process.

read (once) -> OCR where needed -> layout -> classify -> family extractor -> NLP -> write.
Each stage after reading degrades gracefully: a failing stage is recorded on the
document (status "partial", the reason in `error`/`warnings`) and the rows the earlier
stages produced are still written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.result import DocumentInfo, Extraction
from pipeline import __version__
from pipeline.writer import write_document
from schemas.tables import SCHEMA_VERSION

ProgressFn = Callable[[int, int], None]


@dataclass(slots=True)
class Task:
    source_path: str
    sha256: str
    document_key: str
    revision: int
    file_size: int
    out_dir: str
    ocr_mode: str = "auto"
    is_current: bool = True
    backend: str | None = None  # PDF reader backend (None: the default)
    ner_model: bool = False  # also ask the trained organisation NER (planextract run --ner-model)
    password: str | None = None  # of encrypted PDFs (run --password / PLANEXTRACT_PASSWORD); never written

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


@dataclass(slots=True)
class Outcome:
    doc_id: str
    source_path: str
    status: str
    error: str | None = None
    n_pages: int = 0
    doc_type: str = "unknown"
    language: str = "und"
    rows: dict[str, int] = field(default_factory=dict)
    actors: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def _stage_error(stage: str, exc: BaseException) -> str:
    last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" ({Path(last.filename).name}:{last.lineno})" if last else ""
    return f"{stage} failed: {type(exc).__name__}: {exc}{where}"


def documents_row(
    task: Task,
    info: DocumentInfo,
    status: str,
    error: str | None,
    warnings: list[str],
    n_pages: int | None,
    ocr_pages: int | None,
    seconds: float,
) -> dict[str, Any]:
    return {
        "doc_id": task.doc_id,
        "document_key": task.document_key,
        "revision": task.revision,
        "is_current": task.is_current,
        "sha256": task.sha256,
        "source_path": task.source_path,
        "file_name": Path(task.source_path).name,
        "file_size": task.file_size,
        "n_pages": n_pages,
        "doc_type": info.doc_type,
        "doc_type_confidence": info.doc_type_confidence,
        "language": info.language,
        "title": info.title,
        "issuer": info.issuer,
        "period_start": info.period_start,
        "period_end": info.period_end,
        "ocr_pages": ocr_pages,
        "status": status,
        "error": error,
        "warnings": list(dict.fromkeys(warnings)),
        "extracted_at": dt.datetime.now(dt.UTC).replace(microsecond=0),
        "pipeline_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "extractor": info.extractor,
        "processing_seconds": round(seconds, 3),
    }


def extract(
    task: Task, on_page: ProgressFn | None = None
) -> tuple[Extraction, str, str | None, int | None, int]:
    """Run every stage; returns the records, status, error, page count and OCR page count."""
    from extractors.classify import classify, words_language
    from extractors.context import ExtractionContext
    from extractors.coverage import coverage_warnings
    from extractors.nlp import annotate
    from extractors.normalise.actors import ActorResolver
    from extractors.pdf.layout import analyse
    from extractors.pdf.ocr import apply_ocr
    from extractors.pdf.reader import UnreadablePDF, read_pdf
    from extractors.registry import extractor_for
    from extractors.structure import add_structure

    result = Extraction(doc_id=task.doc_id)
    try:
        with _timed(result.stage_seconds, "read"):
            doc = read_pdf(task.source_path, password=task.password, on_page=on_page, backend=task.backend)
    except UnreadablePDF as exc:
        reason = str(exc)
        if task.password is not None and reason.startswith("encrypted PDF"):
            reason = "encrypted PDF: the password given does not open it"
        return result, "failed", reason, None, 0
    except MemoryError:
        return result, "failed", "out of memory while reading the PDF", None, 0
    result.warnings.extend(doc.warnings)
    errors: list[str] = []
    try:
        with _timed(result.stage_seconds, "ocr"):
            apply_ocr(doc, task.source_path, mode=task.ocr_mode)
        result.warnings.extend(w for w in doc.warnings if w not in result.warnings)
    except Exception as exc:
        errors.append(_stage_error("OCR", exc))
    try:
        with _timed(result.stage_seconds, "layout"):
            layout = analyse(doc, words_language(doc))
    except Exception as exc:
        return result, "failed", _stage_error("layout", exc), doc.n_pages, doc.ocr_pages
    try:
        with _timed(result.stage_seconds, "classify"):
            result.info = classify(layout)
    except Exception as exc:
        errors.append(_stage_error("classification", exc))
    country = "NO" if result.info.language in ("nb", "nn") else "SE" if result.info.language == "sv" else None
    ctx = ExtractionContext(
        layout=layout, result=result, actors=ActorResolver(country=country), ner_model=task.ner_model
    )
    try:
        with _timed(result.stage_seconds, "structure"):
            add_structure(ctx)
    except Exception as exc:
        errors.append(_stage_error("sections and tables", exc))
    found = extractor_for(result.info.doc_type)
    if found is not None:
        name, extractor = found
        result.info.extractor = name
        try:
            with _timed(result.stage_seconds, "extract"):
                extractor(ctx)
        except Exception as exc:
            errors.append(_stage_error(f"extractor {name}", exc))
    try:
        with _timed(result.stage_seconds, "nlp"):
            annotate(ctx)
    except Exception as exc:
        errors.append(_stage_error("NLP", exc))
    result.drop_duplicate_roles()
    result.warnings.extend(coverage_warnings(result))
    unread = [w for w in doc.warnings if "OCR skipped" in w or "text layer unreadable" in w]
    status = "partial" if errors or unread else "ok"
    error = "; ".join(errors + unread) if status == "partial" else None
    return result, status, error, doc.n_pages, doc.ocr_pages


@contextlib.contextmanager
def _timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    """Add a stage's wall time to `seconds`, also when the stage raises."""
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - started


def process(task: Task, on_page: ProgressFn | None = None) -> Outcome:
    """Extract one document and write its partitions; never raises for a bad document."""
    started = time.perf_counter()
    try:
        result, status, error, n_pages, ocr_pages = extract(task, on_page)
    except Exception as exc:  # a bug in a stage we did not guard: still record the document
        result, status, error, n_pages, ocr_pages = (
            Extraction(doc_id=task.doc_id),
            "failed",
            _stage_error("pipeline", exc),
            None,
            0,
        )
    seconds = time.perf_counter() - started
    row = documents_row(task, result.info, status, error, result.warnings, n_pages, ocr_pages, seconds)
    rows = dict(result.rows)
    rows["documents"] = [row]
    counts = write_document(Path(task.out_dir), task.doc_id, rows)
    return Outcome(
        doc_id=task.doc_id,
        source_path=task.source_path,
        status=status,
        error=error,
        n_pages=n_pages or 0,
        doc_type=result.info.doc_type,
        language=result.info.language,
        rows=counts,
        actors=list(result.actors.values()),
        seconds=seconds,
        warnings=row["warnings"],
    )


def failed_outcome(task: Task, error: str, seconds: float = 0.0) -> Outcome:
    """Record a document the worker could not finish (time limit, memory cap, crash)."""
    row = documents_row(task, DocumentInfo(), "failed", error, [], None, None, seconds)
    counts = write_document(Path(task.out_dir), task.doc_id, {"documents": [row]})
    return Outcome(
        doc_id=task.doc_id,
        source_path=task.source_path,
        status="failed",
        error=error,
        rows=counts,
        seconds=seconds,
    )
