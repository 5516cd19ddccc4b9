"""The catalog of a test world: org units and the tiny criteria set."""

from __future__ import annotations

from sqlmodel import Session

from models import CriteriaItem, CriteriaSet, OrgUnit


def make_unit(
    session: Session,
    code: str,
    *,
    kind: str = "department",
    rank_group: str | None = None,
    parent: OrgUnit | None = None,
    province: str = "test",
    name: str | None = None,
    notify_urls: list[str] | None = None,
) -> OrgUnit:
    """Add one org unit."""
    unit = OrgUnit(
        province_code=province,
        code=code,
        name=name or code,
        kind=kind,
        rank_group=rank_group
        or (kind if kind in {"department", "district", "commune"} else "none"),
        parent_id=parent.id if parent else None,
        notify_urls=notify_urls or [],
    )
    session.add(unit)
    session.flush()
    return unit


def make_criteria_set(
    session: Session, code: str = "test-so", *, survey: bool = True
) -> CriteriaSet:
    """Add a tiny set: 1.1 (2.0, step .25), 1.2.1 + 1.2.2 (1.0 each), survey 2.1 (3.0)."""
    cset = CriteriaSet(
        code=code,
        province_code="test",
        year=2024,
        tier="department",
        title="Bộ thử",
        total=7.0 if survey else 4.0,
        self_total=4.0,
        survey_total=3.0 if survey else 0.0,
        applies_to={"rank_groups": ["department"]},
    )
    session.add(cset)
    session.flush()
    f1 = _item(
        session,
        cset,
        "1",
        None,
        1,
        "Công tác chỉ đạo, điều hành",
        4.0,
        leaf=False,
        appraiser="so-noi-vu",
    )
    _item(session, cset, "1.1", f1, 2, "Kế hoạch CCHC", 2.0, step=0.25)
    c12 = _item(session, cset, "1.2", f1, 2, "Báo cáo CCHC", 2.0, leaf=False)
    _item(session, cset, "1.2.1", c12, 3, "Đủ số lượng", 1.0, step=0.5)
    _item(session, cset, "1.2.2", c12, 3, "Đúng thời hạn", 1.0, step=0.5)
    if survey:
        f2 = _item(
            session,
            cset,
            "2",
            None,
            1,
            "Điều tra xã hội học",
            3.0,
            leaf=False,
            appraiser="so-noi-vu",
        )
        _item(session, cset, "2.1", f2, 2, "Mức độ hài lòng", 3.0, method="survey")
    session.flush()
    return cset


def _item(
    session: Session,
    cset: CriteriaSet,
    code: str,
    parent: CriteriaItem | None,
    level: int,
    title: str,
    max_points: float,
    *,
    leaf: bool = True,
    method: str = "self",
    step: float | None = None,
    appraiser: str | None = None,
) -> CriteriaItem:
    """Add one criteria item."""
    item = CriteriaItem(
        criteria_set_id=cset.id,
        code=code,
        parent_id=parent.id if parent else None,
        field_code=code.split(".")[0],
        level=level,
        title=title,
        max_points=max_points,
        method=method,
        step=step,
        appraiser_code=appraiser,
        is_leaf=leaf,
        position=len(code),
    )
    session.add(item)
    session.flush()
    return item
