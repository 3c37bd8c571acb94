"""JSON files given by a user (values, prices): every way they fail to parse is one clear error."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nrscompose._base.errors import ValidationError
from nrscompose._base.input_files import read_bounded_text

__all__ = ["read_json"]


def _reason(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if "digits" in str(error) and "limit" in str(error):  # int() refuses over 4,300 digits
        return "a number has more digits than Python reads (4,300)"
    return str(error)


def read_json(
    path: str | Path,
    field: str,
    *,
    parse_float: Callable[[str], Any] | None = None,
) -> Any:  # any JSON value: the caller checks its shape
    """The JSON value in ``path``; a ``ValidationError`` on ``field`` when it is not JSON,
    holds a number too long to read or is nested too deeply."""
    try:
        text = read_bounded_text(path, field)  # Notepad's byte-order mark is no error
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise ValidationError.single(
            "file.option_not_found", field, None, {"where": str(path), "option": f"--{field}"}
        ) from None
    try:
        return json.loads(text, parse_float=parse_float)
    except (ValueError, RecursionError) as error:
        detail = f"{path}: {_reason(error)}"
        raise ValidationError.single("json.invalid", field, None, {"detail": detail}) from None
