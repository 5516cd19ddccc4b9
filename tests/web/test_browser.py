"""A real `cchc serve` driven by Debian's chromium: a unit submits, the admin sees progress move."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from cchc.db import make_engine
from models.db_init import init_db
from tests.world.accounts import PASSWORD, set_password
from tests.world.scenery import enrich
from tests.world.web import World, build_world, start_review

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
# Pages as a Vietnamese user's browser asks for them (Accept-Language vi-VN, Vietnam's clock).
VIETNAM = {"locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    """Ask the OS for a free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, World, str]]:
    """Prepare a SQLite database and run `cchc serve` on it until the test ends."""
    if not Path(CHROMIUM).exists():
        subprocess.run([str(ROOT / "scripts" / "ensure-chromium.sh")], check=True)
    url = f"sqlite:///{tmp_path / 'cchc.sqlite3'}"
    engine = make_engine(url)
    init_db(engine)
    world = build_world(engine)
    enrich(engine, world)
    for name in ("admin", "unit_a", "appraiser"):  # who the browser tests sign in as
        set_password(engine, name)
    engine.dispose()
    port = _free_port()
    env = {**os.environ, "CCHC_DATABASE_URL": url, "CCHC_VAR_DIR": str(tmp_path / "var")}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "cchc"), "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base, server)
        yield base, world, url
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_up(base: str, server: subprocess.Popen) -> None:
    """Wait (at most 120 s: a loaded machine imports slowly) until the login page answers."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(server.stdout.read().decode() if server.stdout else "server died")
        try:
            if httpx.get(base + "/login", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("cchc serve did not start within 120 s")


def _login(page, base: str, name: str) -> None:
    """Sign in with the user name and the world's password on the login page."""
    page.goto(base + "/login")
    page.fill("#username", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/campaigns")


def _publish(base: str, world: World, url: str) -> None:
    """Open the review as ticks would, then appraise, compute, approve and publish by the API."""
    engine = make_engine(url)
    start_review(engine, world)
    engine.dispose()
    api = base + "/api/campaigns/test-2024"
    # The other units never submitted and no council sat in this world: the admin overrides
    # the approval gate with a reason, as a province would, and the override is audited.
    forced = {"decision_no": "12/QĐ-UBND", "decided_on": "2025-01-20", "force": True,
              "reason": "Thử nghiệm giao diện: chỉ một đơn vị nộp"}  # fmt: skip
    steps = [
        ("appraiser", "/units/so-a/appraisals:accept-all", {}),
        ("admin", "/results:compute", None),
        ("admin", "/approval", forced),
        ("admin", "/publication", None),
    ]
    for who, path, body in steps:
        answer = httpx.post(api + path, json=body, headers=world.auth(who), timeout=10)
        assert answer.status_code in (200, 201), answer.text


def test_unit_submits_in_browser_and_admin_sees_progress(served):
    from playwright.sync_api import sync_playwright

    base, world, url = served
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            admin = browser.new_page(viewport={"width": 1280, "height": 900}, **VIETNAM)
            _login(admin, base, "admin")
            admin.goto(base + "/campaigns/test-2024")
            row = admin.locator('#stage-progress tr[data-stage="tu-danh-gia"]')
            assert "0/4 hoàn thành" in row.inner_text()

            unit = browser.new_page(**VIETNAM)
            _login(unit, base, "unit_a")
            unit.goto(base + "/campaigns/test-2024/my")
            unit.click("text=Chấm điểm tự đánh giá")
            for code, score in (("1.1", "1,75"), ("1.2.1", "1"), ("1.2.2", "0,5")):
                unit.fill(f'input[name="score_{code}"]', score)
                unit.fill(f'input[name="expl_{code}"]', "Có văn bản kèm theo")
            unit.click("text=Nộp bản tự đánh giá")
            unit.wait_for_selector("text=Đã nộp bản tự đánh giá.")
            assert "Hoàn thành" in unit.locator("#unit-assignments").inner_text()

            admin.reload()
            assert "1/4 hoàn thành" in row.inner_text()
            admin.screenshot(path=str(ARTIFACTS / "campaign-page.png"), full_page=True)
            admin.goto(base + "/campaigns/test-2024/groups/huyen-x")
            admin.screenshot(path=str(ARTIFACTS / "campaign-group-page.png"), full_page=True)
            unit.screenshot(path=str(ARTIFACTS / "unit-page.png"), full_page=True)
            _publish(base, world, url)
            admin.goto(base + "/campaigns/test-2024")
            assert admin.locator(".ranking").count() >= 1
            admin.screenshot(path=str(ARTIFACTS / "campaign-published.png"), full_page=True)
        finally:
            browser.close()
    assert (ARTIFACTS / "campaign-page.png").stat().st_size > 10_000
