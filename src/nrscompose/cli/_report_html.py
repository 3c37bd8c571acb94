"""``nrscompose estimate --html OUT``: the campaign report as one self-contained HTML file.

A page a person opens offline or mails on: the totals, cost by country, the encoding mix,
recipients held by send windows, invalid rows by reason and the most expensive recipients with
the rewrite that saves most — with inline-SVG bars as on the demo's campaign page. Everything is
in the file: inline CSS, no script, no font, no image, no link to fetch, so it looks the same
without a network. Every value from the campaign (numbers, names, file names) is escaped, and
invisible characters are shown by code point: a recipient named ``<script>`` is text.

:func:`report_html` is pure (a :class:`~nrscompose.campaign.Report` in, text out); the command
line checks the output path before the run and writes the file after it.
"""

from __future__ import annotations

import html
import os
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final

from nrscompose._base.errors import ValidationError
from nrscompose.campaign.recipient_files import describe_delimiter
from nrscompose.cli._wording import counted, row_place
from nrscompose.demo.campaign_page import costly_clusters, shown_cluster

if TYPE_CHECKING:
    from nrscompose.campaign import RecipientEstimate, Report

__all__ = ["check_output", "report_html", "write_html_report"]

SHOWN: Final = 20  # rows of each sample table (the report keeps at most this many)
_ENCODING_COLOURS: Final = {"gsm": "#1f5fbf", "gsm-pt": "#1e7a3c", "utf-16": "#b3261e"}
_OTHER_COLOUR: Final = "#5d6878"
# Colour-blind-safe, AA contrast on white; the layout reflows under 640 px (a phone).
_STYLE: Final = """
:root { --ink: #1d2430; --muted: #5d6878; --line: #d9dee6; --soft: #f3f5f8; --accent: #1f5fbf;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--ink); background: #fff; }
* { box-sizing: border-box; }
body { margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 20px 24px 40px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 10px; }
section { margin-top: 22px; padding: 16px 18px; border: 1px solid var(--line); border-radius: 8px; }
.note { color: var(--muted); font-size: 13px; margin: 6px 0 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 0.92em; }
.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px;
  margin: 14px 0 0; }
.totals div { background: var(--soft); border-radius: 6px; padding: 8px 12px; }
.totals dt { font-size: 12px; color: var(--muted); text-transform: uppercase;
  letter-spacing: .03em; }
.totals dd { margin: 0; font-size: 20px; font-weight: 600; overflow-wrap: anywhere; }
figure { margin: 0; }
.bars { list-style: none; margin: 0; padding: 0; }
.bars li { margin: 0 0 8px; }
.bars .label { font-weight: 600; margin-right: 8px; }
.bars svg, .stack { display: block; width: 100%; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
.swatch { display: inline-block; vertical-align: -1px; margin-right: 6px; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th { text-align: left; color: var(--muted); font-weight: 600; padding: 4px 6px;
  border-bottom: 1px solid var(--line); }
td { padding: 4px 6px; border-bottom: 1px solid var(--line); vertical-align: top;
  overflow-wrap: anywhere; }
td.number { font-variant-numeric: tabular-nums; }
@media (max-width: 640px) {
  main { padding: 12px 12px 28px; }
  section { padding: 12px; }
  table.cards thead, table.cards th { position: absolute; left: 0; top: 0; width: 1px;
    height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  table.cards { position: relative; }
  table.cards, table.cards tbody, table.cards tbody tr { display: block; }
  table.cards tbody tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.cards td { display: grid; grid-template-columns: 8em minmax(0, 1fr); gap: 8px;
    border: 0; padding: 2px 0; }
  table.cards td::before { content: attr(data-label); color: var(--muted); font-weight: 600; }
}
"""


# ------------------------------------------------------------------------------ escaping


# Characters that draw nothing or reorder what follows: bidi controls, zero-width spaces,
# the byte-order mark. Joiners (U+200C, U+200D) stay: they belong to emoji and scripts.
_HIDDEN: Final = frozenset(
    "\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
)


def _visible(value: object) -> str:
    """Text a person can read: control, unassigned and hidden characters by code point, so a
    value cannot hide or reorder what follows it."""
    return "".join(
        f"U+{ord(c):04X}"
        if c in _HIDDEN or unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn")
        else c
        for c in str(value)
    )


