"""The statistics report as an XLSX workbook, laid out like the district's report table."""
import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

from app.core.spreadsheets import xlsx_bytes
from app.dossiers.models import RATINGS
from app.dossiers.statistics import Report, Row

# (group heading, [(column heading, value of a row)]) in the district report's order.
GROUPS = (
    ("", [("Lĩnh vực", lambda r: r.name)]),
    ("Tồn kỳ trước", [("Tồn kỳ trước", lambda r: r.carried)]),
    ("Tiếp nhận trong kỳ", [("Tổng", lambda r: r.received), ("Trực tiếp", lambda r: r.direct),
                            ("Trực tuyến", lambda r: r.online), ("Bưu chính", lambda r: r.postal),
                            ("Đã số hóa", lambda r: r.digitised)]),
    ("Đã giải quyết", [("Tổng", lambda r: r.resolved), ("Trước hạn", lambda r: r.early),
                       ("Đúng hạn", lambda r: r.on_time), ("Quá hạn", lambda r: r.late),
                       ("Từ chối", lambda r: r.rejected)]),
    ("Đang giải quyết cuối kỳ", [("Tổng", lambda r: r.in_progress), ("Trong hạn", lambda r: r.within_time),
                                 ("Quá hạn", lambda r: r.overdue)]),
    ("Trả lại, rút", [("Trả lại bổ sung", lambda r: r.returned), ("Rút hồ sơ", lambda r: r.withdrawn)]),
    ("Đánh giá hài lòng", [(label, lambda r, s=score: r.ratings[s]) for score, label in RATINGS.items()]),
)
BOLD = Font(bold=True)
RED = PatternFill("solid", fgColor="F8D7DA")
GREEN = PatternFill("solid", fgColor="D4EDDA")


def workbook_bytes(report: Report, *more_sheets) -> bytes:
    """The report's table, then the three rates against their targets; `more_sheets(book)` add theirs."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Thống kê hồ sơ"
    sheet.append([f"THỐNG KÊ TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ – {report.period.label.upper()}"])
    sheet["A1"].font = BOLD
    _headings(sheet)
    for row in [*report.rows, report.total]:
        sheet.append([value(row) for _group, columns in GROUPS for _label, value in columns])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    sheet.append([])
    _rates(sheet, report)
    sheet.column_dimensions["A"].width = 36
    for add_sheet in more_sheets:
        add_sheet(book)
    return xlsx_bytes(book)


def _headings(sheet) -> None:
    groups, labels, spans, column = [], [], [], 1
    for group, columns in GROUPS:
        groups += [group] + [""] * (len(columns) - 1)
        labels += [label for label, _value in columns]
        if len(columns) > 1:
            spans.append((column, column + len(columns) - 1))
        column += len(columns)
    sheet.append(groups)
    sheet.append(labels)
    for first, last in spans:  # after the rows exist: a merge creates its cells
        sheet.merge_cells(start_row=2, start_column=first, end_row=2, end_column=last)
    for row in (2, 3):
        for cell in sheet[row]:
            cell.font, cell.alignment = BOLD, Alignment(horizontal="center", wrap_text=True)


def _rates(sheet, report: Report) -> None:
    names = {"online": "Tỷ lệ nộp trực tuyến", "digitised": "Tỷ lệ số hóa hồ sơ",
             "on_time": "Tỷ lệ giải quyết đúng hạn"}
    sheet.append(["Chỉ tiêu", "Tỷ lệ (%)", "Mục tiêu (%)", "Đạt"])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for name, rate in report.total.rates(report.targets).items():
        percent = float(rate.percent) if rate.percent is not None else None
        sheet.append([names[name], percent, rate.target, {True: "Đạt", False: "Chưa đạt", None: "–"}[rate.met]])
        if rate.met is not None:
            sheet.cell(sheet.max_row, 4).fill = GREEN if rate.met else RED
        sheet.cell(sheet.max_row, 2).number_format = "0.00"


def row_values(row: Row) -> list:
    """One report row as the cells the workbook writes (also what tests compare)."""
    return [value(row) for _group, columns in GROUPS for _label, value in columns]
