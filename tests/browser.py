"""Start the real Streamlit server and a headless Chromium for browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
ARTEFACTS = REPOSITORY_ROOT / "test-artefacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    """Return a TCP port on loopback that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answers(url: str, process: subprocess.Popen, *, timeout_s: float) -> None:
    """Wait until url answers 200, or fail with what the process behind it printed when it stopped."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            printed = process.stdout or process.stderr
            output = printed.read().decode(errors="replace") if printed else ""
            raise RuntimeError(f"{url} did not answer (exit {process.poll()}):\n{output}")
        time.sleep(0.2)


@contextmanager
def streamlit_server(env: dict[str, str] | None = None, timeout_s: float = 60, *,
                     script: str = "app/server/web_server.py") -> Iterator[str]:
    """Run `streamlit run SCRIPT` on a free loopback port and yield its URL.

    The default serves the app as `make run` does, with the session cookie's routes, so a
    sign-in outlives a reload; script="app/main.py" serves the bare pages.
    """
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]
    # The cookie's signing key in a folder of the test's own, not the repository's data/.
    key_file = Path(tempfile.mkdtemp(prefix="tavle-key-")) / "session.key"
    process = subprocess.Popen(
        command, cwd=REPOSITORY_ROOT,
        env={**os.environ, "TAVLE_SESSION_KEY_FILE": str(key_file), **(env or {})},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(f"{url}/_stcore/health", process, timeout_s=timeout_s)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(key_file.parent, ignore_errors=True)


@contextmanager
def chromium_browser() -> Iterator[object]:
    """Yield Debian's headless Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def chromium_page(width: int = 1280, height: int = 900) -> Iterator[object]:
    """Yield a Playwright page in Debian's headless Chromium."""
    with chromium_browser() as browser:
        yield browser.new_page(viewport={"width": width, "height": height})


def artefact(name: str) -> Path:
    """Return a path under the git-ignored test-artefacts folder."""
    ARTEFACTS.mkdir(exist_ok=True)
    return ARTEFACTS / name


def sign_in_as_demo(page, username: str = "demo-admin", timeout_ms: float = 60_000) -> None:
    """Sign in on the sign-in page (which any address shows first) as a demo user, in one tap."""
    button = page.locator(f".st-key-demo-{username} button")
    button.wait_for(timeout=timeout_ms)
    button.click()
    button.wait_for(state="detached", timeout=timeout_ms)
