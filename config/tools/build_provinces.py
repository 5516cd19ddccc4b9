"""The shipped provinces' units (run: python -m config.tools.build_provinces)."""

from __future__ import annotations

from config.tools import units_data as D
from config.tools.build_units import (
    communes,
    departments,
    districts_with_communes,
    dump,
    slug,
    unit,
)

CHECK = "Names must be checked against the official lists before real use."


def root(name: str, short: list[str]) -> dict:
    """The province unit."""
    return unit(name, "province", None, code="ubnd-tinh", short=short)


def lai_chau() -> None:
    """Lai Châu before 1 July 2025: 3 tiers, 4 special agencies (seed 002)."""
    depts = departments(
        D.DEPARTMENTS_2024
        + [
            ("Sở Ngoại vụ", []),
            ("Ban Dân tộc tỉnh", ["Ban Dân tộc"]),
            ("Ban Quản lý Khu kinh tế tỉnh", ["BQL Khu kinh tế tỉnh"]),
        ],
        special={"van-phong-ubnd-tinh", "thanh-tra-tinh", "so-ngoai-vu", "ban-dan-toc"},
    )
    units = [
        root("UBND tỉnh Lai Châu", ["UBND tỉnh", "Ủy ban nhân dân tỉnh Lai Châu"]),
        *depts,
        unit(
            "Bưu điện tỉnh Lai Châu",
            "central_agency",
            "ubnd-tinh",
            "central_agency",
            code="buu-dien-tinh",
            role="survey_agency",
            short=["Bưu điện tỉnh"],
        ),
        unit(
            "Cục Thuế tỉnh Lai Châu",
            "central_agency",
            "ubnd-tinh",
            "central_agency",
            code="cuc-thue-tinh",
            short=["Cục Thuế tỉnh"],
        ),
        *_bodies(
            "Hội đồng thẩm định xác định Chỉ số cải cách hành chính tỉnh",
            "hoi-dong-tham-dinh",
            ["Hội đồng thẩm định", "Hội đồng thẩm định tỉnh"],
        ),
        *districts_with_communes(D.LAI_CHAU_DISTRICTS),
    ]
    dump(
        "lai-chau",
        [
            "Lai Châu, 3 tiers (before 1 July 2025): seeds 000 and 002.",
            "16 departments + 4 special agencies ranked apart (seed 002), 8 districts,",
            "106 communes, wards and towns (real names from memory). " + CHECK,
        ],
        {"code": "lai-chau", "name": "Tỉnh Lai Châu", "tiers": 3},
        units,
    )


def _bodies(council: str, code: str, short: list[str]) -> list[dict]:
    """The appraisal council/team and the steering committee (act, are not scored)."""
    return [
        unit(council, "body", "ubnd-tinh", code=code, role="appraisal_council", short=short),
        unit(
            "Ban Chỉ đạo cải cách hành chính tỉnh",
            "body",
            "ubnd-tinh",
            code="ban-chi-dao-cchc",
            role="steering_committee",
            short=["Ban Chỉ đạo CCHC tỉnh"],
        ),
    ]


def bac_kan() -> None:
    """Bắc Kạn 2023: the demo province (seed 004)."""
    depts = departments(D.DEPARTMENTS_2024 + [("Ban Dân tộc tỉnh", ["Ban Dân tộc"])])
    units = [
        root("UBND tỉnh Bắc Kạn", ["UBND tỉnh", "Ủy ban nhân dân tỉnh Bắc Kạn"]),
        *depts,
        unit(
            "Bưu điện tỉnh Bắc Kạn",
            "central_agency",
            "ubnd-tinh",
            "central_agency",
            code="buu-dien-tinh",
            role="survey_agency",
            short=["Bưu điện tỉnh"],
        ),
        *_bodies(
            "Tổ thẩm định Chỉ số cải cách hành chính tỉnh",
            "to-tham-dinh",
            ["Tổ thẩm định", "Tổ thẩm định Chỉ số CCHC"],
        ),
        *districts_with_communes(D.BAC_KAN_DISTRICTS),
    ]
    dump(
        "bac-kan",
        [
            "Bắc Kạn, 3 tiers (2023, seed 004): 18 departments, 8 districts, 108 communes,",
            "the provincial appraisal team (Tổ thẩm định). " + CHECK,
        ],
        {"code": "bac-kan", "name": "Tỉnh Bắc Kạn", "tiers": 3},
        units,
    )


