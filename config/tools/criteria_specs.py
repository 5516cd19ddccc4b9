"""Counts and points of every shipped criteria set, per field (fields 1..8 in catalogue order)."""

from __future__ import annotations

from dataclasses import dataclass, field

LC_2024 = [
    "so-noi-vu",
    "so-tu-phap",
    "van-phong-ubnd-tinh",
    "so-noi-vu",
    "so-noi-vu",
    "so-tai-chinh",
    "so-thong-tin-va-truyen-thong",
    "so-noi-vu",
]
LC_2025 = [*LC_2024[:6], "so-khoa-hoc-va-cong-nghe", "so-noi-vu"]
BY_DISTRICT = ["parent"] * 8  # communes are appraised by their district (3-tier)
DISTRICT_F8 = {7: "Tác động của cải cách hành chính đến người dân và phát triển kinh tế - xã hội"}
SURVEY_23 = [1.5, 1.5, 3, 1.5, 1.5, 1, 1.5, 11.5]
SURVEY_20 = [1.5, 1.5, 2, 1.5, 1.5, 1, 1.5, 9.5]


@dataclass
class SetSpec:
    """One criteria set: identity, per-field counts and points, appraisers."""

    code: str
    province: str
    year: int
    tier: str
    title: str
    applies_to: dict
    crits: list[int]
    subs: list[int]
    self_pts: list[float]
    survey_pts: list[float]
    appraisers: list[str]
    dv: str
    comment: str
    decision_no: str | None = None
    units: str | None = None
    field_titles: dict[int, str] = field(default_factory=dict)


DEPT = {
    "crits": [7, 4, 13, 4, 6, 5, 4, 7],
    "subs": [4, 4, 11, 10, 7, 4, 6, 0],
    "self_pts": [8.5, 7, 16, 8, 10, 8.5, 9, 10],
    "survey_pts": SURVEY_23,
    "dv": "cơ quan",
}
DISTRICT = {
    "crits": [8, 4, 10, 4, 6, 6, 4, 10],
    "subs": [4, 4, 7, 10, 7, 2, 6, 2],
    "self_pts": [8, 6.5, 14, 7.5, 9.5, 7, 8, 11.5],
    "survey_pts": [1.5, 1.5, 3, 1.5, 1.5, 1, 1.5, 16.5],
    "dv": "địa phương",
    "field_titles": DISTRICT_F8,
}
COMMUNE = {
    "crits": [6, 3, 8, 3, 5, 3, 4, 6],
    "subs": [2, 2, 6, 4, 4, 2, 4, 0],
    "self_pts": [10, 6, 18, 7, 10, 7, 9, 13],
    "survey_pts": [1, 1, 2, 1, 1, 1, 1, 12],
    "dv": "địa phương",
}
LC = "Bộ Chỉ số đánh giá công tác cải cách hành chính hàng năm"
SEED2 = "Lai Châu 2024, seed 002"

