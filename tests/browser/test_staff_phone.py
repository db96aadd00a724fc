"""Every staff page on a 390×844 phone, signed in as an admin: nothing scrolls sideways, the menu is reachable.

The pages are read from the URL map, so a new staff page is walked (or must be named below) without
anyone remembering this test.
"""
import io
import secrets
from datetime import date, datetime

import pytest
from playwright.sync_api import expect
from flask import url_for
from sqlalchemy import delete, select
from werkzeug.datastructures import FileStorage

from app.announcements.models import Announcement
from app.auth.access import is_public
from app.auth.models import User
from app.catalog.models import Field, Procedure
from app.community.models import Activity, Hamlet, Member, activity_member
from app.dossiers.models import Dossier
from app.extensions import db
from app.guides.models import Guide, GuideStep
from app.meetings.models import AgendaItem, Meeting
from app.paper_forms import services as paper_services
from app.queue.models import Counter, ServiceGroup
from app.staff.navigation import sections_for
from tests.uploadfiles import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PHONE = {"width": 390, "height": 844}
PASSWORD = "mat-khau-dien-thoai"
# Staff GET endpoints that are not pages of the staff frame: files, images, print sheets, htmx parts.
NOT_PAGES = {
    "catalog.export_catalog", "community.export_report", "dossiers.export_statistics",
    "dossiers.receipt_qr", "dossiers.print_receipt", "dossiers.print_lookup_slip", "dossiers.preview_due_date",
    "dossiers.suggest_procedures", "guides.step_image", "meetings.link_qr", "meetings.wifi_qr",
    "meetings.staff_download", "meetings.table_card", "qr.print_sheet", "auth.login",
    "paper_forms.staff_download",
}


@pytest.fixture
def records(live_server):
    """One of each record a staff page shows by id, removed afterwards (the database is shared)."""
    with live_server.app.app_context():
        username = f"quan-tri-{secrets.token_hex(3)}"
        admin = User(username=username, full_name="Quản trị Điện Thoại", role="admin")
        admin.set_password(PASSWORD)
        procedure = db.session.scalar(select(Procedure).where(Procedure.code == "1.001193"))
        hamlet = Hamlet(name=f"Ấp Điện Thoại {secrets.token_hex(2)}", position=99)
        member = Member(name="Đặng Thị Hồng Nhung Điện Thoại", hamlet=hamlet, phone="0912 345 678")
        meeting = Meeting(title="Họp giao ban tháng có tên rất dài để thử xuống dòng trên điện thoại",
                          starts_at=datetime(2026, 12, 3, 1, 0), place="Hội trường UBND xã")
        meeting.agenda_items = [AgendaItem(title="Báo cáo tình hình tiếp nhận hồ sơ", position=1)]
        guide = Guide(title="Cài đặt VNeID trên điện thoại", summary="Từng bước.")
        guide.steps = [GuideStep(position=1, text="Tải ứng dụng VNeID từ kho ứng dụng.")]
        dossier = Dossier(receipt_code=f"XT-2026-9{secrets.randbelow(99999):05d}", procedure=procedure,
                          applicant_name="Nguyễn Văn Điện Thoại", applicant_phone="0912 000 222",
                          received_at=datetime(2026, 3, 2, 2, 0), due_date=date(2026, 3, 9))
        announcement = Announcement(text="Thông báo thử trên điện thoại.", starts_on=date(2026, 1, 1))
        db.session.add_all([admin, hamlet, member, meeting, guide, dossier, announcement,
                            Activity(occurred_on=date(2026, 3, 2), hamlet=hamlet, kind="vneid_2",
                                     people_helped=12, members=[member])])
        db.session.commit()
        blank = paper_services.store_file(
            FileStorage(io.BytesIO(pdf_bytes("To khai thu")), filename="to-khai-thu.pdf",
                        content_type="application/pdf"),
            "to-khai-thu.pdf", paper_services.BLANK_KINDS, username)
        paper_form = paper_services.create_form("Tờ khai thử trên điện thoại", blank, None)
        group = ServiceGroup(letter="Z", name="Nhóm thử trên điện thoại", position=99)
        counter = Counter(number=97, name="Quầy thử", groups=[group])
        db.session.add_all([group, counter])
        db.session.commit()
        field = db.session.scalar(select(Field).order_by(Field.id))
        event_id = db.session.execute(db.text("SELECT id FROM life_event ORDER BY id LIMIT 1")).scalar()
        values = {
            "meeting_id": meeting.id, "hamlet_id": hamlet.id, "member_id": member.id, "guide_id": guide.id,
            "step_id": guide.steps[0].id, "user_id": admin.id, "announcement_id": announcement.id,
            "field_id": field.id, "event_id": event_id, "form_id": paper_form.id,
            "group_id": group.id, "counter_id": counter.id, "number": counter.number,
            "code": {"catalog": "1.001193", "paper_forms": "1.001193", "dossiers": dossier.receipt_code},
            "part": "ten",
        }
        yield username, values
        db.session.execute(delete(activity_member).where(activity_member.c.member_id == member.id))
        db.session.execute(delete(Activity).where(Activity.hamlet_id == hamlet.id))
        for row in (member, hamlet, announcement, dossier, guide, meeting, admin, counter, group):
            db.session.delete(db.session.merge(row))
        paper_services.delete_form(db.session.merge(paper_form))
        db.session.commit()


def staff_pages(app, values: dict) -> dict[str, str]:
    """endpoint -> path of every staff page the app serves by GET, its ids filled from `values`."""
    pages = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or is_public(rule.endpoint) or rule.endpoint in NOT_PAGES:
            continue
        blueprint = rule.endpoint.split(".")[0]
        args = {}
        for name in rule.arguments - set(rule.defaults or {}):  # "/them" pages take no id
            value = values.get(name)
            args[name] = value[blueprint] if isinstance(value, dict) else value
        assert None not in args.values(), f"{rule.endpoint}: no value for {rule.arguments}: add it to `records`"
        with app.test_request_context():
            pages[rule.endpoint] = url_for(rule.endpoint, **args)
    return pages


def test_every_staff_page_fits_a_phone_and_the_menu_reaches_every_section(browser, live_server, records, artifacts):
    username, values = records
    pages = staff_pages(live_server.app, values)
    assert len(pages) >= 40, sorted(pages)
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(live_server.at("/dang-nhap"))
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator("h1")).to_have_text("Tổng quan")

    too_wide, menu_sizes, broken = {}, set(), {}
    for endpoint, path in sorted(pages.items()):
        response = page.goto(live_server.at(path))
        if response.status != 200:
            broken[path] = response.status
            continue
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
        menu_sizes.add(_open_menu_and_count(page))
        if endpoint in ("community.list_activities", "admin.list_audit_entries", "meetings.show_meeting"):
            page.screenshot(path=artifacts / f"phone-{endpoint}.png", full_page=True)
    context.close()
    assert too_wide == {}, f"pages wider than 390 px: {too_wide}"
    with live_server.app.test_request_context():
        sections = len(sections_for(db.session.scalar(select(User).where(User.username == username))))
    assert menu_sizes == {sections}, f"all {sections} sections of the admin's menu are reachable on every page"


def _open_menu_and_count(page) -> int:
    """Press "Menu" and count the menu's links a person can see and tap (inside the 390 px)."""
    button = page.get_by_role("button", name="Menu")
    expect(button).to_be_visible()
    expect(page.locator("#staff-nav")).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    links = page.locator("#staff-nav a")
    visible = [box for box in (links.nth(n).bounding_box() for n in range(links.count()))
               if box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]]
    return len(visible)
