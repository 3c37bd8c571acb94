"""The gettext catalogue (domain ``nrscompose``): every sentence a person reads, translated.

The msgids are the English sentences of :data:`nrscompose.problems.KINDS` (one per problem
kind) and of the form helpers' notes (:mod:`nrscompose.forms._messages`); the catalogues live in
``locale/<lang>/LC_MESSAGES/nrscompose.po`` (English, Spanish, Portuguese — the languages of
the 360nrs API reference) and are compiled to ``.mo`` by babel. After editing a ``.po`` file run
``python -m nrscompose._base.messages`` to rebuild the ``.mo`` files; ``tests/test_forms_check.py``
fails when a ``.mo`` is stale or a message is missing from a catalogue.

Translations are loaded with the standard library (``gettext.translation(...,
fallback=True)``): an unknown locale gets the English ``msgid``.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Final

__all__ = ["DOMAIN", "LANGUAGES", "LOCALE_DIR", "compile_catalogues", "mo_path", "translator"]

DOMAIN: Final = "nrscompose"
LOCALE_DIR: Final = Path(__file__).parents[1] / "locale"
LANGUAGES: Final = ("en", "es", "pt")


@cache
def translator(locale: str) -> gettext.NullTranslations:
    """The catalogue for ``locale`` (``"es"``, ``"pt_BR"``, ``"pt-br"`` …), English if none.

    Cached per locale: a catalogue is immutable data, read once.
    """
    if locale == "en":
        return gettext.NullTranslations()  # the msgids are the English sentences
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
