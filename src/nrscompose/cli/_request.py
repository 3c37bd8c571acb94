"""``request``: print the 360nrs API request a message would be sent as (nothing is sent).

Credentials come from ``NRS_USERNAME`` and ``NRS_API_PASSWORD`` (placeholders when unset, so
the request's shape can be seen without them); the secret is masked unless ``--show-secret``.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import shlex
from typing import TYPE_CHECKING, Any, Final, TextIO

from nrscompose._base.errors import ValidationError
from nrscompose.cli._arguments import text_argument

if TYPE_CHECKING:
    from nrscompose._base.http import HttpRequest

__all__ = ["register"]

_KINDS = ("sms", "landing", "mail", "voice", "whatsapp")


_API_NAMES: Final = {"from": "sender", "fromEmail": "from_email", "replyTo": "reply_to"}
# Filled from the command's own options, not from --set.
_FROM_OPTIONS: Final = frozenset({"credentials", "to", "sender", "message", "body", "messages"})


def _python_name(name: str) -> str:
    """The builder's argument for an API field name (``scheduleDate`` → ``schedule_date``)."""
    if name in _API_NAMES:
        return _API_NAMES[name]
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def _api_name(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def _typed(name: str, value: str, annotation: str) -> Any:
    """``value`` as the type the builder's parameter has: text stays text (a date such as
    20261201120000 is not a number), numbers and booleans are parsed, lists and objects are
    JSON (a list of text may also be given comma-separated)."""
    kinds = _union(annotation) - {"None"}
    container = any(k.startswith(("Sequence", "Mapping")) for k in kinds)
    textual = bool(kinds & {"str", "datetime", "EncodingChoice", "Language", "Gender"})
    if textual and not (container and value.lstrip().startswith(("[", "{"))):
        return value
    if kinds == {"bool"}:
        if value.lower() in ("true", "1", "yes"):
            return True
        if value.lower() in ("false", "0", "no"):
            return False
        raise ValidationError.single(
            "request.set_not_bool", "set", None, {"name": _api_name(name), "value": repr(value)}
        )
    if kinds == {"int"}:
        if value.strip().lstrip("-").isdecimal() and len(value) <= 18:
            return int(value)
        raise ValidationError.single(
            "request.set_not_integer", "set", None, {"name": _api_name(name), "value": repr(value)}
        )
    try:
        parsed = json.loads(value)
    except (ValueError, RecursionError) as error:
        if "Sequence[str]" in kinds and not value.lstrip().startswith(("[", "{")):
            return [item.strip() for item in value.split(",") if item.strip()]
        deep = isinstance(error, RecursionError)
        kind = "request.set_too_deep" if deep else "request.set_not_json"
        raise ValidationError.single(kind, "set", None, {"name": _api_name(name)}) from None
    if not _fits(parsed, annotation):
        shown = value if len(value) <= 60 else value[:60] + "…"
        params = {"name": _api_name(name), "expected": _described(annotation), "value": shown}
        raise ValidationError.single("request.set_shape", "set", None, params)
    return parsed


# What each annotation of the builders' parameters admits from JSON, and says it admits.
_SCALARS: Final[dict[str, tuple[tuple[type, ...], str]]] = {
    "str": ((str,), "text"), "datetime": ((str,), "text"), "EncodingChoice": ((str,), "text"),
    "Language": ((str,), "text"), "Gender": ((str,), "text"), "int": ((int,), "a whole number"),
    "bool": ((bool,), "true or false"), "float": ((int, float), "a number"),
    "Decimal": ((int, float), "a number"), "None": ((type(None),), "null"),
}  # fmt: skip


def _inner(member: str, container: str) -> str | None:
    return member[len(container) + 1 : -1] if member.startswith(container + "[") else None


def _fits(value: object, annotation: str) -> bool:
    """Whether the JSON ``value`` has the shape ``annotation`` (``Sequence[Mapping[str, str]] |
    None`` …) describes; JSON numbers pass where text is expected, as the API reads them."""
    for member in _union(annotation):
        items, mapping = _inner(member, "Sequence"), _inner(member, "Mapping")
        if items is not None:
            if isinstance(value, list) and all(_fits(item, items) for item in value):
                return True
        elif mapping is not None:
            values = mapping.split(",", 1)[1]
            if isinstance(value, dict) and all(_fits(v, values) for v in value.values()):
                return True
        elif member in _SCALARS:
            kinds, _ = _SCALARS[member]
            if isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds):
                return True
            if member == "str" and isinstance(value, int | float) and not isinstance(value, bool):
                return True
    return False


