"""Ctrl-C held back while a finished document is handed over.

A worker writes a document's partitions, then sends its outcome; the run records it in the manifest
and merges its organisations into `actors`. A Ctrl-C landing between receiving the outcome and
recording it left partitions whose actor_ids no `actors` row had. Inside `deferred()` the
interrupt is noted and raised when the hand-over is complete.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

_depth = 0
_pending = False


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    global _pending
    if _depth:
        _pending = True
        return
    raise KeyboardInterrupt


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold a Ctrl-C until the block has run to its end (nested blocks: the outermost)."""
    global _depth, _pending
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
    if _depth == 0 and _pending:  # reached only when the block ended normally
        _pending = False
        raise KeyboardInterrupt


@contextlib.contextmanager
def installed() -> Iterator[None]:
    """The deferring handler for the run, where Ctrl-C would raise KeyboardInterrupt anyway (the main
    thread, default handler); an ignored or custom SIGINT is left as it is."""
    global _pending
    if threading.current_thread() is not threading.main_thread() or (
        signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    _pending = False
    previous = signal.signal(signal.SIGINT, _on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
