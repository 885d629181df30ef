"""What the entry page changes in the storage, each change paired with the step that undoes it.

One repository call per action, in its own writing transaction (a registration
may share one with other tablets' registrations of the same moment), as the acting
user; the storage validates and audits. Every function returns the Undo that
takes its change back, `take_back` carries an Undo out, and `reversal` hands it
to the page's notice as its Undo button.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from app.access.identity import current_actor
from app.language import text
from app.notices import UNDO_ICON, Notice, Reversal
from app.resources import database, today
from db import (
    EntryRequest,
    add_event,
    confirm_safe_day,
    correct_entry,
    correct_event,
    delete_entry,
    delete_event,
    register_entry,
    restore_entry,
    restore_event,
    run_write,
    unconfirm_safe_day,
    write_session,
)

Figures = dict[str, float | None]  # numerator, denominator, value


@dataclass(frozen=True)
class Undo:
    """How to take back one change: an action on a row, with the figures to put back."""

    action: str  # one of UNDO_ACTIONS
    row_id: int
    figures: tuple[tuple[str, float | None], ...] = ()  # put_back_entry: the old figures
    day: date | None = None  # put_back_event: the old day
    note: str | None = None  # put_back_event: the old note


def save_figures(unit_id: int, indicator_id: int, day: date, figures: Figures, *,
                 before: Figures | None) -> Undo:
    """Record the figures for the period of day; undo deletes them, or puts back those before."""
    # Written together with the registrations other tablets send at the same moment.
    entry_id = register_entry(database(), EntryRequest(
        unit_id, indicator_id, day, current_actor(), today(), **figures))
    if before is None:
        return Undo("delete_entry", entry_id)
    return Undo("put_back_entry", entry_id, tuple(before.items()))


def save_event(unit_id: int, indicator_id: int, day: date, note: str | None) -> Undo:
    """Record one event on day; undo deletes it."""
    actor, on_day = current_actor(), today()
    event_id = run_write(database(), lambda session: add_event(
        unit_id, indicator_id, day, note=note, session=session, actor=actor, today=on_day))
    return Undo("delete_event", event_id)


def confirm_day(unit_id: int, indicator_id: int, day: date) -> Undo:
    """Confirm that day passed without the event (a green box); undo makes it blank again."""
    with write_session(database()) as session:
        safe_day_id = confirm_safe_day(unit_id, indicator_id, day, session=session,
                                       actor=current_actor(), today=today())
    return Undo("unconfirm_safe_day", safe_day_id)


def correct_figures(entry_id: int, figures: Figures, *, before: Figures) -> Undo:
    """Replace an entry's figures; undo puts back those before."""
    with write_session(database()) as session:
        correct_entry(entry_id, **figures, session=session, actor=current_actor())
    return Undo("put_back_entry", entry_id, tuple(before.items()))


def move_event(event_id: int, day: date, note: str | None, *, before_day: date,
               before_note: str | None) -> Undo:
    """Give an event another day or note; undo puts back the ones before."""
    with write_session(database()) as session:
        correct_event(event_id, day=day, note=note, session=session, actor=current_actor(),
                      today=today())
    return Undo("put_back_event", event_id, day=before_day, note=before_note)


def delete_row(kind: str, row_id: int) -> Undo:
    """Delete an entry or an event (kind "entry" or "event") softly; undo restores it."""
    with write_session(database()) as session:
        if kind == "event":
            delete_event(row_id, session=session, actor=current_actor())
        else:
            delete_entry(row_id, session=session, actor=current_actor())
    return Undo(f"restore_{kind}", row_id)


def _put_back_entry(undo: Undo, session, actor: str) -> None:
    correct_entry(undo.row_id, **dict(undo.figures), session=session, actor=actor)


def _put_back_event(undo: Undo, session, actor: str) -> None:
    correct_event(undo.row_id, day=undo.day, note=undo.note, session=session, actor=actor,
                  today=today())


UNDO_ACTIONS: dict[str, Callable[[Undo, object, str], None]] = {
    "delete_entry": lambda undo, session, actor: delete_entry(undo.row_id, session=session,
                                                              actor=actor),
    "delete_event": lambda undo, session, actor: delete_event(undo.row_id, session=session,
                                                              actor=actor),
    "restore_entry": lambda undo, session, actor: restore_entry(undo.row_id, session=session,
                                                                actor=actor),
    "restore_event": lambda undo, session, actor: restore_event(undo.row_id, session=session,
                                                                actor=actor),
    "unconfirm_safe_day": lambda undo, session, actor: unconfirm_safe_day(
        undo.row_id, session=session, actor=actor),
    "put_back_entry": _put_back_entry,
    "put_back_event": _put_back_event,
}


def take_back(undo: Undo) -> None:
    """Carry out an Undo: the change it belongs to is reversed, and audited as such."""
    with write_session(database()) as session:
        UNDO_ACTIONS[undo.action](undo, session, current_actor())


def reversal(undo: Undo, what: str) -> Reversal:
    """Return the notice's Undo for a change described as what: take it back, say "Fortrudt"."""
    return Reversal(partial(take_back, undo),
                    Notice(text("entry.undone", what=what), tone="info", icon=UNDO_ICON))
