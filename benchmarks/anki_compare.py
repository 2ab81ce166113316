"""Anki's figures for issue 18, measured on this machine beside benchmarks/run.py.

Installs ``anki`` from PyPI into a scratch venv (``uv venv`` + ``uv pip install``), writes the
benchmark's generated questions (benchmarks/synth.py, the same 10k/50k as run.py) as CSV files
the way Anki imports them, and runs benchmarks/anki_worker.py in that venv: CSV import cold,
next queued card and answering it on a collection of 50k cards with 1M review logs. Prints the
figures and, with ``--json FILE``, writes them under run.py's keys (``import_10k_s``,
``import_50k_s``, ``next_question_ms``, ``record_answer_ms``) plus CPU times and the load.

    uv run python benchmarks/anki_compare.py --json anki.json          # full sizes
    uv run python benchmarks/anki_compare.py --quick                    # 1k/5k, 100k logs

Nothing of jgstudy is imported: the Anki side runs in its own interpreter. Not a test.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synth import questions

ANKI_VERSION = "26.9"
WORKER = Path(__file__).with_name("anki_worker.py")
DECK = "基准测试题库"
# Anki reads these header lines of a CSV file instead of asking (docs.ankiweb.net, "Importing").
HEADERS = (
    "#separator:Comma",
    "#html:true",
    "#notetype:Basic",
    f"#deck:{DECK}",
    "#guid column:1",
    "#tags column:4",
    "#columns:GUID,Front,Back,Tags",
)


def _front(question: dict[str, object]) -> str:
    """Stem, then one option a line: what a Basic card shows before the answer."""
    stem = html.escape(str(question["stem"]), quote=False).replace("{{1}}", "____")
    options = question.get("options")
    if not isinstance(options, dict):
        return stem
    lines = [f"{key}. {html.escape(str(text), quote=False)}" for key, text in options.items()]
    return "<br>".join([stem, *lines])


def _answer(question: dict[str, object]) -> str:
    if question["type"] == "judge":
        return "正确" if question["answer"] else "错误"
    if question["type"] == "fill":
        blanks = question["blanks"]
        assert isinstance(blanks, list)
        return "；".join("/".join(map(str, alternatives)) for alternatives in blanks)
    answer = question["answer"]
    return "".join(answer) if isinstance(answer, list) else str(answer)


def _back(question: dict[str, object]) -> str:
    explanation = html.escape(str(question.get("explanation", "")), quote=False)
    return f"答案：{html.escape(_answer(question), quote=False)}<br>{explanation}"


def csv_row(question: dict[str, object]) -> list[str]:
    """GUID (the question's id), Front, Back, Tags (space-separated, as Anki writes them)."""
    tags = question.get("tags", [])
    assert isinstance(tags, list)
    return [str(question["id"]), _front(question), _back(question), " ".join(map(str, tags))]


def write_csv(path: Path, items: Iterable[dict[str, object]]) -> Path:
    """An Anki CSV file (header lines, then one note a row) of ``items``."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("".join(f"{line}\n" for line in HEADERS))
        writer = csv.writer(out, lineterminator="\n")
        writer.writerows(csv_row(question) for question in items)
    return path


def scratch_venv(folder: Path, version: str) -> tuple[Path, str]:
    """A venv in ``folder`` with ``anki`` (``version``, else PyPI's newest); its python, version."""
    uv = shutil.which("uv")
    if uv is None:
        sys.exit(
            "anki_compare: uv is needed to create the scratch venv (https://docs.astral.sh/uv/)"
        )
    python = folder / "bin" / "python"
    if not python.exists():
        subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(folder)], check=True)
    install = [uv, "pip", "install", "-q", "--python", str(python)]
    if subprocess.run([*install, f"anki=={version}"], check=False).returncode != 0:
        print(f"anki {version} is not installable here; taking PyPI's newest", flush=True)
        subprocess.run([*install, "--upgrade", "anki"], check=True)
    installed = subprocess.run(
        [str(python), "-c", "from anki.buildinfo import version; print(version)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return python, installed


def run_worker(
    python: Path, folder: Path, sizes: Sequence[int], logs: int, repeat: int
) -> dict[str, object]:
    """The worker's figures (it prints its own table as it goes)."""
    small = write_csv(folder / f"bank{sizes[0]}.csv", questions(sizes[0]))
    large = write_csv(folder / f"bank{sizes[1]}.csv", questions(sizes[1]))
    out = folder / "anki-figures.json"
    command = [str(python), str(WORKER), str(small), str(large), "--logs", str(logs)]
    command += ["--repeat", str(repeat)]
    subprocess.run([*command, "--folder", str(folder), "--out", str(out)], check=True)
    figures: dict[str, object] = json.loads(out.read_text("utf-8"))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1k/5k questions, 100k logs")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("--venv", type=Path, metavar="DIR", help="keep the scratch venv here")
    parser.add_argument("--anki", default=ANKI_VERSION, metavar="VERSION", help="anki to install")
    parser.add_argument("--repeat", type=int, default=1, help="cold imports, the best counts")
    args = parser.parse_args()
    small, large, logs = (1_000, 5_000, 100_000) if args.quick else (10_000, 50_000, 1_000_000)
    with tempfile.TemporaryDirectory(prefix="anki-compare-") as tmp:
        venv = args.venv or Path(tmp) / "venv"
        python, version = scratch_venv(venv.resolve(), args.anki)
        print(f"Anki {version} — {small:,} / {large:,} questions, {logs:,} review logs", flush=True)
        load_before = os.getloadavg()
        figures = run_worker(python, Path(tmp), (small, large), logs, args.repeat)
    figures |= {
        "anki_version": version,
        "sizes": {"questions": [small, large], "review_logs": logs},
        "import_repeat": args.repeat,
        "load_average": {"before": load_before, "after": os.getloadavg()},
        "measured_at": datetime.now(UTC).isoformat(),
    }
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
