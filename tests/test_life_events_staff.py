"""Officers shape the kiosk's life events and confirm unclear processing times."""
from sqlalchemy import func, select

from app.catalog.models import LifeEvent, Procedure
from app.extensions import db

EVENTS = "/quan-ly/thu-tuc/su-kien"
TIMES = "/quan-ly/thu-tuc/thoi-han"


def _html(response) -> str:
    return response.get_data(as_text=True)


def _codes(event: LifeEvent) -> list[str]:
    db.session.expire_all()
    return [p.code for p in db.session.get(LifeEvent, event.id).active_procedures()]


def test_officer_creates_fills_orders_renames_and_deletes_an_event(officer_client, client, make_procedure):
    first = make_procedure(code="1.000001", name="Thủ tục đăng ký khai sinh", short_name="Đăng ký khai sinh")
    second = make_procedure(code="1.000002", name="Thủ tục đăng ký lại khai sinh")
    response = officer_client.post(EVENTS, data={"name": "Sinh con", "icon": "baby"})
    assert response.status_code == 303
    event = db.session.scalar(select(LifeEvent))
    assert event.slug == "sinh-con"
    for code in ("1.000002", "1.000001"):
        assert officer_client.post(f"{EVENTS}/{event.id}/thu-tuc", data={"code": code}).status_code == 303
    assert _codes(event) == ["1.000002", "1.000001"]
    officer_client.post(f"{EVENTS}/{event.id}/thu-tuc/{first.id}/len")
    assert _codes(event) == ["1.000001", "1.000002"]
    kiosk = _html(client.get("/kiosk/su-kien/sinh-con"))
    assert kiosk.index("Đăng ký khai sinh") < kiosk.index("Thủ tục đăng ký lại khai sinh")
    # Renaming keeps the address printed QR codes point at.
    officer_client.post(f"{EVENTS}/{event.id}", data={"name": "Có em bé", "icon": "baby"})
    assert "Có em bé" in _html(client.get("/kiosk/su-kien/sinh-con"))
    assert 'href="/kiosk/su-kien/sinh-con"' in _html(client.get("/kiosk/"))
    officer_client.post(f"{EVENTS}/{event.id}/thu-tuc/{second.id}/bo")
    assert _codes(event) == ["1.000001"]
    officer_client.post(f"{EVENTS}/{event.id}/xoa")
    assert client.get("/kiosk/su-kien/sinh-con").status_code == 404
    assert db.session.scalar(select(func.count(Procedure.id))) == 2


def test_bad_input_gets_a_vietnamese_message_and_changes_nothing(officer_client, make_procedure):
    make_procedure(code="1.000001")
    assert officer_client.post(EVENTS, data={"name": "  ", "icon": "baby"}).status_code == 422
    officer_client.post(EVENTS, data={"name": "Kết hôn", "icon": "rings"})
    event = db.session.scalar(select(LifeEvent))
    response = officer_client.post(f"{EVENTS}/{event.id}/thu-tuc", data={"code": "9.999999"})
    assert response.status_code == 422 and "Không có thủ tục mã “9.999999”" in _html(response)
    assert _codes(event) == []
    assert officer_client.post(f"{EVENTS}/{event.id}", data={"name": "x", "icon": "../evil"}).status_code == 422


def test_viewers_read_but_do_not_write(viewer_client):
    assert viewer_client.get(EVENTS).status_code == 200
    assert viewer_client.get(TIMES).status_code == 200
    assert viewer_client.post(EVENTS, data={"name": "Sinh con", "icon": "baby"}).status_code == 403
    assert db.session.scalar(select(func.count(LifeEvent.id))) == 0


def test_unclear_times_are_listed_and_a_confirmed_one_shows_on_the_kiosk(officer_client, client, make_procedure):
    vague = make_procedure(code="1.000001", processing_time="1", is_common=True)
    make_procedure(code="1.000002", processing_time="3 Ngày làm việc")
    listing = _html(officer_client.get(TIMES))
    assert "1.000001" in listing and "1.000002" not in listing
    assert "Xin hỏi cán bộ tại quầy" in _html(client.get("/kiosk/thu-tuc/1.000001"))
    refused = officer_client.post(f"{TIMES}/1.000001", data={"time_amount": "2", "time_unit": ""})
    assert refused.status_code == 422 and "Vui lòng chọn đơn vị" in _html(refused)
    response = officer_client.post(f"{TIMES}/1.000001", data={"time_amount": "2", "time_unit": "ngày làm việc"})
    assert response.status_code == 303
    db.session.expire_all()
    assert (db.session.get(Procedure, vague.id).time_amount, db.session.get(Procedure, vague.id).time_unit) == (
        2, "ngày làm việc")
    assert "1.000001" not in _html(officer_client.get(TIMES)).split("Còn", 1)[1]
    assert "2 ngày làm việc" in _html(client.get("/kiosk/thu-tuc/1.000001"))


def test_edit_form_saves_a_short_name_of_at_most_eight_words(officer_client, make_procedure, client):
    procedure = make_procedure(code="1.000001", name="Thủ tục đăng ký khai sinh có yếu tố nước ngoài tại xã")
    data = {"name": procedure.name, "field_id": procedure.field_id, "online": "", "online_full": ""}
    too_long = officer_client.post(f"/quan-ly/thu-tuc/1.000001/sua",
                                   data=data | {"short_name": "một hai ba bốn năm sáu bảy tám chín"})
    assert too_long.status_code == 422 and "tối đa 8 chữ" in _html(too_long)
    ok = officer_client.post(f"/quan-ly/thu-tuc/1.000001/sua",
                             data=data | {"short_name": "Khai sinh có yếu tố nước ngoài",
                                          "what_to_bring": "- Tờ khai\n- Giấy chứng sinh"})
    assert ok.status_code == 303
    page = _html(client.get("/kiosk/thu-tuc/1.000001"))
    assert "Khai sinh có yếu tố nước ngoài" in page and "<li>Giấy chứng sinh</li>" in page
