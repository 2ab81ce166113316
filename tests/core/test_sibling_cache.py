"""The sibling relation is stored in the database and found again whenever the banks change.

A start reads the stored relation instead of parsing every question (``siblings_repo``); it is
stored with a fingerprint of the banks, so a new version of a bank, a retired or restored bank,
or another way of finding siblings makes the next process find it afresh. Every check goes
through the public service, as another process on the same database would see it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from jgstudy.core import service as service_module
from jgstudy.core.clock import FixedClock
from jgstudy.core.order import NewOrder, interleave, order_key
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services, open_services
from jgstudy.core.siblings import sibling_map
from jgstudy.core.storage import siblings_repo
from jgstudy.core.storage.schema import QuestionRow
from peek import engine_of

# (id, stem, right option): q2's stem states q1's answer in version 1, q3's in version 2;
# o1's stem states q2's answer in both.
VERSION_1 = [
    ("q1", "机关党建的总抓手叫什么？", "凝心铸魂工程"),
    ("q2", "凝心铸魂工程已经开展了几年？", "三年"),
    ("q3", "市直机关共有多少个基层党组织？", "八十个"),
    ("q4", "理论学习中心组每年集中学习几次？", "十二次"),
]
VERSION_2 = [
    ("q1", "机关党建的总抓手叫什么？", "凝心铸魂工程"),
    ("q2", "这项工程已经开展了几年？", "三年"),
    ("q3", "凝心铸魂工程覆盖多少个基层党组织？", "八十个"),
    ("q4", "理论学习中心组每年集中学习几次？", "十二次"),
    ("q5", "理论学习中心组每年集中学习十二次吗？", "是的"),
]
JUDGE = "对"  # as the answer: a true-or-false question
OTHER = [
    ("o1", "三年行动计划的目标是什么？", "全面提升"),
    ("o2", "行动计划由哪个部门牵头？", "机关工委"),
]


def write_bank(path: Path, bank_id: str, questions: list[tuple[str, str, str]]) -> Path:
    lines = ["format: 1", f"id: {bank_id}", f"title: 题库{bank_id}", "questions:"]
    for qid, stem, answer in questions:
        lines += [f"  - id: {qid}", f"    stem: {stem}", f"    explanation: 第{qid}题的解析。"]
        if answer == JUDGE:
            lines += ["    type: judge", "    answer: true"]
        else:
            lines += ["    type: single", f"    options: {{A: {answer}, B: 其他说法{qid}}}"]
            lines += ["    answer: A"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def opened(db_url: str, clock: FixedClock) -> Iterator[Callable[[], Services]]:
    """Opens the services afresh on the test's database, as another process would."""
    opened: list[Services] = []

    def open_again() -> Services:
        opened.append(open_services(db_url, clock, scheduler=Scheduler(fuzz=False)))
        return opened[-1]

    yield open_again
    for services in opened:
        services.close()


def found_afresh(service: StudyService) -> dict[int, frozenset[int]]:
    """The relation found from the active questions, as every start found it before."""
    with engine_of(service).connect() as conn:
        pks = list(conn.execute(select(QuestionRow.pk).where(QuestionRow.retired.is_(False))))
    records = service.questions([pk for (pk,) in pks])
    return sibling_map({r.pk: r.question for r in records})


def pairs(service: StudyService) -> set[tuple[str, str]]:
    """The sibling pairs as (bank/id, bank/id), each pair once."""

    def name(pk: int) -> str:
        record = service.question(pk)
        return f"{record.bank_id}/{record.question.id}"

    found = service.siblings()
    return {tuple(sorted((name(a), name(b)))) for a in found for b in found[a]}  # type: ignore[misc]


