"""`flask create-user`: the only way to make the first account (there is no sign-up)."""
import click
from flask import Flask

from app.auth.models import ROLE_RANK, User
from app.auth.passwords import MIN_LENGTH
from app.extensions import db


def register(app: Flask) -> None:
    app.cli.add_command(create_user)


@click.command("create-user")
@click.argument("username")
@click.option("--full-name", default="", help="Họ và tên.")
@click.option("--role", type=click.Choice(list(ROLE_RANK)), default=None,
              help="Vai trò; mặc định admin cho tài khoản đầu tiên, officer sau đó.")
@click.option("--password", prompt="Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu",
              help="Dùng cho script; bỏ trống để được hỏi.")
def create_user(username: str, full_name: str, role: str | None, password: str) -> None:
    """Create a staff account."""
    username = User.normalize(username)
    if User.by_username(username):
        raise click.ClickException(f"Tên đăng nhập “{username}” đã có.")
    if len(password) < MIN_LENGTH:
        raise click.ClickException(f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự.")
    role = role or ("admin" if User.count() == 0 else "officer")
    user = User(username=username, full_name=full_name, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Đã tạo tài khoản “{username}” ({user.role_label}).")
