"""Length ranges of templates, and the invariants that tie rendering to analyze()."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._base.errors import ValidationError
from nrscompose._composition.filters import FILTERS
from nrscompose._composition.template import OtpConfig, Template, analyze_template
from nrscompose._counting.analysis import analyze

# Characters that form a grapheme cluster on their own: GSM (both tables), Portuguese, BMP
# outside GSM, astral, and characters whose case mapping grows. Joining characters (combining
# marks, ZWJ sequences) are outside the model analyze_template promises (see docs).
GSM = "abcXYZ019 .,!?@£$¥èéÇØåΔ_ΦΓΛΩΠΨΣΘΞÆßÉ¡ÄÖÑÜ§¿äöñüà^{}\\[~]|€"
OTHER = "çõêÁ∞`ЖЯ’😀🎉ﬃİŉǆ"
LITERAL = GSM + OTHER + "\n"

literal_text = st.text(alphabet=LITERAL, max_size=200).filter(lambda t: "{" not in t)
chains = st.lists(st.sampled_from(["lower", "upper", "capitalize", "capitalizeAll"]), max_size=2)


@st.composite
def templates(draw: st.DrawFn) -> tuple[str, dict[str, int], dict[str, str]]:
    count = draw(st.integers(0, 3))
    pieces = [draw(literal_text)]
    lengths: dict[str, int] = {}
    alphabets: dict[str, str] = {}
    for index in range(count):
        name = f"v{draw(st.integers(0, 2))}"
        chain = draw(chains)
        pieces.append("{" + "|".join([name, *chain]) + "}")
        pieces.append(draw(literal_text))
        lengths.setdefault(name, draw(st.integers(0, 40)))
        alphabets.setdefault(name, draw(st.sampled_from(["gsm", "unicode"])))
        del index
    return "".join(pieces), lengths, alphabets


@given(st.text(max_size=300).filter(lambda t: "{" not in t))
def test_template_without_placeholders_renders_to_itself(text: str) -> None:
    template = Template(text)
    assert template.render({}) == text
    assert template.preview({}) == text


@given(literal_text)
def test_range_of_a_fixed_text_is_its_analysis(text: str) -> None:
    bounds = analyze_template(text)
    expected = analyze(text)
    assert bounds.best.analysis == expected
    assert bounds.worst.analysis == expected
    assert bounds.exact


def _reference_render(text: str, values: dict[str, str], template: Template) -> str:
    out = text
    for placeholder in sorted(template.placeholders, key=lambda p: -p.start):
        value = values[placeholder.name]
        for name in placeholder.filters:
            value = FILTERS[name](value)
        out = out[: placeholder.start] + value + out[placeholder.end :]
    return out


Drawn = tuple[Template, dict[str, int], dict[str, str], dict[str, str]]


@st.composite
def templates_and_values(draw: st.DrawFn) -> Drawn:
    text, lengths, alphabets = draw(templates())
    template = Template(text)
    values = {}
    for name, length in lengths.items():
        alphabet = GSM if alphabets[name] == "gsm" else GSM + OTHER
        values[name] = draw(st.text(alphabet=alphabet, max_size=length))
    return template, lengths, alphabets, values


@given(templates_and_values(), st.sampled_from(["360nrs", "3gpp"]), st.booleans())
def test_worst_case_bounds_every_rendering_and_best_case_is_below(
    drawn: Drawn,
    profile: str,
    trans: bool,
) -> None:
    template, lengths, alphabets, values = drawn
    bounds = analyze_template(
        template,
        max_lengths=lengths,
        alphabets=alphabets,  # type: ignore[arg-type]
        profile=profile,
        trans=trans,
    )
    rendered = template.render(values)
    assert rendered == _reference_render(template.text, values, template)
    sample = analyze(rendered, profile=profile, trans=trans)
    assert bounds.best.parts <= sample.parts <= bounds.worst.parts
    # Each end is a real rendering: rendering then analyzing is analyzing the rendered text.
    for case in (bounds.best, bounds.worst):
        assert case.analysis == analyze(case.text, profile=profile, trans=trans)
        assert Template(template.text).render(case.values) == case.text


@given(templates_and_values())
def test_split_parts_range_bounds_every_rendering(
    drawn: Drawn,
) -> None:
    from nrscompose._composition.template import split_sms

    template, lengths, alphabets, values = drawn
    try:
        bounds = analyze_template(
            template,
            max_lengths=lengths,
            alphabets=alphabets,
            split_parts=True,  # type: ignore[arg-type]
        )
    except ValidationError as error:
        codes = error.kinds
    else:
        codes = ()
        sms = split_sms(template, values)
        assert bounds.best.parts <= len(sms) <= bounds.worst.parts
    assert codes in ((), ("template.split_placeholder",))


def test_form_example_name_up_to_20_characters() -> None:
    text = "Hola {name|capitalize}, tu pedido esta listo. Recogelo en tienda."
    gsm = analyze_template(
        text.replace("|capitalize", ""), max_lengths={"name": 20}, alphabets={"name": "gsm"}
    )
    assert gsm.encodings == ("gsm", "gsm")
    # capitalize can take a GSM value out of GSM: "ì" is GSM, its capital "Ì" is not.
    capitalized = analyze_template(text, max_lengths={"name": 20}, alphabets={"name": "gsm"})
    assert capitalized.encodings == ("gsm", "utf-16")
    # With a Portuguese literal, a GSM value can still force UTF-16: "ß" is not in the
    # Portuguese tables.
    accented = analyze_template("Olá {name}", max_lengths={"name": 1}, alphabets={"name": "gsm"})
    assert accented.encodings == ("gsm-pt", "utf-16")
    anything = analyze_template(text, max_lengths={"name": 20})
    assert anything.encodings == ("gsm", "utf-16")
    assert anything.worst.text.count("😀") == 20


def test_a_value_can_make_the_text_cheaper() -> None:
    # "€" is two septets in gsm but one in gsm-pt: a Portuguese character in the value switches
    # the encoding and saves a part (DESIGN 1.1), so the best case is not the empty value.
    text = "€" * 81 + "{x}"
    bounds = analyze_template(text, max_lengths={"x": 1})
    assert analyze("€" * 81).parts == 2
    assert bounds.best.parts == 1
    assert bounds.best.encoding == "gsm-pt"


def test_samples_infer_alphabet_and_length() -> None:
    samples = [{"name": "Ana"}, {"name": "Bartolomé Esteban"}]
    bounds = analyze_template("Hi {name}", samples=samples)
    assert bounds.worst.values["name"] != ""
    assert len(bounds.worst.values["name"]) == len("Bartolomé Esteban")
    assert bounds.worst.encoding == "gsm"
    unicode_samples = [{"name": "Łukasz"}]
    assert analyze_template("Hi {name}", samples=unicode_samples).worst.encoding == "utf-16"


def test_undeclared_length_is_an_error_naming_the_placeholder() -> None:
    with pytest.raises(ValidationError, match=r"No maximum length declared for \{name\}"):
        analyze_template("Hi {name}")
    assert analyze_template("Hi {name}", default_max_length=5).parts == (1, 1)


def test_min_lengths_raise_the_best_case() -> None:
    text = "x" * 150 + "{a}"
    gsm = {"a": "gsm"}
    assert analyze_template(text, max_lengths={"a": 30}, alphabets=gsm).parts == (1, 2)
    assert analyze_template(text, max_lengths={"a": 30}).parts == (1, 4)  # 30 astral: 210 units
    narrowed = analyze_template(text, max_lengths={"a": 30}, min_lengths={"a": 20}, alphabets=gsm)
    assert narrowed.parts == (2, 2)


def test_number_and_shorten_placeholders() -> None:
    bounds = analyze_template(
        "Saldo {n|formatDotComma} {u|shorten}", max_lengths={"n": 7, "u": 300}
    )
    assert bounds.worst.text == "Saldo 9.999.999 https://nrs.so/xxxxxx"
    assert bounds.best.text == "Saldo  https://nrs.so/xxxxxx"


def test_otp_length_enters_the_range() -> None:
    text = "x" * 154 + " {OTP_CODE}"
    assert analyze_template(text).parts == (1, 1)
    assert analyze_template(text, otp=OtpConfig(length=6)).parts == (2, 2)


def test_landing_template_without_land_url_is_141() -> None:
    with pytest.raises(ValidationError) as caught:
        analyze_template("no link", channel="landing")
    assert caught.value.kinds == ("template.placeholder_required",)


def test_split_parts_range_and_142() -> None:
    text = "A" * 150 + " {name} " + "B" * 90
    bounds = analyze_template(
        text, max_lengths={"name": 30}, alphabets={"name": "gsm"}, split_parts=True
    )
    assert bounds.parts == (2, 2)
    assert bounds.worst.sms is not None
    assert bounds.worst.sms[0] == "A" * 150 + " "  # the value moved whole to the second SMS
    assert bounds.worst.sms is not None
    with pytest.raises(ValidationError) as caught:
        analyze_template("Hi {name}", max_lengths={"name": 100}, split_parts=True)
    assert caught.value.kinds == ("template.split_placeholder",)


def test_a_maximum_length_past_a_million_is_refused_not_rendered():
    with pytest.raises(ValidationError, match="over 1,000,000 characters"):
        analyze_template("Hi {name}", max_lengths={"name": 10**9})
    with pytest.raises(ValidationError, match="over 1,000,000 characters"):
        analyze_template("Hi {name}", default_max_length=10**11)
