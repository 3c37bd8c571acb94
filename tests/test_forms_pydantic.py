"""``nrscompose.forms.pydantic`` against a real pydantic v2 model."""

from __future__ import annotations

import json
from typing import Annotated, Any

import pytest

pydantic = pytest.importorskip("pydantic")

from nrscompose.forms.pydantic import ERROR_TYPE, Sender, SmsText  # noqa: E402

BaseModel = pydantic.BaseModel


class Campaign(BaseModel):  # type: ignore[misc]
    sender: Annotated[str, Sender()]
    message: Annotated[str, SmsText(max_parts=2)]


class Landing(BaseModel):  # type: ignore[misc]
    message: Annotated[str, SmsText(channel="landing", max_parts=1, locale="es")]


def errors(model: type[Any], data: dict[str, object], **kwargs: object) -> list[dict[str, Any]]:
    with pytest.raises(pydantic.ValidationError) as caught:
        model.model_validate(data, **kwargs)
    return caught.value.errors()  # type: ignore[no-any-return]


def test_valid_model_holds_the_normalized_text() -> None:
    campaign = Campaign(sender="ACME", message="Hola\nmundo")
    assert campaign.message == "Hola\r\nmundo"  # counted as a form submits it, and kept so


def test_too_long_carries_code_and_span_in_the_context() -> None:
    (error,) = errors(Campaign, {"sender": "ACME", "message": "a" * 400})
    assert error["type"] == ERROR_TYPE
    assert error["loc"] == ("message",)
    assert error["ctx"]["code"] == 105
    assert (error["ctx"]["start"], error["ctx"]["end"]) == (306, 400)
    assert error["msg"] == "The message needs 3 parts but at most 2 parts are allowed."


def test_sender_and_text_errors_are_reported_per_field() -> None:
    found = errors(Campaign, {"sender": "ABCDEFGHIJKLMNOP", "message": ""})
    assert [(e["loc"], e["ctx"]["code"]) for e in found] == [
        (("sender",), 107),
        (("message",), 104),
    ]


def test_every_problem_is_in_the_context() -> None:
    (error,) = errors(Landing, {"message": "Hola {name|shout} " + "x" * 200})
    codes = [p["code"] for p in error["ctx"]["problems"]]
    kinds = [p["kind"] for p in error["ctx"]["problems"]]
    assert codes == [141, None, 105]
    assert kinds == ["template.placeholder_required", "template.unknown_filter", "text.too_long"]
    assert error["msg"] == "Un Landing SMS debe contener la variable {LAND_URL}."  # braces kept


def test_locale_from_the_validation_context() -> None:
    (error,) = errors(Campaign, {"sender": "ACME", "message": ""}, context={"locale": "pt"})
    assert error["msg"] == "A mensagem está vazia: escreva o texto a enviar."


def test_errors_serialize_to_json_as_fastapi_sends_them() -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        Campaign.model_validate({"sender": "ACME", "message": "{x"})
    payload = json.loads(caught.value.json())
    assert payload[0]["ctx"]["kind"] == "template.unterminated"
    assert payload[0]["ctx"]["start"] == 0


def test_type_adapter_and_json_schema() -> None:
    adapter = pydantic.TypeAdapter(Annotated[str, SmsText(max_parts=1)])
    assert adapter.validate_python("ok") == "ok"
    assert adapter.json_schema() == {"type": "string"}
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python("’" * 71)
