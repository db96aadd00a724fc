"""The staff catalogue's blueprint and the two endings its write views share."""
from flask import Blueprint, Response, redirect

from app.core import htmx
from app.extensions import db

bp = Blueprint("catalog", __name__, url_prefix="/quan-ly/thu-tuc")


def done(location: str) -> Response:
    """After a successful write: htmx loads the page whole, a plain form follows a 303."""
    if htmx.is_fragment_request():
        return htmx.redirect_client(location)
    return redirect(location, code=303)


def invalid(response: Response) -> Response:
    """A form sent back with its messages: 422, so htmx swaps it and nothing is saved."""
    db.session.rollback()
    response.status_code = 422
    return response
