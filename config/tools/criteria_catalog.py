"""Plausible Vietnamese titles for criteria sets whose seed gives only counts and totals.

Each field lists its self-assessed criteria (title, sub-criterion titles) in order of use,
then its survey-scored criteria. "{dv}" becomes the assessed tier ("cơ quan", "địa phương").
"""

from __future__ import annotations

Entry = tuple[str, list[str]]

FIELD_TITLES = [
    "Công tác chỉ đạo, điều hành cải cách hành chính",
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    "Tác động của cải cách hành chính",
]

SELF: list[list[Entry]] = [
    [  # 1 chỉ đạo, điều hành
        (
            "Kế hoạch cải cách hành chính năm",
            [
                "Ban hành kế hoạch đúng thời hạn",
                "Xác định đầy đủ nhiệm vụ, sản phẩm, thời hạn hoàn thành",
                "Mức độ hoàn thành kế hoạch",
            ],
        ),
        (
            "Báo cáo cải cách hành chính định kỳ",
            ["Số lượng báo cáo đầy đủ theo quy định", "Báo cáo gửi đúng thời hạn quy định"],
        ),
        (
            "Kiểm tra công tác cải cách hành chính",
            [
                "Tỷ lệ đơn vị trực thuộc được kiểm tra trong năm",
                "Xử lý các vấn đề phát hiện qua kiểm tra",
            ],
        ),
        (
            "Công tác tuyên truyền cải cách hành chính",
            ["Ban hành kế hoạch tuyên truyền", "Mức độ thực hiện kế hoạch tuyên truyền"],
        ),
        ("Sáng kiến, giải pháp mới trong cải cách hành chính", []),
        ("Thực hiện nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao", []),
        ("Tổ chức đối thoại của người đứng đầu với người dân, doanh nghiệp", []),
        ("Gắn kết quả cải cách hành chính với thi đua, khen thưởng", []),
        ("Hướng dẫn, đôn đốc cấp dưới thực hiện cải cách hành chính", []),
    ],
    [  # 2 thể chế
        (
            "Xây dựng và ban hành văn bản quy phạm pháp luật thuộc thẩm quyền",
            [
                "Thực hiện đúng quy trình xây dựng văn bản",
                "Tỷ lệ văn bản ban hành đúng tiến độ",
                "Lấy ý kiến, thẩm định dự thảo văn bản",
            ],
        ),
        (
            "Rà soát, hệ thống hóa văn bản quy phạm pháp luật",
            ["Ban hành kế hoạch rà soát, hệ thống hóa", "Xử lý kết quả rà soát"],
        ),
        (
            "Theo dõi thi hành pháp luật",
            [
                "Ban hành kế hoạch theo dõi thi hành pháp luật",
                "Xử lý kết quả theo dõi thi hành pháp luật",
            ],
        ),
        ("Kiểm tra, xử lý văn bản quy phạm pháp luật", []),
    ],
    [  # 3 thủ tục hành chính
        (
            "Kiểm soát quy định thủ tục hành chính",
            ["Đánh giá tác động thủ tục hành chính", "Lấy ý kiến về quy định thủ tục hành chính"],
        ),
        (
            "Rà soát, đánh giá thủ tục hành chính",
            ["Ban hành kế hoạch rà soát, đánh giá", "Kiến nghị đơn giản hóa thủ tục hành chính"],
        ),
        (
            "Công bố, công khai thủ tục hành chính",
            [
                "Công bố danh mục thủ tục hành chính đúng hạn",
                "Công khai trên Cơ sở dữ liệu quốc gia về thủ tục hành chính",
                "Công khai tại Bộ phận Một cửa",
            ],
        ),
        (
            "Thực hiện cơ chế một cửa, một cửa liên thông",
            [
                "Đưa thủ tục hành chính ra Bộ phận Một cửa",
                "Bố trí công chức làm việc tại Bộ phận Một cửa",
            ],
        ),
        (
            "Kết quả giải quyết thủ tục hành chính",
            [
                "Tỷ lệ hồ sơ giải quyết đúng hạn",
                "Xin lỗi người dân, tổ chức khi giải quyết trễ hạn",
            ],
        ),
        ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", []),
        ("Thanh toán trực tuyến phí, lệ phí", []),
        ("Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính", []),
        ("Công khai tiến độ, kết quả giải quyết hồ sơ", []),
        ("Giải quyết thủ tục hành chính không phụ thuộc địa giới hành chính", []),
        ("Sử dụng phần mềm một cửa điện tử và mã số hồ sơ", []),
        ("Thực hiện dịch vụ bưu chính công ích", []),
        ("Kiểm tra việc giải quyết thủ tục hành chính tại đơn vị trực thuộc", []),
    ],
    [  # 4 tổ chức bộ máy
        (
            "Thực hiện quy định về tổ chức bộ máy",
            [
                "Quy định chức năng, nhiệm vụ của đơn vị trực thuộc",
                "Thực hiện cơ cấu tổ chức theo quy định",
                "Thực hiện quy định về số lượng cấp phó",
                "Sắp xếp, tinh gọn đầu mối bên trong",
            ],
        ),
        (
            "Quản lý và sử dụng biên chế",
            [
                "Sử dụng biên chế được giao",
                "Thực hiện tinh giản biên chế",
                "Đề án vị trí việc làm",
                "Quản lý hợp đồng lao động",
            ],
        ),
        (
            "Phân cấp, ủy quyền quản lý nhà nước",
            [
                "Thực hiện các nhiệm vụ được phân cấp, ủy quyền",
                "Kiểm tra việc thực hiện phân cấp, ủy quyền",
                "Xử lý vấn đề phát hiện qua kiểm tra",
            ],
        ),
        ("Sắp xếp đơn vị sự nghiệp công lập trực thuộc", []),
    ],
    [  # 5 chế độ công vụ
        (
            "Tuyển dụng, bố trí công chức, viên chức",
            [
                "Thực hiện quy định về tuyển dụng",
                "Bố trí công chức theo vị trí việc làm",
                "Quản lý hồ sơ công chức, viên chức",
            ],
        ),
        (
            "Đánh giá, xếp loại công chức, viên chức",
            ["Thực hiện đánh giá đúng quy định", "Sử dụng kết quả đánh giá"],
        ),
        (
            "Đào tạo, bồi dưỡng công chức, viên chức",
            [
                "Ban hành kế hoạch đào tạo, bồi dưỡng",
                "Tỷ lệ hoàn thành kế hoạch đào tạo, bồi dưỡng",
            ],
        ),
        ("Kỷ luật, kỷ cương hành chính", ["Kiểm tra công vụ", "Xử lý vi phạm kỷ luật, kỷ cương"]),
        ("Bổ nhiệm, luân chuyển, chuyển đổi vị trí công tác", []),
        ("Thực hiện quy chế văn hóa công sở", []),
    ],
    [  # 6 tài chính công
        (
            "Quản lý, sử dụng ngân sách nhà nước",
            ["Giải ngân vốn đầu tư công", "Công khai dự toán, quyết toán ngân sách"],
        ),
        (
            "Thực hiện cơ chế tự chủ tài chính",
            ["Quy chế chi tiêu nội bộ", "Tự chủ tài chính tại đơn vị sự nghiệp công lập"],
        ),
        ("Quản lý, sử dụng tài sản công", []),
        ("Thực hiện kiến nghị của thanh tra, kiểm toán về tài chính", []),
        ("Thực hành tiết kiệm, chống lãng phí", []),
        ("Thu ngân sách nhà nước", []),
    ],
    [  # 7 chính quyền số
        (
            "Ứng dụng công nghệ thông tin trong hoạt động nội bộ",
            [
                "Sử dụng hệ thống quản lý văn bản và điều hành",
                "Gửi, nhận văn bản điện tử có ký số",
                "Tổ chức họp trực tuyến",
            ],
        ),
        (
            "Cung cấp dịch vụ công trực tuyến",
            [
                "Tỷ lệ dịch vụ công trực tuyến toàn trình",
                "Tỷ lệ hồ sơ nộp trực tuyến",
                "Tích hợp trên Cổng Dịch vụ công quốc gia",
            ],
        ),
        (
            "Bảo đảm an toàn thông tin mạng",
            [
                "Phê duyệt cấp độ an toàn hệ thống thông tin",
                "Triển khai phương án bảo đảm an toàn thông tin",
            ],
        ),
        ("Chuyển đổi số, kết nối và chia sẻ dữ liệu", []),
    ],
    [  # 8 tác động
        ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn trong năm", []),
        (
            "Hoàn thành chỉ tiêu kế hoạch phát triển kinh tế - xã hội được giao",
            ["Chỉ tiêu về kinh tế", "Chỉ tiêu về văn hóa - xã hội"],
        ),
        ("Thực hiện Chỉ số năng lực cạnh tranh cấp tỉnh thuộc trách nhiệm của {dv}", []),
        ("Kết quả thu hút đầu tư, phát triển doanh nghiệp", []),
    ],
]

