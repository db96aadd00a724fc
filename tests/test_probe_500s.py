"""What an outside probe turned into 500s: huge page numbers, and spreadsheets declaring a DOCTYPE."""
import io
import zipfile

import openpyxl
import pytest

from app.audit.services import record
from app.extensions import db

HUGE = "99999999999999999999999"
LISTS = ["/quan-ly/thu-tuc/", "/quan-ly/ho-so/", "/quan-tri/nhat-ky"]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("page", [HUGE, "-5", "0", "9999999"])
def test_page_numbers_out_of_range_show_a_page_not_an_error(admin_client, make_procedure, path, page):
    make_procedure(name="Thủ tục trang cuối")
    response = admin_client.get(f"{path}?page={page}")
    assert response.status_code == 200


def test_a_page_past_the_end_shows_the_last_page(admin_client, make_procedure):
    make_procedure(name="Thủ tục trang cuối")
    assert "Thủ tục trang cuối" in admin_client.get(f"/quan-ly/thu-tuc/?page={HUGE}").get_data(as_text=True)


def _with_doctype(part: str, doctype: str) -> bytes:
    """A real workbook whose `part` gets `doctype` before its root element."""
    book = openpyxl.Workbook()
    book.active.append(["code", "name", "field"])
    book.active.append(["1.000001", "&xxe;", "Hộ tịch"])
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == part:
                declaration, rest = body.split(b"?>", 1) if body.startswith(b"<?xml") else (b"", body)
                body = (declaration + b"?>" if declaration else b"") + doctype.encode() + rest
            target.writestr(info, body)
    return out.getvalue()


DOCTYPES = {
    "external-entity": '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    "billion-laughs": '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    "bare-doctype": "<!DOCTYPE worksheet>",
}


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml"])
@pytest.mark.parametrize("url", ["/quan-ly/thu-tuc/nhap", "/quan-ly/ho-so/nhap"])
def test_a_workbook_with_a_doctype_is_refused_in_vietnamese(officer_client, url, part, doctype):
    data = _with_doctype(part, DOCTYPES[doctype])
    response = officer_client.post(url, data={"file": (io.BytesIO(data), "tep.xlsx")},
                                   content_type="multipart/form-data")
    assert response.status_code == 422
    assert "khai báo DOCTYPE hoặc thực thể XML" in response.get_data(as_text=True)
