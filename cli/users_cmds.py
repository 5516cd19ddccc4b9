"""`cchc users`: list, add, revoke, passwd, rotate, tokens, import (every act audited by --as)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.table import Table

from cchc.errors import CchcError
from cli.actor import actor
from cli.args import unit_or_none
from cli.output import console, fail

users_app = typer.Typer(
    help="Người dùng: tài khoản, mật khẩu và mã truy cập API.", no_args_is_help=True
)
tokens_app = typer.Typer(help="Mã truy cập API của một người dùng.", no_args_is_help=True)
T = TypeVar("T")
Name = Annotated[str, typer.Argument(help="tên đăng nhập")]
TokenName = Annotated[str, typer.Argument(help="tên mã truy cập")]


def in_session(action: Callable[[Any], T]) -> T:
    """Run `action(session)` on the upgraded database in one transaction; CchcError exits 2."""
    from cchc.db import session_scope
    from cli import campaign_ops

    try:
        with session_scope(campaign_ops.engine(migrate=True)) as session:
            return action(session)
    except CchcError as exc:
        fail(str(exc), problems=getattr(exc, "problems", None))


def _split(text: str | None) -> list[str]:
    """Split a comma-separated option."""
    return [p.strip() for p in (text or "").split(",") if p.strip()]


def _say(line: str) -> None:
    """Print one plain line."""
    console.print(line, markup=False, highlight=False, soft_wrap=True)


def list_users() -> None:
    """Liệt kê người dùng."""
    from services import accounts_admin

    rows = in_session(
        lambda s: [
            (u.name, u.role, u.active, u.must_change_password, bool(u.password_hash))
            for u in accounts_admin.users(session=s, actor=actor())
        ]
    )
    table = Table("Tên đăng nhập", "Vai trò", "Trạng thái")
    for name, role, active, must_change, has_password in rows:
        state = (
            "đã khóa"
            if not active
            else "chờ đổi mật khẩu"
            if must_change
            else "hoạt động"
            if has_password
            else "chỉ mã truy cập"
        )
        table.add_row(name, role, state)
    console.print(table)


def add(
    name: Name,
    role: Annotated[str, typer.Option(help="admin | unit | appraiser | council | viewer")],
    unit: Annotated[str | None, unit_or_none("mã đơn vị (bắt buộc với unit, appraiser)")] = None,
    fields: Annotated[str | None, typer.Option(help="lĩnh vực được giao, ví dụ 1,2")] = None,
    units: Annotated[
        str | None, typer.Option(help="mã các đơn vị được giao, cách nhau bởi dấu phẩy")
    ] = None,
) -> None:
    """Tạo người dùng và in mật khẩu lần đầu MỘT LẦN (phải đổi khi đăng nhập)."""
    from services import accounts_admin

    def make(s: Any) -> tuple[str, str, str]:
        user, password = accounts_admin.add_account(
            session=s,
            name=name,
            role=role,
            unit_code=unit,
            field_codes=_split(fields),
            unit_codes=_split(units),
            actor=actor(),
        )
        return user.name, user.role, password

    made, role_of, password = in_session(make)
    _say(f"Đã tạo người dùng «{made}» (vai trò {role_of}).")
    _say("Mật khẩu lần đầu (chỉ hiện một lần, phải đổi khi đăng nhập):")
    _say(password)


def revoke(name: Name) -> None:
    """Khóa người dùng: mọi phiên đăng nhập và mã truy cập ngừng hiệu lực ngay."""
    from services import accounts_admin

    in_session(lambda s: accounts_admin.revoke_user(session=s, name=name, actor=actor()))
    _say(f"Đã khóa «{name}»; các phiên và mã truy cập đã bị thu hồi.")


def passwd(
    name: Name,
    password: Annotated[
        str | None, typer.Option(help="mật khẩu mới (mặc định: tạo ngẫu nhiên)")
    ] = None,
) -> None:
    """Đặt lại mật khẩu (phải đổi khi đăng nhập); đóng mọi phiên đang mở."""
    from services import accounts_admin

    chosen = in_session(
        lambda s: accounts_admin.reset_password(
            session=s, name=name, actor=actor(), password=password
        )[1]
    )
    _say(f"Đã đặt lại mật khẩu của «{name}».")
    if password is None:
        _say(chosen)


def rotate(name: Name, token: TokenName = "default") -> None:
    """Thay mã truy cập bằng giá trị mới (mã cũ ngừng hiệu lực ngay)."""
    from services import accounts_admin

    plain = in_session(
        lambda s: accounts_admin.rotate_token(
            session=s, name=name, token_name=token, actor=actor()
        )[1]
    )
    _say(f"Mã truy cập «{token}» mới của «{name}» (chỉ hiện một lần):")
    _say(plain)


def tokens_list(name: Name) -> None:
    """Liệt kê mã truy cập của người dùng."""
    from cchc.wording.dates import moment
    from services import accounts_admin

    rows = in_session(
        lambda s: [
            (t.name, t.scope, t.expires_at, t.revoked_at)
            for t in accounts_admin.tokens(session=s, name=name, actor=actor())
        ]
    )
    table = Table("Tên", "Phạm vi", "Hết hạn", "Thu hồi")
    for token, scope, expires, revoked in rows:
        table.add_row(
            token,
            "đọc" if scope == "read" else "đọc-ghi",
            moment(expires) if expires else "không",
            moment(revoked) if revoked else "",
        )
    console.print(table)


def tokens_add(
    name: Name,
    token: TokenName,
    scope: Annotated[str, typer.Option(help="read (chỉ đọc) | write (đọc-ghi)")] = "read",
    days: Annotated[
        int | None, typer.Option(help="số ngày hiệu lực (0 = không hết hạn)", min=0)
    ] = None,
) -> None:
    """Cấp mã truy cập có tên cho script; in giá trị MỘT LẦN (chỉ lưu bản băm)."""
    from cchc.settings import get_settings
    from services import accounts_admin

    lifetime = get_settings().auth.token_days if days is None else days
    plain = in_session(
        lambda s: accounts_admin.add_token(
            session=s,
            name=name,
            token_name=token,
            scope=scope,
            days=lifetime or None,
            actor=actor(),
        )[1]
    )
    _say(f"Mã truy cập «{token}» ({scope}) của «{name}» (chỉ hiện một lần):")
    _say(plain)


def tokens_revoke(name: Name, token: TokenName) -> None:
    """Thu hồi một mã truy cập (ngừng hiệu lực ngay)."""
    from services import accounts_admin

    in_session(
        lambda s: accounts_admin.revoke_named_token(
            session=s, name=name, token_name=token, actor=actor()
        )
    )
    _say(f"Đã thu hồi mã truy cập «{token}» của «{name}».")


def import_file(
    file: Annotated[
        Path,
        typer.Argument(
            help="tệp .xlsx: cột Mã đơn vị (và Tên đăng nhập, Vai trò)", exists=True, dir_okay=False
        ),
    ],
    handout: Annotated[
        Path, typer.Option(help="tệp phát tay mật khẩu lần đầu (.csv hoặc .xlsx)")
    ] = Path("tai-khoan.xlsx"),
) -> None:
    """Tạo tài khoản cho mọi đơn vị trong tệp và ghi tệp phát tay mật khẩu lần đầu."""
    from services import accounts_import

    made, skipped = in_session(
        lambda s: accounts_import.import_accounts(session=s, path=file, actor=actor())
    )
    accounts_import.write_handout(made, handout)
    _say(f"Đã tạo {len(made)} tài khoản; bỏ qua {len(skipped)} đã có. Tệp phát tay: {handout}")


def register(app: typer.Typer) -> None:
    """Add `users` and its commands to the CLI."""
    users_app.command("list")(list_users)
    users_app.command("add")(add)
    users_app.command("revoke")(revoke)
    users_app.command("passwd")(passwd)
    users_app.command("rotate")(rotate)
    users_app.command("import")(import_file)
    tokens_app.command("list")(tokens_list)
    tokens_app.command("add")(tokens_add)
    tokens_app.command("revoke")(tokens_revoke)
    users_app.add_typer(tokens_app, name="tokens")
    app.add_typer(users_app, name="users")
