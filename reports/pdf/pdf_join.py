"""PDFs written by reportlab joined into one by renumbering their objects; no stream is read.

A report laid out in parts (reports.pdf.report_parts) is joined as the last thing
before it is handed over, in one process while the other has nothing left to do.
qpdf read every object of every part, copied each page's objects into the first
file and wrote them all again: 0.2 s. reportlab writes plain files: a
cross-reference table, no object streams, strings with their parentheses escaped.
So each object is copied as it stands, its references renumbered, and the parts'
page trees hung under one new root. The first part's catalog and document
information (title, language, author) are the joined file's; the others' go.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reports.content.errors import ReportError

# In an object's dictionary: a string (skipped whole), a reference, or the start of its stream.
_TOKENS = re.compile(rb"\((?:\\.|[^\\)])*\)|(\d+) 0 R\b|(stream\r?\n)", re.DOTALL)
_OBJECT_START = re.compile(rb"(\d+) 0 obj\b")
_TRAILER_KEY = re.compile(rb"/(Root|Info|Size) (\d+)")
_PAGES = re.compile(rb"/Pages (\d+) 0 R")


class JoinError(ReportError):
    """A piece is not a PDF of the plain form reportlab writes (a fault of the program, not of the data)."""


@dataclass(frozen=True)
class _Piece:
    """One PDF's objects by number (each "N 0 obj … endobj" as written), and its catalog and information."""

    objects: dict[int, bytes]
    root: int
    info: int | None
    size: int


def join_pdfs(pieces: Sequence[bytes]) -> bytes:
    """Return one PDF of the pieces' pages in order, with the first piece's catalog and information."""
    if not pieces:
        raise JoinError("Rapporten har ingen dele at samle.", "The report has no parts to join.")
    parsed = [_parse(piece) for piece in pieces]
    bases, base = [], 0
    for piece in parsed:
        bases.append(base)
        base += piece.size - 1  # object 0 is the free list's head in every piece
    root_pages = base + 1
    body: dict[int, bytes] = {}
    kids, count = [], 0
    for index, (piece, shift) in enumerate(zip(parsed, bases, strict=True)):
        pages = _pages_of(piece)
        for number, text in piece.objects.items():
            if number == pages:
                count += _count(text)
                text = text.replace(b"<<", b"<<\n/Parent %d 0 R" % root_pages, 1)
            elif number == piece.root:
                if index:
                    continue  # only the first catalog stays
                text = _PAGES.sub(b"/Pages %d 0 R" % root_pages, text, count=1)
            elif number == piece.info and index:
                continue
            body[number + shift] = _renumbered(text, number, shift)
        kids.append(pages + shift)
    body[root_pages] = (b"%d 0 obj\n<<\n/Count %d /Kids [ %s ] /Type /Pages\n>>\nendobj\n"
                        % (root_pages, count, b" ".join(b"%d 0 R" % kid for kid in kids)))
    return _written(body, root=parsed[0].root, info=parsed[0].info, size=root_pages + 1)


def _parse(pdf: bytes) -> _Piece:
    """Read a reportlab PDF's cross-reference table and cut the file into its objects."""
    try:
        start = int(pdf[pdf.rindex(b"startxref") + 9:].split()[0])
        trailer = pdf[pdf.rindex(b"trailer"):]
    except ValueError as error:
        raise JoinError("En del af rapporten er ikke en hel PDF (ingen krydsreferencetabel til sidst).",
                        "A part of the report is not a whole PDF (no cross-reference table at its end).") from error
    keys = {name.decode(): int(value) for name, value in _TRAILER_KEY.findall(trailer)}
    if not pdf.startswith(b"xref", start) or "Root" not in keys or "Size" not in keys:
        raise JoinError("En del af rapportens krydsreferencetabel er ikke af den enkle slags.",
                        "A part's cross-reference table is not the plain kind reportlab writes.")
    lines = pdf[start:pdf.index(b"trailer", start)].split(b"\n")
    first, entries = (int(value) for value in lines[1].split())
    if first != 0 or entries != keys["Size"]:
        raise JoinError("En del af rapportens krydsreferencetabel begynder ikke ved objekt 0.",
                        "A part's cross-reference table does not list its objects from 0.")
    offsets = {number: int(line[:10]) for number, line in enumerate(lines[2:2 + entries])
               if line[17:18] == b"n"}
    ends = sorted(offsets.values()) + [start]
    following = dict(zip(ends, ends[1:], strict=False))
    objects = {}
    for number, offset in offsets.items():
        text = pdf[offset:following[offset]]
        found = _OBJECT_START.match(text)
        if found is None or int(found[1]) != number:
            raise JoinError(f"Objekt {number} i en del af rapporten står ikke, hvor tabellen siger.",
                            f"Object {number} of a part is not where its table says.")
        objects[number] = text
    return _Piece(objects, keys["Root"], keys.get("Info"), keys["Size"])


def _pages_of(piece: _Piece) -> int:
    """Return the number of a piece's page tree's root."""
    found = _PAGES.search(piece.objects[piece.root])
    if found is None:
        raise JoinError("En del af rapporten har ingen sider.", "A part of the report names no pages.")
    return int(found[1])


def _count(pages: bytes) -> int:
    """Return a page tree node's /Count."""
    found = re.search(rb"/Count (\d+)", pages)
    if found is None:
        raise JoinError("En del af rapportens sidetræ har intet antal.", "A part's page tree has no count.")
    return int(found[1])


def _renumbered(text: bytes, number: int, shift: int) -> bytes:
    """Return an object with its own number and every reference before its stream moved by shift."""
    if not shift:
        return text
    out = [b"%d" % (number + shift)]
    at = len(b"%d" % number)
    for token in _TOKENS.finditer(text, at):
        if token[2] is not None:  # the stream's bytes follow: copied as they are
            break
        if token[1] is not None:
            out += [text[at:token.start(1)], b"%d" % (int(token[1]) + shift)]
            at = token.end(1)
    out.append(text[at:])
    return b"".join(out)


def _written(body: dict[int, bytes], *, root: int, info: int | None, size: int) -> bytes:
    """Return the file: header, the objects in order, the cross-reference table and the trailer."""
    out = [b"%PDF-1.4\n%\x93\x8c\x8b\x9e\n"]
    at = len(out[0])
    offsets: dict[int, int] = {}
    for number in sorted(body):
        offsets[number] = at
        out.append(body[number])
        at += len(body[number])
    table = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
    table += [b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
              for number in range(1, size)]
    # The file's id follows from its content, as two copies of one digest.
    digest = hashlib.md5(b"".join(out), usedforsecurity=False).hexdigest().encode()
    information = b"/Info %d 0 R " % info if info is not None else b""
    trailer = (b"trailer\n<<\n/ID [<%s><%s>] %s/Root %d 0 R /Size %d\n>>\nstartxref\n%d\n%%%%EOF\n"
               % (digest, digest, information, root, size, at))
    return b"".join(out + table + [trailer])
