"""Exposure units: what a rate's denominator counts in a setting (sengedage, beboerdøgn …).

A hospital counts bed-days; a care home counts *beboerdøgn* (resident days) and home
care has no beds at all, so its rate is per citizen served. The catalogue ships its
bed-day rates as "pr. 1000 sengedage"; a unit's chosen exposure rewords them (name,
unit and what the entry card asks for) without touching the figures: the entered
exposure is simply that unit's count of resident days or citizens served.
Other exposures (kateterdage) are left as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from indicators.catalogue import IndicatorDefinition


@dataclass(frozen=True)
class Exposure:
    """One exposure unit: its stable code and its word in Danish and English (plural)."""

    code: str
    word_da: str
    word_en: str


BED_DAYS = Exposure("sengedage", "sengedage", "bed-days")
RESIDENT_DAYS = Exposure("beboerdoegn", "beboerdøgn", "resident days")
CITIZENS_SERVED = Exposure("borgere", "visiterede borgere", "citizens served")
# The catalogue's rates are worded in BED_DAYS: a unit that has chosen nothing keeps them.
EXPOSURES: dict[str, Exposure] = {exposure.code: exposure
                                  for exposure in (BED_DAYS, RESIDENT_DAYS, CITIZENS_SERVED)}
DEFAULT_EXPOSURE = BED_DAYS.code


def is_bed_day_rate(definition: IndicatorDefinition) -> bool:
    """Return whether definition is a rate whose exposure is bed-days (the word an exposure replaces)."""
    return (definition.measure == "rate"
            and definition.denominator_da.strip().casefold() == BED_DAYS.word_da)


def with_exposure(definition: IndicatorDefinition, exposure: str) -> IndicatorDefinition:
    """Return definition worded in the exposure (a code of EXPOSURES); other rates unchanged.

    Raises KeyError naming an unknown exposure code.
    """
    chosen = EXPOSURES[exposure]
    if chosen == BED_DAYS or not is_bed_day_rate(definition):
        return definition

    def danish(words: str) -> str:
        return words.replace(BED_DAYS.word_da, chosen.word_da)

    def english(words: str) -> str:
        return words.replace(BED_DAYS.word_en, chosen.word_en)

    return replace(
        definition, name_da=danish(definition.name_da), name_en=english(definition.name_en),
        unit_da=danish(definition.unit_da), unit_en=english(definition.unit_en),
        denominator_da=chosen.word_da, denominator_en=chosen.word_en)


def names_in_every_exposure(definition: IndicatorDefinition) -> tuple[str, ...]:
    """Return the Danish and English names definition has in any exposure (for reading files)."""
    worded = [with_exposure(definition, code) for code in EXPOSURES]
    return tuple(dict.fromkeys(name for each in worded for name in (each.name_da, each.name_en)))