def _e(value: object) -> str:
    """``value`` as HTML text (or an attribute value): escaped, invisible characters shown."""
    return html.escape(_visible(value), quote=True)


# -------------------------------------------------------------------------------- figures


def _money(amounts: Mapping[str, Decimal]) -> str:
    """As the text report prints it: ``EUR 18.5382`` (exact, never rounded to cents)."""
    return ", ".join(f"{currency} {amount}" for currency, amount in amounts.items()) or "—"


def _utc(moment: str) -> str:
    return f"{datetime.fromisoformat(moment).astimezone(UTC):%a %Y-%m-%d %H:%M} UTC"


# --------------------------------------------------------------------------------- pieces


def _bar(share: float, colour: str) -> str:
    """A bar of ``share`` (0–1) of the width: decoration beside figures written in text."""
    width = f"{100 * max(0.0, min(share, 1.0)):.2f}"
    return (
        '<svg viewBox="0 0 100 10" preserveAspectRatio="none" height="12" aria-hidden="true" '
        f'focusable="false"><rect x="0" y="0" width="{width}" height="10" '
        f'fill="{colour}"/></svg>'
    )


def _bars(rows: Iterable[tuple[str, str, float, str]], caption: str) -> str:
    """Horizontal bars: (label, figures, share, colour) per row, the figures in text."""
    items = "".join(
        f'<li><span class="label">{_e(label)}</span>{_e(text)}{_bar(share, colour)}</li>'
        for label, text, share, colour in rows
    )
    figcaption = f'<figcaption class="note">{_e(caption)}</figcaption>'
    return f'<figure><ul class="bars">{items}</ul>{figcaption}</figure>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], cards: bool = False) -> str:
    """A table of escaped cells; ``cards``: each row a block of "header: value" on a phone."""
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{_e(h)}">{_e(cell)}</td>'
            for h, cell in zip(headers, row, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    kind = ' class="cards"' if cards else ""
    return f"<table{kind}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(name: str, title: str, content: str) -> str:
    return f'<section aria-labelledby="{name}"><h2 id="{name}">{_e(title)}</h2>{content}</section>'


def _inputs(report: Report) -> str:
    lines = []
    for found in report.inputs:
        if found.format == "csv" and found.delimiter is not None:
            how = f"{found.encoding}, {describe_delimiter(found.delimiter)}-separated"
        else:
            how = f"Excel sheet {found.sheet!r}"
        lines.append(
            f"<li><code>{_e(found.file)}</code>: {_e(how)}; phone numbers from column "
            f"<code>{_e(found.phone_field)}</code></li>"
        )
    return f'<ul class="note">{"".join(lines)}</ul>' if lines else ""


def _totals(report: Report) -> str:
    figures = [
        ("Rows read", f"{report.rows_read:,}"),
        ("Valid", f"{report.valid:,}"),
        ("Invalid", f"{report.invalid:,}"),
        ("Parts", f"{report.parts:,}"),
        ("Cost", _money(report.cost)),
    ]
    if report.blank_lines:
        figures.append(("Blank lines skipped", f"{report.blank_lines:,}"))
    stats = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in figures)
    missing = ", ".join(f"{country} ({n:,})" for country, n in report.unpriced.items())
    unpriced = f'<p class="note">No price for: {_e(missing)}</p>' if missing else ""
    return f'<dl class="totals">{stats}</dl>{unpriced}'


def _countries(report: Report) -> str:
    if not report.by_country:
        return '<p class="note">No valid recipient.</p>'
    priced = any(t.cost for t in report.by_country.values())

    def weight(cost: Mapping[str, Decimal], parts: int) -> float:
        return float(next(iter(cost.values()), 0)) if priced else float(parts)

    largest = max(weight(t.cost, t.parts) for t in report.by_country.values()) or 1.0
    rows = [
        (
            country,
            f"{_money(t.cost) if t.cost else 'unpriced'} · {counted(t.parts, 'part')} · "
            f"{counted(t.recipients, 'recipient')}",
            weight(t.cost, t.parts) / largest,
            "#1f5fbf",
        )
        for country, t in sorted(
            report.by_country.items(), key=lambda kv: -weight(kv[1].cost, kv[1].parts)
        )
    ]
    caption = (
        "Bars: cost by country (no bar: no price for it)"
        if priced
        else "Bars: parts by country (no prices given)"
    )
    return _bars(rows, caption)


