"""What each column of each sheet means: the mapping between a team's sheet and Tavle's data.

A mapping names, per sheet, the row that holds the headings and a role for
each column: the unit, the date or ISO week, an indicator's numerator,
denominator or value, the date of an event, a note, or nothing (ignored,
or computed from other columns). It is plain data, kept as JSON per unit
(db.mapping_profiles) and given to the command line as a profile file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from db.errors import ValidationError
from db.validation import problem

# Roles that need an indicator, and the ones that stand alone.
INDICATOR_ROLES = ("numerator", "denominator", "value", "event")
PLAIN_ROLES = ("ignore", "computed", "unknown", "unit", "indicator", "date", "week", "year",
               "note", "type", "numerator_any", "denominator_any", "value_any")
ROLES = PLAIN_ROLES + INDICATOR_ROLES


@dataclass(frozen=True)
class ColumnRole:
    """What one column means; indicator is the indicator's code for the roles that need one.

    The *_any roles are the figures of a long sheet, whose indicator stands in its own column.
    """

    role: str
    indicator: str | None = None

    def label(self) -> str:
        """Return the role as stored: "numerator:triage_dagligt" or "date"."""
        return f"{self.role}:{self.indicator}" if self.indicator else self.role

    @classmethod
    def parse(cls, text: str) -> ColumnRole:
        """Read a role as label() writes it; raise ValidationError for an unknown one."""
        role, _, indicator = text.partition(":")
        if role not in ROLES or (role in INDICATOR_ROLES) != bool(indicator):
            raise ValidationError([problem(None, f"ukendt rolle for en kolonne: {text!r}",
                                           f"unknown role for a column: {text!r}", row=None)])
        return cls(role, indicator or None)


IGNORE = ColumnRole("ignore")


@dataclass(frozen=True)
class SheetMapping:
    """One sheet: where its headings are, what they say, and what each column means."""

    sheet: str
    heading_row: int  # as Excel counts, from 1
    headings: tuple[str, ...]
    columns: tuple[ColumnRole, ...]  # one per heading, in order
    year: int | None = None  # for week numbers written without their year

    def with_role(self, position: int, role: ColumnRole) -> SheetMapping:
        """Return the mapping with one column's role changed."""
        columns = list(self.columns)
        columns[position] = role
        return replace(self, columns=tuple(columns))

    def indicators(self) -> tuple[str, ...]:
        """Return the codes of the indicators the sheet has columns for, in column order."""
        return tuple(dict.fromkeys(c.indicator for c in self.columns if c.indicator))

    def is_long(self) -> bool:
        """Tell whether the sheet names its indicator in a column (one row per figure)."""
        return any(column.role == "indicator" for column in self.columns)


@dataclass(frozen=True)
class ImportMapping:
    """The mapping of a whole file: the unit it is for ("this unit") and its sheets that are read."""

    sheets: tuple[SheetMapping, ...]
    unit: str | None = None  # the unit's code; None: each row names its unit
    skipped: tuple[str, ...] = field(default=())  # sheets left out on purpose

    def to_json(self) -> str:
        """Return the mapping as a JSON text (a profile file, or the stored profile)."""
        return json.dumps({"unit": self.unit, "skipped": list(self.skipped), "sheets": [
            {"sheet": s.sheet, "heading_row": s.heading_row, "year": s.year,
             "columns": {heading: role.label() for heading, role in zip(s.headings, s.columns,
                                                                          strict=True)
                         if heading}}
            for s in self.sheets]}, ensure_ascii=False, indent=2)


def mapping_from_json(text: str, *, headings: dict[str, tuple[str, ...]] | None = None,
                      ) -> ImportMapping:
    """Read a mapping from JSON; headings (per sheet) fill in the order, else the JSON's order."""
    try:
        data = json.loads(text)
        sheets = []
        for entry in data["sheets"]:
            named = {str(key): ColumnRole.parse(str(value))
                     for key, value in dict(entry["columns"]).items()}
            order = (headings or {}).get(entry["sheet"], tuple(named))
            sheets.append(SheetMapping(
                sheet=str(entry["sheet"]), heading_row=int(entry.get("heading_row", 1)),
                headings=tuple(order), columns=tuple(named.get(h, ColumnRole("unknown"))
                                                     if h else IGNORE for h in order),
                year=None if entry.get("year") is None else int(entry["year"])))
        return ImportMapping(sheets=tuple(sheets), unit=data.get("unit"),
                             skipped=tuple(data.get("skipped", ())))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValidationError([problem(None, f"kortlægningen kan ikke læses ({error})",
                                       f"the mapping cannot be read ({error})", row=None)],
                              ) from error
