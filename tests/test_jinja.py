"""The filters in Jinja2, and the sandbox for user-supplied templates."""

from __future__ import annotations

import jinja2
import pytest
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from nrscompose.filters import FILTERS
from nrscompose.jinja import install_filters, sandboxed_environment
from nrscompose.template import Template

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
