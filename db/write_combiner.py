"""Group commit: work that threads hand in at the same moment is carried out in one batch.

A caller that finds no batch running runs one itself: everything waiting (up to
`largest_batch`, first come first served); callers that arrive meanwhile wait and
ride in the next batch. When a batch is done its runner hands the slot to the
longest waiting caller, or frees it, and returns. Each caller gets its own outcome,
raised in its own thread when it is an exception. A lone caller finds no batch
running and runs a batch of one at once.

One batch at a time makes the largest batches, but a batch waiting for a lock that
another server holds would hold up every caller. So while the newest running batch
has run for `stall_after` seconds, another may start beside it, up to `in_flight`.

Under load the callers of a batch come back together, a moment after it ends, and
the first of them would find no batch running and run a batch of one, the others a
batch behind it: a whole transaction for one item, every other batch. So a batch
that starts within `linger` seconds of the end of a larger one waits, at most
`linger`, until as many callers wait as that one held. A lone caller never waits.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class _Ticket(Generic[T]):
    """One caller's item, its outcome once known, and the slots handed to it meanwhile."""

    __slots__ = ("item", "outcome", "taken", "done", "slots", "wake")

    def __init__(self, item: T) -> None:
        self.item = item
        self.outcome: object = None
        self.taken = False  # in a batch (no longer waiting)
        self.done = False  # the outcome is there
        self.slots = 0  # batches this caller is to run (slots handed to it)
        # Released when there is news for the caller (set under the combiner's guard): a bare
        # lock costs a fraction of an Event, whose every wait makes a lock of its own.
        self.wake = threading.Lock()
        self.wake.acquire()

    def signal(self) -> None:
        """Wake the caller (guard held); a second signal before it woke is the same news."""
        if self.wake.locked():
            self.wake.release()


class WriteCombiner(Generic[T, R]):
    """Runs what callers submit in shared batches, at most in_flight batches at once."""

    def __init__(self, *, in_flight: int, largest_batch: int, stall_after: float = 0.05,
                 linger: float = 0.0) -> None:
        if in_flight < 1 or largest_batch < 1 or stall_after <= 0 or linger < 0:
            raise ValueError(
                f"in_flight and largest_batch must be at least 1, stall_after more than 0 and "
                f"linger not negative, not {in_flight}, {largest_batch}, {stall_after}, {linger}")
        self.in_flight = in_flight
        self.largest_batch = largest_batch
        self.stall_after = stall_after
        self.linger = linger
        self._guard = threading.Lock()
        self._arrived = threading.Condition(self._guard)
        self._waiting: deque[_Ticket[T]] = deque()
        self._running = 0
        self._last_start = 0.0  # time.monotonic() when the newest batch started
        self._last_size = 0  # of the batch that ended last, at _last_end
        self._last_end = 0.0

    def submit(self, item: T, run_batch: Callable[[list[T]], list[R | Exception]]) -> R:
        """Have item carried out in a batch by run_batch; return its outcome or raise it.

        run_batch returns one outcome per item, in order: a result or an exception to raise.
        It should not raise itself; if it does, every caller of that batch gets the error.
        """
        ticket = _Ticket(item)
        with self._guard:
            self._waiting.append(ticket)
            self._arrived.notify()
            self._take_slot_if_free(ticket)
        while True:
            with self._guard:
                slots, ticket.slots = ticket.slots, 0
                if not slots:
                    if ticket.done:  # done, and no slot of its own left to hand on
                        break
                    ticket.wake.acquire(blocking=False)  # news read: wait for new news
            for _ in range(slots):
                self._run_one_batch(run_batch)
            if not slots and not ticket.wake.acquire(
                    timeout=self.stall_after if self.in_flight > 1 else -1):
                with self._guard:  # the running batches may be stuck: start one beside them
                    if not ticket.taken:
                        self._take_slot_if_free(ticket)
        if isinstance(ticket.outcome, Exception):
            raise ticket.outcome
        return ticket.outcome  # type: ignore[return-value]  # an R when not an exception

    def _take_slot_if_free(self, ticket: _Ticket[T]) -> None:
        """Give ticket a slot if no batch runs, or the newest has run stall_after (guard held)."""
        if self._running == 0 or (self._running < self.in_flight
                                  and time.monotonic() - self._last_start >= self.stall_after):
            self._running += 1
            ticket.slots += 1

    def _run_one_batch(self, run_batch: Callable[[list[T]], list[R | Exception]]) -> None:
        """Run what waits (up to largest_batch) in one batch, then hand the slot on or free it."""
        with self._guard:
            self._wait_for_the_last_batchs_callers()
            batch = [self._waiting.popleft()
                     for _ in range(min(self.largest_batch, len(self._waiting)))]
            for ticket in batch:
                ticket.taken = True
            self._last_start = time.monotonic()
        try:
            outcomes: list[object] = (list(run_batch([ticket.item for ticket in batch]))
                                     if batch else [])
            if len(outcomes) != len(batch):
                raise RuntimeError(f"run_batch gave {len(outcomes)} outcomes for {len(batch)} items")
        except Exception as error:  # no caller may wait for ever on a batch that broke
            outcomes = [error] * len(batch)
        except BaseException as error:
            self._finish(batch, [error] * len(batch))
            raise
        self._finish(batch, outcomes)

    def _wait_for_the_last_batchs_callers(self) -> None:
        """Right after a larger batch ended, wait (at most linger) until as many callers wait."""
        now = time.monotonic()
        if self._last_size <= 1 or now - self._last_end > self.linger:
            return
        deadline = now + self.linger
        wanted = min(self._last_size, self.largest_batch)
        while len(self._waiting) < wanted:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self._arrived.wait(left)

    def _finish(self, batch: list[_Ticket[T]], outcomes: list[object]) -> None:
        """Give each caller its outcome, then hand the slot to the longest waiting caller."""
        with self._guard:
            for ticket, outcome in zip(batch, outcomes, strict=True):
                ticket.outcome, ticket.done = outcome, True
                ticket.signal()
            self._last_size, self._last_end = len(batch), time.monotonic()
            if self._waiting:
                # Prefer a caller that holds no slot yet, so slots are not piled on one thread.
                heir = next((ticket for ticket in self._waiting if not ticket.slots),
                            self._waiting[0])
                heir.slots += 1
                heir.signal()
            else:
                self._running -= 1
