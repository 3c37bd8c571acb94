"""The 360nrs request builders and the email-contacts builders refuse with specific kinds, params
and (for 360nrs) the code each refusal had as ``value.invalid``, never the free-text escape
hatch; the sentences read as they did before they had kinds."""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._base.errors import ArgumentError, ValidationError
from nrscompose._base.problems import KINDS, Problem, required_one_of
from nrscompose.cli import main
from nrscompose.providers import email_contacts as contacts_api
from nrscompose.providers import nrs

SRC = Path(__file__).parent.parent / "src" / "nrscompose" / "providers"
CONVERTED = [
    SRC / "nrs" / "requests_channels.py",
    SRC / "nrs" / "requests_resources.py",
    SRC / "nrs" / "requests_sms.py",
    SRC / "nrs" / "_checks.py",
    SRC / "email_contacts" / "requests.py",
]
CREDS = nrs.Credentials("username", "apiPassword")
KEY = contacts_api.ApiKey("xkeysib-secret", "https://api.example.com")
PHONE = "34666555444"
MAIL = {"to": ["a@example.com"], "fromEmail": "x@example.com", "subject": "S",
        "replyTo": "r@example.com", "body": "<p>x</p>"}  # fmt: skip
VOICE = {"to": [PHONE], "message": "hola", "language": "es_ES", "gender": "F"}
# (kind, field, params, 360nrs code or None, the sentence as printed before)
Seen = tuple[str, str, dict[str, object], int | None, str]


def seen(problem: Problem) -> Seen:
    return problem.kind, problem.field, dict(problem.params), problem.code, problem.message


def refused(build: Callable[[], object]) -> list[Seen]:
    with pytest.raises(ValidationError) as caught:
        build()
    assert "value.invalid" not in caught.value.kinds
    return [seen(p) for p in caught.value.problems]


def validated(kind: nrs.Kind, payload: Mapping[str, object]) -> list[Seen]:
    problems = nrs.validate(kind, payload)
    assert all(p.kind != "value.invalid" for p in problems)
    return [seen(p) for p in problems]


def test_the_converted_modules_name_no_free_text_refusal() -> None:
    """The class, not its instances: no ``value.invalid`` and no ``invalid(...)`` helper call or
    definition (``Checker.invalid`` is gone with its last caller)."""
    for path in CONVERTED:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
        assert "value.invalid" not in strings, path
        calls = [n.func for n in ast.walk(tree) if isinstance(n, ast.Call)]
        names = {getattr(f, "attr", getattr(f, "id", None)) for f in calls}
        defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        assert "invalid" not in names | defined, path


# -- 360nrs: mail, Landing SMS -------------------------------------------------------------------

ONE_OF_CONTENT = {"first": "body", "second": "templateId", "third": "templateV2Id",
                  "fields": ("body", "templateId", "templateV2Id")}  # fmt: skip


def test_a_mail_without_content() -> None:
    expected = ("value.required_one_of_three", "body", ONE_OF_CONTENT, 140,
                "give body, templateId or templateV2Id")  # fmt: skip
    assert validated("mailing", {**MAIL, "body": None}) == [expected]
    built = refused(lambda: nrs.mailing(credentials=CREDS, to="a@example.com",
                                        from_email="x@example.com", subject="S",
                                        reply_to="r@example.com"))  # fmt: skip
    assert built == [expected]


def test_attachments_without_their_fields_or_not_base64() -> None:
    attachments = [{"name": "a"}, {"name": "b", "content": "@@"}, "c"]
    assert validated("mailing", {**MAIL, "attachments": attachments}) == [
        ("attachment.incomplete", "attachments[0]", {"index": 0}, 422,
         "needs name, content (base64), contentType"),
        ("attachment.content_not_encoded", "attachments[1].content", {"index": 1}, 422,
         "is not base64"),
        ("attachment.incomplete", "attachments[2]", {"index": 2}, 422,
         "needs name, content (base64), contentType"),
    ]  # fmt: skip


def test_a_landing_sms_without_a_template() -> None:
    expected = ("value.required_one_of_three", "templateBody",
                {"first": "templateBody", "second": "templateId", "third": "templateV2Id",
                 "fields": ("templateBody", "templateId", "templateV2Id")},
                140, "give templateBody, templateId or templateV2Id")  # fmt: skip
    payload = {"to": [PHONE], "from": "Shop", "message": "Hi {LAND_URL}"}
    assert validated("landing", payload) == [expected]
    built = refused(lambda: nrs.landing_sms(credentials=CREDS, to=PHONE, sender="Shop",
                                            message="Hi {LAND_URL}"))  # fmt: skip
    assert built == [expected]


# -- 360nrs: voice -------------------------------------------------------------------------------


def test_callers_that_are_not_a_mapping() -> None:
    assert validated("voice", {**VOICE, "callers": ["ES"]}) == [
        ("callers.not_mapping", "callers", {}, 132,
         'must map country codes to callers, e.g. {"ES": "6123456789"}'),
    ]  # fmt: skip


