"""The rules a registration must meet, shared by the repositories and the import.

Each check returns a list of Problems (empty when all is well), so the import
can collect every problem of a file before it refuses it; the repositories
raise them at once as a ValidationError.
"""

from __future__ import annotations

import math
from datetime import date

from db.cpr import looks_like_cpr
from db.errors import Problem, ValidationError

# Older dates are typing errors (the programme began in 2013; no sheet is this old).
EARLIEST_DAY = date(1990, 1, 1)
# The longest free text a field takes: a note is a line or two, a name fits a heading.
LONGEST_FREE_TEXT = 1000
LONGEST_TEXT_BY_FIELD = {"username": 64, "name": 120, "code": 120}  # a code comes of a name
# Field names as they appear in messages and in the columns of an import file.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "unit": ("enhed", "unit"),
    "indicator": ("indikator", "indicator"),
    "date": ("dato", "date"),
    "numerator": ("tæller", "numerator"),
    "denominator": ("nævner", "denominator"),
    "value": ("værdi", "value"),
    "note": ("note", "note"),
    "type": ("art", "type"),
    "text": ("tekst", "text"),
    "reason": ("begrundelse", "reason"),
    "name": ("navn", "name"),
    "code": ("kode", "code"),
    "username": ("brugernavn", "username"),
    "exposure": ("eksponering", "exposure"),
}
# Which figures each measure takes: required, and must stay empty.
_REQUIRED = {
    "proportion": ("numerator", "denominator"),
    "rate": ("numerator", "denominator"),
    "count": ("numerator",),
    "measurement": ("value",),
}
# A rate or count whose count comes from registered events takes only its exposure.
_REQUIRED_WHEN_COUNTED = {"rate": ("denominator",), "count": ()}
_WHOLE = {"proportion": ("numerator", "denominator"), "rate": ("numerator",),
          "count": ("numerator",)}


def problem(field: str | None, message_da: str, message_en: str, *, row: int | None) -> Problem:
    """Return a Problem whose messages start with the field's name."""
    if field in FIELD_NAMES:
        name_da, name_en = FIELD_NAMES[field]
        message_da, message_en = f"{name_da}: {message_da}", f"{name_en}: {message_en}"
    return Problem(row=row, field=field, message_da=message_da, message_en=message_en)


def raise_if_any(problems: list[Problem]) -> None:
    """Raise a ValidationError carrying problems, if there are any."""
    if problems:
        raise ValidationError(problems)


def check_figures(measure: str, *, numerator: float | None, denominator: float | None,
                  value: float | None, row: int | None = None,
                  counted: bool = False) -> list[Problem]:
    """Check the figures of one entry against its indicator's measure.

    counted: the indicator's count comes from registered events, so only the exposure is entered.
    """
    if measure == "events":
        return [problem("numerator", "hændelser registreres én ad gangen med dato, ikke som tal",
                        "events are recorded one at a time with a date, not as figures", row=row)]
    if counted and numerator is not None:
        return [problem("numerator", "tælles fra de registrerede hændelser; registrér hændelsen "
                        "på dens kort i stedet", "is counted from the registered events; "
                        "register the event on its card instead", row=row)]
    required = _REQUIRED_WHEN_COUNTED.get(measure, _REQUIRED[measure]) if counted else (
        _REQUIRED[measure])
    figures = {"numerator": numerator, "denominator": denominator, "value": value}
    problems: list[Problem] = []
    for field, figure in figures.items():
        if figure is None:
            if field in required:
                problems.append(problem(field, "mangler", "is missing", row=row))
        elif field not in _REQUIRED[measure]:
            problems.append(problem(field, "skal være tom for denne indikator",
                                    "must be empty for this indicator", row=row))
        elif not math.isfinite(figure):
            problems.append(problem(field, "er ikke et tal", "is not a number", row=row))
        elif figure < 0:
            problems.append(problem(field, f"må ikke være negativ ({_show(figure)})",
                                    f"must not be negative ({figure!r})", row=row))
        elif field in _WHOLE.get(measure, ()) and not float(figure).is_integer():
            problems.append(problem(field, f"skal være et helt tal ({_show(figure)})",
                                    f"must be a whole number ({figure!r})", row=row))
    if problems:
        return problems
    if measure == "proportion" and denominator == 0:
        problems.append(problem("denominator", "skal være mindst 1", "must be at least 1", row=row))
    if measure == "rate" and denominator == 0:
        problems.append(problem("denominator", "skal være større end 0 (fx sengedage)",
                                "must be more than 0 (e.g. bed-days)", row=row))
    if measure == "proportion" and numerator is not None and numerator > denominator:
        problems.append(problem(
            "numerator",
            f"må ikke være større end nævneren ({_show(numerator)} > {_show(denominator)})",
            f"must not be larger than the denominator ({numerator!r} > {denominator!r})",
            row=row))
    return problems


def check_day(day: date, *, today: date, field: str = "date",
              row: int | None = None) -> list[Problem]:
    """Check that day is neither in the future (after today) nor implausibly old."""
    if day > today:
        return [problem(field, f"{day:%d-%m-%Y} ligger i fremtiden",
                        f"{day:%Y-%m-%d} is in the future", row=row)]
    if day < EARLIEST_DAY:
        return [problem(field, f"{day:%d-%m-%Y} er før {EARLIEST_DAY:%d-%m-%Y}",
                        f"{day:%Y-%m-%d} is before {EARLIEST_DAY:%Y-%m-%d}", row=row)]
    return []


def check_free_text(text: str | None, *, field: str, row: int | None = None,
                    required: bool = False) -> list[Problem]:
    """Check free text: not too long, no CPR number, no control characters (nor empty, if required)."""
    if text is None or not text.strip():
        return [problem(field, "mangler", "is missing", row=row)] if required else []
    longest = LONGEST_TEXT_BY_FIELD.get(field or "", LONGEST_FREE_TEXT)
    if len(text) > longest:
        return [problem(field, f"er for lang ({len(text)} tegn); højst {longest} tegn",
                        f"is too long ({len(text)} characters); at most {longest}", row=row)]
    if any(ord(character) < 32 and character not in "\t\n\r" for character in text):
        return [problem(field, "indeholder usynlige kontroltegn", "contains invisible control characters",
                        row=row)]
    if looks_like_cpr(text):
        return [problem(field, "ligner et CPR-nummer; personoplysninger hører ikke hjemme i Tavle",
                        "looks like a CPR number; personal data does not belong in Tavle",
                        row=row)]
    return []


def _show(figure: float) -> str:
    """Write a figure the Danish way: decimal comma, no trailing .0."""
    return str(int(figure)) if float(figure).is_integer() else repr(figure).replace(".", ",")


def clean_text(text: str | None) -> str | None:
    """Store blank text as None and strip the rest."""
    return text.strip() if text and text.strip() else None