SETS = [
    SetSpec(
        "lai-chau-2024-so",
        "lai-chau",
        2024,
        "department",
        f"{LC} của các sở, ban, ngành tỉnh Lai Châu (Phụ lục 01)",
        {"rank_groups": ["department"]},
        appraisers=LC_2024,
        comment=f"{SEED2}: 8 fields, 50 criteria, 46 sub-criteria; 77 + 23 = 100",
        **DEPT,
    ),
    SetSpec(
        "lai-chau-2024-thanh-tra",
        "lai-chau",
        2024,
        "special",
        f"{LC} của Thanh tra tỉnh Lai Châu (Phụ lục 02)",
        {"units": ["thanh-tra-tinh"]},
        crits=[7, 4, 11, 4, 6, 4, 4, 6],
        subs=[4, 3, 8, 8, 7, 2, 5, 0],
        self_pts=[7.5, 6, 14, 7, 9, 7, 8, 9.5],
        survey_pts=SURVEY_23,
        appraisers=LC_2024,
        dv="cơ quan",
        comment=f"{SEED2}: 46 criteria, 37 sub-criteria; 68.0 + 23 = 91.0",
    ),
    SetSpec(
        "lai-chau-2024-ban-dan-toc",
        "lai-chau",
        2024,
        "special",
        f"{LC} của Ban Dân tộc tỉnh Lai Châu (Phụ lục 03)",
        {"units": ["ban-dan-toc"]},
        crits=[6, 3, 8, 4, 5, 3, 3, 5],
        subs=[3, 3, 6, 8, 5, 2, 3, 0],
        self_pts=[6, 4.5, 9.5, 6, 7, 5, 6, 6.5],
        survey_pts=SURVEY_20,
        appraisers=LC_2024,
        dv="cơ quan",
        comment=f"{SEED2}: 37 criteria, 30 sub-criteria; 50.5 + 20 = 70.5",
    ),
    SetSpec(
        "lai-chau-2024-van-phong-ubnd",
        "lai-chau",
        2024,
        "special",
        f"{LC} của Văn phòng UBND tỉnh Lai Châu (Phụ lục 04)",
        {"units": ["van-phong-ubnd-tinh"]},
        crits=[6, 3, 9, 4, 5, 3, 3, 5],
        subs=[4, 3, 7, 8, 5, 2, 3, 0],
        self_pts=[6.25, 4.5, 11, 6, 7, 5, 6, 7],
        survey_pts=SURVEY_20,
        appraisers=LC_2024,
        dv="cơ quan",
        comment=f"{SEED2}: 38 criteria, 32 sub-criteria; 52.75 + 20 = 72.75",
    ),
    SetSpec(
        "lai-chau-2024-so-ngoai-vu",
        "lai-chau",
        2024,
        "special",
        f"{LC} của Sở Ngoại vụ tỉnh Lai Châu (Phụ lục 05)",
        {"units": ["so-ngoai-vu"]},
        crits=[6, 3, 7, 4, 5, 3, 3, 4],
        subs=[3, 2, 5, 7, 4, 2, 3, 0],
        self_pts=[5.75, 4, 8.5, 5.5, 6.5, 4.5, 5.5, 6],
        survey_pts=SURVEY_20,
        appraisers=LC_2024,
        dv="cơ quan",
        comment=f"{SEED2}: 35 criteria, 26 sub-criteria; 46.25 + 20 = 66.25",
    ),
    SetSpec(
        "lai-chau-2024-huyen",
        "lai-chau",
        2024,
        "district",
        f"{LC} của UBND các huyện, thành phố tỉnh Lai Châu (Phụ lục 06)",
        {"rank_groups": ["district"]},
        appraisers=LC_2024,
        comment=f"{SEED2}: 8 fields, 52 criteria, 42 sub-criteria; 72 + 28 = 100",
        **DISTRICT,
    ),
    SetSpec(
        "lai-chau-2024-xa",
        "lai-chau",
        2024,
        "commune",
        "Bộ Chỉ số cải cách hành chính của UBND các xã, phường, thị trấn tỉnh Lai Châu",
        {"rank_groups": ["commune"]},
        appraisers=BY_DISTRICT,
        comment="Lai Châu 2024 communes (plausible: districts issue these per seed 002 III.3c)",
        **COMMUNE,
    ),
    SetSpec(
        "bac-kan-2023-so",
        "bac-kan",
        2023,
        "department",
        "Bộ tiêu chí xác định Chỉ số cải cách hành chính các sở, ban, ngành tỉnh Bắc Kạn",
        {"rank_groups": ["department"]},
        appraisers=LC_2024,
        decision_no="1416/QĐ-UBND",
        comment="Bắc Kạn 2023 departments (seed 004 cites Decision 1416/QĐ-UBND; "
        "structure as Lai Châu 2024)",
        **DEPT,
    ),
    SetSpec(
        "bac-kan-2023-huyen",
        "bac-kan",
        2023,
        "district",
        "Bộ tiêu chí xác định Chỉ số cải cách hành chính UBND các huyện, thành phố tỉnh Bắc Kạn",
        {"rank_groups": ["district"]},
        appraisers=LC_2024,
        decision_no="1416/QĐ-UBND",
        comment="Bắc Kạn 2023 districts (structure as Lai Châu 2024)",
        **DISTRICT,
    ),
    SetSpec(
        "bac-kan-2023-xa",
        "bac-kan",
        2023,
        "commune",
        "Bộ tiêu chí xác định Chỉ số cải cách hành chính UBND các xã, phường, thị trấn "
        "tỉnh Bắc Kạn",
        {"rank_groups": ["commune"]},
        appraisers=BY_DISTRICT,
        decision_no="1416/QĐ-UBND",
        comment="Bắc Kạn 2023 communes, appraised and published by their district (seed 004)",
        **COMMUNE,
    ),
    SetSpec(
        "lai-chau-2025-so",
        "lai-chau",
        2025,
        "department",
        f"{LC} của các sở, ban, ngành tỉnh Lai Châu (mô hình chính quyền địa phương 2 cấp)",
        {"rank_groups": ["department"]},
        appraisers=LC_2025,
        units="lai-chau-2025",
        comment="Lai Châu 2025 (2-tier sample): departments, structure as 2024",
        **DEPT,
    ),
    SetSpec(
        "lai-chau-2025-xa",
        "lai-chau",
        2025,
        "commune",
        "Bộ Chỉ số cải cách hành chính của UBND các xã, phường tỉnh Lai Châu (2 cấp)",
        {"rank_groups": ["commune", "ward"]},
        appraisers=LC_2025,
        units="lai-chau-2025",
        comment="Lai Châu 2025 (2-tier sample): communes and wards, appraised by the province",
        **COMMUNE,
    ),
]