def test_a_caller_with_a_bad_country_and_number() -> None:
    expected = [
        ("callers.not_country", "callers.ESP", {"value": "'ESP'"}, 132,
         "is not a two-letter country code"),
        ("callers.not_phone", "callers.ESP", {"value": "'abc'", "country": "'ESP'"}, 132,
         "'abc' is not a phone number"),
    ]  # fmt: skip
    assert validated("voice", {**VOICE, "callers": {"ESP": "abc"}}) == expected
    callers = {"ESP": "abc"}
    built = refused(lambda: nrs.voice(credentials=CREDS, to=PHONE, message="hola",
                                      language="es_ES", gender="F", callers=callers))  # fmt: skip
    assert built == expected


def test_a_male_voice_for_a_female_only_language() -> None:
    expected = ("voice.female_only", "gender", {"language": "arb"}, 131,
                "arb is available only with a female voice")  # fmt: skip
    assert validated("voice", {**VOICE, "language": "arb", "gender": "M"}) == [expected]
    built = refused(lambda: nrs.voice(credentials=CREDS, to=PHONE, message="hola",
                                      language="arb", gender="M"))  # fmt: skip
    assert built == [expected]


_CALLER_TEXT = st.text(alphabet="ESes+1234 x", max_size=5)


@given(st.dictionaries(_CALLER_TEXT, _CALLER_TEXT, max_size=3))
def test_any_callers_are_accepted_or_refused_with_a_callers_kind(callers: dict[str, str]) -> None:
    kinds = {p.kind for p in nrs.validate("voice", {**VOICE, "callers": callers})}
    assert kinds <= {"callers.not_country", "callers.not_phone"}
    assert all(p.code == 132 for p in nrs.validate("voice", {**VOICE, "callers": callers}))


# -- 360nrs: WhatsApp, OTP -----------------------------------------------------------------------


def test_whatsapp_fields_that_are_not_strings_and_a_location_without_long() -> None:
    message = {"to": PHONE, "bodyFields": [1], "buttonAnswers": "yes", "location": {"lat": 1}}
    payload = {"templateId": 1, "from": PHONE, "messages": [message]}
    assert validated("whatsapp", payload) == [
        ("value.not_string_list", "messages[0].bodyFields", {}, 422, "must be a list of strings"),
        ("value.not_string_list", "messages[0].buttonAnswers", {}, 422,
         "must be a list of strings"),
        ("location.incomplete", "messages[0].location", {}, 422, "needs lat and long"),
    ]  # fmt: skip


def test_an_otp_recipient_that_is_neither_a_phone_nor_an_email() -> None:
    expected = ("recipient.not_phone_or_email", "recipient", {"value": "'call me'"}, 422,
                "'call me' must be a valid phone or email")  # fmt: skip
    assert refused(lambda: nrs.otp_generate(credentials=CREDS, recipient="call me")) == [expected]
    assert validated("otp-check", {"recipient": "call me", "code": "1234"}) == [expected]


# -- 360nrs: the other endpoints -----------------------------------------------------------------

INCLUDE = {"choices": "customFields, groups", "known": ["customFields", "groups"]}


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: nrs.endpoint("contacts.show", CREDS, path={"id": 1}, query={"include": []}),
         ("filter.no_values", "include", INCLUDE, 422,
          "give one or more of customFields, groups")),
        (lambda: nrs.endpoint("contacts.show", CREDS, path={"id": 1},
                              query={"include": "groups,tags,x"}),
         ("filter.unknown_values", "include",
          {"values": "'tags', 'x'", "choices": "customFields, groups", "unknown": ["tags", "x"]},
          422, "'tags', 'x': use customFields, groups")),
        (lambda: nrs.campaigns(CREDS, channel="fax"),
         ("campaigns.unknown_channel", "channel",
          {"value": "'fax'",
           "choices": "landing, mailing, sms, text2speech, voice-interactive",
           "known": ["landing", "mailing", "sms", "text2speech", "voice-interactive"]},
          None, "'fax' is not one of landing, mailing, sms, text2speech, voice-interactive")),
        (lambda: nrs.shorten_urls([], CREDS),
         ("shortener.no_urls", "urls", {}, None, "give a list of one or more URLs")),
        (lambda: nrs.shorten_urls("https://example.com", CREDS),
         ("shortener.no_urls", "urls", {}, None, "give a list of one or more URLs")),
        (lambda: nrs.generate_images({"x": ("gif", b"")}, CREDS),
         ("image.unknown_extension", "images.x.extension",
          {"value": "'gif'", "known": ["jpg", "png"]}, 422, "'gif' is not jpg or png")),
        (lambda: nrs.generate_images({}, CREDS),
         ("images.empty", "images", {}, 422, "give at least one image")),
        (lambda: nrs.coverage(CREDS, by="sea"),  # type: ignore[arg-type]
         ("coverage.unknown_by", "by", {"value": "'sea'", "known": ("network", "country")},
          None, "use 'network' or 'country'")),
    ],
)  # fmt: skip
def test_an_endpoint_refusal(build: Callable[[], object], expected: Seen) -> None:
    assert refused(build) == [expected]


