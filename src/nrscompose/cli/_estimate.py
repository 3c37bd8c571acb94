"""``render``, ``estimate`` and ``window``: templates, campaigns and send windows."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from nrscompose.destinations import WHY
from nrscompose.errors import ValidationError

__all__ = ["register"]


def _text_argument(value: str) -> str:
    if value.startswith("@"):
        return Path(value[1:]).read_text(encoding="utf-8").rstrip("\n")
    return value


def parse_when(value: str | None) -> datetime | None:
    """``now`` or an ISO 8601 time with its UTC offset; a naive time is refused."""
    if value is None:
        return None
    if value == "now":
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError.single(
            "value.invalid",
            "at",
            None,
            {"detail": f"{value!r} is not an ISO 8601 time such as 2026-11-29T14:00+01:00"},
        ) from None
    if moment.utcoffset() is None:
        raise ValidationError.single(
            "value.invalid",
            "at",
            None,
            {"detail": f"{value!r} has no UTC offset: add one, e.g. {value}+01:00 or {value}Z"},
        )
    return moment


def _values(args: argparse.Namespace) -> dict[str, str]:
    values: dict[str, str] = {}
    if args.values:
        loaded = json.loads(Path(args.values).read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            raise ValidationError.single(
                "value.invalid",
                "values",
                None,
                {"detail": f"{args.values}: expected a JSON object"},
            )
        values.update({str(k): v for k, v in loaded.items()})
    for pair in args.var or ():
        name, sep, value = pair.partition("=")
        if not sep:
            raise ValidationError.single(
                "value.invalid", "var", None, {"detail": f"{pair!r}: use --var name=value"}
            )
        values[name] = value
    return values


def _cmd_render(args: argparse.Namespace, out: TextIO) -> int:
    from nrscompose.analysis import analyze
    from nrscompose.template import Template, analyze_template

    template = Template(_text_argument(args.template))
    if args.range:
        lengths = {}
        for pair in args.max_length or ():
            name, _, size = pair.partition("=")
            lengths[name] = int(size)
        found = analyze_template(
            template,
            max_lengths=lengths,
            default_max_length=args.default_max_length,
            trans=args.trans,
            profile=args.profile,
            channel=args.channel,
        )
        print(f"best case:  {found.best.encoding}, {found.best.parts} part(s)", file=out)
        print(f"worst case: {found.worst.encoding}, {found.worst.parts} part(s)", file=out)
        return 0
    text = template.preview(_values(args), lenient=args.lenient)
    analysis = analyze(text, trans=args.trans, profile=args.profile, channel=args.channel)
    print(text, file=out)
    print(
        f"{analysis.encoding}: {analysis.parts} part(s), {analysis.units} units, "
        f"{analysis.remaining} left in the last part",
        file=out,
    )
    return 0


def _money(amounts: dict[str, Any]) -> str:
    return ", ".join(f"{currency} {amount}" for currency, amount in amounts.items()) or "-"


def _print_report(report: Any, out: TextIO) -> None:
    print(
        f"{report.recipients} recipients: {report.valid} valid, {report.invalid} invalid", file=out
    )
    print(f"parts: {report.parts}   cost: {_money(report.cost)}", file=out)
    if report.unpriced:
        missing = ", ".join(f"{country} ({n})" for country, n in report.unpriced.items())
        print(f"no price for: {missing}", file=out)
    print("\nby country:", file=out)
    for country, entry in report.by_country.items():
        print(
            f"  {country:3} {entry['recipients']:8} recipients {entry['parts']:9} parts  "
            f"{_money(entry['cost'])}",
            file=out,
        )
    print("by encoding:", file=out)
    for encoding, counts in report.by_encoding.items():
        print(
            f"  {encoding:7} {counts['recipients']:8} recipients {counts['parts']:9} parts",
            file=out,
        )
    if report.held:
        print(f"\nheld by send windows at {report.at.isoformat()}:", file=out)
        for moment, count in report.held.items():
            until = datetime.fromisoformat(moment).astimezone(UTC)
            print(f"  {count:8} until {until:%a %Y-%m-%d %H:%M} UTC", file=out)
    if report.invalid:
        print("\ninvalid recipients:", file=out)
        for reason, count in report.invalid_reasons.items():
            print(f"  {count:8} {WHY.get(reason, reason)}", file=out)
        for row in report.invalid_sample[:5]:
            print(f"           e.g. row {row.row}: {row.number!r}", file=out)
    _print_expensive(report, out)


def _print_expensive(report: Any, out: TextIO) -> None:
    if not report.most_expensive:
        return
    print("\nmost expensive recipients:", file=out)
    for row in report.most_expensive[:5]:
        cost = f"{row.currency} {row.cost}" if row.cost is not None else "no price"
        plural = "" if row.parts == 1 else "s"
        line = f"  row {row.row}: {row.country} {row.encoding} {row.parts} part{plural}, {cost}"
        if row.offending:
            line += f"; not GSM: {' '.join(row.offending)}"
        suggestion = report.suggestions.get(row.row)
        if suggestion:
            changes = ", ".join(f"{a}→{b}" for a, b in suggestion["replace"].items())
            line += f" (replace {changes}: saves {suggestion['parts_saved']} part(s))"
        print(line, file=out)


def _write_csv(report: Any, path: str) -> None:
    with Path(path).open("w", newline="", encoding="utf-8") as target:
        writer = csv.writer(target)
        writer.writerow(["section", "key", "recipients", "parts", "cost"])
        for country, entry in report.by_country.items():
            writer.writerow(
                ["country", country, entry["recipients"], entry["parts"], _money(entry["cost"])]
            )
        for encoding, counts in report.by_encoding.items():
            writer.writerow(["encoding", encoding, counts["recipients"], counts["parts"], ""])
        for moment, count in report.held.items():
            writer.writerow(["held_until", moment, count, "", ""])
        for reason, count in report.invalid_reasons.items():
            writer.writerow(["invalid", reason, count, "", ""])


class _Progress:
    """A one-line progress count on stderr, for terminals only; silent for small inputs."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.shown = False

    def __call__(self, rows: int) -> None:
        self.err.write(f"\r{rows:,} recipients estimated…")
        self.err.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.err.write("\n")


