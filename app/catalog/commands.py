"""Command-line tools for the catalogue: import a file, load the bundled seed."""
from pathlib import Path

import click
from flask import Flask
from sqlalchemy import func, select, update

from app.catalog import importer, life_events
from app.catalog.models import Procedure
from app.extensions import db

SEED_DIR = Path(__file__).parent / "seed"


def register(app: Flask) -> None:
    app.cli.add_command(import_procedures)
    app.cli.add_command(load_seed)


@click.command("import-procedures")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_procedures(path: Path) -> None:
    """Import procedures from a JSON or CSV file, upserting by code, all rows or none."""
    try:
        plan = importer.import_file(path.read_bytes(), path.name)
    except importer.CatalogImportError as exc:
        raise click.ClickException(f"Không nhập được tệp, chưa ghi gì: {exc}") from exc
    if plan.errors:
        for message in plan.errors[:20]:
            click.echo(message, err=True)
        more = plan.error_count - 20
        if more > 0:
            click.echo(f"... và {more} lỗi khác.", err=True)
        raise click.ClickException(f"{plan.error_count} dòng lỗi: không ghi dòng nào.")
    if plan.ignored_columns:
        click.echo("Bỏ qua các cột không dùng: " + ", ".join(plan.ignored_columns))
    for message in plan.warnings[:20]:
        click.echo(message, err=True)
    click.echo(
        f"Đã thêm {len(plan.added)}, cập nhật {len(plan.changed)}, "
        f"không đổi {len(plan.unchanged)} thủ tục."
    )


@click.command("load-seed")
def load_seed() -> None:
    """Load the bundled catalogue when the catalogue is empty; otherwise do nothing."""
    if db.session.scalar(select(func.count(Procedure.id))):
        click.echo("Danh mục đã có dữ liệu: không nạp lại.")
        _load_citizen_seed()
        return
    seed = SEED_DIR / "procedures.json"
    plan = importer.plan_import(importer.read_rows(seed.read_bytes(), seed.name))
    importer.apply_plan(plan)
    db.session.flush()
    common = (SEED_DIR / "common_codes.txt").read_text().split()
    db.session.execute(update(Procedure).where(Procedure.code.in_(common)).values(is_common=True))
    db.session.commit()
    click.echo(f"Đã nạp {len(plan.added)} thủ tục mẫu ({len(common)} thủ tục thường gặp).")
    _load_citizen_seed()


def _load_citizen_seed() -> None:
    """Life events, short names and what to bring: also for a catalogue loaded before they existed."""
    loaded = life_events.load_citizen_seed()
    db.session.commit()
    if loaded:
        click.echo(f"Đã nạp {loaded}.")
