"""The staff frame around every page: errors keep it, the tab icon exists, the README's commands run."""
import re
from pathlib import Path

from app.auth.commands import create_user

README = Path(__file__).resolve().parents[1] / "README.md"


def test_favicon_is_a_small_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/vnd.microsoft.icon"
    assert response.data[:4] == b"\x00\x00\x01\x00" and len(response.data) < 10_000


def test_a_signed_in_officer_meets_404_inside_the_staff_frame(officer_client):
    response = officer_client.get("/quan-ly/khong-co-trang-nay")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert 'class="staff"' in html and 'id="staff-nav"' in html and "Về trang Tổng quan" in html
    assert "hỏi cán bộ tại quầy" not in html


def test_a_viewer_refused_an_admin_page_keeps_the_staff_menu(viewer_client):
    response = viewer_client.get("/quan-tri/nguoi-dung")
    html = response.get_data(as_text=True)
    assert response.status_code == 403
    assert 'id="staff-nav"' in html and "Bạn không có quyền xem trang này." in html
    assert "Chỉ xem" in html  # says which role the account has


def test_citizens_and_signed_in_staff_on_the_kiosk_keep_the_kiosk_look(client, officer_client):
    for browser in (client, officer_client):
        html = browser.get("/kiosk/thu-tuc/9.999999").get_data(as_text=True)
        assert "hỏi cán bộ tại quầy" in html and 'id="staff-nav"' not in html


def test_readme_gives_create_user_the_user_name_as_its_argument(runner):
    line = next(l for l in README.read_text().splitlines() if "wsgi create-user" in l)
    assert re.search(r"create-user NAME\b", line)
    assert [p.name for p in create_user.params if p.param_type_name == "argument"] == ["username"]
    result = runner.invoke(args=["create-user", "truong-bo-phan", "--password", "mat-khau-dai-du-12"])
    assert result.exit_code == 0 and "truong-bo-phan" in result.output
