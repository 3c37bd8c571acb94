"""The 360nrs custom-field filters for Jinja2, and a sandbox for user-supplied templates.

People who keep e-mail or landing-page HTML in Jinja2 get the same seven filters, under the
same names, as ``{name|filter}`` in an SMS: :func:`install_filters` adds them to any
``jinja2.Environment`` (sandboxed ones included), so ``{{ name|capitalizeAll }}`` renders as
``{name|capitalizeAll}`` does. Jinja2 is imported only here, and only when called.

:func:`sandboxed_environment` is for templates written by users: an immutable sandbox that
also refuses every attribute (``{{ x.y }}`` only looks ``y`` up as a key of a mapping) and
every call except template macros, with no globals. A template can then read the values it is
given and apply filters, and nothing else: no code runs, no object is inspected.

It also bounds what a template can cost, and raises :class:`TemplateLimitError` when one
crosses a bound:

* ``render`` returns at most :data:`MAX_OUTPUT` characters;
* a string or list built by ``*``, ``+``, ``~`` or ``%`` has at most :data:`MAX_OUTPUT` items,
  a filter takes no size argument above it (``center``, ``indent``, ``wordwrap`` …);
* an integer made by ``*`` or ``**`` has at most :data:`MAX_NUMBER_BITS` bits
  (``9 ** 9999999`` would take seconds of CPU);
* loop iterations and macro calls together are at most :data:`MAX_STEPS` per render, and a
  recursion too deep for Python — in rendering, or in parsing ``((((…))))`` — is a limit
  error too.

Every bound is checked *before* the value is made: an operation that can grow a value (``*``,
``+``, ``~``, ``%``, printing ``{{ x }}``, and the filters ``string``, ``join``, ``replace``,
``tojson``, ``pprint``, ``format``, ``indent``, ``wordwrap``, ``urlize``, ``escape``, ``sum``
and every filter that turns its value into text) first adds up the characters or items the
result would have (:mod:`nrscompose._base.jinja_sizes`, a walk that stops at the bound), and
refuses there. ``{{ ([[0] * 1000000] * 1000000)|string }}`` is refused after a million steps
with two 8 MB lists in memory, not after 3 million million characters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from nrscompose._base.errors import NrsComposeError
from nrscompose._base.extras import require
from nrscompose._base.jinja_sizes import Form, text_size, walk
from nrscompose._composition.filters import FILTERS, Filter, Shortener, make_shorten, value_text

if TYPE_CHECKING:
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment


# Whatever a template computes or a caller passes in: any Python object. Jinja's own API is
# untyped, and the bounds below check values by what they are at run time.
JinjaObject = Any

__all__ = [
    "MAX_NUMBER_BITS",
    "MAX_OUTPUT",
    "MAX_STEPS",
    "TemplateLimitError",
    "install_filters",
    "sandboxed_environment",
]

# Characters ``render`` may return, and items a string or list built in a template may have.
MAX_OUTPUT: Final = 1_000_000
# Bits of an integer a template may compute: 1,233 decimal digits, more than any amount.
MAX_NUMBER_BITS: Final = 4096
# Loop iterations plus macro calls in one render (Jinja's own ``range`` stops at 100,000).
MAX_STEPS: Final = 100_000
_LOOP_FILTER: Final = "_nrscompose_counted_loop"
# A width or precision in a printf-style format: "%2000000000d".
_FORMAT_SIZES: Final = re.compile(r"%[#0 +\-]*(\d*)(?:\.(\d*))?")


class TemplateLimitError(NrsComposeError):
    """A user-supplied template crossed one of the sandbox's bounds (see the module)."""


def _jinja_filter(function: Filter) -> JinjaObject:
    def apply(value: JinjaObject) -> str:
        import jinja2

        if value is None or isinstance(value, jinja2.Undefined):
            return str(value) if isinstance(value, jinja2.Undefined) else ""
        text = value_text(value) if not isinstance(value, str) else str(value)
        return function(text) if text else text

    apply.__name__ = apply.__qualname__ = function.__name__
    apply.__doc__ = function.__doc__
    return apply


