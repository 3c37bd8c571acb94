"""``render``: fill a template with values and count the text, or count its best and worst
case when the values are unknown."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TextIO

from nrscompose._base.errors import ValidationError
from nrscompose._base.json_files import read_json
from nrscompose.cli._arguments import Commands, add_counting_options, text_argument
from nrscompose.cli._content import add_content_options, content_problems, print_content_problems
from nrscompose.cli._wording import part_count

if TYPE_CHECKING:
    from nrscompose._composition.template import Template

__all__ = ["register"]


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
        print(f"best case:  {found.best.encoding}, {part_count(found.best.parts)}", file=out)
        print(f"worst case: {found.worst.encoding}, {part_count(found.worst.parts)}", file=out)
        return 0
    values = _values(args)
    _refuse_unknown_values(values, template)
    text = template.preview(values, lenient=args.lenient)
    analysis = analyze(text, trans=args.trans, profile=args.profile, channel=args.channel)
    print(text, file=out)
    print(
        f"{analysis.encoding}: {part_count(analysis.parts)}, {analysis.units} units, "
        f"{analysis.remaining} left in the last part",
        file=out,
    )
    print_content_problems(content_problems(text, args), out, args.locale)
    return 0


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


def _refuse_unknown_values(values: Mapping[str, str], template: Template) -> None:
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


def register(commands: Commands) -> None:
    render = commands.add_parser("render", help="fill a template and count the result")
    render.add_argument("template", help="template text or @FILE")
    render.add_argument("--var", action="append", metavar="NAME=VALUE")
    render.add_argument("--values", metavar="FILE", help="JSON object of values")
    render.add_argument(
        "--range", action="store_true", help="best and worst case when the values are unknown"
    )
    render.add_argument("--max-length", action="append", metavar="NAME=N")
    render.add_argument("--default-max-length", type=int, default=None)
    add_counting_options(render)
    add_content_options(render)
    render.set_defaults(run=_cmd_render)
