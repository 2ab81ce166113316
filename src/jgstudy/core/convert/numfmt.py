"""A cell's value as Excel shows it, by its number format.

openpyxl gives the stored value (a date, 0.5, a float of 18 digits) and the format code; a trainer
typed and sees ``1921年7月``, ``50%``, ``8:30``, ``7-1``. This renders the formats question banks
use: dates and times (with Chinese literals and the built-in Chinese formats 27–36 and 50–58 that
Excel does not write into the file), percentages, fixed decimals, thousands separators, scientific
notation, quoted and escaped literals, and ``@`` (text). Colours, fills and padding are dropped.

The small Python ports of the spreadsheet-format library do not run with current dependencies, and
the formats that occur in question banks are few; hence this module.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from openpyxl.utils.datetime import from_excel

# Built-in formats of Chinese (zh-CN) Excel; files store only the id for these.
CJK_BUILTIN = {
    27: 'yyyy"年"m"月"',
    28: 'm"月"d"日"',
    29: 'm"月"d"日"',
    30: "m-d-yy",
    31: 'yyyy"年"m"月"d"日"',
    32: 'h"时"mm"分"',
    33: 'h"时"mm"分"ss"秒"',
    34: '上午/下午h"时"mm"分"',
    35: '上午/下午h"时"mm"分"ss"秒"',
    36: 'yyyy"年"m"月"',
    50: 'yyyy"年"m"月"',
    51: 'm"月"d"日"',
    52: 'yyyy"年"m"月"',
    53: 'm"月"d"日"',
    54: 'm"月"d"日"',
    55: '上午/下午h"时"mm"分"',
    56: '上午/下午h"时"mm"分"ss"秒"',
    57: 'yyyy"年"m"月"',
    58: 'm"月"d"日"',
}
# Format 14 is "the system's short date"; on Chinese Windows that reads 2025/7/1.
LOCALE_SHORT_DATE = {"mm-dd-yy": "yyyy/m/d"}

_TOKEN = re.compile(
    r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|General|@|上午/下午|AM/PM|A/P|E[+-]|'
    r"yyyy|yyy|yy|y|e|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|aaaa|aaa|hh|h|ss|s|"
    r"0|#|\?|\.|,|%|.",
    re.IGNORECASE,
)
_DATE_TOKENS = {"y", "e", "m", "d", "h", "s", "a"}
_WEEKDAYS = "一二三四五六日"
EXACT_DIGITS = 15  # Excel keeps 15 significant digits of a number


@lru_cache(maxsize=256)
def split_sections(code: str) -> list[str]:
    """The ``;``-separated sections of a format code (not splitting inside quotes); cached, so
    do not change the list returned."""
    sections, current, quoted = [], "", False
    for char in code:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            sections.append(current)
            current = ""
        else:
            current += char
    return [*sections, current]


@lru_cache(maxsize=256)
def tokens(section: str) -> list[str]:
    """The tokens of a format section (cached: do not change the list returned)."""
    return _TOKEN.findall(section)


@lru_cache(maxsize=256)
def is_date_code(code: str) -> bool:
    """True when the format shows a date or a time."""
    for token in tokens(split_sections(code)[0]):
        low = token.lower()
        if _is_date_part(token):
            return True
        if token.startswith("[") and re.fullmatch(r"\[(h+|m+|s+)\]", low):
            return True
    return False


def display(value: object, code: str | None) -> str:
    """``value`` as a cell with format ``code`` shows it."""
    code = LOCALE_SHORT_DATE.get(code or "", code or "General")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return value
    if isinstance(value, datetime | date | time | timedelta):
        return _show_date(value, code)
    if isinstance(value, int | float):
        if is_date_code(code) and 0 <= value < 2958466:
            return _show_date(from_excel(value), code)
        return _show_number(value, code)
    return str(value)


def plain_number(value: float) -> str:
    """A number without exponent, to Excel's 15 significant digits (``2.0`` → ``2``)."""
    exact = Decimal(f"{value:.{EXACT_DIGITS}g}")
    text = format(exact, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# -- numbers -------------------------------------------------------------------------------


def _section(value: float, code: str) -> tuple[float, str]:
    sections = split_sections(code)
    if value < 0 and len(sections) > 1 and sections[1]:
        return -value, sections[1]
    if value == 0 and len(sections) > 2 and sections[2]:
        return value, sections[2]
    return value, sections[0]


def _show_number(value: float, code: str) -> str:
    value, section = _section(value, code)
    parts = tokens(section)
    if "/" in parts and "?" in parts:
        return plain_number(value)  # fractions (# ?/?) are not rendered: the exact value is
    if any(t in ("0", "#", "?") for t in parts):
        return _render_number(value, parts)
    # General (or text) with literals around it, e.g. General"分"
    shown = plain_number(value)
    if not any(t.lower() in ("general", "@") for t in parts):
        return shown
    return "".join(shown if t.lower() in ("general", "@") else _literal(t) for t in parts)


def _literal(token: str) -> str:
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    if token.startswith("_"):
        return " "
    if token.startswith(("*", "[")):
        return ""
    return token


def _render_number(value: float, parts: list[str]) -> str:
    percent = parts.count("%")
    scaled = Decimal(f"{value:.{EXACT_DIGITS}g}") * (100**percent)
    exponent_at = next((i for i, t in enumerate(parts) if t.lower() in ("e+", "e-")), None)
    placeholders = [i for i, t in enumerate(parts) if t in ("0", "#", "?", ".", ",")]
    first, last = placeholders[0], placeholders[-1]
    if exponent_at is not None:
        last = max(i for i, t in enumerate(parts) if t in ("0", "#", "?") and i < exponent_at)
    mask = "".join(parts[first : last + 1])
    number = _scientific(scaled, mask, parts, exponent_at) if exponent_at else _fixed(scaled, mask)
    end = len(parts) if exponent_at is None else _exponent_end(parts, exponent_at)
    before = "".join(_literal(t) for t in parts[:first])
    after = "".join(_literal(t) for t in parts[end:] if t not in ("%",)) if exponent_at else ""
    if exponent_at is None:
        after = "".join(_literal(t) for t in parts[last + 1 :])
    return before + number + after


def _fixed(value: Decimal, mask: str) -> str:
    integer_mask, _, fraction_mask = mask.partition(".")
    decimals = sum(1 for c in fraction_mask if c in "0#?")
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = format(abs(rounded), "f").partition(".")
    minimum = integer_mask.count("0")
    if whole == "0" and minimum == 0:
        whole = ""
    whole = whole.zfill(minimum)
    if "," in integer_mask and whole:
        whole = f"{int(whole):,}"
    required = fraction_mask.count("0")
    fraction = fraction[:decimals].rstrip("0").ljust(required, "0")
    return sign + whole + ("." + fraction if fraction else "")


def _scientific(value: Decimal, mask: str, parts: list[str], at: int | None) -> str:
    assert at is not None
    decimals = sum(1 for c in mask.partition(".")[2] if c in "0#?")
    digits = sum(1 for t in parts[at + 1 :] if t in ("0", "#"))
    mantissa, _, exponent = f"{float(value):.{decimals}E}".partition("E")
    sign = "-" if exponent.startswith("-") else ("+" if parts[at][1] == "+" else "")
    return f"{mantissa}E{sign}{str(abs(int(exponent))).zfill(max(digits, 1))}"


def _exponent_end(parts: list[str], at: int) -> int:
    end = at + 1
    while end < len(parts) and parts[end] in ("0", "#"):
        end += 1
    return end


# -- dates and times -----------------------------------------------------------------------


def _show_date(value: datetime | date | time | timedelta, code: str) -> str:
    section = split_sections(code)[0]
    if section.strip().lower() in ("general", "") or not is_date_code(section):
        return _iso(value)
    if isinstance(value, timedelta):
        return _elapsed(value, section)
    moment = _as_datetime(value)
    parts = tokens(section)
    twelve = any(t.upper() in ("AM/PM", "A/P", "上午/下午") for t in parts)
    return "".join(_date_token(parts, i, moment, twelve) for i in range(len(parts)))


def _iso(value: datetime | date | time | timedelta) -> str:
    if isinstance(value, datetime) and value.time() == time():
        return value.date().isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return value.isoformat()


def _as_datetime(value: datetime | date | time) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return datetime(1899, 12, 30, value.hour, value.minute, value.second, value.microsecond)


def _is_minute(parts: list[str], index: int) -> bool:
    """``m`` means minutes right after an hour or right before seconds (literals skipped)."""
    for step, kinds in ((-1, "h"), (1, "s")):
        j = index + step
        while 0 <= j < len(parts) and not _is_date_part(parts[j]):
            j += step
        if 0 <= j < len(parts) and parts[j].lower()[:1] == kinds:
            return True
    return False


def _is_date_part(token: str) -> bool:
    low = token.lower()
    if low in ("general", "e+", "e-", "am/pm", "a/p") or token[:1] in '"\\_*[':
        return False
    return low[:1] in _DATE_TOKENS and len(token) < 6


def _date_token(parts: list[str], index: int, moment: datetime, twelve: bool) -> str:
    token = parts[index]
    low = token.lower()
    if low in ("am/pm", "a/p", "上午/下午"):
        morning = moment.hour < 12
        if low == "上午/下午":
            return "上午" if morning else "下午"
        return ("AM" if morning else "PM") if low == "am/pm" else ("A" if morning else "P")
    if low[:1] == "m" and len(low) <= 2 and _is_minute(parts, index):
        return f"{moment.minute:0{len(low)}d}"
    if low[:1] in ("y", "e"):
        return f"{moment.year % 100:02d}" if low in ("yy", "y") else str(moment.year)
    if low[:1] == "m":
        return (
            f"{moment.month:02d}"
            if low == "mm"
            else str(moment.month) + ("月" if len(low) >= 3 else "")
        )
    if low[:1] == "d":
        if len(low) >= 3:
            return ("星期" if len(low) == 4 else "周") + _WEEKDAYS[moment.weekday()]
        return f"{moment.day:0{len(low)}d}"
    if low[:1] == "a" and len(low) >= 3:
        return ("星期" if len(low) == 4 else "") + _WEEKDAYS[moment.weekday()]
    if low[:1] == "h":
        hour = moment.hour % 12 or 12 if twelve else moment.hour
        return f"{hour:0{len(low)}d}"
    if low[:1] == "s":
        return f"{moment.second:0{len(low)}d}"
    return _literal(token)


def _elapsed(value: timedelta, section: str) -> str:
    seconds = int(value.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}"
    return text + f":{secs:02d}" if "s" in section.lower() else text
