"""Public pages: a dossier's status by receipt code (kiosk and receipt QR), and the citizen's rating.

They show the procedure, dates and status only: never the applicant's name or phone. An unknown
code and a malformed one get the same answer, and every lookup counts against the address's
allowance, so guessing codes is slow and tells nothing.
"""
import re

from flask import Response, make_response, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError

from app.auth.access import public
from app.dossiers import services
from app.dossiers.forms import RatingForm
from app.dossiers.models import Dossier, Rating
from app.dossiers.views import bp
from app.extensions import csrf, db

CODE_SHAPE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,39}$")


def normalise_code(text: str) -> str:
    """What a person typed or a scanner read: upper case, no spaces; a pasted URL keeps its last part."""
    text = (text or "")[:200].strip().rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"\s+", "", text).upper()


def _find(code: str) -> Dossier | None:
    return Dossier.by_code(code) if CODE_SHAPE.match(code) else None


def _no_cookie(response: Response, status: int = 200) -> Response:
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/tra-cuu")
@public
def lookup():
    """The form: type or scan the receipt code."""
    typed = request.args.get("ma")
    if typed is not None:
        code = normalise_code(typed)
        if code:
            return redirect(url_for(".show_status", code=code), 303)
    return _no_cookie(make_response(render_template("dossiers/lookup.html", typed=typed or "")))


@bp.get("/tra-cuu/<path:code>")
@public
def show_status(code: str):
    """The dossier's status in plain words, and the rating form once the result came back."""
    if not services.allow_lookup(request.remote_addr):
        return _too_many()
    dossier = _find(normalise_code(code))
    if dossier is None:
        return _not_found(code)
    return _status_page(dossier, RatingForm())


@bp.post("/tra-cuu/<path:code>/danh-gia")
@public
@csrf.exempt  # anonymous and cookie-less: no session a forged request could ride on
def rate_service(code: str):
    """Save the citizen's rating, once per dossier."""
    if not services.allow_lookup(request.remote_addr):
        return _too_many()
    dossier = _find(normalise_code(code))
    if dossier is None:
        return _not_found(code)
    form = RatingForm()
    if not dossier.can_be_rated or not form.validate():
        return _status_page(dossier, form, 422 if dossier.can_be_rated else 409)
    db.session.add(Rating(dossier=dossier, score=form.score.data, comment=(form.comment.data or "").strip() or None))
    try:
        db.session.commit()
    except IntegrityError:  # a second tap raced the first: the first one counts
        db.session.rollback()
    return redirect(url_for(".show_status", code=dossier.receipt_code, cam_on=1), 303)


def _status_page(dossier: Dossier, form: RatingForm, status: int = 200) -> Response:
    html = render_template("dossiers/status.html", dossier=dossier, form=form,
                           thanked=request.args.get("cam_on") == "1")
    return _no_cookie(make_response(html), status)


def _not_found(code: str) -> Response:
    html = render_template("dossiers/lookup.html", typed="", not_found=True)
    return _no_cookie(make_response(html), 404)


def _too_many() -> Response:
    html = render_template("dossiers/lookup.html", typed="", too_many=True)
    response = _no_cookie(make_response(html), 429)
    response.headers["Retry-After"] = str(int(services.LOOKUP_WINDOW.total_seconds()))
    return response
