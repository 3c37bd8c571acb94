"""The 360nrs custom-field filters for Jinja2, and a sandbox for user-supplied templates.

People who keep e-mail or landing-page HTML in Jinja2 get the same seven filters, under the
same names, as ``{name|filter}`` in an SMS: :func:`install_filters` adds them to any
``jinja2.Environment`` (sandboxed ones included), so ``{{ name|capitalizeAll }}`` renders as
``{name|capitalizeAll}`` does. Jinja2 is imported only here, and only when called.

:func:`sandboxed_environment` is for templates written by users: an immutable sandbox that
also refuses every attribute (``{{ x.y }}`` only looks ``y`` up as a key of a mapping) and
every call except template macros, with no globals. A template can then read the values it is
given and apply filters, and nothing else: no code runs, no object is inspected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nrscompose.filters import FILTERS, Filter, Shortener, make_shorten, value_text

if TYPE_CHECKING:
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

__all__ = ["install_filters", "sandboxed_environment"]


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
    """Add the seed 001 filters to ``environment`` (returned, for chaining).

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
    from jinja2.runtime import Macro
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class _NoAttributes(ImmutableSandboxedEnvironment):
        # Jinja's sandbox blocks private and unsafe attributes; this one blocks them all, so
        # data can only be reached as keys of the mappings passed to render().
        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            return False

        def is_safe_callable(self, obj: Any) -> bool:
            return isinstance(obj, Macro)

    environment = _NoAttributes(**options)
    environment.globals.clear()
    return install_filters(environment, shortener=shortener)  # type: ignore[return-value]
