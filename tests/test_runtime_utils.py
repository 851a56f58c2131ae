"""The runtime's `_utils` (codegen/runtime/_utils.py): `parse_datetime` and `parse_date`, which
the official Stainless test files import from the package (`from anthropic._utils import
parse_datetime`), read ISO 8601 text and Unix timestamps as the official helpers do."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codegen.runtime._utils import parse_date, parse_datetime

UTC = UTC


def test_iso_text_with_fraction_and_zone() -> None:
    assert parse_datetime("2019-12-27T18:11:19.117Z") == datetime(
        2019, 12, 27, 18, 11, 19, 117000, tzinfo=UTC
    )
    assert parse_datetime("2019-12-27 18:11+05:30") == datetime(
        2019, 12, 27, 18, 11, tzinfo=timezone(timedelta(hours=5, minutes=30))
    )
    assert parse_datetime(b"2019-12-27T18:11:19-02") == datetime(
        2019, 12, 27, 18, 11, 19, tzinfo=timezone(timedelta(hours=-2))
    )
    # no zone given: a naive datetime, not a guessed one
    assert parse_datetime("2019-12-27T18:11:19").tzinfo is None


def test_numbers_are_unix_seconds_or_milliseconds() -> None:
    assert parse_datetime(0) == datetime(1970, 1, 1, tzinfo=UTC)
    assert parse_datetime("1577470279") == datetime(2019, 12, 27, 18, 11, 19, tzinfo=UTC)
    assert parse_datetime(1577470279117) == datetime(2019, 12, 27, 18, 11, 19, 117000, tzinfo=UTC)
    assert parse_datetime(1e21) == datetime.max
    assert parse_date(1577470279) == date(2019, 12, 27)


def test_dates() -> None:
    assert parse_date("2019-12-27") == date(2019, 12, 27)
    assert parse_date(datetime(2019, 12, 27, 18, 11)) == date(2019, 12, 27)
    assert parse_date(date(2020, 2, 29)) == date(2020, 2, 29)


@pytest.mark.parametrize("bad", ["", "yesterday", "2019-12-27T", "2019-13-01T00:00", "27/12/2019"])
def test_malformed_datetimes_raise(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_datetime(bad)


@pytest.mark.parametrize("bad", ["2019-02-30", "2019-12-27T00:00", "2019/12/27"])
def test_malformed_dates_raise(bad: str) -> None:
    with pytest.raises(ValueError, match="invalid date format"):
        parse_date(bad)


@given(st.datetimes(min_value=datetime(1000, 1, 1), timezones=st.just(UTC)))
def test_isoformat_round_trips(value: datetime) -> None:
    assert parse_datetime(value.isoformat()) == value
    assert parse_date(value.date().isoformat()) == value.date()
