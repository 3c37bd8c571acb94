"""``estimate``: the cost and reach of a campaign file, as a text or JSON report (and a CSV
summary or an HTML page), with an exit status a scheduled job can act on."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from nrscompose._base.errors import ValidationError
from nrscompose.cli._arguments import (
    Commands,
    add_category_option,
    add_counting_options,
    country_argument,
    parse_when,
    positive_int,
    text_argument,
)
from nrscompose.cli._report_text import print_report
from nrscompose.cli._wording import escaped

if TYPE_CHECKING:
    from nrscompose.campaign import CampaignPlan, Report

__all__ = ["register"]


def _cmd_estimate(args: argparse.Namespace, out: TextIO) -> int:
    if args.csv_out or args.html_out:
        _check_outputs(args)
    plan = _plan(args)
    report = _run(args, plan)
    for warning in report.warnings:
        print(f"nrscompose: warning: {escaped(warning.describe(args.locale))}", file=sys.stderr)
    if args.json:
        json.dump(report.as_json(args.locale), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_report(report, out, plan, args.locale)
    if args.csv_out:
        from nrscompose.cli._report_csv import write_csv_report

        write_csv_report(report, args.csv_out)
    if args.html_out:
        from nrscompose.cli._report_html import write_html_report

        write_html_report(report, args.html_out)
    verdict = _over_limit(report, args.max_invalid)
    if verdict is not None:
        print(f"nrscompose: {verdict}", file=sys.stderr)
        return 1
    return 0


def _check_outputs(args: argparse.Namespace) -> None:
    """Refuse, before the run, an output that would overwrite an input (or cannot be written)."""
    from nrscompose.cli._report_html import check_output

    template_file = args.template[1:] if args.template.startswith("@") else ""
    inputs = [*expand_files(args.files), args.prices or "", template_file]
    for path, option in ((args.csv_out, "--csv"), (args.html_out, "--html")):
        if path:
            check_output(path, inputs, option)


def _plan(args: argparse.Namespace) -> CampaignPlan:
    from nrscompose._composition.template import Template
    from nrscompose._rules.pricing import PriceList
    from nrscompose.campaign import CampaignPlan

    return CampaignPlan(
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


def _run(args: argparse.Namespace, plan: CampaignPlan) -> Report:
    from nrscompose.campaign import estimate_file, estimate_files_on_dask

    files = expand_files(args.files)
    reading: dict[str, Any] = {
        "encoding": args.encoding,
        "delimiter": args.delimiter,
        "sheet": args.sheet,
    }
    if args.dask:
        return estimate_files_on_dask(files, plan, args.dask, header_row=args.header_row, **reading)
    progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
    report = estimate_file(
        files, plan, jobs=args.jobs, progress=progress, header_row=args.header_row, **reading
    )
    if progress is not None:
        progress.done()
    return report


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


def register(commands: Commands) -> None:
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
    add_category_option(estimate)
    estimate.add_argument("--at", help="send time: ISO 8601 with offset, or 'now'")
    _add_reading_options(estimate)
    _add_counting_limits(estimate)
    _add_outputs(estimate)
    add_counting_options(estimate)
    estimate.set_defaults(run=_cmd_estimate)


def _add_reading_options(estimate: argparse.ArgumentParser) -> None:
    """How the recipients files are read."""
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


def _add_counting_limits(estimate: argparse.ArgumentParser) -> None:
    """Which rows count, and how many invalid ones the run tolerates."""
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


def _add_outputs(estimate: argparse.ArgumentParser) -> None:
    """The report's forms, and where the work runs."""
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
