"""What the commands share in their arguments: the options whose values come from the
library's vocabularies, and the readers of a message text, a time, a count and a country."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TypeAlias

from nrscompose._base.errors import ArgumentError, ValidationError
from nrscompose._base.input_files import read_bounded_text
from nrscompose._base.messages import LANGUAGES
from nrscompose._base.vocabularies import CATEGORIES, ENCODING_CHOICES, MESSAGE_CHANNELS
from nrscompose._counting.profiles import PROFILES

__all__ = [
    "Commands",
    "add_category_option", "add_channel_option", "add_counting_options", "add_encoding_option",
    "add_locale_option", "add_profile_option", "country_argument", "parse_when", "positive_int",
    "text_argument", "utf8_text", "without_final_newline",
]  # fmt: skip

# The subcommands of the parser, to which each command module adds its own.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_encoding_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--encoding", default="auto", choices=ENCODING_CHOICES)


def add_profile_option(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    parser.add_argument("--profile", default="360nrs", choices=sorted(PROFILES), help=help)


def add_channel_option(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    parser.add_argument("--channel", default="sms", choices=MESSAGE_CHANNELS, help=help)


def add_category_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--category", default="marketing", choices=CATEGORIES)


def add_counting_options(parser: argparse.ArgumentParser) -> None:
    """How a template's text is counted, as ``render`` and ``estimate`` take it."""
    parser.add_argument("--trans", action="store_true", help="count as with trans=1")
    add_profile_option(
        parser,
        help="counting rules: 360nrs (the provider's bill, default), 3gpp or 3gpp-16bit (what "
        "a handset receives), flat160 (160 characters a credit)",
    )
    add_channel_option(
        parser,
        help="sms (at most 15 parts, default) or landing (Landing SMS: at most 8 parts, "
        "needs {LAND_URL})",
    )
    parser.add_argument(
        "--lenient", action="store_true", help="render missing values empty instead of failing"
    )


def add_locale_option(parser: argparse.ArgumentParser, default: str, shown: bool) -> None:
    """``--locale``: the language of the problems' sentences (argparse's own stay English).

    Listed in ``nrscompose --help``; a command takes it too, without repeating it in its own
    usage line."""
    help = "the language of the problems' sentences (default en)" if shown else argparse.SUPPRESS
    parser.add_argument("--locale", default=default, choices=LANGUAGES, help=help)


def without_final_newline(text: str) -> str:
    """A file's text without the one line break that ends its last line (editors add it);
    any other trailing line break is part of the message."""
    for ending in ("\r\n", "\n", "\r"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def text_argument(value: str) -> str:
    """TEXT, or the content of FILE for ``@FILE`` (UTF-8, one final line break dropped).

    A byte-order mark (Notepad writes one) is not part of the message: counted, it alone
    would make every text UTF-16."""
    if value.startswith("@"):
        path = value[1:]
        try:
            text = read_bounded_text(path, "text")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ValidationError.single(
                "file.option_not_found", "template", None, {"where": path, "option": "@FILE"}
            ) from None
        except UnicodeDecodeError as error:
            byte = error.object[error.start]
            raise ArgumentError(
                f"{path}: byte 0x{byte:02x} at position {error.start} is not UTF-8; "
                "save the file as UTF-8"
            ) from None
        return without_final_newline(text)
    return utf8_text(value, "the text")


def utf8_text(text: str, source: str) -> str:
    """``text`` as Python decoded it from the command line or stdin, refused when a byte was
    not UTF-8: Python keeps such a byte as a lone surrogate, which no message can hold."""
    for index, char in enumerate(text):
        if "\udc80" <= char <= "\udcff":
            raise ArgumentError(
                f"{source}: byte 0x{ord(char) - 0xDC00:02x} at position {index} is not UTF-8; "
                "set the terminal (or the file) to UTF-8"
            )
    return text


def parse_when(value: str | None) -> datetime | None:
    """``now`` or an ISO 8601 time with its UTC offset; a naive time is refused."""
    if value is None:
        return None
    if value == "now":
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError.single("date.not_iso", "at", None, {"value": repr(value)}) from None
    if moment.utcoffset() is None:
        # a date alone takes a time before its offset ("2026-11-29+01:00" is no ISO 8601 time)
        base = value if "T" in value or " " in value else f"{value}T00:00"
        example = f"{base}+01:00 or {base}Z"
        raise ValidationError.single(
            "date.no_offset", "at", None, {"value": repr(value), "example": example}
        )
    return moment


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give a whole number, 1 or more")
    return number


def country_argument(value: str) -> str:
    """An ISO 3166 alpha-2 code, any case (``--default-country``)."""
    from nrscompose._rules.destinations import known_region

    code = value.strip().upper()
    if not known_region(code):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a country: give an ISO 3166 alpha-2 code such as ES"
        )
    return code
