"""Facts worth a question: figures with units, quoted names, dates; and near-number distractors."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from jgstudy.core.drafting.sentences import TERMINALS

NAME_MIN, NAME_MAX = 2, 20

_LONG_UNITS = ("人次", "个百分点", "百分点", "平方公里", "平方米", "公里", "千米", "千克", "周年")
_MORE_UNITS = ("班次", "小时", "分钟", "课时", "学时")
_ONE_CHAR_UNITS = (
    "%％个名次期项家人户条年场本头件所座支批套台辆天亩吨元篇份节堂轮届倍位门册张例宗岁处间种类米"
)
_UNITS = (*_LONG_UNITS, *_MORE_UNITS, *_ONE_CHAR_UNITS)
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# number, then 余/多 ("3100余场"), magnitude 万/亿, 余/多 again ("3万余人"), then a unit.
_FIGURE = re.compile(
    rf"(?<![0-9A-Za-z.,０-９])(?P<num>{_NUMBER})"
    rf"(?P<tail>(?:余|多)?(?:(?:万|亿)(?:余|多)?(?:{_UNIT})?|(?:{_UNIT})))"
)
_DAY = r"3[01]|[12]\d|0?[1-9]"
_MONTH = r"1[0-2]|0?[1-9]"
_DATE = re.compile(
    rf"(?<!\d)(?P<y>(?:19|20)\d{{2}})年度?(?:(?P<m>{_MONTH})月(?:(?P<d>{_DAY})[日号])?)?"
    rf"|(?<!\d)(?P<m2>{_MONTH})月(?:(?P<d2>{_DAY})[日号])?"
)
_NAME_PAIRS = (("“", "”"), ("《", "》"), ("‘", "’"))


@dataclass(frozen=True)
class Figure:
    """A number with its unit, e.g. ``3100余场``: ``number`` is ``3100``, ``tail`` is ``余场``."""

    start: int
    number: str
    tail: str
    ordinal: bool = False  # 第3届

    @property
    def number_end(self) -> int:
        return self.start + len(self.number)

    @property
    def end(self) -> int:
        return self.number_end + len(self.tail)

    @property
    def is_percent(self) -> bool:
        return self.tail in ("%", "％")


@dataclass(frozen=True)
class Name:
    """A quoted name: ``start``/``end`` delimit the name itself, inside its quote marks."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DateParts:
    """The numeric parts of a date (year, month, day) as spans of the text."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]


def plain_digits(number: str) -> str:
    """``3,100`` → ``3100``; full-width digits become ASCII ones."""
    ascii_digits = "".join(str(int(c)) if c.isdecimal() else c for c in number)
    return ascii_digits.replace(",", "")


def find_figures(text: str) -> list[Figure]:
    """Numbers with units or percent signs; years such as ``2025年`` are dates, not figures."""
    figures: list[Figure] = []
    for match in _FIGURE.finditer(text):
        number, tail = match["num"], match["tail"]
        if tail == "年" and _is_year(number, text, match.end()):
            continue
        ordinal = text[match.start() - 1 : match.start()] == "第"
        figures.append(Figure(match.start(), number, tail, ordinal))
    return figures


def _is_year(number: str, text: str, end: int) -> bool:
    if len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100:
        return True
    return text[end : end + 1] == "度"


def find_dates(text: str) -> list[DateParts]:
    """Dates such as ``2025年6月`` or ``10月16日``, with the span of each numeric part."""
    dates: list[DateParts] = []
    for match in _DATE.finditer(text):
        parts = tuple(match.span(g) for g in ("y", "m", "d", "m2", "d2") if match[g])
        dates.append(DateParts(match.start(), match.end(), parts))
    return dates


def find_names(text: str) -> list[Name]:
    """Names in “…”, 《…》 or ‘…’ of 2 to 20 characters that are not quoted sentences."""
    names: list[Name] = []
    for opener, closer in _NAME_PAIRS:
        pattern = re.compile(f"{opener}([^{opener}{closer}]+){closer}")
        for match in pattern.finditer(text):
            name = match[1]
            # “……。” is a quoted sentence, but 《……？》 is still a title.
            is_sentence = opener != "《" and TERMINALS.intersection(name)
            if NAME_MIN <= len(name.strip()) <= NAME_MAX and not is_sentence:
                names.append(Name(match.start(1), match.end(1), name))
    return sorted(names, key=lambda n: n.start)


def stable_int(*parts: str) -> int:
    """A deterministic integer from text (Python's ``hash`` is salted per process)."""
    return int(hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest(), 16)


def near_numbers(number: str, seed: str, count: int = 3, percent: bool = False) -> list[str]:
    """Plausible wrong numbers close to ``number``, the same for the same seed.

    Candidates mix digit swaps (3100 → 1300, 3010) and changes of 10–30% rounded like the original
    (3100 → 3700); small steps fill up when those run out. Every candidate lies between half and
    twice the value (from 10 up): 5586 beside 55860 gives the answer away by its size alone.
    """
    plain = plain_digits(number)
    value = Decimal(plain)
    rng = random.Random(stable_int(seed, plain))
    families = [_swaps(plain), _scaled(value, plain, rng)]
    for family in families:
        rng.shuffle(family)
    picked: list[str] = []
    for candidate in _interleaved(families, _steps(value, plain)):
        if _acceptable(candidate, value, picked, percent) and len(picked) < count:
            picked.append(candidate)
    return [_with_commas(c) if "," in number else c for c in picked]


def _interleaved(families: list[list[str]], fallback: list[str]) -> Iterator[str]:
    longest = max(len(f) for f in families)
    for index in range(longest):
        for family in families:
            if index < len(family):
                yield family[index]
    yield from fallback


def _acceptable(candidate: str, value: Decimal, picked: list[str], percent: bool) -> bool:
    number = Decimal(candidate)
    if number <= 0 or number == value or any(Decimal(p) == number for p in picked):
        return False
    if value >= 10 and not value / 2 <= number <= value * 2:
        return False
    # A share above 100% is an obvious wrong answer unless the true value is above 100 too.
    return not (percent and number > 100 >= value)


def _decimals(plain: str) -> int:
    return len(plain.split(".")[1]) if "." in plain else 0


def _format(value: Decimal, decimals: int) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP):f}"


