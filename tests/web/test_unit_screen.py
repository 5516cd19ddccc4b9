"""The unit's self-assessment screen: evidence per item, deadline, workbook, withdraw."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.world.accounts import login_as

FORM = "/campaigns/test-2024/units/so-a/self-assessment"
UPLOAD = "/api/campaigns/test-2024/units/so-a/evidence"


def _login(client, world, who: str) -> None:
    login_as(client, who)


def test_screen_shows_deadline_limits_totals_and_csrf_hooks(world, client):
    _login(client, world, "unit_a")
    page = client.get(FORM)
    assert page.status_code == 200
    assert "Hạn nộp:" in page.text and "ngày làm việc" in page.text
    assert 'id="sa-total"' in page.text and 'data-field-total="1"' in page.text
    assert "tối đa 20,0 MB" in page.text and 'accept=".pdf,.docx' in page.text
    assert '<meta name="csrf-token"' in page.text and 'name="csrf_token"' in page.text
    assert "<script>" not in page.text  # only the static file, no inline script
    assert "style=" not in page.text  # the CSP refuses inline style too


def test_file_inputs_are_worded_in_vietnamese_with_their_limits(world, client):
    _login(client, world, "unit_a")
    page = client.get(FORM).text
    inputs = page.count('type="file"')
    assert (
        inputs >= 2
        and page.count('class="visually-hidden" tabindex="-1" aria-hidden="true"') == inputs
    )
    assert page.count(">Chọn tệp…<") == inputs and page.count(">Chưa chọn tệp<") == inputs
    assert 'id="workbook-file-hint">tệp .xlsx<' in page
    assert 'data-upload="1.1" data-max-bytes="20971520"' in page and "tối đa 20,0 MB</span>" in page


def test_uploaded_evidence_is_listed_under_its_item_with_a_signed_link(world, client):
    _login(client, world, "unit_a")
    files = {"file": ("Kế hoạch.pdf", b"%PDF-1.4 x", "application/pdf")}
    assert client.post(UPLOAD, data={"item_code": "1.1"}, files=files).status_code == 201
    page = client.get(FORM).text
    assert 'data-item="1.1" data-field="1" data-evidence="1"' in page
    assert "/files/evidence/" in page and "Kế hoạch.pdf" in page


def test_evidence_replaces_the_explanation_at_submit(world, client):
    _login(client, world, "unit_a")
    files = {"file": ("kh.pdf", b"%PDF-1.4 y", "application/pdf")}
    client.post(UPLOAD, data={"item_code": "1.1"}, files=files)
    posted = {"score_1.1": "1,75", "expl_1.1": "", "score_1.2.1": "0", "expl_1.2.1": "",
              "score_1.2.2": "0,5", "expl_1.2.2": "", "action": "submit"}  # fmt: skip
    refused = client.post(FORM, data=posted, follow_redirects=False)
    assert refused.status_code == 422
    assert "1.2.2: không có tài liệu kiểm chứng" in refused.text
    assert "1.1: không có" not in refused.text and "1.2.1: không có" not in refused.text
    posted["expl_1.2.2"] = "Một báo cáo chậm"
    assert client.post(FORM, data=posted, follow_redirects=False).status_code == 303


def test_workbook_round_trips_through_the_browser_and_withdraw_takes_a_reason(world, client):
    _login(client, world, "unit_a")
    got = client.get(FORM + "/template.xlsx")
    assert got.status_code == 200 and got.content[:2] == b"PK"
    assert load_workbook(io.BytesIO(got.content)).sheetnames
    back = client.post(
        FORM + "/template", files={"file": ("x.xlsx", got.content)}, follow_redirects=False
    )
    assert back.status_code == 303 and back.headers["location"].endswith("?ok=workbook")
    posted = {"score_1.1": "1", "expl_1.1": "a", "score_1.2.1": "1", "expl_1.2.1": "b",
              "score_1.2.2": "0", "expl_1.2.2": "", "action": "submit"}  # fmt: skip
    assert client.post(FORM, data=posted, follow_redirects=False).status_code == 303
    assert 'id="withdraw-form"' in client.get(FORM).text
    done = client.post(FORM + "/withdraw", data={"reason": "Sửa điểm 1.1"}, follow_redirects=False)
    assert done.status_code == 303
    assert 'id="withdraw-form"' not in client.get(FORM).text
