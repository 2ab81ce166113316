"""Messages from the core shown in the GUI have English: the core builds them with msg().

Every Chinese string literal in ``jgstudy.core`` must be a template given to ``msg()`` /
``Msg()`` (or marked ``N_()`` in a table), a separator given to ``join()``, or a regular
expression; each template needs an English entry in the GUI's catalog. Modules whose Chinese is
content rather than a message (patterns that read Chinese material, the Chinese words of a
question type in a file) are listed in CONTENT with the reason.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from literals import chinese_literals

from jgstudy.core.text import Msg, join, msg
from jgstudy.gui.i18n import tr_msg
from jgstudy.gui.i18n_en import EN

CORE = Path(__file__).resolve().parents[2] / "src" / "jgstudy" / "core"
MARKERS = {"msg", "Msg", "N_"}
SEPARATOR_CALLS = {"join"}

# Chinese that is content, not a message to a person (with why).
CONTENT: dict[str, str] = {
    "text.py": "the message machinery itself (its own error text is never shown)",
    # Exported documents are Chinese whatever the interface language (docs/reports.md): they
    # are filed and passed between organs. What the GUI shows of them is translated there.
    "competition/record.py": "the match record document (比赛记录), exported as xlsx/PDF",
    "competition/record_xlsx.py": "the match record document's sheets and headers",
    "reports/columns.py": "the score report document's column headers (xlsx/CSV/PDF)",
    "reports/xlsx.py": "the score report workbook's sheet names and summary labels",
    "banks/schema.py": "the title of the bank file's JSON Schema, read by text editors",
    "convert/columns.py": "the 考试宝 template's header words, read from and written to sheets",
    "convert/syntax.py": "the words cells hold: question types, 正确/错误, difficulty words",
    "convert/numfmt.py": "Excel's Chinese number formats (年/月/日, 上午/下午), rendered as shown",
    "convert/words.py": "words a converted question holds or a Word table is rewritten into",
    "convert/paper_answers.py": "patterns of answers written in a paper's stem brackets",
    "convert/paper_keyline.py": "patterns of a paper's answer key lines (1-5 BBACD, 对/错)",
    "convert/paper_lines.py": "the ideographic space a paper's lines are cleaned of",
    "convert/paper_numbering.py": "Chinese numerals of Word's automatic numbering (一、二、…)",
    "convert/paper_options.py": "patterns of option markers in a paper (A． （B） Ｃ、)",
    "convert/paper_tokens.py": "patterns and section words of a paper (单项选择题, 答案：, 第1题)",
    # Drafting reads Chinese material and writes Chinese questions (docs/drafting.md); its
    # messages to the trainer (material.py) are msg() templates.
    "drafting/draft.py": "the Chinese questions, explanations and bank header it drafts",
    "drafting/enumerations.py": "patterns that find lists (一是…二是…) in Chinese material",
    "drafting/figures.py": "patterns for Chinese numbers, dates and names in the material",
    "drafting/forms.py": "the Chinese stems and options of the questions it drafts",
    "drafting/sentences.py": "patterns that split Chinese material into sentences and headings",
    "drafting/subjects.py": "patterns that find the subject (e.g. 全市) of a Chinese sentence",
    "wrongsheet.py": "the printed 错题本 workbook's sheet name and headers (an exported document)",
    "grading.py": "Chinese numerals and measure words that answers are read with",
    "siblings.py": "answer words too common to be evidence, and numerals, read in questions",
}

# Modules not yet converted to msg(): their messages still reach the English UI in Chinese.
# Shrink this set; never grow it.
PENDING: set[str] = set()


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(CORE.rglob("*.py")):
        name = path.relative_to(CORE).as_posix()
        if "/migrations/" not in name:
            yield name, ast.parse(path.read_text(encoding="utf-8"))


def _call_name(node: ast.AST | None) -> str | None:
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name) and func.value.id == "re":
            return "re"
        return func.attr
    return None


def _is_template(node: ast.Constant, parent: ast.AST | None) -> bool:
    name = _call_name(parent)
    assert parent is None or isinstance(parent, ast.AST)
    if name in MARKERS:
        assert isinstance(parent, ast.Call)
        return bool(parent.args) and parent.args[0] is node
    return False


def _allowed(node: ast.Constant, parent: ast.AST | None, grandparent: ast.AST | None) -> bool:
    # A piece of an f-string regular expression: re.match(rf"^{key}\s*[.．]", text).
    if isinstance(parent, ast.JoinedStr) and _call_name(grandparent) == "re":
        return True
    name = _call_name(parent)
    if name == "re" or _is_template(node, parent):
        return True
    return name in SEPARATOR_CALLS and isinstance(parent, ast.Call) and node in parent.args[:1]


def _scan() -> tuple[list[str], dict[str, str]]:
    """(untranslatable literals, {template: where}) over the core."""
    bare: list[str] = []
    templates: dict[str, str] = {}
    for name, tree in _modules():
        for node, parents in chinese_literals(tree):
            parent = parents.get(node)
            if _is_template(node, parent):
                templates.setdefault(node.value, f"{name}:{node.lineno}")
            elif (
                not _allowed(node, parent, parents.get(parent) if parent else None)
                and name not in CONTENT
                and name not in PENDING
            ):
                bare.append(f"{name}:{node.lineno}: {node.value[:60]!r}")
    return bare, templates


def test_core_messages_are_templates() -> None:
    bare, _ = _scan()
    assert not bare, "build these with msg() (jgstudy.core.text):\n" + "\n".join(bare)


def test_core_templates_have_english() -> None:
    _, templates = _scan()
    missing = [f"{where}: {key!r}" for key, where in templates.items() if key not in EN]
    assert not missing, "no English for core messages:\n" + "\n".join(missing)


def test_pending_modules_still_exist() -> None:
    names = {name for name, _ in _modules()}
    assert names >= PENDING and set(CONTENT) <= names


def test_message_is_its_chinese_text() -> None:
    message = msg("第 {row} 行：{problem}", row=3, problem=msg("缺少题干"))
    assert message == "第 3 行：缺少题干"
    assert tr_msg(message) == "第 3 行：缺少题干"


@pytest.mark.usefixtures("english")
def test_message_reads_in_english_with_translated_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(EN, "第 {row} 行：{problem}", "Row {row}: {problem}")
    monkeypatch.setitem(EN, "缺少题干", "the stem is missing")
    monkeypatch.setitem(EN, "缺少{count}个选项", "{count} {count|option|options} missing")
    inner = join("；", [msg("缺少题干"), msg("缺少{count}个选项", count=1)])
    assert tr_msg(msg("第 {row} 行：{problem}", row=3, problem=inner)) == (
        "Row 3: the stem is missing; 1 option missing"
    )
    # Content given as a plain field stays as it is, even when it matches a catalog key.
    assert tr_msg(msg("第 {row} 行：{problem}", row=3, problem="缺少题干")) == "Row 3: 缺少题干"
    # So do plain parts of a joined list (a sheet named like a catalog key stays its name).
    listed = msg("第 {row} 行：{problem}", row=3, problem=join("、", ["缺少题干", msg("缺少题干")]))
    assert tr_msg(listed) == "Row 3: 缺少题干, the stem is missing"
    # A template without English stays Chinese rather than half-translated.
    assert tr_msg(msg("未翻译的{x}", x=msg("缺少题干"))) == "未翻译的缺少题干"


def test_message_survives_pickle_and_copy() -> None:
    import copy
    import pickle

    message = msg("第 {row} 行：{problem}", row=3, problem=join("、", ["甲", "乙"]))
    for again in (pickle.loads(pickle.dumps(message)), copy.deepcopy(message)):
        assert isinstance(again, Msg)
        assert again == message and again.template == message.template
        assert again.fields["problem"].parts == ("甲", "乙")
