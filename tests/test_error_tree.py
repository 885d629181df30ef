"""Every error Tavle raises is a TavleError, with its message in Danish and English.

The tree is drawn in indicators/errors.py; these tests keep the code and the drawing
honest: a new exception class anywhere in indicators, db or reports must join the
tree, and the drawing must name it.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

from indicators import TavleError

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("indicators", "db", "reports")
TREE = ast.get_docstring(ast.parse((ROOT / "indicators" / "errors.py").read_text(encoding="utf-8")))


def modules_of(package: str) -> list[str]:
    """Return the names of the package's modules that can be imported (not scripts or migrations)."""
    found = [package]
    root = importlib.import_module(package)
    for module in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        if "migrations" in module.name or module.name.endswith("__main__"):
            continue
        found.append(module.name)
    return found


def exception_classes() -> list[type[BaseException]]:
    """Return every exception class defined in indicators, db and reports."""
    classes = {}
    for package in PACKAGES:
        for name in modules_of(package):
            module = importlib.import_module(name)
            for _, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, BaseException) and value.__module__.split(".")[0] in PACKAGES:
                    classes[f"{value.__module__}.{value.__qualname__}"] = value
    return [classes[name] for name in sorted(classes)]


EXCEPTIONS = exception_classes()


def test_the_walk_finds_the_three_branches():
    names = {error.__name__ for error in EXCEPTIONS}
    assert {"IndicatorError", "StorageError", "ReportError", "ValidationError",
            "LockedOutError"} <= names


@pytest.mark.parametrize("error", EXCEPTIONS, ids=lambda error: error.__name__)
def test_every_exception_class_is_a_tavle_error(error):
    assert issubclass(error, TavleError)


@pytest.mark.parametrize("error", EXCEPTIONS, ids=lambda error: error.__name__)
def test_the_tree_in_the_errors_docstring_names_every_exception_class(error):
    assert f" {error.__name__} " in TREE


def test_an_error_says_its_danish_message_by_default_and_either_language_on_request():
    error = TavleError("Måneden er ikke begyndt.", "The month has not begun.")
    assert str(error) == error.text("da") == "Måneden er ikke begyndt."
    assert error.text("en") == "The month has not begun."
