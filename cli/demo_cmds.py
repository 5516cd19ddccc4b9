"""`cchc demo`: launch the Bắc Kạn 2023 plan on a fresh SQLite file and run it to publication."""

from __future__ import annotations

import json
import os
import threading
import time
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column, Table

from cchc.errors import CchcError
from cchc.wording.blocks import block_title
from cchc.wording.labels import CAMPAIGN_STATE
from cchc.wording.numbers import fmt_vn
from cli.output import console, fail

PLAN = Path("config/plans/bac-kan-2023.yaml")
STARTUP_SECONDS = 120  # wait for Prefect's temporary API server (its default is 20 s)


def _fresh_environment(plan: Path) -> Path:
    """Point this process at an emptied default database and the local outbox; return var/."""
    from cchc.settings import get_settings
    from cli.demo_db import reset
    from config import load_plan

    var = get_settings().var_dir
    reset(var, load_plan(plan).code)  # the one database `cchc serve` and `cchc report` open
    (var / "outbox" / "demo.jsonl").unlink(missing_ok=True)
    os.environ["CCHC_NOTIFY__DEFAULT_URLS"] = '["outbox://demo"]'
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE", "200")
    os.environ.setdefault("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE", "100")
    # The temporary server takes 12-19 s on a new database, more on a loaded machine: Prefect's
    # default 20 s wait is too short.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(STARTUP_SECONDS))
    get_settings.cache_clear()
    return var


def _prestart_prefect() -> threading.Thread | None:
    """Start Prefect's temporary API server in the background when no server is configured."""
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value():
        return None

    def start() -> None:
        from prefect.server.api.server import SubprocessASGIServer

        server = SubprocessASGIServer()
        try:
            server.start()  # waits PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS (set above)
        except Exception:  # the flow run starts it again and reports a real failure
            # A start that timed out leaves its server running on the port the next start
            # reuses: stop it, or it outlives the demo holding the port and our output pipes.
            server.stop()

    thread = threading.Thread(target=start, name="prefect-prestart", daemon=True)
    thread.start()
    return thread


def demo(
    json_summary: Annotated[
        Path | None, typer.Option("--json-summary", help="Ghi tóm tắt ra tệp JSON.")
    ] = None,
    plan: Annotated[Path, typer.Option("--plan", help="Kế hoạch mẫu.")] = PLAN,
    seed: Annotated[int, typer.Option("--seed", help="Hạt giống ngẫu nhiên của mô phỏng.")] = 2023,
) -> None:
    """Chạy thử cả chiến dịch mẫu Bắc Kạn 2023 từ hướng dẫn đến công bố (đồng hồ rút gọn)."""
    started = time.perf_counter()
    var = _fresh_environment(plan)
    server = _prestart_prefect()  # the temporary API starts while we launch (it takes seconds)
    from cli import campaign_ops

    try:
        # The demo drives its own flow on a compressed clock: no daily schedule; its past
        # plan (Bắc Kạn 2023) is a simulated run, so it launches as a replay.
        done = campaign_ops.launch(plan, dry_run=False, schedule=False, replay=True)
        summary = done.summary
        assert summary is not None  # a fresh environment launches, never amends
        console.print(
            f"Đã triển khai {summary.campaign}: {summary.units} đơn vị, "
            f"{summary.stages} giai đoạn, {summary.assignments} nhiệm vụ."
        )
        if server is not None:
            server.join()
        result = _run(summary.campaign, seed)
    except CchcError as exc:
        fail(str(exc), problems=getattr(exc, "problems", None))
    result["wall_seconds"] = round(time.perf_counter() - started, 1)
    result["outbox_file"] = str(var / "outbox" / "demo.jsonl")
    _show(result)
    from cli.demo_db import hand_over

    hand_over(summary.campaign)
    if json_summary is not None:
        json_summary.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
        console.print(f"Tóm tắt JSON: {json_summary}")


def _run(campaign: str, seed: int) -> dict:
    """Run the demo flow with a progress bar fed by each simulated day's Prefect event."""
    from demo.flow import demo_campaign
    from demo.progress import Follower

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("ngày làm việc"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        job = bar.add_task("Khởi động Prefect…", total=105)

        def advance(day: date, open_stages: list[str]) -> None:
            bar.update(
                job,
                advance=1,
                description=f"{day:%d/%m/%Y} · đang mở: {len(open_stages)} giai đoạn",
            )

        follower = Follower(advance).start()
        result = demo_campaign(campaign=campaign, seed=seed)
        follower.settle()  # the last days' events may still be on their way
        return result


def _short(day: str | None) -> str:
    """dd/mm/yy of a dd/mm/yyyy date (tables fit 80 columns)."""
    return f"{day[:6]}{day[8:]}" if day else "—"


def _show(result: dict) -> None:
    """Print the timeline, the messages, the late units and the ranking."""
    day: dict[str, Any] = {"no_wrap": True, "min_width": 8}  # dd/mm/yy whole; title gives way
    title_width = max(12, console.width - 66)
    timeline = Table(
        "#",
        # The other columns take ≈ 66 characters: the title gets what the terminal has left.
        Column("Giai đoạn", no_wrap=True, overflow="ellipsis", max_width=title_width),
        Column("Hạn", **day),
        Column("Mở", **day),
        Column("Đóng", **day),
        Column("Đúng hạn", min_width=4),
        "Muộn",
        Column("Từ chối", min_width=5),
        title="Tiến trình các giai đoạn",
    )
    for i, s in enumerate(result["stages"], 1):
        timeline.add_row(
            str(i),
            s["title"],
            _short(s["due"]),
            _short(s["opened"]),
            _short(s["closed"]),
            str(s["done"]),
            str(s["late"]),
            str(s["refused"]),
        )
    console.print(timeline)
    m = result["messages"]
    console.print(
        f"Thông báo đã gửi: {sum(m.values())} — triển khai {m.get('kickoff', 0)}, "
        f"bắt đầu giai đoạn {m.get('stage_open', 0)}, nhắc hạn {m.get('reminder', 0)}, "
        f"quá hạn {m.get('overdue', 0)}, báo cáo vượt cấp {m.get('escalation', 0)}; "
        f"thất bại {result['failed_messages']}."
    )
    console.print(
        f"Đơn vị nộp muộn: {len(result['late_units'])} — "
        + ", ".join(f"{x['name']} ({x['received']})" for x in result["late_units"][:12])
        + (" …" if len(result["late_units"]) > 12 else "")
    )
    for group, rows in result["ranking"].items():
        block = block_title(group)
        table = Table("Hạng", "Đơn vị", "Chỉ số", "Xếp loại", title=f"Xếp hạng: {block}")
        for row in rows[:5]:
            index = fmt_vn(row["index"])  # the same half-up rounding as the ranking SQL
            table.add_row(
                f"{row['rank']}{'*' if row['tied'] else ''}", row["name"], index, row["band"] or ""
            )
        console.print(table)
    console.print(
        f"Trạng thái chiến dịch: {CAMPAIGN_STATE.get(result['state'], result['state'])}"
        f" · thời gian chạy {fmt_vn(result['wall_seconds'])} giây"
    )


def register(app: typer.Typer) -> None:
    """Add `cchc demo`."""
    app.command("demo")(demo)
