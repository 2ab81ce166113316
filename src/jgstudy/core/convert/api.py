"""Convert a question bank between YAML, Excel, CSV, GIFT and Aiken; read Word and text papers.

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
from jgstudy.core.convert.aiken import looks_like_aiken, read_aiken, write_aiken
from jgstudy.core.convert.csv_io import looks_like_table, read_csv, write_csv
from jgstudy.core.convert.entries import Parsed, Rendered, RowProblem
from jgstudy.core.convert.gift import looks_like_gift, read_gift
from jgstudy.core.convert.gift_write import write_gift
from jgstudy.core.convert.ids import existing_from_file, onto_existing
from jgstudy.core.convert.paper import looks_like_paper, read_paper
from jgstudy.core.convert.result import DERIVED_ID_NOTICE, Conversion, ReadyQuestion
from jgstudy.core.convert.rows import ambiguous_cells
from jgstudy.core.convert.textfiles import decode
from jgstudy.core.convert.validate import build_bank, validate_entries
from jgstudy.core.convert.words import LIST_SEPARATORS_SHOWN
from jgstudy.core.convert.xlsx_io import read_xlsx, write_xlsx
from jgstudy.core.convert.yaml_out import bank_yaml
from jgstudy.core.errors import InputError
from jgstudy.core.model import AnyQuestion, Bank
from jgstudy.core.text import Msg, join, msg

Reader = Callable[[Path], Parsed]
Sniffer = Callable[[str], bool]


@dataclass(frozen=True)
class SourceFormat:
    """A format that can be read: its reader and how a file of it is recognised.

    Attributes:
        name: the name ``--from`` takes and :attr:`Conversion.format` holds.
        label: what the desktop's file dialog shows (Chinese).
        extensions: file name endings (with the dot) that mean this format.
        reader: the file's rows or blocks as entries, with located problems and notices.
        sniff: for ``.txt`` files, True when the (decoded) text looks like this format.
    """

    name: str
    label: str
    extensions: tuple[str, ...]
    reader: Reader | None
    sniff: Sniffer | None = None


_SOURCES: dict[str, SourceFormat] = {}
FORMATS = ("yaml", "xlsx", "csv", "gift", "aiken")  # writable formats (``--to``)
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


def register_format(source: SourceFormat) -> None:
    """Make a reader available to :func:`read_source`, ``jgstudy convert`` and the desktop."""
    _SOURCES[source.name] = source


def reader_for(fmt: str) -> Reader:
    """The reader of a registered non-YAML format."""
    reader = _SOURCES[fmt].reader
    if reader is None:
        raise ConvertError(msg("{format} 不是表格或试题文件格式", format=fmt))
    return reader


def source_formats() -> list[SourceFormat]:
    """Every readable format, in the order they were registered."""
    return list(_SOURCES.values())


register_format(SourceFormat("xlsx", msg("Excel 表格"), (".xlsx", ".xlsm"), read_xlsx))
register_format(SourceFormat("csv", msg("CSV 表格"), (".csv", ".tsv"), read_csv, looks_like_table))
# Before Aiken: a paper's numbered questions may carry "答案：B" lines that Aiken also accepts.
register_format(
    SourceFormat("paper", msg("Word 或文本试卷"), (".docx",), read_paper, looks_like_paper)
)
register_format(SourceFormat("aiken", "Aiken", (".aiken",), read_aiken, looks_like_aiken))
register_format(SourceFormat("gift", "Moodle GIFT", (".gift",), read_gift, looks_like_gift))
register_format(SourceFormat("yaml", msg("jgstudy 题库"), (".yaml", ".yml"), None))


class ConvertError(InputError):
    """The conversion cannot start (missing input, unknown format…); nothing was written.

    ``message`` is the reason as given (a :class:`~jgstudy.core.text.Msg` an interface
    translates); ``str(error)`` is its Chinese text.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
    names = [s.name for s in source_formats()] if reading else list(FORMATS)
    if given:
        if given not in names:
            raise ConvertError(
                msg("未知格式 {format}，可用：{names}", format=given, names=join("、", names))
            )
        return given
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ConvertError(msg("不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再转换"))
    if not reading and suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    for source in source_formats() if reading else []:
        if suffix in source.extensions:
            return source.name
    if suffix == ".txt" and reading:
        return _sniff_text(path)
    which = "--from" if reading else "--to"
    raise ConvertError(
        msg(
            "无法从扩展名判断 {name} 的格式，请用 {option} 指定（{names}）",
            name=path.name,
            option=which,
            names=join("、", names),
        )
    )


