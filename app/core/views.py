"""Routes that belong to no feature: the health probe, the root redirect and the browser's icon."""
from flask import Blueprint, Response, current_app, redirect, send_from_directory, url_for

bp = Blueprint("core", __name__)


@bp.get("/healthz")
def healthz():
    """Liveness probe and the benchmark's framework floor: no template, no database."""
    return Response("ok", mimetype="text/plain")


@bp.get("/")
def index():
    """Send visitors of the bare address to the kiosk."""
    return redirect(url_for("kiosk.home"))


@bp.get("/favicon.ico")
def favicon():
    """The tab icon every browser asks for at this fixed address."""
    return send_from_directory(current_app.static_folder, "icons/favicon.ico",
                               mimetype="image/vnd.microsoft.icon", max_age=86400)
