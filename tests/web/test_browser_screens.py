"""The whole campaign in chromium against a real `cchc serve` on PostgreSQL, at 390 and 1366 px."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from cchc.db import make_engine
from cchc.wording import accounts as say
from models.db_init import init_db
from tests.conftest import _create_pg_database, _drop_pg_database, pg_or_skip
from tests.web.test_admin_council_api import SESSION
from tests.web.test_browser import ARGS, CHROMIUM, VIETNAM, _free_port, _login, _wait_up
from tests.world.accounts import set_password
from tests.world.web import World, build_world, start_review

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CAMPAIGN = "/campaigns/test-2024"
WIDTHS = (390, 1366)
DROP = """code => {
  const data = new DataTransfer();
  data.items.add(new File(["%PDF-1.4 bao cao"], "bao-cao.pdf", {type: "application/pdf"}));
  const row = document.querySelector(`tr[data-item="${code}"]`);
  row.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
}"""


@pytest.fixture
def served_pg(tmp_path: Path) -> Iterator[tuple[str, World, str]]:
    """Run `cchc serve` on a private PostgreSQL database holding the web world."""
    pg_or_skip()
    if not Path(CHROMIUM).exists():
        subprocess.run([str(ROOT / "scripts" / "ensure-chromium.sh")], check=True)
    url = _create_pg_database("cchc_screens_browser")
    engine = make_engine(url)
    init_db(engine)
    world = build_world(engine)
    for name in ("unit_a", "appraiser", "council", "admin", "viewer", "unit_b"):
        set_password(engine, name)  # the users sign in with a password on the login page
    engine.dispose()
    port = _free_port()
    env = {**os.environ, "CCHC_DATABASE_URL": url, "CCHC_VAR_DIR": str(tmp_path / "var")}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "cchc"), "serve", "--port", str(port), "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base, server)
        yield base, world, url
    finally:
        server.terminate()
        server.wait(timeout=10)
        _drop_pg_database("cchc_screens_browser")


def _shots(page, name: str) -> None:
    """Screenshot the page at a phone's and a desktop's width."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"screens-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})


def _unit_submits(page, base: str, tmp: Path) -> None:
    """Upload evidence for 1.1, score, explain only what needs it, submit."""
    page.goto(base + CAMPAIGN + "/units/so-a/self-assessment")
    assert "ngày làm việc" in page.locator("#sa-status").inner_text()
    pdf = tmp / "ke-hoach.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% ke hoach CCHC\n")
    page.set_input_files('input[data-upload="1.1"]', str(pdf))
    page.wait_for_selector('tr[data-item="1.1"] >> text=Đã tải lên')
    for code, score in (("1.1", "1,75"), ("1.2.1", "1"), ("1.2.2", "0,5")):
        page.fill(f'input[name="score_{code}"]', score)
    assert page.locator("#sa-total").inner_text() == "3,25"
    assert page.locator('tr[data-item="1.1"] .sa-need').is_hidden()  # evidence given
    assert page.locator('tr[data-item="1.2.1"] .sa-need').is_visible()
    page.evaluate(DROP, "1.2.1")  # a file dropped on the row is that item's evidence
    page.wait_for_selector('tr[data-item="1.2.1"] >> text=Đã tải lên')
    assert page.locator('tr[data-item="1.2.1"] .sa-need').is_hidden()  # so no explanation
    page.fill('input[name="expl_1.2.2"]', "Một báo cáo chậm")
    _shots(page, "unit-self-assessment")
    page.set_viewport_size({"width": 390, "height": 900})
    # On a phone the items are cards as wide as the screen: nothing scrolls sideways in the form.
    form = page.locator("#self-assessment-form")
    assert form.evaluate("f => f.scrollWidth <= f.clientWidth"), "the form scrolls sideways"
    page.set_viewport_size({"width": 1366, "height": 900})
    page.click("text=Nộp bản tự đánh giá")
    page.wait_for_selector("text=Đã nộp bản tự đánh giá.")


def _appraiser_works(page, base: str) -> None:
    """Open the evidence, adjust 1.1 with a reason, accept the rest of the field."""
    page.goto(base + CAMPAIGN + "/appraise")
    page.click("text=Sở Alpha")
    link = page.locator('[id="leaf-1.1"] a[href^="/files/evidence/"]')
    opened = page.request.get(base + link.get_attribute("href"))
    assert opened.ok and opened.headers["content-type"] == "application/pdf"
    assert opened.body().startswith(b"%PDF")
    leaf = page.locator('[id="leaf-1.1"]')
    leaf.locator('input[name="score"]').fill("1,5")
    leaf.locator('input[name="reason"]').fill("Kế hoạch ban hành muộn")
    leaf.locator("text=Điều chỉnh").last.click()
    page.wait_for_selector("text=Kế hoạch ban hành muộn")
    leaf = page.locator('[id="leaf-1.1"]')  # the reply thread opens with the appraiser's question
    leaf.locator('input[name="text"]').fill("Đề nghị bổ sung quyết định ban hành kế hoạch")
    leaf.locator("text=Gửi cho đơn vị").click()
    page.wait_for_selector("ol.thread >> text=Đề nghị bổ sung quyết định ban hành kế hoạch")
    page.click("text=Chấp nhận tất cả tiêu chí chưa thẩm định của lĩnh vực 1")
    page.wait_for_load_state()
    assert page.locator("text=chưa thẩm định").count() == 0
    _shots(page, "appraiser-unit")


