"""The public surface of `indicators` is exactly what `__all__` lists."""

from __future__ import annotations

import inspect

import indicators


def test_all_lists_only_names_that_exist():
    assert [name for name in indicators.__all__ if not hasattr(indicators, name)] == []


def test_every_public_name_of_the_package_is_in_all():
    public = {
        name for name, value in vars(indicators).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == set(indicators.__all__)


def test_all_is_sorted_and_without_duplicates():
    assert indicators.__all__ == sorted(set(indicators.__all__), key=lambda name: (not name.isupper(), not name[0].isupper(), name))
