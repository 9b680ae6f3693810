"""Wall time and CPU of one test run, the Neo4j server's JVM included.

    python benchmarks/suite_cpu.py [PYTEST ARGS...]      # e.g. -m neo4j, or nothing: the suite

runs ``python -m pytest`` with a base temp folder of its own and prints its wall time, the CPU
of the pytest process tree (workers, subprocess builds, Chromium, the short JVMs that
scripts/neo4j-local waits for) and the CPU of each Neo4j server the run started. A server
is not a child pytest waits for (it outlives the start), so no rusage counts it: its CPU is
read from /proc every 0.2 s until it stops. On two shared cores wall time follows the load;
quote the CPU-seconds next to it, and the load (printed before and after).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _servers(tag: bytes, seen: dict[int, tuple[str, float]], done: threading.Event) -> None:
    """Max CPU so far of every java process whose command line names ``tag`` (the run folder)."""
    while not done.is_set():
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
                if tag not in cmd or not os.path.basename(cmd.split(b"\0")[0]).startswith(b"java"):
                    continue
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            what = "server" if b"CommunityEntryPoint" in cmd else "other java"
            cpu = (int(fields[11]) + int(fields[12])) / TICK
            seen[int(pid)] = (what, max(cpu, seen.get(int(pid), ("", 0.0))[1]))
        time.sleep(0.2)


def main(args: list[str]) -> int:
    base = Path(tempfile.mkdtemp(prefix="suite-cpu-"))
    seen: dict[int, tuple[str, float]] = {}
    done = threading.Event()
    watcher = threading.Thread(target=_servers, args=(str(base).encode(), seen, done), daemon=True)
    watcher.start()
    print(f"load before: {os.getloadavg()[0]:.2f}", flush=True)
    t0 = time.monotonic()
    code = subprocess.call([sys.executable, "-m", "pytest", f"--basetemp={base / 'run'}", *args])
    wall = time.monotonic() - t0
    done.set()
    watcher.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    tree = usage.ru_utime + usage.ru_stime
    servers = [cpu for what, cpu in seen.values() if what == "server"]
    print(f"load after: {os.getloadavg()[0]:.2f}")
    print(f"wall {wall:.1f} s; pytest tree CPU {tree:.1f} s (user {usage.ru_utime:.1f}, sys {usage.ru_stime:.1f})")
    print("Neo4j servers' CPU: " + (", ".join(f"{c:.1f} s" for c in servers) or "none started"))
    print(f"total CPU {tree + sum(servers):.1f} s")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
