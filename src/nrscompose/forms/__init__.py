"""Form validation for message text, and the browser-side live counter.

``static/nrscompose-counter.js`` is a dependency-free script that counts exactly as
:func:`nrscompose.analyze` does; its tables are generated from the Python data by
:mod:`nrscompose.forms._generate_js` (see ``docs/counter.md``).
"""

from nrscompose.forms.check import (
    CheckOptions,
    FormProblem,
    FormSuggestion,
    MessageCheck,
    NewlineMode,
    check_message,
    normalize_newlines,
)

__all__ = [
    "CheckOptions",
    "FormProblem",
    "FormSuggestion",
    "MessageCheck",
    "NewlineMode",
    "check_message",
    "normalize_newlines",
]
