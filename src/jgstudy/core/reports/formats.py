"""Report file formats and how a file name implies one."""

from __future__ import annotations

from pathlib import Path

from jgstudy.core.text import join, msg

FORMATS = ("xlsx", "csv", "pdf")


class UnknownFormat(ValueError):
    """Neither the option nor the file's extension names a known format."""


def report_format(path: Path, explicit: str | None = None) -> str:
    """The format to write: ``explicit`` if given, else the file's extension.

    Raises:
        UnknownFormat: when neither names one of :data:`FORMATS`.
    """
    fmt = (explicit or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise UnknownFormat(
            msg(
                "无法确定报告格式：{name}（可用：{formats}）",
                name=path.name,
                formats=join("、", FORMATS),
            )
        )
    return fmt
