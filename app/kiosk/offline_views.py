"""The kiosk's offline support: its service worker, what the worker caches, and the page it shows
for an address it never cached. Served under /kiosk/ so the worker's scope is the kiosk alone."""
import json
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request

from app.kiosk import cache, offline

bp = Blueprint("kiosk_offline", __name__, url_prefix="/kiosk")


@bp.after_app_request
def tell_revision(response: Response) -> Response:
    """Kiosk pages carry the catalogue revision, so the worker notices an edit on the next page."""
    if (request.blueprint in ("kiosk", "kiosk_guides") and response.mimetype == "text/html"
            and response.status_code == 200):
        response.headers["X-Kiosk-Revision"] = str(offline.revision())
    return response


@bp.get("/sw.js")
def service_worker():
    """The worker script; never cached by the browser's HTTP cache, so a new version installs."""
    script = (Path(current_app.static_folder) / "js" / "kiosk-sw.js").read_bytes()
    response = Response(script, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/phien-ban")
def revision():
    """The catalogue revision: the worker's cheap check that its copy is still current."""
    return _json({"revision": offline.revision()}, "no-store")


@bp.get("/ngoai-tuyen.json")
def manifest():
    """Every kiosk URL the worker keeps for an outage."""
    body = cache.cached(("offline-manifest",), lambda: json.dumps(offline.manifest()))
    return _json(body, "no-cache")


@bp.get("/tim-kiem/chi-muc.json")
def search_index():
    """The compact index the worker searches in the browser when the server is unreachable."""
    body = cache.cached(("offline-index",),
                        lambda: json.dumps(offline.search_index(), ensure_ascii=False, separators=(",", ":")))
    return _json(body, "no-cache")


@bp.get("/mat-ket-noi")
def offline_page():
    """What the worker shows for a kiosk address it has no copy of while the server is unreachable."""
    body = cache.cached(("offline-page",), lambda: render_template("kiosk/offline.html"))
    response = Response(body, mimetype="text/html")
    response.headers["Cache-Control"] = "no-cache"
    return response


def _json(body, cache_control: str) -> Response:
    if not isinstance(body, (bytes, str)):
        body = json.dumps(body)
    response = Response(body, mimetype="application/json")
    response.headers["Cache-Control"] = cache_control
    return response
