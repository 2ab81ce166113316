"""Importing banks: idempotent, history-keeping, all or nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jgstudy.core.banks import BankErrors
from jgstudy.core.clock import FixedClock
from jgstudy.core.order import NewOrder
from jgstudy.core.service import StudyService
from jgstudy.core.storage.schema import QuestionRow, ReviewLogRow
from peek import engine_of


def copy_bank(sample_bank: Path, folder: Path) -> Path:
    target = folder / "bank.yaml"
    target.write_text(sample_bank.read_text("utf-8"), "utf-8")
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))


def count(service: StudyService, model: type, *where: object) -> int:
    with engine_of(service).connect() as conn:
        return int(
            conn.execute(select(func.count()).select_from(model).where(*where)).scalar() or 0
        )


def test_first_import_adds_every_question(service: StudyService, sample_bank: Path) -> None:
    result = service.import_banks([sample_bank])
    assert (result.added, result.changed, result.retired) == (6, 0, 0)
    assert [b.id for b in service.banks()] == ["sample"]
    assert service.banks()[0].question_count == 6


def test_importing_twice_changes_nothing(
    service: StudyService, sample_bank: Path, tmp_path: Path
) -> None:
    bank = copy_bank(sample_bank, tmp_path)
    service.import_banks([bank])
    again = service.import_banks([bank])
    assert (again.added, again.changed, again.retired) == (0, 0, 0)
    assert again.skipped_banks == ["bank.yaml"]
    # a touched but unchanged file is recognised by its hash and skipped too
    os.utime(bank, ns=(0, 10**18))
    touched = service.import_banks([bank])
    assert touched.skipped_banks == ["bank.yaml"]
    assert count(service, QuestionRow) == 6


def test_editing_a_stem_keeps_the_review_history(
    service: StudyService, sample_bank: Path, tmp_path: Path, clock: FixedClock
) -> None:
    bank = copy_bank(sample_bank, tmp_path)
    service.import_banks([bank])
    user = service.ensure_user("李四", "市发改委")
    record = service.question(
        service.practice_queue(user, order=NewOrder.BANK, mode="new", limit=1)[0]
    )
    service.record(user.id, record, "C", 4000)
    edit(bank, "大讲堂全年举办了几期？", "大讲堂2025年全年共举办了几期？")
    result = service.import_banks([bank])
    assert (result.added, result.changed, result.unchanged) == (0, 1, 5)
    edited = service.question(record.pk)
    assert edited.question.stem == "市直机关“学思悟”大讲堂2025年全年共举办了几期？"
    assert count(service, ReviewLogRow, ReviewLogRow.question_pk == record.pk) == 1
    assert service.stats(user).total_reviews == 1


def test_new_bank_tags_reach_every_question(
    service: StudyService, sample_bank: Path, tmp_path: Path
) -> None:
    """The bank's own ``tags`` changed, no question did: every question carries the new tags
    (they used to reach only the questions edited in the same change)."""
    bank = copy_bank(sample_bank, tmp_path)
    service.import_banks([bank])
    edit(bank, "tags: [测试]", "tags: [测试二]")
    result = service.import_banks([bank])
    assert (result.added, result.changed, result.unchanged) == (0, 6, 0)
    with engine_of(service).connect() as conn:
        pks = list(conn.execute(select(QuestionRow.pk)).scalars())
    assert len(pks) == 6
    for record in service.questions(pks):
        assert "测试二" in record.tags and "测试" not in record.tags, record.tags
    assert service.import_banks([bank]).changed == 0  # and a second import finds nothing


def test_removed_questions_are_retired_not_deleted(
    service: StudyService, sample_bank: Path, tmp_path: Path
) -> None:
    bank = copy_bank(sample_bank, tmp_path)
    service.import_banks([bank])
    user = service.ensure_user("王五")
    pk = service.practice_queue(user, order=NewOrder.BANK, mode="new", limit=1)[0]
    service.record(user.id, service.question(pk), "A", 4000)
    text = bank.read_text("utf-8")
    start = text.index("  - id: s1")
    end = text.index("  - id: m1")
    edit(bank, text[start:end], "")
    result = service.import_banks([bank])
    assert result.retired == 1
    assert count(service, QuestionRow, QuestionRow.retired.is_(True)) == 1
    assert count(service, ReviewLogRow) == 1
    assert pk not in service.practice_queue(user, order=NewOrder.BANK, mode="mixed")
    # putting it back revives the same question, with its history
    bank.write_text(text, "utf-8")
    assert service.import_banks([bank]).changed == 1
    assert count(service, QuestionRow, QuestionRow.retired.is_(True)) == 0


def test_an_invalid_bank_imports_nothing(
    service: StudyService, sample_bank: Path, tmp_path: Path
) -> None:
    good = copy_bank(sample_bank, tmp_path)
    (tmp_path / "bad.yaml").write_text("format: 1\nid: bad\ntitle: t\nquestions: 3\n", "utf-8")
    with pytest.raises(BankErrors) as caught:
        service.import_banks([tmp_path])
    assert [p.file.name for p in caught.value.problems] == ["bad.yaml"]
    assert service.banks() == []
    assert count(service, QuestionRow) == 0
    service.import_banks([good])
    assert count(service, QuestionRow) == 6


def test_the_banks_are_freed_before_the_collector_runs_again(
    service: StudyService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import pauses the cyclic collector once and frees the parsed banks inside the pause:
    a bank still alive when it ends made the next collection walk all of its objects."""
    import gc
    from collections.abc import Iterator
    from contextlib import contextmanager

    from jgstudy.core import service as service_module
    from jgstudy.core.model import JudgeQuestion

    questions = "".join(
        f"- {{id: gcfree{i}, type: judge, stem: 题{i}, explanation: 解, answer: true}}\n"
        for i in range(20)
    )
    bank = tmp_path / "gc.yaml"
    bank.write_text(f"format: 1\nid: gcfree\ntitle: t\nquestions:\n{questions}", "utf-8")
    alive: list[int] = []
    real = service_module.collector_paused

    @contextmanager
    def watched() -> Iterator[None]:
        with real():
            yield
            assert not gc.isenabled()
            alive.append(
                sum(
                    isinstance(o, JudgeQuestion) and o.id.startswith("gcfree")
                    for o in gc.get_objects()
                )
            )

    monkeypatch.setattr(service_module, "collector_paused", watched)
    assert service.import_banks([bank]).added == 20
    assert alive == [0]
