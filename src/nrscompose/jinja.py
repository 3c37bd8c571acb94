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
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

from nrscompose._extras import require
from nrscompose.errors import NrsComposeError
from nrscompose.filters import FILTERS, Filter, Shortener, make_shorten, value_text

if TYPE_CHECKING:
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

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


def _jinja_filter(function: Filter) -> Any:
    def apply(value: Any) -> str:
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
    *, shortener: Shortener | None = None, **options: Any
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
        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            return False

        def is_safe_callable(self, obj: Any) -> bool:
            return isinstance(obj, Macro)

    environment: ImmutableSandboxedEnvironment = _bounded_environment(_NoAttributes)(**options)
    environment.globals.clear()
    install_filters(environment, shortener=shortener)
    environment.filters = {
        name: _checked_filter(function) for name, function in environment.filters.items()
    }
    environment.filters[_LOOP_FILTER] = _counted_loop()
    return environment


# ----------------------------------------------------------------------------- the bounds


def _limit(what: str) -> TemplateLimitError:
    return TemplateLimitError(f"the template {what}")


def _check_size(value: Any) -> Any:
    if isinstance(value, str | list | tuple | bytes) and len(value) > MAX_OUTPUT:
        raise _limit(f"built a value of {len(value)} items; the bound is {MAX_OUTPUT}")
    return value


def _check_integer(bits: int) -> None:
    if bits > MAX_NUMBER_BITS:
        raise _limit(f"computes an integer of about {bits} bits; the bound is {MAX_NUMBER_BITS}")


def _is_integer(value: Any) -> bool:
    return isinstance(value, int)  # bool included: True ** n is cheap either way


def _sized(value: Any) -> bool:
    return isinstance(value, str | list | tuple | bytes)


def _multiply(left: Any, right: Any) -> Any:
    if (_sized(left) and _is_integer(right)) or (_sized(right) and _is_integer(left)):
        sequence, times = (left, right) if _sized(left) else (right, left)
        if len(sequence) * max(times, 0) > MAX_OUTPUT:
            raise _limit(f"repeats a value {times} times; the bound is {MAX_OUTPUT} items")
    elif _is_integer(left) and _is_integer(right):
        _check_integer(abs(left).bit_length() + abs(right).bit_length())
    return left * right


def _power(left: Any, right: Any) -> Any:
    if _is_integer(left) and _is_integer(right) and right > 0 and abs(left) > 1:
        _check_integer(abs(left).bit_length() * right)
    try:
        return left**right
    except OverflowError:  # a float too large: the same bound, said once
        raise _limit("computes a number too large") from None


def _add(left: Any, right: Any) -> Any:
    if _sized(left) and _sized(right) and len(left) + len(right) > MAX_OUTPUT:
        raise _limit(f"built a value of more than {MAX_OUTPUT} items")
    return left + right


def _format(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        arguments = right if isinstance(right, tuple) else (right,)
        sizes = [int(d) for match in _FORMAT_SIZES.finditer(left) for d in match.groups() if d]
        if any(size > MAX_OUTPUT for size in sizes) or any(
            _is_integer(a) and a > MAX_OUTPUT for a in arguments if "*" in left
        ):
            raise _limit(f"formats with a width above {MAX_OUTPUT}")
        return _check_size(left % right)
    return left % right


_BOUNDED_OPERATORS: Final[dict[str, Callable[[Any, Any], Any]]] = {
    "*": _multiply,
    "**": _power,
    "+": _add,
    "%": _format,
}


def _bounded_concat(parts: Iterable[str]) -> str:
    kept: list[str] = []
    length = 0
    for part in parts:
        length += len(part)
        if length > MAX_OUTPUT:
            raise _limit(f"renders more than {MAX_OUTPUT} characters")
        kept.append(part)
    return "".join(kept)


def _step(context: Any) -> None:
    # The counter lives on the render's context: every macro of one render shares it.
    steps = getattr(context, "_nrscompose_steps", 0) + 1
    if steps > MAX_STEPS:
        raise _limit(f"takes more than {MAX_STEPS} loop iterations and macro calls")
    context._nrscompose_steps = steps


def _counted_loop_items(context: Any, items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        _step(context)
        yield item


def _counted_loop() -> Any:
    from jinja2 import pass_context

    @pass_context
    def counted(context: Any, items: Any) -> Any:
        if not isinstance(items, Iterable):
            return items  # an undefined value: the loop reports it as it always did
        return _counted_loop_items(context, items)

    return counted


def _checked_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` refusing size arguments above the bound (``'a'|center(2000000000)``)."""
    from jinja2.utils import _PassArg

    skip = 2 if _PassArg.from_obj(function) is not None else 1  # the context, the value

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        for argument in (*args[skip:], *kwargs.values()):
            if _is_integer(argument) and argument > MAX_OUTPUT:
                raise _limit(f"gives a filter the size {argument}; the bound is {MAX_OUTPUT}")
        return _check_size(function(*args, **kwargs))

    return checked


def _bounded_environment(base: type[ImmutableSandboxedEnvironment]) -> type[Any]:
    import jinja2
    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator

    class _Generator(CodeGenerator):
        def visit_Template(self, node: nodes.Template, frame: Any = None) -> None:
            # Every loop's items pass through a counter, so nested loops over literals stop;
            # done before generating, which first collects the filters the code uses.
            for loop in node.find_all(nodes.For):
                loop.iter = nodes.Filter(loop.iter, _LOOP_FILTER, [], [], None, None,
                                         lineno=loop.lineno)  # fmt: skip
            super().visit_Template(node, frame)

        def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
            self.write("environment.checked_size(")
            super().visit_Concat(node, frame)
            self.write(")")

    class _Template(jinja2.Template):
        def render(self, *args: Any, **kwargs: Any) -> str:
            try:
                return super().render(*args, **kwargs)
            except RecursionError:
                pass
            raise _limit("recurses deeper than Python allows")

    class Bounded(base):  # type: ignore[misc, valid-type]
        code_generator_class = _Generator
        template_class = _Template
        intercepted_binops = frozenset(_BOUNDED_OPERATORS)
        concat = staticmethod(_bounded_concat)

        def compile(self, *args: Any, **kwargs: Any) -> Any:
            try:
                return super().compile(*args, **kwargs)
            except RecursionError:
                pass
            raise _limit("nests expressions deeper than Python allows")

        def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
            bounded = _BOUNDED_OPERATORS.get(operator_name)
            if bounded is not None:
                return bounded(left, right)
            return super().call_binop(context, operator_name, left, right)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            _step(__context)
            for argument in (*args, *kwargs.values()):
                _check_size(argument)
            return super().call(__context, __obj, *args, **kwargs)

        @staticmethod
        def checked_size(value: Any) -> Any:
            return _check_size(value)

    return Bounded
