"""Staff forms for hamlets, team members and the activity log."""
import re

from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from app.community.models import KINDS, ORGANISATIONS, ROLES

PHONE = re.compile(r"^\+?[0-9][0-9 .]{7,17}$")
DATE_MESSAGE = "Ngày không hợp lệ."


def check_phone(_form, field) -> None:
    if field.data and not PHONE.match(field.data.strip()):
        raise ValidationError("Số điện thoại chỉ gồm chữ số, ví dụ 0912 345 678.")


def check_left_after_joined(form, field) -> None:
    if field.data and form.joined_on.data and field.data < form.joined_on.data:
        raise ValidationError("Ngày rời tổ phải sau ngày tham gia.")


class HamletForm(FlaskForm):
    name = StringField("Tên ấp/thôn", validators=[
        DataRequired("Vui lòng nhập tên ấp/thôn."), Length(max=120, message="Tối đa 120 ký tự.")])


class MemberForm(FlaskForm):
    """A team member; the hamlet list is set by the view."""

    name = StringField("Họ và tên", validators=[
        DataRequired("Vui lòng nhập họ và tên."), Length(max=120, message="Tối đa 120 ký tự.")])
    hamlet_id = SelectField("Tổ của ấp/thôn", coerce=int)
    # Most people join as ordinary members; a team has one leader.
    role = SelectField("Vai trò", choices=list(ROLES.items()), default="member")
    organisation = SelectField("Đơn vị", choices=list(ORGANISATIONS.items()))
    phone = StringField("Số điện thoại", validators=[Optional(), Length(max=20, message="Tối đa 20 ký tự."), check_phone])
    joined_on = DateField("Ngày tham gia", validators=[Optional()], format="%Y-%m-%d")
    left_on = DateField("Ngày rời tổ", validators=[Optional(), check_left_after_joined], format="%Y-%m-%d")

    def set_hamlets(self, hamlets) -> None:
        self.hamlet_id.choices = [(0, "— Không thuộc tổ ấp nào (chỉ trực quầy) —")] + [(h.id, h.name) for h in hamlets]

    def save_to(self, member) -> None:
        member.name = " ".join(self.name.data.split())
        member.hamlet_id = self.hamlet_id.data or None
        member.role = self.role.data
        member.organisation = self.organisation.data
        member.phone = (self.phone.data or "").strip() or None
        member.joined_on = self.joined_on.data
        member.left_on = self.left_on.data


class ActivityForm(FlaskForm):
    """The quick entry a team member fills in on a phone after an outing."""

    occurred_on = DateField("Ngày", validators=[DataRequired(DATE_MESSAGE)], format="%Y-%m-%d")
    hamlet_id = SelectField("Ấp/thôn", coerce=int, validators=[DataRequired("Vui lòng chọn ấp/thôn.")])
    kind = SelectField("Nội dung hỗ trợ", choices=list(KINDS.items()))
    people_helped = IntegerField("Số người (hộ) được hỗ trợ", validators=[
        DataRequired("Vui lòng nhập số người được hỗ trợ (ít nhất 1)."),
        NumberRange(min=1, max=10000, message="Từ 1 đến 10000.")])
    member_ids = SelectMultipleField("Thành viên tham gia", coerce=int, validators=[Optional()])
    note = TextAreaField("Ghi chú", validators=[Optional(), Length(max=1000, message="Tối đa 1000 ký tự.")])

    def set_choices(self, hamlets, members) -> None:
        self.hamlet_id.choices = [(0, "— Chọn ấp/thôn —")] + [(h.id, h.name) for h in hamlets]
        self.member_ids.choices = [(m.id, m.name) for m in members]

    def save_to(self, activity, members) -> None:
        activity.occurred_on = self.occurred_on.data
        activity.hamlet_id = self.hamlet_id.data
        activity.kind = self.kind.data
        activity.people_helped = self.people_helped.data
        activity.note = (self.note.data or "").strip() or None
        activity.members = [m for m in members if m.id in set(self.member_ids.data or [])]
