"""Map an identity provider's claims to a Tavle role, by configuration (single sign-on).

    [tavle_sso]                      # .streamlit/secrets.toml, beside Streamlit's [auth]
    role_claim = "roles"             # the claim that holds the user's groups or app roles
    [tavle_sso.roles]
    "Tavle.Admin" = "admin"
    "Tavle.Registrant" = "registrant"

A person in several mapped groups gets the strongest of their roles; a person
in none gets no access. Pure: no Streamlit, so it is tested without a provider.
"""

from __future__ import annotations

from collections.abc import Mapping

from db import ROLES


def role_from_claims(claims: Mapping[str, object], *, role_claim: str,
                     claim_roles: Mapping[str, str]) -> str | None:
    """Return the role the claims map to (the strongest of several), or None for none."""
    unknown = sorted(set(claim_roles.values()) - set(ROLES))
    if unknown:
        raise ValueError(f"[tavle_sso.roles] names unknown roles {unknown}; expected {ROLES}")
    values = claims.get(role_claim)
    if isinstance(values, str):
        values = values.split() if " " in values else [values]  # some providers send "a b c"
    if not isinstance(values, list | tuple):
        return None
    mapped = {claim_roles[value] for value in values
              if isinstance(value, str) and value in claim_roles}
    # ROLES runs from the narrowest to the broadest right.
    return max(mapped, key=ROLES.index) if mapped else None


def username_from_claims(claims: Mapping[str, object]) -> str | None:
    """Return the username for a provider's user: the e-mail address, lower case."""
    for claim in ("email", "preferred_username", "upn"):
        value = claims.get(claim)
        if isinstance(value, str) and "@" in value:
            return value.strip().lower()
    return None
