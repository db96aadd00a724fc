"""Một Cửa: the commune one-stop counter's kiosk and back office."""
from flask import Flask

from app import config as settings
from app.core.params import RecordIdConverter
from app.core import requests
from app.core.requests import Request
from app.extensions import csrf, db, htmx, migrate


def create_app(config: dict | None = None) -> Flask:
    """Build the application; `config` overrides the environment's settings (tests use it)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(settings.from_environment(app.instance_path))
    app.config.update(config or {})
    app.url_map.converters["int"] = RecordIdConverter  # before any route is added
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    from app.core import compression

    compression.register(app)  # the first after-request hook runs last: it sees the final body
    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True)
    htmx.init_app(app)
    app.request_class = Request  # htmx-flask's request class, extended; set after htmx.init_app
    requests.register(app)
    from app.auth import access
    from app.core import database, security

    security.configure(app)
    csrf.init_app(app)
    access.init_app(app)

    database.configure_engine(app)
    from app import uploads

    uploads.init_app(app)
    # Every model module is imported here, so Alembic and the app see the whole schema.
    import app.catalog.models  # noqa: F401
    import app.core.models  # noqa: F401
    import app.auth.models  # noqa: F401
    import app.audit.services  # noqa: F401  (models, and the flush listener that records writes)
    import app.setting.models  # noqa: F401
    import app.meetings.models  # noqa: F401
    import app.dossiers.models  # noqa: F401
    import app.community.models  # noqa: F401
    import app.roster.models  # noqa: F401
    import app.announcements.models  # noqa: F401
    import app.guides.models  # noqa: F401
    import app.paper_forms.models  # noqa: F401
    import app.queue.models  # noqa: F401


def register_blueprints(app: Flask) -> None:
    from app.core.views import bp as core_bp
    from app.kiosk.offline_views import bp as kiosk_offline_bp
    from app.kiosk.views import bp as kiosk_bp

    app.register_blueprint(core_bp)
    app.register_blueprint(kiosk_bp)
    app.register_blueprint(kiosk_offline_bp)
    from app.admin.views import bp as admin_bp
    from app.auth.views import bp as auth_bp
    from app.staff.views import bp as staff_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(staff_bp)
    app.register_blueprint(admin_bp)
    from app.catalog.views import bp as catalog_bp
    from app.qr.views import bp as qr_bp

    app.register_blueprint(catalog_bp)
    app.register_blueprint(qr_bp)
    from app.meetings.views import bp as meetings_bp

    app.register_blueprint(meetings_bp)
    from app.dossiers.views import bp as dossiers_bp

    app.register_blueprint(dossiers_bp)
    from app.paper_forms.views import bp as paper_forms_bp

    app.register_blueprint(paper_forms_bp)

    from app.announcements.views import bp as announcements_bp
    from app.community.views import bp as community_bp
    from app.guides.kiosk_views import bp as kiosk_guides_bp
    from app.guides.views import bp as guides_bp
    from app.roster.views import bp as roster_bp

    for blueprint in (community_bp, roster_bp, announcements_bp, guides_bp, kiosk_guides_bp):
        app.register_blueprint(blueprint)
    from app.queue import blueprint_with_routes as queue_blueprint

    app.register_blueprint(queue_blueprint())


def register_errorhandlers(app: Flask) -> None:
    from app.core import errors

    errors.register(app)
    from app.core import security

    security.register(app)


def register_commands(app: Flask) -> None:
    from app.backup import commands as backup_commands
    from app.catalog import commands as catalog_commands

    catalog_commands.register(app)
    from app.auth import commands as auth_commands

    auth_commands.register(app)
    backup_commands.register(app)
