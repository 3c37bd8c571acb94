"""Request builders and response parsers for SMS and messaging providers (sans-I/O).

Each provider module turns what the caller wants to send into a
:class:`nrscompose.http.HttpRequest` — method, URL, headers, body bytes — after checking it
against the provider's documented rules, and turns the provider's answers into typed values.
Nothing here opens a connection: send the request with any HTTP client, or with a transport
from :mod:`nrscompose.transports`.

* :mod:`nrscompose.providers.nrs` — 360nrs (seed 001/000), the reference provider.
* :mod:`nrscompose.providers.seed003` — an email/contacts ``/v3`` API (seed 003).
* :mod:`nrscompose.providers.seed004` — a bulk SMS API with configurable paths (seed 004).
"""

from __future__ import annotations

__all__: list[str] = []
