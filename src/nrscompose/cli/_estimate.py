"""``render``, ``estimate`` and ``window``: templates, campaigns and send windows."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from nrscompose._base.csv_cells import NeutralizingWriter
from nrscompose._base.errors import ArgumentError, ValidationError
from nrscompose._base.input_files import read_bounded_text
from nrscompose._base.json_files import read_json
from nrscompose._counting.profiles import PROFILES
from nrscompose.campaign.recipient_files import describe_delimiter
from nrscompose.cli._content import (
    add_content_options,
    content_problems,
    print_content_problems,
    print_content_rules,
)

if TYPE_CHECKING:
    from nrscompose.campaign import CampaignPlan, RecipientEstimate, Report

__all__ = ["register"]


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


def _values(args: argparse.Namespace) -> dict[str, str]:
    values: dict[str, str] = {}
    if args.values:
        loaded = read_json(args.values, "values")
        if not isinstance(loaded, dict):
            raise ValidationError.single(
                "values.not_object", "values", None, {"file": str(args.values)}
            )
        values.update({str(k): v for k, v in loaded.items()})
    for pair in args.var or ():
        name, sep, value = pair.partition("=")
        if not sep:
            raise ValidationError.single(
                "option.not_a_pair", "var", None, {"value": repr(pair), "usage": "--var name=value"}
            )
        values[name] = value
    return values


def _refuse_unknown_values(values: Mapping[str, str], template: Any) -> None:
    """A value for a name the template lacks, while a placeholder has no value: a typo
    (``--var nme=Ana`` for ``{name}``), named with the placeholder it was meant for."""
    from difflib import get_close_matches

    names = [p.name for p in template.placeholders if not p.reserved]
    missing = [name for name in names if name not in values]
    for given in values:
        if given in names or not missing:
            continue
        close = get_close_matches(given, missing, n=1, cutoff=0.6)
        if close:
            raise ValidationError.single(
                "template.unknown_value", "var", None,
                {"name": repr(given), "suggestion": "{" + close[0] + "}"},
            )  # fmt: skip


def _cmd_render(args: argparse.Namespace, out: TextIO) -> int:
    from nrscompose._composition.template import Template, analyze_template
    from nrscompose._counting.analysis import analyze

    template = Template(text_argument(args.template))
    if args.range:
        lengths = _max_lengths(args.max_length)
        _refuse_unknown_names(lengths, template.names)
        found = analyze_template(
            template,
            max_lengths=lengths,
            default_max_length=args.default_max_length,
            trans=args.trans,
            profile=args.profile,
            channel=args.channel,
        )
        print(f"best case:  {found.best.encoding}, {_parts(found.best.parts)}", file=out)
        print(f"worst case: {found.worst.encoding}, {_parts(found.worst.parts)}", file=out)
        return 0
    values = _values(args)
    _refuse_unknown_values(values, template)
    text = template.preview(values, lenient=args.lenient)
    analysis = analyze(text, trans=args.trans, profile=args.profile, channel=args.channel)
    print(text, file=out)
    print(
        f"{analysis.encoding}: {_parts(analysis.parts)}, {analysis.units} units, "
        f"{analysis.remaining} left in the last part",
        file=out,
    )
    print_content_problems(content_problems(text, args), out)
    return 0


def _parts(count: int) -> str:
    return f"{count} part" if count == 1 else f"{count} parts"


def _refuse_unknown_names(lengths: Mapping[str, int], names: Iterable[str]) -> None:
    """A length for a name the template lacks (a typo) would leave the real placeholder at
    the default length: a worst case too low, with nothing said."""
    known = list(names)
    for name in lengths:
        if name not in known:
            from difflib import get_close_matches

            close = get_close_matches(name, known, n=1, cutoff=0.6)
            if close:
                raise ValidationError.single(
                    "template.unknown_value", "max-length", None,
                    {"name": repr(name), "suggestion": close[0]},
                )  # fmt: skip
            raise ValidationError.single("template.unknown_name", "max-length", None,
                                         {"name": repr(name)})  # fmt: skip


def _max_lengths(pairs: list[str] | None) -> dict[str, int]:
    lengths = {}
    for pair in pairs or ():
        name, sep, size = pair.partition("=")
        if not sep or not name or not (size.isascii() and size.isdecimal()) or len(size) > 9:
            raise ValidationError.single(
                "option.not_a_pair", "max-length", None,
                {"value": repr(pair), "usage": "--max-length NAME=N with N a whole number, e.g. "
                 "name=20"},
            )  # fmt: skip
        lengths[name] = int(size)
    return lengths


def _money(amounts: Mapping[str, Decimal]) -> str:
    return ", ".join(f"{currency} {amount}" for currency, amount in amounts.items()) or "-"


def _where(row: RecipientEstimate, lines: bool) -> str:
    place = f"line {row.row}" if lines else f"row {row.row}"
    return f"{row.source} {place}" if row.source else place


def _print_inputs(report: Report, out: TextIO) -> None:
    for found in report.inputs:
        if found.format == "csv" and found.delimiter is not None:
            how = f"{found.encoding}, {describe_delimiter(found.delimiter)}-separated"
        else:
            how = f"{_WORKBOOKS.get(found.format, 'workbook')} sheet {found.sheet!r}"
        if found.header_line != 1:
            how += f", header on line {found.header_line}"
        print(f"{found.file}: {how}; phone numbers from column {found.phone_field!r}", file=out)


_WORKBOOKS = {"xlsx": "Excel", "xls": "Excel 97-2003", "xlsb": "Excel binary",
              "ods": "OpenDocument"}  # fmt: skip


def _count(number: int, thing: str) -> str:
    """ "1 recipient", "1,000 recipients": thousands separated as in the progress line."""
    return f"{number:,} {thing}" if number == 1 else f"{number:,} {thing}s"


def _print_report(report: Report, out: TextIO, plan: CampaignPlan) -> None:
    lines = bool(report.inputs)
    _print_inputs(report, out)
    skipped = report.blank_lines
    blank = f"; {_count(skipped, 'blank line')} skipped" if skipped else ""
    print(
        f"{_count(report.rows_read, 'row')} read: "
        f"{report.valid:,} valid, {report.invalid:,} invalid{blank}",
        file=out,
    )
    _print_numbers(report, out, plan, lines)
    print(f"parts: {report.parts}   cost: {_money(report.cost)}", file=out)
    if report.unpriced:
        missing = ", ".join(f"{country} ({n})" for country, n in report.unpriced.items())
        print(f"no price for: {missing}", file=out)
    print("\nby country:", file=out)
    for country, totals in report.by_country.items():
        print(
            f"  {country:3} {totals.recipients:8,} {_noun(totals.recipients, 'recipient'):10} "
            f"{totals.parts:9,} {_noun(totals.parts, 'part'):5}  {_money(totals.cost)}",
            file=out,
        )
    print("by encoding:", file=out)
    for encoding, counted in report.by_encoding.items():
        print(
            f"  {encoding:7} {counted.recipients:8,} {_noun(counted.recipients, 'recipient'):10} "
            f"{counted.parts:9,} {_noun(counted.parts, 'part')}",
            file=out,
        )
    if report.held and report.at is not None:
        print(f"\nheld by send windows at {report.at.isoformat()}:", file=out)
        for moment, count in report.held.items():
            until = datetime.fromisoformat(moment).astimezone(UTC)
            print(f"  {count:8} until {until:%a %Y-%m-%d %H:%M} UTC", file=out)
    if report.invalid:
        print("\ninvalid recipients:", file=out)
        for reason, count in report.invalid_reasons.items():
            print(f"  {count:8} {report.reason_label(reason)}", file=out)
            # under its own reason: a sample listed after all of them read as the last one's
            sample = [r for r in report.invalid_sample if (r.reason or "invalid") == reason]
            for row in sample[:2]:
                parts = f" ({_parts(row.parts)})" if row.parts else ""
                print(f"           e.g. {_where(row, lines)}: {row.number!r}{parts}", file=out)
    _print_expensive(report, out, plan, lines)
    print_content_rules(report, out)


def _noun(number: int, thing: str) -> str:
    return thing if number == 1 else thing + "s"


def _print_numbers(report: Report, out: TextIO, plan: CampaignPlan, lines: bool) -> None:
    """National numbers completed, repeated numbers and how they were counted."""
    if report.national_numbers:
        where = f"as {plan.default_country}" if plan.default_country else "by country"
        if plan.country_field:
            where = f"by column {plan.country_field!r}"
            if plan.default_country:
                where += f", else as {plan.default_country}"
        print(
            f"{_count(report.national_numbers, 'national number')} read {where}, "
            "country code added",
            file=out,
        )
    if report.duplicates:
        how = (
            "left out with --dedupe"
            if report.deduplicated
            else "counted as sent; --dedupe keeps the first row of each number"
        )
        samples = "; ".join(_escaped(row.describe()) for row in report.duplicate_samples[:3])
        more = ", …" if report.duplicates > 3 else ""
        verb = "repeats" if report.duplicates == 1 else "repeat"
        print(
            f"{_count(report.duplicates, 'row')} {verb} an earlier number ({how}): {samples}{more}",
            file=out,
        )


def _escaped(text: str) -> str:
    """``text`` with control and invisible characters written as escapes (\\x00, \\u200d):
    printed raw, they would hide or garble what the line says."""
    return "".join(_escape(char) for char in text)


def _escape(char: str) -> str:
    import unicodedata

    if char.isprintable() and unicodedata.category(char) not in ("Cf", "Zl", "Zp"):
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _kept_out(text: str, plan: CampaignPlan) -> str:
    """Which characters kept ``text`` out of each cheaper encoding, e.g. "out of gsm: ë á;
    out of gsm-pt: ¡" (a character may keep it out of one and not the other)."""
    from nrscompose._counting.analysis import analyze

    analysis = analyze(text, trans=plan.trans, profile=plan.profile, channel=plan.channel)
    by_encoding: dict[str, list[str]] = {}
    for item in analysis.offending:
        for encoding in item.excluded_from:
            chars = by_encoding.setdefault(encoding, [])
            if item.char not in chars:
                chars.append(item.char)
    return "; ".join(
        f"out of {name}: {' '.join(_escaped(c) for c in chars)}"
        for name, chars in by_encoding.items()
    )


