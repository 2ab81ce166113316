"""An import in the background also reads or finds the sibling relation, so the first session
after it (ordered on the UI thread) does not search every question again."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from jgstudy.core import service as service_module
from jgstudy.core.service import StudyService
from jgstudy.gui.workers import BankImporter

LEAKY = Path(__file__).resolve().parents[1] / "data" / "lint" / "leaky.yaml"


def no_search(_items: object) -> object:
    raise AssertionError("the relation was searched when the session started")


@pytest.mark.parametrize("how", ["paths", "bundled"])
def test_the_first_session_after_a_background_import_does_not_search(
    qtbot: QtBot, service: StudyService, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    importer = BankImporter(service)
    with qtbot.waitSignal(importer.finished, timeout=60_000):
        assert importer.import_paths([LEAKY]) if how == "paths" else importer.import_bundled()
    assert importer.wait()
    monkeypatch.setattr(service_module, "sibling_groups", no_search)
    user = service.ensure_user("甲")
    assert service.practice_queue(user, mode="new", new_per_day=100)
    assert service.siblings()