def ha_noi() -> None:
    """Hà Nội 2017 (seed 003): departments and districts the plan names."""
    names = [
        n
        for n, _ in D.DEPARTMENTS_2024
        if n not in ("Văn phòng UBND tỉnh", "Thanh tra tỉnh", "Sở Văn hóa, Thể thao và Du lịch")
    ]
    extra = [
        "Sở Văn hóa và Thể thao",
        "Sở Du lịch",
        "Sở Quy hoạch - Kiến trúc",
        "Sở Ngoại vụ",
        "Thanh tra Thành phố",
        "Văn phòng UBND Thành phố",
    ]
    depts = departments(
        [(n, s) for n, s in D.DEPARTMENTS_2024 if n in names] + [(n, []) for n in extra]
    )
    for d in depts:
        d["parent"] = "ubnd-thanh-pho"
    units = [
        unit(
            "UBND Thành phố Hà Nội",
            "province",
            None,
            code="ubnd-thanh-pho",
            short=["UBND Thành phố", "UBND TP", "Ủy ban nhân dân thành phố Hà Nội"],
        ),
        *depts,
        unit(
            "Viện Nghiên cứu phát triển kinh tế - xã hội Hà Nội",
            "body",
            "ubnd-thanh-pho",
            role="research",
            short=["Viện Nghiên cứu phát triển Kinh tế - Xã hội Hà Nội"],
        ),
        unit(
            "Hội đồng thẩm định Chỉ số cải cách hành chính của UBND Thành phố",
            "body",
            "ubnd-thanh-pho",
            code="hoi-dong-tham-dinh",
            role="appraisal_council",
            short=["Hội đồng thẩm định của UBND Thành phố"],
        ),
    ]
    units += [
        unit(n, "district", "ubnd-thanh-pho", "district", short=[f"UBND {n[0].lower()}{n[1:]}"])
        for n in D.HA_NOI_DISTRICTS
    ]
    dump(
        "ha-noi",
        [
            "Hà Nội 2017 (seed 003): departments, 12 urban districts, 1 town, 17 districts.",
            "No communes: the 2017 plan covers departments and districts only.",
        ],
        {"code": "ha-noi", "name": "Thành phố Hà Nội", "tiers": 3},
        units,
    )


def ha_tinh() -> None:
    """Hà Tĩnh 2021 (seed 001): departments, central agencies, districts, some communes."""
    depts = departments(
        D.DEPARTMENTS_2024
        + [("Sở Ngoại vụ", []), ("Ban Quản lý Khu kinh tế tỉnh", ["BQL Khu kinh tế tỉnh"])]
    )
    central = [
        ("Cục Thuế tỉnh Hà Tĩnh", "cuc-thue-tinh", ["Cục Thuế tỉnh", "Cục Thuế"]),
        ("Kho bạc Nhà nước Hà Tĩnh", "kho-bac-nha-nuoc-tinh", ["Kho bạc Nhà nước tỉnh"]),
        ("Bảo hiểm xã hội tỉnh Hà Tĩnh", "bao-hiem-xa-hoi-tinh", ["BHXH tỉnh"]),
        ("Cục Hải quan Hà Tĩnh", "cuc-hai-quan", ["Cục Hải quan"]),
        ("Cục Thống kê tỉnh Hà Tĩnh", "cuc-thong-ke-tinh", ["Cục Thống kê"]),
    ]
    units = [
        root("UBND tỉnh Hà Tĩnh", ["UBND tỉnh", "Ủy ban nhân dân tỉnh Hà Tĩnh"]),
        *depts,
        *[
            unit(n, "central_agency", "ubnd-tinh", "central_agency", code=c, short=s)
            for n, c, s in central
        ],
        unit(
            "Hội đồng thẩm định Chỉ số cải cách hành chính cấp tỉnh",
            "body",
            "ubnd-tinh",
            code="hoi-dong-tham-dinh-tinh",
            role="appraisal_council",
            short=["Hội đồng thẩm định cấp tỉnh"],
        ),
    ]
    table = {
        (name, code or slug(name)): items for (name, code), items in D.HA_TINH_DISTRICTS.items()
    }
    units += districts_with_communes(table)
    dump(
        "ha-tinh",
        [
            "Hà Tĩnh 2021 (seed 001): departments, 5 central agencies, 13 districts; communes",
            "listed for Thành phố Hà Tĩnh and Thị xã Hồng Lĩnh only (a sample). " + CHECK,
        ],
        {"code": "ha-tinh", "name": "Tỉnh Hà Tĩnh", "tiers": 3},
        units,
    )


