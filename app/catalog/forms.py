"""Staff forms for the catalogue, one per use case, with Vietnamese messages next to each field."""
from urllib.parse import urlsplit

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from sqlalchemy import select
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from app.catalog.models import CODE_PATTERN, Field, Procedure
from app.extensions import db

TRI_STATE = [("", "Chưa rõ"), ("1", "Có"), ("0", "Không")]
TEXT_FIELDS = (
    "level", "processing_time", "fee", "fee_note", "channels", "applicants", "result",
    "steps", "documents", "conditions", "legal_basis",
)


def to_tri_state(value: bool | None) -> str:
    return "" if value is None else ("1" if value else "0")


def from_tri_state(value: str) -> bool | None:
    return None if value == "" else value == "1"


def check_portal_url(_form, field) -> None:
    """Only http(s) addresses: the QR code and the kiosk link must open in a phone's browser."""
    parts = urlsplit(field.data or "")
    if field.data and (parts.scheme not in ("http", "https") or not parts.netloc):
        raise ValidationError("Địa chỉ phải bắt đầu bằng http:// hoặc https://, ví dụ https://dichvucong.gov.vn/...")


MAX_SHORT_NAME_WORDS = 8
TIME_UNITS = [("", "— Chưa xác nhận —"), ("giờ", "giờ"), ("ngày", "ngày"), ("ngày làm việc", "ngày làm việc")]


def check_short_name(_form, field) -> None:
    """A name a citizen reads at a glance: at most eight words."""
    if field.data and len(field.data.split()) > MAX_SHORT_NAME_WORDS:
        raise ValidationError(f"Tên ngắn gọn tối đa {MAX_SHORT_NAME_WORDS} chữ (đang có {len(field.data.split())}).")


class ConfirmedTimeMixin:
    """The processing time an officer confirms: a number and a unit, both or neither."""

    time_amount = IntegerField("Thời hạn đã xác nhận: số", validators=[
        Optional(), NumberRange(min=1, max=365, message="Nhập một số từ 1 đến 365.")])
    time_unit = SelectField("Đơn vị", choices=TIME_UNITS, validate_choice=False)

    def validate_time_unit(self, field) -> None:
        field.data = field.data or ""
        if field.data not in {value for value, _ in TIME_UNITS}:
            raise ValidationError("Đơn vị phải là giờ, ngày hoặc ngày làm việc.")
        if self.time_amount.data and not field.data:
            raise ValidationError("Vui lòng chọn đơn vị: giờ, ngày hoặc ngày làm việc.")
        if field.data and not self.time_amount.data and not self.time_amount.errors:
            raise ValidationError("Vui lòng nhập số giờ hoặc số ngày.")

    def save_time(self, procedure: Procedure) -> None:
        procedure.time_amount = self.time_amount.data or None
        procedure.time_unit = self.time_unit.data or None


def clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


class ProcedureForm(ConfirmedTimeMixin, FlaskForm):
    """Every editable column of a procedure; the code is set at creation and never changes."""

    name = TextAreaField("Tên thủ tục", validators=[DataRequired("Vui lòng nhập tên thủ tục.")])
    short_name = StringField("Tên ngắn gọn (hiện to trên kiosk)", validators=[
        Optional(), Length(max=120, message="Tên ngắn gọn dài quá 120 ký tự."), check_short_name])
    what_to_bring = TextAreaField("Cần mang theo (trường hợp thường gặp, mỗi giấy tờ một dòng)")
    field_id = SelectField("Lĩnh vực", coerce=int, validate_choice=False)
    url = StringField("Địa chỉ trên Cổng Dịch vụ công", validators=[
        Optional(), Length(max=500, message="Địa chỉ dài quá 500 ký tự."), check_portal_url])
    online = SelectField("Nộp trực tuyến", choices=TRI_STATE)
    online_full = SelectField("Trực tuyến toàn trình", choices=TRI_STATE)
    is_common = BooleanField("Thủ tục thường gặp (hiện trước trên kiosk)")
    keywords = TextAreaField("Từ khóa, cách gọi khác (người dân hay gõ)")
    level = StringField("Cấp thực hiện")
    processing_time = TextAreaField("Thời hạn giải quyết")
    fee = TextAreaField("Phí, lệ phí")
    fee_note = TextAreaField("Ghi chú về phí")
    channels = TextAreaField("Cách thức thực hiện")
    applicants = TextAreaField("Đối tượng thực hiện")
    result = TextAreaField("Kết quả thực hiện")
    steps = TextAreaField("Trình tự thực hiện")
    documents = TextAreaField("Thành phần hồ sơ")
    conditions = TextAreaField("Yêu cầu, điều kiện")
    legal_basis = TextAreaField("Căn cứ pháp lý")

    def set_fields(self, fields) -> None:
        self.field_id.choices = [(0, "— Chọn lĩnh vực —")] + [(f.id, f.name) for f in fields]

    def validate_field_id(self, field) -> None:
        if not field.data or field.data not in {value for value, _ in field.choices}:
            raise ValidationError("Vui lòng chọn lĩnh vực.")

    def load(self, procedure: Procedure) -> None:
        """Fill the form from a stored procedure (on GET)."""
        self.process(obj=procedure)
        self.online.data = to_tri_state(procedure.online)
        self.online_full.data = to_tri_state(procedure.online_full)

    def save_to(self, procedure: Procedure) -> None:
        """Copy the validated values onto `procedure` and refresh what search reads."""
        procedure.name = " ".join(self.name.data.split())
        procedure.field_id = self.field_id.data
        procedure.url = clean(self.url.data)
        procedure.online = from_tri_state(self.online.data)
        procedure.online_full = from_tri_state(self.online_full.data)
        procedure.is_common = self.is_common.data
        procedure.keywords = clean(self.keywords.data)
        procedure.short_name = " ".join((self.short_name.data or "").split()) or None
        procedure.what_to_bring = clean(self.what_to_bring.data)
        self.save_time(procedure)
        for name in TEXT_FIELDS:
            setattr(procedure, name, clean(getattr(self, name).data))


