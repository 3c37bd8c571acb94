"""``request``: print the 360nrs API request a message would be sent as (nothing is sent).

Credentials come from ``NRS_USERNAME`` and ``NRS_API_PASSWORD`` (placeholders when unset, so
the request's shape can be seen without them); the secret is masked unless ``--show-secret``.
``--set NAME=VALUE`` values are typed by the builders' field table
(:mod:`nrscompose.providers.nrs.fields`): what each field is called and the kind of value it takes.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
from typing import TYPE_CHECKING, Any, Final, TextIO

from nrscompose._base.errors import ValidationError
from nrscompose.cli._arguments import Commands, text_argument

# The builders and their field table load when a request is built, not for every command.
if TYPE_CHECKING:
    from nrscompose._base.http import HttpRequest
    from nrscompose.providers.nrs.fields import Field

__all__ = ["register"]

# The command's kinds of request → the builder of each (its name in the field table).
_BUILDERS: Final = {
    "sms": "sms", "landing": "landing_sms", "mail": "mailing", "voice": "voice",
    "whatsapp": "whatsapp",
}  # fmt: skip
# Filled from the command's own options, not from --set.
_FROM_OPTIONS: Final = frozenset({"to", "sender", "message", "body", "messages"})


def _typed(field: Field, value: str) -> Any:
    """``value`` as the field's kind: text stays text (a date such as 20261201120000 is not
    a number), numbers and booleans are parsed, lists and objects are JSON."""
    kinds = field.kind.alternatives
    json_like = value.lstrip().startswith(("[", "{"))
    container = any(kind.name in ("list", "object") for kind in kinds)
    if any(kind.textual for kind in kinds) and not (container and json_like):
        return value
    params = {"name": field.api_name, "value": repr(value)}
    if field.kind.name == "true_false":
        if value.lower() in ("true", "1", "yes"):
            return True
        if value.lower() in ("false", "0", "no"):
            return False
        raise ValidationError.single("request.set_not_bool", "set", None, params)
    if field.kind.name == "whole_number":
        if value.strip().lstrip("-").isdecimal() and len(value) <= 18:
            return int(value)
        raise ValidationError.single("request.set_not_integer", "set", None, params)
    return _json_value(field, value, json_like)


def _json_value(field: Field, value: str, json_like: bool) -> Any:
    try:
        parsed = json.loads(value)
    except (ValueError, RecursionError) as error:
        if _text_list(field) and not json_like:  # --set tags=spring,sale
            return [item.strip() for item in value.split(",") if item.strip()]
        deep = isinstance(error, RecursionError)
        kind = "request.set_too_deep" if deep else "request.set_not_json"
        raise ValidationError.single(kind, "set", None, {"name": field.api_name}) from None
    if not (field.kind.admits(parsed) or (parsed is None and not field.required)):
        shown = value if len(value) <= 60 else value[:60] + "…"
        params = {"name": field.api_name, "expected": field.kind.describe(), "value": shown}
        raise ValidationError.single("request.set_shape", "set", None, params)
    return parsed


def _text_list(field: Field) -> bool:
    """Whether the field may be a list of text (which may be given comma-separated)."""
    kinds = field.kind.alternatives
    return any(kind.name == "list" and kind.of[0].name == "text" for kind in kinds)


def _extra(pairs: list[str] | None, builder: str) -> dict[str, Any]:
    """``--set name=value`` pairs (API or Python names), typed as the builder's fields."""
    from nrscompose.providers.nrs.fields import find

    found: dict[str, Any] = {}
    for pair in pairs or ():
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ValidationError.single(
                "option.not_a_pair", "set", None, {"value": repr(pair), "usage": "--set name=value"}
            )
        field = find(builder, name.strip())
        if field is None or field.python_name in _FROM_OPTIONS:
            names = ", ".join(f.api_name for f in _settable(builder))
            raise ValidationError.single(
                "request.unknown_field", "set", None, {"name": repr(name), "allowed": names}
            )
        found[field.python_name] = _typed(field, value)
    return found


def _settable(builder: str) -> list[Field]:
    from nrscompose.providers.nrs.fields import FIELDS

    return [field for field in FIELDS[builder] if field.python_name not in _FROM_OPTIONS]


def _require(builder: str, given: dict[str, Any]) -> None:
    """Every field the request needs, named as the API names it, before building."""
    from nrscompose.providers.nrs.fields import FIELDS

    missing = [f for f in FIELDS[builder] if f.required and f.python_name not in given]
    if missing:
        how = {"sender": "--from", "from_email": "--from", "message": "--message"}
        shown = ", ".join(how.get(f.python_name, f"--set {f.api_name}=…") for f in missing)
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
    given: dict[str, Any] = {"credentials": credentials, "to": to}
    if args.kind in ("sms", "landing"):
        given.update(sender=args.sender or "", message=_message(args), trans=args.trans)
    elif args.kind == "mail":
        given["body"] = _message(args)
        if args.sender is not None:
            given["from_email"] = args.sender
    elif args.kind == "voice":
        given["message"] = _message(args)
    else:
        given.pop("to")
        given.update(
            sender=args.sender or "", messages=[nrs.WhatsAppMessage(number) for number in to]
        )
    builder = _BUILDERS[args.kind]
    given.update(_extra(args.set, builder))
    _require(builder, given)
    return getattr(nrs, builder)(**given)


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


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "request", help="print the API request for a message (JSON or curl); sends nothing"
    )
    parser.add_argument("kind", choices=list(_BUILDERS))
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
