"""The deadline phrases of the five seed documents parse to the windows they mean."""

from __future__ import annotations

import pytest

from deadlines import find_deadlines, parse_deadline

# (seed, phrase as written, rule, opens_at, due_at)
SEED_WINDOWS = [
    (
        "000",
        "chậm nhất ngày 05/02/2018",
        "by_end_of_day",
        "2018-02-01T00:00:00+07:00",
        "2018-02-05T23:59:59+07:00",
    ),
    (
        "000",
        "trước ngày 10/02/2018",
        "before_day",
        "2018-02-01T00:00:00+07:00",
        "2018-02-09T23:59:59+07:00",
    ),
    (
        "000",
        "Tháng 02-03/2018",
        "month_range",
        "2018-02-01T00:00:00+07:00",
        "2018-03-31T23:59:59+07:00",
    ),
    (
        "001",
        "trước ngày 30/10/2021",
        "before_day",
        "2021-10-01T00:00:00+07:00",
        "2021-10-29T23:59:59+07:00",
    ),
    (
        "001",
        "chậm nhất là ngày 10/11/2021",
        "by_end_of_day",
        "2021-11-01T00:00:00+07:00",
        "2021-11-10T23:59:59+07:00",
    ),
    (
        "001",
        "chậm nhất là ngày 25/11/2021",
        "by_end_of_day",
        "2021-11-01T00:00:00+07:00",
        "2021-11-25T23:59:59+07:00",
    ),
    (
        "001",
        "trước ngày 25/11/2021",
        "before_day",
        "2021-11-01T00:00:00+07:00",
        "2021-11-24T23:59:59+07:00",
    ),
    (
        "001",
        "trong tháng 12/2021",
        "month",
        "2021-12-01T00:00:00+07:00",
        "2021-12-31T23:59:59+07:00",
    ),
    (
        "003",
        "dự kiến từ tháng 6/2017 đến tháng 7/2017",
        "month_range",
        "2017-06-01T00:00:00+07:00",
        "2017-07-31T23:59:59+07:00",
    ),
    (
        "003",
        "dự kiến trong tháng 7/2017",
        "month",
        "2017-07-01T00:00:00+07:00",
        "2017-07-31T23:59:59+07:00",
    ),
    ("003", "Tháng 07/2017", "month", "2017-07-01T00:00:00+07:00", "2017-07-31T23:59:59+07:00"),
    ("003", "Tháng 9/2017", "month", "2017-09-01T00:00:00+07:00", "2017-09-30T23:59:59+07:00"),
    (
        "003",
        "Từ tháng 8/2017 đến tháng 11/2017.",
        "month_range",
        "2017-08-01T00:00:00+07:00",
        "2017-11-30T23:59:59+07:00",
    ),
    (
        "003",
        "Gửi báo cáo về Sở Nội vụ trước ngày 30/10/2017",
        "before_day",
        "2017-10-01T00:00:00+07:00",
        "2017-10-29T23:59:59+07:00",
    ),
    (
        "003",
        "Từ tháng 11/2017 đến tháng 12/2017",
        "month_range",
        "2017-11-01T00:00:00+07:00",
        "2017-12-31T23:59:59+07:00",
    ),
    (
        "003",
        "trước ngày 15/11/2017",
        "before_day",
        "2017-11-01T00:00:00+07:00",
        "2017-11-14T23:59:59+07:00",
    ),
    (
        "003",
        "trước ngày 15/8/2017",
        "before_day",
        "2017-08-01T00:00:00+07:00",
        "2017-08-14T23:59:59+07:00",
    ),
    ("003", "Tháng 01/2018", "month", "2018-01-01T00:00:00+07:00", "2018-01-31T23:59:59+07:00"),
    ("004", "Tháng 10/2023", "month", "2023-10-01T00:00:00+07:00", "2023-10-31T23:59:59+07:00"),
    ("004", "Tháng 11/2023", "month", "2023-11-01T00:00:00+07:00", "2023-11-30T23:59:59+07:00"),
    ("004", "Tháng 12/2023", "month", "2023-12-01T00:00:00+07:00", "2023-12-31T23:59:59+07:00"),
    ("004", "Tháng 01/2024", "month", "2024-01-01T00:00:00+07:00", "2024-01-31T23:59:59+07:00"),
    ("004", "Tháng 02/2024", "month", "2024-02-01T00:00:00+07:00", "2024-02-29T23:59:59+07:00"),
]


@pytest.mark.parametrize(("seed", "phrase", "rule", "opens_at", "due_at"), SEED_WINDOWS)
def test_seed_phrase_parses_to_meant_window(
    seed: str, phrase: str, rule: str, opens_at: str, due_at: str
) -> None:
    got = parse_deadline(phrase).to_json()
    assert (got["rule"], got["opens_at"], got["due_at"]) == (rule, opens_at, due_at), seed


# Whole sentences from the seeds: the phrase a plan importer would pull out of each.
SEED_SENTENCES = [
    (
        "Thời gian: Các cơ quan tự chấm điểm gửi về Sở Nội vụ chậm nhất ngày 05/02/2018. "
        "Sở Nội vụ tổng hợp, trình UBND tỉnh trước ngày 10/02/2018",
        ["chậm nhất ngày 05/02/2018", "trước ngày 10/02/2018"],
    ),
    ("- Thời gian điều tra: Tháng 02-03/2018 (theo Kế hoạch của Bộ Nội vụ).", ["Tháng 02-03/2018"]),
    (
        "Theo đó, đối với Hội đồng thẩm định cấp huyện, yêu cầu thành lập trước ngày "
        "30/10/2021 (Hội đồng thẩm định cấp tỉnh đã thành lập tại Quyết định số "
        "2396/QĐ-UBND ngày 22/6/2021 của UBND tỉnh).",
        ["trước ngày 30/10/2021"],
    ),
    (
        "Theo đó, đối với Hội đồng thẩm định cấp huyện: hoàn thành trước ngày 25/11/2021; "
        "đối với Hội đồng thẩm định cấp tỉnh: hoàn thành trong tháng 12/2021.",
        ["trước ngày 25/11/2021", "trong tháng 12/2021"],
    ),
    (
        "- Gửi báo cáo kết quả đánh giá, thẩm định theo ngành, lĩnh vực cơ quan, đơn vị "
        "theo dõi, phụ trách về Sở Nội vụ trước ngày 15/11/2017 để tổng hợp báo cáo Hội "
        "đồng thẩm định.",
        ["trước ngày 15/11/2017"],
    ),
    (
        "1\tBan hành văn bản hướng dẫn các cơ quan, đơn vị tự đánh giá chấm điểm Chỉ số "
        "CCHC của các đơn vị cấp sở, UBND cấp huyện và UBND cấp xã giai đoạn 2023 - 2025"
        "\tTháng 10/2023\tSở Nội vụ",
        ["Tháng 10/2023"],
    ),
    (
        "Căn cứ Quyết định số 1416/QĐ-UBND ngày 07/8/2023 của UBND tỉnh về việc ban hành "
        "bộ tiêu chí xác định Chỉ số CCHC",
        [],
    ),
]


@pytest.mark.parametrize(("sentence", "phrases"), SEED_SENTENCES)
def test_find_deadlines_pulls_seed_phrases_out_of_sentences(
    sentence: str, phrases: list[str]
) -> None:
    assert find_deadlines(sentence) == phrases
