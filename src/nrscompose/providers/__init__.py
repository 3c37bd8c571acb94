"""Request builders and response parsers for SMS and messaging providers (sans-I/O).

Each provider module turns what the caller wants to send into a
:class:`nrscompose.http.HttpRequest` — method, URL, headers, body bytes — after checking it
against the provider's documented rules, and turns the provider's answers into typed values.
Nothing here opens a connection: send the request with any HTTP client, or with a transport
from :mod:`nrscompose.transports`.

* :mod:`nrscompose.providers.nrs` — 360nrs, the reference provider.
* :mod:`nrscompose.providers.email_contacts` — an email-contacts ``/v3`` API.
* :mod:`nrscompose.providers.bulk_sms` — a credit-billed bulk SMS and contact-list API, with
  the caller's routes.

``seed003`` and ``seed004`` are deprecated aliases of the last two (removed in the next
release).
"""

from __future__ import annotations

__all__: list[str] = []
