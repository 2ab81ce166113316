"""The report as a printable A4 PDF, and :func:`save_report`, which writes any report format.

The page is a QTextDocument built from HTML (every value escaped) with the charts inlined as
vector drawings (:mod:`jgstudy.render.charts`), written by :mod:`jgstudy.render.pdf_document`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtGui import (
    QTextDocument,
)

from jgstudy.core.reports import Report
from jgstudy.core.reports import cohort_columns as cc
from jgstudy.core.reports.columns import (
    EXAM_COLUMNS,
    ITEM_COLUMNS,
    UNIT_COLUMNS,
    Column,
    Kind,
    cadre_columns,
    text,
)
from jgstudy.render.charts import BarChart, ChartObject
from jgstudy.render.fonts import css_families
from jgstudy.render.pdf_document import write_html_pdf

Row = TypeVar("Row")

# Qt's rich text ignores most CSS on cells: borders and shading go in attributes.
TABLE = (
    '<table width="100%" border="1" cellspacing="0" cellpadding="3" '
    'style="border-collapse: collapse; border-color: #999999; border-style: solid">'
)
HEAD_BG = "#DDE6F0"
FLAG_BG = "#FCE4D6"
MAX_CHART_BARS = 25  # a taller chart would not fit on one page
WEAKEST_TAGS = 5  # per unit in the PDF (the workbook lists every tag)
NOTES = (
    "<p>得分为百分制：按考试统计时取该考试的最高成绩，否则为所选时间内的答题正确率。"
    "单位平均得分为参与学员得分的平均值；完成率为达到完成标准的学员占单位全部学员的比例。"
    "难度系数为学员首次作答的答对率；区分度为按其余试题得分排序后前三分之一与后三分之一学员答对率之差。"
    "估计掌握度为按记忆模型（FSRS）估计：已练过的题目若不再复习，30 天后仍能答对的平均概率。</p>"
)

CADRE_PDF = ("单位内排名", "姓名", "作答题数", "正确率", "得分", "已完成", "学习天数")
CADRE_PDF_MORE = ("答题用时中位数(秒)", "估计掌握度", "最高考试成绩")
UNIT_PDF = ("排名", "单位", "学员人数", "参与人数", "完成率", "正确率", "平均得分")
ITEM_PDF = (
    "题库",
    "题号",
    "题干",
    "正确答案",
    "作答人数",
    "难度系数(答对率)",
    "区分度",
    "核查原因",
)
EXAM_PDF = ("姓名", "单位", "考试", "状态", "交卷时间", "用时(分钟)", "百分制成绩")
STYLE = """
body {{ font-family: {families}; font-size: 9pt; color: #222; }}
h1 {{ font-size: 17pt; margin-bottom: 2pt; }}
h2 {{ font-size: 12pt; margin-top: 14pt; margin-bottom: 4pt; color: #1F3864; }}
p.meta {{ color: #555; }}
th {{ font-weight: bold; }}
"""


def write_pdf(report: Report, path: Path) -> None:
    """Write the report as an A4 PDF with the CJK font embedded."""

    def prepare(document: QTextDocument) -> ChartObject:
        charts = ChartObject(document)
        document.setHtml(report_html(report))
        _place_charts(document, charts, report)
        return charts

    write_html_pdf(report_html(report), path, report.title, prepare=prepare)


def _charts(report: Report) -> dict[str, BarChart]:
    ranked = [(u.label, u.average_score) for u in report.units if u.average_score is not None]
    shown = ranked[:MAX_CHART_BARS]
    more = f"（前 {len(shown)} 名）" if len(ranked) > len(shown) else ""
    return {
        "units": BarChart(f"各单位平均得分{more}", tuple(shown), 100.0),
        "distribution": BarChart(
            "学员得分分布（人数）",
            tuple((label, float(n)) for label, n in report.distribution),
            float(max((n for _l, n in report.distribution), default=0)) or 1.0,
            value_format="{:.0f}",
            horizontal=False,
        ),
    }


def _place_charts(document: QTextDocument, charts: ChartObject, report: Report) -> None:
    """Replace each ``[[chart:key]]`` marker of the HTML with its drawing."""
    for key, chart in _charts(report).items():
        cursor = document.find(f"[[chart:{key}]]")
        if not cursor.isNull():
            cursor.insertText("\ufffc", charts.insert_format(key, chart))


def _cell(column: Column[Row], row: Row, report: Report, tag: str = "td") -> str:
    value = column.value(row)
    if isinstance(value, datetime):
        value = report.local(value)
    align = "" if column.kind is Kind.TEXT else ' align="right"'
    return f"<{tag}{align}>{html.escape(text(value, column.kind))}</{tag}>"


def table(
    report: Report,
    columns: Sequence[Column[Row]],
    rows: Sequence[Row],
    headers: Sequence[str],
    flagged: Sequence[bool] = (),
    widths: Mapping[str, int] | None = None,
) -> str:
    """An HTML table of ``rows`` with the named columns; every value escaped."""
    chosen = [c for name in headers for c in columns if c.header == name]
    widths = widths or {}
    head = "".join(
        f'<th bgcolor="{HEAD_BG}"{_width(c.header, widths)}>{html.escape(c.header)}</th>'
        for c in chosen
    )
    body = []
    for index, row in enumerate(rows):
        shade = f' bgcolor="{FLAG_BG}"' if index < len(flagged) and flagged[index] else ""
        body.append(f"<tr{shade}>" + "".join(_cell(c, row, report) for c in chosen) + "</tr>")
    return f"{TABLE}<thead><tr>{head}</tr></thead>{''.join(body)}</table>"


def _width(header: str, widths: Mapping[str, int]) -> str:
    return f' width="{widths[header]}%"' if header in widths else ""


def _summary(report: Report) -> str:
    s = report.summary
    pairs = [
        ("学员人数", f"{s.cadres}"),
        ("参与人数", f"{s.participants}"),
        ("完成率", text(s.completion, Kind.PERCENT)),
        ("作答题数", f"{s.answers}"),
        ("正确率", text(s.accuracy, Kind.PERCENT) or "—"),
        ("平均得分", text(s.average_score, Kind.SCORE) or "—"),
        ("已交卷考试", f"{s.exams_finished}"),
        ("需核查试题", f"{s.flagged_items}"),
    ]
    cells = [
        f'<th bgcolor="{HEAD_BG}">{html.escape(k)}</th><td align="right">{html.escape(v)}</td>'
        for k, v in pairs
    ]
    return f"{TABLE}<tr>{''.join(cells[:4])}</tr><tr>{''.join(cells[4:])}</tr></table>"


def _meta(report: Report) -> str:
    f = report.filters
    done = "交卷" if f.exam else f"作答不少于 {f.min_answers} 题"
    parts = [
        f"单位：{report.unit_text}",
        f"时间范围：{report.period_text}",
        f"考试：{f.exam}" if f.exam else "",
        f"完成标准：{done}",
        f"生成时间：{report.local(report.generated_at):%Y-%m-%d %H:%M}",
    ]
    return '<p class="meta">' + "　|　".join(html.escape(p) for p in parts if p) + "</p>"


def _items(report: Report) -> str:
    flagged = report.flagged
    if not flagged:
        return "<p>没有发现需要核查的试题。</p>"
    intro = "<p>以下试题的区分度为负，或某个错误选项被选得比正确答案还多，常见原因是答案录入有误，请核对题库。</p>"
    widths = {"题干": 30, "核查原因": 30}
    return intro + table(report, ITEM_COLUMNS, flagged, ITEM_PDF, [True] * len(flagged), widths)


def report_html(report: Report) -> str:
    """The whole report as HTML for QTextDocument (charts as ``[[chart:key]]`` markers)."""
    parts = [
        f"<html><head><style>{STYLE.format(families=css_families())}</style></head><body>",
        f"<h1>{html.escape(report.title)}</h1>",
        _meta(report),
        "<h2>一、总体情况</h2>",
        _summary(report),
        "<h2>二、单位排名</h2>",
        "<p>[[chart:units]]</p>",
        table(report, UNIT_COLUMNS, report.units, UNIT_PDF),
        "<h2>三、成绩分布</h2>",
        "<p>[[chart:distribution]]</p>",
        "<h2>四、学员成绩（按单位排名）</h2>"
        if report.filters.rank_cadres
        else "<h2>四、学员成绩</h2>",
        _cadres(report),
        "<h2>五、需核查的试题</h2>",
        _items(report),
        _problems(report),
    ]
    number = iter("六七")
    if report.cohort is not None:
        # on a page of its own: the sheet a trainer hands round before the date
        page = ' style="page-break-before: always"'
        parts += [f"<h2{page}>{next(number)}、{cc.SHEET}</h2>", _cohort(report)]
    if report.exams:
        parts += [
            f"<h2>{next(number)}、考试成绩</h2>",
            table(report, EXAM_COLUMNS, report.exams, EXAM_PDF),
        ]
    parts += ["<h2>说明</h2>", NOTES, "</body></html>"]
    return "".join(parts)


def _problems(report: Report) -> str:
    """题目纠错: what cadres reported and no trainer has closed yet."""
    if not report.problems:
        return "<p>学员纠错：暂无待核查的报告。</p>"
    head = "".join(f"<th>{h}</th>" for h in ("试题", "学员", "问题", "时间"))
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(v)}</td>"
            for v in (ref, who, why, f"{report.local(at):%Y-%m-%d %H:%M}")
        )
        + "</tr>"
        for ref, who, why, at in report.problems
    )
    return (
        f"<h3>学员纠错（{len(report.problems)} 条待核查）</h3><table><tr>{head}</tr>{rows}</table>"
    )


def _cadres(report: Report) -> str:
    """One table per unit, so that each unit's ranking reads on its own."""
    out = []
    for unit in report.units:
        members = [c for c in report.cadres if c.unit == unit.unit]
        out.append(f"<h3>{html.escape(unit.label)}</h3>")
        columns = cadre_columns(report.filters.rank_cadres)
        out.append(table(report, columns, members, CADRE_PDF + CADRE_PDF_MORE))
    return "".join(out)


def _columns(columns: Sequence[Column[Row]]) -> tuple[str, ...]:
    return tuple(c.header for c in columns)


def _cohort(report: Report) -> str:
    """备考准备: each unit's predicted recall on the target date, its weakest tags, who is
    behind plan (named for the unit's trainer only), participation as a rate."""
    cohort = report.cohort
    assert cohort is not None
    parts = [table(report, cc.UNIT_READINESS, cohort.units, _columns(cc.UNIT_READINESS))]
    if not any(u.planned for u in cohort.units):
        parts.append(f"<p>{html.escape(cc.NO_TARGETS)}</p>")
    weakest = [t for t in cohort.tags if t.order <= WEAKEST_TAGS]
    if weakest:
        parts.append(f"<h3>{html.escape(cc.TAGS_TITLE)}</h3>")
        parts.append(table(report, cc.TAG_READINESS, weakest, _columns(cc.TAG_READINESS)))
        parts.append(f'<p class="meta">{html.escape(cc.WEAKNESS_NOTE)}</p>')
    parts.append(f"<h3>{html.escape(cc.BEHIND_TITLE)}</h3>")
    if cohort.behind:
        widths = {"落后原因": 40}
        parts.append(table(report, cc.BEHIND, cohort.behind, _columns(cc.BEHIND), widths=widths))
    parts += [f"<p>{html.escape(line)}</p>" for line in cc.hidden_names(cohort.units)]
    if not cohort.behind and not any(u.behind_count for u in cohort.units):
        parts.append(f"<p>{html.escape(cc.NOBODY_BEHIND)}</p>")
    return "".join(parts)
