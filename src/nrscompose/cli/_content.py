"""Country content rules on the command line: ``--country``/``--category`` for ``analyze`` and
``render``, and the ``content rules`` block of ``estimate``'s report."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from nrscompose._base.problems import Problem, severity
from nrscompose.cli._arguments import add_category_option

if TYPE_CHECKING:
    from nrscompose.campaign import Report

__all__ = ["add_content_options", "content_json", "content_problems", "content_title",
           "print_content_problems", "print_content_rules"]  # fmt: skip

# What each rule's rows have in common, for the estimate's one line per (country, kind).
_TITLES = {
    "content.opt_out_missing": "no opt-out 'STOP au <short code>' at the end",
    "content.public_shortener": "a link on a public URL shortener",
    "content.sender_name_extra_part": "one part more once the platform adds the sender's name",
    "content.sender_name_room": "the platform may add the sender's name (fits)",
    "content.opt_in_required": "opt-in required (notice)",
    "content.prohibited_topics": "prohibited topics (notice)",
    "content.age_verification": "age verification for adult or gambling content (notice)",
}


def content_title(kind: str) -> str:
    """What the rows counted under ``kind`` have in common, as the reports title them."""
    return _TITLES.get(kind, kind)


def add_content_options(parser: argparse.ArgumentParser, *, category: bool = True) -> None:
    parser.add_argument(
        "--country",
        metavar="CC",
        help="check the content rules of this destination country (ISO code, e.g. FR, US, CO)",
    )
    if category:
        add_category_option(parser)


def content_problems(text: str, args: argparse.Namespace) -> tuple[Problem, ...]:
    """The content problems of ``text`` for ``--country`` (none without it)."""
    if not args.country:
        return ()
    from nrscompose._rules import content

    return content.check(
        text,
        args.country,
        args.category,
        trans=args.trans,
        profile=args.profile,
        channel=args.channel,
    )


def content_json(problems: tuple[Problem, ...]) -> list[dict[str, object]]:
    return [{**p.as_json(), "severity": p.severity} for p in problems]


def print_content_problems(problems: tuple[Problem, ...], out: TextIO, locale: str) -> None:
    """One line a problem, ``severity: kind: sentence``, the sentence in ``locale``."""
    for problem in problems:
        print(f"{problem.severity}: {problem.kind}: {problem.render(locale)}", file=out)


def print_content_rules(report: Report, out: TextIO) -> None:
    """Rows per country that break each content rule: errors and warnings first."""
    if not report.content_rules:
        return
    print("\ncontent rules (360nrs API reference, 'Sending Restrictions by Country'):", file=out)
    for country, kinds in report.content_rules.items():
        ordered = sorted(kinds.items(), key=lambda item: _WEIGHT[severity(item[0])])
        for kind, rows in ordered:
            print(f"  {country:3} {rows:8} {content_title(kind)}", file=out)


_WEIGHT: dict[str, int] = {"error": 0, "warning": 1, "notice": 2}