SURVEY: list[list[str]] = [
    ["Đánh giá của người dân, tổ chức về công tác chỉ đạo, điều hành cải cách hành chính của {dv}"],
    ["Đánh giá về chất lượng văn bản quy phạm pháp luật do {dv} tham mưu, ban hành"],
    [
        "Mức độ hài lòng của người dân, tổ chức về thủ tục hành chính",
        "Mức độ hài lòng về thái độ phục vụ của công chức giải quyết thủ tục hành chính",
    ],
    ["Đánh giá về sự hợp lý của tổ chức bộ máy và việc phân cấp quản lý"],
    ["Đánh giá về năng lực, đạo đức công vụ của công chức, viên chức"],
    ["Đánh giá về việc công khai, minh bạch tài chính công"],
    ["Đánh giá của người dân về tiện ích của dịch vụ công trực tuyến"],
    [
        "Tác động của cải cách hành chính đến chất lượng thể chế",
        "Tác động đến việc giải quyết thủ tục hành chính",
        "Tác động đến tổ chức bộ máy hành chính",
        "Tác động đến đội ngũ công chức, viên chức",
        "Tác động đến quản lý tài chính công",
        "Tác động đến chính quyền số",
        "Sự hài lòng chung của người dân, tổ chức đối với {dv}",
        "Tác động đến phát triển kinh tế - xã hội của địa phương",
    ],
]
