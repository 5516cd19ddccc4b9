"""A real S3-speaking server for tests: moto's standalone server in its own process."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import boto3

MOTO = Path(sys.executable).with_name("moto_server")


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait(port: int, timeout: float = 30.0) -> None:
    """Wait until the server accepts connections."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"moto_server did not listen on {port}")


@contextmanager
def s3_server() -> Iterator[str]:
    """Run moto_server on a free port; yield its endpoint URL."""
    port = free_port()
    proc = subprocess.Popen(
        [str(MOTO), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def make_bucket(endpoint: str, bucket: str) -> None:
    """Create a bucket on the test server."""
    client = boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1",
        aws_access_key_id="test", aws_secret_access_key="test",
    )  # fmt: skip
    client.create_bucket(Bucket=bucket)


def s3_env(endpoint: str, bucket: str) -> dict[str, str]:
    """Return the CCHC_ variables that point the evidence store at the bucket."""
    return {
        "CCHC_STORAGE__BACKEND": "s3",
        "CCHC_STORAGE__S3_ENDPOINT_URL": endpoint,
        "CCHC_STORAGE__S3_BUCKET": bucket,
        "CCHC_STORAGE__S3_ACCESS_KEY": "test",
        "CCHC_STORAGE__S3_SECRET_KEY": "test",
    }
