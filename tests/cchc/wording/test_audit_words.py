"""The audit view's fields and values read in Vietnamese; data it cannot name stays as stored."""

from __future__ import annotations

from cchc.wording.audit import entity_label, field_label, value_text
from cchc.wording.rank_rules import computation_note


def test_states_read_by_the_entity_they_belong_to():
    assert value_text("assignment", "state", "open") == "Đang thực hiện"
    assert value_text("stage", "state", "open") == "Đang mở"
    assert value_text("campaign", "state", "published") == "Đã công bố"
    assert value_text("self_assessment", "status", "submitted v2") == "Đã nộp (phiên bản 2)"
    assert value_text("user", "role", "appraiser") == "Thẩm định"


def test_yes_no_times_and_score_maps():
    assert value_text("council_session", "valid", "True") == "Có"
    assert value_text("assignment", "due_at", "2024-11-08 10:00:00+00:00") == "08/11/2024 17:00"
    scores = value_text("self_assessment", "v1", '{"1.1": null, "1.2.1": 1.75}')
    assert scores == "1.1: –; 1.2.1: 1,75"
    assert value_text("assignment", "state", None) == "–"
    assert value_text("appraisal", "1.1", "1.75") == "1,75"
    assert value_text("campaign", "results", "4") == "4"


def test_what_it_cannot_name_stays_as_stored():
    assert (
        value_text("evidence", "1.1", "ke-hoach.pdf (8b3accfb7627)")
        == "ke-hoach.pdf (8b3accfb7627)"
    )
    assert value_text("x", "y", "{not json") == "{not json"
    assert value_text("x", "y", '{"a": [1]}') == '{"a": [1]}'
    assert field_label("1.2.1") == "1.2.1" and entity_label("something_new") == "something_new"


def test_fields_and_entities_have_names():
    assert field_label("v3") == "Phiên bản 3"
    assert field_label("council_session_held") == "Đã họp Hội đồng"
    assert (
        field_label("state") == "Trạng thái" and entity_label("assignment") == "Nhiệm vụ của đơn vị"
    )


def test_a_computation_is_audited_with_its_rules_in_words():
    note = computation_note("competition", 2, [], True)
    assert note.startswith("Xếp hạng từ cao xuống thấp") and "có điểm điều tra XHH" in note
    assert "{" not in note and "competition" not in note