def install_filters(
    environment: jinja2.Environment, *, shortener: Shortener | None = None
) -> jinja2.Environment:
    """Add the 360nrs template filters to ``environment`` (returned, for chaining).

    ``shortener`` turns URLs into short links for ``shorten``; without one, every URL becomes
    the documented stand-in ``https://nrs.so/xxxxxx``. An undefined value renders as the
    environment's undefined does (strict undefined still raises); ``None`` renders empty.
    """
    filters = dict(FILTERS)
    filters["shorten"] = make_shorten(shortener)
    environment.filters.update({name: _jinja_filter(f) for name, f in filters.items()})
    return environment


def sandboxed_environment(
    *, shortener: Shortener | None = None, **options: JinjaObject
) -> ImmutableSandboxedEnvironment:
    """A locked-down environment for user-supplied templates, with the filters installed.

    ``options`` go to the environment (``autoescape=True`` for HTML, ``undefined=
    jinja2.StrictUndefined`` to make a missing value an error, …).
    """
    require("jinja2")
    from jinja2.runtime import Macro
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class _NoAttributes(ImmutableSandboxedEnvironment):
        # Jinja's sandbox blocks private and unsafe attributes; this one blocks them all, so
        # data can only be reached as keys of the mappings passed to render().
        def is_safe_attribute(self, obj: JinjaObject, attr: str, value: JinjaObject) -> bool:
            return False

        def is_safe_callable(self, obj: JinjaObject) -> bool:
            return isinstance(obj, Macro)

    environment: ImmutableSandboxedEnvironment = _bounded_environment(_NoAttributes)(**options)
    environment.globals.clear()
    install_filters(environment, shortener=shortener)
    environment.filters = {
        name: _checked_filter(name, function) for name, function in environment.filters.items()
    }
    environment.finalize = _bounded_finalize(environment.finalize)
    environment.filters[_LOOP_FILTER] = _counted_loop()
    return environment


# ----------------------------------------------------------------------------- the bounds


def _limit(what: str) -> TemplateLimitError:
    return TemplateLimitError(f"the template {what}")


def _check_size(value: JinjaObject) -> JinjaObject:
    if isinstance(value, str | list | tuple | bytes) and len(value) > MAX_OUTPUT:
        raise _limit(f"built a value of {len(value)} items; the bound is {MAX_OUTPUT}")
    return value


def _check_text(size: int, what: str) -> None:
    """Refuse an operation whose result would have ``size`` characters, before it runs."""
    if size > MAX_OUTPUT:
        raise _limit(f"{what} a text of more than {MAX_OUTPUT} characters")


def _checked_text(value: JinjaObject) -> JinjaObject:
    """``value``, once its text (printed, concatenated) is known to fit."""
    _check_text(text_size(value, MAX_OUTPUT), "prints")
    return value


def _check_integer(bits: int) -> None:
    if bits > MAX_NUMBER_BITS:
        raise _limit(f"computes an integer of about {bits} bits; the bound is {MAX_NUMBER_BITS}")


def _is_integer(value: JinjaObject) -> bool:
    return isinstance(value, int)  # bool included: True ** n is cheap either way


def _sized(value: JinjaObject) -> bool:
    return isinstance(value, str | list | tuple | bytes)


def _multiply(left: JinjaObject, right: JinjaObject) -> JinjaObject:
    if (_sized(left) and _is_integer(right)) or (_sized(right) and _is_integer(left)):
        sequence, times = (left, right) if _sized(left) else (right, left)
        if len(sequence) * max(times, 0) > MAX_OUTPUT:
            raise _limit(f"repeats a value {times} times; the bound is {MAX_OUTPUT} items")
    elif _is_integer(left) and _is_integer(right):
        _check_integer(abs(left).bit_length() + abs(right).bit_length())
    return left * right


