"""Render + analyze per recipient for a typical one-placeholder SMS, and render vs Jinja2.

Run: ``python benchmarks/bench_template.py [recipients]``. Prints recipients/s for
``Template.render`` alone and for render + ``analyze``, then ``Template.render`` against a
compiled Jinja2 template of the same text, measured in the same run (ratio > 1: faster).
"""

from __future__ import annotations

import sys
import timeit
from collections.abc import Callable

import jinja2

from nrscompose import analyze
from nrscompose._composition.template import Template

TEXT = (
    "Hola {name|capitalize}, tu pedido ya está listo. Recógelo en nuestra tienda antes del viernes."
)
JINJA_TEXT = TEXT.replace("{name|capitalize}", "{{ name|capitalize }}")


def best_rate(function: Callable[[], object], count: int, repeat: int = 5) -> float:
    """Calls per second, best of ``repeat`` rounds of ``count`` calls."""
    seconds = min(timeit.repeat(function, number=count, repeat=repeat))
    return count / seconds


def main(recipients: int = 100_000) -> None:
    from nrscompose._composition.jinja import install_filters

    names = [{"name": f"cliente{index % 997}"} for index in range(recipients)]
    template = Template(TEXT)
    environment = install_filters(jinja2.Environment())
    compiled = environment.from_string(JINJA_TEXT)
    assert compiled.render(names[1]) == template.render(names[1])

    render = template.render

    def ours() -> None:
        for values in names:
            render(values)

    def jinja() -> None:
        for values in names:
            compiled.render(values)

    def ours_and_analyze() -> None:
        for values in names:
            analyze(render(values))

    rounds = 3
    ours_rate = best_rate(ours, 1, rounds) * recipients
    jinja_rate = best_rate(jinja, 1, rounds) * recipients
    full_rate = best_rate(ours_and_analyze, 1, rounds) * recipients
    print(f"template: {TEXT!r}")
    print(f"recipients per round: {recipients}")
    print(f"Template.render:             {ours_rate:>12,.0f} recipients/s")
    print(f"Template.render + analyze:   {full_rate:>12,.0f} recipients/s")
    print(f"jinja2 compiled render:      {jinja_rate:>12,.0f} recipients/s")
    print(f"ratio Template.render / jinja2 (same run): {ours_rate / jinja_rate:.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
