"""A throwaway PostgreSQL server on loopback for the benchmarks, committing durably as in production."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager

from tests.postgres_cluster import postgres_bin, postgres_cluster


@contextmanager
def postgres_server() -> Iterator[str | None]:
    """Start a cluster on a free port; yield a database URL, or None without PostgreSQL."""
    if postgres_bin() is None:
        yield None
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with postgres_cluster(port, durable=True) as url:
        yield url
