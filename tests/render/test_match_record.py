"""The arbitration record a jury settles a protest (申诉) from: every event, in xlsx and PDF.

A match with presses a few milliseconds apart, false starts (a warning, then points), a wrong
judgement undone and re-judged, adjustments with their reasons, a 观众题, a 放弃, a 加赛 and a
shared rank is exported through ``jgstudy match export``; the files are opened as a reader
would (openpyxl; poppler's pdftotext).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication

from jgstudy.cli.main import main
from jgstudy.core.clock import FixedClock
from jgstudy.core.competition import CompetitionConfig, Match, Team
from jgstudy.core.services import Services

TEAMS = [Team(name=n, key=k) for n, k in [("红队", "Q"), ("=蓝队", "P"), ("<b>绿队</b>", "Z")]]
CHOICE = {"types": ["single", "judge"]}
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


@pytest.fixture
def stored(services: Services, clock: FixedClock) -> tuple[Services, Match]:
    """A finished three-team match where every kind of thing a jury asks about happened."""
    services.study.import_bundled()
    config = CompetitionConfig.model_validate(
        {
            "format": 1,
            "id": "record",
            "title": "仲裁测试赛",
            "rounds": [
                {"kind": "buzzer", "count": 3, "buzz_window_seconds": 10, "filter": CHOICE},
                {"kind": "risk", "filter": CHOICE},
            ],
        }
    )
    match = services.competitions.create_match(config, TEAMS, seed=11)
    match.start_round(clock.now())
    match.next_question(clock.advance(seconds=1))
    match.buzz(1, clock.advance(seconds=1))  # 蓝 jumps the gun: a warning
    match.release(clock.advance(seconds=2))
    match.buzz(2, clock.advance(milliseconds=640))
    match.buzz(0, clock.advance(milliseconds=3))  # 3 ms too late
    match.judge(False, clock.advance(seconds=4))
    match.undo(clock.advance(seconds=1))  # mis-judged
    match.judge(True, clock.advance(seconds=1))
    match.next_question(clock.advance(seconds=1))
    match.release(clock.advance(seconds=1))
    match.tick(clock.advance(seconds=10))  # nobody: 观众题
    match.adjust(0, 10, clock.advance(seconds=1), "评委复核加分")
    match.next_round(clock.advance(seconds=5))  # 风险题: 蓝 (lowest) chooses first
    match.next_question(clock.advance(seconds=1))
    match.decline(clock.advance(seconds=1))
    match.finish_round(clock.advance(seconds=1))
    match.start_tiebreak([0, 2], clock.advance(seconds=1))  # 红 and 绿 on 110
    match.next_question(clock.advance(seconds=1))
    match.release(clock.advance(seconds=1))
    match.buzz(0, clock.advance(milliseconds=812))
    match.judge(True, clock.advance(seconds=3))
    match.adjust(1, 10, clock.advance(seconds=5), "申诉成立，补加 10 分")  # 蓝 ties 绿
    match.finish(clock.advance(seconds=5))
    return services, match


def export(url: str, match: Match, path: Path) -> None:
    assert main(["--db", url, "match", "export", str(match.id), "-o", str(path)]) == 0


def test_match_list_names_each_stored_match(
    stored: tuple[Services, Match], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _service, match = stored
    assert main(["--db", db_url, "match", "list"]) == 0
    out = capsys.readouterr().out
    assert f"{match.id}\t" in out and "仲裁测试赛" in out and "已结束" in out


def test_the_workbook_holds_every_event_with_reasons_and_reaction_times(
    stored: tuple[Services, Match], db_url: str, tmp_path: Path
) -> None:
    _service, match = stored
    export(db_url, match, tmp_path / "record.xlsx")
    book = openpyxl.load_workbook(tmp_path / "record.xlsx")
    assert book.sheetnames == ["概要", "题目", "事件"]
    events = list(book["事件"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in events] == [e.seq for e in match.events]  # every one, in order
    by_seq = {row[0]: row for row in events}
    presses = [e for e in match.events if e.kind.value == "buzz"]
    assert [by_seq[e.seq][8] for e in presses] == [640, 643, 812]
    assert by_seq[presses[1].seq][6] == "慢了一步"
    reasons = [row[6] for row in events if row[5] == "加减分"]
    assert reasons == ["评委复核加分", "申诉成立，补加 10 分"]
    undone = [row for row in events if row[9] is not None]
    assert len(undone) == 1 and undone[0][5] == "判分"  # the wrong verdict, marked as undone
    assert any(row[5] == "抢跑" and "警告" in row[6] for row in events)
    assert by_seq[4][4] == "=蓝队"  # a name starting with "=" stays text, not a formula
    summary = list(book["概要"].iter_rows(values_only=True))
    assert summary[-3:] == [
        ("第 1 名", "红队", "Q", 120),
        ("并列第 2 名", "=蓝队", "P", 110),
        ("并列第 2 名", "<b>绿队</b>", "Z", 110),
    ]
    questions = list(book["题目"].iter_rows(min_row=2, values_only=True))
    first = questions[0]
    assert first[5]  # the correct answer
    assert "<b>绿队</b> 0.640 秒（抢到）" in first[7] and "红队 0.643 秒（未抢到）" in first[7]
    assert "=蓝队 第 1 次 0" in first[8]
    assert first[9] == "<b>绿队</b> 答错 -10；撤销 <b>绿队</b> +10；<b>绿队</b> 答对 +10"
    assert questions[1][9] == "无人抢答，观众题"
    assert questions[2][6] == "=蓝队 放弃"
    assert questions[3][0] == "加赛" and questions[3][7] == "红队 0.812 秒（抢到）"


@needs_poppler
def test_the_pdf_prints_every_event(
    stored: tuple[Services, Match], db_url: str, tmp_path: Path
) -> None:
    assert QApplication.instance() is not None or QApplication([]) is not None
    _service, match = stored
    export(db_url, match, tmp_path / "record.pdf")
    raw = subprocess.run(
        ["pdftotext", "-raw", str(tmp_path / "record.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    text = "".join(raw.split())
    for needle in ("仲裁测试赛", "评委复核加分", "<b>绿队</b>", "=蓝队放弃", "无人抢答，观众题"):
        assert needle in text
    assert "已被第" in text and "并列第2名" in text
    for event in match.events:  # each event's row: its seq, then its time to the millisecond
        stamp = f"{event.at.astimezone():%H:%M:%S.%f}"[:-3]  # the command's local time
        assert f"{event.seq}{stamp}" in text, event


def test_a_file_of_another_kind_is_refused_in_one_sentence(
    stored: tuple[Services, Match],
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _service, match = stored
    assert main(["--db", db_url, "match", "export", str(match.id), "-o", "x.docx"]) == 2
    assert "只能导出为 .xlsx 或 .pdf" in capsys.readouterr().err
    assert main(["--db", db_url, "match", "export", "999", "-o", str(tmp_path / "a.xlsx")]) == 2
    assert "没有编号为 999 的比赛" in capsys.readouterr().err