def _print_expensive(report: Report, out: TextIO, plan: CampaignPlan, lines: bool) -> None:
    if not report.most_expensive:
        return
    print("\nmost expensive recipients:", file=out)
    for row in report.most_expensive[:5]:
        cost = f"{row.currency} {row.cost}" if row.cost is not None else "no price"
        line = f"  {_where(row, lines)}: {row.country} {row.encoding} {_parts(row.parts)}, {cost}"
        if row.offending:
            line += f"; {_kept_out(row.text, plan)}"
        suggestion = report.suggestion_for(row)
        if suggestion is not None:
            changes = ", ".join(
                f"{_escaped(a)}→{_escaped(b)}" for a, b in suggestion.replace.items()
            )
            line += f" (replace {changes}: saves {_parts(suggestion.parts_saved)})"
        print(line, file=out)


def _write_csv(report: Report, path: str) -> None:
    with Path(path).open("w", newline="", encoding="utf-8") as target:
        writer = NeutralizingWriter(csv.writer(target))  # no cell a spreadsheet runs
        writer.writerow(["section", "key", "recipients", "parts", "cost"])
        for country, totals in report.by_country.items():
            writer.writerow(
                ["country", country, totals.recipients, totals.parts, _money(totals.cost)]
            )
        for encoding, counted in report.by_encoding.items():
            writer.writerow(["encoding", encoding, counted.recipients, counted.parts, ""])
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


