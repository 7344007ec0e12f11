"""`planextract run`: discover -> hash/manifest -> extract in workers -> write -> summary."""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.discover import discover, document_key, sha256_of
from pipeline.interrupts import deferred, installed
from pipeline.manifest import Manifest
from pipeline.worker import Outcome, Task, failed_outcome
from pipeline.writer import (
    PART_NAME,
    clean_temporaries,
    merge_actor,
    partition_dir,
    read_actors,
    set_is_current,
    write_actors,
)


class UsageError(Exception):
    """Bad command-line input (exit code 1)."""


@dataclass
class RunOptions:
    paths: list[str]
    out_dir: Path
    workers: int = 0  # 0 = one per core
    executor: str = "local"
    scheduler: str | None = None
    ocr: str = "auto"
    backend: str | None = None  # PDF reader backend (None: the default)
    ner_model: bool = False  # also ask the trained organisation NER where the rules find nothing
    password: str | None = None  # tried on every encrypted PDF (never written anywhere)
    force: bool = False
    report: bool = True
    doc_timeout: float = 120.0
    max_memory_mb: int = 4096
    progress: bool = True


@dataclass
class RunSummary:
    out_dir: Path
    statuses: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    rows: Counter[str] = field(default_factory=Counter)
    pages: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, error)
    partials: list[tuple[str, str]] = field(default_factory=list)
    known_failed: int = 0  # skipped documents whose recorded status is failed
    known_failures: list[tuple[str, str]] = field(default_factory=list)  # (path, recorded error)
    retried: int = 0  # unchanged documents tried again: stopped by a limit or a crashed worker last time
    refreshed: int = (
        0  # unchanged documents re-extracted: another planextract version or NER setting wrote them
    )
    new_documents: int = 0  # files of a document_key not seen before
    new_revisions: int = 0  # changed bytes under a known document_key: revision + 1
    warned: list[tuple[str, list[str]]] = field(default_factory=list)  # (path, warnings) of this run
    extract_seconds: float | None = None  # from the first document handed to a worker to the last outcome
    interrupted: bool = False
    report_path: Path | None = None

    @property
    def exit_code(self) -> int:
        """130 when interrupted, 2 when a document failed in this run, else 0. A document that
        failed in an earlier run and is unchanged is reported, not counted: a nightly job over the
        same folder does not alert again for a failure it already reported."""
        if self.interrupted:
            return 130
        return 2 if self.statuses.get("failed", 0) else 0

    @property
    def pages_per_second(self) -> float | None:
        """Pages over the extraction time (start-up excluded); None when too short to measure."""
        seconds = self.extract_seconds
        if not self.pages or seconds is None or seconds < 0.5:
            return None
        return self.pages / seconds


@dataclass
class _Planned:
    task: Task
    previous_sha: str | None  # revision this one supersedes
    paths: list[str]


def _unreadable(path: str, problem: str) -> tuple[str, int, str]:
    """A digest of the path (there are no bytes to hash) and the reason the file cannot be read."""
    return hashlib.sha256(f"unreadable:{os.path.abspath(path)}".encode()).hexdigest(), 0, problem


def _hash(path: str) -> tuple[str, int, str | None]:
    """sha256 and size; a file that cannot be read gets a digest of its path and an error."""
    try:
        size = os.path.getsize(path)
        return sha256_of(path), size, None
    except FileNotFoundError:
        error = "file not found: it was moved or deleted before it could be read"
    except PermissionError:
        error = "permission denied: the file cannot be read"
    except OSError as exc:
        error = f"the file cannot be read: {exc.strerror or exc}"
    return _unreadable(path, error)


# Errors of a run, not of the file: the next run tries the document again.
_TRANSIENT = ("stopped:", "worker error", "dask worker error")


def transient_failure(entry: dict[str, Any]) -> bool:
    """True for a document that failed on the time limit, the memory cap or a crashed worker."""
    return entry.get("status") == "failed" and str(entry.get("error") or "").startswith(_TRANSIENT)


ENCRYPTED = "encrypted PDF"


def locked_failure(entry: dict[str, Any]) -> bool:
    """True for a document that failed because it is encrypted: a password may open it now."""
    return entry.get("status") == "failed" and str(entry.get("error") or "").startswith(ENCRYPTED)


