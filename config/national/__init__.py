"""The national catalogue of administrative units and what is built from it.

`units_for(province, year)` writes a province's units document from the catalogue and the
department templates; `read_units(path, province=heading(...))` reads a province's own list;
`find_province(name, year)` resolves a name as documents write it. Only `catalogue.py` imports
the catalogue packages.
"""

from __future__ import annotations

from config.national.build import heading, to_yaml, units_for
from config.national.catalogue import Local, Province, communes, districts, provinces, two_tier
from config.national.names import find_province, slug
from config.national.tabular import read_units

__all__ = [
    "Local",
    "Province",
    "communes",
    "districts",
    "find_province",
    "heading",
    "provinces",
    "read_units",
    "slug",
    "to_yaml",
    "two_tier",
    "units_for",
]
