"""The storage's public surface: everything in __all__ exists, and nothing made at import."""

import ast
from pathlib import Path

import db

DB = Path(db.__file__).parent


def test_every_exported_name_exists_and_is_listed_once():
    assert len(db.__all__) == len(set(db.__all__))
    assert [name for name in db.__all__ if not hasattr(db, name)] == []


def test_no_module_creates_an_engine_or_reads_settings_when_imported():
    offenders = []
    for path in DB.rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            calls = [n for n in ast.walk(node) if isinstance(n, ast.Call)]
            if isinstance(node, ast.Assign | ast.Expr) and any(
                    getattr(c.func, "id", getattr(c.func, "attr", "")) in
                    {"make_engine", "create_engine", "getenv"} for c in calls):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
