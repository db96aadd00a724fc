"""Community work in a real Chromium: activity entry on a phone, today's duty and guides on the kiosk."""
import secrets
import subprocess
from datetime import date

import pytest
from PIL import Image
from playwright.sync_api import expect
from sqlalchemy import delete

from app.announcements.models import Announcement
from app.auth.models import User
from app.community.models import Activity, Hamlet, Member, activity_member
from app.extensions import db
from app.guides.models import Guide, GuideStep
from app.roster import services
from app.roster.models import DutyException, DutyShift

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PASSWORD = "mat-khau-trinh-duyet"
PORTAL = "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"


@pytest.fixture
def community(live_server):
    """Two hamlets, a youth union member on duty today in both sessions, an announcement and a guide.

    Everything is removed afterwards: the live server's database is shared with other browser tests.
    """
    with live_server.app.app_context():
        binh_minh, tan_lap = Hamlet(name="Ấp Bình Minh", position=1), Hamlet(name="Ấp Tân Lập", position=2)
        lan = Member(name="Nguyễn Thị Lan", hamlet=binh_minh, organisation="youth_union", phone="0912 345 678")
        minh = Member(name="Trần Văn Minh", hamlet=tan_lap, role="leader")
        weekday = services.today().weekday()
        guide = Guide(title="Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công", published=True, url=PORTAL,
                      summary="Làm theo từng bước, có cán bộ hỗ trợ tại quầy.")
        guide.steps = [GuideStep(position=1, text="Quét mã QR bên phải để mở Cổng Dịch vụ công quốc gia.", url=PORTAL),
                       GuideStep(position=2, text="Chọn “Đăng nhập” rồi chọn “Tài khoản định danh điện tử (VNeID)”.")]
        db.session.add_all([binh_minh, tan_lap, lan, minh, guide,
                            DutyShift(member=lan, weekday=weekday, session="morning", starts_on=date(2026, 1, 1)),
                            DutyShift(member=lan, weekday=weekday, session="afternoon", starts_on=date(2026, 1, 1)),
                            Announcement(text="Thứ Bảy 28/11 Bộ phận Một cửa làm việc buổi sáng.",
                                         starts_on=date(2026, 1, 1))])
        db.session.commit()
        # A whole-day duty on a public holiday would show nobody: make sure today has a duty either way.
        if services.holiday_name(services.today()):
            db.session.add(DutyException(day=services.today(), session="morning", kind="swap", member=lan))
            db.session.commit()
        yield {"hamlets": (binh_minh.id, tan_lap.id), "guide": guide.id}
        for model in (DutyException, DutyShift, Announcement, GuideStep, Guide):
            db.session.execute(delete(model))
        db.session.execute(delete(activity_member))
        for model in (Activity, Member, Hamlet):
            db.session.execute(delete(model))
        db.session.commit()


@pytest.fixture
def staff_page(browser, live_server):
    """Returns open(viewport) -> a page signed in as a fresh officer through the sign-in form."""
    username = f"to-cns-{secrets.token_hex(3)}"
    with live_server.app.app_context():
        user = User(username=username, full_name="Cán bộ Văn hóa", role="officer")
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
    contexts = []

    def open_(viewport: dict = DESKTOP, **options):
        context = browser.new_context(viewport=viewport, locale="vi-VN", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.at("/dang-nhap"))
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
        return page

    yield open_
    for context in contexts:
        context.close()


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_team_member_logs_an_activity_on_a_phone(community, staff_page, live_server, artifacts):
    page = staff_page(PHONE, has_touch=True, is_mobile=True)
    page.goto(live_server.at("/quan-ly/to-cong-nghe-so/hoat-dong/them"))
    assert _no_sideways_scroll(page)
    page.get_by_label("Ấp/thôn").select_option(label="Ấp Bình Minh")
    page.get_by_label("VNeID mức độ 2").check()
    page.get_by_label("Số người (hộ) được hỗ trợ").fill("6")
    page.get_by_label("Nguyễn Thị Lan").check()
    page.screenshot(path=artifacts / "community-activity-phone.png", full_page=True)
    page.get_by_role("button", name="Lưu hoạt động").tap()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu: VNeID mức độ 2, 6 người, Ấp Bình Minh")
    # Ready for the next entry in the same hamlet, without a page of its own to go back from.
    expect(page.get_by_label("Ấp/thôn")).to_have_value(str(community["hamlets"][0]))
    assert _no_sideways_scroll(page)
    page.screenshot(path=artifacts / "community-activity-phone-saved.png", full_page=True)


def test_phone_entry_shows_its_mistakes_in_place(community, staff_page, live_server, artifacts):
    page = staff_page(PHONE, has_touch=True, is_mobile=True)
    page.goto(live_server.at("/quan-ly/to-cong-nghe-so/hoat-dong/them"))
    page.get_by_role("button", name="Lưu hoạt động").tap()
    expect(page.get_by_text("Vui lòng chọn ấp/thôn.")).to_be_visible()
    expect(page.get_by_text("Vui lòng nhập số người được hỗ trợ (ít nhất 1).")).to_be_visible()
    page.screenshot(path=artifacts / "community-activity-phone-errors.png", full_page=True)


