"""What the core says about exams, competitions, scheduling and reports reads in English in the
English interface, and exactly as before in the Chinese one."""

from __future__ import annotations

import re
from datetime import UTC
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from jgstudy.core.clock import FixedClock
from jgstudy.core.competition import Team
from jgstudy.core.order import NewOrder
from jgstudy.core.records import UserInfo
from jgstudy.core.scheduling.fit import NotEnoughHistory
from jgstudy.core.scheduling.retention import BUCKETS
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services
from jgstudy.gui.competition import HostPanel, MatchSetupDialog
from jgstudy.gui.editor.drafting import DraftDialog
from jgstudy.gui.exam import ExamPage
from jgstudy.gui.i18n import tr_error, tr_msg
from jgstudy.gui.reports import ReportsView

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
FINAL = "skills-final"

BROKEN_BLUEPRINT = """\
format: 1
id: broken-paper
title: 有错的试卷
time_limit_minutes: 10
pass_mark: {points: 5, percent: 60}
sections:
  - title: 单选
    count: 2
    questions: [bank/q-1]
"""


def _exam_page(qtbot: QtBot, services: Services, user: UserInfo) -> ExamPage:
    page = ExamPage(services.exams, confirm=lambda *_args: True)
    qtbot.addWidget(page)
    page.set_user(user)
    return page


def _final_problem(page: ExamPage) -> str:
    card = next(c for c in page.picker.cards if c.choice.path.stem == FINAL)
    assert card.choice.problem is not None
    return card.choice.problem


def _outside_quotes(text: str) -> str:
    """The text without the “section titles” it quotes (content of the blueprint)."""
    return re.sub(r"“[^”]*”", "", text)


@pytest.mark.usefixtures("english")
def test_an_exam_that_cannot_be_drawn_says_so_in_english(
    qtbot: QtBot, service: StudyService, services: Services
) -> None:
    page = _exam_page(qtbot, services, service.ensure_user("李四"))
    problem = _final_problem(page)
    assert problem.startswith("The imported banks are not enough for this exam: ")
    assert "only 0 matching questions, 10 needed" in problem
    assert "; " in problem  # every section's problem, joined the English way
    assert not CJK.search(_outside_quotes(problem)), problem
    blueprint = services.exams.load_blueprint(page.picker.cards[0].choice.path)
    assert not page.start(blueprint)
    shown = page.picker.message.text()
    assert shown.startswith("Cannot build the exam: ") and "needed" in shown
    assert not CJK.search(_outside_quotes(shown)), shown


def test_an_exam_that_cannot_be_drawn_reads_as_before_in_chinese(
    qtbot: QtBot, service: StudyService, services: Services
) -> None:
    page = _exam_page(qtbot, services, service.ensure_user("李四"))
    problem = _final_problem(page)
    assert problem.startswith("已导入的题库不足以组卷：“一、单项选择题（强基提能、清廉机关）”：")
    assert "只有 0 道符合条件的题，需要 10 道；“二、多项选择题”：" in problem


@pytest.mark.usefixtures("english")
def test_a_broken_blueprint_lists_its_problems_in_english(
    qtbot: QtBot, service: StudyService, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN_BLUEPRINT, encoding="utf-8")
    page = _exam_page(qtbot, services, service.ensure_user("李四"))
    assert not page.start_file(path)
    shown = page.picker.message.text()
    assert shown.startswith(f"The exam plan file has errors: {path}:")
    assert f"{path}:5:" in shown and "either points or percent" in shown
    assert "questions is only for draw: fixed" in shown
    assert not CJK.search(shown), shown


def test_a_broken_blueprint_lists_its_problems_as_before_in_chinese(
    qtbot: QtBot, service: StudyService, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN_BLUEPRINT, encoding="utf-8")
    page = _exam_page(qtbot, services, service.ensure_user("李四"))
    assert not page.start_file(path)
    assert page.picker.message.text() == (
        f"方案文件有误：{path}:5:12: 及格线 pass_mark 应写 points 或 percent 之一；"
        f"{path}:9:16: questions 只用于 draw: fixed"
    )


BROKEN_CONTEST = """\
format: 1
id: broken-contest
title: 有错的比赛
teams:
  - {name: 甲队, key: A}
  - {name: 甲队, key: B}
rounds:
  - kind: risk
    stakes: [10, 10]
"""


