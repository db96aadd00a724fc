"""Importing the national database's export: upsert by code, all rows or none."""
import csv
import io
import json

import pytest
from sqlalchemy import func, select

from app.catalog.commands import SEED_DIR
from app.catalog.models import Field, Procedure
from app.extensions import db


def _write_json(tmp_path, rows, name="procedures.json"):
    path = tmp_path / name
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


def _write_csv(tmp_path, rows, name="procedures.csv", delimiter=","):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / name
    path.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")  # Excel writes a BOM
    return path


def _count(model) -> int:
    return db.session.scalar(select(func.count(model.id)))


def _row(code="1.000001", name="Đăng ký thử", field="Hộ tịch", **extra):
    return {"code": code, "name": name, "field": field, **extra}


def test_seed_file_imports_every_procedure_then_reports_unchanged(runner):
    seed = SEED_DIR / "procedures.json"
    first = runner.invoke(args=["import-procedures", str(seed)])
    assert first.exit_code == 0, first.output
    assert "Đã thêm 289, cập nhật 0, không đổi 0" in first.output
    second = runner.invoke(args=["import-procedures", str(seed)])
    assert "Đã thêm 0, cập nhật 0, không đổi 289" in second.output
    assert _count(Procedure) == 289
    birth = Procedure.by_code("1.001193")
    assert birth.name == "Thủ tục đăng ký khai sinh"
    assert birth.field.name == "Hộ tịch" and birth.field.slug == "ho-tich"
    assert birth.online is True
    assert "dang ky khai sinh" in birth.search_text


def test_update_changes_only_what_differs(runner, tmp_path):
    runner.invoke(args=["import-procedures", str(_write_json(tmp_path, [_row(), _row("1.000002")]))])
    changed = [_row(name="Đăng ký thử (sửa)"), _row("1.000002"), _row("1.000003", field="Chứng thực")]
    result = runner.invoke(args=["import-procedures", str(_write_json(tmp_path, changed))])
    assert "Đã thêm 1, cập nhật 1, không đổi 1" in result.output
    assert Procedure.by_code("1.000001").name == "Đăng ký thử (sửa)"
    assert _count(Field) == 2


def test_csv_with_semicolons_and_bom_imports(runner, tmp_path):
    path = _write_csv(tmp_path, [_row(online="khong_nop_truc_tuyen", url="")], delimiter=";")
    result = runner.invoke(args=["import-procedures", str(path)])
    assert result.exit_code == 0, result.output
    procedure = Procedure.by_code("1.000001")
    assert procedure.online is False and procedure.url is None


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"code": ""}, "Mục thứ 2: thiếu “Mã thủ tục” (code)"),
        ({"code": "1001193"}, "Mục thứ 2: mã thủ tục '1001193' không đúng dạng N.NNNNNN"),
        ({"name": ["a", "list"]}, "Mục thứ 2: cột “Tên thủ tục” có kiểu dữ liệu không hợp lệ"),
        ({"url": "javascript:alert(1)"}, "Mục thứ 2: địa chỉ 'javascript:alert(1)' phải bắt đầu bằng http"),
        ({"code": "1.000001"}, "Mục thứ 2: mã 1.000001 trùng với Mục thứ 1"),
    ],
)
def test_bad_row_aborts_whole_import_naming_row(runner, tmp_path, bad, message):
    rows = [_row(), _row("1.000002") | bad, _row("1.000003")]
    result = runner.invoke(args=["import-procedures", str(_write_json(tmp_path, rows))])
    assert result.exit_code != 0
    assert message in result.output
    assert "không ghi dòng nào" in result.output
    assert _count(Procedure) == 0 and _count(Field) == 0


def test_bad_csv_row_is_named_by_its_line(runner, tmp_path):
    path = _write_csv(tmp_path, [_row(), _row(code="abc")])
    result = runner.invoke(args=["import-procedures", str(path)])
    assert "Dòng 3: mã thủ tục 'abc'" in result.output
    assert _count(Procedure) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00garbage", "không phải văn bản UTF-8"),
        (b'[{"code": "1.000001",', "Tệp JSON bị lỗi"),
        (b'{"code": "1.000001"}', "phải là một danh sách"),
        (b"[1, 2]", "Mục thứ 1: không phải một thủ tục"),
    ],
)
def test_unreadable_files_write_nothing(runner, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    result = runner.invoke(args=["import-procedures", str(path)])
    assert result.exit_code != 0
    assert message in result.output
    assert _count(Procedure) == 0


def test_existing_catalogue_survives_a_bad_update(runner, tmp_path):
    runner.invoke(args=["import-procedures", str(_write_json(tmp_path, [_row()]))])
    rows = [_row(name="Tên mới"), _row("x.1")]
    runner.invoke(args=["import-procedures", str(_write_json(tmp_path, rows))])
    assert Procedure.by_code("1.000001").name == "Đăng ký thử"


def test_load_seed_only_when_empty_and_marks_common(runner):
    first = runner.invoke(args=["load-seed"])
    assert "Đã nạp 289 thủ tục mẫu" in first.output
    second = runner.invoke(args=["load-seed"])
    assert "không nạp lại" in second.output
    assert _count(Procedure) == 289
    assert Procedure.by_code("1.001193").is_common


def test_five_thousand_rows_import_quickly(runner, tmp_path):
    rows = [_row(f"8.{n:06d}", f"Thủ tục số {n}", f"Lĩnh vực {n % 40}") for n in range(5000)]
    result = runner.invoke(args=["import-procedures", str(_write_json(tmp_path, rows))])
    assert "Đã thêm 5000" in result.output
    assert _count(Procedure) == 5000


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_reimports_unchanged(seeded_app, tmp_path, kind):
    from app.catalog import exporter

    data = exporter.to_csv() if kind == "csv" else exporter.to_xlsx()
    path = tmp_path / f"catalogue.{kind}"
    path.write_bytes(data)
    result = seeded_app.test_cli_runner().invoke(args=["import-procedures", str(path)])
    assert result.exit_code == 0, result.output
    assert "Đã thêm 0, cập nhật 0, không đổi 289" in result.output


def test_export_neutralises_spreadsheet_formulas(app, make_procedure):
    from app.catalog import exporter

    make_procedure(name="=HYPERLINK(\"http://evil\")")
    assert "'=HYPERLINK" in exporter.to_csv().decode()


def test_xlsx_bad_row_named_by_line(runner, tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["code", "name", "field"])
    workbook.active.append(["1.000001", "Thủ tục A", "Hộ tịch"])
    workbook.active.append(["1.0000x2", "Thủ tục B", "Hộ tịch"])
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    result = runner.invoke(args=["import-procedures", str(path)])
    assert "Dòng 3: mã thủ tục '1.0000x2'" in result.output
    assert _count(Procedure) == 0


def test_zip_bomb_renamed_xlsx_is_refused(runner, tmp_path):
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/huge.xml", b"0" * (210 * 1024 * 1024))
    result = runner.invoke(args=["import-procedures", str(path)])
    assert result.exit_code != 0
    assert "quá lớn khi giải nén" in result.output


def test_nul_characters_in_a_file_are_dropped_not_a_crash(runner, tmp_path):
    """A JSON escape \\u0000 survives decoding; PostgreSQL cannot store it, so the importer drops it."""
    result = runner.invoke(args=["import-procedures", str(_write_json(tmp_path, [_row(name="Đăng ký\u0000 thử")]))])
    assert result.exit_code == 0, result.output
    assert Procedure.by_code("1.000001").name == "Đăng ký thử"
