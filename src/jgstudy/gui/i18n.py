"""The interface language: Simplified Chinese by default, English from a catalog.

The Chinese text in the source is the key: ``tr("首页")`` is ``首页`` in Chinese and
``Home`` in English. Texts with values are templates with named fields:
``tr("第 {position} / {total} 题").format(position=p, total=t)``. The language is chosen
once at start (from the settings), before any widget is built; a change applies after a
restart. Question bank content and messages from the core are never translated.
"""

from __future__ import annotations

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


def tr(text: str) -> str:
    """``text`` in the interface language; the Chinese itself when there is no translation."""
    return _catalog.get(text, text) if _catalog else text


def N_(text: str) -> str:
    """Mark a text for translation where it is shown: module-level tables are built before
    the language is chosen, so they hold the Chinese and the code calls ``tr`` at use."""
    return text
