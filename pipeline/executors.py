"""Run documents in worker processes: a supervised local pool, or a Dask cluster.

The local pool keeps long-lived workers (forked after the heavy imports, so each starts
warm) and watches each one: a document that runs past the time limit or grows the
worker past the memory cap is stopped, recorded as failed with that reason, and the
worker is replaced. A worker that dies takes only its current document with it.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from pipeline.interrupts import deferred
from pipeline.worker import Outcome, Task, failed_outcome, process

PageEvent = Callable[[str, int, int], None]  # (doc_id, pages done, pages total)


def warm_up() -> None:
    """Import the extraction stack once in the parent so forked workers start warm."""
    import extractors.classify  # noqa: F401
    import extractors.families  # noqa: F401
    import extractors.nlp
    import extractors.nlp.language
    import extractors.pdf.dehyphen
    import extractors.pdf.layout  # noqa: F401
    import extractors.pdf.ocr  # noqa: F401
    import extractors.pdf.reader  # noqa: F401

    for module in (extractors.pdf.dehyphen, extractors.nlp.language, extractors.nlp):
        preload = getattr(module, "preload", None)  # word lists, language model, gazetteers, spaCy
        if callable(preload):
            preload()


def _page_reporter(conn: Connection, doc_id: str) -> Callable[[int, int], None]:
    """Send page progress to the parent at most ten times a second."""
    last = [0.0]

    def on_page(done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - last[0] > 0.1:
            last[0] = now
            conn.send(("page", doc_id, done, total))

    return on_page


def _worker_main(conn: Connection) -> None:
    # Ctrl-C is the parent's to handle: it stops the workers without recording anything
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        try:
            outcome = process(task, _page_reporter(conn, task.doc_id))
        except BaseException as exc:  # pragma: no cover - process() guards its stages
            outcome = failed_outcome(task, f"worker error: {type(exc).__name__}: {exc}")
        conn.send(("done", outcome))


@dataclass
class _Slot:
    process: Any
    conn: Connection
    task: Task | None = None
    started: float = 0.0
    pages: int = 0  # the document's page count, once the worker has reported a page


PAGES_PER_LIMIT = 100


def time_limit(doc_timeout: float, pages: int) -> float:
    """The time a document may take: the per-document limit for every 100 pages begun, so that a
    300-page plan is not stopped for its length (about 4 pages a second on 2 cores)."""
    return doc_timeout * max(1, -(-pages // PAGES_PER_LIMIT))


class LocalPool:
    def __init__(self, workers: int, doc_timeout: float, max_memory_mb: int) -> None:
        self.workers = max(1, workers)
        self.doc_timeout = doc_timeout
        self.max_memory_mb = max_memory_mb
        self.context = mp.get_context("fork")
        self.slots: list[_Slot] = []
        self.interrupted = False

    def _spawn(self) -> _Slot:
        parent, child = self.context.Pipe()
        proc = self.context.Process(target=_worker_main, args=(child,), daemon=True)
        proc.start()
        child.close()
        return _Slot(process=proc, conn=parent)

    def _replace(self, slot: _Slot) -> None:
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join(timeout=5)
        slot.conn.close()
        fresh = self._spawn()
        slot.process, slot.conn, slot.task = fresh.process, fresh.conn, None

    def _rss_mb(self, slot: _Slot) -> float:
        try:
            import psutil

            return float(psutil.Process(slot.process.pid).memory_info().rss) / (1024 * 1024)
        except Exception:
            return 0.0

    def run(self, tasks: list[Task], on_page: PageEvent | None = None) -> Iterator[Outcome]:
        pending = list(reversed(tasks))
        self.slots = [self._spawn() for _ in range(min(self.workers, len(tasks)))]
        try:
            while pending or any(s.task is not None for s in self.slots):
                for slot in self.slots:
                    if slot.task is None and pending:
                        slot.task = pending.pop()
                        slot.started = time.monotonic()
                        slot.pages = 0
                        slot.conn.send(slot.task)
                busy = [s for s in self.slots if s.task is not None]
                ready = wait([s.conn for s in busy], timeout=0.2)
                for slot in busy:
                    if slot.conn in ready:
                        yield from self._receive(slot, on_page)
                for slot in self.slots:
                    outcome = self._police(slot)
                    if outcome is not None:
                        yield outcome
        except KeyboardInterrupt:
            self.interrupted = True  # the caller drains the documents in flight, then closes
            raise
        finally:
            if not self.interrupted:
                self.close()

    def drain(self, grace: float = 20.0) -> Iterator[Outcome]:
        """After Ctrl-C: let the documents in flight finish (workers ignore SIGINT) and
        hand them over, so that what a worker wrote is also in the manifest."""
        deadline = time.monotonic() + grace
        try:
            while any(s.task is not None for s in self.slots) and time.monotonic() < deadline:
                busy = [s for s in self.slots if s.task is not None]
                ready = wait([s.conn for s in busy], timeout=0.2)
                for slot in busy:
                    if slot.conn in ready:
                        yield from self._receive(slot, None)
                    elif not slot.process.is_alive():
                        slot.task = None
        finally:
            self.close()

    def _receive(self, slot: _Slot, on_page: PageEvent | None) -> Iterator[Outcome]:
        task = slot.task
        assert task is not None
        with deferred():  # a received outcome reaches the run's records before a Ctrl-C counts
            try:
                message = slot.conn.recv()
            except (EOFError, OSError):
                code = slot.process.exitcode
                self._replace(slot)
                yield failed_outcome(
                    task, f"the worker process died while reading this document (exit code {code})"
                )
                return
            if message[0] == "page":
                slot.pages = max(slot.pages, int(message[3] or 0))
                if on_page is not None:
                    on_page(message[1], message[2], message[3])
            elif message[0] == "done":
                slot.task = None
                yield message[1]

    def _police(self, slot: _Slot) -> Outcome | None:
        task = slot.task
        if task is None:
            return None
        elapsed = time.monotonic() - slot.started
        reason = None
        limit = time_limit(self.doc_timeout, slot.pages)
        if elapsed > limit:
            reason = f"stopped: the document took longer than its time limit ({limit:g} s for {max(slot.pages, 1)} pages)"
        elif self.max_memory_mb and self._rss_mb(slot) > self.max_memory_mb:
            reason = f"stopped: the document needed more memory than the cap ({self.max_memory_mb} MB)"
        elif not slot.process.is_alive():
            reason = (
                f"the worker process died while reading this document (exit code {slot.process.exitcode})"
            )
        if reason is None:
            return None
        self._replace(slot)
        return failed_outcome(task, reason, elapsed)

    def close(self) -> None:
        for slot in self.slots:
            try:
                if slot.task is None and slot.process.is_alive():
                    slot.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
        for slot in self.slots:
            slot.process.join(timeout=2)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join(timeout=2)
            slot.conn.close()
        self.slots = []


def local_cluster(workers: int) -> Any:
    """A local Dask cluster of `workers` single-threaded processes, quiet: no dashboard, its
    HTTP server on a free port (a busy 8787 is no matter), only errors logged."""
    import logging

    from dask.distributed import LocalCluster

    return LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # any free port: no "port 8787 is already in use" warning
        scheduler_kwargs={"dashboard": False},  # and no dashboard on it
        silence_logs=logging.ERROR,  # the cluster's own info and warnings are not the run's
    )


def run_dask(
    tasks: list[Task], scheduler: str | None, workers: int, timing: dict[str, float] | None = None
) -> Iterator[Outcome]:
    """Submit each document to a Dask cluster (the output folder must be shared storage).

    With no scheduler address a local cluster of `workers` processes is started without a
    dashboard (the scheduler's HTTP server takes a free port, so a busy 8787 is no matter) and
    logging only errors: its nannies stop a worker that is slow to exit after the last document
    (a large interpreter on a loaded machine) with a warning that asks nothing of the user. Dask
    does not stop a running task, so the per-document time limit is not enforced here.
    `timing["started"]` is set once the cluster is up.
    """
    from dask.distributed import Client, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = local_cluster(workers)
        client = Client(cluster)
    if timing is not None:
        timing["started"] = time.perf_counter()
    try:
        futures = client.map(process, tasks, pure=False)
        index = {f.key: t for f, t in zip(futures, tasks)}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:
                yield failed_outcome(index[future.key], f"dask worker error: {type(exc).__name__}: {exc}")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
