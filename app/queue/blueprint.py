"""The queue's blueprint; its routes live in one module per audience (kiosk, hall, counter, settings)."""
from flask import Blueprint

bp = Blueprint("queue", __name__)


def blueprint() -> Blueprint:
    """The blueprint with every route module attached (imported here, so no module imports back)."""
    from app.queue import counter_views, hall_views, setting_views, ticket_views  # noqa: F401

    return bp


@bp.app_context_processor
def queue_links() -> dict:
    """`queue_offered()` for the kiosk home's "Lấy số thứ tự" button: asked only by the templates that show it."""
    def offered() -> bool:
        from app.extensions import db
        from app.queue.models import ServiceGroup

        return db.session.scalar(ServiceGroup.in_order(active_only=True).limit(1)) is not None
    return {"queue_offered": offered}
