"""Every page at 390 px and 1366 px in chromium: screenshots, no sideways scroll, axe-core clean."""

from __future__ import annotations

import httpx
import pytest

from tests.web.test_browser import ARGS, ARTIFACTS, CHROMIUM, _login, _publish, served
from tests.world.web import submit_full

pytestmark = [pytest.mark.browser, pytest.mark.slow]
__all__ = ["served"]  # the fixture: a real `cchc serve` on a SQLite world
WIDTHS = (390, 1366)
SEVERE = {"serious", "critical"}
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
                contexts[who] = browser.new_context(viewport={"width": width, "height": 900})
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


def _submit(base: str, world) -> None:
    """Submit unit A's self-assessment through the API, so there is something to publish."""
    with httpx.Client(base_url=base, timeout=30) as client:
        submit_full(client, world)


def test_every_page_fits_390px_and_has_no_serious_axe_violation(served):
    from playwright.sync_api import sync_playwright

    base, world, url = served
    (ARTIFACTS / "pages").mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            _check(browser, base, world, BEFORE, problems)
            _submit(base, world)
            _publish(base, world, url)
            _check(browser, base, world, AFTER, problems)
        finally:
            browser.close()
    assert not problems, "\n".join(problems)
    assert (ARTIFACTS / "pages" / "campaign-390.png").stat().st_size > 10_000
