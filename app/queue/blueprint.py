"""The queue's blueprint; its routes live in one module per audience (kiosk, hall, counter, settings),
attached by app.queue.blueprint_with_routes() so that no route module is imported back from here."""
from flask import Blueprint

bp = Blueprint("queue", __name__)


@bp.app_context_processor
def queue_links() -> dict:
    """`queue_offered()` for the kiosk home's "Lấy số thứ tự" button: asked only by the templates that show it."""
    def offered() -> bool:
        from app.extensions import db
        from app.queue.models import ServiceGroup

        return db.session.scalar(ServiceGroup.in_order(active_only=True).limit(1)) is not None
    return {"queue_offered": offered}
