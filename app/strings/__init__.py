"""Every user-facing string of the app, one catalogue per language."""


def merged(*parts: dict[str, str]) -> dict[str, str]:
    """Return one catalogue of a language's page catalogues; a key may stand in one page only."""
    catalogue: dict[str, str] = {}
    for part in parts:
        twice = catalogue.keys() & part.keys()
        if twice:
            raise ValueError(f"Strings defined on two pages: {', '.join(sorted(twice))}.")
        catalogue |= part
    return catalogue
