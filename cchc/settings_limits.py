"""Limits against hostile requests and files: one settings group (`Settings.limits`)."""

from __future__ import annotations

from pydantic import BaseModel, Field

MB = 1024 * 1024


class LimitSettings(BaseModel):
    """Sizes checked before anything is parsed; every refusal names the limit."""

    json_body_bytes: int = Field(
        1 * MB, ge=1024, le=1024 * MB, description="largest request body outside upload routes"
    )
    yaml_bytes: int = Field(
        5 * MB, ge=1024, le=512 * MB, description="largest YAML file read (config, plans)"
    )
    # Generated files share lists (a notify list per unit: one alias each); the expansion
    # limit below is what stops a bomb, this one only bounds the scan.
    yaml_aliases: int = Field(
        10_000, ge=0, le=1_000_000, description="most YAML aliases (*name) in one file"
    )
    yaml_nodes: int = Field(
        1_000_000, ge=1000, le=100_000_000, description="most nodes a YAML file expands to"
    )
    yaml_depth: int = Field(64, ge=4, le=1000, description="deepest YAML nesting accepted")
    office_bytes: int = Field(
        50 * MB, ge=1024, le=4096 * MB, description="largest .xlsx/.docx file opened"
    )
    office_uncompressed_bytes: int = Field(
        200 * MB,
        ge=1024,
        le=16384 * MB,
        description="largest total unpacked size of an .xlsx/.docx",
    )
    office_ratio: int = Field(
        200, ge=10, le=10_000, description="largest unpacked/packed ratio of one member"
    )
    office_sheets: int = Field(50, ge=1, le=10_000, description="most sheets in one workbook")
    office_rows: int = Field(
        200_000,
        ge=1,
        le=1_048_576,
        description="most rows in one sheet (Excel's own cap is 1,048,576)",
    )
    office_columns: int = Field(
        200, ge=1, le=16_384, description="most columns in one sheet (Excel's cap is 16,384)"
    )


class WebSecuritySettings(BaseModel):
    """HTTP hardening of `cchc serve`."""

    secure_cookies: bool = Field(
        False, description="always mark cookies Secure (set when served over HTTPS only)"
    )
    trust_proxy_https: bool = Field(
        False,
        description="trust X-Forwarded-Proto: https from the reverse proxy for Secure cookies",
    )
    docs_enabled: bool | None = Field(
        None, description="serve /docs and /openapi.json; unset: on, except when env=production"
    )