def max_invalid(value: str) -> tuple[float, bool]:
    """``N`` (recipients) or ``N%`` (of rows read) for ``--max-invalid``."""
    text = value.strip()
    percent = text.endswith("%")
    number = text[:-1] if percent else text
    try:
        limit = float(number) if percent else int(number)
    except ValueError:
        limit = -1
    if not 0 <= limit <= (100 if percent else float("inf")) or limit != limit:
        raise argparse.ArgumentTypeError(f"{value!r}: give a count (e.g. 10) or a percentage (2%)")
    return limit, percent


_DELIMITER_WORDS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def delimiter_argument(value: str) -> str:
    """``--delimiter``: the character itself, or its name (a tab is awkward to type)."""
    return _DELIMITER_WORDS.get(value.lower(), value)


def country_argument(value: str) -> str:
    """``--default-country``: an ISO 3166 alpha-2 code, any case."""
    from nrscompose._rules.destinations import known_region

    code = value.strip().upper()
    if not known_region(code):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a country: give an ISO 3166 alpha-2 code such as ES"
        )
    return code


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give a whole number, 1 or more")
    return number


def expand_files(patterns: list[str]) -> list[str]:
    """The files named, with shell-style patterns (``'data/part-*.csv'``) expanded in sorted
    order: the order of the files in the report."""
    import glob

    files: list[str] = []
    for pattern in patterns:
        if glob.has_magic(pattern):
            found = sorted(glob.glob(pattern))
            if not found:
                raise ValidationError.single("file.no_match", "file", None, {"pattern": pattern})
            files += found
        else:
            files.append(pattern)
    return files


