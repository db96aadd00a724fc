"""The statistics page (officers and viewers), its print layout and its XLSX export."""
from flask import Response, render_template, request
from markupsafe import Markup
from sqlalchemy import select

from app.auth.access import role_required
from app.catalog.models import Field
from app.core.htmx import render
from app.core.params import record_id
from app.dossiers import export, figures, periods, statistics, trend
from app.dossiers.models import RATINGS
from app.dossiers.blueprint import bp, today
from app.extensions import db
from app.queue import statistics as queue_statistics

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _wanted():
    period, message = periods.from_args(request.args, today())
    field_id = request.args.get("linh_vuc", type=record_id)
    return period, message, field_id


@bp.get("/quan-ly/thong-ke")
@role_required("viewer")
def show_statistics():
    """The report for the chosen period and field, with rates, targets and the monthly trend."""
    period, message, field_id = _wanted()
    report, months = figures.figures(period, field_id)
    context = dict(report=report, message=message, field_id=field_id, args=request.args, months=months,
                   query={k: v for k, v in request.args.items() if k != "in" and v}, chart=trend.chart(months),
                   ratings=RATINGS, count=statistics.format_count, percent=statistics.format_percent,
                   queue=queue_statistics.build_report(period.start, period.end), minutes=queue_statistics.minutes)
    if request.args.get("in") == "1":
        return render_template("dossiers/statistics_print.html", **context)
    report_html = figures.kept("html", period, field_id, request.query_string, lambda: Markup(
        render_template("dossiers/_report.html", **context)))
    return render("dossiers/statistics.html", "report", report_html=report_html, kinds=periods.KINDS,
                  fields=db.session.scalars(select(Field).order_by(Field.position, Field.name)).all(), **context)


@bp.get("/quan-ly/thong-ke.xlsx")
@role_required("viewer")
def export_statistics():
    """The same report as an Excel workbook, in the district report's layout."""
    period, _message, field_id = _wanted()
    queue = queue_statistics.build_report(period.start, period.end)
    body = export.workbook_bytes(figures.figures(period, field_id)[0],
                                 lambda book: queue_statistics.add_sheet(book, queue, period.label))
    filename = f"thong-ke-ho-so-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
    return Response(body, mimetype=XLSX, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
