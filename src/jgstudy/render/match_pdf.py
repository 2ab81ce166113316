"""The arbitration record (比赛记录) as a PDF, and :func:`save_record` for either format.

Three parts: facts and final ranks, every question with its answer and what befell it, and
every event in order (presses with reaction times, false starts, judgements, adjustments with
their reasons, undos). Every value is escaped: a team named ``<b>`` prints as typed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from jgstudy.core.competition.record import MatchRecord, rank_words, signed
from jgstudy.core.competition.record_xlsx import write_record_xlsx
from jgstudy.render.fonts import css_families
from jgstudy.render.pdf_document import write_html_pdf

RECORD_FORMATS = ("xlsx", "pdf")
TABLE = (
    '<table width="100%" border="1" cellspacing="0" cellpadding="2" '
    'style="border-collapse: collapse; border-color: #999999; border-style: solid">'
)
HEAD_BG = "#DDE6F0"
QUESTION_HEADERS = [
    "轮次",
    "题号",
    "答题队",
    "题目",
    "答案",
    "分值",
    "抢答（反应时间）",
    "抢跑",
    "判分与撤销",
]
EVENT_HEADERS = [
    "序号",
    "时间",
    "轮次",
    "题号",
    "队伍",
    "事件",
    "说明",
    "分数",
    "反应(毫秒)",
    "撤销",
]
STYLE = """
body {{ font-family: {families}; font-size: 8pt; color: #222; }}
h1 {{ font-size: 16pt; margin-bottom: 2pt; }}
h2 {{ font-size: 11pt; margin-top: 12pt; margin-bottom: 4pt; color: #1F3864; }}
"""


class UnknownRecordFormat(ValueError):
    """The file name's extension is neither .xlsx nor .pdf."""


def record_format(path: Path) -> str:
    fmt = path.suffix.lstrip(".").lower()
    if fmt not in RECORD_FORMATS:
        raise UnknownRecordFormat(f"比赛记录只能导出为 .xlsx 或 .pdf：{path.name}")
    return fmt


def save_record(record: MatchRecord, path: Path) -> str:
    """Write the record as .xlsx or .pdf (by the extension); returns the format."""
    fmt = record_format(path)
    if fmt == "pdf":
        write_record_pdf(record, path)
    else:
        write_record_xlsx(record, path)
    return fmt


def write_record_pdf(record: MatchRecord, path: Path) -> None:
    title = f"{record.title} · 比赛记录"
    write_html_pdf(record_html(record), path, title, point_size=8)


def record_html(record: MatchRecord) -> str:
    finished = f"{record.finished_at:%Y-%m-%d %H:%M:%S}" if record.finished_at else "未结束"
    facts = [
        ("比赛编号", str(record.match_id)),
        ("开始时间", f"{record.created_at:%Y-%m-%d %H:%M:%S}"),
        ("结束时间", finished),
        *record.facts,
    ]
    ranks = [(rank_words(s.rank, s.tied), s.name, s.key, str(s.score)) for s in record.standings]
    questions = [
        (q.round, q.item, q.team, q.stem, q.answer, q.stake,
         "；".join(q.presses), "；".join(q.false_starts), "；".join(q.results))
        for q in record.questions
    ]  # fmt: skip
    events = [
        (str(e.seq), f"{e.at:%H:%M:%S.%f}"[:-3], e.round, e.item, e.team, e.what, e.detail,
         signed(e.points) if e.points is not None else "",
         str(e.reaction_ms) if e.reaction_ms is not None else "",
         f"已被第 {e.undone_by} 条撤销" if e.undone_by else "")
        for e in record.events
    ]  # fmt: skip
    return "".join(
        [
            f"<html><head><style>{STYLE.format(families=css_families())}</style></head><body>",
            f"<h1>{html.escape(record.title)} · 比赛记录</h1>",
            _table(("项目", "内容"), facts),
            "<h2>一、最终名次</h2>",
            _table(("名次", "队伍", "抢答键", "得分"), ranks),
            "<h2>二、题目与答题情况</h2>",
            _table(QUESTION_HEADERS, questions),
            "<h2>三、全部事件</h2>",
            _table(EVENT_HEADERS, events),
            "</body></html>",
        ]
    )


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f'<th bgcolor="{HEAD_BG}">{html.escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    return f"{TABLE}<tr>{head}</tr>{body}</table>"
