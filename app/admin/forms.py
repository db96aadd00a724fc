"""Admin forms: accounts, settings, and the audit log filter."""
from urllib.parse import urlsplit

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectChoice, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, NumberRange, Optional, Regexp, ValidationError

from app.auth.forms import new_password_field
from app.auth.models import ROLE_LABELS, User
from app.speech import VOICES

ROLE_CHOICES = [SelectChoice(value, label) for value, label in ROLE_LABELS.items()]


def is_web_address(value: str) -> bool:
    """True for an http(s) URL with a host and no spaces."""
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host) and not any(c.isspace() for c in value)


class UserCreateForm(FlaskForm):
    username = StringField("Tên đăng nhập", validators=[
        DataRequired("Vui lòng nhập tên đăng nhập."), Length(max=80, message="Tối đa 80 ký tự."),
        Regexp(r"^[A-Za-z0-9._-]+$", message="Chỉ dùng chữ không dấu, số, dấu chấm, gạch ngang.")])
    full_name = StringField("Họ và tên", validators=[Length(max=200, message="Tối đa 200 ký tự.")])
    role = SelectField("Vai trò", choices=ROLE_CHOICES, default="officer")
    password = new_password_field("Mật khẩu tạm thời")

    def validate_username(self, field) -> None:
        if User.by_username(field.data):
            raise ValidationError("Tên đăng nhập này đã có.")


class UserEditForm(FlaskForm):
    full_name = StringField("Họ và tên", validators=[Length(max=200, message="Tối đa 200 ký tự.")])
    role = SelectField("Vai trò", choices=ROLE_CHOICES)
    active = BooleanField("Đang hoạt động (bỏ chọn để khóa tài khoản)")


class PasswordResetForm(FlaskForm):
    password = new_password_field("Mật khẩu tạm thời mới")


class SettingsForm(FlaskForm):
    commune_name = StringField("Tên đơn vị (xã, phường)", validators=[
        DataRequired("Vui lòng nhập tên xã, phường."), Length(max=200, message="Tối đa 200 ký tự.")])
    public_base_url = StringField("Địa chỉ công khai của hệ thống", validators=[
        DataRequired("Vui lòng nhập địa chỉ."), Length(max=300, message="Tối đa 300 ký tự.")])
    kiosk_idle_seconds = IntegerField("Thời gian chờ của máy kiosk (giây)", validators=[
        DataRequired("Vui lòng nhập số giây."),
        NumberRange(min=30, max=600, message="Nhập một số từ 30 đến 600 giây.")])
    kiosk_announcement = TextAreaField("Dòng thông báo trên kiosk", validators=[
        Optional(), Length(max=200, message="Tối đa 200 ký tự.")])
    # validate_choice would answer in English; AnyOf says it in Vietnamese.
    kiosk_voice = SelectField(
        "Giọng đọc trên kiosk (nút “Đọc to”)", validate_choice=False,
        choices=[SelectChoice(value, label) for value, label in VOICES.items()],
        validators=[AnyOf(list(VOICES), message="Vui lòng chọn một giọng đọc trong danh sách.")])
    kiosk_printer = BooleanField("Kiosk có máy in (hiện nút “In mẫu này” bên mẫu đơn, tờ khai)")
    keep_citizen_id_number = BooleanField("Lưu số căn cước khi quét căn cước lúc tiếp nhận hồ sơ")

    def validate_public_base_url(self, field) -> None:
        if not is_web_address(field.data.strip()):
            raise ValidationError("Địa chỉ phải có dạng http://… hoặc https://…, ví dụ https://motcua.xa.gov.vn.")

    def values(self) -> dict:
        return {
            "commune_name": self.commune_name.data.strip(),
            "public_base_url": self.public_base_url.data.strip().rstrip("/"),
            "kiosk_idle_seconds": self.kiosk_idle_seconds.data,
            "kiosk_announcement": (self.kiosk_announcement.data or "").strip(),
            "kiosk_voice": self.kiosk_voice.data,
            "kiosk_printer": bool(self.kiosk_printer.data),
            "keep_citizen_id_number": bool(self.keep_citizen_id_number.data),
        }


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET filter changes nothing

    user = SelectField("Người thực hiện", choices=[], validate_choice=False)
    action = SelectField("Thao tác", choices=[], validate_choice=False)
    record_type = SelectField("Loại dữ liệu", choices=[], validate_choice=False)
    since = DateField("Từ ngày", validators=[Optional()])
    until = DateField("Đến ngày", validators=[Optional()])
