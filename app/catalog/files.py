"""Reading an uploaded catalogue or dossier file (JSON list, CSV or XLSX) into rows, lazily and capped.

Both imports read through here: rows come one at a time, so a cap on their number bounds the time
and memory a file can cost; workbooks are checked for ZIP bombs and XML entities first.
"""
import csv
import io
import json
import zipfile
from collections.abc import Iterator

import openpyxl
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

MAX_XLSX_INFLATED = 200 * 1024 * 1024


class CatalogImportError(Exception):
    """The file cannot be imported; the message says which row and why, in Vietnamese."""


def read_rows(data: bytes, filename: str, max_rows: int | None = None) -> list[tuple[str, dict]]:
    """Decode a JSON list, a CSV or an XLSX file into (row label, row) pairs."""
    return list(iter_rows(data, filename, max_rows))


def iter_rows(data: bytes, filename: str, max_rows: int | None = None) -> Iterator[tuple[str, dict]]:
    """(row label, row) pairs, read as they are needed; past `max_rows` rows, CatalogImportError.

    A file of a million bad rows thus costs the time and memory of `max_rows` rows, not its own.
    """
    rows = _rows(data, filename)
    for count, row in enumerate(rows, start=1):
        if max_rows is not None and count > max_rows:
            close = getattr(rows, "close", None)
            if close:
                close()
            limit = f"{max_rows:,}".replace(",", ".")  # 20.000, as Vietnamese writes it
            raise CatalogImportError(f"Tệp có hơn {limit} dòng dữ liệu: mỗi lần chỉ nhận tối đa {limit} dòng. "
                                     "Vui lòng chia thành nhiều tệp nhỏ hơn hoặc xóa các dòng thừa.")
        yield row


def count_rows(data: bytes, filename: str, max_rows: int) -> int:
    """How many rows the file holds, reading it once without keeping them; CatalogImportError if unreadable."""
    return sum(1 for _ in iter_rows(data, filename, max_rows))


def _rows(data: bytes, filename: str) -> Iterator[tuple[str, dict]]:
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        return _xlsx_rows(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogImportError("Tệp không phải văn bản UTF-8.") from exc
    if filename.lower().endswith(".json") or text.lstrip().startswith(("[", "{")):
        return iter(_json_rows(text))
    return _csv_rows(text)


def _json_rows(text: str) -> list[tuple[str, dict]]:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogImportError(f"Tệp JSON bị lỗi ở dòng {exc.lineno}: {exc.msg}.") from exc
    if not isinstance(items, list):
        raise CatalogImportError("Tệp JSON phải là một danh sách các thủ tục.")
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise CatalogImportError(f"Mục thứ {number}: không phải một thủ tục (cần một đối tượng JSON).")
        rows.append((f"Mục thứ {number}", item))
    return rows


def _csv_rows(text: str) -> Iterator[tuple[str, dict]]:
    # The header names the columns, so its line alone tells the delimiter Excel used.
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        if not reader.fieldnames:
            raise CatalogImportError("Tệp CSV trống.")
        reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    except csv.Error as exc:
        raise CatalogImportError(f"Tệp CSV bị lỗi ở dòng {reader.line_num}.") from exc
    return _csv_records(reader)


def _csv_records(reader: csv.DictReader) -> Iterator[tuple[str, dict]]:
    try:
        # Line 1 is the header, so data row i sits on line i + 1.
        for number, row in enumerate(reader, start=2):
            yield f"Dòng {number}", row
    except csv.Error as exc:
        raise CatalogImportError(f"Tệp CSV bị lỗi ở dòng {reader.line_num}.") from exc


def _xlsx_rows(data: bytes) -> Iterator[tuple[str, dict]]:
    """Read the first sheet, streaming; its first row names the columns, like the CSV header."""
    check_xlsx_size(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise CatalogImportError("Tệp Excel bị hỏng hoặc không phải định dạng .xlsx.") from exc
    try:
        sheet_rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = [str(cell or "").strip().lower() for cell in next(sheet_rows, [])]
        if not any(header):
            raise CatalogImportError("Trang tính đầu tiên trống.")
        for number, cells in enumerate(sheet_rows, start=2):
            if any(cell not in (None, "") for cell in cells):
                yield f"Dòng {number}", {h: c for h, c in zip(header, cells) if h}
    finally:
        workbook.close()


def check_xlsx_size(data: bytes) -> None:
    """Refuse a ZIP whose parts inflate past the cap: a small file must not fill the memory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise CatalogImportError("Tệp Excel bị hỏng hoặc không phải định dạng .xlsx.") from exc
    if inflated > MAX_XLSX_INFLATED:
        raise CatalogImportError("Tệp Excel quá lớn khi giải nén.")
    _refuse_doctypes(data)


def _refuse_doctypes(data: bytes) -> None:
    """Refuse a workbook whose XML parts declare a DOCTYPE or entities (XXE, billion laughs).

    Excel never writes one; a declaration comes before the root element, so each part is parsed
    only up to its root (defusedxml raises on the way), in whatever encoding the part declares.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.endswith((".xml", ".rels", ".vml")):
                continue
            try:
                with archive.open(name) as part:
                    next(iterparse(part, events=("start",), forbid_dtd=True), None)
            except DefusedXmlException as exc:
                raise CatalogImportError(
                    "Tệp Excel chứa khai báo DOCTYPE hoặc thực thể XML, không an toàn nên không đọc. "
                    "Vui lòng mở tệp bằng Excel rồi lưu lại thành .xlsx.") from exc
            except Exception:  # a damaged part: openpyxl says so below, in its own words
                continue
