"""Unbound extensions, bound to the app in create_app() so nothing imports circularly."""
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from htmx_flask import Htmx
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Predictable constraint names, so Alembic can alter them on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


MAX_PAGE = 10**6  # no list has a million pages; a bigger ?page= would overflow SQLite's OFFSET


class Database(SQLAlchemy):
    def paginate(self, select, *, page: int | None = None, **kwargs):
        """Flask-SQLAlchemy's paginate with ?page= clamped: past the end means the last page, never a 500."""
        if page is None:
            from flask import request

            page = request.args.get("page", 1, type=int)
        page = min(max(page, 1), MAX_PAGE)
        pagination = super().paginate(select, page=page, **kwargs)
        if page > 1 and not pagination.items and pagination.pages:
            pagination = super().paginate(select, page=pagination.pages, **kwargs)
        return pagination


db = Database(model_class=Base)
migrate = Migrate()
htmx = Htmx()

# Added for accounts and safety (app.auth, app.core.security).
from flask_login import LoginManager  # noqa: E402
from flask_wtf.csrf import CSRFProtect  # noqa: E402

login_manager = LoginManager()
csrf = CSRFProtect()
