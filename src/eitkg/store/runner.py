"""Run blocking query jobs on their own threads, a bounded number at a time.

pyoxigraph cannot cancel an evaluation that is inside one ``next()`` (an aggregate over a huge
join, say). So the runner never relies on cancellation: a caller that stops waiting at its
deadline calls :meth:`QueryJob.abandon`; the job's slot is freed at once, so that the runaway
does not starve the other queries, and the thread finishes on its own while its result is
dropped. The threads are daemons: a runaway never keeps the process from exiting. Runaways are
counted, and callers refuse new queries while too many still run (they still burn CPU).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Generic, TypeVar

from eitkg.errors import EitkgError

T = TypeVar("T")
logger = logging.getLogger(__name__)


class QueryRunner:
    """At most ``slots`` jobs run at once; each job gets a daemon thread of its own.

    >>> runner = QueryRunner(slots=1)
    >>> runner.try_acquire()
    True
    >>> runner.start(lambda: 6 * 7).future.result(timeout=5)
    42
    >>> runner.running, runner.runaways
    (0, 0)
    """

    def __init__(
        self, *, slots: int, expected: tuple[type[BaseException], ...] = (EitkgError,)
    ) -> None:
        self.expected = expected  # errors that are answers, not failures: not logged
        self._slots = threading.Semaphore(slots)
        self._lock = threading.Lock()
        self._running = 0
        self._runaways = 0

    @property
    def running(self) -> int:
        """Jobs holding a slot."""
        with self._lock:
            return self._running

    @property
    def runaways(self) -> int:
        """Abandoned jobs whose thread still runs."""
        with self._lock:
            return self._runaways

    def try_acquire(self) -> bool:
        """Take a slot if one is free; the next :meth:`start` uses it."""
        return self._slots.acquire(blocking=False)

    def start(self, work: Callable[[], T]) -> QueryJob[T]:
        """Run ``work`` on a new daemon thread, in the slot taken by :meth:`try_acquire`."""
        with self._lock:
            self._running += 1
        job: QueryJob[T] = QueryJob(self, work)
        thread = threading.Thread(target=job._run, name="eitkg-query", daemon=True)
        thread.start()
        return job

    def _finish(self, *, abandoned: bool, slot_held: bool) -> None:
        with self._lock:
            if abandoned:
                self._runaways -= 1
            if slot_held:
                self._running -= 1
        if slot_held:
            self._slots.release()

    def _abandon(self) -> None:
        with self._lock:
            self._running -= 1
            self._runaways += 1
        self._slots.release()


class QueryJob(Generic[T]):
    """One job: its ``future`` resolves with the result, unless the job was abandoned."""

    def __init__(self, runner: QueryRunner, work: Callable[[], T]) -> None:
        self.future: Future[T] = Future()
        self._runner = runner
        self._work = work
        self._lock = threading.Lock()
        self._done = False
        self._abandoned = False

    def abandon(self) -> None:
        """Stop waiting: free the slot now; the result, when it comes, is dropped."""
        with self._lock:
            if self._done or self._abandoned:
                return
            self._abandoned = True
            self._runner._abandon()
        self.future.cancel()

    def _run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # handed to the waiting caller, never lost
            outcome: tuple[bool, object] = (False, _detached(error, self._runner.expected))
        else:
            outcome = (True, result)
        finally:
            self._work = _dropped  # type: ignore[assignment]
        with self._lock:  # one step, so that abandon() sees the job done or still counted
            self._done = True
            abandoned = self._abandoned
            self._runner._finish(abandoned=abandoned, slot_held=not abandoned)
        if abandoned or not self.future.set_running_or_notify_cancel():
            return
        ok, value = outcome
        if ok:
            self.future.set_result(value)  # type: ignore[arg-type]
        else:
            assert isinstance(value, BaseException)
            self.future.set_exception(value)


def _dropped() -> None:
    return None


def _detached(error: BaseException, expected: tuple[type[BaseException], ...]) -> BaseException:
    """``error`` without its tracebacks, which hold the frames of the job, so that what they
    reference (pyoxigraph result iterators may only be dropped on the thread that made them) is
    freed here, now. Unexpected errors are logged with their traceback first."""
    if not isinstance(error, expected):
        logger.error("query job failed", exc_info=error)
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
    return error
