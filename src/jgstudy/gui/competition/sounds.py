"""Optional cues for buzz, right, wrong and time-out: sine beeps written as WAV files at run time.

Nothing binary is shipped: the files are generated into a temporary folder the first time sound
is switched on. Sound is off by default. Whether sound can work here is probed once, when the
match page is built (:func:`sound_problem`): without QtMultimedia (e.g. its audio libraries are
missing) or without an audio output, the host's 提示音 checkbox is disabled and its tooltip says
why; nothing is printed, the log file keeps the details, and no failure ever reaches the match.
"""

from __future__ import annotations

import logging
import math
import struct
import tempfile
import wave
from pathlib import Path
from typing import Any

from jgstudy.core.competition import EventKind, MatchEvent
from jgstudy.gui.i18n import tr

log = logging.getLogger(__name__)
RATE = 22050
# cue: tones as (frequency Hz, seconds); 0 Hz is a pause.
CUES: dict[str, tuple[tuple[float, float], ...]] = {
    "buzz": ((988.0, 0.22),),
    "correct": ((660.0, 0.12), (0.0, 0.03), (990.0, 0.22)),
    "wrong": ((196.0, 0.45),),
    "timeout": ((440.0, 0.15), (0.0, 0.1), (440.0, 0.15), (0.0, 0.1), (440.0, 0.3)),
}


def cue_for(event: MatchEvent) -> str | None:
    """Which cue an event sounds, if any."""
    if event.kind is EventKind.BUZZ:
        return "buzz" if event.payload.get("accepted") else None
    if event.kind is EventKind.JUDGED:
        return "correct" if event.payload.get("correct") else "wrong"
    if event.kind is EventKind.FALSE_START:
        return "wrong"
    return "timeout" if event.kind is EventKind.TIMEOUT else None


def write_wav(path: Path, tones: tuple[tuple[float, float], ...], volume: float = 0.35) -> Path:
    """A mono 16-bit WAV of ``tones``, with short fades so the beeps do not click."""
    frames = bytearray()
    for freq, seconds in tones:
        count = int(RATE * seconds)
        fade = max(int(RATE * 0.01), 1)
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade)
            value = math.sin(2 * math.pi * freq * i / RATE) if freq else 0.0
            frames += struct.pack("<h", int(32767 * volume * envelope * value))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return path


def sound_problem() -> str | None:
    """Why the cues cannot play on this computer (plain words for the host), or None."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except Exception as exc:  # ImportError, or a missing shared library underneath it
        log.warning("QtMultimedia cannot be loaded: %s", exc)
        return tr("Qt 多媒体组件无法加载（{detail}）").format(detail=exc)
    try:
        outputs = QMediaDevices.audioOutputs()
    except Exception as exc:
        log.warning("No audio outputs: %s", exc)
        return tr("无法读取音频设备（{detail}）").format(detail=exc)
    return None if outputs else tr("没有找到音频输出设备")


class Sounds:
    """Plays the cues when enabled; every failure is logged and otherwise ignored."""

    def __init__(self, enabled: bool = False, problem: str | None = None) -> None:
        self._effects: dict[str, Any] | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self.problem = problem  # why sound cannot work here (None: it can)
        self.available = problem is None
        self.enabled = False
        self.set_enabled(enabled)

    def set_enabled(self, enabled: bool) -> bool:
        """Switch sound on or off; False when it cannot be switched on here."""
        self.enabled = bool(enabled) and self._load()
        return self.enabled

    def on_event(self, event: MatchEvent) -> None:
        cue = cue_for(event)
        if cue is not None:
            self.play(cue)

    def play(self, cue: str) -> None:
        if not self.enabled or self._effects is None or cue not in self._effects:
            return
        try:
            self._effects[cue].play()
        except Exception:  # a sound must never stop a match
            log.exception("无法播放提示音 %s", cue)

    def _load(self) -> bool:
        if self._effects is not None:
            return True
        if not self.available:
            return False
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect

            self._folder = tempfile.TemporaryDirectory(prefix="jgstudy-sounds-")
            effects: dict[str, Any] = {}
            for name, tones in CUES.items():
                effect = QSoundEffect()
                path = write_wav(Path(self._folder.name) / f"{name}.wav", tones)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.8)
                effects[name] = effect
            self._effects = effects
        except Exception as exc:  # no audio back end after all: stay silent
            log.warning("Sound cues unavailable: %s", exc)
            self.problem = tr("提示音无法加载（{detail}）").format(detail=exc)
            self.available = False
            return False
        return True
