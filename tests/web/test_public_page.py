"""The public results page: charts per block, the decision, downloads of the published report."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from report.pdf import chromium
from tests.world.web import EVIL

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


def _published(client, world, engine) -> None:  # type: ignore[no-untyped-def]
    from tests.web.test_admin_council_api import BASE, _publish

    _publish(client, world, engine)
    assert client.post(BASE + "/publication", headers=world.auth("admin")).status_code == 201


def test_public_page_shows_charts_decision_and_downloads(world, client, engine):
    _published(client, world, engine)
    html = client.get("/public/test-2024").text
    assert "99/QĐ-UBND" in html and "20/01/2025" in html
    assert html.count('class="rank-bar"') >= 2 and "<svg" in html and EVIL not in html
    assert "Xếp hạng từ cao xuống thấp" in html and "trung bình" in html
    assert 'href="/public/test-2024/chi-so-cchc.xlsx"' in html
    xlsx = client.get("/public/test-2024/chi-so-cchc.xlsx")
    assert xlsx.status_code == 200 and xlsx.headers["content-type"].startswith(
        "application/vnd.openxmlformats"
    )
    assert "Tổng hợp" in load_workbook(io.BytesIO(xlsx.content)).sheetnames


def test_downloads_wait_for_publication(world, client):
    assert client.get("/public/test-2024/chi-so-cchc.xlsx").status_code == 404


@pytest.mark.browser
def test_public_pdf_and_screenshot(world, client, engine):
    """The PDF prints from the HTML report; the page is screenshot for a person to look at."""
    from playwright.sync_api import Route, sync_playwright

    browser_path = chromium()
    assert browser_path, "Debian's chromium is needed (apt-get install -y chromium)"
    _published(client, world, engine)
    pdf = client.get("/public/test-2024/chi-so-cchc.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    def through_app(route: Route) -> None:
        """Answer the browser's requests from the app in this process."""
        answer = client.get(route.request.url.replace("http://cchc.test", ""))
        route.fulfill(status=answer.status_code, headers=dict(answer.headers), body=answer.content)

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("http://cchc.test/**", through_app)
        page.goto("http://cchc.test/public/test-2024")
        assert page.locator("svg rect.rank-bar").count() >= 2
        page.screenshot(path=str(ARTIFACTS / "public-page.png"), full_page=True)
        browser.close()
    assert (ARTIFACTS / "public-page.png").stat().st_size > 20_000
