"""Pages show states, kinds and codes by their Vietnamese labels, and no inline style or script."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from sqlmodel import Session, select

from models import Stage
from tests.web.test_pages import _login
from tests.world.scenery import enrich
from tests.world.web import submit_full

# Codes of the domain that must never reach a reader as such (whole words, any case for bools).
CODES = (
    "generic self_assessment council_session guidance appraisal publication approval survey "
    "pending open overdue done late refused closed removed running approved published archived "
    "accepted adjusted draft submitted withdrawn superseded delivered failed kickoff reminder "
    "escalation stage_open department district commune ward special central_agency"
).split()
LEAK = re.compile(r"\b(" + "|".join(CODES) + r"|True|False|None)\b")
PAGES = [
    ("admin", "/campaigns"),
    ("admin", "/campaigns/test-2024"),
    ("admin", "/campaigns/test-2024?state=overdue"),
    ("admin", "/campaigns/test-2024/groups/huyen-x"),
    ("admin", "/campaigns/test-2024/units/so-a"),
    ("viewer", "/campaigns/test-2024"),
    ("unit_a", "/campaigns/test-2024/my"),
    ("unit_a", "/campaigns/test-2024/units/so-a/self-assessment"),
    ("appraiser", "/campaigns/test-2024"),
]


class _Text(HTMLParser):
    """Collect what a reader sees: text, titles, labels and option texts (not URLs or classes)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []
        self.inline: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.seen += [found[a] or "" for a in ("title", "aria-label", "placeholder") if a in found]
        if "style" in found or any(a.startswith("on") for a in found):
            self.inline.append(f"<{tag} {found}>")
        self._script = tag == "script" and "src" not in found
        if tag == "style":
            self.inline.append("<style>")

    def handle_data(self, data: str) -> None:
        if self._script and data.strip():
            self.inline.append(f"<script>{data[:40]}")
        self.seen.append(data)


def _scan(html: str) -> _Text:
    """Parse a page into what it shows and what inline code it carries."""
    parser = _Text()
    parser.feed(html)
    return parser


def _lead_stage(engine) -> None:
    """Give the self-assessment stage a lead agency (shown by its name, not its code)."""
    with Session(engine) as s:
        stage = s.exec(select(Stage).where(Stage.code == "tu-danh-gia")).one()
        stage.lead_code = "so-noi-vu"
        s.add(stage)
        s.commit()


def test_pages_show_labels_not_codes_and_no_inline_code(world, client, engine):
    enrich(engine, world)
    _lead_stage(engine)
    submit_full(client, world)
    problems = []
    for who, path in PAGES:
        client.cookies.clear()
        _login(client, world, who)
        answer = client.get(path)
        assert answer.status_code == 200, path
        page = _scan(answer.text)
        text = " ".join(page.seen)
        problems += [f"{who} {path}: «{m.group(0)}»" for m in LEAK.finditer(text)]
        problems += [f"{who} {path}: inline {code}" for code in page.inline]
    assert not problems, "\n".join(problems)


def test_lead_agency_is_shown_by_name(world, client, engine):
    _lead_stage(engine)
    _login(client, world, "admin")
    html = client.get("/campaigns/test-2024").text
    assert "chủ trì: Sở Nội vụ" in html and "chủ trì: so-noi-vu" not in html
