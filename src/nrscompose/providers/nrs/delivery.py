"""Delivery notification URLs (``notificationUrl``) and the GET requests they receive.

What the 360nrs API reference says ("Delivery notifications"): the server calls the
customer's URL with GET for each delivery notification from the operator; in that URL, "the
variable name followed by an escape character that will contain the value; escape characters
have the form of the % character followed by a letter". Its table of escape characters is
empty ("These are the defined escape characters:" is followed by nothing); the only ones it
shows are in its example, ``https://example.com/notify.php?sender=%p&phone=%P&status=%s``, and
the customer's own fixed parameters may follow (``&customId=123456``).

So this module supports exactly what the example shows — ``%p`` in a variable the example
calls ``sender``, ``%P`` in ``phone``, ``%s`` in ``status`` — under names the caller chooses,
and keeps every other parameter as given. What the reference leaves out, and what this module
therefore does not guess: any other escape letter, the values ``status`` takes (kept as the
text received), whether the values arrive percent-encoded (they are decoded as any query).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final
from urllib.parse import parse_qsl, quote, urlsplit

from nrscompose._base.errors import ArgumentError

__all__ = ["ESCAPES", "DeliveryNotification", "DeliveryNotificationUrl"]

# The escapes the reference's example shows, and what its variable names say they carry.
ESCAPES: Final[Mapping[str, str]] = MappingProxyType(
    {"sender": "%p", "phone": "%P", "status": "%s"}
)
_UNRESERVED: Final = "-._~"


@dataclass(frozen=True, slots=True)
class DeliveryNotification:
    """One delivery notification: the ``sender`` (``%p``), the ``phone`` (``%P``) and the
    ``status`` (``%s``) as received, and the URL's other parameters in ``fixed``."""

    sender: str | None
    phone: str | None
    status: str | None
    fixed: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class DeliveryNotificationUrl:
    """A ``notificationUrl`` with the reference's escapes, and the reader of its requests.

    ``base`` is the customer's http(s) URL without a query; ``sender``, ``phone`` and
    ``status`` the names of the variables that receive ``%p``, ``%P`` and ``%s`` (``None``
    leaves one out); ``fixed`` the customer's own parameters (``customId`` in the example).

    >>> url = DeliveryNotificationUrl("https://example.com/notify.php",
    ...                               fixed={"customId": "123456"})
    >>> url.url
    'https://example.com/notify.php?sender=%p&phone=%P&status=%s&customId=123456'
    >>> url.parse("sender=TEST&phone=34666555444&status=delivered&customId=123456").status
    'delivered'
    """

    base: str
    sender: str | None = "sender"
    phone: str | None = "phone"
    status: str | None = "status"
    fixed: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        parts = urlsplit(self.base) if isinstance(self.base, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            raise ArgumentError(f"base {self.base!r} is not an http(s) URL")
        if parts.query or parts.fragment:
            raise ArgumentError("base must have no query or fragment: give them as fixed")
        names = [n for n in (self.sender, self.phone, self.status) if n is not None]
        if not names:
            raise ArgumentError("name at least one of sender, phone and status")
        everything = names + list(self.fixed)
        if any(not isinstance(n, str) or not n for n in everything):
            raise ArgumentError("variable names must be non-empty text")
        if len(set(everything)) != len(everything):
            raise ArgumentError(f"variable names must differ: {everything}")
        if not all(isinstance(v, str) for v in self.fixed.values()):
            raise ArgumentError("fixed values must be text")
        object.__setattr__(self, "fixed", MappingProxyType(dict(self.fixed)))

    @property
    def _variables(self) -> dict[str, str]:
        """Variable name → the escape it carries."""
        chosen = {"sender": self.sender, "phone": self.phone, "status": self.status}
        return {name: ESCAPES[role] for role, name in chosen.items() if name is not None}

    @property
    def url(self) -> str:
        """The ``notificationUrl`` to send: escapes left as they are, everything else encoded."""
        pairs = [f"{_quote(name)}={escape}" for name, escape in self._variables.items()]
        pairs += [f"{_quote(name)}={_quote(value)}" for name, value in self.fixed.items()]
        return f"{self.base}?{'&'.join(pairs)}"

    def parse(self, query: str | bytes | Mapping[str, str]) -> DeliveryNotification:
        """The notification in a request to :attr:`url`: its query string (or the whole URL),
        or the parameters a web framework already decoded. Missing variables are ``None``."""
        if isinstance(query, Mapping):
            fields = {str(k): str(v) for k, v in query.items()}
        else:
            text = query.decode("utf-8", errors="replace") if isinstance(query, bytes) else query
            if "?" in text:
                text = text.split("?", 1)[1]
            fields = dict(parse_qsl(text.split("#", 1)[0], keep_blank_values=True))
        return DeliveryNotification(
            sender=fields.get(self.sender) if self.sender else None,
            phone=fields.get(self.phone) if self.phone else None,
            status=fields.get(self.status) if self.status else None,
            fixed=MappingProxyType({k: v for k, v in fields.items() if k not in self._variables}),
        )


def _quote(text: str) -> str:
    return quote(text, safe=_UNRESERVED)
