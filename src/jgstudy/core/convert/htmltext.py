"""Moodle ``[html]`` question text as plain text: tags dropped, entities decoded, breaks kept."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from jgstudy.core.text import Msg, msg

_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
_LOST = {
    "img": msg("图片"),
    "video": msg("视频"),
    "audio": msg("音频"),
    "table": msg("表格"),
    "iframe": msg("嵌入内容"),
}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lost: list[Msg] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")
        if tag in _LOST:
            self.lost.append(_LOST[tag])

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS - {"br"}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, list[Msg]]:
    """The text of ``markup``, and a notice for each kind of content that cannot be kept."""
    if "<" not in markup and "&" not in markup:
        return markup, []
    parser = _Text()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts)).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    lost = [
        msg("HTML 中的{kind}无法转换，已略去", kind=kind) for kind in dict.fromkeys(parser.lost)
    ]
    return text, lost
