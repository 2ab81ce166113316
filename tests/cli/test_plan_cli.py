"""``jgstudy optimize`` and ``jgstudy plan`` on a data folder, as a cadre and a trainer use them."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from jgstudy.cli.main import main
from jgstudy.core.services import open_services

AHEAD = (date.today() + timedelta(days=60)).isoformat()  # the CLI runs on the system clock


def run(tmp_path: Path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path), *args])


@pytest.fixture
def folder(tmp_path: Path, sample_bank: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(tmp_path, "import", str(sample_bank)) == 0
    services = open_services(f"sqlite:///{tmp_path / 'jgstudy.sqlite3'}")
    services.study.ensure_user("张三", "市委办")
    services.close()
    capsys.readouterr()
    return tmp_path


def test_optimize_with_a_short_history_says_so_in_one_sentence(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(folder, "optimize", "--user", "张三") == 1
    out = capsys.readouterr().out.strip()
    assert out == "只有 0 次隔天复习记录，至少需要 400 次才能拟合个人参数；参数未改变。"


def test_plan_saves_a_target_and_prints_the_figures(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(folder, "plan", "--user", "张三") == 2
    assert "还没有设定目标日期" in capsys.readouterr().err
    assert run(folder, "plan", "--user", "张三", "--until", AHEAD, "--recall", "85%", "--save") == 0
    out = capsys.readouterr().out
    assert "尚未学过的题：6；每天学新题 1 道" in out and "（目标 85%）" in out
    assert run(folder, "plan", "--user", "张三") == 0  # the saved target
    assert AHEAD in capsys.readouterr().out


def test_a_trainer_sets_the_target_for_a_whole_unit(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(folder, "plan", "--unit", "市委办", "--until", AHEAD, "--save") == 0
    out = capsys.readouterr().out
    assert f"已为 市委办 的 1 名学员设定目标日期 {AHEAD}" in out
    assert f"张三：{AHEAD} 预计掌握" in out
    assert run(folder, "plan", "--unit", "无此单位") == 2


def test_a_past_or_far_target_is_refused_and_not_saved(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for day in ("2020-01-01", "2099-01-31"):
        assert run(folder, "plan", "--user", "张三", "--until", day, "--save") == 2
        assert "须在今天之后" in capsys.readouterr().err
    assert run(folder, "plan", "--user", "张三") == 2  # nothing was saved
    assert "还没有设定目标日期" in capsys.readouterr().err


def test_retention_prints_a_row_per_interval(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(folder, "retention", "--user", "张三") == 0
    out = capsys.readouterr().out
    assert "近 7 天" in out and "31 天以上" in out and "—（—）0 次" in out


def test_simulate_answers_in_one_line_per_choice_of_minutes(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(folder, "simulate", "--user", "张三", "--until", AHEAD, "--minutes", "0") == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"每天 0 分钟 → {AHEAD} 预计掌握 0%") and "还有 6 题没学过" in line
