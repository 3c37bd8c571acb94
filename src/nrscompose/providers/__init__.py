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

Every provider has the same shape (CONTRIBUTING.md, "Adding a provider"): a package front
that lists its names, request builders that check before they build, response parsers that
raise the provider's API error or its ``MalformedResponseError`` (a subclass of
:class:`nrscompose.errors.MalformedResponseError`), and an error-code table.
"""

from __future__ import annotations

__all__: list[str] = []