def _cmd_estimate(args: argparse.Namespace, out: TextIO) -> int:
    from nrscompose.campaign import CampaignPlan, estimate_file
    from nrscompose.pricing import PriceList
    from nrscompose.template import Template

    plan = CampaignPlan(
        Template(_text_argument(args.template)),
        phone_field=args.phone_field,
        prices=PriceList.load(args.prices) if args.prices else None,
        category=args.category,
        at=parse_when(args.at),
        profile=args.profile,
        trans=args.trans,
        channel=args.channel,
        lenient=args.lenient,
    )
    progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
    report = estimate_file(args.csv, plan, jobs=args.jobs, progress=progress)
    if progress is not None:
        progress.done()
    if args.json:
        json.dump(report.as_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_report(report, out)
    if args.csv_out:
        _write_csv(report, args.csv_out)
    return 0


def _cmd_window(args: argparse.Namespace, out: TextIO) -> int:
    from nrscompose import windows

    at = parse_when(args.at or "now")
    assert at is not None
    decision = windows.check(args.number, at, args.category, zone=args.zone)
    if args.json:
        json.dump(decision.as_json(), out, indent=2)
        out.write("\n")
        return 0
    zones = ", ".join(decision.zones) or "unknown zone"
    verdict = "allowed now" if decision.allowed else "not allowed now"
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


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--trans", action="store_true", help="count as with trans=1")
    parser.add_argument("--profile", default="360nrs")
    parser.add_argument("--channel", default="sms", choices=["sms", "landing"])
    parser.add_argument(
        "--lenient", action="store_true", help="render missing values empty instead of failing"
    )


def register(commands: Any) -> None:
    render = commands.add_parser("render", help="fill a template and count the result")
    render.add_argument("template", help="template text or @FILE")
    render.add_argument("--var", action="append", metavar="NAME=VALUE")
    render.add_argument("--values", metavar="FILE", help="JSON object of values")
    render.add_argument(
        "--range", action="store_true", help="best and worst case when the values are unknown"
    )
    render.add_argument("--max-length", action="append", metavar="NAME=N")
    render.add_argument("--default-max-length", type=int, default=None)
    _common(render)
    render.set_defaults(run=_cmd_render)

    estimate = commands.add_parser("estimate", help="cost and reach of a campaign CSV")
    estimate.add_argument("csv", help="recipients CSV with a header line")
    estimate.add_argument("--template", required=True, help="message text or @FILE")
    estimate.add_argument("--prices", metavar="FILE", help="coverage JSON (GET sms/coverage)")
    estimate.add_argument(
        "--category", default="marketing", choices=["marketing", "transactional", "collection"]
    )
    estimate.add_argument("--at", help="send time: ISO 8601 with offset, or 'now'")
    estimate.add_argument("--jobs", type=int, default=1, help="worker processes")
    estimate.add_argument("--phone-field", default="phone")
    estimate.add_argument("--json", action="store_true", help="the stable JSON report")
    estimate.add_argument("--csv", dest="csv_out", metavar="OUT", help="also write a CSV summary")
    _common(estimate)
    estimate.set_defaults(run=_cmd_estimate)

    window = commands.add_parser("window", help="may a marketing SMS go to NUMBER now?")
    window.add_argument("number")
    window.add_argument("--at", help="ISO 8601 with offset (default: now)")
    window.add_argument(
        "--category", default="marketing", choices=["marketing", "transactional", "collection"]
    )
    window.add_argument("--zone", help="the recipient's IANA time zone, if known")
    window.add_argument("--json", action="store_true")
    window.set_defaults(run=_cmd_window)
