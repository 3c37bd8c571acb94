"""The form helpers' own sentences (warnings and suggestions), and the full msgid list.

Problems render their sentences from their kind (:mod:`nrscompose.problems`); the notes below
are what :func:`nrscompose.forms.check_message` adds beyond problems: the rewrites that would
make a message cheaper. Characters are named as
:func:`nrscompose.describe_char` names them (``"’" (RIGHT SINGLE QUOTATION MARK)``);
Unicode character names have no translations, and they are what a person can search for.
The catalogue itself (and ``translator``) is :mod:`nrscompose._base.messages`.
"""

from __future__ import annotations

from typing import Final

from nrscompose._base.messages import LANGUAGES, compiled, mo_path, translator
from nrscompose._base.problems import API_REFUSAL, KINDS, PLURAL_KINDS, VARIANT_KINDS

__all__ = [
    "LANGUAGES",
    "MESSAGES",
    "PLURAL_MESSAGES",
    "compiled",
    "mo_path",
    "translator",
]

REMOVE: Final = "Remove %(char)s (%(count)d×)."
REPLACE: Final = "Replace %(char)s with %(replacement)s (%(count)d×)."
SAVES: Final = (  # (singular, plural), by saved
    "Together these changes save %(saved)d part.",
    "Together these changes save %(saved)d parts.",
)

# Every msgid of the catalogue: the problem kinds' sentences and the notes above.
MESSAGES: Final = (
    *KINDS.values(),
    *(msgid for _, variants in VARIANT_KINDS.values() for msgid in variants.values()),
    REMOVE,
    REPLACE,
    API_REFUSAL,
)
PLURAL_MESSAGES: Final = (*(forms for forms, _ in PLURAL_KINDS.values()), SAVES)
