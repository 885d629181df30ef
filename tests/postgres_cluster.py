"""A throwaway PostgreSQL cluster on loopback for the tests (Debian's postgresql package)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def postgres_bin() -> Path | None:
    """Return the newest Debian PostgreSQL bin directory, or None when none is installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda path: int(Path(path).parent.parent.name))
    return Path(found[-1]).parent if found else None


@contextmanager
def postgres_cluster(port: int, *, durable: bool = False) -> Iterator[str]:
    """Start a cluster on port in a temporary folder; yield its maintenance database's URL.

    Tests run with fsync off; durable keeps it on, as in production, where a commit's
    cost is part of what a benchmark measures.
    """
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL server binaries (/usr/lib/postgresql/*/bin); "
                           "`make test` installs Debian's postgresql package")
    # initdb refuses to run as root: run the server as the postgres system user then.
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="tavle-pg-"))
    if as_user:
        shutil.chown(folder, user="postgres")
    data = folder / "data"
    subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "tavle",
                    "--auth=trust", "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-l",
                    str(folder / "server.log"), "-w", "-o",
                    f"-p {port} -h 127.0.0.1 -k {folder}" + ("" if durable else " -F"), "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://tavle@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
