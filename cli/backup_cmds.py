"""`cchc backup` and `cchc restore`: one archive of the database and the evidence files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc.errors import CchcError
from cli.output import console, fail

By = Annotated[str, typer.Option("--by", help="Người thực hiện (ghi vào nhật ký kiểm tra).")]


def backup_cmd(
    out: Annotated[
        Path | None,
        typer.Option("-o", "--out", help="Thư mục lưu tệp sao lưu; mặc định var/backups."),
    ] = None,
    by: By = "cli",
    keep_daily: Annotated[
        int | None,
        typer.Option("--keep-daily", min=1, help="Sau khi sao lưu, giữ N bản mới nhất theo ngày."),
    ] = None,
    keep_weekly: Annotated[
        int,
        typer.Option("--keep-weekly", min=0, help="Cùng --keep-daily: giữ thêm N bản theo tuần."),
    ] = 0,
) -> None:
    """Sao lưu cơ sở dữ liệu và tệp kiểm chứng vào một tệp .tar.gz (xoá bản cũ nếu được yêu cầu)."""
    from cchc.wording.backup import PRUNED
    from services.backup import backup, prune

    try:
        done = backup(actor=by, out_dir=out)
    except CchcError as exc:
        fail(str(exc))
    console.print(done.message, markup=False, highlight=False)
    if keep_daily is not None:
        dropped = prune(out_dir=done.path.parent, daily=keep_daily, weekly=keep_weekly)
        console.print(PRUNED.format(count=len(dropped), daily=keep_daily, weekly=keep_weekly))


def restore_cmd(
    archive: Annotated[Path, typer.Argument(help="Tệp sao lưu (.tar.gz) do `cchc backup` tạo.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Cho phép ghi đè cơ sở dữ liệu đã có dữ liệu.")
    ] = False,
    by: By = "cli",
) -> None:
    """Khôi phục cơ sở dữ liệu và tệp kiểm chứng từ tệp sao lưu (nâng cấp lược đồ nếu cũ)."""
    from services.backup import restore

    try:
        done = restore(actor=by, archive_path=archive, confirm=yes)
    except CchcError as exc:
        fail(str(exc))
    console.print(done.message, markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add the backup commands to the `cchc` app."""
    app.command("backup")(backup_cmd)
    app.command("restore")(restore_cmd)
