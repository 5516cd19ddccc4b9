"""Evidence bytes in an S3-compatible bucket (AWS S3, MinIO, ...) through boto3."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from cchc.errors import NotFound, StorageUnavailable
from cchc.wording.storage import MISSING, UNAVAILABLE
from models.scoring.storage.local import check_key

if TYPE_CHECKING:
    from cchc.settings import StorageSettings

ABSENT = {"404", "NoSuchKey", "NotFound"}


class S3Store:
    """Objects `<prefix><sha256>` in one bucket."""

    def __init__(self, client: Any, bucket: str, prefix: str = "evidence/") -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix

    @classmethod
    def from_settings(cls, settings: StorageSettings) -> S3Store:
        """Build the client from the storage settings (credentials may come from boto3's chain)."""
        client = boto3.client(
            "s3",
            endpoint_url=settings.s3_endpoint_url or None,
            region_name=settings.s3_region,
            aws_access_key_id=settings.s3_access_key or None,
            aws_secret_access_key=settings.s3_secret_key or None,
            # fail fast: a user waits on the upload, and the error is a clear 503
            config=Config(connect_timeout=5, read_timeout=30, retries={"max_attempts": 2}),
        )
        return cls(client, settings.s3_bucket, settings.s3_prefix)

    def _key(self, key: str) -> str:
        return self.prefix + check_key(key)

    def put(self, key: str, data: bytes) -> None:
        """Upload the object unless it is already there."""
        if self.exists(key):
            return
        try:
            self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)
        except (BotoCoreError, ClientError) as exc:
            raise StorageUnavailable(UNAVAILABLE) from exc

    def get(self, key: str) -> bytes:
        """Download the object's bytes."""
        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self._key(key))
            data: bytes = answer["Body"].read()
            return data
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ABSENT:
                raise NotFound(MISSING) from None
            raise StorageUnavailable(UNAVAILABLE) from exc
        except BotoCoreError as exc:
            raise StorageUnavailable(UNAVAILABLE) from exc

    def exists(self, key: str) -> bool:
        """Ask the bucket for the object's head."""
        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(key))
            return True
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ABSENT:
                return False
            raise StorageUnavailable(UNAVAILABLE) from exc
        except BotoCoreError as exc:
            raise StorageUnavailable(UNAVAILABLE) from exc
