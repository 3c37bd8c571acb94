"""``window``: may a message go to a number at a given time, under which send-window rule."""

from __future__ import annotations

import argparse
import json
from datetime import UTC
from typing import TextIO

from nrscompose.cli._arguments import Commands, add_category_option, parse_when

__all__ = ["register"]


def _cmd_window(args: argparse.Namespace, out: TextIO) -> int:
    from nrscompose._rules import windows

    at = parse_when(args.at or "now")
    assert at is not None
    decision = windows.check(args.number, at, args.category, zone=args.zone)
    if args.json:
        json.dump(decision.as_json(), out, indent=2)
        out.write("\n")
        return 0
    zones = ", ".join(decision.zones) or "unknown zone"
    when = "now" if args.at in (None, "now") else f"at {args.at}"  # "now" misread a given time
    verdict = f"allowed {when}" if decision.allowed else f"not allowed {when}"
    print(f"{args.number} ({decision.country}, {zones}): {args.category} SMS {verdict}", file=out)
    if not decision.allowed:
        local = decision.next_allowed
        print(
            f"next allowed: {local:%A %Y-%m-%d %H:%M} {local.tzname()} "
            f"({local.astimezone(UTC):%Y-%m-%d %H:%M} UTC)",
            file=out,
        )
    for rule in decision.blocked_by or decision.rules:
        print(f"rule {rule.name}: {rule.source} (confidence {rule.confidence})", file=out)
    if not decision.rules:
        print("no send-window rule applies", file=out)
    return 0


def register(commands: Commands) -> None:
    window = commands.add_parser("window", help="may a marketing SMS go to NUMBER now?")
    window.add_argument("number")
    window.add_argument("--at", help="ISO 8601 with offset (default: now)")
    add_category_option(window)
    window.add_argument("--zone", help="the recipient's IANA time zone, if known")
    window.add_argument("--json", action="store_true")
    window.set_defaults(run=_cmd_window)
