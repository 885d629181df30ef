"""A first-come, first-served lock for the writers of one process.

threading.Lock lets a thread that has just released it take it again before a
waiting thread wakes, so with many busy writers one of them can wait for ever
longer; here the lock passes straight to the writer that has waited longest.
"""

from __future__ import annotations

import threading
from collections import deque


class WriteQueue:
    """A lock that hands itself to its waiters in the order they came."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._waiting: deque[threading.Event] = deque()
        self._held = False

    def acquire(self, *, timeout: float) -> bool:
        """Wait at most timeout seconds for the lock; tell whether it was got."""
        with self._guard:
            if not self._held:
                self._held = True
                return True
            turn = threading.Event()
            self._waiting.append(turn)
        if turn.wait(timeout):
            return True
        with self._guard:
            if turn.is_set():  # handed over just as the wait ran out
                return True
            self._waiting.remove(turn)
            return False

    def release(self) -> None:
        """Give the lock to the longest waiting writer, or free it."""
        with self._guard:
            if self._waiting:
                self._waiting.popleft().set()  # stays held: ownership passes directly
            else:
                self._held = False