class NewProcedureForm(ProcedureForm):
    code = StringField("Mã thủ tục", validators=[DataRequired("Vui lòng nhập mã thủ tục.")])

    def validate_code(self, field) -> None:
        field.data = (field.data or "").strip()
        if not CODE_PATTERN.match(field.data):
            raise ValidationError("Mã thủ tục phải có dạng N.NNNNNN, ví dụ 1.001193.")
        if Procedure.by_code(field.data):
            raise ValidationError(f"Mã {field.data} đã có trong danh mục.")


class NameForm(FlaskForm):
    name = TextAreaField("Tên thủ tục", validators=[DataRequired("Vui lòng nhập tên thủ tục.")])


class KeywordsForm(FlaskForm):
    keywords = TextAreaField("Từ khóa, cách gọi khác", validators=[
        Length(max=2000, message="Từ khóa dài quá 2000 ký tự.")])


class RetireForm(FlaskForm):
    """Retire a procedure: name the in-force procedure that replaces it."""

    replaced_by = StringField("Mã thủ tục thay thế", validators=[DataRequired("Vui lòng nhập mã thủ tục thay thế.")])

    def __init__(self, procedure: Procedure, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.procedure = procedure
        self.replacement: Procedure | None = None

    def validate_replaced_by(self, field) -> None:
        code = field.data = (field.data or "").strip()
        if not CODE_PATTERN.match(code):
            raise ValidationError("Mã thủ tục phải có dạng N.NNNNNN, ví dụ 1.001193.")
        if code == self.procedure.code:
            raise ValidationError("Thủ tục không thể thay thế chính nó.")
        replacement = Procedure.by_code(code)
        if replacement is None:
            raise ValidationError(f"Không có thủ tục mã {code} trong danh mục.")
        if not replacement.is_active:
            raise ValidationError(f"Thủ tục {code} cũng đã bị thay thế; hãy chọn thủ tục đang áp dụng.")
        self.replacement = replacement


class FieldNameForm(FlaskForm):
    name = StringField("Tên lĩnh vực", validators=[
        DataRequired("Vui lòng nhập tên lĩnh vực."), Length(max=200, message="Tên dài quá 200 ký tự.")])

    def __init__(self, field, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.field = field

    def validate_name(self, name) -> None:
        name.data = " ".join((name.data or "").split())
        same = db.session.scalar(select(Field).where(Field.name == name.data, Field.id != self.field.id))
        if same:
            raise ValidationError("Đã có lĩnh vực khác mang tên này.")


class ImportForm(FlaskForm):
    file = FileField("Tệp danh mục (.json, .csv hoặc .xlsx)", validators=[FileRequired("Vui lòng chọn một tệp.")])

    def validate_file(self, field) -> None:
        filename = (field.data.filename or "").lower()
        if not filename.endswith((".json", ".csv", ".xlsx")):
            raise ValidationError("Chỉ nhận tệp .json, .csv hoặc .xlsx.")


class ConfirmTimeForm(ConfirmedTimeMixin, FlaskForm):
    """One row of the review list of unclear processing times."""


class LifeEventForm(FlaskForm):
    """A life event's name and icon; its slug is fixed when it is created."""

    name = StringField("Tên sự kiện (người dân đọc trên kiosk)", validators=[
        DataRequired("Vui lòng nhập tên sự kiện."), Length(max=120, message="Tên dài quá 120 ký tự.")])
    icon = SelectField("Biểu tượng")

    def set_icons(self, icons: list[str]) -> None:
        self.icon.choices = [(icon, icon) for icon in icons]


class EventProcedureForm(FlaskForm):
    """Add a procedure to a life event by its code."""

    code = StringField("Mã thủ tục", validators=[DataRequired("Vui lòng nhập mã thủ tục, ví dụ 1.001193.")])

    def validate_code(self, field) -> None:
        field.data = (field.data or "").strip()
        self.procedure = Procedure.by_code(field.data)
        if self.procedure is None:
            raise ValidationError(f"Không có thủ tục mã “{field.data}” trong danh mục.")
