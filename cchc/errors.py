"""The one error hierarchy of cchc-flow.

    CchcError                  any failure the domain knows how to describe
    ├── ConfigError            a config file is unreadable or invalid (names file:line path)
    ├── DeadlinePhraseError    a Vietnamese deadline phrase cannot be read (quotes it)
    ├── ValidationError        user input breaks a rule (names the item or field)
    │   ├── ScoreError         a score breaks a criteria-set rule (names the item code)
    │   ├── UnknownCode        an input names a unit, field, item or stage that does not exist
    │   └── FileRefused        an incoming file breaks a size or shape limit (names file, limit)
    ├── NotFound               a named campaign, unit, stage or item does not exist
    ├── Conflict               an act clashes with stored state (duplicate, stale version,
    │                          a state the lifecycle forbids: `rule` names it)
    │   ├── AlreadyLaunched    a plan is launched a second time
    │   ├── PlanChanged        an amended plan is launched without confirming its changes
    │   └── ResultsFrozen      approved results are changed without a new decision
    ├── DeadlinePassed         a stage refuses a submission received after its due time
    ├── PermissionDenied       a user's role or unit scope does not allow an act
    │   └── CsrfRefused        a browser's write lacks the page's anti-forgery token
    ├── LoginRefused           a user name and password do not sign in
    │   ├── TooManyAttempts    too many refused sign-ins for the name or address: wait
    │   └── SsoRefused         an SSO (OpenID Connect) sign-in is untrusted or names no user
    └── Retryable              trying again later may succeed
        ├── NotificationFailed apprise reports that a message was not delivered
        └── StorageUnavailable the evidence store (folder or S3) failed to read or write

Domain code raises these; only web/ turns them into HTTP answers and only cli/ into exit codes.
"""

from __future__ import annotations


class CchcError(Exception):
    """Raised for any failure the domain knows how to describe."""


class ConfigError(CchcError):
    """Raised when a config file is unreadable or invalid."""

    def __init__(self, message: str, *, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


class DeadlinePhraseError(CchcError):
    """Raised when a Vietnamese deadline phrase cannot be read."""


class ValidationError(CchcError):
    """Raised when user input breaks a rule."""

    def __init__(self, message: str, *, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


class ScoreError(ValidationError):
    """Raised when a score breaks a criteria-set rule."""


class UnknownCode(ValidationError):
    """Raised when an input names a unit, field, item or stage code that does not exist."""


class FileRefused(ValidationError):
    """Raised when an incoming file (YAML, .xlsx, .docx) breaks a size or shape limit."""


class NotFound(CchcError):
    """Raised when a named campaign, unit, stage or item does not exist."""


class Conflict(CchcError):
    """Raised when an act clashes with stored state (`rule` names the rule it breaks)."""

    def __init__(
        self, message: str, *, rule: str | None = None, problems: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.rule = rule
        self.problems = problems or [message]


class AlreadyLaunched(Conflict):
    """Raised when a plan is launched a second time."""


class PlanChanged(Conflict):
    """Raised when an amended plan is launched without confirming its changes (listed)."""

    def __init__(self, message: str, *, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


class ResultsFrozen(Conflict):
    """Raised when approved results are changed without a new decision."""


class DeadlinePassed(CchcError):
    """Raised when a stage refuses a submission received after its due time."""


class PermissionDenied(CchcError):
    """Raised when a user's role or unit scope does not allow an act."""


class Retryable(CchcError):
    """Raised when trying again later may succeed."""


class NotificationFailed(Retryable):
    """Raised when apprise reports that a message was not delivered."""


class StorageUnavailable(Retryable):
    """Raised when the evidence store (local folder or S3 bucket) fails to read or write."""


class CsrfRefused(PermissionDenied):
    """Raised when a cookie-authenticated write lacks the page's anti-forgery token."""


class LoginRefused(CchcError):
    """Raised when a user name and password do not sign in (never says which was wrong)."""


class TooManyAttempts(LoginRefused):
    """Raised when a user name or address has too many refused sign-ins in the window."""


class SsoRefused(LoginRefused):
    """Raised when an SSO answer fails its checks (state, nonce, signature) or maps to no user."""
