"""各专题正确率 comes from ``tag_counts``, which triggers keep: it must always say what summing the
cadre's cards per tag of their questions says — through answers, undos, a bank whose tags
change, merged scores, the migration, and a re-import on another desktop while a cadre answers."""

from __future__ import annotations

import os
import shutil
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, text

from jgstudy.core.clock import FixedClock
from jgstudy.core.services import Services, open_services
from jgstudy.core.storage.engine import make_engine
from merging import merged_elsewhere

DATA = Path(__file__).parents[1] / "data"
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
SUMS = text(
    "SELECT t.tag, SUM(c.reps), SUM(c.reps - c.lapses) FROM cards c "
    "JOIN question_tags t ON t.question_pk = c.question_pk WHERE c.user_id = :user "
    "GROUP BY t.tag"
)


def sums_over_cards(engine: Engine, user_id: int) -> dict[str, tuple[int, int]]:
    """(reviews, correct) per tag, summed straight from the cards: what the view must show."""
    with engine.connect() as conn:
        rows = conn.execute(SUMS, {"user": user_id}).all()
    return {tag: (int(n), int(c)) for tag, n, c in rows}


def shown(services: Services, user_name: str) -> dict[str, tuple[int, int]]:
    user = services.study.find_user(user_name)
    assert user is not None
    by_tag = services.study.stats(user).by_tag
    assert [t.reviews for t in by_tag] == sorted((t.reviews for t in by_tag), reverse=True)
    return {t.tag: (t.reviews, t.correct) for t in by_tag}


def answer_everything(services: Services, clock: FixedClock, user_name: str, rounds: int) -> list:
    service = services.study
    user = service.ensure_user(user_name)
    outcomes = []
    for round_ in range(rounds):
        clock.set(START + timedelta(days=3 * round_))
        for pk in service.practice_queue(user, new_per_day=1000, mode="mixed"):
            # right and wrong answers, so reps and lapses both move
            response = "A" if (pk + round_) % 2 else "B"
            outcomes.append((pk, service.record(user.id, service.question(pk), response, 4000)))
    return outcomes


def retagged(bank: Path, folder: Path) -> Path:
    """The sample bank with its bank tag renamed, one question's tag changed and one removed."""
    changed = folder / "sample.yaml"
    source = bank.read_text("utf-8")
    for old, new in (
        ("tags: [测试]", "tags: [测试二, 新标签]"),
        ("tags: [理论学习]", "tags: [理论学习, 支部建设]"),
        ("    tags: [总抓手]\n", ""),
    ):
        assert old in source
        source = source.replace(old, new)
    changed.write_text(source, "utf-8")
    return changed


def test_the_tags_shown_are_the_sums_over_the_cards(
    services: Services, clock: FixedClock, sample_bank: Path, engine: Engine, tmp_path: Path
) -> None:
    service = services.study
    clock.set(START)
    service.import_banks([sample_bank])
    outcomes = answer_everything(services, clock, "张三", rounds=3)
    answer_everything(services, clock, "李四", rounds=1)
    user = service.find_user("张三")
    assert user is not None
    expected = sums_over_cards(engine, user.id)
    assert len(expected) > 1 and shown(services, "张三") == expected
    for pk, outcome in outcomes[::3]:  # some answers are taken back
        service.undo(user.id, pk, outcome)
    assert shown(services, "张三") == sums_over_cards(engine, user.id) != expected
    service.import_banks([retagged(sample_bank, tmp_path)])
    after = sums_over_cards(engine, user.id)
    assert "新标签" in after and "测试" not in after and "总抓手" not in after
    assert shown(services, "张三") == after
    other = service.find_user("李四")
    assert other is not None
    assert shown(services, "李四") == sums_over_cards(engine, other.id)


def test_a_retag_beside_a_cadre_answering_leaves_the_counts_right(
    clock: FixedClock, sample_bank: Path, tmp_path: Path
) -> None:
    """Two desktops on one SQLite file (an engine each): one answers without pause while the
    other imports the bank again and again with its tags changed each time."""
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    bank = tmp_path / "bank" / "sample.yaml"
    bank.parent.mkdir()
    versions = [sample_bank.read_text("utf-8"), retagged(sample_bank, tmp_path).read_text("utf-8")]
    bank.write_text(versions[0], "utf-8")
    cadre, trainer = open_services(url, clock), open_services(url, clock)
    try:
        cadre.study.import_banks([bank])
        user = cadre.study.ensure_user("张三")
        done = threading.Event()

        def answer() -> None:
            n = 0
            while not done.is_set() or n < 30:
                for pk in cadre.study.practice_queue(user, new_per_day=1000)[:3]:
                    response = "A" if n % 3 else "B"
                    cadre.study.record(user.id, cadre.study.question(pk), response, 2000)
                    n += 1

        answering = threading.Thread(target=answer)
        answering.start()
        for index in range(1, 13):
            bank.write_text(versions[index % 2], "utf-8")
            os.utime(bank, ns=(0, 10**18 + index * 10**9))  # a new file for the import
            assert trainer.study.import_banks([bank]).changed > 0
        done.set()
        answering.join()
        raw = make_engine(url)
        try:
            assert shown(cadre, "张三") == sums_over_cards(raw, user.id) != {}
        finally:
            raw.dispose()
    finally:
        cadre.close()
        trainer.close()


def test_merged_scores_are_counted(
    services: Services, clock: FixedClock, sample_bank: Path, tmp_path: Path
) -> None:
    services.study.import_banks([sample_bank])
    answer_everything(services, clock, "李四", rounds=2)
    with merged_elsewhere(services, "李四", sample_bank, tmp_path, clock) as other:
        assert shown(other, "李四") == shown(services, "李四") != {}


def test_the_migration_sums_the_cards_already_there(tmp_path: Path, clock: FixedClock) -> None:
    db = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "migrations" / "0008_sibling_cache.sqlite3", db)
    services = open_services(f"sqlite:///{db}", clock)
    try:
        figures = shown(services, "张三")
        user = services.study.find_user("张三")
        assert user is not None
    finally:
        services.close()
    raw = make_engine(f"sqlite:///{db}")
    try:
        assert figures == sums_over_cards(raw, user.id) != {}
    finally:
        raw.dispose()
