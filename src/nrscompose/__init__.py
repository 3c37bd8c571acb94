"""nrscompose composes SMS and multi-channel messages before they are sent.

It decides the SMS charset (GSM-7, GSM-PT, UCS-2), counts and splits parts exactly as carriers
and the 360nrs API bill them, applies the provider's transliteration table, and explains what
made a text expensive. It contains no networking code in its core: it never sends anything
itself, and it keeps no global state. Request builders and transports live at the edge.

    >>> import nrscompose as nc
    >>> a = nc.analyze("Olá João")
    >>> a.encoding, a.parts, a.remaining
    ('gsm-pt', 1, 152)

Layers, lowest first; a module imports only from its own layer and those below it. The map is
data: the import contracts in ``pyproject.toml``, checked by ``lint-imports`` (import-linter)
in CI; ``tests/test_layers.py`` adds what a contract cannot say (no private name crosses a
module, no cycle, what ``import nrscompose`` loads).

1. ``errors``, ``problems`` (the problem kinds), ``vocabularies``, ``messages`` (the gettext
   catalogue), ``patterns``, ``http``, ``_jsonfile``, ``_extras`` (optional libraries),
   ``_input_files`` (bounded reads), ``_currencies`` (ISO 4217), ``_csv_cells``, ``_jinja_sizes``
2. ``charsets`` (tables, codecs, packing of already-counted parts)
3. ``profiles``, ``transliterate``, ``cuts`` (the one cut planner), ``splitting``,
   ``analysis``, ``suggestions``, ``user_data``
4. ``message_rules`` (text, parts, sender, placeholders, OTP: provider-neutral)
5. ``filters``, ``template``, ``rows`` (a campaign row's text), ``destinations``, ``pricing``,
   ``windows``, ``content`` (country content rules), ``_encodings`` (which encoding a
   campaign file's bytes are in)
6. ``providers`` (request builders, response parsing, each provider's kind → code table)
7. ``campaign``, ``recipient_files``, ``_excel`` and ``_workbook_bounds`` (reading campaign
   files), ``forms``
8. ``transports``, ``jinja``, ``cli``, the demo server (``forms.demo``) — nothing in the
   package imports them but the CLI

Every rule reports a :class:`Problem` with a kind from :data:`nrscompose.problems.KINDS`; a
provider attaches its own error code. Heavy optional dependencies are imported inside the
module that needs them, so ``import nrscompose`` stays cheap.
"""

from __future__ import annotations

from nrscompose.analysis import Analysis, Notice, Offending, analyze, describe_char
from nrscompose.profiles import PROFILES, Encoding, Limits, Profile, get_profile
from nrscompose.splitting import split
from nrscompose.transliterate import TRANS_TABLE, transliterate

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs ~15 ms
if TYPE_CHECKING:
    from nrscompose import campaign, content, forms, windows
    from nrscompose.campaign import estimate
    from nrscompose.destinations import Destination, destination
    from nrscompose.errors import (
        ApiError,
        ArgumentError,
        NrsComposeError,
        Problem,
        TransportError,
        ValidationError,
    )
    from nrscompose.filters import FILTERS
    from nrscompose.http import HttpRequest, HttpResponse
    from nrscompose.pricing import PriceList, Quote
    from nrscompose.providers import nrs
    from nrscompose.suggestions import Replacement, Suggestion, suggest
    from nrscompose.template import (
        OtpConfig,
        Placeholder,
        Template,
        TemplateRange,
        analyze_template,
        render_all,
        split_sms,
    )

__version__ = "0.1.0"

# Imported on first use: keeps `import nrscompose` cheap for SDKs that only count.
_SUBPACKAGES = {
    "windows": "nrscompose.windows",
    "content": "nrscompose.content",
    "nrs": "nrscompose.providers.nrs",
    "forms": "nrscompose.forms",
    "campaign": "nrscompose.campaign",
}
_LAZY = {
    # The error types are built on dataclasses, whose import costs more than the rest of the
    # package: they load when a caller names one, or when an error is raised.
    "ApiError": "nrscompose.errors",
    "ArgumentError": "nrscompose.errors",
    "NrsComposeError": "nrscompose.errors",
    "Problem": "nrscompose.errors",
    "TransportError": "nrscompose.errors",
    "ValidationError": "nrscompose.errors",
    "HttpRequest": "nrscompose.http",
    "HttpResponse": "nrscompose.http",
    "Replacement": "nrscompose.suggestions",
    "Suggestion": "nrscompose.suggestions",
    "suggest": "nrscompose.suggestions",
    "FILTERS": "nrscompose.filters",
    "OtpConfig": "nrscompose.template",
    "Placeholder": "nrscompose.template",
    "Template": "nrscompose.template",
    "TemplateRange": "nrscompose.template",
    "analyze_template": "nrscompose.template",
    "render_all": "nrscompose.template",
    "split_sms": "nrscompose.template",
    "estimate": "nrscompose.campaign",
    "Destination": "nrscompose.destinations",
    "destination": "nrscompose.destinations",
    "PriceList": "nrscompose.pricing",
    "Quote": "nrscompose.pricing",
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
    "Notice",
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
