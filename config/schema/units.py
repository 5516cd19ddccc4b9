"""Units file (config/units/<code>.yaml): a province's hierarchy of org units."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from cchc.contacts import clean_contacts
from cchc.errors import ValidationError as CchcValidationError
from cchc.wording import validate as words
from config.schema.base import Problem, Slug, StrictModel, Text, fits, report

UnitKind = Literal["province", "department", "district", "commune", "central_agency", "body"]
RankGroup = Literal[
    "department", "special", "district", "commune", "ward", "central_agency", "none"
]
CommuneType = Literal["xa", "phuong", "thi_tran", "dac_khu"]
# Which rank blocks each kind of unit may be ranked in.
RANK_GROUPS_OF: dict[str, tuple[str, ...]] = {
    "province": ("none",),
    "department": ("department", "special", "none"),
    "district": ("district", "none"),
    "commune": ("commune", "ward", "none"),
    "central_agency": ("central_agency", "none"),
    "body": ("none",),
}
UnitRole = Literal["appraisal_council", "steering_committee", "survey_agency", "research"]


class Province(StrictModel):
    """The province the file describes and its number of tiers."""

    code: Slug
    name: Annotated[str, fits("unit_name")]
    tiers: Literal[2, 3]
    effective_from: date | None = None


class Predecessor(StrictModel):
    """A unit this one continues after a rename or merge (history follows it)."""

    code: Slug
    year: int = Field(ge=1945, le=2100)
    change: Literal["rename", "merge"]
    # The former province whose units file holds `code` (a provincial merger); None: this one.
    province: Slug | None = None


class Unit(StrictModel):
    """One org unit: how documents name it, where it sits, how to reach it."""

    code: Slug
    name: Annotated[str, fits("unit_name")]
    kind: UnitKind
    parent: Slug | None = None
    rank_group: RankGroup = "none"
    commune_type: CommuneType | None = None
    role: UnitRole | None = None
    short_names: list[Text] = Field(default_factory=list)
    aliases: list[Text] = Field(default_factory=list)
    email: Annotated[str, fits("unit_email", required=False)] | None = None
    notify: list[str] = Field(default_factory=list)
    predecessors: list[Predecessor] = Field(default_factory=list)
    # The National Statistics Office's code (catalogue units) and a contact phone (imported lists).
    official_code: str | None = Field(default=None, pattern=r"^\d{2,5}$")
    phone: str | None = None  # normalised to +84…: the unit's SMS number
    zalo: str | None = None  # the unit's Zalo user id (Zalo OA messages)

    @field_validator("email", "phone", "zalo")
    @classmethod
    def _contact(cls, value: str | None, info: ValidationInfo) -> str | None:
        """Check and normalise a contact (blank means none)."""
        try:
            return clean_contacts({str(info.field_name): value})[str(info.field_name)]
        except CchcValidationError as exc:
            raise ValueError(str(exc)) from None

    @property
    def names(self) -> list[str]:
        """Every way documents write this unit, full name first."""
        return [self.name, *self.short_names, *self.aliases]


class UnitsFile(StrictModel):
    """A province's units, checked as a tree."""

    province: Province
    units: list[Unit] = Field(min_length=1)

    def by_code(self) -> dict[str, Unit]:
        """Index the units by code."""
        return {u.code: u for u in self.units}

    @property
    def root(self) -> Unit:
        """The province unit (UBND tỉnh)."""
        return next(u for u in self.units if u.kind == "province")

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> UnitsFile:
        report(check_units(self), info)
        return self


def check_units(doc: UnitsFile) -> list[Problem]:
    """Check codes, parents and the tier rules of a units file."""
    problems: list[Problem] = []
    counts = Counter(u.code for u in doc.units)
    codes = set(counts)
    roots = [i for i, u in enumerate(doc.units) if u.kind == "province"]
    if len(roots) != 1:
        problems.append(Problem(("units",), words.province_count(len(roots))))
    for i, unit in enumerate(doc.units):
        loc = ("units", i)
        if counts[unit.code] > 1:
            problems.append(Problem((*loc, "code"), words.duplicate_unit(unit.code)))
        if unit.parent is not None and unit.parent not in codes:
            problems.append(Problem((*loc, "parent"), words.unknown_parent(unit.parent)))
        problems.extend(_tier_rules(doc, unit, loc))
        problems.extend(_lineage_rules(doc, unit, loc))
    return problems


def _lineage_rules(doc: UnitsFile, unit: Unit, loc: tuple) -> list[Problem]:
    """Check a unit's predecessors (written by `units init` or typed by hand as an override)."""
    out: list[Problem] = []
    seen: Counter[tuple[str | None, str, int]] = Counter()
    for i, pred in enumerate(unit.predecessors):
        where = (*loc, "predecessors", i)
        seen[(pred.province, pred.code, pred.year)] += 1
        if seen[(pred.province, pred.code, pred.year)] == 2:
            out.append(Problem(where, words.predecessor_twice(pred.code, pred.year)))
        if pred.province == doc.province.code:
            out.append(Problem((*where, "province"), words.OWN_PROVINCE))
        same_year = [p for p in unit.predecessors if p.year == pred.year]
        if pred.change == "rename" and len(same_year) > 1:
            out.append(Problem((*where, "change"), words.RENAME_ONE))
    return out


def _tier_rules(doc: UnitsFile, unit: Unit, loc: tuple) -> list[Problem]:
    """Check one unit against the 2-tier or 3-tier hierarchy."""
    kinds = {u.code: u.kind for u in doc.units}
    parent_kind = kinds.get(unit.parent) if unit.parent else None
    tiers = doc.province.tiers
    out: list[Problem] = []
    if unit.kind == "province" and unit.parent is not None:
        out.append(Problem((*loc, "parent"), words.PROVINCE_NO_PARENT))
    if unit.kind == "district" and tiers == 2:
        out.append(Problem((*loc, "kind"), words.TWO_TIERS_NO_DISTRICT))
    if unit.kind in ("department", "district", "central_agency", "body") and unit.parent:
        if parent_kind not in ("province", None):
            out.append(Problem((*loc, "parent"), words.parent_must_be_province(unit.kind)))
    if unit.kind == "commune":
        want = "district" if tiers == 3 else "province"
        if unit.parent is None or (parent_kind is not None and parent_kind != want):
            out.append(Problem((*loc, "parent"), words.commune_parent(want, tiers)))
        if unit.commune_type is None:
            out.append(Problem((*loc, "commune_type"), words.COMMUNE_TYPE_NEEDED))
    elif unit.commune_type is not None:
        out.append(Problem((*loc, "commune_type"), words.COMMUNE_TYPE_ONLY))
    if unit.rank_group not in RANK_GROUPS_OF[unit.kind]:
        allowed = list(RANK_GROUPS_OF[unit.kind])
        msg = words.rank_group_not_allowed(unit.kind, allowed, unit.rank_group)
        out.append(Problem((*loc, "rank_group"), msg))
    return out