def _power(left: JinjaObject, right: JinjaObject) -> JinjaObject:
    if _is_integer(left) and _is_integer(right) and right > 0 and abs(left) > 1:
        _check_integer(abs(left).bit_length() * right)
    try:
        return left**right
    except OverflowError:  # a float too large: the same bound, said once
        raise _limit("computes a number too large") from None


def _add(left: JinjaObject, right: JinjaObject) -> JinjaObject:
    if _sized(left) and _sized(right) and len(left) + len(right) > MAX_OUTPUT:
        raise _limit(f"built a value of more than {MAX_OUTPUT} items")
    return left + right


def _format(left: JinjaObject, right: JinjaObject) -> JinjaObject:
    if isinstance(left, str):
        arguments = right if isinstance(right, tuple) else (right,)
        sizes = [int(d) for match in _FORMAT_SIZES.finditer(left) for d in match.groups() if d]
        starred = "*" in left  # once: a search per argument was quadratic
        if any(size > MAX_OUTPUT for size in sizes) or (
            starred and any(_is_integer(a) and a > MAX_OUTPUT for a in arguments)
        ):
            raise _limit(f"formats with a width above {MAX_OUTPUT}")
        _check_text(_formatted_size(left, right, sum(sizes)), "formats")
        return _check_size(left % right)
    return left % right


def _formatted_size(pattern: str, arguments: JinjaObject, widths: int) -> int:
    """At most the characters of ``pattern % arguments``: the pattern, the widths, and each
    argument written as %r/%a would write it (the widest); a mapping's values as many times as
    the pattern has conversions."""
    form: Form = "ascii" if "%a" in pattern else "repr"
    budget = MAX_OUTPUT - len(pattern) - widths
    if isinstance(arguments, Mapping):
        conversions = pattern.count("%")
        widest = max((text_size(v, budget, form) for v in arguments.values()), default=0)
        whole = text_size(arguments, budget, form)
        return len(pattern) + widths + max(whole, conversions * widest)
    return len(pattern) + widths + text_size(arguments, budget, form)


_BOUNDED_OPERATORS: Final[dict[str, Callable[[JinjaObject, JinjaObject], JinjaObject]]] = {
    "*": _multiply,
    "**": _power,
    "+": _add,
    "%": _format,
}


def _bounded_finalize(given: Callable[..., JinjaObject] | None) -> Callable[..., JinjaObject]:
    """The environment's ``finalize`` (if any), then a check that the value's text fits:
    ``{{ x }}`` is written with ``str(x)``."""
    from jinja2.utils import _PassArg

    def finalize(*args: JinjaObject) -> JinjaObject:
        return _checked_text(given(*args) if given is not None else args[-1])

    passed = _PassArg.from_obj(given) if given is not None else None
    if passed is not None:
        # how Jinja marks a pass_context function: an attribute set on the function object
        finalize.jinja_pass_arg = passed  # type: ignore[attr-defined]
    return finalize


def _bounded_concat(parts: Iterable[str]) -> str:
    kept: list[str] = []
    length = 0
    for part in parts:
        length += len(part)
        if length > MAX_OUTPUT:
            raise _limit(f"renders more than {MAX_OUTPUT} characters")
        kept.append(part)
    return "".join(kept)


def _step(context: JinjaObject) -> None:
    # The counter lives on the render's context: every macro of one render shares it.
    steps = getattr(context, "_nrscompose_steps", 0) + 1
    if steps > MAX_STEPS:
        raise _limit(f"takes more than {MAX_STEPS} loop iterations and macro calls")
    context._nrscompose_steps = steps


def _counted_loop_items(
    context: JinjaObject, items: Iterable[JinjaObject]
) -> Iterator[JinjaObject]:
    for item in items:
        _step(context)
        yield item


def _counted_loop() -> JinjaObject:
    from jinja2 import pass_context

    @pass_context
    def counted(context: JinjaObject, items: JinjaObject) -> JinjaObject:
        if not isinstance(items, Iterable):
            return items  # an undefined value: the loop reports it as it always did
        return _counted_loop_items(context, items)

    return counted


