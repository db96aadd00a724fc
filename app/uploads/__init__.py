"""Uploaded files: content checks and storage under UPLOAD_DIR (shared by meetings, guides, ...)."""
from app.uploads.checks import ALL_KINDS, KINDS, CheckedUpload, UploadRejected, inspect_upload
from app.uploads.storage import delete, init_app, path_of, sandboxed, store

__all__ = ["ALL_KINDS", "KINDS", "CheckedUpload", "UploadRejected", "inspect_upload",
           "delete", "init_app", "path_of", "sandboxed", "store"]
