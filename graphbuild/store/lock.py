"""The writer lock: one graphbuild process at a time changes a Neo4j graph.

A sync recomputes the corpus graph from every stored article and deletes what the result
lacks, so two writers at once lose an update (the slower one writes a stale graph over the
other's). The lock is a node in the database holding an owner token and an expiry on the
server's clock; the holder renews it while it works, so a killed process holds it for at
most one lease, after which the next writer takes it over.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Callable

from graphbuild.errors import StoreError
from graphbuild.store import cypher as C

LEASE_SECONDS = 60.0  # GRAPHBUILD_NEO4J_LEASE_SECONDS
WAIT_SECONDS = 600.0  # GRAPHBUILD_NEO4J_LOCK_WAIT_SECONDS: how long a second writer waits


class WriterLock:
    """Context manager holding the writer lock of ``store`` (a :class:`Neo4jStore`).

    A second writer waits (``on_wait`` is told once who holds it) up to the wait time,
    then fails with a :class:`StoreError` naming the holder."""

    name = "writer"

    def __init__(self, store, on_wait: Callable[[str], None] | None = None):
        self.store = store
        self.owner = uuid.uuid4().hex
        self.holder = f"pid {os.getpid()} on {socket.gethostname()}"
        self.lease = float(os.environ.get("GRAPHBUILD_NEO4J_LEASE_SECONDS", LEASE_SECONDS))
        self.wait = float(os.environ.get("GRAPHBUILD_NEO4J_LOCK_WAIT_SECONDS", WAIT_SECONDS))
        self.on_wait = on_wait
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    def _params(self) -> dict:
        return {"name": self.name, "owner": self.owner, "lease_ms": int(self.lease * 1000)}

    def _try(self) -> dict:
        def work(tx):
            tx.run(C.LOCK_CLAIM, name=self.name, owner=self.owner).consume()
            return tx.run(C.LOCK_TAKE, holder=self.holder, **self._params()).single().data()

        return self.store._write_tx(work)

    def acquire(self) -> None:
        deadline = time.monotonic() + self.wait
        told = False
        while True:
            got = self._try()
            if got["free"]:
                break
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"another graphbuild process ({got['holder']}) is writing this Neo4j graph; fix: "
                    "wait for it to finish, then run the command again"
                )
            if not told and self.on_wait:
                self.on_wait(f"waiting for the Neo4j graph's writer lock, held by {got['holder']}")
                told = True
            time.sleep(min(1.0, max(0.05, (got["left_ms"] or 0) / 1000)))
        self._renewer = threading.Thread(target=self._renew, daemon=True, name="graphbuild-lease")
        self._renewer.start()

    def _renew(self) -> None:
        while not self._stop.wait(self.lease / 3):
            try:
                self.store._write(C.LOCK_RENEW, **self._params())
            except StoreError:
                pass  # the server is away; the writes themselves will report it

    def release(self) -> None:
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join()
        try:
            self.store._write(C.LOCK_RELEASE, name=self.name, owner=self.owner)
        except StoreError:
            pass  # the lease runs out on its own

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