def _checked_filter(name: str, function: Callable[..., JinjaObject]) -> Callable[..., JinjaObject]:
    """``function`` refusing size arguments above the bound (``'a'|center(2000000000)``) and,
    before it runs, a result that would pass the bound (see :data:`_GROWTH`)."""
    from jinja2.utils import _PassArg

    skip = 2 if _PassArg.from_obj(function) is not None else 1  # the context, the value
    growth = _GROWTH.get(name, _text_of_value if name in _TEXT_FILTERS else None)
    replacement = _REPLACEMENTS.get(name)

    @functools.wraps(function)
    def checked(*args: JinjaObject, **kwargs: JinjaObject) -> JinjaObject:
        for argument in (*args[skip:], *kwargs.values()):
            if _is_integer(argument) and argument > MAX_OUTPUT:
                raise _limit(f"gives a filter the size {argument}; the bound is {MAX_OUTPUT}")
        if growth is not None and len(args) >= skip:
            value = args[skip - 1]
            if name in _LISTING_FILTERS:
                value = _listed(value, _separator_size(name, args[skip:], kwargs))
            args = (*args[: skip - 1], value, *args[skip:])
            _check_text(growth(value, args[skip:], kwargs), f"makes with {name!r}")
        if replacement is not None:
            return _check_size(replacement(function, args, kwargs))
        return _check_size(function(*args, **kwargs))

    return checked


# ------------------------------------------------------------- what each filter would make


def _listed(value: JinjaObject, between: int = 0) -> JinjaObject:
    """An iterator's items in a list, so they can be measured: at most :data:`MAX_OUTPUT`
    items and characters of their text, ``between`` characters after each of them
    (``map('string')|join(separator)``)."""
    if isinstance(value, str | Mapping | list | tuple | set | frozenset) or not isinstance(
        value, Iterable
    ):
        return value
    items: list[JinjaObject] = []
    total = 0
    for item in value:
        items.append(item)
        total += text_size(item, MAX_OUTPUT - total) + between
        if len(items) > MAX_OUTPUT or total > MAX_OUTPUT:
            raise _limit(f"joins more than {MAX_OUTPUT} items or characters")
    return items


def _separator_size(
    name: str, args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject]
) -> int:
    return text_size(_argument(args, kwargs, 0, "d", ""), MAX_OUTPUT) if name == "join" else 0


def _text_of_value(
    value: JinjaObject, args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject]
) -> int:
    return text_size(value, MAX_OUTPUT)


def _escaped_text(
    value: JinjaObject, args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject]
) -> int:
    # Up to five characters per character: what HTML escaping makes of '"' (&#34;).
    size = text_size(value, MAX_OUTPUT)
    return size if size > MAX_OUTPUT else size + 4 * _specials(value)


def _specials(value: JinjaObject) -> int:
    text = value if isinstance(value, str) else ""
    return sum(text.count(char) for char in "<>&'\"")


def _argument(args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject], at: int, name: str,
              default: JinjaObject) -> JinjaObject:  # fmt: skip
    return args[at] if len(args) > at else kwargs.get(name, default)


def _replace_growth(
    value: JinjaObject, args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject]
) -> int:
    size = text_size(value, MAX_OUTPUT)
    old, new = _argument(args, kwargs, 0, "old", ""), _argument(args, kwargs, 1, "new", "")
    count = _argument(args, kwargs, 2, "count", None)
    old_size, new_size = text_size(old, MAX_OUTPUT), text_size(new, MAX_OUTPUT)
    if isinstance(value, str) and isinstance(old, str) and old:
        found = value.count(old)
    else:
        found = size + 1  # an empty pattern matches between every two characters
    if _is_integer(count) and count >= 0:
        found = min(found, count)
    return size + found * max(0, new_size - old_size)


