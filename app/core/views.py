"""Routes that belong to no feature: the health probe and the root redirect."""
from flask import Blueprint, Response, redirect, url_for

bp = Blueprint("core", __name__)


@bp.get("/healthz")
def healthz():
    """Liveness probe and the benchmark's framework floor: no template, no database."""
    return Response("ok", mimetype="text/plain")


@bp.get("/")
def index():
    """Send visitors of the bare address to the kiosk."""
    return redirect(url_for("kiosk.home"))
