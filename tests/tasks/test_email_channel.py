"""The e-mail channel through a local SMTP server that requires STARTTLS and a login."""

from __future__ import annotations

import datetime as dt
import json
import ssl
from collections.abc import Iterator
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from cchc.errors import NotificationFailed
from cchc.settings import get_settings
from tasks.sending import send
from tests.flows.receivers import free_port

SECRET = "mat-khau-Smtp-9"


def _self_signed(folder: Path) -> ssl.SSLContext:
    """A server TLS context with a certificate made for this test."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=2))
        .sign(key, hashes.SHA256())
    )
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context


@pytest.fixture
def smtp_starttls(tmp_path: Path) -> Iterator[tuple[int, list, list]]:
    """aiosmtpd on loopback requiring STARTTLS and AUTH; yields (port, messages, logins)."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message
    from aiosmtpd.smtp import AuthResult, LoginPassword

    received: list = []
    logins: list[tuple[str, bool]] = []

    class Collect(Message):
        def handle_message(self, message: object) -> None:
            received.append(message)

    def authenticate(_server, session, _envelope, _mechanism, data):  # type: ignore[no-untyped-def]
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            b"so-noi-vu", SECRET.encode()
        )  # fmt: skip
        logins.append((data.login.decode(), bool(session.ssl)))
        return AuthResult(success=ok)

    port = free_port()
    controller = Controller(
        Collect(),
        hostname="127.0.0.1",
        port=port,
        tls_context=_self_signed(tmp_path),
        require_starttls=True,
        auth_required=True,
        auth_require_tls=True,
        authenticator=authenticate,
    )
    controller.start()
    try:
        yield port, received, logins
    finally:
        controller.stop()


def _configure(monkeypatch: pytest.MonkeyPatch, port: int, password: str = SECRET) -> None:
    url = (
        f"mailtos://so-noi-vu:{password}@sonv.example.gov.vn:{port}"
        f"?smtp=127.0.0.1&mode=starttls&verify=no"
    )
    monkeypatch.setenv("CCHC_NOTIFY__CHANNELS", json.dumps({"email": url}))
    monkeypatch.setenv("CCHC_NOTIFY__EMAIL_FROM_NAME", "Sở Nội vụ tỉnh Bắc Kạn")
    monkeypatch.setenv("CCHC_NOTIFY__EMAIL_FROM_ADDRESS", "vanthu@sonv.example.gov.vn")
    get_settings.cache_clear()


def _mail(to: str) -> None:
    send(
        urls=[f"email:{to}"], key="thu:email:1", recipient="xa-1",
        subject="Nhắc hạn: Tự đánh giá", body="Còn 2 ngày làm việc.",
    )  # fmt: skip


def test_mail_goes_over_starttls_with_login_from_the_province_sender(smtp_starttls, monkeypatch):
    port, received, logins = smtp_starttls
    _configure(monkeypatch, port)
    _mail("van-phong@xa-1.example.gov.vn")
    get_settings.cache_clear()
    assert logins == [("so-noi-vu", True)]  # logged in, and only after STARTTLS
    mail = received[0]
    sender = str(make_header(decode_header(mail["From"])))
    assert sender == "Sở Nội vụ tỉnh Bắc Kạn <vanthu@sonv.example.gov.vn>"
    assert mail["To"] == "van-phong@xa-1.example.gov.vn"
    assert mail["X-Cchc-Key"] == "thu:email:1"


def test_mail_with_a_wrong_password_is_refused_and_the_password_is_not_shown(
    smtp_starttls, monkeypatch
):
    port, received, _logins = smtp_starttls
    _configure(monkeypatch, port, password="sai-mat-khau")
    with pytest.raises(NotificationFailed) as caught:
        _mail("van-phong@xa-1.example.gov.vn")
    get_settings.cache_clear()
    assert received == [] and "sai-mat-khau" not in str(caught.value)


def test_mail_server_down_fails_the_message(monkeypatch):
    _configure(monkeypatch, free_port())
    with pytest.raises(NotificationFailed):
        _mail("van-phong@xa-1.example.gov.vn")
    get_settings.cache_clear()
