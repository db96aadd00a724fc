"""Forms of the register: the fast intake form, status changes, and the citizen's rating."""
import re
from datetime import date, datetime, timedelta, timezone

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, DateTimeLocalField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, StopValidation, ValidationError

from app.catalog.models import CODE_PATTERN, STATUS_ACTIVE, Procedure
from app.core.timeutil import VN_TZ, to_local, utcnow
from app.dossiers import calendar, cccd
from app.dossiers.models import CATALOG_CHANNELS, CHANNELS, RATINGS
from app.setting.services import get_setting

PHONE = re.compile(r"^\+?[\d .-]{8,15}$")
# A clock a few minutes fast at the counter PC must not refuse a dossier received just now.
CLOCK_SLACK = timedelta(minutes=10)


def local_now() -> datetime:
    return to_local(utcnow()).replace(tzinfo=None, second=0, microsecond=0)


class LocalMomentField(DateTimeLocalField):
    """A date-time box whose unreadable value gets a Vietnamese message, not WTForms' English one."""

    def process_formdata(self, valuelist) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as exc:
            raise ValueError("Vui lòng nhập ngày giờ tiếp nhận, ví dụ 22/11/2026 08:30.") from exc


def not_a_scan(form, field) -> None:
    """A code a scanner typed is never saved as a name: without script, the form reads it and refuses."""
    if cccd.looks_scanned(field.data):
        form.take_scan()
        raise StopValidation(
            "Ô này nhận được mã quét từ căn cước, không phải họ tên: đã điền họ tên theo căn cước, "
            "vui lòng kiểm tra rồi bấm Lưu." if form.card else form.scan_problem)


def keeps_citizen_id_number() -> bool:
    """The admin's setting (off by default): keep the CCCD number a scan read."""
    return get_setting("keep_citizen_id_number")


class ApplicantForm(FlaskForm):
    """What intake and correction share: the procedure (searched by name or code) and the applicant."""

    procedure = StringField("Thủ tục (gõ tên hoặc mã)", validators=[Length(max=200)])
    procedure_code = HiddenField()
    applicant_name = StringField("Họ tên người nộp", validators=[
        not_a_scan, DataRequired("Vui lòng nhập họ tên người nộp."),
        Length(max=200, message="Họ tên dài quá 200 ký tự.")])
    applicant_phone = StringField("Số điện thoại", validators=[Optional()])
    # Filled by a scan, and only while keeps_citizen_id_number(); never typed.
    citizen_id_number = HiddenField()

    scan_pattern = cccd.SCAN_PATTERN  # read by js/cccd-scan.js from the applicant box
    chosen: Procedure | None = None
    # A procedure retired since intake may stay on a dossier that already names it.
    kept_procedure: Procedure | None = None
    card: cccd.CitizenCard | None = None
    scan_problem: str | None = None

    def take_scan(self) -> None:
        """Read the CCCD code typed into the name box: fill the name (and the number, if kept), or empty both."""
        try:
            self.card = cccd.parse(self.applicant_name.data)
        except cccd.ScanError as error:
            self.scan_problem = str(error)
            self.applicant_name.data = self.citizen_id_number.data = ""
            return
        self.applicant_name.data = self.card.name
        self.citizen_id_number.data = self.card.number if keeps_citizen_id_number() else ""

    def kept_number(self) -> str | None:
        """The scanned CCCD number to store with the dossier, or None (the setting is off, or no scan)."""
        number = (self.citizen_id_number.data or "").strip()
        return number if keeps_citizen_id_number() and re.fullmatch(r"\d{12}", number) else None

    def validate_procedure(self, field) -> None:
        code = (self.procedure_code.data or "").strip() or (field.data or "").strip().split(" ")[0]
        procedure = Procedure.by_code(code) if CODE_PATTERN.match(code) else None
        allowed = procedure is not None and (procedure.status == STATUS_ACTIVE or procedure is self.kept_procedure)
        if not allowed:
            raise ValidationError("Không tìm thấy thủ tục này. Vui lòng chọn một thủ tục trong danh sách gợi ý.")
        self.chosen = procedure

    def validate_applicant_phone(self, field) -> None:
        if field.data and not PHONE.match(field.data.strip()):
            raise ValidationError("Số điện thoại chỉ gồm chữ số, ví dụ 0912 345 678.")

    def applicant_values(self) -> dict:
        return {"applicant_name": " ".join(self.applicant_name.data.split()),
                "applicant_phone": (self.applicant_phone.data or "").strip() or None}


