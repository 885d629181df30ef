"""Settings read once from the environment: the PostgreSQL pool size."""

from app.settings import DEFAULT_POOL_SIZE, load_settings


def test_the_pool_size_comes_from_the_environment_and_defaults_when_unset(monkeypatch):
    monkeypatch.setenv("TAVLE_DATABASE_POOL_SIZE", "24")
    assert load_settings({}).database_pool_size == 24
    monkeypatch.setenv("TAVLE_DATABASE_POOL_SIZE", "0")
    assert load_settings({}).database_pool_size == 1  # a server needs one connection
    monkeypatch.delenv("TAVLE_DATABASE_POOL_SIZE")
    assert load_settings({}).database_pool_size == DEFAULT_POOL_SIZE == 10


def test_the_years_of_history_shown_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("TAVLE_HISTORY_YEARS", "5")
    assert load_settings({}).history_years == 5
    monkeypatch.delenv("TAVLE_HISTORY_YEARS")
    assert load_settings({}).history_years == 2
