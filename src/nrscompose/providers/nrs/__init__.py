"""360nrs API requests and responses, with no networking code (360nrs API reference).

Builders return an :class:`~nrscompose.http.HttpRequest`; they check their input first and
raise one :class:`~nrscompose.errors.ValidationError` listing every problem, each with the
code the server would answer (the reference's "Errors" table, :data:`CATALOGUE`). The SMS and
Landing SMS builders set ``encoding`` and ``parts`` from :func:`nrscompose.analyze`.
:func:`parse_response` turns answers into typed values; :func:`parse_event` reads the event
notifications the API posts to a customer's server.

    >>> from nrscompose.providers import nrs
    >>> creds = nrs.Credentials("username", "apiPassword")
    >>> req = nrs.sms(to=["34666555444"], sender="TEST", message="Olá", credentials=creds)
    >>> req.method, req.url, req.json()["encoding"], req.json()["parts"]
    ('POST', 'https://dashboard.360nrs.com/api/rest/sms', 'gsm-pt', 1)
"""

from __future__ import annotations

# The package exports the union of its submodules' ``__all__``, each imported on first use, so
# that importing one submodule (the code table a form needs) does not load every builder and
# parser. Annotations only: importing typing costs import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from nrscompose.http import HttpRequest as HttpRequest
    from nrscompose.http import HttpResponse as HttpResponse
    from nrscompose.providers.nrs._base import *  # noqa: F403
    from nrscompose.providers.nrs._validate import *  # noqa: F403
    from nrscompose.providers.nrs.catalogue import *  # noqa: F403
    from nrscompose.providers.nrs.delivery import *  # noqa: F403
    from nrscompose.providers.nrs.mail import *  # noqa: F403
    from nrscompose.providers.nrs.reports import *  # noqa: F403
    from nrscompose.providers.nrs.requests_channels import *  # noqa: F403
    from nrscompose.providers.nrs.requests_resources import *  # noqa: F403
    from nrscompose.providers.nrs.requests_sms import *  # noqa: F403
    from nrscompose.providers.nrs.responses import *  # noqa: F403

# Searched in this order for a name, each imported at most once: the cheap ones first (the
# code table, credentials, the parsers import a handful of modules; a builder some twenty).
_SUBMODULES: tuple[str, ...] = (
    "catalogue",
    "_base",
    "responses",
    "delivery",
    "requests_channels",
    "requests_resources",
    "requests_sms",
    "_validate",
    "mail",
    "reports",
)
_FROM_HTTP: tuple[str, ...] = ("HttpRequest", "HttpResponse")  # what builders and parsers use


def _submodule(name: str) -> object:
    import importlib

    return importlib.import_module(f"{__name__}.{name}")


def _exports() -> list[str]:
    names = {*_FROM_HTTP}
    for name in _SUBMODULES:
        names.update(_submodule(name).__all__)  # type: ignore[attr-defined]
    return sorted(names)


def __getattr__(name: str) -> object:
    if name == "__all__":
        value: object = _exports()
    elif name in _FROM_HTTP:
        from nrscompose import http

        value = getattr(http, name)
    elif name.startswith("__"):  # probes by tools (__wrapped__, __file__…): no import
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    else:
        found = (m for m in map(_submodule, _SUBMODULES) if name in m.__all__)  # type: ignore[attr-defined]
        module = next(found, None)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_exports()})
