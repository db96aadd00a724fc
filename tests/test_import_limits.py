"""Oversized imports: a capped number of rows with a clear Vietnamese message, and a preview that lists
the first 200 errors and counts the rest, in bounded time and memory (issue 16, finding 7)."""
import io
import time
import tracemalloc

import pytest

from app.catalog import importer
from app.dossiers import importer as dossier_importer

HUGE_ROWS = 1_048_576  # Excel's last row: the probe's 4 MB file


def _upload(client, url: str, data: bytes, filename: str = "tep.csv"):
    return client.post(url, data={"file": (io.BytesIO(data), filename)}, content_type="multipart/form-data")


def _measured(call):
    """(response, seconds, peak MB allocated while answering): timed first, then traced (tracing is slow)."""
    started = time.perf_counter()
    response = call()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    try:
        call()
        return response, seconds, tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("url, header, limit", [
    ("/quan-ly/thu-tuc/nhap", b"code,name,field\n", "20.000"),
    ("/quan-ly/ho-so/nhap", b"ma_ho_so,ma_thu_tuc,nguoi_nop,ngay_tiep_nhan\n", "200.000"),
])
def test_a_million_bad_rows_are_refused_quickly_with_a_small_page(officer_client, url, header, limit):
    data = header + b"1,,\n" * HUGE_ROWS
    assert len(data) < 5 * 2**20
    response, seconds, peak = _measured(lambda: _upload(officer_client, url, data))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f"Tệp có hơn {limit} dòng dữ liệu: mỗi lần chỉ nhận tối đa {limit} dòng." in html
    assert 'class="field-errors"' in html
    print(f"{url}: {seconds:.2f} s, peak {peak:.0f} MB, page {len(html) // 1024} KB")
    assert len(html) < 50_000 and seconds < 5 and peak < 100


def test_the_catalogue_preview_lists_200_errors_and_counts_the_rest(officer_client):
    rows = b"".join(b"%d,,\n" % n for n in range(importer.MAX_ROWS))  # every row bad, at the cap
    upload = _upload(officer_client, "/quan-ly/thu-tuc/nhap", b"code,name,field\n" + rows)
    assert upload.status_code == 303
    preview, seconds, peak = _measured(lambda: officer_client.get(upload.headers["Location"]))
    html = preview.get_data(as_text=True)
    assert '<span class="stat-number">20000</span> dòng lỗi' in html
    assert html.count("<li>Dòng ") == 200 and "<li>Dòng 201:" in html and "<li>Dòng 202:" not in html
    assert "… và 19800 lỗi khác (chỉ hiện 200 lỗi đầu tiên)." in html
    print(f"catalogue preview: {seconds:.2f} s, peak {peak:.0f} MB, page {len(html) // 1024} KB")
    assert len(html) < 100_000 and seconds < 5 and peak < 100


def test_the_dossier_preview_lists_200_errors_and_counts_the_rest(officer_client):
    rows = b"".join(b"XT-2026-%06d,9.999999,A,02/03/2026\n" % n for n in range(1, 1001))
    upload = _upload(officer_client, "/quan-ly/ho-so/nhap", b"ma_ho_so,ma_thu_tuc,nguoi_nop,ngay_tiep_nhan\n" + rows)
    html = officer_client.get(upload.headers["Location"]).get_data(as_text=True)
    assert "1000 dòng có lỗi." in html
    assert html.count("<li>Dòng ") == 200 and "… và 800 lỗi khác (chỉ hiện 200 lỗi đầu tiên)." in html


@pytest.mark.parametrize("url, module", [("/quan-ly/thu-tuc/nhap", importer),
                                         ("/quan-ly/ho-so/nhap", dossier_importer)])
def test_the_cap_counts_rows_not_lines(officer_client, monkeypatch, url, module, make_procedure):
    make_procedure(code="1.000001", processing_time="3 Ngày làm việc")
    monkeypatch.setattr(module, "MAX_ROWS", 3)
    if module is importer:
        header, row = "code,name,field", '1.00000{n},"Tên\ntrên hai dòng",Hộ tịch'
    else:
        header, row = "ma_ho_so,ma_thu_tuc,nguoi_nop,ngay_tiep_nhan", 'XT-2026-00000{n},1.000001,"A\nB",02/03/2026'
    three = "\n".join([header, *(row.format(n=n) for n in range(1, 4))]) + "\n"
    assert _upload(officer_client, url, three.encode()).status_code == 303
    four = three + row.format(n=4) + "\n"
    refused = _upload(officer_client, url, four.encode())
    assert refused.status_code == 422 and "Tệp có hơn 3 dòng dữ liệu" in refused.get_data(as_text=True)


def test_the_command_line_import_is_capped_too(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "MAX_ROWS", 2)
    path = tmp_path / "ba-dong.csv"
    path.write_text("code,name,field\n1.000001,A,B\n1.000002,A,B\n1.000003,A,B\n", encoding="utf-8")
    result = runner.invoke(args=["import-procedures", str(path)])
    assert result.exit_code != 0 and "Tệp có hơn 2 dòng dữ liệu" in result.output
