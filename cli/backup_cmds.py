"""`cchc backup` and `cchc restore`: the database and evidence files, to and from one folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc.errors import CchcError
from cchc.wording import ops
from cli.output import console, fail


def backup(
    to: Annotated[
        Path | None, typer.Option("--to", help="thư mục chứa bản sao lưu (mặc định var/backups)")
    ] = None,
) -> None:
    """Sao lưu cơ sở dữ liệu và tệp minh chứng vào một thư mục mới."""
    from cchc.db import get_engine
    from cchc.settings import get_settings
    from services.backup import backup as write

    var = get_settings().var_dir
    try:
        folder, files = write(engine=get_engine(), var_dir=var, to=to or var / "backups")
    except CchcError as exc:
        fail(str(exc))
    console.print(ops.BACKUP_DONE.format(folder=folder, files=files), markup=False, soft_wrap=True)


def restore(
    folder: Annotated[Path, typer.Argument(help="thư mục do `cchc backup` tạo")],
) -> None:
    """Khôi phục một bản sao lưu vào cơ sở dữ liệu TRỐNG đã cấu hình (và tệp minh chứng)."""
    from cchc.db import get_engine
    from cchc.settings import get_settings
    from services.backup import restore as read

    engine = get_engine()
    try:
        files = read(engine=engine, var_dir=get_settings().var_dir, source=folder)
    except CchcError as exc:
        fail(str(exc))
    url = engine.url.render_as_string(hide_password=True)
    line = ops.RESTORE_DONE.format(folder=folder, url=url, files=files)
    console.print(line, markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add `cchc backup` and `cchc restore`."""
    app.command("backup")(backup)
    app.command("restore")(restore)
