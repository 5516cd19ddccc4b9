"""Evidence documents (tài liệu kiểm chứng): bytes stored once per sha256 in the evidence store."""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from pathlib import PurePath

from sqlmodel import Session, col, select

from cchc.errors import NotFound, ValidationError
from cchc.settings import get_settings
from models.audit.log import record_audit
from models.catalog.lookup import criteria_set_for, get_campaign_by_id, get_unit, items_by_code
from models.scoring.freeze import ensure_not_frozen
from models.scoring.storage import get_store
from models.scoring.tables import Evidence


def _check_file(filename: str, data: bytes) -> str:
    """Return the clean base name, refusing empty, oversize or disallowed files."""
    limits = get_settings().evidence
    name = PurePath(filename.replace("\\", "/")).name.strip()
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if not name:
        raise ValidationError("filename: tên tệp trống")
    if ext not in limits.allowed_types:
        allowed = ", ".join(limits.allowed_types)
        raise ValidationError(f"{name}: loại tệp «.{ext}» không được nhận (chỉ nhận {allowed})")
    if not data:
        raise ValidationError(f"{name}: tệp rỗng")
    if len(data) > limits.max_bytes:
        raise ValidationError(
            f"{name}: {len(data):,} byte, vượt giới hạn {limits.max_bytes:,} byte"
        )
    return name


def add_evidence(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    filename: str,
    data: bytes,
    actor: str,
    item_code: str | None = None,
) -> Evidence:
    """Store an evidence file (deduplicated by sha256) and record it for the unit and item."""
    name = _check_file(filename, data)
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    unit = get_unit(session=session, unit_id=unit_id)
    if item_code is not None:
        cset = criteria_set_for(session=session, campaign=campaign, unit=unit)
        item = items_by_code(session=session, criteria_set_id=cset.id).get(item_code)
        if item is None or item.method != "self":
            raise ValidationError(f"{item_code}: không phải tiêu chí tự đánh giá của bộ chỉ số")
    digest = hashlib.sha256(data).hexdigest()
    get_store().put(digest, data)  # content-addressed: a second upload stores nothing new
    row = Evidence(
        campaign_id=campaign_id,
        unit_id=unit_id,
        item_code=item_code,
        filename=name,
        size=len(data),
        sha256=digest,
        content_type=mimetypes.guess_type(name)[0],
        uploaded_by=actor,
    )
    session.add(row)
    record_audit(
        session=session,
        actor=actor,
        action="evidence",
        entity="evidence",
        entity_id=row.id,
        campaign_id=campaign_id,
        field=item_code,
        new=f"{name} ({digest[:12]})",
    )
    session.flush()
    return row


def list_evidence(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> list[Evidence]:
    """Return a unit's evidence documents in upload order."""
    return list(
        session.exec(
            select(Evidence)
            .where(Evidence.campaign_id == campaign_id, Evidence.unit_id == unit_id)
            .order_by(col(Evidence.uploaded_at))
        ).all()
    )


def read_evidence(*, session: Session, evidence_id: uuid.UUID) -> tuple[Evidence, bytes]:
    """Return an evidence row and its bytes."""
    row = session.get(Evidence, evidence_id)
    if row is None:
        raise NotFound(f"không có tài liệu kiểm chứng {evidence_id}")
    return row, get_store().get(row.sha256)


def get_evidence(*, session: Session, evidence_id: uuid.UUID) -> Evidence:
    """Return an evidence row."""
    row = session.get(Evidence, evidence_id)
    if row is None:
        raise NotFound(f"không có tài liệu kiểm chứng {evidence_id}")
    return row
