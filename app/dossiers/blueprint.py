"""The register's blueprint and what its route modules share (views, public_views, report_views, import_views)."""
from datetime import date

from flask import Blueprint

from app.core.timeutil import to_local, utcnow

bp = Blueprint("dossiers", __name__)


@bp.app_template_filter("vn_date")
def vn_date(value) -> str:
    """A date as 24/02/2026."""
    return value.strftime("%d/%m/%Y") if value else ""


def today() -> date:
    """Today in Vietnam."""
    return to_local(utcnow()).date()
