"""The synthetic plan every generated province launches, and the instant the benches stand at.

At `AT` (Wed 20/11/2024 08:00 ICT): guidance done; departments and districts self-assess, due in
2 working days (their reminder "before-2" is due now); communes are 2 working days overdue (their
"overdue-2" notice and the escalation digests are due now); appraisal and later stages wait.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from cchc.clock import LOCAL_TZ

AT = datetime(2024, 11, 20, 1, 0, tzinfo=UTC)  # 08:00 Asia/Ho_Chi_Minh
YEAR = 2024
ACTED_SHARE = {"department": 0.75, "district": 0.75, "commune": 0.85}
LATE_SHARE = 0.1  # of the communes that acted, how many after their due time
REMINDERS = {"before": [5, 2], "overdue_every": 2, "escalate_after": 1}
UNIT_STAGE_KINDS = {"self_assessment", "appraisal", "generic"}  # as models/launch.py
COORDINATOR = "so-noi-vu"


def local(day: str, end: bool = False) -> datetime:
    """Return the start (or the last second) of an ISO day in Asia/Ho_Chi_Minh, as UTC."""
    moment = datetime.combine(
        datetime.fromisoformat(day).date(), time(23, 59, 59) if end else time()
    )
    return moment.replace(tzinfo=LOCAL_TZ).astimezone(UTC)


# code, kind, title, lead, scope tiers, depends_on, opens, due, state
# fmt: off
STAGES = [
    ("huong-dan", "guidance", "Ban hành văn bản hướng dẫn", "so-noi-vu", (), (),
     "2024-10-01", "2024-10-15", "closed"),
    ("dieu-tra-xhh", "survey", "Điều tra xã hội học", "so-noi-vu", (), (),
     "2024-10-01", "2024-12-15", "open"),
    ("tu-danh-gia-so-huyen", "self_assessment", "Sở, huyện tự đánh giá, chấm điểm", "so-noi-vu",
     ("department", "district"), ("huong-dan",), "2024-10-16", "2024-11-22", "open"),
    ("tu-danh-gia-xa", "self_assessment", "Xã tự đánh giá, chấm điểm", "so-noi-vu", ("commune",),
     ("huong-dan",), "2024-10-16", "2024-11-18", "open"),
    ("tham-dinh-xa", "appraisal", "Thẩm định kết quả tự đánh giá của xã", "so-noi-vu", ("commune",),
     ("tu-danh-gia-xa",), "2024-11-25", "2024-12-10", "pending"),
    ("tham-dinh-tinh", "appraisal", "Thẩm định kết quả tự đánh giá của sở, huyện", "so-noi-vu",
     ("department", "district"), ("tu-danh-gia-so-huyen",), "2024-11-25", "2024-12-20", "pending"),
    ("hop-hoi-dong", "council_session", "Họp Hội đồng thẩm định", "hoi-dong-tham-dinh", (),
     ("tham-dinh-tinh", "tham-dinh-xa"), "2024-12-23", "2024-12-31", "pending"),
    ("phe-duyet", "approval", "Phê duyệt Chỉ số CCHC", "ubnd-tinh", (), ("hop-hoi-dong",),
     "2025-01-02", "2025-01-15", "pending"),
    ("cong-bo", "publication", "Công bố Chỉ số CCHC", "so-noi-vu", (), ("phe-duyet",),
     "2025-01-16", "2025-01-31", "pending"),
]
# fmt: on


def local_day(moment: datetime) -> str:
    """dd/mm/yyyy in Asia/Ho_Chi_Minh."""
    return f"{moment.astimezone(LOCAL_TZ):%d/%m/%Y}"


def plan_body(province: str, tiers: int) -> dict:
    """The plan configuration as launched (the shape of config.schema.Plan)."""
    sets = ["department", "district", "commune"] if tiers == 3 else ["department", "commune"]
    return {
        "code": f"{province}-{YEAR}",
        "province": province,
        "year": YEAR,
        "title": f"Kế hoạch xác định Chỉ số CCHC năm {YEAR}",
        "units": province,
        "criteria_sets": [f"{province}-{YEAR}-{t}" for t in sets],
        "reminders": REMINDERS,
        "stages": [
            {
                "code": s[0],
                "kind": s[1],
                "title": s[2],
                "lead": [s[3]],
                "scope": {"kinds": list(s[4])},
                "depends_on": list(s[5]),
                "window": {"opens": s[6], "due": s[7]},
            }
            for s in STAGES
        ],
    }
