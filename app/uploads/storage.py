"""Keeping checked uploads under UPLOAD_DIR with random names, and the size limits in the config."""
import os
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from flask import Flask, current_app

from app.uploads.checks import CheckedUpload, as_stream

DEFAULT_MAX_UPLOAD_MB = 50
# Room for the other form fields and the multipart framing around one file.
FORM_OVERHEAD = 1024 * 1024


def init_app(app: Flask) -> None:
    """Per-file limit MAX_UPLOAD_MB (environment or config), and the request body cap it implies."""
    app.config.setdefault("MAX_UPLOAD_MB", int(os.environ.get("MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)))
    # Flask's own default is None (no cap), so setdefault would never apply.
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_UPLOAD_MB"] * 1024 * 1024 + FORM_OVERHEAD


def root() -> Path:
    return Path(current_app.config["UPLOAD_DIR"])


def store(source: BinaryIO | bytes, checked: CheckedUpload, folder: str) -> str:
    """Write the checked upload under UPLOAD_DIR/folder with a random name; returns that relative name."""
    target_dir = root() / folder
    target_dir.mkdir(parents=True, exist_ok=True)
    stored_name = f"{folder}/{secrets.token_hex(16)}{checked.extension}"
    stream = as_stream(source)
    # Written beside the target, then renamed: a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=target_dir, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            shutil.copyfileobj(stream, out, 1024 * 1024)
        os.replace(temporary, root() / stored_name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return stored_name


def path_of(stored_name: str) -> Path:
    """The file of a stored name; names never come from users, but a bad one still cannot escape."""
    base = root().resolve()
    path = (base / stored_name).resolve()
    if base not in path.parents:
        raise ValueError("stored name outside the upload folder")
    return path


def delete(stored_name: str) -> None:
    """Remove a stored file (already gone is fine)."""
    path_of(stored_name).unlink(missing_ok=True)


def sandboxed(response):
    """An uploaded file's response with `Content-Security-Policy: sandbox`.

    A PDF may carry /OpenAction /JavaScript, or HTML after `%PDF-`; opened in a sandbox, neither
    the viewer nor a browser that sniffs runs anything with this site's origin.
    """
    response.headers["Content-Security-Policy"] = "sandbox"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