def plan(
    options: RunOptions, manifest: Manifest, summary: RunSummary
) -> tuple[list[_Planned], list[Outcome]]:
    """Decide what to extract; returns planned tasks and immediate failures, and counts the
    skipped, known-failed, retried and refreshed documents in `summary`.

    An unchanged file is skipped unless --force, or unless another planextract version (or the
    other --ner-model setting) extracted it: an upgrade re-extracts what it would now read
    differently (same doc_id and revision; the rows are replaced). Entries from before versions were recorded count as
    current, so an upgrade to this version does not re-extract a whole archive by itself. A document
    stopped by the time limit or memory cap is tried again: the limits or the machine may differ."""
    files, missing = discover(options.paths)
    if missing:
        raise UsageError("no such file or folder: " + ", ".join(missing))
    by_sha: dict[str, _Planned] = {}
    immediate: list[Outcome] = []
    out = options.out_dir
    for source in files:
        sha, size, error = _unreadable(source.path, source.problem) if source.problem else _hash(source.path)
        if sha in by_sha:
            by_sha[sha].paths.append(source.path)
            continue
        entry = manifest.entry(sha)
        written = (partition_dir(out, "documents", sha[:16]) / PART_NAME).exists()
        outdated = entry is not None and (
            entry.get("pipeline_version", __version__) != __version__
            or entry.get("ner_model", False) != options.ner_model
        )
        retry = entry is not None and (
            transient_failure(entry) or (options.password is not None and locked_failure(entry))
        )
        if entry is not None and written and not options.force and not outdated and not retry:
            manifest.add_path(sha, source.path)
            summary.skipped += 1
            if entry.get("status") == "failed":
                summary.known_failed += 1
                summary.known_failures.append((source.path, str(entry.get("error") or "")))
            continue
        summary.refreshed += outdated and written and not options.force
        summary.retried += retry and written and not options.force and not outdated
        key = entry["document_key"] if entry else document_key(source.path)
        revision, previous = manifest.revision_for(sha, key)
        if entry is None:
            summary.new_revisions += previous is not None
            summary.new_documents += previous is None
        is_current = previous is not None or entry is None or manifest.is_current(sha)
        manifest.reserve(sha, key)
        task = Task(
            source_path=source.path,
            sha256=sha,
            document_key=key,
            revision=revision,
            file_size=size,
            out_dir=str(out),
            ocr_mode=options.ocr,
            is_current=is_current,
            backend=options.backend,
            ner_model=options.ner_model,
            password=options.password,
        )
        planned = _Planned(task=task, previous_sha=previous, paths=[source.path])
        by_sha[sha] = planned
        if error is not None:
            immediate.append(failed_outcome(task, error))
    tasks = [p for p in by_sha.values() if not any(o.doc_id == p.task.doc_id for o in immediate)]
    for outcome in immediate:
        planned = next(p for p in by_sha.values() if p.task.doc_id == outcome.doc_id)
        _record(manifest, planned, outcome)
    return tasks, immediate


def _record(manifest: Manifest, planned: _Planned, outcome: Outcome) -> None:
    task = planned.task
    manifest.record(
        task.sha256,
        {
            "doc_id": task.doc_id,
            "document_key": task.document_key,
            "revision": task.revision,
            "status": outcome.status,
            "error": outcome.error,
            "n_pages": outcome.n_pages,
            "file_size": task.file_size,
            "paths": planned.paths,
            "extracted_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "pipeline_version": __version__,
            "ner_model": task.ner_model,
        },
    )
    out = Path(task.out_dir)
    if manifest.newest(task.document_key) != task.sha256:
        set_is_current(out, task.doc_id, False)  # a newer revision was seen in the same run
    elif planned.previous_sha is not None:
        set_is_current(out, planned.previous_sha[:16], False)