def _join_growth(
    value: JinjaObject, args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject]
) -> int:
    separator = text_size(_argument(args, kwargs, 0, "d", ""), MAX_OUTPUT)
    if not isinstance(value, Iterable) or isinstance(value, str):
        return text_size(value, MAX_OUTPUT)
    total = 0
    for item in value:
        total += text_size(item, MAX_OUTPUT) + separator
        if total > MAX_OUTPUT:
            break
    return total


def _structured_growth(form: Form, indent_name: str) -> Callable[..., int]:
    def growth(
        value: JinjaObject, args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject]
    ) -> int:
        found = walk(value, MAX_OUTPUT, form)
        indent = _argument(args, kwargs, 0, indent_name, None) if indent_name else 1
        width = indent if _is_integer(indent) else text_size(indent or "", MAX_OUTPUT)
        # A line per item, indented by its depth (pprint: one space per level).
        return found.size + found.items * (1 + max(0, width) * (found.depth + 1))

    return growth


def _format_growth(
    value: JinjaObject, args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject]
) -> int:
    pattern = value if isinstance(value, str) else ""
    arguments: JinjaObject = kwargs or args
    return _formatted_size(pattern, arguments, 0)


def _indent_growth(
    value: JinjaObject, args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject]
) -> int:
    width = _argument(args, kwargs, 0, "width", 4)
    per_line = width if _is_integer(width) else text_size(width, MAX_OUTPUT)
    lines = value.count("\n") + 1 if isinstance(value, str) else text_size(value, MAX_OUTPUT)
    return text_size(value, MAX_OUTPUT) + lines * max(0, per_line)


def _wordwrap_growth(
    value: JinjaObject, args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject]
) -> int:
    wrap = _argument(args, kwargs, 3, "wrapstring", None)
    size = text_size(value, MAX_OUTPUT)
    return size + (size + 1) * max(1, text_size(wrap or "\n", MAX_OUTPUT))


def _urlize_growth(
    value: JinjaObject, args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject]
) -> int:
    size = text_size(value, MAX_OUTPUT)
    target = text_size(_argument(args, kwargs, 2, "target", None) or "", MAX_OUTPUT)
    rel = text_size(_argument(args, kwargs, 3, "rel", None) or "", MAX_OUTPUT)
    text = value if isinstance(value, str) else ""
    # A link needs a dot, an @ or a colon; it writes its URL twice, escaped, in <a href=…>.
    links = text.count(".") + text.count("@") + text.count(":") if text else size
    return 12 * size + links * (60 + 6 * (target + rel))


def _sum_growth(
    value: JinjaObject, args: tuple[JinjaObject, ...], kwargs: dict[str, JinjaObject]
) -> int:
    start = _argument(args, kwargs, 1, "start", 0)
    if not isinstance(start, list | tuple) or not isinstance(value, Iterable):
        return 0  # numbers: the integer bounds apply to each addition
    total = len(start)
    for item in value:
        total += len(item) if isinstance(item, list | tuple) else 1
        if total > MAX_OUTPUT:
            break
    return total


def _sum_sequences(function: Callable[..., JinjaObject], args: tuple[JinjaObject, ...],
                   kwargs: dict[str, JinjaObject]) -> JinjaObject:  # fmt: skip
    """``sum`` of lists in one pass: Python's adds them pairwise, in quadratic time."""
    start = _argument(args[2:], kwargs, 1, "start", 0)
    values = args[1] if len(args) > 1 else None
    if not isinstance(start, list | tuple) or _argument(args[2:], kwargs, 0, "attribute", None):
        return function(*args, **kwargs)
    items = list(start)
    for item in values if isinstance(values, Iterable) else ():
        if not isinstance(item, type(start)):
            return function(*args, **kwargs)  # the TypeError Python gives
        items.extend(item)
    return type(start)(items)


