"""Run the CLI under cProfile in every thread (Prefect runs tasks in worker threads, which a plain
`python -m cProfile` does not see), and write the merged stats when the process ends.

    python -m benchmarks.profiled_cli OUT.pstats backfill --start ... (any `minerwatch` arguments)
"""
from __future__ import annotations

import atexit
import cProfile
import pstats
import sys
import threading
import time

_profiles: list[cProfile.Profile] = []
_lock = threading.Lock()


def _start_in_thread(*_args) -> None:
    """threading.setprofile hook: runs once at the start of each new thread; swaps itself for cProfile."""
    sys.setprofile(None)
    prof = cProfile.Profile(time.thread_time)
    with _lock:
        _profiles.append(prof)
    prof.enable()


def _dump(path: str) -> None:
    stats = None
    with _lock:
        for prof in _profiles:
            try:
                prof.snapshot_stats()
            except Exception:  # noqa: BLE001 - a profile that never ran
                continue
            if stats is None:
                stats = pstats.Stats(prof)
            else:
                stats.add(prof)
    if stats is not None:
        stats.dump_stats(path)


def main() -> int:
    out, argv = sys.argv[1], sys.argv[2:]
    main_prof = cProfile.Profile(time.thread_time)
    _profiles.append(main_prof)
    atexit.register(_dump, out)
    threading.setprofile(_start_in_thread)
    from flows.cli import main as cli_main

    main_prof.enable()
    try:
        return cli_main(argv)
    finally:
        main_prof.disable()


if __name__ == "__main__":
    sys.exit(main())
