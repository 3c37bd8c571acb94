"""Explanations stay compact (issue 23, item 10): ``analyze(...).offending`` and
``check_message``'s warnings keep positions, not an object per character, so memory stays a
small multiple of the text. Measured with tracemalloc (the text itself is made before)."""

from __future__ import annotations

import threading
import tracemalloc
from collections.abc import Callable

import nrscompose as nc
from nrscompose._counting.analysis import MAX_GROUP_INDICES, Offending
from nrscompose.demo.server import check_json
from nrscompose.forms import check_message


def peak_of(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_offending_of_a_10_mb_utf16_text_is_a_few_mb() -> None:
    text = "あ" * 5_000_000  # 10 MB as UTF-16; was 1.96 GB

    def run() -> None:
        offending = nc.analyze(text).offending
        assert len(offending) == 5_000_000
        assert offending[-1] == Offending(4_999_999, "あ", ("gsm", "gsm-pt"))
        [group] = offending.by_char()
        assert (group.count, group.indices[:2]) == (5_000_000, (0, 1))

    assert peak_of(run) < 3 * len(text.encode("utf-16-le"))  # the count's own copy included


def test_offending_mixed_with_gsm_keeps_4_bytes_a_position() -> None:
    text = "aあ" * 2_500_000

    def run() -> None:
        offending = nc.analyze(text).offending
        assert len(offending) == 2_500_000
        assert offending[1].index == 3
        assert len(offending.by_char()[0].indices) == MAX_GROUP_INDICES

    assert peak_of(run) < 4 * len(text.encode("utf-16-le"))


def test_two_million_combining_marks_are_checked_in_a_few_mb() -> None:
    text = "a" + "\u0301" * 2_000_000  # was 2 GB and 25 s

    def run() -> None:
        check = check_message(text, max_parts=15)
        assert len(check.warnings) == 2_000_000
        assert check.warnings[5].start == 6
        [(first, count)] = check.warnings.grouped()
        assert (first.start, count) == (1, 2_000_000)
        assert len(check.suggestions) <= 1

    assert peak_of(run) < 10 * len(text.encode("utf-16-le"))


def test_sixteen_simultaneous_247_kb_checks_stay_small() -> None:
    # The demo's /api/check answer: 80,000 distinct characters under the 256 KB body limit.
    text = "".join(chr(c) for c in range(0x800, 0x800 + 82_000) if not 0xD800 <= c <= 0xDFFF)
    assert len(text.encode()) > 240_000

    def run() -> None:
        def answer() -> None:
            check_json(check_message(text, max_parts=15), text)

        threads = [threading.Thread(target=answer) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    # was 2.1 GB for 16; now about 24 MB each, mostly one entry per distinct character
    assert peak_of(run) < 16 * 120 * len(text.encode())


def test_offending_and_warnings_read_as_the_tuples_they_were() -> None:
    analysis = nc.analyze("Ola – “hi”")
    offending = analysis.offending
    assert offending == tuple(offending)
    assert offending == list(offending)
    assert [o.char for o in offending] == ["–", "“", "”"]
    assert offending[1:] == (offending[1], offending[2])
    assert offending.chars == "–“”"
    assert nc.analyze("plain").offending == ()
    check = check_message("Ola – hi")
    assert len(check.warnings) == 1
    assert check.warnings == (check.warnings[0],)
    assert check_message("plain").warnings == ()
