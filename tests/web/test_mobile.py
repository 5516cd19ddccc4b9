"""Every page at 390 px and 1366 px in chromium: screenshots, no sideways scroll, axe-core clean."""

from __future__ import annotations

import httpx
import pytest

from tests.web.test_browser import ARGS, ARTIFACTS, CHROMIUM, VIETNAM, _login, _publish, served
from tests.world.web import submit_full

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.first]
__all__ = ["served"]  # the fixture: a real `cchc serve` on a SQLite world
WIDTHS = (390, 1366)
SEVERE = {"serious", "critical"}
CLEAR = """id => {
  const input = document.getElementById(id);
  input.value = "";
  input.dispatchEvent(new Event("change", {bubbles: true}));
}"""
ENGLISH = ("Choose File", "No file chosen", "Choose Files", "No file selected")
BEFORE = [
    ("login", None, "/login"),
    ("campaigns", "admin", "/campaigns"),
    ("campaign", "admin", "/campaigns/test-2024"),
    ("campaign-filtered", "admin", "/campaigns/test-2024?q=s%E1%BB%9F&state=open"),
    ("group", "admin", "/campaigns/test-2024/groups/huyen-x"),
    ("unit", "admin", "/campaigns/test-2024/units/so-a"),
    ("unit-own", "unit_a", "/campaigns/test-2024/my"),
    ("self-assessment", "unit_a", "/campaigns/test-2024/units/so-a/self-assessment"),
    ("appraiser", "appraiser", "/campaigns/test-2024"),
    ("not-found", "admin", "/campaigns/khong-co"),
]
AFTER = [
    ("campaign-published", "admin", "/campaigns/test-2024"),
    ("public", None, "/public/test-2024"),
]


def _check(browser, base, world, pages, problems: list[str]) -> None:
    """Visit each page at each width: screenshot, overflow check, axe-core run."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for width in WIDTHS:
        contexts = {}
        for name, who, path in pages:
            if who not in contexts:
                viewport = {"width": width, "height": 900}
                contexts[who] = browser.new_context(viewport=viewport, **VIETNAM)
                page = contexts[who].new_page()
                if who:
                    _login(page, base, who)
            page = contexts[who].pages[0]
            page.goto(base + path)
            page.screenshot(path=str(ARTIFACTS / "pages" / f"{name}-{width}.png"), full_page=True)
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > width + 1:
                problems.append(f"{name} at {width}px scrolls sideways ({wide}px)")
            for v in axe.run(page).response["violations"]:
                if v["impact"] in SEVERE:
                    nodes = [n["target"] for n in v["nodes"][:3]]
                    problems.append(f"{name} at {width}px: {v['id']} ({v['impact']}) {nodes}")
        for context in contexts.values():
            context.close()


def _ax_texts(page) -> str:
    """Every name and value in chromium's full accessibility tree (what a screen reader reads)."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    return " | ".join(
        str(node.get(key, {}).get("value", ""))
        for node in nodes
        if not node.get("ignored")
        for key in ("name", "value", "description")
    )


def _file_inputs_in_vietnamese(browser, base: str, tmp_path, problems: list[str]) -> None:
    """At 390 px: no chromium English on file inputs, the chosen name shown, keyboard works."""
    context = browser.new_context(viewport={"width": 390, "height": 900}, **VIETNAM)
    page = context.new_page()
    choosers: list = []  # listening from the start: chromium then hands the dialog to the test
    page.on("filechooser", lambda chooser: choosers.append(chooser))
    _login(page, base, "unit_a")
    page.goto(base + "/campaigns/test-2024/units/so-a/self-assessment")
    tree, shown = _ax_texts(page), page.locator("body").inner_text()
    for english in ENGLISH:
        if english in tree or english in shown:
            problems.append(f"self-assessment shows chromium's '{english}'")
    if "Chọn tệp… tài liệu kiểm chứng 1.1" not in tree or "Chưa chọn tệp" not in shown:
        problems.append("evidence input of 1.1 is not named in Vietnamese")
    _pick_by_keyboard(page, choosers, tmp_path, problems)
    context.close()


def _pick_by_keyboard(page, choosers: list, tmp_path, problems: list[str]) -> None:
    """Tab to the workbook's button (focus ring), Enter opens the chooser, the name is shown;
    with nothing chosen the browser refuses the upload in Vietnamese."""
    page.focus("a[download]")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('label')?.htmlFor")
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    if focused != "workbook-file" or ring != "solid":
        problems.append(f"keyboard focus on {focused!r}, outline {ring!r}")
    page.keyboard.press("Enter")
    for _ in range(50):
        if choosers:
            break
        page.wait_for_timeout(100)
    if not choosers:
        problems.append("Enter on 'Chọn tệp…' opens no file chooser")
        return
    workbook = tmp_path / "tu-danh-gia.xlsx"
    workbook.write_bytes(b"PK")
    choosers[0].set_files(str(workbook))
    if page.locator("#workbook-file-name").inner_text() != "tu-danh-gia.xlsx":
        problems.append("the chosen workbook's name is not shown")
    page.evaluate(CLEAR, "workbook-file")
    page.click("text=Nạp làm bản nháp")
    refusal = page.evaluate("document.getElementById('workbook-file').validationMessage")
    empty = page.locator("#workbook-file-name").inner_text()
    if refusal != "Hãy chọn tệp trước khi nạp." or empty != "Chưa chọn tệp":
        problems.append(f"empty workbook upload refused with {refusal!r}")


def _submit(base: str, world) -> None:
    """Submit unit A's self-assessment through the API, so there is something to publish."""
    with httpx.Client(base_url=base, timeout=30) as client:
        submit_full(client, world)


def test_every_page_fits_390px_and_has_no_serious_axe_violation(served, tmp_path):
    from playwright.sync_api import sync_playwright

    base, world, url = served
    (ARTIFACTS / "pages").mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            _check(browser, base, world, BEFORE, problems)
            _file_inputs_in_vietnamese(browser, base, tmp_path, problems)
            _submit(base, world)
            _publish(base, world, url)
            _check(browser, base, world, AFTER, problems)
        finally:
            browser.close()
    assert not problems, "\n".join(problems)
    assert (ARTIFACTS / "pages" / "campaign-390.png").stat().st_size > 10_000