def _described(annotation: str) -> str:
    """``Sequence[Mapping[str, str]] | None`` → ``a list of (objects of text)``."""
    shown = []
    for member in sorted(_union(annotation) - {"None"}):
        items, mapping = _inner(member, "Sequence"), _inner(member, "Mapping")
        if items is not None:
            shown.append(f"a list of ({_described(items)})")
        elif mapping is not None:
            shown.append(f"an object of ({_described(mapping.split(',', 1)[1])})")
        else:
            shown.append(_SCALARS.get(member, ((), member))[1])
    return " or ".join(shown)


def _union(annotation: str) -> set[str]:
    """The members of a ``A | B[C | D]`` annotation at the top level."""
    members, depth, current = set(), 0, ""
    for char in annotation:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "|" and depth == 0:
            members.add(current.strip())
            current = ""
        else:
            current += char
    members.add(current.strip())
    return members


def _extra(pairs: list[str] | None, builder: Any) -> dict[str, Any]:
    """``--set name=value`` pairs (API or Python names), typed as the builder's parameters."""
    parameters = inspect.signature(builder).parameters
    accepted = [n for n in parameters if n not in _FROM_OPTIONS and n != "now"]
    found: dict[str, Any] = {}
    for pair in pairs or ():
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ValidationError.single(
                "option.not_a_pair", "set", None, {"value": repr(pair), "usage": "--set name=value"}
            )
        python = _python_name(name.strip())
        if python not in accepted:
            names = ", ".join(_api_name(n) for n in accepted)
            raise ValidationError.single(
                "request.unknown_field", "set", None, {"name": repr(name), "allowed": names}
            )
        found[python] = _typed(python, value, str(parameters[python].annotation))
    return found


def _require(builder: Any, given: dict[str, Any]) -> None:
    """Every field the request needs, named as the API names it, before building."""
    missing = [
        name
        for name, parameter in inspect.signature(builder).parameters.items()
        if parameter.default is inspect.Parameter.empty and name not in given
    ]
    if missing:
        how = {"sender": "--from", "from_email": "--from", "message": "--message"}
        shown = ", ".join(how.get(n, f"--set {_api_name(n)}=…") for n in missing)
        raise ValidationError.single("request.needs", "request", None, {"options": shown})


def _message(args: argparse.Namespace) -> str:
    if args.message is None:
        raise ValidationError.single("request.no_message", "message")
    return text_argument(str(args.message))


def _build(args: argparse.Namespace) -> Any:
    from nrscompose.providers import nrs

    credentials = nrs.Credentials(
        os.environ.get("NRS_USERNAME", "USERNAME"),
        os.environ.get("NRS_API_PASSWORD", "API_PASSWORD"),
    )
    to = args.to or []
    builder: Any
    given: dict[str, Any] = {"credentials": credentials, "to": to}
    if args.kind in ("sms", "landing"):
        builder = nrs.sms if args.kind == "sms" else nrs.landing_sms
        given.update(sender=args.sender or "", message=_message(args), trans=args.trans)
    elif args.kind == "mail":
        builder = nrs.mailing
        given["body"] = _message(args)
        if args.sender is not None:
            given["from_email"] = args.sender
    elif args.kind == "voice":
        builder = nrs.voice
        given["message"] = _message(args)
    else:
        builder = nrs.whatsapp
        given.pop("to")
        given.update(
            sender=args.sender or "", messages=[nrs.WhatsAppMessage(number) for number in to]
        )
    given.update(_extra(args.set, builder))
    _require(builder, given)
    return builder(**given)


def _curl(request: HttpRequest, show_secret: bool) -> str:
    words = ["curl", "-X", request.method, request.url]
    for name, value in request.shown_headers(show_secrets=show_secret):
        words += ["-H", f"{name}: {value}"]
    if request.body:
        words += ["--data-raw", request.body.decode("utf-8")]
    return " ".join(shlex.quote(word) for word in words)


def _cmd_request(args: argparse.Namespace, out: TextIO) -> int:
    request = _build(args)
    if args.curl:
        print(_curl(request, args.show_secret), file=out)
        return 0
    json.dump(request.as_json(show_secrets=args.show_secret), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "request", help="print the API request for a message (JSON or curl); sends nothing"
    )
    parser.add_argument("kind", choices=_KINDS)
    parser.add_argument("--to", action="append", help="recipient (repeat for several)")
    parser.add_argument(
        "--from", dest="sender", help="sender (SMS, Landing, WhatsApp) or email address (mail)"
    )
    parser.add_argument("--message", help="text or @FILE (email: the HTML body)")
    parser.add_argument("--trans", action="store_true")
    parser.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        help="any other field of the request, by its API name or Python name, e.g. "
        "--set campaignName=Spring --set scheduleDate=20261201120000 (typed as the "
        "field: text, number, true/false; lists and objects as JSON)",
    )
    parser.add_argument("--curl", action="store_true", help="print a curl command")
    parser.add_argument(
        "--show-secret", action="store_true", help="print the Authorization header unmasked"
    )
    parser.set_defaults(run=_cmd_request)
