"""Read stages out of free prose: each sentence (or clause) that states a deadline is a stage."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planimport.kinds import acts
from planimport.model import Cell, Row
from planimport.text import fold, one_line
from planimport.when import phrases

Line = tuple[int, str]
_HEADING = re.compile(r"^(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s+\S")
_LABEL = re.compile(r"^[-+•*\s]*([^:]{2,70}?)\s*:\s*(.*)$")
_LABEL_WORDS = re.compile(r"^(?:thoi gian|thoi han|co quan|don vi|noi dung|doi tuong|trach nhiem)")
_LEAD_IN = re.compile(r"^(?:[-+•*]\s*)?(?:theo do,?\s*)?(?:doi voi\s+)?", re.IGNORECASE)
_TOPIC_IN = re.compile(
    r"^(?:thu (?:nhat|hai|ba|tu|nam|\d+)|truoc het|tiep theo|cuoi cung)\s*(?:la|,)?\s*")
_DEPARTMENTS_TAIL = re.compile(r"\b(?:gom )?cac so(?: va co quan ngang so| nganh)?$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_MARKER = re.compile(r"^(?:[-+•*–]|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)])\s+")  # "a) ", "2.1. ", "- "
_LEFT_OVER = re.compile(r"\s*\b(?:trong(?: thoi gian)?|vao|truoc|hoan thanh|xong|thoi gian)$")


@dataclass
class _Section:
    """The heading being read and what its labelled lines say."""

    heading: str = ""
    lead: list[Cell] = field(default_factory=list)
    doers: list[Cell] = field(default_factory=list)  # "Cơ quan thực hiện": lead unless one is named
    cooperating: list[Cell] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


def prose_rows(lines: list[Line]) -> list[Row]:
    """Return one row per deadline stated in the prose, with its section's agencies."""
    out: list[Row] = []
    section, topic = _Section(), ""
    for no, raw in lines:
        text = one_line(raw).strip("# ")
        if not text:
            continue
        if _is_heading(text):
            out += _close(section)
            section, topic = _Section(heading=re.sub(r"^\S+\s+", "", text)), ""
            continue
        text = _MARKER.sub("", text)
        label, value = _label(text)
        if label and _agency_label(label, value, no, section):
            continue
        base = section.heading if label.startswith("thoi") else ""
        if base and value and not phrases(value):  # "Thời gian: Thường xuyên": a stage, undated
            section.rows.append(_undated_row(value, no, base))
            continue
        for sentence in _sentences(value if label else text):
            found = phrases(sentence)
            if not found:
                topic = sentence
                continue
            section.rows += _sentence_rows(sentence, found, no, base or topic, section.heading)
    return out + _close(section)


def _agency_label(label: str, value: str, no: int, section: _Section) -> bool:
    """Keep a "Cơ quan chủ trì/phối hợp/thực hiện: ..." line in its section; say if it was one."""
    if _DEPARTMENTS_TAIL.search(label):  # "Cơ quan phối hợp gồm các sở: Tư pháp, ..."
        value = f"các Sở: {value}"
    if "chu tri" in label:
        section.lead.append(Cell(value, no))
    elif "phoi hop" in label or "tham gia" in label:
        section.cooperating.append(Cell(value, no))
    elif "thuc hien" in label and label.startswith(("co quan", "don vi")):
        section.doers.append(Cell(value, no))
    else:
        return False
    return True


def _is_heading(text: str) -> bool:
    """Tell whether a line heads a section (numbered, short, stating no deadline)."""
    return bool(_HEADING.match(text)) and len(text) < 120 and not phrases(text)


def _label(text: str) -> tuple[str, str]:
    """Split "- Cơ quan chủ trì: Sở Nội vụ." into its folded label and its value."""
    found = _LABEL.match(text)
    if found and _LABEL_WORDS.match(fold(found.group(1))):
        return fold(found.group(1)), found.group(2).strip()
    return "", text


def _sentences(text: str) -> list[str]:
    """Split prose into sentences at a stop followed by a capital letter."""
    out: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if out and piece[:1] and not piece[0].isupper():
            out[-1] = f"{out[-1]} {piece}"
        elif piece.strip():
            out.append(piece.strip())
    return out


def _sentence_rows(sentence: str, found: list[str], no: int, topic: str, heading: str) -> list[Row]:
    """Return one row per clause of `sentence` that states its own deadline."""
    clauses = [c for c in sentence.split(";") if phrases(c)] if len(found) > 1 else [sentence]
    rows = []
    for clause in clauses or [sentence]:
        phrase = phrases(clause)[0] if phrases(clause) else found[0]
        rest = re.sub(r"\([^)]*\)", " ", clause.replace(phrase, " ")).strip()
        title = _title(rest, topic, heading)
        row = Row(line=no, section=heading, prose=True)
        row.cells = {"title": Cell(title, no), "time": Cell(phrase, no),
                     "actor": Cell(rest.strip(), no), "context": Cell(topic, no)}
        rows.append(row)
    return rows


def _undated_row(value: str, no: int, heading: str) -> Row:
    """Return the section's stage whose "Thời gian:" line states no date (listed for review)."""
    row = Row(line=no, section=heading, prose=True)
    row.cells = {"title": Cell(heading, no), "time": Cell(value.strip(" ."), no)}
    return row


def _title(rest: str, topic: str, heading: str) -> str:
    """Name a prose stage: its clause, or its topic/heading when the clause says too little."""
    rest = re.sub(r"\s+", " ", rest).strip(" .,;:-")
    left_over = _LEFT_OVER.search(fold(rest))
    rest = rest[: left_over.start()] if left_over else rest
    lead_in = _LEAD_IN.match(fold(rest))  # every part optional: it always matches
    rest = rest[lead_in.end():] if lead_in else rest
    topic = topic.strip(" .")
    topic_in = _TOPIC_IN.match(fold(topic))
    topic = topic[topic_in.end():] if topic_in else topic
    if rest and acts(rest):
        return rest[0].upper() + rest[1:]
    base = topic or heading
    if not base:
        return rest or "(không có tên)"
    base = base[0].upper() + base[1:]
    return f"{base}: {rest}" if rest else base


def _close(section: _Section) -> list[Row]:
    """Hand the section's labelled agencies to its rows that name none themselves."""
    lead = section.lead or section.doers
    cooperating = section.cooperating + (section.doers if section.lead else [])
    for row in section.rows:
        for role, cells in (("lead", lead), ("cooperating", cooperating)):
            if cells:
                row.cells[role] = Cell("; ".join(c.text for c in cells), cells[0].line)
    return section.rows
