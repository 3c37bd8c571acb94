"""The sentences a person reads, and their translations (gettext domain ``nrscompose``).

Every message :func:`nrscompose.forms.check_message` writes is a ``msgid`` below, with
``%(name)s`` parameters; the catalogues live in ``locale/<lang>/LC_MESSAGES/nrscompose.po``
(English, Spanish, Portuguese — the seed documents' languages) and are compiled to ``.mo`` by
babel. After editing a ``.po`` file run ``python -m nrscompose.forms._messages`` to rebuild the
``.mo`` files; ``tests/test_forms_check.py`` fails when a ``.mo`` is stale or a message is
missing from a catalogue.

Translations are loaded with the standard library (``gettext.translation(...,
fallback=True)``): an unknown locale gets the English ``msgid``. Characters are named as
:func:`nrscompose.analysis.describe_char` names them (``"’" (RIGHT SINGLE QUOTATION MARK)``);
Unicode character names have no translations, and they are what a person can search for.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Final

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "MESSAGES",
    "PLURAL_MESSAGES",
    "compile_catalogues",
    "translator",
]

DOMAIN: Final = "nrscompose"
LOCALE_DIR: Final = Path(__file__).parent / "locale"
LANGUAGES: Final = ("en", "es", "pt")

EMPTY: Final = "The message is empty: write the text to send."
PARTS: Final = "The number of parts must be a whole number from 1 to %(cap)d, not %(value)s."
SENDER_MISSING: Final = "The sender is required."
SENDER_DIGITS: Final = "The sender has %(length)d digits; at most %(limit)d are allowed."
SENDER_CHARACTERS: Final = (
    "The sender has %(length)d characters; at most %(limit)d letters and digits are allowed."
)
LANDING_URL: Final = "A Landing SMS must contain the {LAND_URL} placeholder."
UNKNOWN_FILTER: Final = "Unknown filter '%(name)s' at %(index)d. Known filters: %(known)s."
UNTERMINATED: Final = "The placeholder at %(index)d is not closed: add '}'."
UNEXPECTED: Final = (
    "%(char)s at %(index)d is not allowed in the placeholder that starts at %(start)d."
)
RESERVED_FILTER: Final = (
    "%(placeholder)s at %(index)d is filled in by the server and takes no filters."
)
RESERVED_CHANNEL: Final = (
    "%(placeholder)s at %(index)d is only filled in for %(channels)s messages."
)
MISSING_VALUE: Final = "No value for %(placeholder)s at %(index)d."
SPLIT: Final = (
    "%(placeholder)s at %(index)d cannot be sent with split parts: its value does not fit "
    "in one SMS."
)
INVALID_CHAR: Final = "%(char)s at %(index)d cannot be sent."
NOT_GSM_DEFAULT: Final = (
    "%(char)s at %(index)d is not in the GSM default alphabet, only in the Portuguese GSM tables."
)
NOT_GSM: Final = (
    "%(char)s at %(index)d is not a GSM character, so the whole message is sent as UTF-16, "
    "which holds fewer characters per part."
)
REMOVE: Final = "Remove %(char)s (%(count)d×)."
REPLACE: Final = "Replace %(char)s with %(replacement)s (%(count)d×)."

# (singular, plural): chosen by the number named in the comment.
TOO_LONG: Final = (  # by limit
    "The message needs %(needed)d parts but only %(limit)d part is allowed.",
    "The message needs %(needed)d parts but at most %(limit)d parts are allowed.",
)
SAVES: Final = (  # by saved
    "Together these changes save %(saved)d part.",
    "Together these changes save %(saved)d parts.",
)

MESSAGES: Final = (
    EMPTY, PARTS, SENDER_MISSING, SENDER_DIGITS, SENDER_CHARACTERS, LANDING_URL,
    UNKNOWN_FILTER, UNTERMINATED, UNEXPECTED, RESERVED_FILTER, RESERVED_CHANNEL,
    MISSING_VALUE, SPLIT, INVALID_CHAR, NOT_GSM_DEFAULT, NOT_GSM, REMOVE, REPLACE,
)  # fmt: skip
PLURAL_MESSAGES: Final = (TOO_LONG, SAVES)


@cache
def translator(locale: str) -> gettext.NullTranslations:
    """The catalogue for ``locale`` (``"es"``, ``"pt_BR"``, ``"pt-br"`` …), English if none.

    Cached per locale: a catalogue is immutable data, read once.
    """
    language = locale.replace("-", "_")
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def mo_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def compiled(language: str) -> bytes:
    """The ``.mo`` bytes babel compiles from the language's ``.po`` file."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with mo_path(language).with_suffix(".po").open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def compile_catalogues() -> list[Path]:
    """Rewrite every stale ``.mo`` file from its ``.po``; returns the files written."""
    written = []
    for language in LANGUAGES:
        path = mo_path(language)
        data = compiled(language)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    for path in compile_catalogues():
        print(f"wrote {path}")
