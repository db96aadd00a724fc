"""The one place that knows about htmx requests: full page or a named block of the same template."""
from urllib.parse import urlsplit

import jinja2_fragments
from flask import Response, current_app, make_response, redirect, render_template
from htmx_flask import request
from jinja2_fragments.flask import render_block


def is_fragment_request() -> bool:
    """True for an htmx swap; a history restore wants the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def render(template: str, block: str, **context) -> Response:
    """Render `block` of `template` for htmx, the whole page otherwise; caches must keep both apart."""
    return respond(render_html(template, block, **context))


def render_html(template: str, block: str, *, lean: bool = False, **context) -> str:
    """The HTML `render` would send, for callers that cache it.

    `lean`: the fragment sees only `context` and the app's template globals, not its context
    processors (settings, the signed-in user); for a block asked on every keystroke that uses none
    of them, where they cost as much as the block. The whole page still gets them."""
    if not is_fragment_request():
        return render_template(template, **context)
    if lean:
        return jinja2_fragments.render_block(current_app.jinja_env, template, block, **context)
    return render_block(template, block, **context)


def respond(html: str | bytes) -> Response:
    """A response whose body depends on HX-Request, so shared caches keep both forms apart."""
    response = make_response(html)
    response.vary.add("HX-Request")
    return response


def redirect_client(location: str) -> Response:
    """Make htmx load `location` as a whole page instead of swapping a fragment."""
    response = make_response("", 204)
    response.headers["HX-Redirect"] = location
    return response


# Added for the sign-in guard (app.auth.access).
def is_htmx_request() -> bool:
    """True for any request htmx made, including history restores."""
    return bool(request.htmx)


def client_page_path() -> str | None:
    """The path of the page the htmx request came from (HX-Current-URL), or None."""
    if not request.htmx or not request.htmx.current_url:
        return None
    parts = urlsplit(request.htmx.current_url)
    if parts.netloc and parts.netloc != request.host:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def redirect_to(location: str, code: int = 303) -> Response:
    """A whole-page load of `location` for htmx, a plain redirect (303 after a write) otherwise."""
    if is_htmx_request():
        return redirect_client(location)
    return redirect(location, code)
