"""The request class: typed and submitted text arrives without NUL characters.

A NUL has no meaning in anything a person types, and PostgreSQL cannot store one in a text column (it
would be a 500 on a province server where SQLite would have kept it). Removing it where input enters
keeps both databases alike and loses nothing a person wrote.
"""
from flask import Request as FlaskRequest, abort
from htmx_flask.requests import HtmxAwareRequest
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.utils import cached_property


def _without_nul(values: ImmutableMultiDict) -> ImmutableMultiDict:
    if not any("\x00" in key or "\x00" in value for key, value in values.items(multi=True)):
        return values
    return ImmutableMultiDict(
        (key.replace("\x00", ""), value.replace("\x00", "")) for key, value in values.items(multi=True))


class Request(HtmxAwareRequest):
    """htmx-flask's request (request.htmx), with NUL-free args, form and file names."""

    @cached_property
    def args(self) -> ImmutableMultiDict:
        return _without_nul(FlaskRequest.args.fget(self))

    def _load_form_data(self) -> None:
        if "form" in self.__dict__:
            return
        super()._load_form_data()
        self.__dict__["form"] = _without_nul(self.__dict__["form"])
        for upload in self.__dict__["files"].values():
            if upload.filename:
                upload.filename = upload.filename.replace("\x00", "")


def register(app) -> None:
    """A NUL in a path segment (/kiosk/su-kien/%00) names nothing: 404 before any view or query."""
    app.url_value_preprocessor(_refuse_nul_in_path)


def _refuse_nul_in_path(_endpoint, values: dict | None) -> None:
    if values and any(isinstance(value, str) and "\x00" in value for value in values.values()):
        abort(404)
