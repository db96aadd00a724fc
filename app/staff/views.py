"""The staff home: the sections a user may open and the state of the catalogue."""
from datetime import datetime, timedelta

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import func, or_, select

from app.audit.models import AuditEntry
from app.catalog.models import STATUS_ACTIVE, STATUS_REPLACED, Field, Procedure
from app.core.timeutil import to_local, utcnow
from app.extensions import db
from app.staff.navigation import menu_for, sections_for

bp = Blueprint("staff", __name__, url_prefix="/quan-ly")
STALE_AFTER = timedelta(days=90)


@bp.app_template_filter("local_time")
def local_time(value: datetime) -> str:
    """A stored UTC time as Vietnam local time, e.g. 22/11/2026 09:05."""
    return to_local(value).strftime("%d/%m/%Y %H:%M")


@bp.app_context_processor
def navigation() -> dict:
    """The menu sections of the signed-in user, computed only when a template asks."""
    return {"staff_menu": lambda: menu_for(current_user)}


@bp.get("/")
def home():
    """Dashboard: catalogue counts, the user's sections, and (for admins) the latest audit entries."""
    recent = []
    if current_user.has_role("admin"):
        recent = db.session.scalars(
            select(AuditEntry).order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc()).limit(8)).all()
    return render_template("staff/home.html", counts=catalogue_counts(),
                           sections=sections_for(current_user)[1:], recent=recent)


def catalogue_counts() -> dict[str, int]:
    """How many procedures are in force, common, online, replaced, and not reviewed for 90 days."""
    stale = or_(Procedure.reviewed_at.is_(None), Procedure.reviewed_at < utcnow() - STALE_AFTER)
    active = Procedure.status == STATUS_ACTIVE

    def count(*conditions) -> int:
        return db.session.scalar(select(func.count(Procedure.id)).where(*conditions)) or 0

    return {
        "active": count(active),
        "common": count(active, Procedure.is_common),
        "online": count(active, Procedure.online.is_(True)),
        "replaced": count(Procedure.status == STATUS_REPLACED),
        "stale": count(active, stale),
        "fields": db.session.scalar(select(func.count(Field.id))) or 0,
    }
