"""Sign in, sign out, change password."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.auth import services
from app.auth.access import safe_next
from app.auth.forms import ChangePasswordForm, SignInForm
from app.extensions import db

bp = Blueprint("auth", __name__)


@bp.route("/dang-nhap", methods=["GET", "POST"])
def login():
    """The sign-in form; on success go to the safe `next` page or the staff home."""
    if current_user.is_authenticated:
        return redirect(url_for("staff.home"))
    form = SignInForm(next=request.args.get("next", ""))
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form), 422 if form.errors else 200
    target = safe_next(form.next.data) or url_for("staff.home")
    result = services.sign_in(form.username.data, form.password.data)
    db.session.commit()
    if result.error:
        form.password.errors.append(result.error)
        return render_template("auth/login.html", form=form), 422
    return redirect(target)


@bp.post("/dang-xuat")
def logout():
    """End the session and go back to the sign-in page."""
    services.sign_out(current_user._get_current_object())
    db.session.commit()
    flash("Bạn đã đăng xuất.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/doi-mat-khau", methods=["GET", "POST"])
def change_password():
    """Change one's own password; required after an admin reset it."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not current_user.check_password(form.current_password.data):
            form.current_password.errors.append("Mật khẩu hiện tại không đúng.")
        elif form.new_password.data == form.current_password.data:
            form.new_password.errors.append("Mật khẩu mới phải khác mật khẩu hiện tại.")
        else:
            services.change_password(current_user._get_current_object(), form.new_password.data)
            db.session.commit()
            flash("Đã đổi mật khẩu.", "success")
            return redirect(url_for("staff.home"))
    status = 422 if form.errors else 200
    return render_template("auth/change_password.html", form=form), status
