"""The schema comes only from migrations, and the models agree with it."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from app.core.database import include_in_autogenerate
from app.extensions import db
from tests.conftest import MIGRATIONS


def test_upgrade_on_empty_database_matches_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_in_autogenerate})
        diff = compare_metadata(context, db.metadata)
    assert diff == []


def test_postgresql_search_text_has_a_trigram_index(app):
    """The staff list's word search (LIKE '% word%') can use the index instead of reading every row."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL index")
    with db.engine.connect() as connection:
        connection.exec_driver_sql("SET enable_seqscan = off")
        plan = connection.execute(
            text("EXPLAIN SELECT id FROM procedure WHERE search_text LIKE :pattern"),
            {"pattern": "% khai sinh%"},
        ).scalars().all()
    assert any("ix_procedure_search_text_trgm" in line for line in plan), plan


def test_downgrade_to_base_and_upgrade_again(app):
    downgrade(directory=MIGRATIONS, revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade(directory=MIGRATIONS)
    assert {"procedure", "field", "revision"} <= set(inspect(db.engine).get_table_names())


def test_sqlite_connections_use_wal_and_foreign_keys(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
