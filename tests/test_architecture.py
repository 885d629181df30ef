"""The direction of dependencies between Tavle's packages stays as designed."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# package -> top-level modules it must never import
FORBIDDEN = {
    "indicators": {"app", "db", "reports", "streamlit", "sqlmodel", "sqlalchemy", "reportlab", "altair"},
    "db": {"app", "reports", "streamlit", "reportlab", "altair"},
    "reports": {"app", "streamlit", "altair"},
}


def imported_top_level_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_nothing_it_must_not(package):
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_top_level_modules(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_no_module_under_app_shadows_a_top_level_package():
    shadowing = {"db.py", "indicators.py", "reports.py"}
    assert not [p for p in (ROOT / "app").rglob("*.py") if p.name in shadowing]
    assert not (ROOT / "app" / "pages").exists()


def test_only_app_settings_and_command_lines_read_the_environment():
    # The command lines (`python -m db`, `python -m reports`) are shells like app/ and
    # may read TAVLE_DATABASE_URL; the library code below them takes it as an argument.
    readers = [
        str(path.relative_to(ROOT))
        for package in ("app", "indicators", "db", "reports")
        for path in (ROOT / package).rglob("*.py")
        if "os.environ" in path.read_text(encoding="utf-8") or "st.secrets" in path.read_text(encoding="utf-8")
    ]
    assert [r for r in readers if not r.endswith("__main__.py")] == ["app/settings.py"]
