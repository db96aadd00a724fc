"""The statistics page (officers and viewers), its print layout and its XLSX export."""
from flask import Response, render_template, request
from sqlalchemy import select

from app.auth.access import role_required
from app.catalog.models import Field
from app.core.htmx import render
from app.dossiers import export, periods, statistics, trend
from app.dossiers.models import RATINGS
from app.dossiers.views import bp, today
from app.extensions import db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _wanted():
    period, message = periods.from_args(request.args, today())
    field_id = request.args.get("linh_vuc", type=int)
    return period, message, field_id


@bp.get("/quan-ly/thong-ke")
@role_required("viewer")
def show_statistics():
    """The report for the chosen period and field, with rates, targets and the monthly trend."""
    period, message, field_id = _wanted()
    report = statistics.build_report(period, field_id)
    months = trend.monthly(periods.trend_months(period.end, trend_size()), field_id)
    template = "dossiers/statistics_print.html" if request.args.get("in") == "1" else "dossiers/statistics.html"
    return render(template, "report", report=report, message=message, field_id=field_id,
                  fields=db.session.scalars(select(Field).order_by(Field.position, Field.name)).all(),
                  kinds=periods.KINDS, args=request.args,
                  query={k: v for k, v in request.args.items() if k != "in" and v}, chart=trend.chart(months), months=months,
                  ratings=RATINGS, count=statistics.format_count, percent=statistics.format_percent)


def trend_size() -> int:
    return statistics.TREND_MONTHS


@bp.get("/quan-ly/thong-ke.xlsx")
@role_required("viewer")
def export_statistics():
    """The same report as an Excel workbook, in the district report's layout."""
    period, _message, field_id = _wanted()
    body = export.workbook_bytes(statistics.build_report(period, field_id))
    filename = f"thong-ke-ho-so-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
    return Response(body, mimetype=XLSX, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
