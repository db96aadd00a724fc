"""`flask backup DEST` and `flask restore SRC`."""
from datetime import datetime
from pathlib import Path

import click
from flask import Flask

from app.backup import services


def register(app: Flask) -> None:
    app.cli.add_command(backup)
    app.cli.add_command(restore)


@click.command("backup")
@click.argument("destination", type=click.Path(path_type=Path))
def backup(destination: Path) -> None:
    """Write a consistent backup (database and uploaded files) while the app keeps serving."""
    if destination.is_dir():
        destination = destination / f"motcua-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
    try:
        manifest = services.create_backup(destination)
    except services.BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    rows = sum(manifest["tables"].values())
    click.echo(f"Đã sao lưu vào {destination}: {len(manifest['tables'])} bảng, {rows} dòng.")


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore(source: Path, yes: bool) -> None:
    """Replace the database and uploaded files with a backup's. Stop the server first."""
    if not yes:
        click.confirm("Toàn bộ dữ liệu hiện tại sẽ bị thay bằng bản sao lưu. Tiếp tục?", abort=True)
    try:
        manifest = services.restore_backup(source)
    except services.BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Đã khôi phục bản sao lưu lúc {manifest['created_at']}.")
