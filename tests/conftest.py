"""Shared fixtures: a fresh migrated database per test, clients, and factories."""
import os
import shutil
from itertools import count
from pathlib import Path

import pytest
from flask_migrate import upgrade

os.environ.setdefault("SECRET_KEY", "test-secret-key")

from app import create_app  # noqa: E402
from app.catalog import importer  # noqa: E402
from app.catalog.commands import SEED_DIR  # noqa: E402
from app.catalog.models import Field, Procedure  # noqa: E402
from app.extensions import db  # noqa: E402
from app.kiosk import cache  # noqa: E402

MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


def _config(db_file: Path) -> dict:
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_file}",
        "PUBLIC_BASE_URL": "https://motcua.example.vn",
        "UPLOAD_DIR": str(db_file.parent / "uploads"),
    }


@pytest.fixture(scope="session")
def template_dbs(tmp_path_factory) -> dict[str, Path]:
    """Migrate once per session into an empty and a seeded file; each test gets a copy."""
    folder = tmp_path_factory.mktemp("template")
    empty, seeded = folder / "empty.db", folder / "seeded.db"
    app = create_app(_config(empty))
    with app.app_context():
        upgrade(directory=MIGRATIONS)
        db.engine.dispose()
    shutil.copy(empty, seeded)
    app = create_app(_config(seeded))
    with app.app_context():
        seed = SEED_DIR / "procedures.json"
        importer.apply_plan(importer.plan_import(importer.read_rows(seed.read_bytes(), seed.name)))
        db.session.commit()
        db.session.execute(db.text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.engine.dispose()
    return {"empty": empty, "seeded": seeded}


def _make_app(template: Path, tmp_path: Path):
    db_file = tmp_path / "test.db"
    shutil.copy(template, db_file)
    cache.clear()
    app = create_app(_config(db_file))
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(template_dbs, tmp_path):
    """An app on an empty, migrated database."""
    yield from _make_app(template_dbs["empty"], tmp_path)


@pytest.fixture
def seeded_app(template_dbs, tmp_path):
    """An app on a database holding the bundled catalogue of 289 real procedures."""
    yield from _make_app(template_dbs["seeded"], tmp_path)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def seeded_client(seeded_app):
    return seeded_app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_field():
    """Create a field; returns a callable taking overrides."""
    numbers = count(1)

    def make(**overrides) -> Field:
        n = next(numbers)
        values = {"name": f"Lĩnh vực {n}", "slug": f"linh-vuc-{n}", "position": n} | overrides
        field = Field(**values)
        db.session.add(field)
        db.session.commit()
        return field

    return make


@pytest.fixture
def make_procedure(make_field):
    """Create a procedure (and its field when none is given); returns a callable."""
    numbers = count(1)

    def make(**overrides) -> Procedure:
        n = next(numbers)
        values = {
            "code": f"9.{n:06d}",
            "name": f"Thủ tục thử nghiệm {n}",
            "url": f"https://dichvucong.gov.vn/thu-tuc-hanh-chinh/test-{n}",
            "online": True,
        } | overrides
        if values.get("field") is None:
            values["field"] = make_field()
        procedure = Procedure(**values)
        procedure.refresh_search_text()
        db.session.add(procedure)
        db.session.commit()
        return procedure

    return make
