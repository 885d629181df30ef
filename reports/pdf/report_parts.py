"""A long report laid out in parts, side by side in forked processes, and joined into one PDF.

reportlab lays a document out in one process, page after page, and a
municipality's report of some 480 pages spends most of its time there. So the
report splits where a page break stands anyway (before a unit's charts), each
part is laid out on its own, the parts exchange their page counts so every
footer reads "Side 212 af 483", and they are joined (reports.pdf.pdf_join). The parts follow from the
content, not from the cores: the bytes are the same however many processes
lay them out, one included.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection

from reportlab.platypus import Flowable

from indicators import TavleError
from reports.content.errors import ReportError
from reports.content.forked_work import frozen_heap, usable_processes
from reports.pdf.page_layout import LaidOut, PageTexts, lay_out
from reports.pdf.pdf_join import join_pdfs
from reports.pdf.report_styles import ReportStyles

# A forked process that is not done this long after its part was would only be stuck.
CHILD_GRACE_SECONDS = 5


@dataclass(frozen=True)
class Part:
    """A stretch of the report that starts on a page of its own; the first part starts with the cover."""

    story: Callable[[], list[Flowable]]  # made in the process that lays the part out
    cover: bool = False


class PartFailedError(ReportError):
    """A part of the report could not be laid out in its process; the message is that process's."""


def build_in_parts(parts: Sequence[Part], texts: PageTexts, styles: ReportStyles, *,
                   invariant: bool = False, processes: int | None = None) -> bytes:
    """Lay the parts out, numbered as one document, and return the joined PDF's bytes.

    processes: how many processes lay parts out (None: as the cores allow, see
    reports.content.forked_work; 1: all in this one).
    """
    if not parts:
        raise ValueError("A report needs at least one part.")
    count = min(len(parts), usable_processes() if processes is None else max(int(processes), 1))
    if count == 1:
        laid = [lay_out_part(part, texts, styles, invariant) for part in parts]
        numbers = page_numbers([one.pages for one in laid])
        pieces = [one.finish(first_page=first, pages=total)
                  for one, (first, total) in zip(laid, numbers, strict=True)]
    else:
        pieces = _in_processes(parts, texts, styles, invariant, count)
    return pieces[0] if len(pieces) == 1 else joined(pieces)


def joined(pieces: Sequence[bytes]) -> bytes:
    """Return one PDF of the pieces' pages in order, with the first piece's title, language and metadata.

    The pieces' objects are copied as they are, streams compressed as they were:
    joining only renumbers objects (reports.pdf.pdf_join). The file's id follows from
    its content.
    """
    return join_pdfs(pieces)


def lay_out_part(part: Part, texts: PageTexts, styles: ReportStyles, invariant: bool) -> LaidOut:
    """Make the part's story here and lay it out."""
    return lay_out(part.story(), texts, styles, invariant=invariant, cover=part.cover)


def page_numbers(pages: Sequence[int]) -> list[tuple[int, int]]:
    """Return each part's (first page, pages in all) from the parts' page counts in order."""
    total, first, numbers = sum(pages), 1, []
    for count in pages:
        numbers.append((first, total))
        first += count
    return numbers


def _in_processes(parts: Sequence[Part], texts: PageTexts, styles: ReportStyles,
                  invariant: bool, count: int) -> list[bytes]:
    """Lay the parts out in count processes (this one and count - 1 forked); return their bytes in order.

    Process j takes every count-th part from j. Each lays its parts out, says how many
    pages they have, is told where they start, and writes them.
    """
    context = multiprocessing.get_context("fork")
    links: list[Connection] = []
    children = []
    # Everything alive now (the content above all) outlives the layout (see frozen_heap).
    with frozen_heap():
        try:
            for start in range(1, count):
                ours, theirs = context.Pipe()
                # Forked: the child inherits the parts (their stories are closures) without pickling.
                child = context.Process(target=_child, args=(theirs, parts[start::count], texts,
                                                             styles, invariant), daemon=True)
                child.start()
                theirs.close()
                links.append(ours)
                children.append(child)
            mine = [lay_out_part(part, texts, styles, invariant) for part in parts[0::count]]
            pages_by_process = [[one.pages for one in mine]] + [received(link) for link in links]
            pages = [pages_by_process[index % count][index // count] for index in range(len(parts))]
            numbers = page_numbers(pages)
            for start, link in enumerate(links, start=1):
                link.send(numbers[start::count])
            written = [[one.finish(first_page=first, pages=total)
                        for one, (first, total) in zip(mine, numbers[0::count], strict=True)]]
            written += [received(link) for link in links]
            return [written[index % count][index // count] for index in range(len(parts))]
        finally:
            for link in links:
                link.close()
            for child in children:
                reap(child, grace=CHILD_GRACE_SECONDS)


def reap(child: multiprocessing.Process, *, grace: float) -> None:
    """Wait at most grace seconds for a forked process to end, then end it: none is left behind."""
    child.join(timeout=grace)
    if child.is_alive():
        child.kill()
        child.join()


def _child(link: Connection, parts: Sequence[Part], texts: PageTexts, styles: ReportStyles,
           invariant: bool) -> None:
    """In a forked process: lay the parts out, trade page counts for numbers, send the bytes back."""
    with answering(link):
        trade_numbers(link, [lay_out_part(part, texts, styles, invariant) for part in parts])


def trade_numbers(link: Connection, laid: Sequence[LaidOut]) -> None:
    """In a forked process: send the laid-out parts' page counts, take their numbers, send their bytes."""
    link.send(("ok", [one.pages for one in laid]))
    numbers = link.recv()
    link.send(("ok", [one.finish(first_page=first, pages=total)
                      for one, (first, total) in zip(laid, numbers, strict=True)]))


@contextmanager
def answering(link: Connection) -> Iterator[None]:
    """In a forked process: a failure inside reaches the parent (send_failure); the link closes."""
    try:
        yield
    except BaseException as error:  # the parent must hear of it rather than wait for ever
        send_failure(link, error)
    finally:
        link.close()


def send_failure(link: Connection, error: BaseException) -> None:
    """In a forked process: tell the parent why its work failed (a refusal in its own words)."""
    if isinstance(error, TavleError):  # a message for the user: it goes on as it is
        link.send(("failed", (error.danish, error.english)))
    else:
        details = traceback.format_exc()
        link.send(("failed", (f"Rapporten kunne ikke laves: en del af den fejlede.\n{details}",
                              f"The report could not be made: a part of it failed.\n{details}")))


def received(link: Connection) -> list:
    """Return what a forked process sent, or raise PartFailedError with its words."""
    try:
        kind, value = link.recv()
    except EOFError as error:
        raise PartFailedError(
            "Rapporten kunne ikke laves: processen, der satte en del af den op, stoppede uden svar.",
            "The report could not be made: the process laying out a part of it stopped without an answer.",
        ) from error
    if kind != "ok":
        raise PartFailedError(*value)
    return value
