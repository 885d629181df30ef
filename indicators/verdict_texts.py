"""Every verdict sentence in Danish and in English, in one place per language.

Templates take the rule's figure and limit and the words for the side, the
centre line and the direction; `render` fills them in with numbers formatted for
the language (Danish decimal comma).
"""

from __future__ import annotations

from functools import lru_cache

from babel.numbers import format_decimal

DANISH: dict[str, str] = {
    "long_run": "{figure} punkter i træk {side} {centre} (signal ved mere end {limit})",
    "shift": "{figure} punkter i træk {side} {centre} (skift ved {limit} eller flere)",
    "run_of_seven": "{figure} punkter i træk {side} {centre} (signal ved {limit} eller flere)",
    "crossings": "Kun {figure} kryds af {centre} (færre end {limit} kryds er usædvanligt)",
    "trend": "{figure} punkter i træk {rising} (signal ved {limit} eller flere)",
    "too_few_runs": "Kun {figure} serier omkring {centre} (signal ved {limit} eller færre)",
    "too_many_runs": "{figure} serier omkring {centre} (signal ved {limit} eller flere)",
    "two_of_three": "2 af 3 punkter tæt på {limit_side} kontrolgrænse på samme side af {centre}",
    "sigma": "{figure} {points} {side_limit} ({limit})",
    "censored": "Allerede {figure} dage siden sidste hændelse, over den øvre kontrolgrænse ({limit})",
    "open_interval": "Allerede {figure} dage siden sidste hændelse — længere end nogen tidligere pause og "
                     "længere end tilfældig variation giver (signal ved mere end {limit} dage)",
    "no_signal": "Ingen tegn på ikke-tilfældig variation",
    "no_signal_runs": "Ingen tegn på ikke-tilfældig variation (længste serie {longest}, signal ved mere end "
                      "{longest_max}; {crossings} kryds, færre end {crossings_min} er usædvanligt)",
    "too_few": "For få punkter til at vurdere: {figure} brugbare punkter, mindst {limit} er nødvendige",
    "too_few_points": "For få punkter til at vurdere: {figure} punkter, mindst {limit} er nødvendige",
    "lopsided_p": "Ingen tegn på ikke-tilfældig variation. Andelen ({share} %) ligger så tæt på {edge} % med "
                  "så få pr. periode, at fordelingen er skæv: vurderet med sandsynlighedsgrænser og serier målt "
                  "mod hver sides egen chance, ikke med kryds",
    "lopsided_run": "Mindst halvdelen af punkterne er {edge} %: medianen ligger på {edge} %, så serier og kryds "
                    "kan ikke vurderes. Et P-kort med sandsynlighedsgrænser kan",
    "facets": "{figure} af {limit} paneler viser tegn på ikke-tilfældig variation",
    "facets_none": "Ingen af de {limit} paneler viser tegn på ikke-tilfældig variation",
    "suffix_improvement": " — tegn på forbedring",
    "suffix_deterioration": " — tegn på forværring",
    "suffix_neutral": " — tegn på ikke-tilfældig variation",
    "above": "over",
    "below": "under",
    "rising": "stigende",
    "falling": "faldende",
    "median": "medianen",
    "mean": "middelværdien",
    "point": "punkt",
    "points": "punkter",
    "above_limit": "over den øvre kontrolgrænse",
    "below_limit": "under den nedre kontrolgrænse",
    "upper": "den øvre",
    "lower": "den nedre",
    "recommend_days_between": "Mere end halvdelen af perioderne har nul hændelser: vis hellere "
                              "G-kort (dage mellem hændelser).",
    "recommend_run": "Brug et seriediagram, indtil der er mindst {limit} punkter.",
    "recommend_chart": "Med {figure} punkter kan et {chart}-kort vise kontrolgrænser.",
}

ENGLISH: dict[str, str] = {
    "long_run": "{figure} points in a row {side} the {centre} (a signal beyond {limit})",
    "shift": "{figure} points in a row {side} the {centre} (a shift is {limit} or more)",
    "run_of_seven": "{figure} points in a row {side} the {centre} (a signal at {limit} or more)",
    "crossings": "Only {figure} crossings of the {centre} (fewer than {limit} crossings are unusual)",
    "trend": "{figure} points in a row {rising} (a signal at {limit} or more)",
    "too_few_runs": "Only {figure} runs around the {centre} (a signal at {limit} or fewer)",
    "too_many_runs": "{figure} runs around the {centre} (a signal at {limit} or more)",
    "two_of_three": "2 of 3 points close to the {limit_side} control limit on one side of the {centre}",
    "sigma": "{figure} {points} {side_limit} ({limit})",
    "censored": "Already {figure} days since the last event, above the upper control limit ({limit})",
    "open_interval": "Already {figure} days since the last event — longer than any earlier pause and longer "
                     "than random variation gives (a signal beyond {limit} days)",
    "no_signal": "No sign of non-random variation",
    "no_signal_runs": "No sign of non-random variation (longest run {longest}, a signal beyond {longest_max}; "
                      "{crossings} crossings, fewer than {crossings_min} are unusual)",
    "too_few": "Too few points to judge: {figure} useful points, at least {limit} are needed",
    "too_few_points": "Too few points to judge: {figure} points, at least {limit} are needed",
    "lopsided_p": "No sign of non-random variation. The share ({share} %) lies so near {edge} % with so few per "
                  "period that its distribution is skewed: judged by probability limits and by runs measured "
                  "against each side's own chance, not by crossings",
    "lopsided_run": "At least half of the points are {edge} %: the median lies at {edge} %, so runs and crossings "
                    "cannot be judged. A P chart with probability limits can",
    "facets": "{figure} of {limit} panels show signs of non-random variation",
    "facets_none": "None of the {limit} panels shows signs of non-random variation",
    "suffix_improvement": " — a sign of improvement",
    "suffix_deterioration": " — a sign of deterioration",
    "suffix_neutral": " — a sign of non-random variation",
    "above": "above",
    "below": "below",
    "rising": "going up",
    "falling": "going down",
    "median": "median",
    "mean": "mean",
    "point": "point",
    "points": "points",
    "above_limit": "above the upper control limit",
    "below_limit": "below the lower control limit",
    "upper": "upper",
    "lower": "lower",
    "recommend_days_between": "More than half of the periods have no events: chart the days between events "
                              "instead (G chart).",
    "recommend_run": "Use a run chart until there are at least {limit} points.",
    "recommend_chart": "With {figure} points a {chart} chart can show control limits.",
}

TEXTS = {"da": DANISH, "en": ENGLISH}
_LOCALES = {"da": "da_DK", "en": "en_GB"}


@lru_cache(maxsize=4096)
def number(value: float, language: str) -> str:
    """A number as the language writes it: 8, 1.234,5 in Danish; 8, 1,234.5 in English."""
    if float(value).is_integer():
        return format_decimal(int(value), locale=_LOCALES[language])
    return format_decimal(value, format="#,##0.##", locale=_LOCALES[language])


def word(key: str, language: str) -> str:
    """One word or phrase in the language."""
    return TEXTS[language][key]


def render(key: str, language: str, **values: object) -> str:
    """The sentence key in language, numbers formatted for it."""
    formatted = {name: number(value, language) if isinstance(value, (int, float)) and not isinstance(value, bool)
                 else value for name, value in values.items()}
    return TEXTS[language][key].format(**formatted)
