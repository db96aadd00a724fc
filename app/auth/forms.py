"""Sign-in and password forms."""
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from app.auth.passwords import MIN_LENGTH

REQUIRED = "Vui lòng nhập {}."
TOO_SHORT = f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự."


def new_password_field(label: str = "Mật khẩu mới") -> PasswordField:
    return PasswordField(label, validators=[
        DataRequired(REQUIRED.format("mật khẩu")), Length(min=MIN_LENGTH, max=200, message=TOO_SHORT)])


class SignInForm(FlaskForm):
    username = StringField("Tên đăng nhập", validators=[
        DataRequired(REQUIRED.format("tên đăng nhập")), Length(max=150, message="Tên đăng nhập quá dài.")])
    # The cap keeps a megabyte "password" from tying up a worker in argon2.
    password = PasswordField("Mật khẩu", validators=[
        DataRequired(REQUIRED.format("mật khẩu")), Length(max=200, message="Mật khẩu quá dài.")])
    next = HiddenField()


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField("Mật khẩu hiện tại",
                                     validators=[DataRequired(REQUIRED.format("mật khẩu hiện tại"))])
    new_password = new_password_field()
    confirm = PasswordField("Nhập lại mật khẩu mới", validators=[
        EqualTo("new_password", message="Hai lần nhập mật khẩu mới không giống nhau.")])