@pytest.mark.parametrize("screen", ["landscape", "portrait"])
def test_kiosk_home_shows_todays_duty_announcement_and_guides(community, live_server, open_page, artifacts, screen):
    page = open_page(screen)
    page.goto(live_server.at("/kiosk/"))
    expect(page.locator("#truc-hom-nay")).to_have_text(
        "Hôm nay có Nguyễn Thị Lan (buổi sáng và buổi chiều) hỗ trợ nộp hồ sơ trực tuyến tại quầy."
        if not services.holiday_name(services.today()) else
        "Hôm nay có Nguyễn Thị Lan (buổi sáng) hỗ trợ nộp hồ sơ trực tuyến tại quầy.")
    expect(page.get_by_text("Thứ Bảy 28/11 Bộ phận Một cửa làm việc buổi sáng.")).to_be_visible()
    # The announcement band runs edge to edge; it must not make the home page scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.screenshot(path=artifacts / f"community-kiosk-home-{screen}.png")
    page.locator(".guide-tile").filter(has_text="Nộp hồ sơ trực tuyến").tap()
    expect(page.locator("h1")).to_have_text("Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công")
    expect(page.locator(".guide-step")).to_have_count(2)
    page.screenshot(path=artifacts / f"community-kiosk-guide-{screen}.png", full_page=True)


def test_guide_qr_on_the_kiosk_decodes_to_the_portal(community, live_server, open_page, artifacts):
    page = open_page("landscape")
    page.goto(live_server.at(f"/kiosk/huong-dan/{community['guide']}"))
    shot = artifacts / "community-kiosk-guide-qr.png"
    page.locator(".guide-main-qr img").screenshot(path=shot)
    result = subprocess.run(["zbarimg", "--raw", "-q", str(shot)], capture_output=True, text=True)
    assert result.stdout.strip() == PORTAL


def test_officer_uploads_a_step_image_and_sees_the_roster_and_report(community, staff_page, live_server, artifacts, tmp_path):
    page = staff_page()
    page.goto(live_server.at(f"/quan-ly/huong-dan/{community['guide']}"))
    picture = tmp_path / "man-hinh.png"
    Image.new("RGB", (360, 640), (11, 58, 117)).save(picture)
    page.get_by_label("Nội dung bước").fill("Chọn “Nộp hồ sơ” và làm theo hướng dẫn trên màn hình.")
    page.get_by_label("Ảnh minh họa (JPG hoặc PNG)").set_input_files(str(picture))
    page.get_by_role("button", name="Thêm bước").click()
    expect(page.locator(".step-list li")).to_have_count(3)
    expect(page.locator(".step-list img")).to_have_count(1)
    page.screenshot(path=artifacts / "community-staff-guide.png", full_page=True)
    fake = tmp_path / "khong-phai-anh.png"
    fake.write_bytes(b"this is text, not a picture")
    page.get_by_label("Nội dung bước").fill("Bước có ảnh giả")
    page.get_by_label("Ảnh minh họa (JPG hoặc PNG)").set_input_files(str(fake))
    page.get_by_role("button", name="Thêm bước").click()
    expect(page.get_by_text("“khong-phai-anh.png” không phải tệp được nhận")).to_be_visible()
    expect(page.locator(".step-list li")).to_have_count(3)
    page.goto(live_server.at("/quan-ly/lich-truc/"))
    expect(page.locator(".calendar .is-today")).to_contain_text("Nguyễn Thị Lan")
    page.screenshot(path=artifacts / "community-roster-month.png", full_page=True)
    page.get_by_role("link", name="Tháng sau →").click()
    expect(page.locator(".month-nav strong")).not_to_have_text(f"Tháng {services.today().strftime('%m/%Y')}")
    with live_server.app.app_context():
        binh_minh = db.session.get(Hamlet, community["hamlets"][0])
        db.session.add_all([Activity(hamlet=binh_minh, kind=kind, people_helped=people, occurred_on=services.today())
                            for kind, people in (("vneid_1", 14), ("vneid_2", 6), ("cashless", 9))])
        db.session.commit()
    page.goto(live_server.at("/quan-ly/to-cong-nghe-so/bao-cao"))
    expect(page.locator(".notice-warning")).to_have_text("Chưa có hoạt động trong tháng: Ấp Tân Lập.")
    expect(page.locator('[data-hamlet="Ấp Bình Minh"] [data-kind="total"]')).to_have_text("29 (3 lượt)")
    page.screenshot(path=artifacts / "community-report.png", full_page=True)


def _serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in violations if v["impact"] in ("serious", "critical")]


def test_axe_finds_no_serious_violation_on_kiosk_duty_and_guide(community, live_server, open_page):
    page = open_page("landscape")
    for path in ("/kiosk/", f"/kiosk/huong-dan/{community['guide']}"):
        page.goto(live_server.at(path))
        assert _serious_violations(page) == [], path


def test_axe_finds_no_serious_violation_on_the_phone_form(community, staff_page, live_server):
    page = staff_page(PHONE, has_touch=True, is_mobile=True)
    page.goto(live_server.at("/quan-ly/to-cong-nghe-so/hoat-dong/them"))
    assert _serious_violations(page) == []
