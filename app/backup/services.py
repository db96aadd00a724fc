"""Consistent backups while the app is serving, and their restore.

A backup is one .tar.gz holding the database (SQLite's online backup API, or pg_dump's custom
format), the uploaded files, and a manifest with row counts and checksums to verify a restore.
"""
import hashlib
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from flask import current_app
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from app.extensions import db

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"
UPLOADS = "uploads"


class BackupError(Exception):
    """A backup or restore that cannot proceed; the message is for the operator, in Vietnamese."""


def _database_url():
    return make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])


def _libpq_url(url) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def create_backup(destination: Path) -> dict:
    """Write a backup archive to `destination`; return its manifest."""
    url = _database_url()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        if url.get_backend_name() == "sqlite":
            _copy_sqlite(Path(url.database), folder / SQLITE_FILE)
            counts = _sqlite_counts(folder / SQLITE_FILE)
        else:
            counts = _dump_postgres(url, folder / PG_FILE)
        uploads = Path(current_app.config["UPLOAD_DIR"])
        if uploads.is_dir():
            shutil.copytree(uploads, folder / UPLOADS)
        manifest = _manifest(folder, url.get_backend_name(), counts)
        (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
        destination.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(destination, "w:gz") as archive:
            for path in sorted(folder.iterdir()):
                archive.add(path, arcname=path.name)
    return manifest


def _copy_sqlite(source: Path, target: Path) -> None:
    """One backup step over all pages: a single consistent snapshot, writers go on (WAL)."""
    with sqlite3.connect(source, timeout=30) as src, sqlite3.connect(target) as dst:
        src.backup(dst, pages=-1)
    with sqlite3.connect(target) as check:
        check.execute("PRAGMA journal_mode=DELETE")
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError("Bản sao cơ sở dữ liệu không toàn vẹn.")


def _sqlite_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}


def _dump_postgres(url, target: Path) -> dict[str, int]:
    """pg_dump in one repeatable-read snapshot; counts come from the same snapshot via --snapshot."""
    with db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar()
            counts = {t: connection.execute(text(f'SELECT count(*) FROM "{t}"')).scalar()
                      for t in sorted(inspect(connection).get_table_names())}
            _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", "--no-owner",
                  f"--file={target}", f"--dbname={_libpq_url(url)}"])
    return counts


def _run(command: list[str]) -> None:
    try:
        subprocess.run(command, check=True, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise BackupError(f"Không tìm thấy lệnh {command[0]}: cài gói postgresql-client.") from exc
    except subprocess.CalledProcessError as exc:
        raise BackupError(f"{command[0]} thất bại: {exc.stderr.strip()[:500]}") from exc


def _manifest(folder: Path, backend: str, counts: dict[str, int]) -> dict:
    files = {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }
    return {
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "backend": backend,
        "tables": counts,
        "files": files,
    }


def restore_backup(source: Path) -> dict:
    """Replace the database and the uploaded files with the backup's; return its manifest."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        manifest = _unpack(source, folder)
        url = _database_url()
        if manifest["backend"] != url.get_backend_name():
            raise BackupError(
                f"Bản sao lưu dành cho {manifest['backend']}, nhưng hệ thống đang dùng "
                f"{url.get_backend_name()}."
            )
        db.session.remove()
        if manifest["backend"] == "sqlite":
            _restore_sqlite(folder / SQLITE_FILE, Path(url.database))
        else:
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                  f"--dbname={_libpq_url(url)}", str(folder / PG_FILE)])
        db.engine.dispose()
        _restore_uploads(folder / UPLOADS, Path(current_app.config["UPLOAD_DIR"]))
    _check_counts(manifest["tables"])
    return manifest


def _unpack(source: Path, folder: Path) -> dict:
    try:
        with tarfile.open(source, "r:gz") as archive:
            archive.extractall(folder, filter="data")
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, tarfile.TarError, ValueError, KeyError) as exc:
        raise BackupError("Tệp sao lưu bị hỏng hoặc không phải bản sao lưu của Một Cửa.") from exc
    for name, digest in manifest["files"].items():
        path = folder / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise BackupError(f"Tệp {name} trong bản sao lưu bị sai lệch.")
    return manifest


def _restore_sqlite(backup_file: Path, live_file: Path) -> None:
    """Copy pages into the live file through SQLite itself, so open connections stay valid."""
    with sqlite3.connect(backup_file) as src, sqlite3.connect(live_file, timeout=30) as dst:
        src.backup(dst, pages=-1)


def _restore_uploads(backup_uploads: Path, live_uploads: Path) -> None:
    if live_uploads.exists():
        shutil.rmtree(live_uploads)
    if backup_uploads.is_dir():
        shutil.copytree(backup_uploads, live_uploads)


def _check_counts(expected: dict[str, int]) -> None:
    with db.engine.connect() as connection:
        for table, count in expected.items():
            actual = connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()
            if actual != count:
                raise BackupError(f"Bảng {table}: có {actual} dòng, bản sao lưu ghi {count}.")
