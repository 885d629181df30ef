"""The deploy/ recipe, run: PostgreSQL, two app servers and nginx on loopback, one server stopped.

The servers run the systemd unit's own command line (deploy/tavle@.service's ExecStart)
with its environment file's settings (deploy/tavle.env), so the recipe is what is tested.

A registrant signs in and registers through the proxy in Chromium; the server that
served them is stopped; a reload lands on the other server, still signed in, with the
registration there. After signing out there, a copy of the old cookie opens nothing.
Unprivileged ports, a temporary nginx prefix; no root needed (as root, PostgreSQL runs
as the postgres user and nginx's workers as nobody). It takes about 25 s on a quiet
machine: CI's budget is near full, so it stays one test. Screenshots: test-artefacts/n-servers-registered.png, n-servers-after-failover.png.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

import pytest

from db import (
    add_membership,
    create_unit,
    create_user,
    find_indicator,
    find_unit,
    list_events,
    make_engine,
    migrate,
    read_session,
    set_unit_indicators,
    write_session,
)
from tests.browser import (
    REPOSITORY_ROOT,
    artefact,
    chromium_browser,
    free_port,
    wait_until_answers,
)
from tests.postgres_cluster import postgres_bin, postgres_cluster

pytestmark = [pytest.mark.browser, pytest.mark.postgres]

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DEPLOY = REPOSITORY_ROOT / "deploy" / "nginx"
TODAY = date(2026, 11, 22)
WAIT_MS = 30_000
PASSWORD = "sikre-hænder-2026"


def prepare_database(url: str) -> None:
    """A municipality with one unit on the pressure-ulcer board and one registrant in it."""
    engine = make_engine(url)
    migrate(engine)
    with write_session(engine) as session:
        top = create_unit("Aarby Kommune", kind="municipality", parent_id=None, session=session,
                          actor="system")
        unit = create_unit("Plejecenter Solbakken", kind="unit", parent_id=top, code="solbakken",
                           session=session, actor="system")
        set_unit_indicators(unit, [find_indicator("tryksaar_dage_mellem", session=session).id],
                            session=session, actor="system", today=TODAY)
        anna = create_user("anna", role="registrant", password=PASSWORD, display_name="Anna",
                           session=session, actor="system")
        add_membership(anna, unit, session=session, actor="system")
    engine.dispose()


def pressure_ulcers(url: str) -> list[date]:
    """Return the days of Solbakken's registered pressure ulcers, as the database holds them."""
    engine = make_engine(url)
    with read_session(engine) as session:
        events = list_events(find_unit("solbakken", session=session), session=session,
                             actor="anna")
    engine.dispose()
    return [day if isinstance(day, date) else day.date() for day in events["date"]]


def unit_command(port: int) -> list[str]:
    """Return the recipe's ExecStart (deploy/tavle@.service) for port, with this checkout's Python."""
    unit = (REPOSITORY_ROOT / "deploy" / "tavle@.service").read_text(encoding="utf-8")
    settings = dict(line.split("=", 1) for line in unit.replace("\\\n", " ").splitlines()
                    if "=" in line and not line.startswith("#"))
    words = shlex.split(settings["ExecStart"])
    # The recipe installs into /opt/tavle; the test runs this checkout with its own interpreter.
    assert settings["WorkingDirectory"] == "/opt/tavle"
    assert words[0] == "/opt/tavle/.venv/bin/python"
    return [sys.executable, *(word.replace("%i", str(port)) for word in words[1:])]


def recipe_environment(**values: str) -> dict[str, str]:
    """Return deploy/tavle.env's settings with values in place of the recipe's; values must name only its settings."""
    text = (REPOSITORY_ROOT / "deploy" / "tavle.env").read_text(encoding="utf-8")
    settings = dict(line.split("=", 1) for line in text.splitlines()
                    if line.strip() and not line.startswith("#"))
    assert set(values) <= set(settings), set(values) - set(settings)
    return {**settings, **values}