def _encodings(report: Report) -> str:
    if not report.by_encoding:
        return '<p class="note">No valid recipient.</p>'
    total = sum(t.recipients for t in report.by_encoding.values()) or 1
    x, rects, legend, spoken = 0.0, [], [], []
    for name, t in report.by_encoding.items():
        share = 100 * t.recipients / total
        colour = _ENCODING_COLOURS.get(name, _OTHER_COLOUR)
        rects.append(f'<rect x="{x:.2f}" y="0" width="{share:.2f}" height="10" fill="{colour}"/>')
        x += share
        swatch = (
            f'<svg class="swatch" width="12" height="12" aria-hidden="true" focusable="false">'
            f'<rect width="12" height="12" rx="2" fill="{colour}"/></svg>'
        )
        recipients, parts = counted(t.recipients, "recipient"), counted(t.parts, "part")
        figures = f"{name}: {recipients} ({share:.0f}%), {parts}"
        legend.append(f"<li>{swatch}{_e(figures)}</li>")
        spoken.append(f"{name} {share:.0f}%")
    label = _e("Encoding mix: " + "; ".join(spoken))
    chart = (
        f'<svg class="stack" viewBox="0 0 100 10" preserveAspectRatio="none" height="28" '
        f'role="img" aria-label="{label}">{"".join(rects)}</svg>'
    )
    return f'{chart}<ul class="legend">{"".join(legend)}</ul>'


def _held(report: Report) -> str:
    if report.at is None:
        return '<p class="note">No send time given (--at): send windows not checked.</p>'
    held = sum(report.held.values())
    largest = max([report.valid - held, *report.held.values(), 1])
    rows = [("at once", counted(report.valid - held, "recipient"), (report.valid - held) / largest,
             "#1e7a3c")]  # fmt: skip
    rows += [
        (_utc(moment), f"{counted(count, 'recipient')} held", count / largest, "#8a5a00")
        for moment, count in report.held.items()
    ]
    caption = (
        f"Bars: recipients sent at {report.at.isoformat()} and those held until their send "
        "window opens"
    )
    return _bars(rows, caption)


def _invalid(report: Report) -> str:
    if not report.invalid:
        return '<p class="note">None: every row has a valid number and text.</p>'
    lines = bool(report.inputs)
    reasons = _table(
        ["Reason", "Rows"],
        [
            [report.reason_label(reason), f"{count:,}"]
            for reason, count in report.invalid_reasons.items()
        ],
    )
    sample = _table(
        ["Where", "Number", "Why"],
        [
            [row_place(row, lines), row.number or "(empty)", _why(row)]
            for row in report.invalid_sample[:SHOWN]
        ],
    )
    return f'{reasons}<p class="note">For example:</p>{sample}'


def _why(row: RecipientEstimate) -> str:
    """The sentences of the row's problems: a number's reason in the library's words (not the
    phone library's), a text's problems as their kinds render them."""
    return row.problem or row.reason or "invalid"


def _duplicates(report: Report) -> str:
    """Rows that repeat an earlier number, as a section; empty when there is none."""
    if not report.duplicates:
        return ""
    rows = [
        [f"line {r.line}" + (f" of {r.file}" if r.file else ""),
         f"repeats line {r.first_line}" + (f" of {r.first_file}" if r.first_file else "")]
        for r in report.duplicate_samples[:SHOWN]
    ]  # fmt: skip
    fate = (
        "left out (--dedupe keeps the first row of each number)"
        if report.deduplicated
        else "counted as sent; --dedupe keeps the first row of each number"
    )
    content = (
        f"<p>{_e(counted(report.duplicates, 'row'))} repeat an earlier number (compared in "
        f"international form): {_e(fate)}.</p>" + _table(["Row", "Repeats"], rows)
    )
    return _section("duplicates", "Duplicate numbers", content)


