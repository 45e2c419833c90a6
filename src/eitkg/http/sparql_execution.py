"""Answer a SPARQL query within the limits, off the event loop.

Each query runs on a thread of the app's :class:`~eitkg.store.runner.QueryRunner` (at most
``query_workers`` at once). The deadline (``query_timeout_s``, counted from arrival) covers the
wait for a slot, the evaluation and the serialisation. At the deadline the request answers 503
whatever the thread is doing; a thread stuck in an uninterruptible evaluation runs on as a
"runaway" and its result is dropped. While ``max_runaway_queries`` runaways still run, new
queries are refused at once with 503.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from fastapi import FastAPI, Response

from eitkg.config import Settings
from eitkg.errors import EitkgError, QueryTimeoutError, ServiceBusyError
from eitkg.http.problems import HttpProblem
from eitkg.http.sparql_guard import uses_service
from eitkg.http.sparql_results import Syntax, content_type, negotiate_form, render
from eitkg.store import Store
from eitkg.store.limits import QueryDataset, QueryForm, evaluate_bounded
from eitkg.store.runner import QueryRunner

T = TypeVar("T")

#: How long the caller waits past the deadline for the job to report its own timeout.
_GRACE_S = 0.05
#: How often a query waiting for a free slot looks again.
_POLL_S = 0.005


@dataclass(frozen=True)
class QueryAnswer:
    """A serialised answer and its media type."""

    body: bytes
    syntax: Syntax

    def response(self) -> Response:
        return Response(self.body, media_type=content_type(self.syntax), headers={"Vary": "Accept"})


def query_runner(app: FastAPI, settings: Settings) -> QueryRunner:
    """The app's runner, made on first use (``create_app`` knows nothing of it)."""
    runner: QueryRunner | None = getattr(app.state, "query_runner", None)
    if runner is None:
        runner = QueryRunner(slots=settings.query_workers, expected=(EitkgError, HttpProblem))
        app.state.query_runner = runner
    return runner


def check_federation(sparql: str, *, curator: bool, settings: Settings) -> None:
    """Refuse ``SERVICE`` unless the reader is a curator or the setting allows it (403)."""
    if not curator and not settings.federated_query and uses_service(sparql):
        raise HttpProblem(
            403,
            "Federated query disabled",
            "SERVICE is not available to anonymous readers on this server "
            "(setting federated_query)",
            code="federation-disabled",
        )


async def answer_query(
    app: FastAPI,
    store: Store,
    settings: Settings,
    sparql: str,
    *,
    dataset: QueryDataset,
    accept: str | None,
    requested: str | None,
) -> QueryAnswer:
    """Evaluate, negotiate and serialise one query; limits become problem+json errors."""
    deadline = time.monotonic() + settings.query_timeout_s
    chosen: list[Syntax] = []

    def on_form(form: QueryForm) -> None:
        chosen.append(negotiate_form(form, accept, requested))

    def work() -> QueryAnswer:
        result = evaluate_bounded(
            store,
            sparql,
            dataset=dataset,
            deadline=deadline,
            timeout_s=settings.query_timeout_s,
            max_rows=settings.max_result_rows,
            base_iri=settings.base_iri,
            on_form=on_form,
        )
        return QueryAnswer(render(result, chosen[0]), chosen[0])

    # Limit errors reach the client through the status table of eitkg.http.problems.
    return await run_within(query_runner(app, settings), work, deadline, settings)


async def run_within(
    runner: QueryRunner, work: Callable[[], T], deadline: float, settings: Settings
) -> T:
    """Run ``work`` on the runner; give up at ``deadline`` (the thread may run on)."""
    if runner.runaways >= settings.max_runaway_queries:
        raise ServiceBusyError(
            f"{runner.runaways} timed-out queries are still being evaluated; try again later"
        )
    while not runner.try_acquire():
        if time.monotonic() >= deadline:
            raise ServiceBusyError(
                f"all {settings.query_workers} query slots stayed busy for "
                f"{settings.query_timeout_s:g} s; try again later"
            )
        await asyncio.sleep(_POLL_S)
    job = runner.start(work)
    try:
        remaining = max(0.0, deadline - time.monotonic()) + _GRACE_S
        return await asyncio.wait_for(asyncio.wrap_future(job.future), remaining)
    except TimeoutError:
        job.abandon()
        raise QueryTimeoutError(settings.query_timeout_s) from None
    except asyncio.CancelledError:  # the client went away
        job.abandon()
        raise
