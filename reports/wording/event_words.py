"""The event a "days since the last …" counter counts, in the form the sentence needs.

Danish puts an adjective after "sidste" in its definite form: "dage siden sidste nye
tryksår", "sidste forebyggelige indlæggelse" (not "nyt tryksår"). The catalogue names
an event as the entry card asks for it ("nyt tryksår"), so the counter bends it here.
"""

from __future__ import annotations

# Danish adjectives whose definite form is not the word plus -e.
_DEFINITE = {"nyt": "nye", "ny": "nye", "nye": "nye"}
# Adjective endings that take -e in the definite form: alvorlig → alvorlige.
_ADJECTIVE_ENDINGS = ("lig", "ig", "sk", "bar")


def event_after_last(event: str, language: str = "da") -> str:
    """The event as it reads after "siden sidste" / "since the last", in lower case."""
    words = event.strip().split()
    if not words:
        return ""
    if language == "da" and len(words) > 1:
        first = words[0].lower()
        if first in _DEFINITE:
            words[0] = _DEFINITE[first]
        elif first.endswith(_ADJECTIVE_ENDINGS):
            words[0] = first + "e"
    return " ".join(word if word.isupper() else word[:1].lower() + word[1:] for word in words)
