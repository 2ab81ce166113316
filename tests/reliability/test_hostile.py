"""Hostile bank content: object-building YAML tags do nothing, question text stays plain text.

Image paths leaving the bank folder (``..``, absolute, URLs, symlinks) are covered by
tests/core/test_bank_loading.py; spreadsheet formulas by the convert tests (see
docs/reliability.md).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from jgstudy.cli.terminal import TerminalPractice
from jgstudy.core.banks import BankErrors, load_bank
from jgstudy.core.model import display_stem
from jgstudy.core.order import NewOrder
from jgstudy.core.service import StudyService

GUI = Path(__file__).parents[2] / "src" / "jgstudy" / "gui"
HEADER = "format: 1\nid: hostile\ntitle: t\n"
QUESTION = "questions:\n  - {id: q, type: judge, stem: s, answer: true, explanation: e}\n"


def payloads(marker: Path) -> dict[str, str]:
    """YAML that would create ``marker`` if any object-building tag were honoured."""
    m = str(marker)
    return {
        "object/apply": f"x: !!python/object/apply:builtins.open ['{m}', 'w']\n",
        "object/new": f"x: !!python/object/new:builtins.open ['{m}', 'w']\n",
        "object": "x: !!python/object:pathlib.Path {}\n",
        "name": "x: !!python/name:os.system\n",
        "module": "x: !!python/module:os\n",
        "verbatim": f"x: !<tag:yaml.org,2002:python/object/apply:builtins.open> ['{m}', 'w']\n",
        "on a key": f"? !!python/object/apply:builtins.open ['{m}', 'w']\n: 1\n",
        "in a question": f"y: [{{stem: !!python/object/apply:builtins.open ['{m}', 'w']}}]\n",
        "tag directive": f"%TAG !p! tag:yaml.org,2002:python/\n---\nx: !p!object/apply:builtins.open ['{m}', 'w']\n",
    }


CASES = list(payloads(Path("m")))


@pytest.mark.parametrize("case", CASES)
def test_object_building_tags_are_refused_and_run_nothing(tmp_path: Path, case: str) -> None:
    marker = tmp_path / "pwned"
    yaml_text = payloads(marker)[case]
    if yaml_text.startswith("%TAG"):
        text = yaml_text.replace("---\n", "---\n" + HEADER) + QUESTION
    else:
        text = HEADER + yaml_text + QUESTION
    bank = tmp_path / "bank.yaml"
    bank.write_text(text, encoding="utf-8")
    with pytest.raises(BankErrors) as caught:
        load_bank(bank)
    assert any("不允许的 YAML 标签" in p.message for p in caught.value.problems)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("encoded", "expected"), [("5Lit5paH6aKY5bmy", "中文题干"), ("//4AYmlu", None)]
)
def test_binary_tags_are_harmless(tmp_path: Path, encoded: str, expected: str | None) -> None:
    """``!!binary`` gives bytes: used as text they are either valid UTF-8 text or a problem."""
    bank = tmp_path / "bank.yaml"
    bank.write_text(
        HEADER + "questions:\n  - {id: q, type: judge, answer: true, explanation: e, "
        f"stem: !!binary {encoded}}}\n",
        encoding="utf-8",
    )
    try:
        stem: str | None = load_bank(bank).bank.questions[0].stem
    except BankErrors as errors:
        assert errors.problems[0].line == 5
        stem = None
    assert stem == expected
    assert stem is None or isinstance(stem, str)


MARKUP = "<b>粗体</b><img src=x onerror=alert(1)><a href='file:///etc/passwd'>链接</a>&amp;"


def test_question_text_is_carried_and_printed_as_plain_text(
    tmp_path: Path, service: StudyService
) -> None:
    bank = tmp_path / "markup.yaml"
    bank.write_text(
        HEADER + "questions:\n  - id: q\n    type: single\n"
        f'    stem: "{MARKUP} 第{{{{1}}}}题"\n'
        f'    options: {{A: "<script>alert(1)</script>", B: "**不是** _Markdown_"}}\n'
        f'    answer: A\n    explanation: "<i>解析</i>"\n',
        encoding="utf-8",
    )
    service.import_banks([bank])
    user = service.ensure_user("张三")
    (pk,) = service.practice_queue(user, order=NewOrder.BANK)
    assert service.question(pk).question.stem == f"{MARKUP} 第{{{{1}}}}题"
    assert display_stem(MARKUP) == MARKUP  # only blank markers are replaced, nothing else
    out = io.StringIO()
    TerminalPractice(service, user, io.StringIO("A\n"), out).run([pk])
    printed = out.getvalue()
    for raw in (MARKUP, "<script>alert(1)</script>", "**不是** _Markdown_", "<i>解析</i>"):
        assert raw in printed


RICH = re.compile(
    r"RichText|MarkdownText|setHtml\(|insertHtml\(|QTextBrowser|QWebEngine|setOpenExternalLinks"
)
ALLOWED = "# rich text: no bank content"


def test_the_gui_never_turns_on_rich_text_for_what_it_shows() -> None:
    """Bank text goes through ``plain_label`` (Qt.TextFormat.PlainText) or plain-text widgets.

    A line that needs rich text for the app's own strings says so with the comment
    ``# rich text: no bank content``.
    """
    if not GUI.is_dir():
        pytest.skip("no GUI package")
    offenders = [
        f"{path.relative_to(GUI)}:{number}: {line.strip()}"
        for path in sorted(GUI.rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if RICH.search(line) and ALLOWED not in line
    ]
    assert offenders == []


def test_control_characters_in_bank_text_do_not_reach_the_terminal(
    tmp_path: Path, service: StudyService
) -> None:
    bank = tmp_path / "control.yaml"
    bank.write_text(
        HEADER + "questions:\n  - {id: q, type: judge, answer: true, explanation: e, "
        'stem: "前\\e]52;c;cHduZWQ=\\a后\\e[2J"}\n',
        encoding="utf-8",
    )
    with pytest.raises(BankErrors) as caught:
        service.import_banks([bank])
    (problem,) = caught.value.problems
    assert problem.line == HEADER.count("\n") + 2  # the question's line
    assert "控制字符 U+001B" in problem.message
    assert service.banks() == []
