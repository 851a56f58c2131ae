"""The cases of `bench/retries.py`: what the server does, and what the client must do.

Each `Case` is a server script with the attempts, the outcome and the gap before each retry that
the documented backoff schedule allows (the formula is in bench/retries.py's docstring).
"""

from __future__ import annotations

from dataclasses import dataclass

from bench.retries_server import SLOW_SECONDS, Action

# The documented schedule, checked against the runtime rather than read from it.
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
JITTER = 0.25
TIMEOUT = 0.5


@dataclass(frozen=True)
class Gap:
    """The expected wait before one retry, as a closed interval before tolerance."""

    label: str
    low: float
    high: float


def backoff(retries_taken: int, offset: float = 0.0, what: str = "") -> Gap:
    delay = min(INITIAL_DELAY * 2.0**retries_taken, MAX_DELAY)
    label = f"{what}backoff({retries_taken})={delay:g}s"
    return Gap(label, offset + delay * (1 - JITTER), offset + delay)


def fixed(seconds: float, label: str) -> Gap:
    return Gap(label, seconds, seconds)


@dataclass(frozen=True)
class Case:
    name: str
    script: tuple[Action, ...]
    max_retries: int
    attempts: int
    outcome: str
    gaps: tuple[Gap, ...]
    timeout: float | None = None
    last_attempt: float = 0.0
    """The least time the last attempt takes (the timeout, for a slow server)."""


def cases() -> list[Case]:
    err500 = Action(status=500)
    found: list[Case] = [
        Case(
            f"500 always, max_retries={n}",
            (err500,),
            max_retries=n,
            attempts=n + 1,
            outcome="InternalServerError",
            gaps=tuple(backoff(i) for i in range(n)),
        )
        for n in (0, 1, 2, 3)
    ]
    found += [
        Case(
            "429 retry-after: 1, then 200",
            (Action(status=429, headers=(("retry-after", "1"),)), Action()),
            max_retries=2,
            attempts=2,
            outcome="MessageBatch",
            gaps=(fixed(1.0, "retry-after=1s"),),
        ),
        Case(
            "429 retry-after-ms: 250, then 200",
            (Action(status=429, headers=(("retry-after-ms", "250"),)), Action()),
            max_retries=2,
            attempts=2,
            outcome="MessageBatch",
            gaps=(fixed(0.25, "retry-after-ms=250"),),
        ),
        Case(
            "500 x-should-retry: false",
            (Action(status=500, headers=(("x-should-retry", "false"),)),),
            max_retries=2,
            attempts=1,
            outcome="InternalServerError",
            gaps=(),
        ),
        Case(
            "400 x-should-retry: true, then 200",
            (Action(status=400, headers=(("x-should-retry", "true"),)), Action()),
            max_retries=2,
            attempts=2,
            outcome="MessageBatch",
            gaps=(backoff(0),),
        ),
        Case(
            "dropped mid-headers, max_retries=2",
            (Action(kind="drop_headers"),),
            max_retries=2,
            attempts=3,
            outcome="APIConnectionError",
            gaps=(backoff(0), backoff(1)),
        ),
        Case(
            "dropped mid-body, max_retries=2",
            (Action(kind="drop_body"),),
            max_retries=2,
            attempts=3,
            outcome="APIConnectionError",
            gaps=(backoff(0), backoff(1)),
        ),
        Case(
            f"slow {SLOW_SECONDS:g}s, timeout={TIMEOUT:g}, max_retries=2",
            (Action(kind="slow"),),
            max_retries=2,
            attempts=3,
            outcome="APITimeoutError",
            gaps=tuple(backoff(i, TIMEOUT, f"{TIMEOUT:g}s+") for i in range(2)),
            timeout=TIMEOUT,
            last_attempt=TIMEOUT,
        ),
    ]
    return found
