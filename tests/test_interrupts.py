"""A Ctrl-C during a document's hand-over waits until its records are complete."""

from __future__ import annotations

import signal

import pytest

from pipeline import interrupts


def test_an_interrupt_inside_the_hand_over_is_raised_at_its_end() -> None:
    done: list[str] = []
    with pytest.raises(KeyboardInterrupt), interrupts.deferred():
        interrupts._on_sigint(signal.SIGINT, None)  # Ctrl-C while the outcome is being recorded
        done.append("actors merged")
        with interrupts.deferred():  # nested: only the outermost block ends the hold
            done.append("manifest saved")
        done.append("counted")
    assert done == ["actors merged", "manifest saved", "counted"]
    with pytest.raises(KeyboardInterrupt):
        interrupts._on_sigint(signal.SIGINT, None)  # outside a hand-over it interrupts at once


def test_the_handler_is_installed_only_over_the_default_one() -> None:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with interrupts.installed():
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # a background job keeps ignoring it
        signal.signal(signal.SIGINT, signal.default_int_handler)
        with interrupts.installed():
            assert signal.getsignal(signal.SIGINT) is interrupts._on_sigint
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)
