"""Messages the core shows to people: Chinese text that remembers how it was made.

A message is built from a Chinese template with named fields::

    msg("第 {row} 行：{problem}", row=3, problem=msg("缺少题干"))

It *is* the Chinese string (``Msg`` subclasses ``str``), so logs, the CLI, reports and tests read
it unchanged. An interface in another language translates ``template`` from its own catalog and
formats it with ``fields``, translating the fields that are messages themselves. The core never
sees a catalog: it only keeps the pieces apart.

Joining messages with a Chinese separator keeps the pieces too (:func:`join`). Templates kept in
tables, used later, are marked with :func:`N_` so the catalog test finds them.

Beware: pydantic's ``str`` fields turn a ``Msg`` into a plain ``str`` (the template is lost);
carry messages in dataclasses, or annotate the field as :class:`Msg`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["N_", "Msg", "MsgList", "join", "message_of", "msg"]


class Msg(str):
    """Chinese text plus the template and fields it was formatted from."""

    template: str
    fields: Mapping[str, Any]

    def __new__(cls, template: str, /, **fields: Any) -> Msg:
        self = super().__new__(cls, template.format(**fields) if fields else template)
        self.template = template
        self.fields = fields
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle and copy rebuild the same text and then its template, fields (and parts).
        return (_restore, (type(self), str(self), dict(self.__dict__)))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Let pydantic models hold a message as it is (a plain ``str`` is accepted too)."""
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(_as_text)


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise ValueError("应为文本")


class MsgList(Msg):
    """Several messages joined by a separator; an interface joins their translations."""

    separator: str
    parts: tuple[str, ...]

    def __new__(cls, separator: str, parts: Iterable[str], /) -> MsgList:
        pieces = tuple(parts)
        self = str.__new__(cls, separator.join(pieces))
        self.template = str(self)
        self.fields = {}
        self.separator = separator
        self.parts = pieces
        return self


def _restore(cls: type[Msg], text: str, state: dict[str, Any]) -> Msg:
    self = str.__new__(cls, text)
    self.__dict__.update(state)
    return self


def msg(template: str, /, **fields: Any) -> Msg:
    """A message from a Chinese ``template`` (``str.format`` syntax) and its named fields."""
    return Msg(template, **fields)


def join(separator: str, parts: Iterable[str]) -> MsgList:
    """``separator.join(parts)`` that keeps the parts apart for translation."""
    return MsgList(separator, parts)


def N_(template: str) -> str:
    """Mark a Chinese template kept in a table and formatted later with :func:`msg`."""
    return template


def message_of(error: BaseException) -> str:
    """The message an exception was raised with, still a :class:`Msg` when it was one.

    ``str(error)`` makes a plain copy of the text and loses the template.
    """
    args = error.args
    return args[0] if len(args) == 1 and isinstance(args[0], str) else str(error)
