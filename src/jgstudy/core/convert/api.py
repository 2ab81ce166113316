"""Convert a question bank between YAML, Excel, CSV, GIFT and Aiken.

Reading collects every problem with the row it belongs to; the rows without problems are still
written. The output is written atomically (a temporary file in the same folder, then a rename), so
an interrupted conversion never leaves half a file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jgstudy.core.banks import BankErrors, load_bank
from jgstudy.core.banks.yamlsafe import MAX_BYTES
from jgstudy.core.convert.aiken import read_aiken, write_aiken
from jgstudy.core.convert.csv_io import read_csv, write_csv
from jgstudy.core.convert.entries import Parsed, Rendered, RowProblem
from jgstudy.core.convert.gift import read_gift
from jgstudy.core.convert.gift_write import write_gift
from jgstudy.core.convert.rows import ambiguous_cells
from jgstudy.core.convert.validate import build_bank, validate_entries
from jgstudy.core.convert.xlsx_io import read_xlsx, write_xlsx
from jgstudy.core.convert.yaml_out import bank_yaml
from jgstudy.core.model import AnyQuestion, Bank

FORMATS = ("yaml", "xlsx", "csv", "gift", "aiken")
EXTENSIONS = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".csv": "csv",
    ".tsv": "csv",
    ".gift": "gift",
    ".aiken": "aiken",
}
READERS: dict[str, Callable[[Path], Parsed]] = {
    "xlsx": read_xlsx,
    "csv": read_csv,
    "gift": read_gift,
    "aiken": read_aiken,
}


class ConvertError(Exception):
    """The conversion cannot start (missing input, unknown format…); nothing was written."""


@dataclass(frozen=True)
class ConvertReport:
    """What a conversion did: questions written, and every problem and notice with its place."""

    source: Path
    target: Path
    count: int
    written: bool
    problems: tuple[RowProblem, ...]
    warnings: tuple[RowProblem, ...]


def detect_format(path: Path, given: str | None, reading: bool) -> str:
    """The format named by ``given``, else by the file's extension (or, for ``.txt``, content)."""
    if given:
        if given not in FORMATS:
            raise ConvertError(f"未知格式 {given}，可用：{'、'.join(FORMATS)}")
        return given
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ConvertError("不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再转换")
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if suffix == ".txt" and reading:
        text = path.read_bytes()[:65536].decode("utf-8", "replace")
        return "aiken" if "ANSWER:" in text.upper() and "{" not in text else "gift"
    which = "--from" if reading else "--to"
    raise ConvertError(
        f"无法从扩展名判断 {path.name} 的格式，请用 {which} 指定（{'、'.join(FORMATS)}）"
    )


def convert(
    in_path: Path,
    out_path: Path,
    from_fmt: str | None = None,
    to_fmt: str | None = None,
    *,
    bank_id: str | None = None,
    title: str | None = None,
) -> ConvertReport:
    """Convert one file; ``bank_id`` and ``title`` override what the input says.

    Raises:
        ConvertError: when the conversion cannot start at all.
    """
    source, target = _check_paths(in_path, out_path, from_fmt, to_fmt)
    overrides = {"id": bank_id or "", "title": title or ""}
    bank, problems, warnings = read_bank(in_path, source, out_path.parent, overrides)
    if bank is None or not bank.questions:
        reason = "没有可以转换的题目" if bank is not None else "题库有上述问题"
        problems.append(RowProblem(in_path, None, f"{reason}，未写出文件"))
        return ConvertReport(in_path, out_path, 0, False, tuple(problems), tuple(warnings))
    rendered = render(bank, target, out_path)
    problems.extend(
        RowProblem(out_path, None, f"{len(ids)} 题是{reason}，未导出：{'、'.join(ids)}")
        for reason, ids in rendered.skipped.items()
    )
    warnings.extend(RowProblem(out_path, None, notice) for notice in rendered.notices)
    write_atomic(out_path, rendered.data)
    return ConvertReport(in_path, out_path, rendered.count, True, tuple(problems), tuple(warnings))


def _check_paths(
    in_path: Path, out_path: Path, from_fmt: str | None, to_fmt: str | None
) -> tuple[str, str]:
    if not in_path.is_file():
        raise ConvertError(f"找不到输入文件 {in_path}")
    if in_path.stat().st_size > MAX_BYTES:
        raise ConvertError(f"{in_path} 过大（上限 {MAX_BYTES // 1024 // 1024} MiB）")
    if out_path.is_dir():
        raise ConvertError(f"输出应为文件名，而 {out_path} 是文件夹")
    if not out_path.parent.is_dir():
        raise ConvertError(f"输出文件夹不存在：{out_path.parent}")
    if out_path.exists() and out_path.resolve() == in_path.resolve():
        raise ConvertError("输入和输出是同一个文件，请换一个输出文件名")
    return detect_format(in_path, from_fmt, True), detect_format(out_path, to_fmt, False)


def read_bank(
    file: Path, fmt: str, bank_dir: Path, overrides: dict[str, str]
) -> tuple[Bank | None, list[RowProblem], list[RowProblem]]:
    """The valid part of the input as a bank, the problems, and the notices."""
    if fmt == "yaml":
        return _read_yaml(file, overrides)
    parsed = READERS[fmt](file)
    questions, problems, warnings = validate_entries(file, parsed, bank_dir)
    bank, header_problems = build_bank(file, parsed, questions, overrides)
    problems = [*parsed.problems, *problems, *header_problems]
    return bank, _in_order(problems), _in_order([*parsed.warnings, *warnings])


def _read_yaml(
    file: Path, overrides: dict[str, str]
) -> tuple[Bank | None, list[RowProblem], list[RowProblem]]:
    try:
        loaded = load_bank(file).bank
    except BankErrors as errors:
        found = [RowProblem(p.file, p.line, p.message, p.column) for p in errors.problems]
        return None, found, []
    parsed = Parsed(header=loaded.model_dump(exclude={"questions"}, exclude_none=True))
    bank, problems = build_bank(file, parsed, loaded.questions, overrides)
    return bank, problems, []


def render(bank: Bank, fmt: str, target: Path) -> Rendered:
    """The bank in format ``fmt``; ``target`` is where it will be written."""
    if fmt == "yaml":
        return Rendered(bank_yaml(bank, target).encode("utf-8"), len(bank.questions))
    if fmt == "gift":
        return write_gift(bank)
    if fmt == "aiken":
        return write_aiken(bank)
    if fmt == "csv":
        rendered = Rendered(write_csv(bank), len(bank.questions))
        rendered.notices.append(
            f"CSV 不保存题库信息（编号 {bank.id}、标题 {bank.title} 等）；"
            "重新导入时可用 --bank-id 和 --title 指定，或改用 .xlsx"
        )
    else:
        data, notices = write_xlsx(bank)
        rendered = Rendered(data, len(bank.questions), notices=notices)
    rendered.notices.extend(_ambiguous(bank.questions))
    return rendered


def _ambiguous(questions: tuple[AnyQuestion, ...]) -> list[str]:
    return [
        f"题 {q.id} 的{'、'.join(cols)}含有分隔符（、，；| 等），重新导入时会被拆开"
        for q in questions
        if (cols := ambiguous_cells(q))
    ]


def _in_order(problems: list[RowProblem]) -> list[RowProblem]:
    return sorted(problems, key=lambda p: (p.row is not None, p.row or 0))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