def _over_limit(report: Report, limit: tuple[float, bool] | None) -> str | None:
    if limit is None:
        return None
    allowed, percent = limit
    share = 100 * report.invalid / report.rows_read if report.rows_read else 0.0
    over = share > allowed if percent else report.invalid > allowed
    if not over:
        return None
    shown = f"{allowed:g}%" if percent else f"{allowed:g}"
    return (
        f"{report.invalid} of {report.rows_read} recipients are invalid ({share:.1f}%), "
        f"more than --max-invalid {shown}"
    )


def _cmd_estimate(args: argparse.Namespace, out: TextIO) -> int:
    from nrscompose._composition.template import Template
    from nrscompose._rules.pricing import PriceList
    from nrscompose.campaign import CampaignPlan, estimate_file, estimate_files_on_dask

    if args.csv_out or args.html_out:
        from nrscompose.cli._report_html import check_output

        template_file = args.template[1:] if args.template.startswith("@") else ""
        inputs = [*expand_files(args.files), args.prices or "", template_file]
        for path, option in ((args.csv_out, "--csv"), (args.html_out, "--html")):
            if path:
                check_output(path, inputs, option)
    plan = CampaignPlan(
        Template(text_argument(args.template)),
        phone_field=args.phone_field,
        prices=PriceList.load(args.prices) if args.prices else None,
        category=args.category,
        at=parse_when(args.at),
        profile=args.profile,
        trans=args.trans,
        channel=args.channel,
        lenient=args.lenient,
        default_country=args.default_country,
        country_field=args.country_field,
        dedupe=args.dedupe,
        max_parts=args.max_parts,
    )
    files = expand_files(args.files)
    reading: dict[str, Any] = {
        "encoding": args.encoding,
        "delimiter": args.delimiter,
        "sheet": args.sheet,
    }
    if args.dask:
        report = estimate_files_on_dask(
            files, plan, args.dask, header_row=args.header_row, **reading
        )
    else:
        progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
        report = estimate_file(
            files, plan, jobs=args.jobs, progress=progress, header_row=args.header_row, **reading
        )
        if progress is not None:
            progress.done()
    for warning in report.warnings:
        print(f"nrscompose: warning: {_escaped(warning)}", file=sys.stderr)
    if args.json:
        json.dump(report.as_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_report(report, out, plan)
    if args.csv_out:
        _write_csv(report, args.csv_out)
    if args.html_out:
        from nrscompose.cli._report_html import write_html_report

        write_html_report(report, args.html_out)
    verdict = _over_limit(report, args.max_invalid)
    if verdict is not None:
        print(f"nrscompose: {verdict}", file=sys.stderr)
        return 1
    return 0


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


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--trans", action="store_true", help="count as with trans=1")
    parser.add_argument(
        "--profile",
        default="360nrs",
        choices=sorted(PROFILES),
        help="counting rules: 360nrs (the provider's bill, default), 3gpp or 3gpp-16bit (what "
        "a handset receives), flat160 (160 characters a credit)",
    )
    parser.add_argument(
        "--channel",
        default="sms",
        choices=["sms", "landing"],
        help="sms (at most 15 parts, default) or landing (Landing SMS: at most 8 parts, "
        "needs {LAND_URL})",
    )
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
    add_content_options(render)
    render.set_defaults(run=_cmd_render)

    estimate = commands.add_parser(
        "estimate",
        help="cost and reach of a campaign file",
        description="Exit status: 0 done, 1 more invalid recipients than --max-invalid, "
        "2 a mistake in the arguments or the file (one line on stderr).",
    )
    estimate.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="recipients: CSV with a header line, or a workbook (.xlsx, .xls, .ods); several "
        "files (or a quoted pattern such as 'data/part-*.csv') are one campaign",
    )
    estimate.add_argument("--template", required=True, help="message text or @FILE")
    estimate.add_argument("--prices", metavar="FILE", help="coverage JSON (GET sms/coverage)")
    estimate.add_argument(
        "--category", default="marketing", choices=["marketing", "transactional", "collection"]
    )
    estimate.add_argument("--at", help="send time: ISO 8601 with offset, or 'now'")
    estimate.add_argument(
        "--phone-field", metavar="COLUMN", help="the column with the numbers (default: detected)"
    )
    estimate.add_argument(
        "--delimiter",
        type=delimiter_argument,
        help="CSV delimiter: a character, or tab, comma, semicolon, pipe (default: detected "
        "from the header)",
    )
    estimate.add_argument(
        "--encoding",
        help="the CSV file's text encoding, e.g. cp1252 (Excel for Windows), mac_roman (Excel "
        "for Mac), utf-16-le; default UTF-8 (a byte-order mark is honoured); a file that is "
        "not UTF-8 is refused naming the encoding it looks like",
    )
    estimate.add_argument("--sheet", help="workbook sheet name (default: the first)")
    estimate.add_argument(
        "--header-row",
        type=positive_int,
        metavar="N",
        help="the line (sheet row) of the header (default: line 1, else the first of the "
        "first 20 lines that names a phone column)",
    )
    estimate.add_argument(
        "--default-country",
        type=country_argument,
        metavar="CC",
        help="read numbers without a country code as national numbers of this country "
        "(ISO 3166 alpha-2, e.g. ES)",
    )
    estimate.add_argument(
        "--country-field",
        metavar="COLUMN",
        help="a column with each row's country (ISO 3166 alpha-2) for national numbers; an "
        "empty cell falls back to --default-country",
    )
    estimate.add_argument(
        "--dedupe",
        action="store_true",
        help="keep the first row of each number (compared in international form); by "
        "default repeated rows are counted as sent, and reported",
    )
    estimate.add_argument(
        "--max-parts",
        type=positive_int,
        metavar="N",
        help="rows needing more parts are invalid (default: the channel's cap, 15 for sms)",
    )
    estimate.add_argument(
        "--max-invalid",
        type=max_invalid,
        metavar="N|N%",
        help="exit with status 1 when more recipients than this are invalid",
    )
    estimate.add_argument("--json", action="store_true", help="print the stable JSON report")
    estimate.add_argument(
        "--csv", dest="csv_out", metavar="OUT", help="also write a CSV summary to OUT"
    )
    estimate.add_argument(
        "--html",
        dest="html_out",
        metavar="OUT",
        help="also write the report as one self-contained HTML file to OUT (charts, no network)",
    )
    jobs = estimate.add_mutually_exclusive_group()
    jobs.add_argument("--jobs", type=positive_int, default=1, help="worker processes")
    jobs.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="estimate each file on a Dask cluster: its address, or 'local'",
    )
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
