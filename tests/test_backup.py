"""Backups taken while the app writes restore to a consistent, complete copy."""
import io
import sqlite3
import tarfile
import threading
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

from app.catalog.models import Procedure
from app.extensions import db


def _procedure_count() -> int:
    return db.session.scalar(select(func.count(Procedure.id)))


def test_backup_then_restore_brings_back_database_and_uploads(seeded_app, tmp_path):
    runner = seeded_app.test_cli_runner()
    uploads = Path(seeded_app.config["UPLOAD_DIR"])
    uploads.mkdir(parents=True, exist_ok=True)
    (uploads / "bien-ban.pdf").write_bytes(b"%PDF-1.4 original")

    result = runner.invoke(args=["backup", str(tmp_path / "b.tar.gz")])
    assert result.exit_code == 0, result.output
    assert "Đã sao lưu" in result.output

    db.session.execute(text("DELETE FROM procedure WHERE code LIKE '1.%'"))
    db.session.commit()
    (uploads / "bien-ban.pdf").write_bytes(b"tampered")
    (uploads / "new.pdf").write_bytes(b"%PDF-1.4 new")
    assert _procedure_count() < 289

    result = runner.invoke(args=["restore", "--yes", str(tmp_path / "b.tar.gz")])
    assert result.exit_code == 0, result.output
    assert _procedure_count() == 289
    assert (uploads / "bien-ban.pdf").read_bytes() == b"%PDF-1.4 original"
    assert not (uploads / "new.pdf").exists()
    assert Procedure.by_code("1.001193").name == "Thủ tục đăng ký khai sinh"


def test_backup_during_writes_is_a_consistent_snapshot(seeded_app, tmp_path):
    """A writer inserts numbered rows while backups run: each backup holds rows 1..k, no gaps."""
    engine = create_engine(seeded_app.config["SQLALCHEMY_DATABASE_URI"])
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE write_probe (n INTEGER PRIMARY KEY)"))
    stop = threading.Event()

    def write() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            with engine.begin() as connection:
                connection.execute(text("INSERT INTO write_probe (n) VALUES (:n)"), {"n": n})

    writer = threading.Thread(target=write)
    writer.start()
    try:
        archives = [tmp_path / f"b{i}.tar.gz" for i in range(3)]
        for archive in archives:
            result = seeded_app.test_cli_runner().invoke(args=["backup", str(archive)])
            assert result.exit_code == 0, result.output
    finally:
        stop.set()
        writer.join()
        engine.dispose()
    result = seeded_app.test_cli_runner().invoke(args=["restore", "--yes", str(archives[-1])])
    assert result.exit_code == 0, result.output
    rows = [n for (n,) in db.session.execute(text("SELECT n FROM write_probe ORDER BY n"))]
    assert rows == list(range(1, len(rows) + 1))
    assert _procedure_count() == 289
    if db.engine.dialect.name == "sqlite":
        with sqlite3.connect(db.engine.url.database) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_damaged_archive_is_refused_and_changes_nothing(seeded_app, tmp_path):
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(b"not a backup")
    result = seeded_app.test_cli_runner().invoke(args=["restore", "--yes", str(broken)])
    assert result.exit_code != 0
    assert "bị hỏng" in result.output
    assert _procedure_count() == 289


def test_tampered_file_inside_archive_is_refused(seeded_app, tmp_path):
    good, bad = tmp_path / "good.tar.gz", tmp_path / "bad.tar.gz"
    seeded_app.test_cli_runner().invoke(args=["backup", str(good)])
    with tarfile.open(good) as source, tarfile.open(bad, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member)
            if member.name.startswith("database"):
                content = data.read()
                data = io.BytesIO(content[:-10] + b"0123456789")
            target.addfile(member, data)
    result = seeded_app.test_cli_runner().invoke(args=["restore", "--yes", str(bad)])
    assert result.exit_code != 0
    assert "bị sai lệch" in result.output


def test_restore_asks_before_replacing(seeded_app, tmp_path):
    seeded_app.test_cli_runner().invoke(args=["backup", str(tmp_path / "b.tar.gz")])
    result = seeded_app.test_cli_runner().invoke(args=["restore", str(tmp_path / "b.tar.gz")], input="n\n")
    assert result.exit_code != 0
    assert "Tiếp tục?" in result.output
