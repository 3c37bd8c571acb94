"""The filters in Jinja2, and the sandbox for user-supplied templates."""

from __future__ import annotations

import jinja2
import pytest
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from nrscompose._composition.filters import FILTERS
from nrscompose._composition.jinja import TemplateLimitError, install_filters, sandboxed_environment
from nrscompose._composition.template import Template

VALUES = {"name": "élise de la cruz", "number": "1234.50", "url": "https://example.com/x"}


@pytest.mark.parametrize(
    "filter_name",
    sorted(FILTERS),
)
@pytest.mark.parametrize(
    "environment",
    [jinja2.Environment(), SandboxedEnvironment(), sandboxed_environment()],
    ids=["plain", "sandboxed", "locked"],
)
def test_jinja_filters_match_sms_filters(filter_name: str, environment: jinja2.Environment) -> None:
    install_filters(environment)
    field = {"formatDotComma": "number", "formatCommaDot": "number", "shorten": "url"}.get(
        filter_name, "name"
    )
    jinja = environment.from_string(f"Hi {{{{ {field}|{filter_name} }}}}!").render(VALUES)
    sms = Template(f"Hi {{{field}|{filter_name}}}!").render(VALUES)
    assert jinja == sms


def test_chained_filters_and_numbers() -> None:
    environment = install_filters(jinja2.Environment())
    assert environment.from_string("{{ n|formatDotComma }}").render(n=1234567) == "1.234.567"
    assert environment.from_string("{{ s|lower|capitalizeAll }}").render(s="ANA MARÍA") == (
        "Ana María"
    )


def test_shortener_in_jinja() -> None:
    environment = install_filters(jinja2.Environment(), shortener=lambda url: "https://s.x/1")
    assert environment.from_string("{{ u|shorten }}").render(u="https://example.com") == (
        "https://s.x/1"
    )


def test_undefined_and_none() -> None:
    environment = install_filters(jinja2.Environment())
    assert environment.from_string("[{{ missing|upper }}]").render() == "[]"
    assert environment.from_string("[{{ n|upper }}]").render(n=None) == "[]"
    strict = install_filters(jinja2.Environment(undefined=jinja2.StrictUndefined))
    with pytest.raises(jinja2.UndefinedError):
        strict.from_string("{{ missing|upper }}").render()


def test_bad_number_raises() -> None:
    environment = install_filters(jinja2.Environment())
    with pytest.raises(ValueError, match="not a number"):
        environment.from_string("{{ n|formatCommaDot }}").render(n="abc")


class Secret:
    password = "hunter2"

    def leak(self) -> str:
        return self.password


@pytest.mark.parametrize(
    "source",
    [
        "{{ obj.password }}",
        "{{ obj.leak() }}",
        "{{ obj|attr('password') }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ name.upper() }}",
        "{{ name.__class__ }}",
        "{{ range(3)|list }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ lipsum() }}",
        "{{ (obj, 1)|map(attribute='password')|list }}",
        "{{ '{0.password}'.format(obj) }}",
        "{% for k in obj.__dict__ %}{{ k }}{% endfor %}",
    ],
)
def test_user_templates_cannot_read_attributes_or_run_code(source: str) -> None:
    environment = sandboxed_environment(undefined=jinja2.StrictUndefined)
    try:
        rendered = environment.from_string(source).render(obj=Secret(), name="ana")
    except (SecurityError, jinja2.UndefinedError, TypeError):
        return
    assert "hunter2" not in rendered
    assert "class" not in rendered
    assert "ANA" not in rendered


def test_user_templates_can_read_mappings_and_use_macros() -> None:
    environment = sandboxed_environment(autoescape=True)
    source = (
        "{% macro greet(n) %}Hola {{ n|capitalizeAll }}{% endmacro %}"
        "{{ greet(user.name) }} <{{ user['city']|upper }}>"
    )
    rendered = environment.from_string(source).render(user={"name": "ana <b>", "city": "sevilla"})
    assert rendered == "Hola Ana &lt;b&gt; <SEVILLA>"


# -------------------------------------------------------------------- resource exhaustion


@pytest.mark.parametrize(
    "source",
    [
        "{{ (9 ** 9999999) > 0 }}",
        "{{ 'a' * 2000000000 }}",
        "{{ 2000000000 * 'a' }}",
        "{{ [1] * 2000000000 }}",
        "{{ (10 ** 4000) * (10 ** 4000) > 0 }}",
        "{{ '%2000000000d' % 1 }}",
        "{{ '%.2000000000f' % 1.5 }}",
        "{{ 'a'|center(2000000000) }}",
        "{{ 'a'|indent(2000000000) }}",
        "{{ x|tojson(indent=2000000000) }}",
        "{{ 1.5 ** 100000 }}",
        # nested loops over literals: 10^12 iterations without output
        "{% for a in 'xxxxxxxxxx' * 100 %}{% for b in 'y' * 1000 %}{% for c in 'z' * 1000 %}"
        "{% endfor %}{% endfor %}{% endfor %}",
        # doubling a string through macro recursion (2^40 characters)
        "{% macro f(x, n) %}{% if n %}{{ f(x ~ x, n - 1) }}{% else %}{{ x|length }}"
        "{% endif %}{% endmacro %}{{ f('a', 40) }}",
        # doubling through sets, with no loop and no call
        "{% set x = 'a' * 1000 %}" + "{% set x = x ~ x %}" * 40 + "{{ x|length }}",
        # output: 1000 × 1000 × 10 characters
        "{% for a in items %}{% for b in items %}{{ 'x' * 10 }}{% endfor %}{% endfor %}",
        # exponential macro fan-out
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
        "{{ f(40) }}",
        # recursion deeper than Python allows
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
        # parsing nested deeper than Python allows (found by atheris)
        "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
        "{{ " + "-" * 5000 + "1 }}",
    ],
)
def test_user_templates_cannot_exhaust_cpu_or_memory(source: str) -> None:
    from nrscompose._composition.jinja import TemplateLimitError

    environment = sandboxed_environment()
    with pytest.raises(TemplateLimitError, match="the template"):
        environment.from_string(source).render(items=list(range(1000)), x=[1, 2])


