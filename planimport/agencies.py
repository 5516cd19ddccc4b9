"""Resolve the agencies a plan names to the province's configured units and unit groups."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from planimport.names import (
    FILLER,
    GROUP_KIND,
    GROUP_PATTERNS,
    NOT_UNITS,
    acronym_key,
    acronyms,
    drop_role_notes,
    norm,
)

# "các Sở:", "gồm các sở:", "Các Sở và cơ quan ngang Sở:" right before the list's colon.
ENUM_TAIL = re.compile(r"(?:^|\s)(?:gom )?(?:cac )?(?:so|so va co quan ngang so"
                       r"|so, co quan ngang so|so, nganh|so nganh|co quan|don vi|sau)\s*$")
_ITEM_SPLIT = re.compile(r"\s*[;\n]\s*(?:[-+•]\s)?|^\s*[-+•]\s")
_PROVINCE_WORDS = ("ubnd tinh", "ubnd thanh pho", "chu tich ubnd tinh", "chu tich ubnd thanh pho")
_OWN_NAMED = ("province", "district", "commune")  # their names need the place name


@dataclass
class Resolved:
    """What a piece of text names: unit codes or groups, and the fragments it could not place."""

    targets: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    def add(self, target: str) -> None:
        """Add a target once, keeping the document's order."""
        if target not in self.targets:
            self.targets.append(target)


def _pattern(name: str) -> re.Pattern[str]:
    """Compile a normalised name so spaces and commas may vary."""
    body = re.escape(name).replace(r"\ ", r"\s+").replace(",", ",?")
    return re.compile(rf"(?<![a-z0-9]){body}(?![a-z0-9])")


class Directory:
    """The names of one province's units, ready to match against plan text."""

    def __init__(self, units: Iterable[Any] = (), province_name: str = "") -> None:
        self.kinds: dict[str, str] = dict(GROUP_KIND)
        self.present: set[str] = set()  # unit kinds and roles the province has
        self.entries: list[tuple[int, re.Pattern[str], str]] = []
        self.acronyms: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.province_words = set(norm(province_name).split())
        self.place = re.sub(r"^(?:tinh|thanh pho)\s+", "", norm(province_name))
        for unit in units:
            self._add_unit(unit)
        for target, pattern in GROUP_PATTERNS:  # weighted below any unit's own name
            regex = re.compile(rf"(?<![a-z0-9]){pattern}(?![a-z0-9])")
            self.entries.append((len(pattern) // 3, regex, target))

    def _add_unit(self, unit: Any) -> None:
        """Index every way documents write `unit`."""
        self.kinds[unit.code] = unit.kind
        self.names[unit.code] = unit.name
        self.present.update({unit.kind, getattr(unit, "role", None) or unit.kind})
        names = [unit.name, *getattr(unit, "short_names", []), *getattr(unit, "aliases", [])]
        if unit.kind == "province":
            names += list(_PROVINCE_WORDS)
        if unit.kind not in _OWN_NAMED:
            names += self._without_place(norm(unit.name))
        for name in {norm(n) for n in names if n}:
            self.entries.append((len(name) + 1000, _pattern(name), unit.code))
        full = norm(unit.name)
        if unit.kind == "department" and full.startswith("so "):
            self.acronyms.setdefault(acronym_key(unit.name[3:]), unit.name)

    def _without_place(self, name: str) -> list[str]:
        """Return "bảo hiểm xã hội tỉnh" for "Bảo hiểm xã hội tỉnh Hà Tĩnh" (and without "tỉnh")."""
        if not self.place or not name.endswith(f" {self.place}"):
            return []
        base = name[: -len(self.place)].strip()
        bare = re.sub(r"\s+(?:tinh|thanh pho)$", "", base)
        return [n for n in (base, f"{bare} tinh", bare) if len(n.split()) >= 2]

    def resolve(self, text: str) -> Resolved:
        """Return the units and groups `text` names; unmatched words are reported, not guessed."""
        out = Resolved()
        text = drop_role_notes(text)
        for item in _ITEM_SPLIT.split(self._expand_acronyms(text)):
            if item.strip(" .,:;-+"):
                self._resolve_item(item, out)
        return out

    def _expand_acronyms(self, text: str) -> str:
        """Replace "Sở TT&TT"-style acronyms with the configured department's name."""
        for start, end, key in reversed(acronyms(text)):
            if key in self.acronyms:
                text = text[:start] + self.acronyms[key] + text[end:]
        return text

    def _resolve_item(self, item: str, out: Resolved) -> None:
        """Resolve one list item: an enumeration "các Sở: A, B" or a run of names."""
        colon = item.find(":")
        head = norm(item[:colon]) if colon >= 0 else ""
        marker = ENUM_TAIL.search(head) if colon >= 0 else None
        if marker:
            if head[: marker.start()].strip():
                self._match_run(head[: marker.start()], out)
            for element in item[colon + 1:].split(","):
                self._resolve_element(element, out)
            return
        self._match_run(item, out)

    def _resolve_element(self, element: str, out: Resolved) -> None:
        """Resolve one element of "các Sở: Tư pháp, Tài chính và Nội vụ"."""
        name = norm(element)
        if not name:
            return
        for candidate in (name, f"so {name}"):
            target = self._exact(candidate)
            if target:
                out.add(target)
                return
        parts = [p for p in re.split(r"\s+va\s+", name) if p]
        targets = [self._exact(p) or self._exact(f"so {p}") for p in parts]
        if len(parts) > 1 and all(targets):
            for target in targets:
                out.add(str(target))
            return
        if not NOT_UNITS.fullmatch(name):
            out.unknown.append(element.strip(" .;"))

    def _exact(self, name: str) -> str | None:
        """Return the target whose whole name is `name` (filler like "tỉnh" may trail)."""
        short = re.sub(r"\s+(?:tinh|thanh pho)$", "", name) if name.count(" ") > 1 else name
        for candidate in dict.fromkeys((name, short, f"{short} tinh")):
            for _, pattern, target in self.entries:
                if pattern.fullmatch(candidate):
                    return target
        return None

    def _match_run(self, text: str, out: Resolved) -> None:
        """Match the longest names in free text; report what is left if it names something."""
        n = norm(text)
        hits = sorted(
            ((m.start(), m.end(), weight, target) for weight, p, target in self.entries
             for m in p.finditer(n)),
            key=lambda h: (-(h[1] - h[0]), -h[2], h[0]),
        )
        taken: list[tuple[int, int, str]] = []
        for start, end, _, target in hits:
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, target))
        for _, _, target in sorted(taken):
            out.add(target)
        rest = list(n)
        for s, e, _ in taken:
            rest[s:e] = " " * (e - s)
        left = NOT_UNITS.sub(" ", "".join(rest))
        words = [w for w in re.findall(r"[a-z0-9]+", left)
                 if w not in FILLER and w not in self.province_words and len(w) > 1]
        if words:
            out.unknown.append(text.strip(" .;:-+"))

    def mentions(self, text: str) -> list[str]:
        """Return the units and groups named anywhere in free text (no unknown report)."""
        out = Resolved()
        self._match_run(self._expand_acronyms(drop_role_notes(text)), out)
        return out.targets

    def empty_group(self, target: str) -> bool:
        """Tell whether a group has no members in this province (e.g. districts in a 2-tier one)."""
        need = GROUP_KIND.get(target) or (target if target == "appraisal_council" else None)
        return bool(self.names) and need is not None and need not in self.present

    def kind_of(self, target: str) -> str | None:
        """Return the unit kind a target stands for (groups give their members' kind)."""
        return self.kinds.get(target)
