"""benchmarks/anki_compare.py writes the benchmark's questions as a CSV file Anki can import.

No network and no anki here: the file is read back the way Anki's importer reads it (header
lines starting with ``#``, then comma-separated rows with quoting), and must hold every question.
"""

from __future__ import annotations

import csv
import html
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from anki_compare import HEADERS, write_csv  # noqa: E402
from synth import questions  # noqa: E402


def read_back(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as file:
        lines = file.read().splitlines(keepends=True)
    headers = [line.rstrip("\n") for line in lines if line.startswith("#")]
    rows = list(csv.reader(line for line in lines if not line.startswith("#")))
    return headers, rows


def test_every_question_round_trips_through_the_csv(tmp_path: Path) -> None:
    items = questions(25)
    # A stem with the characters HTML and CSV treat specially must come back unchanged.
    items[0] = {**items[0], "stem": 'a < b & "c", d'}
    headers, rows = read_back(write_csv(tmp_path / "bank.csv", items))
    assert headers == list(HEADERS)
    assert len(rows) == len(items)
    for question, (guid, front, back, tags) in zip(items, rows, strict=True):
        assert guid == question["id"]
        stem = str(question["stem"]).replace("{{1}}", "____")
        assert html.unescape(front.split("<br>")[0]) == stem
        assert html.unescape(back).endswith(str(question["explanation"]))
        assert tags.split() == question["tags"]
        if isinstance(options := question.get("options"), dict):
            assert front.split("<br>")[1:] == [f"{k}. {v}" for k, v in options.items()]


def test_every_question_type_has_its_answer_on_the_back(tmp_path: Path) -> None:
    items = questions(5)  # one of each of the five types
    _, rows = read_back(write_csv(tmp_path / "bank.csv", items))
    answers = [back.split("<br>")[0].removeprefix("答案：") for *_, back, _tags in rows]
    blanks = items[3]["blanks"]
    assert isinstance(blanks, list)
    assert answers == ["A", "A", "正确", blanks[0][0], "AC"]


def test_the_comparison_script_imports_nothing_of_jgstudy() -> None:
    code = "import sys, anki_compare; print(any(m.startswith('jgstudy') for m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=BENCHMARKS, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