def test_bounds_leave_ordinary_templates_alone() -> None:
    environment = sandboxed_environment()
    source = (
        "{% for item in items %}{{ item }}:{{ item * 2 }} "
        "{% endfor %}{{ 2 ** 10 }} {{ '-' * 3 }} {{ '%05.1f' % 3.14159 }} {{ 'ab'|center(6) }}"
        "{{ name ~ '!' }} {{ [1] + [2] }}"
    )
    rendered = environment.from_string(source).render(items=[1, 2, 3], name="Ana")
    assert rendered == "1:2 2:4 3:6 1024 --- 003.1   ab  Ana! [1, 2]"


def test_range_and_other_globals_stay_undefined() -> None:
    environment = sandboxed_environment(undefined=jinja2.StrictUndefined)
    assert environment.globals == {}
    for name in ("range", "lipsum", "cycler", "joiner", "namespace", "dict"):
        with pytest.raises(jinja2.UndefinedError):
            environment.from_string(f"{{{{ {name} }}}}").render()
        with pytest.raises((jinja2.UndefinedError, SecurityError)):
            environment.from_string(f"{{{{ {name}(3) }}}}").render()


def test_rendered_output_is_capped() -> None:
    from nrscompose._composition.jinja import MAX_OUTPUT, TemplateLimitError

    environment = sandboxed_environment()
    exactly = environment.from_string("{{ 'x' * n }}").render(n=MAX_OUTPUT)
    assert len(exactly) == MAX_OUTPUT
    with pytest.raises(TemplateLimitError, match="renders more than"):
        environment.from_string("{{ 'x' * n }}{{ 'y' }}").render(n=MAX_OUTPUT)


# ------------------------------------------- refused before allocating (issue 23, item 3)

GROWING_TEMPLATES = [
    "{{ ([[0] * 1000000] * 1000000)|string|length }}",
    "{{ [[0] * 1000000] * 1000000 }}",
    "{{ ([[0] * 1000000] * 1000000)|e }}",
    "{{ ([[0] * 1000000] * 1000000)|pprint }}",
    "{{ ([[0] * 1000000] * 1000000)|tojson }}",
    "{{ ('a' * 40000)|replace('a', 'b' * 30000) }}",
    "{{ ('a' * 900000)|replace('', 'bb') }}",
    "{{ ([('a' * 1000000)] * 1000)|join }}",
    "{{ ([('a' * 1000000)] * 1000)|join(',')|length }}",
    "{{ ([0] * 1000000)|map('string')|join('x' * 900000) }}",
    "{{ ([('a' * 1000000)] * 1000)|tojson }}",
    "{{ ('%s' * 500000) % ((('x' * 1000000),) * 500000) }}",
    "{{ ('%(a)s' * 200000) % {'a': 'x' * 1000} }}",
    "{{ ('%s' * 500000)|format(*((('x' * 1000000),) * 500000)) }}",
    "{{ ([0] * 1000000) ~ ([0] * 1000000) }}",
    "{% set x = [('a' * 1000000)] * 1000 %}{{ x[0] ~ x[1] }}",
    "{{ ([[0] * 1000] * 1000000)|sum(start=[])|length }}",
    "{{ ('\\n' * 500000)|indent(999999) }}",
    "{{ ('a ' * 500000)|wordwrap(1, wrapstring='x' * 999999) }}",
    "{{ ('a.co ' * 200000)|urlize(target='t' * 999999) }}",
    "{{ ([[0] * 1000000] * 1000000)|upper }}",
]


@pytest.mark.parametrize("source", GROWING_TEMPLATES)
def test_a_growing_operation_is_refused_before_it_allocates(source: str) -> None:
    import tracemalloc

    template = sandboxed_environment().from_string(source)
    tracemalloc.start()
    try:
        with pytest.raises(TemplateLimitError):
            template.render()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000, peak


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ ([[1, 2]] * 3)|sum(start=[]) }}", "[1, 2, 1, 2, 1, 2]"),
        ("{{ ('a' * 3)|replace('a', 'bc') }}", "bcbcbc"),
        ("{{ ['a', 'b']|join('-') }}", "a-b"),
        ("{{ '%s and %r' % ('x', 'y') }}", "x and 'y'"),
        ("{{ '%(n)s!'|format(n='ok') }}", "ok!"),
        ("{{ 'a\nb'|indent(2, first=True) }}", "  a\n  b"),
        ("{{ {'a': [1, 'é']}|tojson }}", '{"a": [1, "\\u00e9"]}'),
        ("{{ ('x' * 900000)|length }}", "900000"),
    ],
)
def test_growing_operations_under_the_bound_still_work(source: str, expected: str) -> None:
    assert sandboxed_environment().from_string(source).render() == expected
