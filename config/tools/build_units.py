"""Write config/units/*.yaml (run: python -m config.tools.build_units)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from config.tools import units_data as D

OUT = Path(__file__).resolve().parent.parent / "units"
TYPE_WORD = {"xa": "Xã", "phuong": "Phường", "thi_tran": "Thị trấn"}


def slug(text: str) -> str:
    """Lowercase ascii slug of a Vietnamese name: "Sở Tư pháp" -> "so-tu-phap"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def unit(
    name: str,
    kind: str,
    parent: str | None,
    rank_group: str = "none",
    *,
    code: str | None = None,
    short: list[str] | None = None,
    **extra: object,
) -> dict:
    """One unit entry."""
    body = {"code": code or D.CODES.get(name) or slug(name), "name": name, "kind": kind}
    if parent:
        body["parent"] = parent
    body["rank_group"] = rank_group
    body.update({k: v for k, v in extra.items() if v})
    if short:
        body["short_names"] = short
    return body


def lower_first(name: str) -> str:
    """ "Huyện Tam Đường" -> "huyện Tam Đường" (as in "UBND huyện Tam Đường")."""
    return name[0].lower() + name[1:]


def departments(items: list[tuple[str, list[str]]], special: set[str] = frozenset()) -> list[dict]:
    """Department entries under the province unit."""
    out = []
    for name, short in items:
        code = D.CODES.get(name) or slug(name)
        out.append(
            unit(
                name,
                "department",
                "ubnd-tinh",
                "special" if code in special else "department",
                short=short,
            )
        )
    return out


def communes(
    district: str,
    items: list[tuple[str, str]],
    parent_rank: str = "commune",
    ward_rank: str | None = None,
) -> list[dict]:
    """Commune entries under a district (or the province, in 2 tiers)."""
    out = []
    for kind, name in items:
        full = f"{TYPE_WORD[kind]} {name}"
        rank = ward_rank if (kind == "phuong" and ward_rank) else parent_rank
        out.append(
            unit(
                full,
                "commune",
                district,
                rank,
                commune_type=kind,
                short=[f"UBND {lower_first(full)}"],
            )
        )
    return out


def districts_with_communes(table: dict) -> list[dict]:
    """District entries, each followed by its communes."""
    out: list[dict] = []
    for (name, code), items in table.items():
        dist = unit(
            name,
            "district",
            "ubnd-tinh",
            "district",
            code=code,
            short=[f"UBND {lower_first(name)}"],
        )
        out.append(dist)
        taken = {u["code"] for u in out}
        for com in communes(dist["code"], items):
            if com["code"] in taken:  # same ascii name in two districts: Nậm Cha / Nậm Chà
                com["code"] += "-" + dist["code"].split("-", 1)[1]
            out.append(com)
    return out


def dump(code: str, header: list[str], province: dict, units: list[dict]) -> None:
    """Write one units file, one flow mapping per unit."""
    lines = [f"# {h}" for h in header]
    lines += ["province: " + _flow(province), "units:"]
    lines += ["  - " + _flow(u) for u in units]
    (OUT / f"{code}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _flow(body: dict) -> str:
    """Render a mapping as one YAML flow line with quoted strings."""
    parts = []
    for key, value in body.items():
        if isinstance(value, str) and re.fullmatch(r"[a-z0-9_-]+|\d{4}-\d\d-\d\d", value):
            parts.append(f"{key}: {value}")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            parts.append(f"{key}: [" + ", ".join(_flow(v) for v in value) + "]")
        else:
            parts.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "{" + ", ".join(parts) + "}"
