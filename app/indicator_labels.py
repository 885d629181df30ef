"""An indicator's names and labels in the visitor's language, from the catalogue's fields."""

from __future__ import annotations

from indicators import IndicatorDefinition


def indicator_label(definition: IndicatorDefinition, field: str, language: str) -> str:
    """Return a label field ("name", "numerator", "denominator", "unit") in language.

    An organisation's own indicator may lack the English label; the Danish one stands in.
    """
    english = getattr(definition, f"{field}_en") if language == "en" else ""
    return english or getattr(definition, f"{field}_da")


def capitalised(words: str) -> str:
    """Return words with the first letter upper case ("nyt tryksår" -> "Nyt tryksår")."""
    return words[:1].upper() + words[1:]