def _setup_dialog(qtbot: QtBot, services: Services, tmp_path: Path) -> MatchSetupDialog:
    broken = tmp_path / "broken-contest.yaml"
    broken.write_text(BROKEN_CONTEST, encoding="utf-8")
    bad_key = tmp_path / "bad-key.yaml"
    bad_key.write_text(BROKEN_CONTEST.replace("key: B", 'key: "?"'), encoding="utf-8")
    paths = [broken, bad_key, *services.competitions.bundled_configs()]
    dialog = MatchSetupDialog(services.competitions, paths=paths)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.usefixtures("english")
def test_a_competition_file_with_errors_shows_english_errors(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    dialog = _setup_dialog(qtbot, services, tmp_path)
    assert dialog.config_box.count() == len(services.competitions.bundled_configs())
    broken, bad_key = dialog.broken.text().split("\n")
    assert broken.startswith("The contest plan broken-contest.yaml has errors and is not listed: ")
    assert (
        "listed: line 5: two teams have the same name; line 9: the stakes repeat a value" in broken
    )
    assert "listed: line 6: key: a buzzer key is A–Z, 0–9" in bad_key
    assert not CJK.search(broken + bad_key)
    dialog.names[1].setText(dialog.names[0].text())
    assert dialog.problems.text() == "two teams have the same name"
    assert not dialog.ok_button.isEnabled()


def test_a_competition_file_with_errors_reads_as_before_in_chinese(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    dialog = _setup_dialog(qtbot, services, tmp_path)
    broken, bad_key = dialog.broken.text().split("\n")
    assert broken.startswith("比赛方案 broken-contest.yaml 有误，未列出：")
    assert "未列出：第 5 行：队名有重复；第 9 行：分值 stakes 有重复" in broken
    assert "未列出：第 6 行：key：抢答键应为 A–Z、0–9" in bad_key
    dialog.names[1].setText(dialog.names[0].text())
    assert dialog.problems.text() == "队名有重复"


@pytest.mark.usefixtures("english")
def test_a_host_command_that_does_not_fit_is_refused_in_english(
    qtbot: QtBot, services: Services, service: StudyService
) -> None:
    service.import_bundled()
    config = services.competitions.load_config(services.competitions.bundled_configs()[0])
    teams = [Team(name="甲", key="A"), Team(name="乙", key="B")]
    match = services.competitions.create_match(config, teams, seed=1)
    panel = HostPanel(UTC, confirm=lambda *_args: True)
    qtbot.addWidget(panel)
    panel.bind(match, services.competitions.now)
    assert not panel.skip()
    assert panel.status.text() == "not possible in the current state (LOBBY)"
    assert panel.start_round()
    panel.show_state(match.snapshot())
    assert panel.round.text().endswith(" · 芳华初绽·必答题")  # the file's own title, as written
    assert not panel.set_order([1, 0])
    assert panel.status.text() == "only a risk round has an order of choosing stakes"


def _answered_reports(
    qtbot: QtBot, service: StudyService, services: Services, sample_bank: Path, clock: FixedClock
) -> ReportsView:
    """Two cadres answered, one of them without a unit; the report page is open."""
    service.import_banks([sample_bank])
    for name, unit in (("张三", "市审计局"), ("赵六", "")):
        user = service.ensure_user(name, unit)
        first = service.question(service.practice_queue(user, order=NewOrder.BANK, limit=1)[0])
        clock.advance(minutes=1)
        service.record(user.id, first, "C", 4000)
    view = ReportsView(services.reports)
    qtbot.addWidget(view)
    view.refresh()
    return view


def _preview(qtbot: QtBot, view: ReportsView) -> None:
    assert view.preview()
    qtbot.waitUntil(lambda: view.report is not None and view.preview_button.isEnabled())


def _headers(view: ReportsView) -> list[str]:
    table = view.table
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


@pytest.mark.usefixtures("english")
def test_the_report_page_reads_in_english_and_exports_a_chinese_document(
    qtbot: QtBot,
    service: StudyService,
    services: Services,
    sample_bank: Path,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    view = _answered_reports(qtbot, service, services, sample_bank, clock)
    _preview(qtbot, view)
    headers = _headers(view)
    assert headers[:3] == ["Rank", "Unit", "Cadres"], headers
    assert not any(CJK.search(h) for h in headers), headers
    units = {view.table.item(row, 1).text() for row in range(view.table.rowCount())}
    assert units == {"市审计局", "(no unit given)"}  # a unit's own name is content
    assert view.summary.text().startswith("jgstudy score report: ")
    # The exported workbook is a Chinese document whatever the interface language.
    target = tmp_path / "report.xlsx"
    with qtbot.waitSignal(view.exported, timeout=20_000):
        assert view.export(target, "xlsx")
    book = openpyxl.load_workbook(target)
    assert {"汇总", "学员", "单位"} <= set(book.sheetnames)
    assert book["汇总"]["A2"].value == "报告" and book["汇总"]["B2"].value == "机关学习成绩报告"


@pytest.mark.usefixtures("english")
def test_a_report_period_that_ends_before_it_starts_is_refused_in_english(
    qtbot: QtBot, service: StudyService, services: Services, sample_bank: Path, clock: FixedClock
) -> None:
    view = _answered_reports(qtbot, service, services, sample_bank, clock)
    view.use_dates.setChecked(True)
    view.date_from.setDate(QDate(2026, 3, 2))
    view.date_to.setDate(QDate(2026, 3, 1))
    with qtbot.waitSignal(view.failed) as signal:
        assert not view.preview()
    assert signal.args == ["the start date is after the end date"]
    assert view.summary.text().endswith("the start date is after the end date")


def test_the_report_page_reads_as_before_in_chinese(
    qtbot: QtBot, service: StudyService, services: Services, sample_bank: Path, clock: FixedClock
) -> None:
    view = _answered_reports(qtbot, service, services, sample_bank, clock)
    _preview(qtbot, view)
    assert _headers(view)[:3] == ["名次", "单位", "学员"]
    units = {view.table.item(row, 1).text() for row in range(view.table.rowCount())}
    assert units == {"市审计局", "（未填单位）"}
    assert view.summary.text().startswith("机关学习成绩报告：")


@pytest.mark.usefixtures("english")
def test_scheduling_messages_read_in_english() -> None:
    assert tr_error(NotEnoughHistory(1)) == (
        "only 1 review on a later day than the one before; 400 are needed to fit personal "
        "parameters. The parameters are unchanged."
    )
    assert [tr_msg(label) for _low, _high, label in BUCKETS][:2] == ["1 day", "2–3 days"]


def test_scheduling_messages_read_as_before_in_chinese() -> None:
    assert str(NotEnoughHistory(3)) == (
        "只有 3 次隔天复习记录，至少需要 400 次才能拟合个人参数；参数未改变。"
    )


@pytest.mark.usefixtures("english")
def test_an_unreadable_material_is_explained_in_english(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = DraftDialog()
    qtbot.addWidget(dialog)
    broken = tmp_path / "材料.docx"
    broken.write_bytes(b"not a zip")
    assert not dialog.load_material(broken)
    assert dialog.status.text() == (
        f"cannot open the Word file {broken}: it is damaged or not a .docx file"
    )
    assert not dialog.load_material(tmp_path / "missing.txt")
    assert dialog.status.text().startswith("material file not found: ")


UNTITLED_ROUNDS = """\
format: 1
id: untitled
title: 无标题轮次
rounds:
  - kind: compulsory
    per_team: 1
"""


@pytest.mark.usefixtures("english")
def test_a_round_the_file_leaves_untitled_shows_its_default_title_in_english(
    qtbot: QtBot, services: Services, service: StudyService, tmp_path: Path
) -> None:
    service.import_bundled()
    path = tmp_path / "untitled.yaml"
    path.write_text(UNTITLED_ROUNDS, encoding="utf-8")
    config = services.competitions.load_config(path)
    teams = [Team(name="甲", key="A"), Team(name="乙", key="B")]
    match = services.competitions.create_match(config, teams, seed=1)
    panel = HostPanel(UTC, confirm=lambda *_args: True)
    qtbot.addWidget(panel)
    panel.bind(match, services.competitions.now)
    assert panel.start_round()
    panel.show_state(match.snapshot())
    assert panel.round.text() == "Round 1/1 · Compulsory questions"
