"""Single sign-on's claims mapped to a Tavle role by configuration, without any provider."""

import pytest

from app.access.claim_roles import role_from_claims, username_from_claims
from app.settings import load_settings

ROLES = {"Tavle.Registrant": "registrant", "Tavle.Teamleder": "teamleder",
         "Tavle.Leder": "leder", "Tavle.Admin": "admin"}


@pytest.mark.parametrize(("claim", "role"), [
    (["Tavle.Registrant"], "registrant"),
    (["Alle", "Tavle.Leder"], "leder"),
    (["Tavle.Registrant", "Tavle.Admin", "Tavle.Teamleder"], "admin"),  # the strongest
    ("Tavle.Teamleder", "teamleder"),  # one value as a string
    ("Alle Tavle.Leder", "leder"),  # space-separated, as some providers send scopes
    (["Alle"], None),
    ([], None),
    (None, None),
    (42, None),
])
def test_the_claim_maps_to_the_strongest_configured_role_or_to_none(claim, role):
    claims = {"email": "ida@kommune.dk"} if claim is None else {"roles": claim}
    assert role_from_claims(claims, role_claim="roles", claim_roles=ROLES) == role


def test_the_claim_to_read_is_configured():
    claims = {"roles": ["Tavle.Admin"], "groups": ["Tavle.Registrant"]}
    assert role_from_claims(claims, role_claim="groups", claim_roles=ROLES) == "registrant"


def test_a_mapping_to_an_unknown_role_is_refused_with_the_roles_there_are():
    with pytest.raises(ValueError, match="unknown roles \\['chef'\\]"):
        role_from_claims({"roles": ["x"]}, role_claim="roles", claim_roles={"x": "chef"})


@pytest.mark.parametrize(("claims", "username"), [
    ({"email": "Ida@Kommune.DK"}, "ida@kommune.dk"),
    ({"preferred_username": "bo@kommune.dk", "email": None}, "bo@kommune.dk"),
    ({"upn": "ole@kommune.dk"}, "ole@kommune.dk"),
    ({"sub": "1234", "name": "Ida"}, None),
])
def test_the_username_is_the_lower_case_e_mail_address(claims, username):
    assert username_from_claims(claims) == username


def test_settings_read_the_mapping_from_secrets_and_the_idle_minutes_from_the_environment(
        monkeypatch):
    monkeypatch.setenv("TAVLE_IDLE_MINUTES", "0,5")
    settings = load_settings({"auth": {"client_id": "x"},
                              "tavle_sso": {"role_claim": "groups", "roles": ROLES}})
    assert settings.single_sign_on and settings.role_claim == "groups"
    assert settings.claim_roles == ROLES and settings.idle_minutes == 0.5
    monkeypatch.delenv("TAVLE_IDLE_MINUTES")
    plain = load_settings({})
    assert not plain.single_sign_on and plain.idle_minutes == 10 and plain.claim_roles == {}
