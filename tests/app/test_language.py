"""Diagrammer and Administration speak English when asked, and every string has both languages."""

import ast
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app.admin.import_preview import SUMMARY_ORDER
from app.admin.indicator_editor import NO_GOAL
from app.admin.units import KINDS as UNIT_KINDS
from app.analysis.baseline_editor import KINDS as BASELINE_KINDS
from app.strings import da, en, merged
from indicators import (
    CHARTS_FOR_MEASURE,
    GOAL_KINDS,
    IMPROVEMENTS,
    INDICATOR_KINDS,
    MEASURES,
    PERIODS,
    RULE_SETS,
)
from tests.app.app_pages import signed_in
from tests.conftest import DEMO_TODAY

APP = Path(__file__).resolve().parents[2] / "app"
MAIN = str(APP / "main.py")
# The modules of the analysis and administration pages, and the helpers some of them look
# strings up with: say("runs") is text("help.runs").
PREFIXES = {"analysis/chart_help.py": {"say": "help."}, "analysis/phase_table.py": {"heading": "phases."},
            "analysis/downloads.py": {"heading": "download.column."}}
# Every module of the app that may look up a string; the catalogues themselves excepted.
MODULES = sorted(str(path.relative_to(APP)) for path in APP.rglob("*.py")
                 if "strings" not in path.relative_to(APP).parts)


@pytest.fixture
def demo(monkeypatch, demo_database_url):
    monkeypatch.setenv("TAVLE_DATABASE_URL", demo_database_url)
    monkeypatch.setenv("TAVLE_TODAY", DEMO_TODAY.isoformat())


def labels(app: AppTest) -> set[str]:
    """Return the labels of the page's widgets and the texts of its headings and tabs."""
    widgets = [*app.selectbox, *app.multiselect, *app.text_input, *app.date_input, *app.button,
               *app.segmented_control, *app.radio]
    return ({w.label for w in widgets} | {h.value for h in [*app.title, *app.subheader]}
            | {t.label for t in app.tabs} | {e.label for e in app.expander})


def test_the_sidebar_switch_turns_the_analysis_page_english(demo):
    app = signed_in(AppTest.from_file(MAIN, default_timeout=30))
    app.query_params.update({"enhed": "solbakken", "indikator": "tryksaar_bundt"})
    app.run()
    app.switch_page(str(APP / "views" / "analysis.py")).run()
    assert "Regelsæt" in labels(app)
    app.selectbox(key="language_picker").set_value("en").run()
    assert app.query_params["lang"] == "en"
    shown = labels(app)
    assert {"Units", "Indicator", "Chart type", "Rule set", "How to read the chart",
            "Baseline and phases", "Changes (PDSA)", "Reason (required)"} <= shown
    assert "Regelsæt" not in shown
    assert "Longest run (limit)" in app.table[0].value.columns
    assert app.subheader[0].value == "Share at risk who got every element of HUSK"


def test_the_administration_page_is_english_from_the_url(demo):
    app = signed_in(AppTest.from_file(str(APP / "views" / "admin.py"), default_timeout=30))
    app.query_params["lang"] = "en"
    app.run()
    assert not app.exception
    shown = labels(app)
    assert {"Units", "Units' indicators", "Indicators and goals", "Import", "Export and backup",
            "Create", "Rename", "Move", "Delete the unit"} <= shown
    assert not shown & {"Opret", "Omdøb", "Flyt", "Slet enheden"}


def test_both_catalogues_hold_the_same_keys():
    assert set(da.STRINGS) == set(en.STRINGS)


@pytest.mark.parametrize("key", sorted(da.STRINGS))
def test_both_languages_fill_in_the_same_figures(key):
    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    assert fields(da.STRINGS[key]) == fields(en.STRINGS[key])


def literal_keys(path: Path, prefixes: dict[str, str]) -> set[str]:
    """Return the keys passed as plain strings to text(...), translate(...) or a prefixing helper."""
    helpers = {"text": "", "translate": "", **prefixes}
    keys = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in helpers and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            keys.add(helpers[node.func.id] + node.args[0].value)
    return keys


@pytest.mark.parametrize("module", MODULES)
def test_every_string_the_pages_use_is_in_both_catalogues(module):
    keys = literal_keys(APP / module, PREFIXES.get(module, {}))
    assert keys - set(da.STRINGS) == set()
    assert keys - set(en.STRINGS) == set()


def test_the_pages_look_their_strings_up_by_literal_keys():
    assert len(literal_keys(APP / "views" / "analysis.py", {})) > 5


def test_every_choice_the_pages_offer_has_a_name_in_both_languages():
    families = {"chart.type": {c for charts in CHARTS_FOR_MEASURE.values() for c in charts},
                "rules": RULE_SETS, "help.rules": RULE_SETS, "measure": MEASURES,
                "period": PERIODS, "indicator.kind": INDICATOR_KINDS,
                "improvement": IMPROVEMENTS, "goal": GOAL_KINDS,
                "goal.kind": (NO_GOAL, *GOAL_KINDS), "unit.kind": UNIT_KINDS,
                "admin.import.summary": SUMMARY_ORDER, "baseline.kind": BASELINE_KINDS,
                "baseline.row": BASELINE_KINDS, "baseline.saved": BASELINE_KINDS}
    keys = {f"{family}.{choice}" for family, choices in families.items() for choice in choices}
    assert keys - set(da.STRINGS) == set()
    assert keys - set(en.STRINGS) == set()


@pytest.mark.parametrize("page", sorted(p.stem for p in (APP / "strings" / "da").glob("*.py")
                                        if p.stem != "__init__"))
def test_each_page_has_its_strings_in_both_languages_in_the_same_module(page):
    import importlib

    danish = importlib.import_module(f"app.strings.da.{page}").STRINGS
    english = importlib.import_module(f"app.strings.en.{page}").STRINGS
    assert danish.keys() == english.keys()


def test_a_key_on_two_pages_is_refused_with_its_name():
    with pytest.raises(ValueError, match="nav.home"):
        merged({"nav.home": "Forside"}, {"nav.home": "Hjem", "nav.board": "Tavle"})

