"""Classification bands (config/bands.yaml): index ranges → a class such as A or Tốt."""

from __future__ import annotations

from collections import Counter

from pydantic import Field, ValidationInfo, model_validator

from cchc.wording import validate as words
from config.schema.base import Problem, Slug, StrictModel, Text, report


class Band(StrictModel):
    """One class: min <= index < max (min absent: from 0; max absent: up to 100).

    exclusive: the plan writes "trên 90 điểm", so the band starts strictly above min.
    """

    code: Text
    label: Text
    min: float | None = Field(None, ge=0, le=100)
    max: float | None = Field(None, ge=0, le=100)
    exclusive: bool = False


class BandScheme(StrictModel):
    """A named classification, bands listed from the highest down."""

    code: Slug
    title: Text
    bands: list[Band] = Field(min_length=1)

    def classify(self, index_value: float) -> Band:
        """Return the band an index falls in."""
        for band in self.bands:
            if band.min is None or index_value > band.min or (
                index_value == band.min and not band.exclusive
            ):
                return band
        return self.bands[-1]


class BandsFile(StrictModel):
    """All classification schemes and the default one."""

    default: Slug
    schemes: list[BandScheme] = Field(min_length=1)

    def scheme(self, code: str | None = None) -> BandScheme:
        """Return the named scheme, or the default."""
        want = code or self.default
        return next(s for s in self.schemes if s.code == want)

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> BandsFile:
        report(check_bands(self), info)
        return self


def check_bands(doc: BandsFile) -> list[Problem]:
    """Check that each scheme covers 0..100 from the top down without gaps or overlaps."""
    out: list[Problem] = []
    codes = Counter(s.code for s in doc.schemes)
    if doc.default not in codes:
        out.append(Problem(("default",), words.no_scheme(doc.default)))
    for i, scheme in enumerate(doc.schemes):
        if codes[scheme.code] > 1:
            out.append(Problem(("schemes", i, "code"), words.duplicate_scheme(scheme.code)))
        upper = 100.0
        for j, band in enumerate(scheme.bands):
            loc = ("schemes", i, "bands", j)
            top = 100.0 if band.max is None else band.max
            if abs(top - upper) > 1e-9:
                out.append(Problem((*loc, "max"), words.band_max(upper)))
            upper = 0.0 if band.min is None else band.min
            if upper >= top:
                out.append(Problem((*loc, "min"), words.band_min(upper, top)))
        if upper != 0.0:
            out.append(Problem(("schemes", i, "bands"), words.LOWEST_BAND))
    return out
