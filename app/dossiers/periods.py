"""Report periods from the statistics form: a month, a quarter, a year, or two dates."""
from datetime import date, timedelta

from app.dossiers.statistics import Period

KINDS = {"month": "Tháng", "quarter": "Quý", "year": "Năm", "custom": "Từ ngày… đến ngày…"}
MAX_DAYS = 3660


def month_period(year: int, month: int) -> Period:
    start = date(year, month, 1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return Period(start, end, f"Tháng {month:02d}/{year}")


def quarter_period(year: int, quarter: int) -> Period:
    start = date(year, 3 * quarter - 2, 1)
    end = month_period(year, 3 * quarter).end
    return Period(start, end, f"Quý {['I', 'II', 'III', 'IV'][quarter - 1]}/{year}")


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), f"Năm {year}")


def custom_period(start: date, end: date) -> Period:
    return Period(start, end, f"Từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}")


def _int(value, low: int, high: int, default: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


def _date(value) -> date | None:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return None


def from_args(args, today: date) -> tuple[Period, str | None]:
    """The period the form asks for, and a Vietnamese message when it had to fall back."""
    kind = args.get("ky", "month")
    year = _int(args.get("nam"), 2000, 2100, today.year)
    if kind == "quarter":
        return quarter_period(year, _int(args.get("quy"), 1, 4, (today.month - 1) // 3 + 1)), None
    if kind == "year":
        return year_period(year), None
    if kind == "custom":
        start, end = _date(args.get("tu")), _date(args.get("den"))
        if start and end and start <= end and (end - start).days <= MAX_DAYS:
            return custom_period(start, end), None
        message = "Khoảng ngày không hợp lệ (ngày bắt đầu phải trước ngày kết thúc); đang hiện tháng này."
        return month_period(today.year, today.month), message
    return month_period(year, _int(args.get("thang"), 1, 12, today.month)), None


def trend_months(end: date, count: int) -> list[Period]:
    """The `count` months up to the one holding `end`, oldest first."""
    year, month = end.year, end.month
    months = []
    for _ in range(count):
        months.append(month_period(year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]
