"""``jgstudy exam`` end to end, in-process, with answers fed on stdin."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from jgstudy.cli.main import main
from jgstudy.core.storage.schema import AttemptRow, ReviewLogRow

SAMPLE_EXAM = """format: 1
id: cli-sample
title: 终端样卷
time_limit_minutes: 20
draw: fixed
pass_mark: {percent: 80}
sections:
  - {title: 单选, questions: [sample/s1], points: 2}
  - {title: 多选, questions: [sample/m1], points: 4}
  - {title: 判断, questions: [sample/j1], points: 2}
  - {title: 填空, questions: [sample/f1, sample/f2], points: 1}
"""


def run(tmp_path: Path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path), *args])


def feed(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def test_a_fixed_paper_from_first_question_to_result(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    sample_bank: Path,
    tmp_path: Path,
) -> None:
    assert run(tmp_path, "import", str(sample_bank)) == 0
    paper = tmp_path / "exam.yaml"
    paper.write_text(SAMPLE_EXAM, encoding="utf-8")
    capsys.readouterr()
    feed(
        monkeypatch,
        "C",  # 1 → 2
        "f",  # flag 2
        "",  # skip to 3
        "对",  # 3 → 4
        "g 2",
        "x",  # not an answer
        "A B D",  # 2 → 3
        "g 4",
        "294;547",  # 4 → 5
        "s",
        "n",  # not yet: 5 is unanswered
        "速决毫厘",
        "s",
        "y",
    )
    assert run(tmp_path, "exam", str(paper), "--user", "张三", "--unit", "审计局") == 0
    out = capsys.readouterr().out
    assert out.startswith("\n[1/5] 单选")
    assert "第 2 题已标记。" in out
    assert "无法识别的答案" in out
    assert "未作答：第 5 题\n已标记：第 2 题\n确认交卷吗？(y/n)" in out
    assert "已是最后一题" in out
    assert "得分 10/10（100%），及格线 8：通过" in out
    assert "多选：4/4（作答 1/1，答对 1）" in out
    assert "你的答案：ABD　正确答案：ABD　得分 4/4" in out
    assert "解析：大讲堂全年举办6期" in out

    engine = create_engine(f"sqlite:///{tmp_path / 'jgstudy.sqlite3'}")
    with engine.connect() as conn:
        attempt = conn.execute(
            select(AttemptRow.id, AttemptRow.score, AttemptRow.finished_at)
        ).one()
        logged = conn.execute(select(ReviewLogRow.attempt_id)).scalars().all()
    engine.dispose()
    assert attempt.score == 10 and attempt.finished_at is not None
    assert logged == [attempt.id] * 5


def first_question(out: str) -> str:
    return out.split("\n[1/")[1].split("\n")[1]


def test_a_shipped_paper_by_name_with_a_seed_resumes_after_the_input_ends(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert run(tmp_path, "import") == 0
    capsys.readouterr()
    feed(monkeypatch, "A")
    assert run(tmp_path, "exam", "mock-30min", "--user", "甲", "--seed", "11") == 0
    out = capsys.readouterr().out
    assert "[1/45] 一、单项选择题" in out
    assert "考试未交卷" in out

    feed(monkeypatch, "s", "y")
    assert run(tmp_path, "exam", "mock-30min", "--user", "甲") == 0
    resumed = capsys.readouterr().out
    assert resumed.startswith("继续上次未交卷的考试。\n\n[2/45]")  # where it was left
    assert "未作答：第 2、3、" in resumed
    stem = first_question(out).removesuffix("（1 分）")
    assert re.search(rf"\n1\. [✔✘] {re.escape(stem)}\n   你的答案：A　", resumed)

    feed(monkeypatch, "s", "y")
    assert run(tmp_path, "exam", "mock-30min", "--user", "乙", "--seed", "11") == 0
    assert first_question(capsys.readouterr().out) == first_question(out)  # same seed, same paper


def test_a_broken_blueprint_is_reported_with_its_places(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paper = tmp_path / "bad.yaml"
    paper.write_text("format: 1\nid: bad\ntitle: 坏\ntime_limit_minutes: -3\nsections: []\n")
    assert run(tmp_path, "exam", str(paper), "--user", "甲") == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [f"{paper}:4:21: time_limit_minutes：不能小于 1"]


def test_an_unknown_paper_names_the_shipped_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(tmp_path, "exam", "no-such-paper", "--user", "甲") == 2
    assert "mock-30min、skills-final" in capsys.readouterr().err


def test_a_paper_the_banks_cannot_fill_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(tmp_path, "exam", "mock-30min", "--user", "甲") == 2
    assert "题库不足以组卷" in capsys.readouterr().err