MERGED_2025 = {  # new department -> [(predecessor, change)], from the 2025 restructuring
    "van-phong-ubnd-tinh": [("so-ngoai-vu", "merge")],
    "so-noi-vu": [("so-lao-dong-thuong-binh-va-xa-hoi", "merge")],
    "so-tai-chinh": [("so-ke-hoach-va-dau-tu", "merge")],
    "so-nong-nghiep-va-moi-truong": [
        ("so-nong-nghiep-va-phat-trien-nong-thon", "merge"),
        ("so-tai-nguyen-va-moi-truong", "merge"),
    ],
    "so-xay-dung": [("so-giao-thong-van-tai", "merge")],
    "so-khoa-hoc-va-cong-nghe": [("so-thong-tin-va-truyen-thong", "merge")],
    "so-dan-toc-va-ton-giao": [("ban-dan-toc", "rename")],
}
DEPARTMENTS_2025 = [
    ("Văn phòng UBND tỉnh", ["VP UBND tỉnh"]),
    ("Sở Nội vụ", []),
    ("Sở Tư pháp", []),
    ("Sở Tài chính", []),
    ("Sở Công Thương", []),
    ("Sở Nông nghiệp và Môi trường", ["Sở NN&MT"]),
    ("Sở Xây dựng", []),
    ("Sở Khoa học và Công nghệ", ["Sở KH&CN"]),
    ("Sở Giáo dục và Đào tạo", ["Sở GD&ĐT"]),
    ("Sở Y tế", []),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở VHTT&DL"]),
    ("Sở Dân tộc và Tôn giáo", []),
    ("Thanh tra tỉnh", []),
    ("Ban Quản lý Khu kinh tế tỉnh", []),
]


def lai_chau_2025() -> None:
    """Lai Châu from 1 July 2025: 2 tiers, 38 communes and wards under the province."""
    depts = departments(DEPARTMENTS_2025)
    for d in depts:
        if d["code"] in MERGED_2025:
            d["predecessors"] = [
                {"code": c, "year": 2025, "change": ch} for c, ch in MERGED_2025[d["code"]]
            ]
    old = {
        u_code
        for items in D.LAI_CHAU_DISTRICTS.values()
        for u_code in (slug(f"{k} {n}".replace("thi_tran", "thi tran")) for k, n in items)
    }
    coms = communes("ubnd-tinh", D.LAI_CHAU_2025, ward_rank="ward")
    for com in coms:
        base = com["code"].split("-", 1)[1]
        preds = [c for c in (com["code"], f"thi-tran-{base}") if c in old]
        com["predecessors"] = [{"code": c, "year": 2025, "change": "merge"} for c in preds]
    units = [
        root("UBND tỉnh Lai Châu", ["UBND tỉnh", "Ủy ban nhân dân tỉnh Lai Châu"]),
        *depts,
        unit(
            "Bưu điện tỉnh Lai Châu",
            "central_agency",
            "ubnd-tinh",
            "central_agency",
            code="buu-dien-tinh",
            role="survey_agency",
            short=["Bưu điện tỉnh"],
        ),
        *_bodies(
            "Hội đồng thẩm định xác định Chỉ số cải cách hành chính tỉnh",
            "hoi-dong-tham-dinh",
            ["Hội đồng thẩm định"],
        ),
        *coms,
    ]
    dump(
        "lai-chau-2025",
        [
            "Lai Châu from 1 July 2025: 2 tiers (no districts), 14 departments after the",
            "2025 mergers, 2 wards + 36 communes under the province; predecessors link",
            "to config/units/lai-chau.yaml. " + CHECK,
        ],
        {"code": "lai-chau", "name": "Tỉnh Lai Châu", "tiers": 2, "effective_from": "2025-07-01"},
        units,
    )


if __name__ == "__main__":
    lai_chau_2025()
    lai_chau()
    bac_kan()
    ha_noi()
    ha_tinh()