class DossierForm(ApplicantForm):
    """One short form for the counter: procedure, applicant, channel, time, papers scanned, due date.

    The time of receipt is left empty in the usual case (received now): the keyboard skips it.
    """

    channel = SelectField("Hình thức nộp", choices=list(CHANNELS.items()), default="direct")
    received_at = LocalMomentField("Thời điểm tiếp nhận", format="%Y-%m-%dT%H:%M", validators=[Optional()])
    digitised = BooleanField("Đã số hóa hồ sơ (đã quét giấy tờ vào hệ thống)")
    due_date = DateField("Ngày hẹn trả kết quả", validators=[Optional()])

    computed_due: date | None = None

    def received_local(self) -> datetime:
        """The typed time of receipt, or now."""
        return self.received_at.data or local_now()

    def validate_received_at(self, field) -> None:
        if field.data and field.data > local_now() + CLOCK_SLACK:
            raise ValidationError("Thời điểm tiếp nhận không được ở tương lai.")

    def validate_due_date(self, field) -> None:
        if field.data and not self.received_at.errors and field.data < self.received_local().date():
            raise ValidationError("Ngày hẹn trả không được trước ngày tiếp nhận.")

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if valid and not self.due_date.data:
            self.computed_due = self.automatic_due_date()
            if self.computed_due is None:
                self.due_date.errors.append(
                    "Thủ tục này không ghi rõ thời hạn giải quyết: vui lòng nhập ngày hẹn trả.")
                return False
        return valid

    def automatic_due_date(self) -> date | None:
        """The due date from the chosen procedure's processing time, or None."""
        if self.chosen is None or self.received_at.errors:
            return None
        channel = CATALOG_CHANNELS.get(self.channel.data, "")
        return calendar.procedure_due_date(self.chosen, channel, self.received_local().date())

    def received_utc(self) -> datetime:
        return self.received_local().replace(tzinfo=VN_TZ).astimezone(timezone.utc).replace(tzinfo=None)

    def save_to(self, dossier) -> None:
        dossier.procedure_id = self.chosen.id
        for key, value in self.applicant_values().items():
            setattr(dossier, key, value)
        dossier.citizen_id_number = self.kept_number()
        dossier.channel = self.channel.data
        dossier.received_at = self.received_utc()
        dossier.digitised = bool(self.digitised.data)
        dossier.due_date = self.due_date.data or self.computed_due


class DossierEditForm(ApplicantForm):
    """An officer's correction of a saved dossier: applicant, procedure, due date."""

    due_date = DateField("Ngày hẹn trả kết quả", validators=[
        DataRequired("Vui lòng nhập ngày hẹn trả, ví dụ 05/03/2026.")])

    received_on: date | None = None

    @classmethod
    def for_dossier(cls, dossier, **kwargs) -> "DossierEditForm":
        """The form filled from `dossier` (on GET) or from the request (on POST)."""
        stored = {"procedure": dossier.procedure.code, "procedure_code": dossier.procedure.code,
                  "applicant_name": dossier.applicant_name, "applicant_phone": dossier.applicant_phone,
                  "due_date": dossier.due_date}
        form = cls(data=stored, **kwargs)
        form.kept_procedure, form.received_on = dossier.procedure, to_local(dossier.received_at).date()
        return form

    def validate_due_date(self, field) -> None:
        if field.data and self.received_on and field.data < self.received_on:
            raise ValidationError("Ngày hẹn trả không được trước ngày tiếp nhận.")

    def corrections(self) -> dict:
        """The values Dossier.correct takes; a kept CCCD number only when a scan brought a new one."""
        number = {"citizen_id_number": self.kept_number()} if self.kept_number() else {}
        return {**self.applicant_values(), **number, "procedure": self.chosen, "due_date": self.due_date.data}


class RatingForm(FlaskForm):
    """The citizen's satisfaction rating; public, so without a CSRF token (nothing to protect)."""

    class Meta:
        csrf = False

    score = RadioField("Ông/bà có hài lòng không?", choices=list(RATINGS.items()),
                       validators=[DataRequired("Vui lòng chọn một mức.")])
    comment = TextAreaField("Góp ý thêm (không bắt buộc)", validators=[
        Optional(), Length(max=1000, message="Góp ý dài quá 1000 ký tự.")])
