"""Staff forms for the catalogue, one per use case, with Vietnamese messages next to each field."""
from urllib.parse import urlsplit

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from sqlalchemy import select
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

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


def clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


class ProcedureForm(FlaskForm):
    """Every editable column of a procedure; the code is set at creation and never changes."""

    name = TextAreaField("Tên thủ tục", validators=[DataRequired("Vui lòng nhập tên thủ tục.")])
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
