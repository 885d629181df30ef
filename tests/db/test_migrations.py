"""Migrations: applied programmatically, idempotent, and matching the models."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from db.engine import make_engine
from db.migrate import MIGRATIONS, migrate, schema_revision


def test_a_new_database_is_migrated_to_the_newest_revision_and_again_without_change(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'tavle.db'}")
    assert schema_revision(engine) is None
    migrate(engine)
    migrate(engine)
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert schema_revision(engine) == head


def test_the_migrations_build_exactly_the_tables_the_models_describe(engine):
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection),
                                       SQLModel.metadata)
    assert differences == []


def test_the_migrations_have_one_line_of_history():
    heads = ScriptDirectory(str(MIGRATIONS)).get_heads()
    assert len(heads) == 1
