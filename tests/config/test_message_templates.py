"""Message templates: shipped defaults for every event, a province's overrides, `cchc validate`."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.settings import get_settings
from cchc.wording.authority import authority
from config.message_templates import DEFAULTS, VARIABLES, render_event, templates_for
from config.validate import validate_paths

BROKEN = """\
kickoff:
  subject: "Triển khai {{ campaign }}"
  body: |-
    Kính gửi {{ unit }},
    {{ authority }} triển khai {{ campaign }} ({{ key }}).
approval:
  subject: "{% if %}"
  body: "x"
tet:
  subject: a
  body: b
publication:
  subject: "{{ campaign.__class__ }}"
  body: "{{ unit }}"
reopen:
  subject: "Mở lại"
  body: "{{ reason }}{{ reason }}{{ reason }}"
"""


@pytest.fixture
def province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A config folder whose messages/ha-noi.yaml a test writes."""
    monkeypatch.setenv("CCHC_CONFIG_DIR", str(tmp_path))
    get_settings.cache_clear()
    (tmp_path / "messages").mkdir()
    yield tmp_path / "messages" / "ha-noi.yaml"
    get_settings.cache_clear()


def test_shipped_defaults_cover_every_event_and_validate():
    assert validate_paths([DEFAULTS]) == []
    assert set(templates_for("no-override")) == set(VARIABLES)


def test_validate_names_file_and_line_of_each_broken_template(province):
    province.write_text(BROKEN.replace("{{ reason }}{{ reason }}{{ reason }}", "y" * 4001))
    problems = validate_paths([province])
    where = [p.split(" ", 2)[:2] for p in problems]
    assert [w[0].rsplit(":", 1)[1] for w in where] == ["5", "7", "9", "13", "17"]
    assert "«key»" in problems[0] and "lỗi cú pháp mẫu" in problems[1]
    assert "sự kiện không có: «tet»" in problems[2] and "không được phép" in problems[3]
    assert "tối đa 4000" in problems[4] and all(str(province) in p for p in problems)


def test_a_province_override_is_used_and_a_broken_one_falls_back(province):
    province.write_text(BROKEN)
    values = {"authority": authority("Thành phố Hà Nội"), "campaign": "CCHC 2026", "unit": "Sở A"}
    subject, body = render_event("reopen", "ha-noi", **values, reason="Rà soát")
    assert (subject, body) == ("Mở lại", "Rà soátRà soátRà soát")
    subject, body = render_event("kickoff", "ha-noi", **values, first_due="05/02/2026")
    assert subject == "Triển khai: CCHC 2026"  # the broken override gave way to the default
    assert "UBND thành phố Hà Nội triển khai CCHC 2026" in body
