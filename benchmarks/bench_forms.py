"""``check_message`` against ``analyze`` for texts without placeholders (target: within 2×).

Run: ``python benchmarks/bench_forms.py [calls]``. For each sample text prints the time per
call of ``analyze(text)`` and of ``check_message(text, max_parts=15)`` measured in the same
run, and their ratio; exits with status 1 when a ratio exceeds 2. Warnings and suggestions
are computed on first access, so they are not part of a check (as in a form, where they
are asked for only when shown).
"""

from __future__ import annotations

import sys
import timeit
from collections.abc import Callable

from nrscompose import analyze
from nrscompose.forms.check import check_message

SAMPLES = {
    "gsm, 1 part": "Your order 4512 is ready. Pick it up before Friday at our store.",
    "gsm-pt, 1 part": "Olá João, a sua encomenda está pronta. Levante-a até sexta-feira.",
    "utf-16, 2 parts": "It’s “ready” — pick it up before Friday, thanks! 😀 " * 2,
    "gsm, 1,000 chars": ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 18)[:1000],
    "gsm, line breaks": "Line one\r\nLine two\r\nLine three\r\n" * 3,
}
TARGET = 2.0


def per_call(function: Callable[[], object], calls: int, repeat: int = 7) -> float:
    """Seconds per call, best of ``repeat`` rounds of ``calls`` calls."""
    return min(timeit.repeat(function, number=calls, repeat=repeat)) / calls


def main(calls: int = 20_000) -> int:
    worst = 0.0
    print(f"{'text':<18} {'analyze':>10} {'check_message':>14} {'ratio':>6}")
    for label, text in SAMPLES.items():
        assert check_message(text, max_parts=15).valid
        base = per_call(lambda text=text: analyze(text), calls)
        checked = per_call(lambda text=text: check_message(text, max_parts=15), calls)
        ratio = checked / base
        worst = max(worst, ratio)
        print(f"{label:<18} {base * 1e6:>8.2f}µs {checked * 1e6:>12.2f}µs {ratio:>5.2f}×")
    print(f"worst ratio {worst:.2f}× (target: within {TARGET:.0f}×)")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(*(int(arg) for arg in sys.argv[1:])))
