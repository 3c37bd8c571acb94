"""``request``: print the 360nrs API request a message would be sent as (nothing is sent).

Credentials come from ``NRS_USERNAME`` and ``NRS_API_PASSWORD`` (placeholders when unset, so
the request's shape can be seen without them); the secret is masked unless ``--show-secret``.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
from pathlib import Path
from typing import Any, TextIO

from nrscompose.errors import ValidationError

__all__ = ["register"]

_KINDS = ("sms", "landing", "mail", "voice", "whatsapp")


def _extra(pairs: list[str] | None) -> dict[str, Any]:
    """``--set name=value`` pairs; a value that parses as JSON is taken as JSON."""
    found: dict[str, Any] = {}
    for pair in pairs or ():
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ValidationError.single(
                "value.invalid", "set", None, {"detail": f"{pair!r}: use --set name=value"}
            )
        try:
            found[name] = json.loads(value)
        except json.JSONDecodeError:
            found[name] = value
    return found


def _message(args: argparse.Namespace) -> str:
    if args.message is None:
        raise ValidationError.single(
            "value.invalid", "message", None, {"detail": "give --message TEXT (or @FILE)"}
        )
    if args.message.startswith("@"):
        return Path(args.message[1:]).read_text(encoding="utf-8").rstrip("\n")
    return str(args.message)


def _build(args: argparse.Namespace) -> Any:
    from nrscompose.providers import nrs

    credentials = nrs.Credentials(
        os.environ.get("NRS_USERNAME", "USERNAME"),
        os.environ.get("NRS_API_PASSWORD", "API_PASSWORD"),
    )
    extra = _extra(args.set)
    to = args.to or []
    if args.kind in ("sms", "landing"):
        builder = nrs.sms if args.kind == "sms" else nrs.landing_sms
        return builder(
            credentials=credentials,
            to=to,
            sender=args.sender or "",
            message=_message(args),
            trans=args.trans,
            **extra,
        )
    if args.kind == "mail":
        return nrs.mailing(credentials=credentials, to=to, body=_message(args), **extra)
    if args.kind == "voice":
        return nrs.voice(credentials=credentials, to=to, message=_message(args), **extra)
    messages = [nrs.WhatsAppMessage(number) for number in to]
    return nrs.whatsapp(
        credentials=credentials, sender=args.sender or "", messages=messages, **extra
    )


def _curl(request: Any, show_secret: bool) -> str:
    words = ["curl", "-X", request.method, request.url]
    for name, value in request.headers:
        shown = value if show_secret or name.lower() != "authorization" else "Basic ***"
        words += ["-H", f"{name}: {shown}"]
    if request.body:
        words += ["--data-raw", request.body.decode("utf-8")]
    return " ".join(shlex.quote(word) for word in words)


def _cmd_request(args: argparse.Namespace, out: TextIO) -> int:
    try:
        request = _build(args)
    except TypeError as error:  # a --set name the builder does not take
        raise ValidationError.single("value.invalid", "set", None, {"detail": str(error)}) from None
    if args.curl:
        print(_curl(request, args.show_secret), file=out)
        return 0
    headers = {
        name: value if args.show_secret or name.lower() != "authorization" else "Basic ***"
        for name, value in request.headers
    }
    json.dump(
        {"method": request.method, "url": request.url, "headers": headers, "body": request.json()},
        out,
        ensure_ascii=False,
        indent=2,
    )
    out.write("\n")
    return 0


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "request", help="print the API request for a message (JSON or curl); sends nothing"
    )
    parser.add_argument("kind", choices=_KINDS)
    parser.add_argument("--to", action="append", help="recipient (repeat for several)")
    parser.add_argument("--from", dest="sender", help="sender (SMS, Landing, WhatsApp)")
    parser.add_argument("--message", help="text or @FILE (email: the HTML body)")
    parser.add_argument("--trans", action="store_true")
    parser.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        help="any other builder argument, e.g. --set campaign_name=Spring "
        "--set subject='\"Hi\"' (JSON values accepted)",
    )
    parser.add_argument("--curl", action="store_true", help="print a curl command")
    parser.add_argument(
        "--show-secret", action="store_true", help="print the Authorization header unmasked"
    )
    parser.set_defaults(run=_cmd_request)
