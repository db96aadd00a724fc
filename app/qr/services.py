"""QR codes: built once per content, then served from memory with an ETag.

Building one costs 10-30 ms, so the cache is keyed by the encoded text itself: the same URL
always gives the same bytes and the same ETag, in every worker and after every restart.
"""
import hashlib
import io
import re
from functools import lru_cache

import qrcode
import qrcode.image.svg
from flask import Response, request
from qrcode.constants import ERROR_CORRECT_Q

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
MAX_TEXT = 1200  # bytes; far above any URL we encode, far below QR version 40 at level Q
# The URL names the content by its hash, so a browser may keep the image for good.
CACHE_CONTROL = "public, max-age=31536000, immutable"
_FIXED_SIZE = re.compile(r'width="[\d.]+mm" height="[\d.]+mm" ')
MIMETYPES = {"svg": "image/svg+xml", "png": "image/png"}


def content_tag(text: str) -> str:
    """A short stable hash of the encoded text: the ETag, and the cache-busting part of QR URLs."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _matrix(text: str, image_factory=None) -> qrcode.QRCode:
    if len(text.encode()) > MAX_TEXT:
        raise ValueError("text too long for a scannable QR code")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=QUIET_ZONE, image_factory=image_factory)
    code.add_data(text)
    code.make(fit=True)
    return code


@lru_cache(maxsize=8192)
def svg_bytes(text: str) -> bytes:
    """The QR code as an SVG with a white background that scales to any size."""
    image = _matrix(text, qrcode.image.svg.SvgPathFillImage).make_image()
    svg = image.to_string(encoding="unicode")
    # Drop the fixed millimetre size: the page sizes the image; the viewBox keeps it square.
    svg = _FIXED_SIZE.sub("", svg, count=1)
    svg = svg.replace("<svg ", '<svg shape-rendering="crispEdges" ', 1)
    return svg.encode()


@lru_cache(maxsize=1024)
def png_bytes(text: str, box_size: int = 10) -> bytes:
    """The QR code as a black-on-white PNG for printing, `box_size` pixels per module."""
    code = _matrix(text)
    code.box_size = box_size
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()


def qr_response(text: str, kind: str = "svg") -> Response:
    """Serve the QR code of `text`, answering 304 when the client already holds it."""
    tag = content_tag(text)
    if request.if_none_match.contains(tag):
        response = Response(status=304)
    else:
        body = svg_bytes(text) if kind == "svg" else png_bytes(text)
        response = Response(body, mimetype=MIMETYPES[kind])
    response.set_etag(tag)
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response
