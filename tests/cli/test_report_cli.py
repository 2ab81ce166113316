"""``jgstudy report``, ``export-scores`` and ``merge-scores``, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from data.reports.cohort import seed_cohort
from data.reports.seed import BANK, EXAM_ID, seed_history
from jgstudy.cli.main import main
from jgstudy.core.clock import FixedClock
from jgstudy.core.service import StudyService
from jgstudy.core.services import open_services


@pytest.fixture
def seeded(service: StudyService, db_url: str) -> str:
    """The URL of a database holding the report tests' history."""
    seed_history(service)
    return db_url


def jg(url: str, *args: str) -> int:
    return main(["--db", url, *args])


def cadre_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_the_format_follows_the_extension(
    seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert jg(seeded, "report", "-o", str(tmp_path / "r.xlsx")) == 0
    assert "已生成XLSX报告" in capsys.readouterr().out
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames[:2] == ["汇总", "学员"]
    assert jg(seeded, "report", "--format", "csv", "-o", str(tmp_path / "r.txt")) == 0
    assert len(cadre_rows(tmp_path / "r.txt")) == 9


def test_unit_and_dates_filter(seeded: str, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    args = ["--unit", "财政局", "--from", "2026-03-03", "--to", "2026-03-03", "--min-answers", "2"]
    assert jg(seeded, "report", *args, "-o", str(out)) == 0
    rows = cadre_rows(out)
    assert {r["单位"] for r in rows} == {"财政局"}
    assert [(r["作答题数"], r["已完成"]) for r in rows] == [("2", "是")] * 4


def test_one_exam(seeded: str, tmp_path: Path) -> None:
    assert jg(seeded, "report", "--exam", EXAM_ID, "-o", str(tmp_path / "r.xlsx")) == 0
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book["考试成绩"].max_row == 1 + 8
    rows = list(book["学员"].iter_rows(values_only=True))
    column = rows[0].index("作答题数")
    answers = {row[column] for row in rows[1:]}
    assert answers == {0, 3}


def test_an_unknown_exam_is_a_warning(
    seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert jg(seeded, "report", "--exam", "nope", "-o", str(tmp_path / "r.csv")) == 0
    assert "没有找到考试“nope”" in capsys.readouterr().err


def test_mistakes_are_clear_errors(
    seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert jg(seeded, "report", "-o", str(tmp_path / "r.doc")) == 2
    assert "无法确定报告格式" in capsys.readouterr().err
    swapped = ["--from", "2026-03-05", "--to", "2026-03-01"]
    assert jg(seeded, "report", *swapped, "-o", str(tmp_path / "r.csv")) == 2
    assert "开始日期晚于结束日期" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        jg(seeded, "report", "--from", "3/5/2026", "-o", str(tmp_path / "r.csv"))
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_scores_travel_from_a_desktop_to_the_trainer(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: FixedClock
) -> None:
    desk = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    services = open_services(desk, clock)
    seed_history(services.study)
    services.close()
    scores = tmp_path / "张伟.json.gz"
    assert jg(desk, "export-scores", "--user", "张伟", "-o", str(scores)) == 0
    assert "11 条答题记录" in capsys.readouterr().out
    assert jg(db_url, "merge-scores", str(scores)) == 0  # bank missing: nothing merged, warned
    captured = capsys.readouterr()
    assert "新增答题记录 0 条" in captured.out
    assert "请先导入题库 rpt" in captured.err
    assert jg(db_url, "import", str(BANK)) == 0
    assert jg(db_url, "merge-scores", str(scores)) == 0
    assert "新增答题记录 11 条" in capsys.readouterr().out
    assert jg(db_url, "merge-scores", str(scores)) == 0
    assert "新增答题记录 0 条（已有 11 条）" in capsys.readouterr().out


def test_bad_scores_files_and_unknown_users(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert jg(db_url, "export-scores", "--user", "无此人", "-o", str(tmp_path / "x.json")) == 2
    assert "没有名为 无此人 的用户" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    assert jg(db_url, "merge-scores", str(tmp_path / "bad.json")) == 1
    assert "不是 jgstudy 成绩文件" in capsys.readouterr().err


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_a_pdf_from_a_machine_without_display(seeded: str, tmp_path: Path) -> None:
    # A real process: the CLI must make its own (offscreen) Qt application.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    command = [sys.executable, "-m", "jgstudy.cli.main", "--db", seeded, "report"]
    done = subprocess.run(
        [*command, "--unit", "审计局", "-o", str(tmp_path / "r.pdf")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "审计局" in text and "财政局" not in text


@pytest.fixture
def cohort(db_url: str, tmp_path: Path) -> str:
    """The readiness cohort, its history ending today (the CLI runs on the system clock)."""
    clock = FixedClock(datetime.now(UTC) - timedelta(days=30))
    services = open_services(db_url, clock)
    seed_cohort(services, clock, tmp_path)
    services.close()
    return db_url


def test_the_report_carries_readiness_and_ranks_cadres_only_when_asked(
    cohort: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert jg(cohort, "report", "--unit", "审计局", "-o", str(tmp_path / "r.xlsx")) == 0
    out = capsys.readouterr().out
    assert "审计局：2 人设定目标日期，按近期进度预计掌握" in out and "1 人落后于计划" in out
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert "落后者" in {c for row in book["备考准备"].iter_rows(values_only=True) for c in row}
    assert "单位内排名" not in [c.value for c in book["学员"][1]]
    ranked = tmp_path / "ranked.xlsx"
    assert jg(cohort, "report", "--rank-cadres", "-o", str(ranked)) == 0
    assert "单位内排名" in [c.value for c in openpyxl.load_workbook(ranked)["学员"][1]]
