"""A campaign's per-row text and count, held to Template.preview and analyze."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nrscompose import analyze
from nrscompose._base.errors import ValidationError
from nrscompose._composition.template import Template
from nrscompose.campaign import CampaignPlan, RowEstimator

TEMPLATES = [
    "Hola {name|capitalizeAll}, tu pedido de {amount|formatDotComma} € ya está en camino a "
    "{city}. ¡Gracias! Baja: responde STOP",  # the README's quickstart: UTF-16 by its text
    "Hola {name|capitalize}, tu pedido ya está en camino a {city}. Gracias!",
    "{name|upper}{city}{amount|formatCommaDot}",
    "Olá {name}, código {OTP_CODE}",
    "Привет, {name}!",
]
values = st.one_of(
    st.none(),
    st.sampled_from(["", "josé luis", "ÍÑIGO", "1234.5", "-0.50", "x1", "Zoë 😀", "Łódź", "ß"]),
    st.text(max_size=12),
    st.integers(-(10**6), 10**6),
)
rows = st.fixed_dictionaries({"name": values, "city": values, "amount": values})


def outcome(render, *args, **options):
    try:
        return render(*args, **options)
    except ValidationError as error:
        return ("error", str(error))


@settings(max_examples=300, deadline=None)
@given(template=st.sampled_from(TEMPLATES), batch=st.lists(rows, max_size=8), lenient=st.booleans())
def test_rows_render_as_preview_does(template, batch, lenient):
    compiled = Template(template)
    renderer = compiled.row_renderer(lenient=lenient)
    for number, row in enumerate(batch + batch, 1):  # again: from the memo this time
        expected = outcome(compiled.preview, row, lenient=lenient, recipient=number)
        assert outcome(renderer, row, number) == expected


@settings(max_examples=200, deadline=None)
@given(
    template=st.sampled_from(TEMPLATES),
    row=rows,
    trans=st.booleans(),
    profile=st.sampled_from(["360nrs", "3gpp", "flat160"]),
)
def test_a_campaign_counts_each_text_as_analyze_does(template, row, trans, profile):
    run = RowEstimator(CampaignPlan(Template(template), trans=trans, profile=profile, lenient=True))
    try:
        text = run.renderer(row, 1)
    except ValidationError:
        return
    counted = run.count(text)
    expected = analyze(text, trans=trans, profile=profile)
    assert counted == expected
    assert counted.offending == expected.offending
    assert counted.notices == expected.notices


def test_the_quickstart_template_is_known_to_be_utf16_from_its_own_text():
    renderer = Template(TEMPLATES[0]).row_renderer()
    assert renderer.septets_excluded(False, "360nrs")
    assert not Template(TEMPLATES[1]).row_renderer().septets_excluded(False, "360nrs")


def test_a_filter_runs_once_per_distinct_value(monkeypatch):
    calls = []
    compiled = Template("Hola {name|capitalizeAll}")
    placeholder = compiled.placeholders[0]
    apply = placeholder.apply
    monkeypatch.setattr(
        type(placeholder), "apply", lambda self, value: calls.append(value) or apply(value)
    )
    renderer = compiled.row_renderer()
    texts = [renderer({"name": name}, n) for n, name in enumerate(["ana", "luis", "ana"] * 5)]
    assert texts[:3] == ["Hola Ana", "Hola Luis", "Hola Ana"]
    assert calls == ["ana", "luis"]


def test_a_bad_value_names_the_placeholder_and_row_as_preview_does():
    renderer = Template("Total {amount|formatDotComma}").row_renderer()
    with pytest.raises(ValidationError, match=r"sub\[7\]"):
        renderer({"amount": "12,5"}, 7)
