"""Upload checks judge content, not names; storage keeps files under UPLOAD_DIR with random names."""
import io
import zipfile
from pathlib import Path

import pytest

from app import uploads
from app.uploads import UploadRejected, inspect_upload
from tests.uploadfiles import EXE_BYTES, image_bytes, office_bytes, pdf_bytes, zip_bomb_docx


@pytest.mark.parametrize("name,data,kind", [
    ("Báo cáo quý 3 đường làng.pdf", pdf_bytes(), "pdf"),
    ("Tờ trình.docx", office_bytes("docx"), "docx"),
    ("Dự toán.xlsx", office_bytes("xlsx"), "xlsx"),
    ("Trình chiếu.pptx", office_bytes("pptx"), "pptx"),
    ("ảnh hiện trạng.JPG", image_bytes("jpeg"), "jpeg"),
    ("sơ đồ.png", image_bytes("png"), "png"),
])
def test_genuine_files_are_recognised_by_content(app, name, data, kind):
    checked = inspect_upload(data, name)
    assert (checked.kind, checked.size, checked.original_name) == (kind, len(data), name)


def test_decomposed_vietnamese_name_is_kept_composed(app):
    decomposed = "Đường làng.pdf".replace("ư", "u\u031b").replace("à", "a\u0300")
    assert inspect_upload(pdf_bytes(), decomposed).original_name == "Đường làng.pdf"


@pytest.mark.parametrize("name,data,message", [
    ("hop.pdf", EXE_BYTES, "không phải tệp được nhận"),
    ("to-trinh.docx", zip_bomb_docx(), "giải nén ra quá lớn"),
    ("../../x.pdf", pdf_bytes(), "không được chứa đường dẫn"),
    ("C:\\Users\\x.pdf", pdf_bytes(), "không được chứa đường dẫn"),
    ("rong.pdf", b"", "Tệp rỗng"),
    ("", pdf_bytes(), "Chưa chọn tệp"),
    ("that.docx", pdf_bytes(), "không khớp nội dung"),
    ("cut.pdf", pdf_bytes()[:-40], "không hoàn chỉnh"),
    ("macro.docx", office_bytes("docx", "ms-word.document.macroEnabled.main+xml"), "có macro"),
    ("khong-phai-word.docx", office_bytes("docx")[:200], "không phải tệp được nhận"),
    ("anh.png", image_bytes("png")[:60], "ảnh bị hỏng"),
])
def test_forged_and_broken_files_are_refused_with_a_reason(app, name, data, message):
    with pytest.raises(UploadRejected) as refused:
        inspect_upload(data, name)
    assert message in refused.value.message


DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
DECOY = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Override PartName="/word/decoy.xml" ContentType="application/vnd.openxmlformats-officedocument.'
         'wordprocessingml.document.main+xml"/><Override PartName="/word/document.xml" ContentType="' + DOCM_MAIN
         + '"/></Types>')


def _with_content_types(xml: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(office_bytes("docx"))) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, xml if info.filename == "[Content_Types].xml" else source.read(info))
    return out.getvalue()


@pytest.mark.parametrize("data", [
    office_bytes("docx", extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"}),  # ordinary content types
    office_bytes("docx", extra={"word/VBAPROJECT.BIN": b"x"}),
    office_bytes("docx", extra={"word/activeX/activeX1.xml": "<ax/>"}),
    office_bytes("xlsx", extra={"xl/vbaProject.bin": b"x"}),
    _with_content_types(DECOY),  # a DOCM main part beside a decoy override of the plain type
], ids=["vba-part", "vba-part-upper-case", "activex", "xlsm-part", "docm-with-decoy"])
def test_macro_bearing_office_files_are_refused_by_their_parts(app, data):
    name = "bang.xlsx" if b"xl/workbook.xml" in data else "to-trinh.docx"
    with pytest.raises(UploadRejected) as refused:
        inspect_upload(data, name)
    assert "có macro" in refused.value.message


def test_a_plain_office_file_with_a_doctype_in_its_content_types_is_refused(app):
    with pytest.raises(UploadRejected) as refused:
        inspect_upload(_with_content_types('<!DOCTYPE x [<!ENTITY a "b">]><Types/>'), "to-trinh.docx")
    assert "bị hỏng" in refused.value.message


def test_zip_with_too_many_parts_is_refused(app):
    parts = {f"word/media/{n}.xml": "x" for n in range(5001)}
    with pytest.raises(UploadRejected, match="quá nhiều phần"):
        inspect_upload(office_bytes("docx", extra=parts), "nhieu.docx")


def test_size_limit_comes_from_the_config(app):
    app.config["MAX_UPLOAD_MB"] = 1
    inspect_upload(pdf_bytes(padding=1024 * 1024 - 2000), "vua.pdf")
    with pytest.raises(UploadRejected, match="tối đa 1 MB"):
        inspect_upload(pdf_bytes(padding=1024 * 1024), "lon.pdf")


def test_kinds_can_be_narrowed(app):
    with pytest.raises(UploadRejected, match="Chỉ nhận: Ảnh JPG, Ảnh PNG"):
        inspect_upload(pdf_bytes(), "a.pdf", {"jpeg", "png"})


def test_default_limits_are_50_mb_per_file_and_a_body_cap_just_above(app):
    assert app.config["MAX_UPLOAD_MB"] == 50
    assert 50 * 1024 * 1024 < app.config["MAX_CONTENT_LENGTH"] <= 52 * 1024 * 1024


def test_store_writes_a_random_name_under_upload_dir_and_delete_removes_it(app):
    data = pdf_bytes()
    checked = inspect_upload(data, "Biên bản.pdf")
    first = uploads.store(io.BytesIO(data), checked, "meetings")
    second = uploads.store(data, checked, "meetings")
    assert first != second and "Biên" not in first and first.endswith(".pdf")
    path = uploads.path_of(first)
    assert path.read_bytes() == data
    assert Path(app.config["UPLOAD_DIR"]).resolve() in path.parents
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".part")] == []
    uploads.delete(first)
    assert not path.exists()


def test_a_stored_name_cannot_point_outside_the_folder(app):
    with pytest.raises(ValueError):
        uploads.path_of("../../etc/passwd")