def _warnings(report: Report) -> str:
    """How the files were read, where a person should check it (an encoding in doubt)."""
    if not report.warnings:
        return ""
    items = "".join(f"<li>{_e(str(w))}</li>" for w in report.warnings)
    return _section("warnings", "Check how the files were read", f"<ul>{items}</ul>")


def _content_rules(report: Report) -> str:
    """Rows per country that break (or are reminded of) a country's content rule."""
    if not report.content_rules:
        return '<p class="note">No country of this campaign has a content rule.</p>'
    from nrscompose._base.problems import severity
    from nrscompose.cli._content import content_title

    rows = [
        [country, content_title(kind), severity(kind), f"{count:,}"]
        for country, kinds in report.content_rules.items()
        for kind, count in kinds.items()
    ]
    note = (
        '<p class="note">The 360nrs API reference\'s "Sending Restrictions by Country": an '
        "error is a row the provider refuses; a notice is a reminder the library cannot check."
        "</p>"
    )
    return note + _table(["Country", "Rule", "Severity", "Rows"], rows)


def _expensive(report: Report) -> str:
    if not report.most_expensive:
        return '<p class="note">No valid recipient.</p>'
    lines = bool(report.inputs)
    rows = []
    for row in report.most_expensive[:SHOWN]:
        costly = " ".join(shown_cluster(c) for c in costly_clusters(row.text, row.offending))
        cost = f"{row.currency} {row.cost}" if row.cost is not None else "no price"
        rows.append(
            [
                row_place(row, lines),
                row.country or "—",
                row.encoding or "—",
                f"{row.parts}",
                cost,
                costly or "—",
                _fix(report, row),
            ]
        )
    headers = ["Where", "Country", "Encoding", "Parts", "Cost", "Costly characters",
               "Fix that saves most"]  # fmt: skip
    return _table(headers, rows, cards=True)


def _fix(report: Report, row: RecipientEstimate) -> str:
    suggestion = report.suggestion_for(row)
    if suggestion is None:
        return "no rewrite saves a part"
    changes = ", ".join(
        f"{shown_cluster(a)} → {shown_cluster(b) if b else '(removed)'}"
        for a, b in suggestion.replace.items()
    )
    return f"{changes}: saves {counted(suggestion.parts_saved, 'part')} ({suggestion.encoding})"


def report_html(report: Report, *, title: str = "Campaign estimate") -> str:
    """The whole report as one HTML document (no script, nothing to fetch)."""
    made = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    sections = [
        _section("totals-title", "Totals", _totals(report) + _inputs(report)),
        _section("countries", "Cost and parts by country", _countries(report)),
        _section("encodings", "Encoding mix", _encodings(report)),
        _section("held", "Held by send windows", _held(report)),
        _section("invalid", "Invalid rows by reason", _invalid(report)),
        _duplicates(report),
        _section("content", "Content rules by country", _content_rules(report)),
        _section("expensive", "Most expensive recipients", _expensive(report)),
        _warnings(report),
    ]
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)} · nrscompose</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<main>\n<h1>{_e(title)}</h1>\n"
        f'<p class="note">Made by <code>nrscompose estimate</code> on {_e(made)}; prices, parts '
        "and send windows as the 360nrs API reference describes them. Nothing has been sent.</p>\n"
        + "\n".join(section for section in sections if section)
        + "\n</main>\n</body>\n</html>\n"
    )


# ------------------------------------------------------------------------ the output file


def check_output(path: str, inputs: Iterable[str], option: str) -> None:
    """Refuse, before any work, an output file (``--csv``, ``--html``) that cannot be written
    or would replace one of the run's ``inputs``."""
    field = option.lstrip("-")
    target = Path(path)
    if target.is_dir():
        raise ValidationError.single("output.is_folder", field, None, {"path": path})
    folder = target.parent
    if not folder.is_dir():
        raise ValidationError.single(
            "output.no_folder", field, None, {"path": path, "folder": str(folder)}
        )
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise ValidationError.single("output.not_writable", field, None, {"path": path})
    if target.exists():
        for name in inputs:
            if name and Path(name).exists() and os.path.samefile(target, name):
                raise ValidationError.single(
                    "output.is_input", field, None, {"path": path, "option": option}
                )


def write_html_report(report: Report, path: str) -> None:
    Path(path).write_text(report_html(report), encoding="utf-8")
