"""The direction of dependencies between Tavle's packages stays as designed.

Each of indicators, db and reports is used from outside only through its public
surface, the package itself (`from indicators import analyze`, `from reports import
chart_geometry`), and only for names it lists in `__all__`. Inside a package, and in
the tests that mirror it (tests/db/ for db), its modules may import each other
directly; the layers of reports each keep an `__all__`, and reports offers their union.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# package -> top-level modules it must never import
FORBIDDEN = {
    "indicators": {"app", "db", "reports", "streamlit", "sqlmodel", "sqlalchemy", "reportlab", "altair"},
    "db": {"app", "reports", "streamlit", "reportlab", "altair"},
    "reports": {"app", "streamlit", "altair"},
}
GUARDED = ("indicators", "db", "reports")
# Within reports, a layer imports only the layers before it (see reports/__init__.py).
REPORT_LAYERS = ("wording", "content", "drawing", "pdf")
CHECKED_FOLDERS = ("app", "indicators", "db", "reports", "bench", "tests")


def imported_top_level_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def home_package(relative: Path) -> str:
    """Return the package a file belongs to; tests/db/test_x.py belongs to db."""
    if relative.parts[0] == "tests" and len(relative.parts) > 2:
        return relative.parts[1]
    return relative.parts[0]


def exported(surface: str) -> set[str]:
    return set(getattr(importlib.import_module(surface), "__all__", ()))


def surface_violations(source: str, home: str) -> list[str]:
    """Return each import in source that reaches past another package's public surface."""
    problems = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imports = [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imports = [(node.module, [alias.name for alias in node.names])]
        else:
            continue
        for module, names in imports:
            package = module.split(".")[0]
            if package not in GUARDED or package == home or module.endswith(".__main__"):
                continue
            surface = package
            if module != package:
                problems.append(f"line {node.lineno}: {module} is not a public surface; use {surface}")
                continue
            missing = sorted(set(names or ()) - exported(surface))
            if missing:
                problems.append(f"line {node.lineno}: {surface} does not export {', '.join(missing)}")
    return problems


def python_files(folders=CHECKED_FOLDERS):
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_nothing_it_must_not(package):
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_top_level_modules(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_every_package_is_used_only_through_its_public_surface():
    offenders = {}
    for path in python_files():
        relative = path.relative_to(ROOT)
        problems = surface_violations(path.read_text(encoding="utf-8"), home_package(relative))
        if problems:
            offenders[str(relative)] = problems
    assert offenders == {}


@pytest.mark.parametrize("line", [
    "from indicators.catalogue import IndicatorDefinition",
    "from db.engine import make_engine",
    "from reports.wording.formats import format_date",
    "from reports.drawing import palette",
    "import reports.pdf.monthly",
    "from reports import a_name_nobody_exports",
])
def test_an_import_past_a_public_surface_is_caught(line):
    assert len(surface_violations(line, home="app")) == 1


def test_a_package_may_import_its_own_modules_and_others_surfaces():
    source = "from db.engine import make_engine\nfrom indicators import analyze\nfrom reports import unit_board\n"
    assert surface_violations(source, home="db") == []


@pytest.mark.parametrize("surface", ["indicators", "db", "reports", *(f"reports.{layer}" for layer in REPORT_LAYERS)])
def test_every_name_a_surface_exports_exists(surface):
    module = importlib.import_module(surface)
    assert [name for name in module.__all__ if not hasattr(module, name)] == []


def test_reports_offers_exactly_the_names_of_its_layers():
    import reports

    layers = [name for layer in REPORT_LAYERS for name in importlib.import_module(f"reports.{layer}").__all__]
    assert sorted(reports.__all__) == sorted(layers)
    assert len(layers) == len(set(layers))


def test_report_layers_import_only_the_layers_before_them():
    offenders = []
    for index, layer in enumerate(REPORT_LAYERS):
        later = {f"reports.{name}" for name in REPORT_LAYERS[index + 1:]}
        for path in (ROOT / "reports" / layer).rglob("*.py"):
            for module in imported_modules(path):
                if any(module == name or module.startswith(name + ".") for name in later):
                    offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def test_no_module_under_app_shadows_a_top_level_package():
    shadowing = {"db.py", "indicators.py", "reports.py"}
    assert not [p for p in (ROOT / "app").rglob("*.py") if p.name in shadowing]
    assert not [p for p in (ROOT / "app").rglob("*") if p.is_dir() and p.name in GUARDED]
    assert not (ROOT / "app" / "pages").exists()


def test_app_keeps_about_a_dozen_modules_at_its_top_level():
    assert len(list((ROOT / "app").glob("*.py"))) <= 13


ENVIRONMENT_READS = ("os.environ", "getenv(", "st.secrets")


def reads_environment(source: str) -> bool:
    """Return whether source reads an environment variable or Streamlit's secrets."""
    return any(read in source for read in ENVIRONMENT_READS)


def test_only_app_settings_and_command_lines_read_the_environment():
    # The command lines (`python -m db`, `python -m reports`) are shells like app/ and
    # may read TAVLE_DATABASE_URL; the library code below them takes it as an argument.
    readers = [
        str(path.relative_to(ROOT))
        for path in python_files(("app", "indicators", "db", "reports"))
        if reads_environment(path.read_text(encoding="utf-8"))
    ]
    assert [r for r in readers if not r.endswith("__main__.py")] == ["app/settings.py"]


@pytest.mark.parametrize("source", ["os.getenv('TAVLE_TODAY')", "from os import getenv\nx = getenv('X')",
                                    "os.environ['X']", "os.environ.get('X')", "st.secrets['auth']"])
def test_an_environment_read_is_noticed_in_every_spelling(source):
    assert reads_environment(source)


def test_code_that_reads_no_environment_is_not_flagged():
    assert not reads_environment("settings = load_settings(app_secrets())\nmonkeypatch.setenv('X', '1')")
