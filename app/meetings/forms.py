"""Staff and attendee forms for meetings, with Vietnamese messages next to each field."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, DateField, SelectField, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, Length, Optional, Regexp

REQUIRED_DATE = "Vui lòng chọn ngày (ngày/tháng/năm)."


class MeetingForm(FlaskForm):
    """A meeting's own details."""

    title = StringField("Tên cuộc họp", validators=[
        DataRequired("Vui lòng nhập tên cuộc họp."), Length(max=300, message="Tên dài quá 300 ký tự.")])
    day = DateField("Ngày họp", validators=[DataRequired(REQUIRED_DATE)])
    at = TimeField("Giờ bắt đầu", validators=[DataRequired("Vui lòng chọn giờ bắt đầu.")])
    place = StringField("Địa điểm", validators=[Length(max=300, message="Địa điểm dài quá 300 ký tự.")])
    chair = StringField("Chủ trì", validators=[Length(max=200, message="Dài quá 200 ký tự.")])
    notes = TextAreaField("Ghi chú", validators=[Length(max=5000, message="Ghi chú dài quá 5000 ký tự.")])
    is_public = BooleanField("Công khai: hiện trên màn hình kiosk ở sảnh (khi đã công bố)")


class AgendaItemForm(FlaskForm):
    """One agenda point."""

    title = StringField("Nội dung", validators=[
        DataRequired("Vui lòng nhập nội dung."), Length(max=500, message="Nội dung dài quá 500 ký tự.")])
    presenter = StringField("Người trình bày", validators=[Length(max=200, message="Dài quá 200 ký tự.")])


class DocumentForm(FlaskForm):
    """One file to attach; its content is checked by app.uploads, not here."""

    file = FileField("Tệp (PDF, Word, Excel, PowerPoint, ảnh JPG/PNG)")
    title = StringField("Tên hiển thị (để trống: dùng tên tệp)", validators=[
        Length(max=300, message="Tên dài quá 300 ký tự.")])
    agenda_item = SelectField("Thuộc nội dung", coerce=int, validate_choice=False)

    def set_items(self, items) -> None:
        self.agenda_item.choices = [(0, "Tài liệu chung của cuộc họp")] + [
            (item.id, f"{n}. {item.title[:80]}") for n, item in enumerate(items, 1)]


class ReplaceForm(FlaskForm):
    file = FileField("Tệp mới")


class LinkForm(FlaskForm):
    """A new share link: how long it lives and an optional PIN."""

    expires_on = DateField("Hết hạn vào cuối ngày", validators=[DataRequired(REQUIRED_DATE)])
    pin = StringField("Mã PIN (không bắt buộc, 4–6 chữ số)", validators=[
        Optional(), Regexp(r"^\d{4,6}$", message="Mã PIN gồm 4 đến 6 chữ số.")])


class WifiForm(FlaskForm):
    """The hall's Wi-Fi, printed as a QR code on table cards."""

    ssid = StringField("Tên mạng Wi-Fi của hội trường", validators=[Length(max=32, message="Tên Wi-Fi tối đa 32 ký tự.")])
    password = StringField("Mật khẩu Wi-Fi", validators=[Length(max=63, message="Mật khẩu tối đa 63 ký tự.")])


class PinForm(FlaskForm):
    """What an attendee types when the link has a PIN."""

    pin = StringField("Mã PIN", validators=[DataRequired("Vui lòng nhập mã PIN.")])
