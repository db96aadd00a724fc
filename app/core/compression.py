"""gzip for text responses: kiosk pages, CSS, JS, SVG and JSON go out compressed when the browser
accepts it. Static files and repeated page bodies are compressed once and kept (by content hash)."""
import gzip
import hashlib
from collections import OrderedDict

from flask import Flask, Response, request

COMPRESSIBLE = frozenset({
    "text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml",
    "application/json", "text/plain", "text/csv",
})
MIN_BYTES = 1024
LEVEL = 6
# An htmx fragment (search results as one types) is mostly asked once: compressed fast, and not
# kept, so that a run of typing does not push every page and static file out of the store.
FRAGMENT_LEVEL = 1
KEPT = 512  # compressed bodies kept per worker: every kiosk page and static file, with room

_kept: OrderedDict[bytes, bytes] = OrderedDict()


def register(app: Flask) -> None:
    app.after_request(compress)


def compress(response: Response) -> Response:
    """Compress `response` in place when it is worth it and the client takes gzip."""
    if response.mimetype not in COMPRESSIBLE or response.status_code != 200:
        return response
    response.vary.add("Accept-Encoding")
    if "gzip" not in request.headers.get("Accept-Encoding", "") or "Content-Encoding" in response.headers:
        return response
    if response.is_streamed and not response.direct_passthrough:
        return response  # a generator (exports, downloads): leave it as it streams
    response.direct_passthrough = False  # a static file: read its bytes once here
    body = response.get_data()
    if len(body) < MIN_BYTES:
        return response
    if request.headers.get("HX-Request"):
        response.set_data(gzip.compress(body, compresslevel=FRAGMENT_LEVEL, mtime=0))
    else:
        response.set_data(gzipped(body))
    response.headers["Content-Encoding"] = "gzip"
    etag, weak = response.get_etag()
    if etag:
        response.set_etag(etag + "-gz", weak)
    return response


def gzipped(body: bytes) -> bytes:
    """The gzip of `body`, from the per-worker store when the same bytes were sent before."""
    key = hashlib.blake2b(body, digest_size=16).digest()
    if key in _kept:
        _kept.move_to_end(key)
        return _kept[key]
    packed = gzip.compress(body, compresslevel=LEVEL, mtime=0)
    _kept[key] = packed
    if len(_kept) > KEPT:
        _kept.popitem(last=False)
    return packed
