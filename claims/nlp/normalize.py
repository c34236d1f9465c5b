# ruff: noqa: RUF001, RUF002  (typographic dashes/quotes are intentional: news text uses them)
"""Value normalisation: numbers with qualifiers, ordinals, dates/times and durations.

All functions take short spans (the text spaCy marked as an entity, plus a few qualifier
words) — never whole sentences — and return plain values. Dates are intervals on the
article's timeline (``published`` is the reference day); they are computed by small explicit
rules for the shapes news uses ("Sept. 3", "Monday", "early Tuesday", "last year", "next week")
and only fall back to ``dateparser`` (cached) for anything else.

Design notes / departures from ENGINE.md:

* Weekday names are resolved with the tense of the governing verb: past tense → the most
  recent such day on or before the article date, future ("will", "expected to", "set for")
  → the next one on or after it, unknown → the nearest. ``dateparser``'s PREFER_DATES_FROM
  alone gets "Wednesday" wrong in a story dated Tuesday about Wednesday's parade.
* Exact round numbers carry an implicit precision (``15,000`` is read as 14,500–15,500)
  which :func:`count_slack` exposes for the alignment step; the stored ``low``/``high`` only
  reflect explicit qualifiers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import alpha2digit, text2num

__all__ = [
    "DateInterval",
    "count_interval",
    "count_slack",
    "format_count",
    "parse_duration",
    "parse_number",
    "parse_ordinal",
    "resolve_date",
]

# --------------------------------------------------------------------------- numbers

_SCALES = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "k": 1_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
    "mn": 1_000_000,
    "dozen": 12,
}
# Scales written straight after the digits ("€2.4m", "$1.2bn", "40k").
SCALE_SUFFIXES = frozenset(k for k in _SCALES if len(k) <= 2)
# Vague plurals → interval.
_VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "tens of thousands": (20_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 999_999.0),
    "millions": (2_000_000.0, 9_999_999.0),
    "a few": (2.0, 5.0),
    "several": (3.0, 9.0),
    "a handful": (2.0, 6.0),
    "a dozen": (12.0, 12.0),
    "a couple": (2.0, 3.0),
    "a hundred": (100.0, 100.0),
    "a thousand": (1_000.0, 1_000.0),
}
_VAGUE_LONGEST_FIRST = sorted(_VAGUE.items(), key=lambda kv: -len(kv[0]))
_NUM_RE = re.compile(r"(?P<num>\d+(?:[,\u202f ]\d{3})*(?:\.\d+)?|\.\d+)\s*(?P<scale>[a-z]+)?", re.I)

# Qualifiers → interval shape. Order matters: longer phrases first.
APPROX = (
    "approximately",
    "an estimated",
    "estimated",
    "roughly",
    "around",
    "about",
    "some",
    "circa",
    "nearly",
    "almost",
    "close to",
    "just under",
    "just over",
)
LOWER = (
    "more than",
    "over",
    "above",
    "at least",
    "upwards of",
    "in excess of",
    "no fewer than",
    "no less than",
    "exceeding",
    "greater than",
    "a minimum of",
)
UPPER = (
    "up to",
    "fewer than",
    "less than",
    "under",
    "at most",
    "no more than",
    "as many as",
    "below",
    "a maximum of",
    "not more than",
)
QUALIFIERS = tuple(sorted(APPROX + LOWER + UPPER, key=len, reverse=True))


@lru_cache(maxsize=8192)
def parse_number(text: str) -> tuple[float, float] | None:
    """Parse a number span ("15,000", "1.2 million", "twenty-six", "dozens") → (low, high).

    Exact numbers give ``low == high``. Returns None when no number can be read, and for
    figures too large to be finite floats (a run of hundreds of digits is not a quantity).
    """
    parsed = _parse_number(text)
    if parsed is None or not all(math.isfinite(x) for x in parsed):
        return None
    return parsed


def _parse_number(text: str) -> tuple[float, float] | None:
    t = text.strip().lower().replace("\u2009", " ")
    t = re.sub(r"^[$€£¥]\s*", "", t).rstrip("%").strip()
    fraction = parse_fraction(t)
    if fraction is not None:
        return (fraction, fraction)
    m = _FRACTION_OF_SCALE.match(t)
    if m and (part := parse_fraction(m.group("part"))) is not None:
        value = part / 100 * _SCALES[m.group("scale")]  # "half a million" → 500,000
        return (value, value)
    for phrase, interval in _VAGUE_LONGEST_FIRST:
        if t == phrase or t.startswith(phrase + " "):
            return interval
    m = _NUM_RE.search(t)
    if m:
        value = float(re.sub(r"[,\u202f ]", "", m.group("num")))
        scale = (m.group("scale") or "").lower()
        value *= _SCALES.get(scale, 1)
        return (value, value)
    value_w = _words_to_number(t)
    if value_w is not None:
        return (value_w, value_w)
    return None


_FRACTION_OF_SCALE = re.compile(
    r"^(?:(?:around|about|some|nearly|almost|roughly|more than|over|at least)\s+)?"
    r"(?P<part>(?:a|an|one|two|three)?[\s-]*(?:half|thirds?|quarters?))"
    r"(?:\s+of)?\s+an?\s+(?P<scale>thousand|million|billion)$"
)

_FRACTION_WORDS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}
_FRACTION_RE = re.compile(
    r"^(?:(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?"
    r"(?P<den>halves|half|thirds?|quarters?|fourths?|fifths?|tenths?)$"
)
_ONE_IN_RE = re.compile(r"^(?P<num>\w+) in(?: every)? (?P<den>\w+)$")


def parse_fraction(text: str) -> float | None:
    """A spelled fraction as a percentage: "two-thirds" → 66.67, "half" → 50, "a quarter" → 25,
    "one in five" → 20. None when the text is not a fraction."""
    t = " ".join(text.strip().lower().replace("‐", "-").split())
    m = _FRACTION_RE.match(t)
    if m:
        num = m.group("num") or "one"
        n = 1 if num in ("a", "an") else _words_to_number(num)
        if n is None:
            return None
        return round(100.0 * n / _FRACTION_WORDS[m.group("den")], 2)
    m = _ONE_IN_RE.match(t)
    if m:
        n, d = parse_number_simple(m.group("num")), parse_number_simple(m.group("den"))
        if n and d and d > n:
            return round(100.0 * n / d, 2)
    return None


def parse_number_simple(text: str) -> float | None:
    if re.fullmatch(r"\d+", text):
        return float(text)
    return _words_to_number(text)


@lru_cache(maxsize=4096)
def _words_to_number(text: str) -> float | None:
    words = text.replace("-", " ").split()
    scale = 1
    if words and words[-1] in _SCALES and len(words) > 1:
        scale = _SCALES[words[-1]]
        words = words[:-1]
    if words and words[0] in ("a", "an"):
        words = ["one", *words[1:]]
    try:
        return float(text2num(" ".join(words), "en")) * scale
    except ValueError:
        return None


def count_interval(value: tuple[float, float], qualifier: str) -> tuple[float | None, float | None]:
    """Apply a qualifier ("about", "more than", "up to"…) to a parsed number interval.

    about/roughly/around/some/estimated → ±10 %; nearly/almost/close to/just under →
    [95 %, 100 %] ("nearly" is close: "nearly two-thirds" is not 61 %); just over →
    [100 %, 110 %]; more than/over/at least… → [n, ∞); up to/fewer than/under… → [0, n].
    "more than 26" is kept closed at 26 on purpose: news uses "more than" loosely and a
    strict bound would flag "more than 26" vs "26".
    """
    low, high = value
    q = qualifier.lower()
    if q in ("nearly", "almost", "close to", "just under"):
        return (low * 0.95, high)
    if q == "just over":
        return (low, high * 1.1)
    if q in APPROX:
        return (low * 0.9, high * 1.1)
    if q in LOWER:
        return (low, None)
    if q in UPPER:
        return (0.0, high)
    return (low, high)


def count_slack(value: float) -> float:
    """Implicit rounding precision of an exact figure: half its last significant unit.

    ``15000`` → 500, ``2000`` → 500, ``26`` → 0, ``100`` → 0, ``1.2e9`` → 5e7. Only figures
    with at least three trailing zeros count as rounded (``100`` and ``80`` are often exact).
    """
    if value <= 0 or value != int(value):
        return 0.0
    n = int(value)
    zeros = 0
    while n % 10 == 0 and n:
        n //= 10
        zeros += 1
    return 0.0 if zeros < 3 else (10**zeros) / 2


def format_count(low: float | None, high: float | None, *, unit: str = "") -> str:
    """Human display of a count interval: "26", "≥ 26", "≤ 100", "1,800–2,200"."""

    def fmt(x: float) -> str:
        if not math.isfinite(x):  # bounds widened past float range ("about" 1e308)
            return "∞" if x > 0 else "−∞"
        if x == int(x):
            return f"{int(x):,}"
        return f"{x:,.2f}".rstrip("0").rstrip(".")

    if low is not None and high is not None:
        body = fmt(low) if low == high else f"{fmt(low)}–{fmt(high)}"
    elif low is not None:
        body = f"≥ {fmt(low)}"
    elif high is not None:
        body = f"≤ {fmt(high)}"
    else:
        body = "?"
    return f"{body}{unit}"


# --------------------------------------------------------------------------- ordinals

_ORD_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "last": -1,
    "latest": -1,
    "final": -1,
}


def parse_ordinal(text: str) -> int | None:
    """'fifth' → 5, '11th' → 11, 'twenty-sixth' → 26; None when not an ordinal."""
    t = text.strip().lower()
    m = re.fullmatch(r"(\d+)\s*(?:st|nd|rd|th)", t)
    if m:
        return int(m.group(1))
    if t in _ORD_WORDS and _ORD_WORDS[t] > 0:
        return _ORD_WORDS[t]
    converted = alpha2digit(t, "en")
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", converted.strip())
    return int(m.group(1)) if m else None


# --------------------------------------------------------------------------- durations

_UNIT_SECONDS = {
    "second": 1,
    "sec": 1,
    "minute": 60,
    "min": 60,
    "hour": 3_600,
    "hr": 3_600,
    "day": 86_400,
    "week": 604_800,
    "fortnight": 1_209_600,
    "month": 2_629_800,
    "year": 31_557_600,
    "decade": 315_576_000,
    "century": 3_155_760_000,
}
_DURATION_RE = re.compile(
    r"(?P<num>[\d.,]+|[a-z]+(?:[- ][a-z]+)*?)[\s-]+"
    # "12 school days", "three working days": a kind of day is still days
    r"(?:(?:school|working|business|trading|full|straight|consecutive|calendar)[\s-]+)?"
    r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?"
    r"|hrs?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries)\b",
    re.I,
)


# A race time, hours:minutes:seconds ("2:05:38", "2:21:40.5"): a length, never a clock
RACE_TIME_RE = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d):([0-5]\d(?:\.\d+)?)(?![\d:])")


@lru_cache(maxsize=8192)
def parse_duration(text: str) -> tuple[float, str] | None:
    """'70-minute' → (4200, 'minute'), 'two hours' → (7200, 'hour'); None if not a duration.
    A compound length ("7 hours and 14 minutes", "11 days, 7 hours, 14 minutes and 32
    seconds") is the sum of its parts, in the unit of the first; a race time ("2:05:38") is
    hours, minutes and seconds."""
    low = text.lower()
    race = RACE_TIME_RE.search(low)
    if race:
        h, m, sec = race.groups()
        return int(h) * 3600 + int(m) * 60 + float(sec), "hour"
    parts = list(_DURATION_RE.finditer(low))
    if len(parts) > 1 and all(
        _JOINER_RE.fullmatch(low[a.end() : b.start()]) for a, b in itertools.pairwise(parts)
    ):
        read = [_duration_part(m) for m in parts]
        if all(r is not None for r in read):
            return sum(r[0] for r in read if r), read[0][1] if read[0] else ""
    m = parts[0] if parts else None
    if m is None:
        return None
    read = _duration_part(m)
    if read is not None and re.match(r"\s+and\s+a\s+half\b", low[m.end() :]):
        return read[0] + 0.5 * _UNIT_SECONDS[read[1]], read[1]  # "a day and a half"
    return read


def duration_step(text: str) -> float | None:
    """The finest unit of a compound length in seconds ("11 days, 7 hours and 14 minutes" →
    60): such a figure is precise to that unit, not to a tenth of itself. None for a
    length in one unit ("about two hours")."""
    if RACE_TIME_RE.search(text):
        return 1.0  # "2:05:38": to the second
    parts = list(_DURATION_RE.finditer(text.lower()))
    if len(parts) < 2:
        return None
    last = parts[-1].group("unit").lower()
    last = "century" if last.startswith("centur") else last.rstrip("s")
    return _UNIT_SECONDS.get(last)


# "7 hours and 14 minutes", "11 days, 7 hours", "2 hours 5 minutes 38 seconds"
_JOINER_RE = re.compile(r"\s*(?:,|,?\s+and)?\s+")


_HALVES = re.compile(r"(?:^|\s)(?:(\w+)\s+and\s+)?(?:a|one)\s+half$|(?:^|\s)()half\s+an?$")


def _duration_part(m: re.Match[str]) -> tuple[float, str] | None:
    unit = m.group("unit").lower()
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    if unit not in _UNIT_SECONDS:
        return None
    raw = m.group("num")
    words = raw.split()
    half = _HALVES.search(raw)
    if half:
        # "two and a half days", "half an hour" (a fraction here is not a percentage)
        whole = parse_number(half.group(1)) if half.group(1) else (0.0, 0.0)
        if whole is not None:
            return ((whole[0] + whole[1]) / 2 + 0.5) * _UNIT_SECONDS[unit], unit
    # Keep only the trailing number words ("the last 70" → "70", "a few" → vague).
    number = parse_number(raw)
    if number is None and words:
        for i in range(len(words)):
            number = parse_number(" ".join(words[i:]))
            if number is not None:
                break
    if number is None:
        if words and words[-1] in ("a", "an", "one"):
            number = (1.0, 1.0)
        else:
            return None
    return ((number[0] + number[1]) / 2 * _UNIT_SECONDS[unit], unit)


# --------------------------------------------------------------------------- dates

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3, "weds": 2})
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

# Parts of the day → (start hour, start minute, end hour, end minute, day offset of end).
PARTS_OF_DAY: dict[str, tuple[int, int, int, int, int]] = {
    "early": (0, 0, 8, 59, 0),
    "early morning": (0, 0, 8, 59, 0),
    "dawn": (4, 0, 7, 59, 0),
    "morning": (6, 0, 11, 59, 0),
    "late morning": (9, 0, 11, 59, 0),
    "midday": (11, 0, 13, 59, 0),
    "noon": (11, 30, 12, 30, 0),
    "afternoon": (12, 0, 17, 59, 0),
    "early afternoon": (12, 0, 14, 59, 0),
    "late afternoon": (15, 0, 18, 59, 0),
    "evening": (17, 0, 23, 59, 0),  # news says "evening" from about five
    "early evening": (17, 0, 20, 59, 0),
    "late evening": (20, 0, 23, 59, 0),
    "tonight": (18, 0, 23, 59, 0),
    # A named day's "night" ends at midnight: after it, news says "early Tuesday".
    "night": (20, 0, 23, 59, 0),
    "overnight": (20, 0, 6, 59, 1),
    "late night": (21, 0, 23, 59, 0),
    "midnight": (23, 0, 0, 59, 1),
    "late": (15, 0, 23, 59, 0),
}
PART_LABELS = {
    "early": "early",
    "early morning": "early morning",
    "late": "late",
}

SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (12, 2),
}


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A resolved date/time: closed interval plus its granularity and display string."""

    start: dt.datetime
    end: dt.datetime
    granularity: str  # "time", "day", "week", "month", "season", "year", "decade"
    display: str

    def as_json(self) -> dict[str, str]:
        return {
            "start": self.start.isoformat(timespec="minutes"),
            "end": self.end.isoformat(timespec="minutes"),
            "granularity": self.granularity,
        }


def _day(d: dt.date, part: str | None = None) -> DateInterval:
    label = f"{d:%a} {d.day} {d:%b %Y}"
    if part and part in PARTS_OF_DAY:
        h1, m1, h2, m2, off = PARTS_OF_DAY[part]
        start = dt.datetime.combine(d, dt.time(h1, m1))
        end = dt.datetime.combine(d + dt.timedelta(days=off), dt.time(h2, m2))
        return DateInterval(start, end, "time", f"{label}, {part}")
    start = dt.datetime.combine(d, dt.time(0, 0))
    return DateInterval(start, start.replace(hour=23, minute=59), "day", label)


def _span(d1: dt.date, d2: dt.date, granularity: str, display: str) -> DateInterval:
    return DateInterval(
        dt.datetime.combine(d1, dt.time(0, 0)),
        dt.datetime.combine(d2, dt.time(23, 59)),
        granularity,
        display,
    )


def day_part(d: dt.date, part: str) -> DateInterval:
    """The part of day ``part`` ("evening", "early"…) of day ``d``."""
    return _day(d, part)


def _month(year: int, month: int, display: str | None = None) -> DateInterval:
    last = calendar.monthrange(year, month)[1]
    return _span(
        dt.date(year, month, 1),
        dt.date(year, month, last),
        "month",
        display or f"{calendar.month_abbr[month]} {year}",
    )


def _weekday(base: dt.date, weekday: int, tense: str) -> dt.date:
    delta = weekday - base.weekday()
    if tense == "past":
        return base + dt.timedelta(days=delta if delta <= 0 else delta - 7)
    if tense == "future":
        return base + dt.timedelta(days=delta if delta >= 0 else delta + 7)
    if delta > 3:
        delta -= 7
    elif delta < -3:
        delta += 7
    return base + dt.timedelta(days=delta)


def _closest_year(
    base: dt.date, month: int, day: int, weekday: int | None = None, tense: str = ""
) -> dt.date | None:
    """The year of a day written without one: the one whose weekday matches when a weekday
    is written ("Tuesday, February 17"), on the side of the article's date the tense points
    to, else the nearest."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    for keep in (
        (lambda d: d.weekday() == weekday) if weekday is not None else None,
        (lambda d: d <= base + dt.timedelta(days=1)) if tense == "past" else None,
        (lambda d: d >= base - dt.timedelta(days=1)) if tense == "future" else None,
    ):
        if keep is not None and any(keep(d) for d in candidates):
            candidates = [d for d in candidates if keep(d)]
    return min(candidates, key=lambda d: abs((d - base).days), default=None)


_CLEAN_RE = re.compile(r"[^\w\s:/-]")


def _tokens(text: str) -> list[str]:
    return _CLEAN_RE.sub(" ", text.lower()).split()


def _part_of(words: list[str]) -> str | None:
    """Find the part-of-day phrase in ``words``; the longest match wins ("early this
    morning" / "the small hours of this morning" are the early hours)."""
    joined = " ".join(w for w in words if w != "this")
    if re.search(r"\bearly morning\b", joined):
        return "early"
    for part in sorted(PARTS_OF_DAY, key=len, reverse=True):
        if re.search(rf"\b{part}\b", joined):
            return part
    return None


_YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)$")


_MIDNIGHT = re.compile(r"\bmidnight\b", re.I)
_MIDNIGHT_WORDS = re.compile(
    r"\b(?:shortly|just|soon|around|about|at|before|after|midnight)\b", re.I
)


def _midnight(text: str, published: dt.date | None, tense: str) -> DateInterval | None:
    """ "shortly before midnight on Thursday" is late Thursday; "just after midnight on
    Thursday" and "midnight on Thursday" are the turn from Thursday into Friday (news names
    the evening's day); without a day, midnight is not resolved."""
    rest = _MIDNIGHT_WORDS.sub(" ", text)
    if not re.search(r"\w", rest):
        return None
    day = resolve_date(rest, published, tense)
    if day is None or day.granularity != "day":
        return None
    d = day.start.date()
    low = text.lower()
    nxt = d + dt.timedelta(days=1)
    if "before" in low:
        start = dt.datetime.combine(d, dt.time(23, 0))
        end = dt.datetime.combine(d, dt.time(23, 59))
        shown = f"{d:%a} {d.day} {d:%b %Y}, just before midnight"
    elif "after" in low:
        start = dt.datetime.combine(nxt, dt.time(0, 0))
        end = dt.datetime.combine(nxt, dt.time(0, 59))
        shown = f"{nxt:%a} {nxt.day} {nxt:%b %Y}, just after midnight"
    else:
        start = dt.datetime.combine(d, dt.time(23, 45))
        end = start + dt.timedelta(minutes=30)
        shown = f"{d:%a} {d.day} {d:%b %Y}, around midnight"
    return DateInterval(start, end, "time", shown)


# Parts of the day that make a 24-hour reading below 12 an afternoon or evening hour
_PM_PARTS = frozenset(
    {"afternoon", "late afternoon", "evening", "late evening", "night", "late night", "tonight"}
)
_SMALL_HOURS = re.compile(r"\b(?:the\s+)?(?:small|early|wee)\s+hours\b", re.I)


@lru_cache(maxsize=8192)
def resolve_date(text: str, published: dt.date | None, tense: str = "") -> DateInterval | None:
    """Resolve a date/time span to an interval; None for vague or unparseable spans.

    ``tense`` is "past", "future" or "" (unknown) and only steers weekday/relative
    resolution and the year of a day written without one. Without ``published`` only
    absolute dates (with a year) resolve. A span outside the calendar ("66 million years
    ago", "in 40,000 years") is no date either.
    """
    try:
        return _resolve_date(text, published, tense)
    except (ValueError, OverflowError):
        return None


def _resolve_date(text: str, published: dt.date | None, tense: str) -> DateInterval | None:
    end_of = _END_OF.match(text)
    if end_of:
        return _end_of(end_of.group(1), published, tense)
    text = _SMALL_HOURS.sub("early", text)  # "the small hours of Sunday" = "early Sunday"
    if _MIDNIGHT.search(text):
        return _midnight(text, published, tense)
    # "10 p.m. on Thursday, June 4": the clock's figures are not the day of the month
    clock = clock_time(text)
    words = _tokens(CLOCK_24_RE.sub(" ", _CLOCK_RE.sub(" ", text)) if clock else text)
    words = [w for w in words if w not in ("on", "the", "of", "in", "at", "by", "since", "until")]
    if not words:
        return None
    part = _part_of(words)
    if clock and clock[0] < 12 and part in _PM_PARTS and not _CLOCK_RE.search(text):
        clock = (clock[0] + 12, clock[1], clock[2])  # "at about 10:40 on Tuesday night"
    months = [w for w in words if w in MONTHS]
    nums = [w for w in words if w.isdigit()]
    years = [int(w) for w in nums if _YEAR_RE.match(w)]
    days = [int(w.rstrip("stndrh")) for w in words if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", w)]
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)

    # Month + day (+ year).
    if months and days:
        month = MONTHS[months[0]]
        day = days[0]
        if years:
            try:
                d = dt.date(years[0], month, day)
            except ValueError:
                return None
        elif published is not None:
            d = _closest_year(published, month, day, weekday, tense)
            if d is None:
                return None
        else:
            return None
        return _at_clock(d, clock, text) if clock else _day(d, part)
    # Numeric ISO date.
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if m:
        try:
            return _day(dt.date(int(m[1]), int(m[2]), int(m[3])), part)
        except ValueError:
            return None
    # Weekday (+ part of day or clock time).
    if weekday is not None and published is not None:
        if "last" in words and part != "late":
            tense = "past"
        if "next" in words or "coming" in words:
            d = _weekday(published + dt.timedelta(days=1), weekday, "future")
        else:
            d = _weekday(published, weekday, tense)
        return _at_clock(d, clock, text) if clock else _day(d, part)
    # Quarter of a year ("the first quarter of 2025", "the fourth quarter of next year").
    quarter = _quarter(words, years, published) or _half(words, years, published)
    if quarter is not None:
        return quarter
    # Month (+ year).
    if months:
        month = MONTHS[months[0]]
        if years:
            return _month(years[0], month)
        if published is not None:
            year = published.year
            if "last" in words or (tense == "past" and month > published.month):
                year -= 1 if month >= published.month else 0
            elif "next" in words or (tense == "future" and month < published.month):
                year += 1
            return _month(year, month)
        return None
    # Year, with early/mid/late qualifiers.
    if years and len(words) <= 3:
        y = years[0]
        if "early" in words:
            return _span(dt.date(y, 1, 1), dt.date(y, 4, 30), "year", f"early {y}")
        if "mid" in words or "mid-" in text.lower():
            return _span(dt.date(y, 4, 1), dt.date(y, 9, 30), "year", f"mid-{y}")
        if "late" in words:
            return _span(dt.date(y, 9, 1), dt.date(y, 12, 31), "year", f"late {y}")
        return _span(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", str(y))
    m = re.fullmatch(r"(?:the\s+)?(1[89]\d0|20\d0)s", text.strip().lower())
    if m:
        y = int(m[1])
        return _span(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade", f"{y}s")
    if published is None:
        return None
    relative = _relative(words, published, part)
    if clock and relative is not None and relative.granularity in ("day", "time"):
        return _at_clock(relative.start.date(), clock, text)  # "at 6.42pm yesterday"
    return relative


_END_OF = re.compile(r"\W*(?:the\s+)?end\s+of\s+(.+)$", re.I | re.S)
# How much of a period "the end of" it covers.
_END_SPAN = {"month": 10, "quarter": 31, "season": 31, "year": 31}


def _end_of(inner: str, published: dt.date | None, tense: str) -> DateInterval | None:
    """ "the end of March 2027" → its last 10 days; "the end of the year" → December."""
    low = re.sub(r"^(?:the|this)\s+", "", inner.strip().lower())
    period: DateInterval | None
    if published is not None and low in ("year", "next year"):
        y = published.year + (low == "next year")
        period = _span(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", str(y))
    elif published is not None and low == "month":
        period = _month(published.year, published.month)
    else:
        period = resolve_date(inner, published, tense)
    if period is None or period.granularity not in _END_SPAN:
        return None
    last = period.end.date()
    first = max(period.start.date(), last - dt.timedelta(days=_END_SPAN[period.granularity] - 1))
    return _span(first, last, "month", f"end of {period.display}")


_QUARTERS = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3}
_QUARTERS.update({"3rd": 3, "q3": 3, "fourth": 4, "4th": 4, "q4": 4, "final": 4, "last": 4})


def _quarter(words: list[str], years: list[int], published: dt.date | None) -> DateInterval | None:
    """ "first quarter of 2025" / "Q3" / "the fourth quarter of next year" → three months."""
    q = None
    for i, w in enumerate(words):
        if w in ("quarter", "quarters") and i > 0 and words[i - 1] in _QUARTERS:
            q = _QUARTERS[words[i - 1]]
        elif re.fullmatch(r"q[1-4]", w):
            q = int(w[1])
    if q is None:
        return None
    year = _year_named(words, years, published)
    if year is None:
        return None
    m1 = 3 * (q - 1) + 1
    last = calendar.monthrange(year, m1 + 2)[1]
    return _span(dt.date(year, m1, 1), dt.date(year, m1 + 2, last), "quarter", f"Q{q} {year}")


def _year_named(words: list[str], years: list[int], published: dt.date | None) -> int | None:
    """The year a period phrase names: written out, or "next"/"last" year from the
    publication date, else the publication year."""
    if years:
        return years[0]
    if published is None:
        return None
    return published.year + (1 if "next" in words else -1 if "last" in words[-2:] else 0)


def _half(words: list[str], years: list[int], published: dt.date | None) -> DateInterval | None:
    """ "the first half of 2027" / "the second half of next year" → six months."""
    half = next(
        (
            {"first": 1, "1st": 1, "second": 2, "2nd": 2}.get(words[i - 1])
            for i, w in enumerate(words)
            if w == "half" and i > 0
        ),
        None,
    )
    if half is None or not (years or "year" in words):
        return None  # "in the first half" of a match is no date
    year = _year_named(words, years, published)
    if year is None:
        return None
    if half == 1:
        return _span(dt.date(year, 1, 1), dt.date(year, 6, 30), "quarter", f"H1 {year}")
    return _span(dt.date(year, 7, 1), dt.date(year, 12, 31), "quarter", f"H2 {year}")


_CLOCK_RE = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?", re.I)
# A 24-hour reading: "17:40", "04:17 GMT", "21.50 local time". A dotted one needs its zone
# ("6.42" alone may be a number); "2:05:38" (a race time) is not a clock.
ZONE_WORDS = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|hrs|local\s+time)"
CLOCK_24_RE = re.compile(
    rf"(?<![\d:.])([01]?\d|2[0-3])(?::([0-5]\d)|\.([0-5]\d)(?=\s*{ZONE_WORDS}))(?![\d:]|\.\d)",
    re.I,
)


def clock_time(text: str) -> tuple[int, int, bool] | None:
    """ "3:07 a.m." → (3, 7, True), "9 p.m." → (21, 0, False), "17:40" → (17, 40, True),
    "noon" → (12, 0, False).

    The flag says whether minutes were written (an exact time) or only the hour."""
    m = _CLOCK_RE.search(text)
    if m:
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        minute = int(m.group(2) or 0)
        if hour > 23 or minute > 59:
            return None
        return hour, minute, m.group(2) is not None
    m = CLOCK_24_RE.search(text)
    if m:
        return int(m.group(1)), int(m.group(2) or m.group(3)), True
    low = text.lower()
    if re.search(r"\bnoon\b|\bmidday\b", low):
        return 12, 0, False
    if re.search(r"\bmidnight\b", low):
        return 0, 0, False
    return None


def _at_clock(d: dt.date, clock: tuple[int, int, bool], text: str) -> DateInterval:
    """A clock time on day ``d`` with the spread its wording allows.

    Exact minutes → that minute; a round hour → the quarter hour after it; "shortly/just
    after" → half an hour after; "about/around" → a quarter hour either side; "before" →
    the hour before; "after" alone → three hours after."""
    hour, minute, exact = clock
    t = dt.datetime.combine(d, dt.time(hour, minute))
    low = text.lower()
    if re.search(r"\b(?:shortly|just|soon)\s+after\b", low):
        start, end = t, t + dt.timedelta(minutes=30)
    elif re.search(r"\b(?:about|around|approximately|roughly|some)\b", low):
        start, end = t - dt.timedelta(minutes=15), t + dt.timedelta(minutes=15)
    elif re.search(r"\b(?:shortly|just|soon)\s+before\b", low):
        start, end = t - dt.timedelta(minutes=30), t
    elif re.search(r"\bbefore\b", low):
        start, end = t - dt.timedelta(minutes=60), t
    elif re.search(r"\bafter\b", low):
        start, end = t, t + dt.timedelta(hours=3)
    elif exact:
        start, end = t, t
    else:
        start, end = t, t + dt.timedelta(minutes=14)
    shown = f"{start:%H:%M}" if start == end else f"{start:%H:%M}–{end:%H:%M}"
    return DateInterval(start, end, "time", f"{d:%a} {d.day} {d:%b %Y}, {shown}")


def _relative(words: list[str], base: dt.date, part: str | None) -> DateInterval | None:
    """Relative expressions: today/yesterday/tomorrow, this/last/next week/month/year, seasons."""
    joined = " ".join(words)
    simple = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    for word, off in simple.items():
        if word in words:
            return _day(base + dt.timedelta(days=off), part if word != "tonight" else "tonight")
    if "this" in words and part is not None and not {"week", "month", "year"} & set(words):
        return _day(base, part)  # "this morning", "early this evening": the day of writing
    m = re.search(r"\b(\w+) (day|week|month|year)s? ago\b", joined)
    if m:
        n = parse_number(m[1])
        if n is None:
            return None
        k = int(n[0])
        if m[2] == "day":
            return _day(base - dt.timedelta(days=k))
        if m[2] == "week":
            d = base - dt.timedelta(weeks=k)
            return _span(d - dt.timedelta(days=3), d + dt.timedelta(days=3), "week", joined)
        if m[2] == "month":
            y, mo = divmod(base.year * 12 + base.month - 1 - k, 12)
            return _month(y, mo + 1)
        return _span(dt.date(base.year - k, 1, 1), dt.date(base.year - k, 12, 31), "year", joined)
    shift = -1 if "last" in words or "past" in words else 1 if "next" in words else 0
    if shift == 0 and "this" not in words and "earlier" not in words and "later" not in words:
        shift = None  # type: ignore[assignment]
    if shift is None:
        return None
    if "week" in words:
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=shift)
        label = {-1: "last week", 0: "this week", 1: "next week"}[shift]
        return _span(monday, monday + dt.timedelta(days=6), "week", f"{label} ({monday:%d %b %Y})")
    if "month" in words:
        y, mo = divmod(base.year * 12 + base.month - 1 + shift, 12)
        interval = _month(y, mo + 1)
        if "earlier" in words and shift == 0:
            return _span(interval.start.date(), base, "month", f"earlier in {base:%b %Y}")
        return interval
    if "year" in words:
        y = base.year + shift
        return _span(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", str(y))
    for season, (m1, m2) in SEASONS.items():
        if season in words:
            y = base.year + shift
            # "last fall" in an article of Sep 2025 is fall 2024 even though fall 2025 began.
            if shift == -1 and (m1 <= base.month or season == "winter"):
                pass
            elif shift == 0 and m1 > base.month and season != "winter":
                y = base.year
            start = dt.date(y, m1, 1)
            end_year = y + 1 if m2 < m1 else y
            end = dt.date(end_year, m2, calendar.monthrange(end_year, m2)[1])
            return _span(start, end, "season", f"{season} {y}")
    return None


def fallback_date(text: str, published: dt.date | None) -> DateInterval | None:
    """Last resort: ``dateparser`` on the span (cached); gives a whole day."""
    if published is None:
        return None
    parsed = _dateparser(text, published)
    return _day(parsed) if parsed else None


@lru_cache(maxsize=4096)
def _dateparser(text: str, published: dt.date) -> dt.date | None:
    import dateparser  # imported lazily: it is slow to import and rarely needed

    result = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(published, dt.time(12, 0)),
            "PREFER_DATES_FROM": "past",
            "STRICT_PARSING": False,
            "REQUIRE_PARTS": ["day"],
        },
    )
    return result.date() if result else None


def intervals_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Closed-interval overlap with ±inf for open ends."""
    return a[0] <= b[1] and b[0] <= a[1]


def bound(x: float | None, default: float) -> float:
    return default if x is None else x


INF = math.inf
