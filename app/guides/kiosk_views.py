"""The kiosk's guide pages: public like the rest of the kiosk, cached until a guide changes."""
from flask import Blueprint, abort, render_template

from app.auth.access import public
from app.extensions import db
from app.guides import services
from app.guides.models import Guide, GuideStep
from app.guides.views import send_image
from app import speech
from app.kiosk import read_aloud
from app.kiosk.views import _page, qr_response_or_404, spoken
from app.qr import services as qr

bp = Blueprint("kiosk_guides", __name__, url_prefix="/kiosk/huong-dan")


@bp.get("/")
@public
def list_guides():
    """The published guides as large tiles."""
    return _page(("guides",), lambda: render_template(
        "guides/kiosk_list.html", guides=db.session.scalars(Guide.in_order(published_only=True)).all()))


@bp.get("/<int:guide_id>")
@public
def show_guide(guide_id: int):
    """A guide's steps in large type, each with its image and QR code."""
    def build():
        guide = services.published_guide(guide_id) or abort(404)
        return render_template(
            "guides/kiosk_guide.html", guide=guide, tag=qr.content_tag,
            read_aloud_url=read_aloud.url_if_available("kiosk_guides.read_guide", guide_id=guide_id))
    return _page(("guide", guide_id, speech.is_available()), build)


@bp.get("/<int:guide_id>/doc-to")
@public
def read_guide(guide_id: int):
    """A published guide's title, summary and steps, read aloud (audio/wav)."""
    def build():
        guide = services.published_guide(guide_id) or abort(404)
        return read_aloud.guide_text(guide)
    return spoken(("read-guide", guide_id), build)


@bp.get("/<int:guide_id>/qr.<any(svg, png):kind>")
@public
def guide_qr(guide_id: int, kind: str):
    """The QR code of a published guide's own link."""
    guide = services.published_guide(guide_id)
    return qr_response_or_404(guide.url if guide and guide.url else "", kind)


@bp.get("/buoc/<int:step_id>/qr.<any(svg, png):kind>")
@public
def step_qr(step_id: int, kind: str):
    """The QR code of one step's link."""
    step = _published_step(step_id)
    return qr_response_or_404(step.url or "", kind)


@bp.get("/buoc/<int:step_id>/anh")
@public
def step_image(step_id: int):
    """A published step's image."""
    return send_image(_published_step(step_id))


def _published_step(step_id: int) -> GuideStep:
    step = db.session.get(GuideStep, step_id)
    if step is None or not step.guide.published:
        abort(404)
    return step


