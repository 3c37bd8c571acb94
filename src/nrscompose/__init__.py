"""nrscompose composes SMS and multi-channel messages before they are sent.

It decides the SMS charset (GSM-7, GSM-PT, UCS-2), counts and splits parts exactly as carriers
and the 360nrs API bill them, applies the provider's transliteration table, and explains what
made a text expensive. It contains no networking code in its core: it never sends anything
itself, and it keeps no global state. Request builders and transports live at the edge.

    >>> import nrscompose as nc
    >>> a = nc.analyze("Olá João")
    >>> a.encoding, a.parts, a.remaining
    ('gsm-pt', 1, 152)

The folders are the layers, lowest first; a module imports only from its own layer and those
below it. The map is data: the import contracts in ``pyproject.toml``, checked by
``lint-imports`` (import-linter) in CI; ``tests/test_layers.py`` adds what a contract cannot say
(no private name crosses a module, no cycle, what ``import nrscompose`` loads).

1. ``_base``: errors, problem kinds, vocabularies, the gettext catalogue, patterns, HTTP value
   objects, optional libraries, bounded reads, small shared tables
2. ``_counting``: charsets, profiles, transliteration, the cut planner, splitting, analysis,
   suggestions, user data headers
3. ``_rules`` (message rules, send windows, content rules, destinations, prices) and
   ``_composition`` (templates, filters, a campaign row's text, the Jinja bridge)
4. ``providers`` (request builders, response parsing, each provider's kind → code table)
5. ``campaign`` (files and estimates) and ``forms`` (validation, the live counter)
6. ``transports``, ``demo`` (the demo server and its pages), then ``cli``

The modules beside the folders (``errors``, ``profiles``, ``windows``, ``charsets``…) are
public fronts that keep the documented import paths; nothing inside the package imports them.

Every rule reports a :class:`Problem` with a kind from :data:`nrscompose.problems.KINDS`; a
provider attaches its own error code. Heavy optional dependencies are imported inside the
module that needs them, so ``import nrscompose`` stays cheap.
"""

from __future__ import annotations

from nrscompose._counting.analysis import Analysis, Offending, analyze, describe_char
from nrscompose._counting.profiles import PROFILES, Encoding, Limits, Profile, get_profile
from nrscompose._counting.splitting import split
from nrscompose._counting.transliterate import TRANS_TABLE, transliterate

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs ~15 ms
if TYPE_CHECKING:
    from nrscompose import campaign, forms
    from nrscompose._base.errors import (
        ApiError,
        ArgumentError,
        NrsComposeError,
        Problem,
        TransportError,
        ValidationError,
    )
    from nrscompose._base.http import HttpRequest, HttpResponse
    from nrscompose._composition.filters import FILTERS
    from nrscompose._composition.template import (
        OtpConfig,
        Placeholder,
        Template,
        TemplateRange,
        analyze_template,
        render_all,
        split_sms,
    )
    from nrscompose._counting.suggestions import Replacement, Suggestion, suggest
    from nrscompose._rules import content, windows
    from nrscompose._rules.destinations import Destination, destination
    from nrscompose._rules.pricing import PriceList, Quote
    from nrscompose.campaign import estimate
    from nrscompose.providers import nrs

__version__ = "0.1.0"

# Imported on first use: keeps `import nrscompose` cheap for SDKs that only count.
_SUBPACKAGES = {
    "windows": "nrscompose._rules.windows",
    "content": "nrscompose._rules.content",
    "nrs": "nrscompose.providers.nrs",
    "forms": "nrscompose.forms",
    "campaign": "nrscompose.campaign",
}
_LAZY = {
    # The error types are built on dataclasses, whose import costs more than the rest of the
    # package: they load when a caller names one, or when an error is raised.
    "ApiError": "nrscompose._base.errors",
    "ArgumentError": "nrscompose._base.errors",
    "NrsComposeError": "nrscompose._base.errors",
    "Problem": "nrscompose._base.errors",
    "TransportError": "nrscompose._base.errors",
    "ValidationError": "nrscompose._base.errors",
    "HttpRequest": "nrscompose._base.http",
    "HttpResponse": "nrscompose._base.http",
    "Replacement": "nrscompose._counting.suggestions",
    "Suggestion": "nrscompose._counting.suggestions",
    "suggest": "nrscompose._counting.suggestions",
    "FILTERS": "nrscompose._composition.filters",
    "OtpConfig": "nrscompose._composition.template",
    "Placeholder": "nrscompose._composition.template",
    "Template": "nrscompose._composition.template",
    "TemplateRange": "nrscompose._composition.template",
    "analyze_template": "nrscompose._composition.template",
    "render_all": "nrscompose._composition.template",
    "split_sms": "nrscompose._composition.template",
    "estimate": "nrscompose.campaign",
    "Destination": "nrscompose._rules.destinations",
    "destination": "nrscompose._rules.destinations",
    "PriceList": "nrscompose._rules.pricing",
    "Quote": "nrscompose._rules.pricing",
}


def __getattr__(name: str) -> object:
    if name in _SUBPACKAGES:
        import importlib

        return importlib.import_module(_SUBPACKAGES[name])
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'nrscompose' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "FILTERS",
    "PROFILES",
    "TRANS_TABLE",
    "Analysis",
    "ApiError",
    "ArgumentError",
    "Destination",
    "Encoding",
    "HttpRequest",
    "HttpResponse",
    "Limits",
    "NrsComposeError",
    "Offending",
    "OtpConfig",
    "Placeholder",
    "PriceList",
    "Problem",
    "Profile",
    "Quote",
    "Replacement",
    "Suggestion",
    "Template",
    "TemplateRange",
    "TransportError",
    "ValidationError",
    "analyze",
    "analyze_template",
    "campaign",
    "content",
    "describe_char",
    "destination",
    "estimate",
    "forms",
    "get_profile",
    "nrs",
    "render_all",
    "split",
    "split_sms",
    "suggest",
    "transliterate",
    "windows",
]
