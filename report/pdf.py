"""Print the HTML report to PDF with the headless Debian chromium the browser tests use."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from cchc.errors import ConfigError

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def chromium() -> str | None:
    """Return the path of a headless-capable chromium, or None when none is installed."""
    return next((p for n in CHROMIUM_NAMES if (p := shutil.which(n))), None)


def write_pdf(html: Path, pdf: Path) -> Path:
    """Print the self-contained `html` to `pdf`; ConfigError when no chromium is installed."""
    browser = chromium()
    if browser is None:
        raise ConfigError("Máy chủ chưa cài chromium nên không xuất được tệp PDF")
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
    subprocess.run(
        [browser, *args, f"--print-to-pdf={pdf}", html.resolve().as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return pdf
