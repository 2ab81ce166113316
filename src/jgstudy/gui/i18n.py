"""The interface language: Simplified Chinese by default, English from a catalog.

The Chinese text in the source is the key: ``tr("首页")`` is ``首页`` in Chinese and
``Home`` in English. Texts with values are templates with named fields:
``tr("第 {position} / {total} 题").format(position=p, total=t)``. The language is chosen
once at start (from the settings), before any widget is built; a change applies after a
restart. Question bank content is never translated. Messages from the core are
:class:`jgstudy.core.text.Msg` values: ``tr_msg`` translates their template and fields.

English templates may choose a word by a number field: ``"{count} {count|day|days}"`` reads
"1 day" and "2 days" (Chinese has no plural). ``trc(context, text)`` tells apart two English
words for one Chinese text ("正确" is "Correct" beside an option, "True" for a judgement).
"""

from __future__ import annotations

import re
from typing import Any

from jgstudy.core.banks.errors import Problem
from jgstudy.core.text import Msg, MsgList, message_of

PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")
CONTEXT_MARK = "\x04"

DEFAULT_LANGUAGE = "zh_CN"

_language = DEFAULT_LANGUAGE
_catalog: dict[str, str] = {}


def set_language(code: str) -> None:
    """Use ``code`` ("zh_CN" or "en") for every text built from now on."""
    global _language, _catalog
    if code == "en":
        from jgstudy.gui.i18n_en import EN

        _language, _catalog = "en", EN
    else:
        _language, _catalog = DEFAULT_LANGUAGE, {}


def language() -> str:
    return _language


class Text(str):
    """A translated template whose ``format`` first picks singular or plural words."""

    def format(self, *args: Any, **kwargs: Any) -> str:
        def pick(match: re.Match[str]) -> str:
            return match.group(2) if kwargs.get(match.group(1)) == 1 else match.group(3)

        return str.format(PLURAL.sub(pick, self), *args, **kwargs)


def tr(text: str) -> str:
    """``text`` in the interface language; the Chinese itself when there is no translation."""
    if not _catalog:
        return text
    found = _catalog.get(text, text)
    return Text(found) if "|" in found else found


def trc(context: str, text: str) -> str:
    """``text`` as meant in ``context`` (the catalog key is ``context`` + \\x04 + ``text``)."""
    if not _catalog:
        return text
    return _catalog.get(f"{context}{CONTEXT_MARK}{text}") or tr(text)


def N_(text: str) -> str:
    """Mark a text for translation where it is shown: module-level tables are built before
    the language is chosen, so they hold the Chinese and the code calls ``tr`` at use."""
    return text


_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

# How the core's Chinese separators read in English (MsgList joins).
_SEPARATORS = {"；": "; ", "，": ", ", "、": ", ", "。": ". ", "：": ": ", "\n": "\n"}


def tr_msg(text: str) -> str:
    """A message from the core in the interface language.

    A :class:`Msg` is translated from its template, its message fields translated in turn;
    a template without an English entry stays Chinese (the catalog test keeps that rare).
    A plain string is looked up as it is.
    """
    if not _catalog:
        return str(text)
    if isinstance(text, MsgList):
        separator = _SEPARATORS.get(text.separator, text.separator)
        # Plain parts are content (a sheet's or column's name): only messages are translated.
        return separator.join(tr_msg(p) if isinstance(p, Msg) else p for p in text.parts)
    if isinstance(text, Msg):
        template = _catalog.get(text.template)
        if template is None:
            if _CJK.search(text.template):
                return str(text)
            template = text.template  # only fields and punctuation ("{file}:{line}: {message}")
        if not text.fields:
            return template  # formatted only when it has fields, as the Msg itself
        fields = {
            name: tr_msg(value) if isinstance(value, Msg) else value
            for name, value in text.fields.items()
        }
        return Text(template).format(**fields)
    return _catalog.get(text, text)


def tr_error(error: BaseException) -> str:
    """An exception's message (a :class:`Msg` from the core) in the interface language."""
    return tr_msg(message_of(error))


def tr_problem(problem: Problem) -> str:
    """``file:line:col: message`` with the message in the interface language."""
    return f"{problem.file}:{problem.line}:{problem.column}: {tr_msg(problem.message)}"