class Counting:
    """Wraps ``sibling_groups`` to count how often the relation is found afresh."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = service_module.sibling_groups

        def counted(items: object) -> object:
            self.calls += 1
            return real(items)  # type: ignore[arg-type]

        monkeypatch.setattr(service_module, "sibling_groups", counted)


def test_a_new_process_reads_the_stored_relation(
    opened: Callable[[], Services], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = opened().study
    first.import_banks([write_bank(tmp_path / "a.yaml", "a", VERSION_1)])
    assert pairs(first) == {("a/q1", "a/q2")}
    counting = Counting(monkeypatch)
    second = opened().study
    assert second.siblings() == first.siblings() == found_afresh(second)
    assert counting.calls == 0


def test_a_new_version_of_a_bank_is_searched_again(
    opened: Callable[[], Services], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = write_bank(tmp_path / "a.yaml", "a", VERSION_1)
    first = opened().study
    first.import_banks([bank, write_bank(tmp_path / "o.yaml", "o", OTHER)])
    assert pairs(first) == {("a/q1", "a/q2"), ("a/q2", "o/o1")}
    importer = opened().study  # another process imports the new version
    importer.import_banks([write_bank(bank, "a", VERSION_2)])
    counting = Counting(monkeypatch)
    later = opened().study
    assert pairs(later) == {("a/q1", "a/q3"), ("a/q4", "a/q5"), ("a/q2", "o/o1")}
    assert later.siblings() == found_afresh(later)
    assert counting.calls == 1
    assert opened().study.siblings() == later.siblings()  # stored again: found once
    assert counting.calls == 1


def test_a_reworded_stem_is_searched_again(opened: Callable[[], Services], tmp_path: Path) -> None:
    """The same questions (same pks, same count), one stem no longer stating an answer."""
    bank = write_bank(tmp_path / "a.yaml", "a", VERSION_1)
    opened().study.import_banks([bank])
    assert pairs(opened().study) == {("a/q1", "a/q2")}
    reworded = [(q, "这项工程已经开展了几年？" if q == "q2" else s, a) for q, s, a in VERSION_1]
    opened().study.import_banks([write_bank(bank, "a", reworded)])
    assert pairs(opened().study) == set()


def test_retiring_and_restoring_a_bank_is_seen_by_the_next_process(
    opened: Callable[[], Services], tmp_path: Path
) -> None:
    first = opened().study
    first.import_banks(
        [
            write_bank(tmp_path / "a.yaml", "a", VERSION_1),
            write_bank(tmp_path / "o.yaml", "o", OTHER),
        ]
    )
    assert pairs(first) == {("a/q1", "a/q2"), ("a/q2", "o/o1")}
    opened().study.retire_bank("o")
    assert pairs(opened().study) == {("a/q1", "a/q2")}
    opened().study.restore_bank("o")
    assert pairs(opened().study) == {("a/q1", "a/q2"), ("a/q2", "o/o1")}


def test_another_way_of_finding_siblings_finds_them_afresh(
    opened: Callable[[], Services], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened().study.import_banks([write_bank(tmp_path / "a.yaml", "a", VERSION_1)])
    assert pairs(opened().study) == {("a/q1", "a/q2")}
    counting = Counting(monkeypatch)
    monkeypatch.setattr(service_module, "method_stamp", lambda: "a newer method")
    assert pairs(opened().study) == {("a/q1", "a/q2")}
    assert counting.calls == 1


def test_a_relation_that_cannot_be_stored_is_still_used(
    opened: Callable[[], Services], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cadre's own login on a shared database may only read the stored relation."""
    opened().study.import_banks([write_bank(tmp_path / "a.yaml", "a", VERSION_1)])

    def refused(*_args: object) -> None:
        raise OperationalError("INSERT", {}, Exception("permission denied"))

    monkeypatch.setattr(siblings_repo, "store_groups", refused)
    counting = Counting(monkeypatch)
    assert pairs(opened().study) == {("a/q1", "a/q2")}
    assert pairs(opened().study) == {("a/q1", "a/q2")}
    assert counting.calls == 2  # nothing stored: each process finds it


def test_a_session_orders_new_questions_as_from_the_questions_themselves(
    opened: Callable[[], Services], tmp_path: Path
) -> None:
    """The order is taken from the question columns and the stored relation; it must be the
    one the parsed questions and the relation found afresh give."""
    bank = write_bank(tmp_path / "a.yaml", "a", VERSION_1)
    opened().study.import_banks([bank, write_bank(tmp_path / "o.yaml", "o", OTHER)])
    opened().study.siblings()  # stored
    opened().study.import_banks([write_bank(bank, "a", VERSION_2)])
    study = opened().study
    user = study.ensure_user("张三")
    fresh = study.practice_queue(user, mode="new", new_per_day=100, order=NewOrder.BANK)
    keys = [order_key(r) for r in study.questions(fresh)]
    expected = interleave(keys, found_afresh(study), seed="张三")
    assert study.practice_queue(user, mode="new", new_per_day=100) == expected
    assert study.practice_queue(user, new_per_day=3) == expected[:3]
    assert study.new_order(user, fresh) == expected


def test_one_process_orders_a_new_version_as_a_new_process_does(
    opened: Callable[[], Services], tmp_path: Path
) -> None:
    """What a process keeps for the order (question columns, ranks, the relation) is dropped
    when it imports: a question that changed type and new questions are ordered as new."""
    bank = write_bank(tmp_path / "a.yaml", "a", VERSION_1)
    study = opened().study
    study.import_banks([bank, write_bank(tmp_path / "o.yaml", "o", OTHER)])
    user = study.ensure_user("张三")
    before = study.practice_queue(user, mode="new", new_per_day=100)
    changed = [(q, s, JUDGE if q == "q4" else a) for q, s, a in VERSION_2]
    study.import_banks([write_bank(bank, "a", changed)])
    after = study.practice_queue(user, mode="new", new_per_day=100)
    assert after != before
    assert after == opened().study.practice_queue(user, mode="new", new_per_day=100)
    fresh = study.practice_queue(user, mode="new", new_per_day=100, order=NewOrder.BANK)
    keys = [order_key(r) for r in study.questions(fresh)]
    assert after == interleave(keys, found_afresh(study), seed="张三")
