"""The compiled catalogues match their sources, and every sentence is translated."""

from __future__ import annotations

import re

import pytest

from nrscompose.messages import LANGUAGES, compiled, mo_path, translator
from nrscompose.problems import KINDS

pytest.importorskip("babel")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_mo_file_is_compiled_from_its_po_file(language: str) -> None:
    assert mo_path(language).read_bytes() == compiled(language), (
        "stale catalogue: run `python -m nrscompose.messages`"
    )


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_kind_has_a_translated_sentence(language: str) -> None:
    wordy = {kind: text for kind, text in KINDS.items() if re.search(r"[a-z]{3} ", text)}
    untranslated = [kind for kind, sentence in wordy.items()
                    if translator(language).gettext(sentence) == sentence]  # fmt: skip
    assert untranslated == []
