"""Public pages: a dossier's status by receipt code and lookup secret (kiosk and receipt QR), and the
citizen's rating.

They show the procedure, dates and status only: never the applicant's name or phone. The receipt
code alone shows nothing: an unknown code and a known one with a wrong secret get the same answer,
and wrong secrets are counted per receipt code, so guessing is slow and tells nothing.
"""
import re
from urllib.parse import urlsplit

from flask import Response, abort, make_response, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError

from app.auth.access import public
from app.dossiers import services
from app.dossiers.forms import RatingForm
from app.dossiers.models import LOOKUP_SECRET_LENGTH, Dossier, Rating
from app.dossiers.blueprint import bp
from app.extensions import csrf, db

CODE_SHAPE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,39}$")
SECRET_SHAPE = re.compile(rf"^[A-Z0-9]{{{LOOKUP_SECRET_LENGTH}}}$")


# Our own receipt codes typed loosely: 'xt 2026 000001', 'XT2026000001', 'xt-2026-000001'.
LOOSE_OWN_CODE = re.compile(r"^([A-Z]{1,10})-?(\d{4})-?(\d{6})$")


def normalise_code(text: str) -> str:
    """What a person typed or a scanner read: upper case, no spaces; our own codes with their dashes.

    Only the register's own prefix is re-dashed: codes imported from the province keep their shape.
    """
    code = re.sub(r"\s+", "", (text or "")[:200]).upper()
    loose = LOOSE_OWN_CODE.match(code)
    if loose and loose.group(1) == services.receipt_prefix():
        return "-".join(loose.groups())
    return code


def normalise_secret(text: str) -> str:
    """'k7mq 2xpa' or 'K7MQ-2XPA' -> 'K7MQ2XPA'."""
    return re.sub(r"[\s-]+", "", (text or "")[:40]).upper()


def read_scanned(text: str) -> tuple[str, str]:
    """(code, secret) from what was typed: a bare code, or the receipt's whole QR link."""
    text = (text or "")[:300].strip()
    path = urlsplit(text).path if "/" in text else text
    parts = [part for part in path.split("/") if part]
    if "tra-cuu" in parts:
        parts = parts[parts.index("tra-cuu") + 1:]
    parts = parts or [""]
    return normalise_code(parts[0]), normalise_secret(parts[1]) if len(parts) > 1 else ""


def _no_cookie(response: Response, status: int = 200) -> Response:
    # The secret is in the URL: no copy in a cache, and no Referer carries it anywhere.
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.get("/tra-cuu")
@public
def lookup():
    """Step one: type the receipt code, or scan the receipt's QR code (which carries the secret too)."""
    typed = request.args.get("ma")
    code, secret = read_scanned(typed)
    if code and secret:
        return redirect(url_for(".show_status", code=code, secret=secret), 303)
    if CODE_SHAPE.match(code):
        return redirect(url_for(".ask_secret", code=code), 303)
    bad_code = bool((typed or "").strip())
    html = render_template("dossiers/lookup.html", typed=(typed or "")[:60], bad_code=bad_code)
    return _no_cookie(make_response(html), 422 if bad_code else 200)


@bp.get("/tra-cuu/<code>")
@public
def ask_secret(code: str):
    """Step two: the lookup secret printed beside the code; the code alone reveals nothing."""
    code = normalise_code(code)
    if not CODE_SHAPE.match(code):
        return redirect(url_for(".lookup", ma=code[:60]), 303)
    secret = normalise_secret(request.args.get("ma_tra_cuu", ""))
    if secret:
        return redirect(url_for(".show_status", code=code, secret=secret), 303)
    return _secret_page(code, "")


@bp.get("/tra-cuu/<code>/<secret>")
@public
def show_status(code: str, secret: str):
    """The dossier's status in plain words, and the rating form once the result came back."""
    dossier, refusal = _open(code, secret)
    return refusal or _status_page(dossier, secret, RatingForm())


@bp.post("/tra-cuu/<code>/<secret>/danh-gia")
@public
@csrf.exempt  # anonymous and cookie-less: the secret in the URL is the key, no session to ride on
def rate_service(code: str, secret: str):
    """Save the citizen's rating, once per dossier; only with the dossier's lookup secret."""
    dossier, refusal = _open(code, secret)
    if refusal:
        return refusal
    form = RatingForm()
    if not dossier.can_be_rated or not form.validate():
        return _status_page(dossier, secret, form, 422 if dossier.can_be_rated else 409)
    db.session.add(Rating(dossier=dossier, score=form.score.data, comment=(form.comment.data or "").strip() or None))
    try:
        db.session.commit()
    except IntegrityError:  # a second tap raced the first: the first one counts
        db.session.rollback()
    return redirect(url_for(".show_status", code=dossier.receipt_code, secret=secret, cam_on=1), 303)


def _open(code: str, secret: str) -> tuple[Dossier | None, Response | None]:
    """(dossier, None) for the right code and secret; else (None, the refusal page).

    A try is claimed before the comparison and given back when the secret was right, so only
    wrong secrets count; unknown codes count exactly like known ones.
    """
    code, typed = normalise_code(code), secret
    secret = normalise_secret(secret)
    if not CODE_SHAPE.match(code):
        abort(404)
    if not services.claim_lookup(code):
        return None, _secret_page(code, typed, too_many=True)
    dossier = Dossier.by_code(code) if SECRET_SHAPE.match(secret) else None
    if dossier is None or not dossier.opens_with(secret):
        return None, _secret_page(code, typed, not_found=True)
    services.release_lookup(code)
    return dossier, None


def _status_page(dossier: Dossier, secret: str, form: RatingForm, status: int = 200) -> Response:
    html = render_template("dossiers/status.html", dossier=dossier, secret=normalise_secret(secret), form=form,
                           thanked=request.args.get("cam_on") == "1")
    return _no_cookie(make_response(html), status)


def _secret_page(code: str, typed: str, not_found: bool = False, too_many: bool = False) -> Response:
    """The lookup secret's form, keeping what was typed; the same page for any code."""
    html = render_template("dossiers/lookup.html", code=code, typed=typed[:40], not_found=not_found,
                           too_many=too_many, minutes=int(services.LOOKUP_WINDOW.total_seconds() // 60))
    response = _no_cookie(make_response(html), 429 if too_many else 404 if not_found else 200)
    if too_many:
        response.headers["Retry-After"] = str(int(services.LOOKUP_WINDOW.total_seconds()))
    return response