@contextmanager
def app_servers(env: dict[str, str], count: int) -> Iterator[dict[str, subprocess.Popen]]:
    """Start count app servers as deploy/tavle@.service does; yield them by address before they answer.

    A server opens the database at its first page, so the database may be made meanwhile.
    """
    servers = {}
    try:
        for _ in range(count):
            port = free_port()
            servers[f"127.0.0.1:{port}"] = subprocess.Popen(
                unit_command(port), cwd=REPOSITORY_ROOT, env={**os.environ, **env},
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        yield servers
    finally:
        for process in servers.values():
            process.terminate()
        for process in servers.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@contextmanager
def nginx(upstreams: list[str]) -> Iterator[tuple[str, Path]]:
    """Run nginx with deploy/'s configuration in a temporary prefix; yield its URL and access log."""
    prefix = Path(tempfile.mkdtemp(prefix="tavle-nginx-"))
    prefix.chmod(0o755)  # run as root, nginx's workers drop to nobody and use the temp folders
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / name).mkdir(mode=0o777)
        (prefix / name).chmod(0o777)
    # The recipe's upstream with this test's servers in place of the example ones.
    upstream = (DEPLOY / "tavle-upstream.conf").read_text(encoding="utf-8")
    examples = re.findall(r"server 127\.0\.0\.1:\d+", upstream)
    assert len(examples) == len(upstreams)
    for example, address in zip(examples, upstreams, strict=True):
        upstream = upstream.replace(example, f"server {address}", 1)
    (prefix / "tavle-upstream.conf").write_text(upstream, encoding="utf-8")
    port = free_port()
    (prefix / "nginx.conf").write_text(f"""
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/tavle-upstream.conf;
    server {{
        listen 127.0.0.1:{port};
        access_log {prefix}/access.log tavle;
        include {DEPLOY / "tavle-locations.conf"};
    }}
}}
""", encoding="utf-8")
    command = [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e",
               str(prefix / "error.log"), "-g", "daemon off;"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/_stcore/health", process, timeout_s=40)
        yield f"http://127.0.0.1:{port}", prefix / "access.log"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(prefix, ignore_errors=True)


def served_by(access_log: Path, path: str) -> str:
    """Return the app server that answered the last request for path, from nginx's log."""
    lines = [line for line in access_log.read_text(encoding="utf-8").splitlines()
             if f'"GET {path} ' in line]
    # "upstream=A, B 0.012" when A refused and B answered: the last one answered.
    tried = re.search(r"upstream=(.+) [\d.]+$", lines[-1]).group(1)
    return tried.split(",")[-1].strip()


def wait_until_idle(page) -> None:
    """Wait for the script run to end: Streamlit fades stale elements while it runs."""
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 && !document.querySelector('[data-stale="true"]')""", timeout=WAIT_MS)


@pytest.fixture(scope="module")
def region(tmp_path_factory) -> Iterator[tuple[str, str, Path, dict[str, subprocess.Popen]]]:
    """PostgreSQL, two app servers on it and nginx in front: (proxy URL, database URL, log, servers)."""
    if postgres_bin() is None or not Path(NGINX).exists():
        pytest.skip("needs Debian's postgresql and nginx packages (`make test` installs them)")
    port = free_port()
    database_url = f"postgresql+psycopg://tavle@127.0.0.1:{port}/postgres"
    # The recipe's environment file, with this test's database, key and secret.
    env = {**recipe_environment(
        TAVLE_DATABASE_URL=database_url,
        TAVLE_SESSION_KEY_FILE=str(tmp_path_factory.mktemp("key") / "session.key"),
        STREAMLIT_SERVER_COOKIE_SECRET="the same on every server"),
        "TAVLE_TODAY": TODAY.isoformat()}
    with ExitStack() as stack:
        # The servers start while PostgreSQL does: together they take half the time.
        servers = stack.enter_context(app_servers(env, 2))
        stack.enter_context(postgres_cluster(port))
        prepare_database(database_url)
        for address, process in servers.items():
            wait_until_answers(f"http://{address}/_stcore/health", process, timeout_s=40)
        proxy, access_log = stack.enter_context(nginx(list(servers)))
        yield proxy, database_url, access_log, servers


def test_a_stopped_server_leaves_the_user_signed_in_on_the_other_with_the_data(region):
    proxy, database_url, access_log, servers = region
    with chromium_browser() as browser:
        tablet = browser.new_context(viewport={"width": 1024, "height": 900}).new_page()
        tablet.goto(f"{proxy}/registrer?enhed=solbakken")
        tablet.get_by_label("Brugernavn").fill("anna")
        tablet.get_by_label("Adgangskode", exact=True).fill(PASSWORD)
        tablet.get_by_role("button", name="Log ind").last.click()
        tablet.get_by_role("button", name="Nyt tryksår", exact=True).click(timeout=WAIT_MS)
        tablet.get_by_text("Registrér nyt tryksår den 22-11-2026?").wait_for(timeout=WAIT_MS)
        tablet.get_by_role("button", name="Ja, registrér").click()
        tablet.get_by_text("Gemt: Nyt tryksår den 22-11-2026.").wait_for(timeout=WAIT_MS)
        tablet.screenshot(path=artefact("n-servers-registered.png"))
        assert pressure_ulcers(database_url) == [TODAY]

        first = served_by(access_log, "/registrer?enhed=solbakken")
        servers[first].terminate()
        servers[first].wait(timeout=10)
        tablet.reload()
        tablet.get_by_text("Log ud").wait_for(timeout=WAIT_MS)
        tablet.get_by_role("button", name="Nyt tryksår", exact=True).wait_for(timeout=WAIT_MS)
        wait_until_idle(tablet)
        tablet.screenshot(path=artefact("n-servers-after-failover.png"))
        second = served_by(access_log, "/registrer?enhed=solbakken")
        assert second != first and second in servers
        assert tablet.get_by_text("Logget ind som Anna").count() == 1
        assert tablet.get_by_text("Seneste: 22-11-2026").count() == 1  # the ulcer, read there

        stolen = [c for c in tablet.context.cookies() if c["name"] == "tavle_session"]
        assert stolen and stolen[0]["httpOnly"] and stolen[0]["sameSite"] == "Strict"
        tablet.get_by_role("button", name="Log ud").click()
        tablet.get_by_label("Brugernavn").wait_for(timeout=WAIT_MS)
        tablet.wait_for_timeout(1000)  # the page's request that clears the cookie
        assert [c for c in tablet.context.cookies() if c["name"] == "tavle_session"] == []
        thief = browser.new_context()
        thief.add_cookies(stolen)
        page = thief.new_page()
        page.goto(f"{proxy}/")
        page.get_by_label("Brugernavn").wait_for(timeout=WAIT_MS)  # signed-out: nothing kept
        assert page.get_by_text("Log ud").count() == 0