def _sniff_text(path: Path) -> str:
    text = decode(path.read_bytes()[:MAX_BYTES]) or ""
    for source in source_formats():
        if source.sniff is not None and source.sniff(text):
            return source.name
    raise ConvertError(
        msg(
            "无法判断 {name} 是哪种题库文本（GIFT、Aiken、制表符分隔的表格或编号的试卷），"
            "请用 --from 指定",
            name=path.name,
        )
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
    try:
        existing = existing_from_file(out_path) if target == "yaml" else None
    except ValueError as exc:
        raise ConvertError(exc.args[0] if exc.args else str(exc)) from exc
    conversion = read_source(
        in_path, source, bank_dir=out_path.parent, bank_id=bank_id, title=title, existing=existing
    )
    bank = conversion.bank
    problems, warnings = list(conversion.refused), list(conversion.notices)
    if bank is None or not bank.questions:
        reason = msg("没有可以转换的题目") if bank is not None else msg("题库有上述问题")
        problems.append(RowProblem(in_path, None, msg("{reason}，未写出文件", reason=reason)))
        return ConvertReport(in_path, out_path, 0, False, tuple(problems), tuple(warnings))
    rendered = render(bank, target, out_path)
    problems.extend(
        RowProblem(
            out_path,
            None,
            msg(
                "{count} 题是{reason}，未导出：{ids}",
                count=len(ids),
                reason=reason,
                ids=join("、", ids),
            ),
        )
        for reason, ids in rendered.skipped.items()
    )
    warnings.extend(RowProblem(out_path, None, notice) for notice in rendered.notices)
    write_atomic(out_path, rendered.data)
    return ConvertReport(in_path, out_path, rendered.count, True, tuple(problems), tuple(warnings))


def _check_paths(
    in_path: Path, out_path: Path, from_fmt: str | None, to_fmt: str | None
) -> tuple[str, str]:
    check_source(in_path)
    if out_path.is_dir():
        raise ConvertError(msg("输出应为文件名，而 {path} 是文件夹", path=str(out_path)))
    if not out_path.parent.is_dir():
        raise ConvertError(msg("输出文件夹不存在：{path}", path=str(out_path.parent)))
    if out_path.exists() and out_path.resolve() == in_path.resolve():
        raise ConvertError(msg("输入和输出是同一个文件，请换一个输出文件名"))
    return detect_format(in_path, from_fmt, True), detect_format(out_path, to_fmt, False)


def check_source(path: Path) -> None:
    """Raise :class:`ConvertError` when ``path`` cannot be read at all (missing, too large)."""
    if not path.is_file():
        raise ConvertError(msg("找不到输入文件 {path}", path=str(path)))
    if path.stat().st_size > MAX_BYTES:
        limit = MAX_BYTES // 1024 // 1024
        raise ConvertError(msg("{path} 过大（上限 {limit} MiB）", path=str(path), limit=limit))


def read_source(
    path: Path,
    fmt: str | None = None,
    *,
    bank_dir: Path | None = None,
    bank_id: str | None = None,
    title: str | None = None,
    existing: Bank | None = None,
) -> Conversion:
    """Read any question source into a :class:`Conversion`; nothing is written.

    Args:
        fmt: the format's name; None to tell it by extension (``.txt`` by content).
        bank_dir: where the bank will live (picture paths are checked against it).
        bank_id, title: override what the file says.
        existing: an existing version of the bank: its id is kept and question ids are matched
            to its questions by stem (see :mod:`jgstudy.core.convert.ids`).

    Raises:
        ConvertError: the file is missing, too large, or of an unknown format.
    """
    check_source(path)
    fmt = detect_format(path, fmt, reading=True)
    overrides = {"id": bank_id or "", "title": title or ""}
    if fmt == "yaml":
        conversion = _read_yaml(path, overrides)
    else:
        parsed = reader_for(fmt)(path)
        conversion = _read_entries(path, fmt, parsed, bank_dir or path.parent, overrides)
    if existing is not None:
        return onto_existing(
            conversion, bank_id or existing.id, existing.questions, title or existing.title
        )
    return conversion


def _read_entries(
    file: Path, fmt: str, parsed: Parsed, bank_dir: Path, overrides: dict[str, str]
) -> Conversion:
    ready, problems, warnings = validate_entries(file, parsed, bank_dir)
    bank, header_problems = build_bank(file, parsed, [r.question for r in ready], overrides)
    notices = [*parsed.warnings, *warnings]
    if bank is not None and not overrides["id"] and "id" not in parsed.header:
        notices.append(RowProblem(file, None, _derived_id_notice(bank)))
    return Conversion(
        file,
        fmt,
        bank,
        tuple(ready) if bank is not None else (),
        tuple(_in_order([*parsed.problems, *problems, *header_problems])),
        tuple(_in_order(notices)),
    )


def _derived_id_notice(bank: Bank) -> Msg:
    return msg(DERIVED_ID_NOTICE, title=bank.title, id=bank.id)


def _read_yaml(file: Path, overrides: dict[str, str]) -> Conversion:
    try:
        loaded = load_bank(file).bank
    except BankErrors as errors:
        found = [RowProblem(p.file, p.line, p.message, p.column) for p in errors.problems]
        return Conversion(file, "yaml", None, refused=tuple(found))
    parsed = Parsed(header=loaded.model_dump(exclude={"questions"}, exclude_none=True))
    bank, problems = build_bank(file, parsed, loaded.questions, overrides)
    ready = tuple(ReadyQuestion(q, None) for q in loaded.questions) if bank else ()
    return Conversion(file, "yaml", bank, ready, tuple(problems))


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
            msg(
                "CSV 不保存题库信息（编号 {id}、标题 {title} 等）；"
                "重新导入时可用 --bank-id 和 --title 指定，或改用 .xlsx",
                id=bank.id,
                title=bank.title,
            )
        )
    else:
        data, notices = write_xlsx(bank)
        rendered = Rendered(data, len(bank.questions), notices=notices)
    rendered.notices.extend(_ambiguous(bank.questions))
    return rendered


def _ambiguous(questions: tuple[AnyQuestion, ...]) -> list[str]:
    return [
        msg(
            "题 {id} 的{columns}含有分隔符（{separators} 等），重新导入时会被拆开",
            id=q.id,
            separators=LIST_SEPARATORS_SHOWN,
            columns=join("、", cols),
        )
        for q in questions
        if (cols := ambiguous_cells(q))
    ]


def _in_order(problems: list[RowProblem]) -> list[RowProblem]:
    return sorted(problems, key=lambda p: (p.row is not None, p.sheet or "", p.row or 0))


def write_bank_file(bank: Bank, path: Path) -> None:
    """``bank`` as a YAML bank file at ``path`` (written atomically)."""
    write_atomic(path, bank_yaml(bank, path).encode("utf-8"))


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