_GROWTH: Final[
    dict[str, Callable[[JinjaObject, tuple[JinjaObject, ...], dict[str, JinjaObject]], int]]
] = {
    "replace": _replace_growth,
    "join": _join_growth,
    "tojson": _structured_growth("json", "indent"),
    "pprint": _structured_growth("repr", ""),
    "xmlattr": _structured_growth("json", ""),
    "format": _format_growth,
    "indent": _indent_growth,
    "wordwrap": _wordwrap_growth,
    "urlize": _urlize_growth,
    "sum": _sum_growth,
    "urlencode": lambda value, args, kwargs: 12 * text_size(value, MAX_OUTPUT),
    "e": _escaped_text,
    "escape": _escaped_text,
    "forceescape": _escaped_text,
}
# Filters that write their value as text (Jinja's soft_str): the text must fit first.
_TEXT_FILTERS: Final = frozenset({
    "capitalize", "center", "lower", "safe", "string",
    "striptags", "title", "trim", "truncate", "upper", "wordcount", "reverse",
})  # fmt: skip
_LISTING_FILTERS: Final = frozenset({"join", "sum"})
_REPLACEMENTS: Final[dict[str, Callable[..., JinjaObject]]] = {"sum": _sum_sequences}


def _bounded_environment(base: type[ImmutableSandboxedEnvironment]) -> type[JinjaObject]:
    import jinja2
    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator

    class _Generator(CodeGenerator):
        def visit_Template(self, node: nodes.Template, frame: JinjaObject = None) -> None:
            # Every loop's items pass through a counter, so nested loops over literals stop;
            # done before generating, which first collects the filters the code uses.
            for loop in node.find_all(nodes.For):
                loop.iter = nodes.Filter(loop.iter, _LOOP_FILTER, [], [], None, None,
                                         lineno=loop.lineno)  # fmt: skip
            super().visit_Template(node, frame)

        def visit_Concat(self, node: nodes.Concat, frame: JinjaObject) -> None:
            # Jinja's own, with the operands measured before they are joined: ``a ~ b``.
            if frame.eval_ctx.volatile:
                join = "(markup_join if context.eval_ctx.volatile else str_join)"
            elif frame.eval_ctx.autoescape:
                join = "markup_join"
            else:
                join = "str_join"
            self.write(f"{join}(environment.checked_operands((")
            for operand in node.nodes:
                self.visit(operand, frame)
                self.write(", ")
            self.write(")))")

    class _Template(jinja2.Template):
        def render(self, *args: JinjaObject, **kwargs: JinjaObject) -> str:
            try:
                return super().render(*args, **kwargs)
            except RecursionError:
                pass
            raise _limit("recurses deeper than Python allows")

    # a subclass of the caller's environment class, known only at run time
    class Bounded(base):  # type: ignore[misc, valid-type]
        code_generator_class = _Generator
        template_class = _Template
        intercepted_binops = frozenset(_BOUNDED_OPERATORS)
        concat = staticmethod(_bounded_concat)

        def compile(self, *args: JinjaObject, **kwargs: JinjaObject) -> JinjaObject:
            try:
                return super().compile(*args, **kwargs)
            except RecursionError:
                pass
            raise _limit("nests expressions deeper than Python allows")

        def call_binop(
            self, context: JinjaObject, operator_name: str, left: JinjaObject, right: JinjaObject
        ) -> JinjaObject:
            bounded = _BOUNDED_OPERATORS.get(operator_name)
            if bounded is not None:
                return bounded(left, right)
            return super().call_binop(context, operator_name, left, right)

        def call(
            __self,
            __context: JinjaObject,
            __obj: JinjaObject,
            *args: JinjaObject,
            **kwargs: JinjaObject,
        ) -> JinjaObject:
            _step(__context)
            for argument in (*args, *kwargs.values()):
                _check_size(argument)
            return super().call(__context, __obj, *args, **kwargs)

        @staticmethod
        def checked_size(value: JinjaObject) -> JinjaObject:
            return _check_size(value)

        @staticmethod
        def checked_operands(operands: tuple[JinjaObject, ...]) -> tuple[JinjaObject, ...]:
            total = 0
            for operand in operands:
                total += text_size(operand, MAX_OUTPUT - total)
                _check_text(total, "concatenates")
            return operands

    return Bounded