def _unit_replies(page, base: str) -> None:
    page.goto(base + CAMPAIGN + "/units/so-a/appraisal")
    page.locator('[id="leaf-1.1"] input[name="text"]').fill("Đã bổ sung quyết định số 12")
    page.click("text=Gửi giải trình")
    page.wait_for_selector("ol.thread li.msg-unit >> text=Đã bổ sung quyết định số 12")
    assert page.locator('[id="leaf-1.1"] ol.thread li').count() == 2  # question, then reply
    _shots(page, "unit-reply")


def _council_finalises(page, base: str, world: World) -> None:
    answer = httpx.post(base + "/api" + CAMPAIGN + "/council/sessions", json=SESSION,
                        headers=world.auth("council"), timeout=10)  # fmt: skip
    assert answer.status_code == 201, answer.text
    page.goto(base + CAMPAIGN + "/units/so-a/appraisal")
    leaf = page.locator('[id="leaf-1.1"]')
    leaf.locator('input[name="score"]').fill("1,75")
    leaf.locator('input[name="reason"]').fill("Chấp nhận giải trình")
    leaf.locator("text=Chốt điểm").click()
    page.wait_for_selector("dd.final >> text=Chấp nhận giải trình")
    _shots(page, "council-final")


def _admin_publishes(page, base: str) -> None:
    page.goto(base + CAMPAIGN + "/admin")
    # The extension form suggests units by a part of their name as the admin types.
    page.fill('input[name="unit_code"]', "so-")
    page.wait_for_selector("#unit-choices option", state="attached")
    offered = page.eval_on_selector_all("#unit-choices option", "os => os.map(o => o.value)")
    assert "so-a" in offered and all(code.startswith("so-") for code in offered)
    page.click("text=Tính lại chỉ số và xếp hạng")
    page.wait_for_selector("text=Đã tính lại kết quả.")
    page.fill('input[name="decision_no"] >> nth=0', "12/QĐ-UBND")
    page.fill('input[name="decided_on"]', "2025-01-20")
    page.check('input[name="force"]')
    page.fill('input[name="reason"] >> nth=0', "Thử nghiệm: chỉ một đơn vị nộp")
    page.click("button:text-is('Phê duyệt')")
    page.wait_for_selector("text=Đã ghi nhận quyết định phê duyệt.")
    page.click("text=Công bố kết quả đã phê duyệt")
    page.wait_for_selector("text=Đã công bố kết quả.")
    _shots(page, "admin")
    page.goto(base + CAMPAIGN + "/admin/audit")
    _shots(page, "audit")


def _revoke_by_screen(admin, base: str, name: str) -> None:
    """Lock a user from the admin users screen."""
    admin.goto(base + "/admin/users")
    admin.locator(f'form[action="/admin/users/{name}/revoke"] button').click()
    admin.wait_for_load_state()


def _revoke_by_cli(url: str, name: str) -> None:
    """Lock a user with `cchc users revoke` from another process."""
    env = {**os.environ, "CCHC_DATABASE_URL": url}
    cchc = str(Path(sys.executable).parent / "cchc")
    subprocess.run([cchc, "--as", "admin", "users", "revoke", name], env=env, check=True,
                   cwd=ROOT, capture_output=True, timeout=120)  # fmt: skip


def _revocations_stop_at_once(browser, admin, base: str, world: World, url: str) -> None:
    """A locked user's open page and API token stop working at the next request, at both widths."""
    for width, name, revoke in ((390, "viewer", "screen"), (1366, "unit_b", "cli")):
        viewport = {"width": width, "height": 900}
        page = browser.new_context(viewport=viewport, **VIETNAM).new_page()
        _login(page, base, name)
        page.goto(base + CAMPAIGN)
        me = httpx.get(base + "/api/me", headers=world.auth(name), timeout=10)
        assert me.status_code == 200
        if revoke == "screen":
            _revoke_by_screen(admin, base, name)
        else:
            _revoke_by_cli(url, name)
        page.reload()
        assert page.url.startswith(base + "/login")  # the session died with the lock
        page.screenshot(path=str(ARTIFACTS / f"screens-revoked-{width}.png"), full_page=True)
        refused = httpx.get(base + "/api/me", headers=world.auth(name), timeout=10)
        assert refused.status_code == 401
        assert refused.json()["error"]["message"] == say.UNAUTHORIZED


def test_whole_campaign_in_the_browser(served_pg, tmp_path):
    from playwright.sync_api import sync_playwright

    base, world, url = served_pg
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            pages = {}
            for who in ("unit_a", "appraiser", "council", "admin"):
                desktop = {"width": 1366, "height": 900}
                pages[who] = browser.new_context(viewport=desktop, **VIETNAM).new_page()
                _login(pages[who], base, who)
            _unit_submits(pages["unit_a"], base, tmp_path)
            engine = make_engine(url)
            start_review(engine, world)  # as the tick would when the self-assessment stage ends
            engine.dispose()
            _appraiser_works(pages["appraiser"], base)
            _unit_replies(pages["unit_a"], base)
            _council_finalises(pages["council"], base, world)
            _admin_publishes(pages["admin"], base)
            _revocations_stop_at_once(browser, pages["admin"], base, world, url)
        finally:
            browser.close()
    public = httpx.get(base + "/api/public/campaigns/test-2024/results", timeout=10)
    assert public.status_code == 200 and public.json()["results"][0]["unit_code"] == "so-a"
