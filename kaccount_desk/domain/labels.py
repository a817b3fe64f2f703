"""How a coded value is named for people, in Chinese and in English: one mechanism for every enum.

Statuses, roles, ticket categories, carriers, document types, department kinds, number patterns,
roster row results: each has one :class:`Labels` table next to the enum it names, and everyone (a
table cell, a combo box, a printed form, a CLI line, a bilingual reason) asks that table. A table is
a plain mapping of value → (zh, en), so it can also be listed for a choice box.
"""

from __future__ import annotations

from collections.abc import Mapping

Lang = str  # "zh" or "en"; anything else reads Chinese, the program's first language


class Labels(dict[str, tuple[str, str]]):
    """value → (zh, en). Keys may be ``StrEnum`` members: they are found by their plain string too."""

    def __init__(self, table: Mapping[str, tuple[str, str]]) -> None:
        super().__init__(table)

    def text(self, value: str, lang: Lang = "zh") -> str:
        """The name of ``value`` in ``lang``; a value without a label is shown as it is, never hidden."""
        zh, en = self.get(str(value), (str(value), str(value)))
        return en if lang == "en" else zh

    def zh(self, value: str) -> str:
        return self.text(value, "zh")

    def en(self, value: str) -> str:
        return self.text(value, "en")

    def choices(self, lang: Lang = "zh") -> list[tuple[str, str]]:
        """(value, name in ``lang``) in the table's order: what a combo box or a set of checkboxes lists."""
        return [(value, self.text(value, lang)) for value in self]
