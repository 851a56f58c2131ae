"""Date and datetime parsing for user code and tests (`from <package>._utils import parse_datetime`,
as the official Stainless SDKs offer it): ISO 8601 text (`T` or space, optional seconds,
fraction and `Z`/`+hh:mm` offset), or a number of Unix seconds (milliseconds above 2e10)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

__all__ = ["parse_date", "parse_datetime"]

_DATE = r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
_TIME = (
    r"(?P<hour>\d{1,2}):(?P<minute>\d{1,2})"
    r"(?::(?P<second>\d{1,2})(?:\.(?P<microsecond>\d{1,6})\d{0,6})?)?"
    r"(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?$"
)
_DATE_RE = re.compile(f"{_DATE}$")
_DATETIME_RE = re.compile(f"{_DATE}[T ]{_TIME}")

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# a number above this is milliseconds (in seconds it would be past the year 2603)
_MS_WATERSHED = 2e10
# beyond this many seconds either way, the result is datetime.max / datetime.min
_MAX_NUMBER = 3e20

StrBytesIntFloat = str | bytes | int | float


def _number(value: StrBytesIntFloat) -> float | None:
    if isinstance(value, (int, float)):
        return value
    try:
        return float(value)
    except ValueError:
        return None


def _from_unix(seconds: float) -> datetime:
    if seconds > _MAX_NUMBER:
        return datetime.max
    if seconds < -_MAX_NUMBER:
        return datetime.min
    while abs(seconds) > _MS_WATERSHED:
        seconds /= 1000
    return _EPOCH + timedelta(seconds=seconds)


def _zone(text: str | None) -> timezone | None:
    if text is None:
        return None
    if text == "Z":
        return UTC
    minutes = 60 * int(text[1:3]) + (int(text[-2:]) if len(text) > 3 else 0)
    return timezone(timedelta(minutes=-minutes if text[0] == "-" else minutes))


def parse_datetime(value: datetime | StrBytesIntFloat) -> datetime:
    """A datetime from a datetime, ISO 8601 text or Unix seconds; ValueError if it is none."""
    if isinstance(value, datetime):
        return value
    number = _number(value)
    if number is not None:
        return _from_unix(number)
    text = value.decode() if isinstance(value, bytes) else str(value)
    match = _DATETIME_RE.match(text)
    if match is None:
        raise ValueError("invalid datetime format")
    parts = match.groupdict()
    fraction = parts.pop("microsecond")
    zone = _zone(parts.pop("tz"))
    fields = {k: int(v) for k, v in parts.items() if v is not None}
    return datetime(
        fields["year"],
        fields["month"],
        fields["day"],
        fields["hour"],
        fields["minute"],
        fields.get("second", 0),
        int(fraction.ljust(6, "0")) if fraction else 0,
        tzinfo=zone,
    )


def parse_date(value: date | StrBytesIntFloat) -> date:
    """A date from a date (a datetime's date), ISO 8601 text or Unix seconds; else ValueError."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    number = _number(value)
    if number is not None:
        return _from_unix(number).date()
    text = value.decode() if isinstance(value, bytes) else str(value)
    match = _DATE_RE.match(text)
    if match is None:
        raise ValueError("invalid date format")
    try:
        return date(**{k: int(v) for k, v in match.groupdict().items()})
    except ValueError:
        raise ValueError("invalid date format") from None