def _swaps(plain: str) -> list[str]:
    digits = plain.replace(".", "")
    point = plain.find(".")
    found: list[str] = []
    for i in range(len(digits) - 1):
        if digits[i] == digits[i + 1]:
            continue
        swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
        text = swapped if point < 0 else swapped[:point] + "." + swapped[point:]
        if not (len(swapped) > 1 and text[0] == "0" and not text.startswith("0.")):
            found.append(text)
    return found


def _scaled(value: Decimal, plain: str, rng: random.Random) -> list[str]:
    decimals = _decimals(plain)
    step = _rounding_step(plain)
    found: list[str] = []
    for percent in (10, 20, 30):
        factor = Decimal(100 + percent * rng.choice((-1, 1))) / 100
        scaled = value * factor
        if decimals == 0:
            scaled = (scaled / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
        found.append(_format(scaled, decimals))
    return found


def _rounding_step(plain: str) -> Decimal:
    # Round like the original was rounded: 3100 to hundreds, 1667 to units; but a step must stay
    # well below the value, or 10 and 500 would only have neighbours 20 and 600.
    if "." in plain:
        return Decimal(1)
    step = Decimal(10) ** (len(plain) - len(plain.rstrip("0")))
    while step > 1 and step * 10 > Decimal(plain):
        step /= 10
    return step


def _steps(value: Decimal, plain: str) -> list[str]:
    decimals = _decimals(plain)
    unit = _rounding_step(plain) if decimals == 0 else Decimal(1).scaleb(-decimals)
    return [_format(value + sign * k * unit, decimals) for k in range(1, 8) for sign in (1, -1)]


def _with_commas(plain: str) -> str:
    whole, _, fraction = plain.partition(".")
    grouped = f"{int(whole):,}"
    return f"{grouped}.{fraction}" if fraction else grouped