def execute(options: RunOptions, console: Any = None) -> RunSummary:
    started = time.perf_counter()
    out = options.out_dir
    out.mkdir(parents=True, exist_ok=True)
    clean_temporaries(out)
    manifest = Manifest.load(out)
    summary = RunSummary(out_dir=out)
    planned, immediate = plan(options, manifest, summary)
    manifest.save()
    for outcome in immediate:
        _count(summary, outcome)
    actors: dict[str, dict[str, Any]] | None = None
    if planned:
        actors = read_actors(out)
        by_doc = {p.task.doc_id: p for p in planned}
        pools: list[Any] = []
        timing: dict[str, float] = {}

        def take(outcome: Outcome) -> None:
            with deferred():  # all of one document's records, or none
                for row in outcome.actors:
                    merge_actor(actors, row)
                _record(manifest, by_doc[outcome.doc_id], outcome)
                manifest.save()
                _count(summary, outcome)

        try:
            with installed():
                for outcome in _outcomes(options, [p.task for p in planned], console, pools, timing):
                    take(outcome)
        except KeyboardInterrupt:
            summary.interrupted = True
            for pool in pools:
                pool.interrupted = True
                for outcome in pool.drain():
                    take(outcome)
        finally:
            if "started" in timing:
                summary.extract_seconds = time.perf_counter() - timing["started"]
            manifest.save()
            if actors is not None:
                write_actors(out, actors)
    elif not (out / "actors" / PART_NAME).exists():
        write_actors(out, {})
    summary.seconds = time.perf_counter() - started
    if (
        options.report
        and (planned or immediate or not (out / "report.html").exists())
        and not summary.interrupted
    ):
        from pipeline.report import build_report

        summary.report_path = build_report(out)
    return summary


def _count(summary: RunSummary, outcome: Outcome) -> None:
    summary.statuses[outcome.status] += 1
    summary.pages += outcome.n_pages
    summary.rows.update(outcome.rows)
    if outcome.status == "failed":
        summary.failures.append((outcome.source_path, outcome.error or ""))
    elif outcome.status == "partial":
        summary.partials.append((outcome.source_path, outcome.error or ""))
    if outcome.status != "failed" and outcome.warnings:
        summary.warned.append((outcome.source_path, list(outcome.warnings)))


def _outcomes(
    options: RunOptions, tasks: list[Task], console: Any, pools: list[Any], timing: dict[str, float]
) -> Any:
    """Each task's outcome as it completes; `timing["started"]` is set once the workers are up."""
    from pipeline.executors import LocalPool, run_dask, warm_up

    workers = options.workers or os.cpu_count() or 1
    if options.executor == "dask":
        stream = run_dask(tasks, options.scheduler, workers, timing)
        yield from _with_progress(stream, tasks, options, console, None)
        return
    warm_up()
    timing["started"] = time.perf_counter()
    pool = LocalPool(
        workers=min(workers, len(tasks)), doc_timeout=options.doc_timeout, max_memory_mb=options.max_memory_mb
    )
    pools.append(pool)
    yield from _with_progress(None, tasks, options, console, pool)


def _with_progress(stream: Any, tasks: list[Task], options: RunOptions, console: Any, pool: Any) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("[bold]{task.description:<9}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"),
        console=console,
        disable=not options.progress,
        transient=False,
    )
    page_totals: dict[str, tuple[int, int]] = {}
    with progress:
        docs_bar = progress.add_task("documents", total=len(tasks), current="")
        pages_bar = progress.add_task("pages", total=None, current="")

        def on_page(doc_id: str, done: int, total: int) -> None:
            page_totals[doc_id] = (done, total)
            progress.update(
                pages_bar,
                completed=sum(d for d, _ in page_totals.values()),
                total=sum(t for _, t in page_totals.values()),
                current=f"{doc_id} page {done}/{total}",
            )

        source = pool.run(tasks, on_page) if pool is not None else stream
        for outcome in source:
            if outcome.doc_id in page_totals:
                _, total = page_totals[outcome.doc_id]
                page_totals[outcome.doc_id] = (total, total)
            else:
                page_totals[outcome.doc_id] = (outcome.n_pages, outcome.n_pages)
            progress.update(
                pages_bar,
                completed=sum(d for d, _ in page_totals.values()),
                total=sum(t for _, t in page_totals.values()),
            )
            progress.update(docs_bar, advance=1, current=Path(outcome.source_path).name)
            yield outcome
