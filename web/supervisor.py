"""The `cchc serve --workers N` supervisor: uvicorn alone, so it holds none of the CLI's imports.

`cchc serve` upgrades the schema, then replaces itself (exec, same pid, same signals) with
`python -m web.supervisor OPTIONS_JSON`; this process watches and restarts the workers, each of
which builds the app. Only json, sys and uvicorn are imported here (≈ 27 MiB against ≈ 70 MiB
for the CLI process).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any


def exec_supervisor(workers: int, options: dict[str, Any]) -> None:
    """Replace this process with the supervisor of `workers` worker processes."""
    sys.stdout.flush()  # exec drops Python's buffers: what the CLI printed must be out first
    sys.stderr.flush()
    argv = [sys.executable, "-m", "web.supervisor", json.dumps(options | {"workers": workers})]
    os.execv(sys.executable, argv)


def main(argv: list[str]) -> None:
    """Run uvicorn's multiprocess supervisor over the app factory with the given options."""
    import uvicorn

    uvicorn.run("web.app:create_app", factory=True, **json.loads(argv[1]))


if __name__ == "__main__":
    main(sys.argv)
