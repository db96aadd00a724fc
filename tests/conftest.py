"""Shared fixtures: a fresh migrated database per test, clients, and factories."""
import os
import secrets
import shutil
from itertools import count
from pathlib import Path

import pytest
from flask import current_app
from flask.testing import FlaskClient
from flask_migrate import upgrade
from itsdangerous import URLSafeTimedSerializer

os.environ.setdefault("SECRET_KEY", "test-secret-key")

from app import create_app  # noqa: E402
from app.catalog import importer  # noqa: E402
from app.catalog import life_events  # noqa: E402
from app.catalog.commands import SEED_DIR  # noqa: E402
from app.auth.models import User  # noqa: E402
from app.catalog.models import Field, Procedure  # noqa: E402
from app.extensions import db  # noqa: E402
from app.kiosk import cache  # noqa: E402

MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")
# `make test` runs the suite twice: on SQLite, then with MOTCUA_TEST_DB=postgresql.
BACKEND = os.environ.get("MOTCUA_TEST_DB", "sqlite")


def _config(database_url: str, folder: Path) -> dict:
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "PUBLIC_BASE_URL": "https://motcua.example.vn",
        "UPLOAD_DIR": str(folder / "uploads"),
        "SPEECH_CACHE_DIR": str(folder / "speech-cache"),
        # Cheap argon2 parameters: tests sign in often; production keeps the library defaults.
        "PASSWORD_TIME_COST": 1,
        "PASSWORD_MEMORY_COST": 1024,
        "PASSWORD_PARALLELISM": 1,
    }


def _build_template(database_url: str, folder: Path, seeded: bool) -> None:
    app = create_app(_config(database_url, folder))
    with app.app_context():
        upgrade(directory=MIGRATIONS)
        if seeded:
            seed = SEED_DIR / "procedures.json"
            importer.apply_plan(importer.plan_import(importer.read_rows(seed.read_bytes(), seed.name)))
            db.session.flush()
            # As `make run` has it: life events, short names and what to bring.
            life_events.load_citizen_seed()
            db.session.commit()
            if db.engine.dialect.name == "sqlite":
                db.session.execute(db.text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(scope="session")
def postgres_cluster():
    """One throw-away PostgreSQL cluster per test process (each xdist worker has its own)."""
    from tests.postgres import Cluster

    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def template_dbs(tmp_path_factory) -> dict[str, Path]:
    """SQLite files migrated once per session, empty and seeded; tests work on copies."""
    folder = tmp_path_factory.mktemp("template")
    paths = {"empty": folder / "empty.db", "seeded": folder / "seeded.db"}
    for name, path in paths.items():
        _build_template(f"sqlite:///{path}", folder, seeded=name == "seeded")
    return paths


@pytest.fixture(scope="session")
def database_factory(request, tmp_path_factory):
    """Returns make(kind, folder) -> a fresh database URL cloned from the 'empty' or 'seeded' template."""
    if BACKEND == "sqlite":
        templates = request.getfixturevalue("template_dbs")

        def make(kind: str, folder: Path) -> str:
            db_file = folder / "test.db"
            shutil.copy(templates[kind], db_file)
            return f"sqlite:///{db_file}"

        return make
    cluster = request.getfixturevalue("postgres_cluster")
    folder = tmp_path_factory.mktemp("pg-template")
    for kind in ("empty", "seeded"):
        cluster.execute(f"CREATE DATABASE template_{kind}")
        _build_template(cluster.url(f"template_{kind}"), folder, seeded=kind == "seeded")
    numbers = count(1)

    def make(kind: str, folder: Path) -> str:
        name = f"test_{next(numbers)}"
        cluster.execute(f"CREATE DATABASE {name} TEMPLATE template_{kind}")
        return cluster.url(name)

    return make


def _make_app(database_factory, kind: str, tmp_path: Path):
    cache.clear()
    app = create_app(_config(database_factory(kind, tmp_path), tmp_path))
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(database_factory, tmp_path):
    """An app on an empty, migrated database."""
    yield from _make_app(database_factory, "empty", tmp_path)


@pytest.fixture
def seeded_app(database_factory, tmp_path):
    """An app on a database holding the bundled catalogue of 289 real procedures."""
    yield from _make_app(database_factory, "seeded", tmp_path)


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
        db.session.add(procedure)
        procedure.refresh_search_text()
        db.session.commit()
        return procedure

    return make


# --- Staff accounts: users, and test clients signed in as them -------------------------------

STAFF_PASSWORD = "mat-khau-thu-nghiem"


class StaffClient(FlaskClient):
    """A test client that sends the session's CSRF token on every write, as the staff layout's htmx does."""

    def open(self, *args, **kwargs):
        if kwargs.get("method", "GET") not in ("GET", "HEAD", "OPTIONS"):
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("X-CSRFToken", self.csrf_token())
            kwargs["headers"] = headers
        return super().open(*args, **kwargs)

    def csrf_token(self) -> str:
        """The signed token Flask-WTF expects for this client's session."""
        with self.session_transaction() as session:
            raw = session.setdefault("csrf_token", secrets.token_hex(20))
        serializer = URLSafeTimedSerializer(self.application.secret_key, salt="wtf-csrf-token")
        return serializer.dumps(raw)

    def sign_in(self, username: str, password: str = STAFF_PASSWORD):
        """Post the sign-in form; returns the response."""
        return self.post("/dang-nhap", data={"username": username, "password": password})


@pytest.fixture
def make_user():
    """Create a user in the current app (password STAFF_PASSWORD); returns a callable."""
    numbers = count(1)

    def make(role: str = "officer", password: str = STAFF_PASSWORD, **overrides) -> User:
        n = next(numbers)
        values = {"username": f"{role}{n}", "full_name": f"Cán bộ thử nghiệm {n}", "role": role} | overrides
        user = User(**values)
        user.set_password(password)
        db.session.add(user)
        db.session.commit()
        return user

    return make


@pytest.fixture
def staff_client(make_user):
    """Returns make(role="officer", **user_overrides) -> a StaffClient signed in as a new user.

    Use it with `app` or `seeded_app`; the client's `.user` is the account.
    """
    def make(role: str = "officer", **overrides) -> StaffClient:
        user = make_user(role, **overrides)
        client = StaffClient(current_app, current_app.response_class, use_cookies=True)
        response = client.sign_in(user.username)
        assert response.status_code == 302, response.get_data(as_text=True)
        client.user = user
        return client

    return make


@pytest.fixture
def admin_client(app, staff_client) -> StaffClient:
    return staff_client("admin")


@pytest.fixture
def officer_client(app, staff_client) -> StaffClient:
    return staff_client("officer")


@pytest.fixture
def viewer_client(app, staff_client) -> StaffClient:
    return staff_client("viewer")
