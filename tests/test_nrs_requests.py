"""360nrs request builders: URLs, auth, bodies, and every documented validation code."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fuzz_targets
import nrscompose
from nrscompose._base.errors import ValidationError
from nrscompose._base.http import HttpRequest
from nrscompose._base.problems import KINDS, PLURAL_KINDS, VARIANT_KINDS, render
from nrscompose.providers import nrs
from nrscompose.providers.nrs import CATALOGUE

CREDS = nrs.Credentials("username", "apiPassword")
TO = ["34666555444"]


def body(request: HttpRequest) -> dict[str, object]:
    decoded = request.json()
    assert isinstance(decoded, dict)
    return decoded


def codes(error: pytest.ExceptionInfo[ValidationError]) -> set[int]:
    return {p.code for p in error.value.problems if p.code is not None}


# -- credentials and the request type ---------------------------------------------------------


def test_authorization_header_is_the_seed_example() -> None:
    # Seed 001, "Authentication": username / apiPassword.
    assert CREDS.authorization == "Basic dXNlcm5hbWU6YXBpUGFzc3dvcmQ="


def test_secret_never_in_repr_str_or_errors() -> None:
    creds = nrs.Credentials("user", "s3cr3t-Pa55")
    request = nrs.account(creds)
    token = creds.authorization.split()[1]
    for shown in (repr(creds), str(creds), repr(request), str(request)):
        assert "s3cr3t" not in shown
        assert token not in shown
    with pytest.raises(ValidationError) as error:
        nrs.sms(to=["1"], sender="", message="", credentials=creds)
    assert "s3cr3t" not in str(error.value)
    assert token not in str(error.value)


def test_base_url_is_configurable() -> None:
    creds = nrs.Credentials("u", "p", base_url="https://white.label.example/")
    assert nrs.account(creds).url == "https://white.label.example/api/rest/account"
    assert nrs.account(CREDS).url == "https://dashboard.360nrs.com/api/rest/account"


def test_invalid_credentials_refused() -> None:
    with pytest.raises(ValueError, match="no ':'"):
        nrs.Credentials("a:b", "p")
    with pytest.raises(ValueError, match="api_password"):
        nrs.Credentials("a", "")


def test_request_type_is_immutable_and_validated() -> None:
    request = nrs.account(CREDS)
    with pytest.raises(AttributeError):
        request.method = "POST"  # type: ignore[misc]
    with pytest.raises(ValueError, match="method"):
        HttpRequest("FETCH", "https://x.example/")
    with pytest.raises(ValueError, match="absolute"):
        HttpRequest("GET", "/relative")
    with pytest.raises(ValueError, match="header"):
        HttpRequest("GET", "https://x.example/", (("X-Bad", "a\r\nb"),))
    assert request.idempotent
    assert not nrs.sms(to=TO, sender="T", message="x", credentials=CREDS).idempotent


# -- SMS --------------------------------------------------------------------------------------


def test_sms_matches_the_seed_example() -> None:
    request = nrs.sms(to=TO, sender="TEST", message="SMS text message", credentials=CREDS)
    assert (request.method, request.url) == ("POST", "https://dashboard.360nrs.com/api/rest/sms")
    assert request.header("content-type") == "application/json"
    assert request.header("authorization") == CREDS.authorization
    assert body(request) == {
        "to": TO, "from": "TEST", "message": "SMS text message", "encoding": "gsm", "parts": 1,
    }  # fmt: skip
    assert request.expects == "send"


@pytest.mark.parametrize(
    ("message", "encoding", "parts"),
    [
        ("a" * 160, "gsm", 1),
        ("a" * 161, "gsm", 2),
        ("Olá João", "gsm-pt", 1),
        ("€" * 81, "gsm", 2),  # DESIGN 1.1: default alphabet first even if gsm-pt is cheaper
        ("😀" * 35, "utf-16", 1),
        ("😀" * 36, "utf-16", 2),
        ("a" * 153 * 15, "gsm", 15),
    ],
)
def test_sms_sets_encoding_and_parts_from_the_core(message: str, encoding: str, parts: int) -> None:
    sent = body(nrs.sms(to=TO, sender="T", message=message, credentials=CREDS))
    assert (sent["encoding"], sent["parts"]) == (encoding, parts)
    analysis = nrscompose.analyze(message)
    assert (analysis.encoding, analysis.parts) == (encoding, parts)


def test_forced_encoding_and_parts_are_honoured() -> None:
    sent = body(nrs.sms(to=TO, sender="T", message="hi", encoding="utf-16", parts=3,
                        credentials=CREDS))  # fmt: skip
    assert (sent["encoding"], sent["parts"]) == ("utf-16", 3)


def test_cheapest_opt_in() -> None:
    sent = body(nrs.sms(to=TO, sender="T", message="€" * 81, encoding="cheapest",
                        credentials=CREDS))  # fmt: skip
    assert (sent["encoding"], sent["parts"]) == ("gsm-pt", 1)


def test_forced_encoding_that_cannot_carry_the_text_points_at_characters() -> None:
    with pytest.raises(ValidationError) as error:
        nrs.sms(to=TO, sender="T", message="ab😀", encoding="gsm", credentials=CREDS)
    problem = error.value.problems[0]
    assert (problem.field, problem.start, problem.end) == ("message", 2, 3)


def test_trans_is_sent_and_counted_consistently() -> None:
    message = "á" * 100 + "è"  # á is not GSM, è not GSM-PT: utf-16 as written, gsm after trans
    plain = body(nrs.sms(to=TO, sender="T", message=message, credentials=CREDS))
    trans = body(nrs.sms(to=TO, sender="T", message=message, trans=True, credentials=CREDS))
    assert (plain["encoding"], plain["parts"]) == ("utf-16", 2)
    assert (trans["encoding"], trans["parts"], trans["trans"]) == ("gsm", 1, 1)


def test_105_when_the_text_needs_more_parts_than_given() -> None:
    with pytest.raises(ValidationError) as error:
        nrs.sms(to=TO, sender="T", message="a" * 200, parts=1, credentials=CREDS)
    (problem,) = error.value.problems
    assert problem.code == 105
    assert (problem.start, problem.end) == (153, 200)


def test_105_above_the_sms_maximum_and_110_for_bad_parts() -> None:
    with pytest.raises(ValidationError) as error:
        nrs.sms(to=TO, sender="T", message="a" * (153 * 15 + 1), credentials=CREDS)
    assert codes(error) == {105}
    for parts in (0, 16, 2.5):
        with pytest.raises(ValidationError) as error:
            nrs.sms(to=TO, sender="T", message="a", parts=parts, credentials=CREDS)  # type: ignore[arg-type]
        assert codes(error) == {110}


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as error:
        nrs.sms(
            to=["34", "notanumber"],
            sender="ABCDEFGHIJKL",
            message="",
            encoding="latin1",  # type: ignore[arg-type]
            parts=99,
            schedule_date=datetime(2030, 1, 1),  # naive
            expiration_date="2030-01-01",
            tags=["promo"],
            notification_url=["https://a.example/n"],
            credentials=CREDS,
        )
    assert codes(error) == {102, 104, 107, 110, 113, 119, 121, 126, 109}
    fields = [p.field for p in error.value.problems]
    assert "to[0]" in fields
    assert "to[1]" in fields


@pytest.mark.parametrize(
    ("sender", "ok"),
    [("ABCDEFGHIJK", True), ("ABCDEFGHIJKL", False), ("123456789012345", True),
     ("1234567890123456", False), ("+34666555444", True), ("", False)],
)  # fmt: skip
def test_sender_limits(sender: str, ok: bool) -> None:
    problems = nrs.validate("sms", {"to": TO, "from": sender, "message": "x"})
    assert (not problems) == ok
    if not ok:
        assert problems[0].code in (106, 107)


def test_recipients_are_normalized_to_the_api_format() -> None:
    sent = body(nrs.sms(to=["+34 666 555 444", "0034666555333"], sender="T", message="x",
                        credentials=CREDS))  # fmt: skip
    assert sent["to"] == ["34666555444", "34666555333"]


def test_dates_are_utc_api_format_and_naive_refused() -> None:
    madrid = timezone(timedelta(hours=1))
    sent = body(nrs.sms(to=TO, sender="T", message="x", credentials=CREDS,
                        schedule_date=datetime(2013, 2, 15, 15, 20, tzinfo=madrid),
                        expiration_date="20130216142000"))  # fmt: skip
    assert sent["scheduleDate"] == "20130215142000"  # the seed's example, 14:20 UTC
    assert sent["expirationDate"] == "20130216142000"
    with pytest.raises(ValidationError) as error:
        nrs.sms(to=TO, sender="T", message="x", credentials=CREDS,
                expiration_date=datetime(2013, 2, 15, 14, 0, tzinfo=UTC),
                schedule_date=datetime(2013, 2, 15, 15, 0, tzinfo=UTC))  # fmt: skip
    assert codes(error) == {119}
    with pytest.raises(ValidationError) as error:
        nrs.sms(to=TO, sender="T", message="x", credentials=CREDS, schedule_date="20131332000000")
    assert codes(error) == {121}


def test_past_dates_with_now() -> None:
    now = datetime(2024, 1, 1, tzinfo=UTC)
    problems = nrs.validate("sms", {"to": TO, "from": "T", "message": "x",
                                    "scheduleDate": "20231231000000"}, now=now)  # fmt: skip
    assert [p.code for p in problems] == [121]


def test_sub_and_notification_url_lengths_must_match_recipients() -> None:
    problems = nrs.validate("sms", {
        "to": [*TO, "34666555333"], "from": "T", "message": "Hi {name}",
        "sub": [{"name": "a"}], "notificationUrl": ["https://a.example/1"],
    })  # fmt: skip
    assert {(p.field, p.code) for p in problems} >= {("sub", 422), ("notificationUrl", 109)}
    assert not nrs.validate("sms", {"to": TO, "from": "T", "message": "x",
                                    "notificationUrl": "https://a.example/%p"})  # fmt: skip


def test_tags_need_a_campaign_name() -> None:
    problems = nrs.validate("sms", {"to": TO, "from": "T", "message": "x", "tags": ["a"]})
    assert [(p.field, p.code) for p in problems] == [("tags", 126)]
    assert not nrs.validate("sms", {"to": TO, "from": "T", "message": "x", "tags": ["a"],
                                    "campaignName": "C"})  # fmt: skip


@pytest.mark.parametrize(
    ("config", "field"),
    [({"length": 2}, "otpConfig.length"), ({"length": 11}, "otpConfig.length"),
     ({"maxAttempts": 0}, "otpConfig.maxAttempts"), ({"maxAttempts": 11}, "otpConfig.maxAttempts"),
     ({"maxSecondsValidity": 29}, "otpConfig.maxSecondsValidity"),
     ({"maxSecondsValidity": 601}, "otpConfig.maxSecondsValidity"),
     ({"alpha": "yes"}, "otpConfig.alpha")],
)  # fmt: skip
def test_otp_config_bounds(config: dict[str, object], field: str) -> None:
    problems = nrs.validate("sms", {"to": TO, "from": "T", "message": "{OTP_CODE}",
                                    "otpConfig": config})  # fmt: skip
    assert [p.field for p in problems] == [field]


def test_otp_code_counts_at_its_configured_length() -> None:
    message = "a" * 150 + " {OTP_CODE}"
    assert body(nrs.sms(to=TO, sender="T", message=message, credentials=CREDS))["parts"] == 1
    long = body(nrs.sms(to=TO, sender="T", message=message, otp_config={"length": 10},
                        credentials=CREDS))  # fmt: skip
    assert long["parts"] == 2


def test_available_times_codes() -> None:
    pytest.importorskip("nrscompose._rules.windows")
    base = {"to": TO, "from": "T", "message": "x"}
    cases = [
        ("x", 183), ([], 194), ([{"day": "1", "from": "09:00", "to": "10:00"}], 184),
        ([{"day": 8, "from": "09:00", "to": "10:00"}], 185),
        ([{"from": "9:00", "to": "10:00"}], 186), ([{"from": "09:00", "to": "25:00"}], 187),
        ([{"from": "11:00", "to": "10:00"}], 188), ([{"from": "09:00"}], 189),
        ([{"from": "10:00", "to": "10:00"}], 196),
    ]  # fmt: skip
    for value, code in cases:
        assert [p.code for p in nrs.validate("sms", {**base, "availableTimes": value})] == [code]
    assert not nrs.validate("sms", {**base, "availableTimes": [{"day": 1, "from": "09:00",
                                                                "to": "21:00"}]})  # fmt: skip


def test_125_for_a_body_that_is_not_json() -> None:
    assert [p.code for p in nrs.validate("sms", "{not json")] == [125]
    assert [p.code for p in nrs.validate("sms", b"[1, 2]")] == [125]
    with pytest.raises(ValidationError) as error:
        nrs.endpoint("groups.create", CREDS, body={"name": float("nan")})
    assert codes(error) == {125}


def test_validate_accepts_the_seed_examples() -> None:
    assert nrs.validate("sms", '{"to": ["34666555444"], "from": "TEST", '
                               '"message": "SMS text message"}') == ()  # fmt: skip
    assert nrs.validate("sms", {"from": "TEST", "to": ["34666555444", "34666555333"],
                                "message": "Hello {name}",
                                "sub": [{"name": "first contact name"},
                                        {"name": "second contact name"}]}) == ()  # fmt: skip


# -- templates (sub, placeholders) ---------------------------------------------------------------


def test_sub_worst_recipient_decides_parts_and_encoding() -> None:
    pytest.importorskip("nrscompose._composition.template")
    sent = body(nrs.sms(
        to=["34666555444", "34666555333"], sender="T", message="Hi {name|upper}",
        sub=[{"name": "ana"}, {"name": "b" * 200}], credentials=CREDS,
    ))  # fmt: skip
    assert (sent["encoding"], sent["parts"]) == ("gsm", 2)
    sent = body(nrs.sms(
        to=["34666555444", "34666555333"], sender="T", message="Hi {name}",
        sub=[{"name": "ana"}, {"name": "😀"}], credentials=CREDS,
    ))  # fmt: skip
    assert sent["encoding"] == "utf-16"


def test_sub_missing_values_and_unknown_filters_are_reported() -> None:
    pytest.importorskip("nrscompose._composition.template")
    problems = nrs.validate("sms", {"to": TO, "from": "T", "message": "Hi {name}",
                                    "sub": [{"other": "x"}]})  # fmt: skip
    assert problems
    assert problems[0].field == "sub[0]"
    problems = nrs.validate("sms", {"to": TO, "from": "T", "message": "Hi {name|nope}"})
    assert problems
    assert (problems[0].start, problems[0].end) == (9, 13)


def test_split_parts_142_when_a_value_cannot_fit() -> None:
    pytest.importorskip("nrscompose._composition.template")
    problems = nrs.validate("sms", {"to": TO, "from": "T", "message": "x {v}",
                                    "splitParts": True, "sub": [{"v": "y" * 200}]})  # fmt: skip
    assert 142 in {p.code for p in problems}
    sent = body(nrs.sms(to=TO, sender="T", message="a" * 300 + " {v}", sub=[{"v": "b"}],
                        split_parts=True, credentials=CREDS))  # fmt: skip
    assert sent["parts"] == 2
    assert sent["splitParts"] is True


# -- Landing SMS --------------------------------------------------------------------------------


def test_landing_sms_seed_example() -> None:
    request = nrs.landing_sms(
        to=TO, sender="LANDINGAPI", message="TEST API LANDING {LAND_URL}",
        template_body="<html><body><h1>HELLO LANDING</h1></body></html>", credentials=CREDS,
    )  # fmt: skip
    assert request.url.endswith("/api/rest/landingsms")
    assert body(request)["parts"] == 1


def test_landing_141_140_and_8_parts() -> None:
    with pytest.raises(ValidationError) as error:
        nrs.landing_sms(to=TO, sender="T", message="no url", credentials=CREDS)
    assert codes(error) == {140, 141}
    with pytest.raises(ValidationError) as error:
        nrs.landing_sms(to=TO, sender="T", message="{LAND_URL}", parts=9, template_id=1,
                        credentials=CREDS)  # fmt: skip
    assert codes(error) == {110}
    with pytest.raises(ValidationError) as error:
        nrs.landing_sms(to=TO, sender="T", message="a" * (153 * 8) + "{LAND_URL}",
                        template_id=1, credentials=CREDS)  # fmt: skip
    assert codes(error) == {105}


# -- other channels -------------------------------------------------------------------------------


def test_mailing_with_attachment() -> None:
    request = nrs.mailing(
        to=["test@example.com"], from_email="info@360nrs.com", from_name="Info",
        subject="TEST", reply_to="replyto@example.com", body="<html></html>",
        attachments=[nrs.Attachment("filename.txt", b"./bin/zookeeper", "text/plain")],
        credentials=CREDS,
    )  # fmt: skip
    sent = body(request)
    assert request.url.endswith("/api/rest/mailing")
    attachment = sent["attachments"][0]  # type: ignore[index]
    assert base64.b64decode(attachment["content"]) == b"./bin/zookeeper"
    assert attachment["contentType"] == "text/plain"


def test_mailing_codes() -> None:
    problems = nrs.validate("mailing", {"to": ["bad"], "fromEmail": "", "subject": " ",
                                        "replyTo": "nope"})  # fmt: skip
    assert {p.code for p in problems} == {102, 106, 114, 116, 140}


def test_voice_seed_example_and_codes() -> None:
    request = nrs.voice(to=["34666666666"], message="Esto es un test de mensaje de voz",
                        gender="F", language="es_ES", credentials=CREDS)  # fmt: skip
    assert request.url.endswith("/api/rest/voice")
    problems = nrs.validate("voice", {"to": ["34666666666"], "message": "x" * 501,
                                      "language": "xx", "gender": "X", "retries": 6,
                                      "callers": {"ESP": "abc"}})  # fmt: skip
    assert {p.code for p in problems} == {105, 130, 131, 132, 177}
    assert next(p for p in problems if p.code == 105).start == 500
    female_only = nrs.validate("voice", {"to": ["34666666666"], "message": "x",
                                         "language": "arb", "gender": "M"})  # fmt: skip
    assert [p.code for p in female_only] == [131]


def test_voice_audio() -> None:
    request = nrs.voice_audio(to=["34666666666"], audio_url="https://example.com/audio.mp3",
                              retries=5, amd=True, credentials=CREDS)  # fmt: skip
    assert body(request) == {"to": ["34666666666"], "audioUrl": "https://example.com/audio.mp3",
                             "retries": 5, "amd": True}  # fmt: skip
    assert [
        p.code for p in nrs.validate("voice-audio", {"to": ["34666666666"], "audioUrl": "ftp:x"})
    ] == [133]


def test_whatsapp_template_with_fields_and_location() -> None:
    request = nrs.whatsapp(
        template_id=123, sender="34666777555", credentials=CREDS,
        messages=[nrs.WhatsAppMessage(
            "34666555444", header_fields=("headerField1",),
            body_fields=("bodyField1", "bodyField2"), call_to_action_fields=("actionField1",),
            default_answer="Example answer", button_answers=("first", "second"),
            location=nrs.Location("39.92516922986921", "-0.10572674363232447", "NRS-Group"),
        ), "34666555333"],
    )  # fmt: skip
    sent = body(request)
    first, second = sent["messages"]  # type: ignore[misc]
    assert first["bodyFields"] == ["bodyField1", "bodyField2"]
    assert first["location"]["name"] == "NRS-Group"
    assert second == {"to": "34666555333"}
    problems = nrs.validate("whatsapp", {"from": "", "messages": [{"to": "34"}]})
    assert {p.code for p in problems} == {140, 106, 102}


def test_otp_generate_and_check() -> None:
    request = nrs.otp_generate(recipient="34666555444", length=5, alpha=True, credentials=CREDS)
    assert request.url.endswith("/api/rest/otp/generate")
    assert request.expects == "otp"
    assert body(request) == {"recipient": "34666555444", "alpha": True, "length": 5}
    check = nrs.otp_check(recipient="user@example.com", code="1234", credentials=CREDS)
    assert check.expects == "otp-check"
    with pytest.raises(ValidationError) as error:
        nrs.otp_generate(recipient="34", length=11, max_attempts=0, max_seconds_validity=601,
                         credentials=CREDS)  # fmt: skip
    assert len(error.value.problems) == 4


# -- resources ------------------------------------------------------------------------


def test_sms_info_several_ids() -> None:
    request = nrs.sms_info(["AAA", "BBB"], CREDS)
    assert request.url == "https://dashboard.360nrs.com/api/rest/sms/AAA,BBB"
    assert request.method == "GET"
    assert request.body == b""


def test_campaign_filters_are_rfc3986_encoded() -> None:
    request = nrs.campaigns(CREDS, name="CAMPAIGN_2020_*", channel="sms",
                            before=datetime(2019, 1, 1, tzinfo=UTC))  # fmt: skip
    assert request.url == (
        "https://dashboard.360nrs.com/api/rest/campaigns?name=CAMPAIGN_2020_%2A&channel=sms"
        "&beforeDate=2019-01-01T00%3A00%3A00%2B00%3A00"
    )
    with pytest.raises(ValidationError):
        nrs.campaigns(CREDS, before=datetime(2019, 1, 1))
    with pytest.raises(ValidationError):
        nrs.campaigns(CREDS, channel="fax")


def test_scheduled_list_update_delete() -> None:
    assert nrs.scheduled_list(CREDS, guid=[100, 101], type="SMS").url.endswith(
        "/scheduled?type=SMS&guid[]=100&guid[]=101"
    )
    update = nrs.scheduled_update(CREDS, guid=[100, 101],
                                  schedule_date=datetime(2017, 10, 11, 9, 30,
                                                         tzinfo=UTC))  # fmt: skip
    assert (update.method, body(update)) == ("PUT", {"guid": [100, 101],
                                                     "scheduleDate": "20171011093000"})  # fmt: skip
    delete = nrs.scheduled_delete(CREDS, guid=[100, 101])
    assert (delete.method, delete.expects) == ("DELETE", "count")
    assert body(delete) == {"guid": [100, 101]}


def test_endpoint_table_checks_fields() -> None:
    request = nrs.endpoint("contacts.list", CREDS, query={"include": "customFields,groups",
                                                          "limit": 1000})  # fmt: skip
    assert request.url.endswith("/contacts?include=customFields%2Cgroups&limit=1000")
    with pytest.raises(ValidationError) as error:
        nrs.endpoint("contacts.list", CREDS, query={"limit": 1001, "colour": "x"})
    assert {p.field for p in error.value.problems} == {"limit", "colour"}
    with pytest.raises(ValidationError):
        nrs.endpoint("groups.show", CREDS)
    with pytest.raises(ValidationError):
        nrs.endpoint("groups.create", CREDS, body={})
    with pytest.raises(ValidationError):
        nrs.endpoint("blacklist.add", CREDS, path={"type": "fax"}, body={"recipient": "x"})
    assert nrs.endpoint("blacklist.add", CREDS, path={"type": "mailing"},
                        body={"recipient": "test@example.com"}).method == "PUT"  # fmt: skip


def test_every_endpoint_is_a_request_line_of_the_reference(seed_001: str) -> None:
    """Method and path of each row, against the reference's own request lines (``<ID>`` and
    ``{type}`` are path parameters, whatever their names)."""

    def shape(line: str) -> str:
        line = re.sub(r"^curl -X (\w+) '([^']*)'.*$", r"\1 \2", line.strip())
        return re.sub(r"<[^>]*>|\{[^}]*\}", "<>", line.split("?")[0])

    documented = {shape(line) for line in seed_001.splitlines() if "/api/rest/" in line}
    for name, row in nrs.ENDPOINTS.items():
        line = f"{row.method} https://dashboard.360nrs.com/api/rest{row.path}"
        assert shape(line) in documented, name


CONTACT = {"email": "new.contact@example.com", "phone": "3466666666", "countryIso": "ES",
           "groupsNames": ["My contact list"]}  # fmt: skip
CONTACT_OR_VALIDATION = {"contacts.create": CONTACT, "contacts.update": CONTACT,
                         "validations.create": {"groupsIds": [1111]}}  # fmt: skip


# Path values as the reference's examples write them (``/conversations/34666777555/…``).
EXAMPLE_PATH = {"from": "34666777555", "to": "34666555444", "type": "sms"}


def test_every_endpoint_in_the_table_builds() -> None:
    for name, row in nrs.ENDPOINTS.items():
        path = {param: EXAMPLE_PATH.get(param, "1") for param in row.path_params}
        body_ = fuzz_targets.example_body(name)
        if name in CONTACT_OR_VALIDATION:  # fields the reference requires under conditions
            body_ = dict(CONTACT_OR_VALIDATION[name])
        if body_ is not None and "scheduleDate" in body_:
            body_["scheduleDate"] = "20300101000000"
        request = nrs.endpoint(name, CREDS, path=path, body=body_)
        assert request.method == row.method
        assert "/api/rest/" in request.url


def test_reports_shortener_images_coverage() -> None:
    report = nrs.events_report(1, CREDS, after=datetime(2019, 1, 1, tzinfo=UTC),
                               before=datetime(2019, 2, 1, tzinfo=UTC))  # fmt: skip
    assert report.url == (
        "https://dashboard.360nrs.com/api/rest/sendings/1/reports/events"
        "?beforeDate=2019-02-01T00%3A00%3A00%2B00%3A00&afterDate=2019-01-01T00%3A00%3A00%2B00%3A00"
    )
    assert report.expects == "events-report"  # read into typed rows (nrs.reports)
    assert report.header("accept") == "text/csv"
    assert nrs.keystroke_report(1, CREDS).url.endswith("/sendings/1/reports/keys")
    short = nrs.shorten_urls(["https://example.com/test1", "invalidUrl"], CREDS)
    assert body(short) == {"urls": [{"longUrl": "https://example.com/test1"},
                                    {"longUrl": "invalidUrl"}]}  # fmt: skip
    images = nrs.generate_images({"test1": ("jpg", b"\xff\xd8")}, CREDS)
    assert body(images)["images"][0]["base64"] == "/9g="  # type: ignore[index]
    with pytest.raises(ValidationError):
        nrs.generate_images({"x": ("gif", b"")}, CREDS)
    assert nrs.coverage(CREDS, by="country").url.endswith("/sms/coverageByCountry")


def test_follow_next_link_only_to_the_same_host() -> None:
    request = nrs.follow(
        "https://dashboard.360nrs.com/api/rest/contacts?include=customFields%2Cgroups&page=2",
        CREDS,
    )
    assert request.url.endswith("/api/rest/contacts?include=customFields%2Cgroups&page=2")
    assert request.header("authorization") == CREDS.authorization
    repaired = nrs.follow("https://dashboard.360nrs.com/api/rest/whatsapp/conversations&page=2",
                          CREDS)  # fmt: skip
    assert repaired.url.endswith("/whatsapp/conversations?page=2")
    with pytest.raises(ValidationError):
        nrs.follow("https://evil.example/api/rest/contacts?page=2", CREDS)


# -- invariants -----------------------------------------------------------------------

# Braces are left out: an unterminated "{name" is a template error, tested elsewhere.
_GSMISH = st.text(alphabet=st.sampled_from("abcXYZ 019@£$€[]~^|áãçõè😀\n"), min_size=1,
                  max_size=400)  # fmt: skip


@given(_GSMISH, st.booleans())
def test_builder_estimate_is_the_core_estimate(message: str, trans: bool) -> None:
    analysis = nrscompose.analyze(message, trans=trans)
    if not analysis.text:
        return
    if analysis.parts > 15:
        with pytest.raises(ValidationError) as error:
            nrs.sms(to=TO, sender="T", message=message, trans=trans, credentials=CREDS)
        assert error.value.codes == (105,)
        return
    sent = body(nrs.sms(to=TO, sender="T", message=message, trans=trans, credentials=CREDS))
    assert (sent["encoding"], sent["parts"]) == (analysis.encoding, analysis.parts)


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                               max_size=3),
    max_leaves=10,
)  # fmt: skip
_FIELDS = st.sampled_from(["to", "from", "message", "parts", "encoding", "sub", "trans",
                           "scheduleDate", "otpConfig", "tags", "campaignName",
                           "notificationUrl", "splitParts", "availableTimes"])  # fmt: skip


# Fields a problem may name without the payload holding them: the required ones.
_REQUIRED_FIELDS = {"to", "from", "message", "subject", "replyTo", "fromEmail", "body",
                    "templateId", "templateBody", "messages", "recipient", "code", "language",
                    "gender", "audioUrl", "expirationDate"}  # fmt: skip


@given(st.sampled_from(["sms", "landing", "mailing", "voice", "voice-audio", "whatsapp",
                        "otp-generate", "otp-check"]),
       st.dictionaries(_FIELDS, _JSONISH, max_size=8))  # fmt: skip
def test_validate_never_raises_and_problems_have_fields(
    kind: str, payload: dict[str, object]
) -> None:
    for problem in nrs.validate(kind, payload):  # type: ignore[arg-type]
        assert problem.kind in {*KINDS, *VARIANT_KINDS, *PLURAL_KINDS}
        assert problem.field.split(".")[0].split("[")[0] in {*payload, *_REQUIRED_FIELDS, "body"}
        assert problem.code in CATALOGUE
        assert problem.message == render(problem.kind, problem.params)


def test_a_request_shows_itself_as_json_with_its_secrets_hidden():
    from nrscompose._base.http import HttpRequest

    request = HttpRequest(
        "POST",
        "https://api.example.com/x",
        (("Authorization", "Basic c2VjcmV0"), ("X-Api-Key", "k"), ("Accept", "a")),
        b'{"a": 1}',
    )
    assert request.as_json() == {
        "method": "POST",
        "url": "https://api.example.com/x",
        "headers": {"Authorization": "Basic ***", "X-Api-Key": "***", "Accept": "a"},
        "body": {"a": 1},
    }
    assert request.as_json(show_secrets=True)["headers"]["X-Api-Key"] == "k"


def test_the_package_exports_the_union_of_its_submodules_exports():
    import importlib
    import subprocess
    import sys

    names = {"HttpRequest", "HttpResponse"}
    for module in ("_base", "_validate", "catalogue", "codes", "delivery", "requests_channels",
                   "requests_resources", "requests_sms", "responses", "mail",
                   "reports"):  # fmt: skip
        names |= set(importlib.import_module(f"nrscompose.providers.nrs.{module}").__all__)
    assert sorted(names) == nrs.__all__
    assert all(getattr(nrs, name) is not None for name in names)
    with pytest.raises(AttributeError):
        nrs.make_request  # noqa: B018  # a helper of the builders, not exported
    code = (
        "import sys; from nrscompose.providers import nrs; nrs.CATALOGUE; "
        "print(' '.join(m for m in sys.modules if m.startswith('nrscompose.providers.nrs.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.split() == ["nrscompose.providers.nrs.catalogue"]  # nothing else loads
