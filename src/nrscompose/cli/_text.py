"""``analyze`` and ``split``: one text, its encoding, parts and explanations."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from nrscompose._base.errors import ValidationError
from nrscompose._base.input_files import MAX_INPUT_BYTES
from nrscompose._counting.analysis import Analysis, analyze, describe_char
from nrscompose._counting.splitting import parts_of
from nrscompose._counting.suggestions import Suggestion, suggest
from nrscompose.cli._arguments import (
    Commands,
    add_channel_option,
    add_encoding_option,
    add_profile_option,
    text_argument,
    utf8_text,
    without_final_newline,
)
from nrscompose.cli._content import (
    add_content_options,
    content_json,
    content_problems,
    print_content_problems,
)

__all__ = ["register"]

_HIGHLIGHT = "\x1b[1;31m{}\x1b[0m"


def _read_text(argument: str) -> str:
    """TEXT, stdin for ``-`` or FILE for ``@FILE``; the one line break that ends a file or
    piped text (``echo``, editors) is not part of the message."""
    if argument == "-":
        text = utf8_text(sys.stdin.read(MAX_INPUT_BYTES + 1), "stdin")
        if len(text) > MAX_INPUT_BYTES:
            params = {"file": "stdin", "limit": MAX_INPUT_BYTES, "what": "text"}
            raise ValidationError.single("input.too_large", "text", None, params)
        return without_final_newline(text.removeprefix("\ufeff"))
    return text_argument(argument)


def _analysis_json(analysis: Analysis, suggestion: Suggestion) -> dict[str, object]:
    return {**analysis.as_json(), "suggestion": suggestion.as_json()}


def _highlighted(text: str, indices: set[int], color: bool) -> str:
    if color:
        return "".join(_HIGHLIGHT.format(c) if i in indices else c for i, c in enumerate(text))
    marks = "".join("^" if i in indices else " " for i in range(len(text)))
    return f"{text}\n{marks.rstrip()}" if indices else text


def _print_analysis(analysis: Analysis, source: str, out: TextIO, locale: str = "en") -> None:
    plural = "" if analysis.parts == 1 else "s"
    unit = "units" if analysis.encoding == "utf-16" else "septets"
    print(
        f"{analysis.encoding}: {analysis.parts} part{plural}, {analysis.units} {unit}, "
        f"{analysis.remaining} left in the last part ({analysis.per_part} per part, "
        f"profile {analysis.profile})",
        file=out,
    )
    if analysis.exceeds_cap:
        print(f"exceeds the cap of {analysis.max_parts} parts", file=out)
    offending = analysis.offending
    if offending:
        print(f"{len(offending)} character(s) kept it out of a cheaper encoding:", file=out)
        single_line = "\n" not in source and len(source) <= 200
        if single_line:
            marked = {o.index for o in offending}
            print(_highlighted(source, marked, out.isatty()), file=out)
        by_char: dict[str, list[int]] = {}
        for item in offending:
            by_char.setdefault(item.char, []).append(item.index)
        reasons = {item.char: item.reason for item in offending}
        for char, indices in by_char.items():
            shown = ", ".join(map(str, indices[:8])) + (", …" if len(indices) > 8 else "")
            print(f"  {describe_char(char)} at {shown}: {reasons[char]}", file=out)
    for notice in analysis.notices:
        print(f"note: {notice.render(locale)}", file=out)


def _print_suggestion(suggestion: Suggestion, out: TextIO) -> None:
    if not suggestion.replacements:
        return
    changes = ", ".join(
        f"{r.char!r} → {r.replacement!r} ({r.reason})" for r in suggestion.replacements
    )
    saved = suggestion.parts_saved
    print(
        f"suggestion: {changes} saves {saved} part{'s' if saved != 1 else ''} "
        f"({suggestion.after.encoding}, {suggestion.after.parts} in all)",
        file=out,
    )


def _analysis_from(args: argparse.Namespace) -> tuple[str, Analysis]:
    text = _read_text(args.text)
    return text, analyze(
        text, encoding=args.encoding, trans=args.trans, profile=args.profile, channel=args.channel
    )


def _cmd_analyze(args: argparse.Namespace, out: TextIO) -> int:
    text, analysis = _analysis_from(args)
    suggestion = suggest(text, trans=args.trans, profile=args.profile)
    problems = content_problems(text, args)
    if args.json:
        found = _analysis_json(analysis, suggestion)
        if args.country:
            found["content"] = content_json(problems)
        json.dump(found, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_analysis(analysis, text, out, args.locale)
        _print_suggestion(suggestion, out)
        print_content_problems(problems, out, args.locale)
    return 0


def _cmd_split(args: argparse.Namespace, out: TextIO) -> int:
    _, analysis = _analysis_from(args)
    parts = parts_of(analysis)
    if args.json:
        json.dump({"encoding": analysis.encoding, "parts": parts}, out, ensure_ascii=False)
        out.write("\n")
        return 0
    width = len(str(len(parts)))
    for number, part in enumerate(parts, 1):
        size = analyze(part, encoding=analysis.encoding, profile=args.profile).units
        print(f"[{number:>{width}}/{len(parts)}] ({size} units) {part!r}", file=out)
    return 0


def _add_text_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", help="the message text, '-' to read stdin, or @FILE")
    add_encoding_option(parser)
    parser.add_argument(
        "--trans", action="store_true", help="count as the server does with trans=1"
    )
    add_profile_option(parser)
    add_channel_option(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def register(commands: Commands) -> None:
    analyze_cmd = commands.add_parser("analyze", help="encoding, parts and what made it cost")
    _add_text_options(analyze_cmd)
    add_content_options(analyze_cmd)
    analyze_cmd.set_defaults(run=_cmd_analyze)
    split_cmd = commands.add_parser("split", help="the parts the text is sent as")
    _add_text_options(split_cmd)
    split_cmd.set_defaults(run=_cmd_split)
