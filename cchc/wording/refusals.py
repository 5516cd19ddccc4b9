"""Vietnamese refusals of hostile requests and files: one line each, naming the file and limit."""

from __future__ import annotations

from cchc.wording.numbers import fmt_vn


def size(n: int) -> str:
    """Say a byte count the way users read it: "1 MB", "512 KB", "1,5 GB"."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            value = n / scale
            return f"{int(value)} {unit}" if value == int(value) else f"{fmt_vn(value)} {unit}"
    return f"{n} byte"


def file_too_big(name: str, limit: int) -> str:
    """A file larger than its limit."""
    return f"{name}: tệp lớn hơn giới hạn {size(limit)}"


def yaml_aliases(name: str, limit: int) -> str:
    """A YAML file with more aliases than allowed (an alias bomb)."""
    return f"{name}: tệp YAML dùng quá {limit} bí danh (*tên); từ chối để tránh bùng nổ dữ liệu"


def yaml_expansion(name: str, limit: int) -> str:
    """A YAML file whose aliases expand past the node limit (an alias bomb)."""
    return f"{name}: tệp YAML có bí danh (*tên) mở rộng quá {limit:,} nút; từ chối".replace(
        ",", "."
    )


def yaml_depth(name: str, line: int, limit: int) -> str:
    """A YAML file nested deeper than allowed."""
    return f"{name}:{line} tệp YAML lồng sâu quá {limit} cấp"


def office_unpacked(name: str, limit: int) -> str:
    """An .xlsx/.docx whose unpacked contents exceed the limit (a zip bomb)."""
    return f"{name}: nội dung giải nén vượt giới hạn {size(limit)}; tệp bị từ chối"


def office_ratio(name: str, member: str, limit: int) -> str:
    """One zip member compressed far more than real documents are."""
    return f"{name}: phần «{member}» nén bất thường (hơn {limit} lần); tệp bị từ chối"


def office_broken(name: str) -> str:
    """Not a readable Office (zip) file."""
    return f"{name}: không phải tệp Office (.xlsx/.docx) hợp lệ"


def office_sheets(name: str, count: int, limit: int) -> str:
    """A workbook with too many sheets."""
    return f"{name}: có {count} trang tính, vượt giới hạn {limit}"


def office_rows(name: str, sheet: str, rows: int, limit: int) -> str:
    """A sheet with too many rows."""
    return f"{name}: trang «{sheet}» có {rows} dòng, vượt giới hạn {limit} dòng"


def office_columns(name: str, sheet: str, cols: int, limit: int) -> str:
    """A sheet with too many columns."""
    return f"{name}: trang «{sheet}» có {cols} cột, vượt giới hạn {limit} cột"


def text_too_long(where: str, length: int, limit: int) -> str:
    """A text longer than its database column."""
    return f"{where}: dài {length} ký tự, vượt giới hạn {limit} ký tự"


BODY_TOO_LARGE = "Nội dung yêu cầu lớn hơn giới hạn {limit}"
NOT_FOUND = "Không tìm thấy địa chỉ này"
METHOD_NOT_ALLOWED = "Phương thức không được hỗ trợ cho địa chỉ này"
INTERNAL = "Lỗi máy chủ; sự cố đã được ghi lại, vui lòng thử lại sau"
STORAGE = "Không ghi được dữ liệu vào kho lưu trữ; vui lòng thử lại sau"
INVALID_REQUEST = "Yêu cầu không hợp lệ"

# Pydantic error types → Vietnamese, "{field}" names the field (FastAPI's "Field required" etc.).
FIELD_ERRORS = {
    "missing": "thiếu trường bắt buộc «{field}»",
    "extra_forbidden": "trường «{field}» không được nhận",
    "json_invalid": "nội dung JSON không đọc được",
    "int_parsing": "«{field}» phải là số nguyên",
    "int_type": "«{field}» phải là số nguyên",
    "float_parsing": "«{field}» phải là số",
    "float_type": "«{field}» phải là số",
    "string_type": "«{field}» phải là chuỗi ký tự",
    "bool_type": "«{field}» phải là đúng/sai",
    "bool_parsing": "«{field}» phải là đúng/sai",
    "dict_type": "«{field}» phải là một đối tượng",
    "list_type": "«{field}» phải là một danh sách",
    "model_attributes_type": "«{field}» phải là một đối tượng",
    "string_too_long": "«{field}» quá dài",
    "string_too_short": "«{field}» quá ngắn",
    "uuid_parsing": "«{field}» không phải mã UUID hợp lệ",
}
FIELD_OTHER = "«{field}» không hợp lệ"


def field_error(kind: str, field: str) -> str:
    """Say one request-validation error in Vietnamese, naming the field."""
    return FIELD_ERRORS.get(kind, FIELD_OTHER).format(field=field or "nội dung")


def score_duplicate(code: str) -> str:
    """The same item code twice in one request."""
    return f"{code}: mã tiêu chí lặp lại trong cùng một yêu cầu"


def score_not_number(code: str, value: object) -> str:
    """A score that is not a plain number (true, "1.5", full-width or Arabic-Indic digits)."""
    return f"{code}: điểm phải là một số, nhận được «{value}»"


def no_results(campaign: str) -> str:
    """`cchc report` on a campaign whose index was never computed."""
    return (
        f"Chiến dịch {campaign} chưa có kết quả Chỉ số; hãy tính trước bằng "
        f"`cchc results -c {campaign}` rồi ghi báo cáo"
    )
