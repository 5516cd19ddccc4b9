"""Evidence bytes in a local folder, one file per sha256 (written atomically)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from cchc.errors import NotFound, StorageUnavailable
from cchc.wording.storage import MISSING, UNAVAILABLE

KEY = re.compile(r"^[0-9a-f]{64}$")


def check_key(key: str) -> str:
    """Refuse anything but a sha256 hex digest (a key never names a path)."""
    if not KEY.match(key):
        raise NotFound(MISSING)
    return key


class LocalStore:
    """Files under `root`, named by their sha256."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def put(self, key: str, data: bytes) -> None:
        """Write the file once; a half-written file never has the final name."""
        target = self._path(key)
        if target.exists():
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # a private temp name per upload: two uploads of one file must not share a .part file
            with tempfile.NamedTemporaryFile(dir=self.root, suffix=".part", delete=False) as tmp:
                tmp.write(data)
            Path(tmp.name).replace(target)
        except OSError as exc:
            raise StorageUnavailable(UNAVAILABLE) from exc

    def get(self, key: str) -> bytes:
        """Read the file's bytes."""
        path = self._path(key)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise NotFound(MISSING) from None
        except OSError as exc:
            raise StorageUnavailable(UNAVAILABLE) from exc

    def exists(self, key: str) -> bool:
        """Tell whether the file is there."""
        return self._path(key).is_file()
