"""The one place that knows about htmx requests: full page or a named block of the same template."""
from flask import Response, make_response, render_template
from htmx_flask import request
from jinja2_fragments.flask import render_block


def is_fragment_request() -> bool:
    """True for an htmx swap; a history restore wants the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def render(template: str, block: str, **context) -> Response:
    """Render `block` of `template` for htmx, the whole page otherwise; caches must keep both apart."""
    if is_fragment_request():
        html = render_block(template, block, **context)
    else:
        html = render_template(template, **context)
    response = make_response(html)
    response.vary.add("HX-Request")
    return response


def redirect_client(location: str) -> Response:
    """Make htmx load `location` as a whole page instead of swapping a fragment."""
    response = make_response("", 204)
    response.headers["HX-Redirect"] = location
    return response
