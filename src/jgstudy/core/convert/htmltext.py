"""Moodle ``[html]`` question text as plain text: tags dropped, entities decoded, breaks kept."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
_LOST = {"img": "图片", "video": "视频", "audio": "音频", "table": "表格", "iframe": "嵌入内容"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lost: list[str] = []

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


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """The text of ``markup``, and a notice for each kind of content that cannot be kept."""
    if "<" not in markup and "&" not in markup:
        return markup, []
    parser = _Text()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts)).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    lost = [f"HTML 中的{kind}无法转换，已略去" for kind in dict.fromkeys(parser.lost)]
    return text, lost
