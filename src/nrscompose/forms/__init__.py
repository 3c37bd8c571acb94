"""Form validation for message text, and the browser-side live counter.

``static/nrscompose-counter.js`` is a dependency-free script that counts exactly as
:func:`nrscompose.analyze` does. Its source is the npm package in ``js/`` (tables generated from
the Python data by ``tools/generate_counter_data.py``); a wheel carries the built script and a
checkout builds it on request (:mod:`nrscompose.forms.counter_script`, ``docs/counter.md``).
"""

from nrscompose.forms.check import (
    CheckOptions,
    FormSuggestion,
    MessageCheck,
    NewlineMode,
    check_message,
    normalize_newlines,
)

__all__ = [
    "CheckOptions",
    "FormSuggestion",
    "MessageCheck",
    "NewlineMode",
    "check_message",
    "normalize_newlines",
]
