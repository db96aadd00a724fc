"""Static file URLs that change when the file changes, so browsers may keep them for a year."""
import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Response, current_app, has_request_context, request, url_for

LONG_CACHE = 31536000  # one year: a changed file gets a new ?v=


@lru_cache(maxsize=256)
def _file_version(static_folder: str, filename: str) -> str:
    """A short hash of the file's bytes, read once per process."""
    data = (Path(static_folder) / filename).read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


_urls: dict[tuple, str] = {}


def static_url(filename: str) -> str:
    """url_for('static') with a content hash, for templates; built once per app, mount point and file."""
    key = (id(current_app._get_current_object()), request.script_root if has_request_context() else None, filename)
    url = _urls.get(key)
    if url is None:
        if len(_urls) >= 1024:
            _urls.clear()
        version = _file_version(current_app.static_folder, filename)
        url = _urls[key] = url_for("static", filename=filename, v=version)
    return url


def long_cache_for_versioned(response: Response) -> Response:
    """Let browsers keep a static file for good when its URL carries a content hash."""
    if request.endpoint == "static" and request.args.get("v") and response.status_code in (200, 304):
        response.cache_control.public = True
        response.cache_control.max_age = LONG_CACHE
        response.cache_control.immutable = True
        response.cache_control.no_cache = None
    return response
