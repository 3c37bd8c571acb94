"""The text report of ``estimate``: what was read, totals, breakdowns, held, invalid and most
expensive recipients, and the content rules the rows break."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from nrscompose.campaign.recipient_files import describe_delimiter
from nrscompose.cli._content import print_content_rules
from nrscompose.cli._wording import counted, escaped, money, noun, part_count, row_place

if TYPE_CHECKING:
    from nrscompose.campaign import CampaignPlan, Report

__all__ = ["print_report"]

_WORKBOOKS = {"xlsx": "Excel", "xls": "Excel 97-2003", "xlsb": "Excel binary",
              "ods": "OpenDocument"}  # fmt: skip


def print_report(report: Report, out: TextIO, plan: CampaignPlan, locale: str = "en") -> None:
    """The estimate as text; the invalid rows' reasons in ``locale``."""
    lines = bool(report.inputs)
    _print_inputs(report, out)
    skipped = report.blank_lines
    blank = f"; {counted(skipped, 'blank line')} skipped" if skipped else ""
    print(
        f"{counted(report.rows_read, 'row')} read: "
        f"{report.valid:,} valid, {report.invalid:,} invalid{blank}",
        file=out,
    )
    _print_numbers(report, out, plan, lines)
    print(f"parts: {report.parts}   cost: {money(report.cost)}", file=out)
    if report.unpriced:
        missing = ", ".join(f"{country} ({n})" for country, n in report.unpriced.items())
        print(f"no price for: {missing}", file=out)
    _print_breakdowns(report, out)
    _print_held(report, out)
    _print_invalid(report, out, lines, locale)
    _print_expensive(report, out, plan, lines)
    print_content_rules(report, out)


def _print_inputs(report: Report, out: TextIO) -> None:
    for found in report.inputs:
        if found.format == "csv" and found.delimiter is not None:
            how = f"{found.encoding}, {describe_delimiter(found.delimiter)}-separated"
        else:
            how = f"{_WORKBOOKS.get(found.format, 'workbook')} sheet {found.sheet!r}"
        if found.header_line != 1:
            how += f", header on line {found.header_line}"
        print(f"{found.file}: {how}; phone numbers from column {found.phone_field!r}", file=out)


def _print_numbers(report: Report, out: TextIO, plan: CampaignPlan, lines: bool) -> None:
    """National numbers completed, repeated numbers and how they were counted."""
    if report.national_numbers:
        where = f"as {plan.default_country}" if plan.default_country else "by country"
        if plan.country_field:
            where = f"by column {plan.country_field!r}"
            if plan.default_country:
                where += f", else as {plan.default_country}"
        print(
            f"{counted(report.national_numbers, 'national number')} read {where}, "
            "country code added",
            file=out,
        )
    if report.duplicates:
        how = (
            "left out with --dedupe"
            if report.deduplicated
            else "counted as sent; --dedupe keeps the first row of each number"
        )
        samples = "; ".join(escaped(row.describe()) for row in report.duplicate_samples[:3])
        more = ", …" if report.duplicates > 3 else ""
        verb = "repeats" if report.duplicates == 1 else "repeat"
        rows = counted(report.duplicates, "row")
        print(f"{rows} {verb} an earlier number ({how}): {samples}{more}", file=out)


def _print_breakdowns(report: Report, out: TextIO) -> None:
    print("\nby country:", file=out)
    for country, totals in report.by_country.items():
        print(
            f"  {country:3} {totals.recipients:8,} {noun(totals.recipients, 'recipient'):10} "
            f"{totals.parts:9,} {noun(totals.parts, 'part'):5}  {money(totals.cost)}",
            file=out,
        )
    print("by encoding:", file=out)
    for encoding, sent in report.by_encoding.items():
        print(
            f"  {encoding:7} {sent.recipients:8,} {noun(sent.recipients, 'recipient'):10} "
            f"{sent.parts:9,} {noun(sent.parts, 'part')}",
            file=out,
        )


def _print_held(report: Report, out: TextIO) -> None:
    if not report.held or report.at is None:
        return
    print(f"\nheld by send windows at {report.at.isoformat()}:", file=out)
    for moment, count in report.held.items():
        until = datetime.fromisoformat(moment).astimezone(UTC)
        print(f"  {count:8} until {until:%a %Y-%m-%d %H:%M} UTC", file=out)


def _print_invalid(report: Report, out: TextIO, lines: bool, locale: str) -> None:
    if not report.invalid:
        return
    print("\ninvalid recipients:", file=out)
    for reason, count in report.invalid_reasons.items():
        print(f"  {count:8} {report.reason_label(reason, locale)}", file=out)
        # under its own reason: a sample listed after all of them read as the last one's
        sample = [r for r in report.invalid_sample if (r.reason or "invalid") == reason]
        for row in sample[:2]:
            parts = f" ({part_count(row.parts)})" if row.parts else ""
            print(f"           e.g. {row_place(row, lines)}: {row.number!r}{parts}", file=out)


def _print_expensive(report: Report, out: TextIO, plan: CampaignPlan, lines: bool) -> None:
    if not report.most_expensive:
        return
    print("\nmost expensive recipients:", file=out)
    for row in report.most_expensive[:5]:
        cost = f"{row.currency} {row.cost}" if row.cost is not None else "no price"
        line = f"  {row_place(row, lines)}: {row.country} {row.encoding} {part_count(row.parts)}, "
        line += cost
        if row.offending:
            line += f"; {_kept_out(row.text, plan)}"
        suggestion = report.suggestion_for(row)
        if suggestion is not None:
            changes = ", ".join(f"{escaped(a)}→{escaped(b)}" for a, b in suggestion.replace.items())
            line += f" (replace {changes}: saves {part_count(suggestion.parts_saved)})"
        print(line, file=out)


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
        f"out of {name}: {' '.join(escaped(c) for c in chars)}"
        for name, chars in by_encoding.items()
    )
