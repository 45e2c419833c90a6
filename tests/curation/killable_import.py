"""An import run in a subprocess by test_sigkill.py, telling each stage on stdout.

    python -m tests.curation.killable_import STORE_DIR INVENTORY.csv [PAUSE_AT_STAGE]

It runs the same library calls as ``eitkg import``; with a pause stage it waits there, so that
the test can kill it with SIGKILL at a known point.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from eitkg.curation import commit_import, prepare_import, recover
from eitkg.queries import load_catalogue
from eitkg.resources import queries_dir
from eitkg.store import OxigraphStore

BASE = "http://localhost:8000/"


def main(argv: list[str]) -> None:
    store_dir, inventory = Path(argv[0]), Path(argv[1])
    pause = argv[2] if len(argv) > 2 else None

    def tell(stage: str) -> None:
        print(f"STAGE {stage}", flush=True)
        if stage == pause:
            time.sleep(120)

    store = OxigraphStore(store_dir)
    recover(store)
    catalogue = load_catalogue(queries_dir())
    tell("open")
    prepared = prepare_import(
        inventory.read_bytes(),
        inventory.name,
        store=store,
        base_iri=BASE,
        catalogue=catalogue,
        progress=lambda stage, done, total: tell(stage) if done == 0 or stage == "read" else None,
    )
    tell("prepared")
    commit_import(store, prepared, catalogue=catalogue, curator="killable", on_stage=tell)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
