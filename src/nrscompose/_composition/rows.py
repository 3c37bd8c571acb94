"""A template compiled for many recipients: the billed text of each row, with filter results
remembered per value.

A campaign renders one template hundreds of thousands of times, and its values repeat: first
names, cities, amounts. :class:`RowRenderer` splits the template once into literals and
placeholders (from its public ``text`` and ``placeholders``) and keeps, per placeholder, the
filtered text of each value it has seen, so ``{name|capitalizeAll}`` runs once per distinct
name. Anything but a plain string value (a missing value, a number, a filter error) and any
server-filled placeholder goes through :meth:`Template.preview`, which raises or renders
exactly as it always does: the result is always ``template.preview(row, …)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from nrscompose._composition.template import Template
    from nrscompose._counting.profiles import Profile

__all__ = ["RowRenderer"]

_MEMO_SIZE = 8_192  # distinct values remembered per placeholder (then the memo restarts)


class RowRenderer:
    """``renderer(row, recipient)`` is ``template.preview(row, lenient=…, recipient=…)``."""

    __slots__ = ("_excluded", "_lenient", "_literals", "_slots", "_template")

    def __init__(self, template: Template, *, lenient: bool = False) -> None:
        self._template = template
        self._lenient = lenient
        literals: list[str] = []
        slots: list[tuple[str, Callable[[str], str] | None, dict[str, str]]] = []
        position = 0
        for placeholder in template.placeholders:
            literals.append(template.text[position : placeholder.start])
            position = placeholder.end
            apply = placeholder.apply if placeholder.filters else None
            slots.append((placeholder.name, apply, {}))
        literals.append(template.text[position:])
        self._literals = tuple(literals)
        # Server-filled placeholders take stand-ins that depend on options: preview decides.
        self._slots = None if template.reserved else tuple(slots)
        self._excluded: dict[tuple[bool, object], bool] = {}

    def septets_excluded(self, trans: bool, profile: str | Profile) -> bool:
        """Whether the template's literal text alone needs UTF-16 (no septet table of the
        profile holds it), which then holds for every row: a row's text contains it."""
        key = (trans, profile)
        found = self._excluded.get(key)
        if found is None:
            from nrscompose._base.errors import ValidationError
            from nrscompose._counting.analysis import analyze

            try:
                counted = analyze("".join(self._literals), trans=trans, profile=profile)
            except ValidationError:  # not even UTF-16: let every row be analysed in full
                found = False
            else:
                found = counted.encoding == "utf-16"
            self._excluded[key] = found
        return found

    def __call__(self, row: Mapping[str, object], recipient: int | None = None) -> str:
        slots = self._slots
        if slots is None:
            return self._preview(row, recipient)
        literals = self._literals
        out = [literals[0]]
        append = out.append
        index = 1
        for name, apply, memo in slots:
            value = row.get(name)
            if type(value) is not str:  # missing, or a number to write out: preview does it
                return self._preview(row, recipient)
            if apply is not None and value:
                filtered = memo.get(value)
                if filtered is None:
                    try:
                        filtered = apply(value)
                    except ValueError:  # preview raises it with the placeholder and row
                        return self._preview(row, recipient)
                    if len(memo) >= _MEMO_SIZE:
                        memo.clear()
                    memo[value] = filtered
                value = filtered
            append(value)
            append(literals[index])
            index += 1
        return "".join(out)

    def _preview(self, row: Mapping[str, object], recipient: int | None) -> str:
        # a row's cells are whatever the file or frame held: preview checks each value's type
        return self._template.preview(row, lenient=self._lenient, recipient=recipient)  # type: ignore[arg-type]
