"""The README says how to run Tavle safely on a network: proxy, TLS, headers, listen address."""

import re
from pathlib import Path

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, f"README has no section '{title}'"
    return match.group(1)


def test_the_reverse_proxy_section_names_tls_the_listen_address_and_the_websocket():
    proxy = section("Behind a reverse proxy with TLS")
    assert "--server.address 127.0.0.1" in proxy and "listen 443 ssl" in proxy
    assert "/_stcore/stream" in proxy and "proxy_set_header Upgrade" in proxy


def test_the_reverse_proxy_section_sets_the_security_headers():
    proxy = section("Behind a reverse proxy with TLS")
    for header in ("Strict-Transport-Security", "Content-Security-Policy", "frame-ancestors 'none'",
                   "X-Content-Type-Options", "Referrer-Policy"):
        assert header in proxy


def test_the_command_table_lists_unlock_and_redact():
    commands = section("Storage from the command line")
    assert "`unlock NAME`" in commands and "`redact`" in commands