@given(st.lists(st.sampled_from(["groups", "customFields", "tags", "", "groups,x"]), max_size=3))
def test_any_include_is_accepted_or_refused_with_a_filter_kind(values: list[str]) -> None:
    caught: ValidationError | None = None
    try:
        nrs.endpoint("contacts.show", CREDS, path={"id": 1}, query={"include": values})
    except ValidationError as error:
        caught = error
    if caught is not None:
        assert set(caught.kinds) <= {"filter.no_values", "filter.unknown_values"}
        assert caught.codes == (422,)


# -- the email-contacts provider -----------------------------------------------------------------


def test_a_contact_with_lower_case_attributes_and_a_lone_smtp_blacklist() -> None:
    build = lambda: contacts_api.create_contact(  # noqa: E731
        KEY, "a@example.com", attributes={"FNAME": "x", "lname": "y"}, smtp_blacklist_sender=[]
    )
    assert refused(build) == [
        ("attribute.not_upper_case", "attributes.lname", {"name": "'lname'"}, None,
         "attribute names are upper-case"),
        ("value.only_with", "smtpBlacklistSender", {"other": "updateEnabled"}, None,
         "is only available with updateEnabled"),
    ]  # fmt: skip


def test_an_import_without_source_or_list() -> None:
    assert refused(lambda: contacts_api.import_contacts(KEY, empty_contacts_attributes=False)) == [
        ("value.required_one_of_three", "fileUrl",
         {"first": "fileUrl", "second": "fileBody", "third": "jsonBody",
          "fields": ("fileUrl", "fileBody", "jsonBody")},
         None, "give fileUrl, fileBody or jsonBody"),
        ("value.required_either", "listIds",
         {"first": "listIds", "second": "newList", "fields": ("listIds", "newList")},
         None, "give listIds or newList"),
        ("value.only_with", "emptyContactsAttributes", {"other": "updateExistingContacts"},
         None, "is only available with updateExistingContacts"),
    ]  # fmt: skip


def test_an_import_from_a_local_file_or_over_ten_megabytes() -> None:
    build = lambda: contacts_api.import_contacts(  # noqa: E731
        KEY, file_url="/local/file.csv", file_body="x" * (10 * 2**20 + 1), list_ids=[1]
    )
    assert refused(build) == [
        ("import.not_http_url", "fileUrl", {"value": "'/local/file.csv'"}, None,
         "must be an http(s) URL (no local file)"),
        ("import.too_large", "fileBody", {"limit_mb": 10, "limit": 10 * 2**20}, None,
         "is over 10 MB; import it with fileUrl"),
    ]  # fmt: skip


# -- the helper, the command line, the translations ----------------------------------------------


@pytest.mark.parametrize("names", [(), ("a",), ("a", "b", "c", "d")])
def test_one_of_takes_two_or_three_names(names: tuple[str, ...]) -> None:
    with pytest.raises(ArgumentError):
        required_one_of("a", names)


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["request", "landing", "--to", PHONE, "--from", "Shop", "--message", "Hi {LAND_URL}"],
         "[140] templateBody: give templateBody, templateId or templateV2Id"),
        (["request", "voice", "--to", PHONE, "--message", "hi", "--set", "language=arb",
          "--set", "gender=M"],
         "[131] gender: arb is available only with a female voice"),
        (["request", "voice", "--to", PHONE, "--message", "hi", "--set", "language=es_ES",
          "--set", "gender=F", "--set", 'callers={"ESP": "abc"}'],
         "[132] callers.ESP: is not a two-letter country code; "
         "[132] callers.ESP: 'abc' is not a phone number"),
    ],
)  # fmt: skip
def test_the_command_line_prints_the_same_line_as_before(
    argv: list[str], line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err == f"nrscompose: error: {line}\n"


@pytest.mark.parametrize("locale", ["es", "pt"])
def test_every_new_sentence_is_translated(locale: str) -> None:
    from nrscompose._base.messages import translator

    kinds = list(KINDS)
    first, last = kinds.index("value.required_either"), kinds.index("import.too_large")
    assert last - first == 21
    for kind in kinds[first : last + 1]:
        assert translator(locale).gettext(KINDS[kind]) != KINDS[kind], kind


def test_a_refusal_reads_in_the_callers_language() -> None:
    (problem,) = nrs.validate("voice", {**VOICE, "language": "arb", "gender": "M"})
    assert problem.render("es") == "arb solo está disponible con voz femenina"
    assert problem.render("pt") == "arb só está disponível com voz feminina"
