"""The remote facade's cost: the same calls through RemoteBackend (HTTP) and in-process.

    python benchmarks/run.py remote [--db URL] [--members N] [--calls C] [--seed S]
    python benchmarks/remote.py [...]              (the same, without the dispatcher)

`advisor-desk serve` runs in a child process on 127.0.0.1 (as in production: its own process,
its own engine), against the same database as the in-process facade. The calls are what a
counter does for each member: `members.search(<last name>)` then `members.identity(<id>)`;
without a members service, `session.me` and `admin.list_offices` stand in. Remote and local
calls alternate in blocks (both see the same machine load), each block after a few unmeasured
calls: on SQLite, a write by one process empties the other's page cache, which would
otherwise be counted against whichever transport comes second.

- `p95_ms`: a call through RemoteBackend (client encode, HTTP on loopback, token check and
  facade call on the server, decode), `local_p95_ms`: the same call in-process;
- `overhead_p95_ms` = p95_ms - local_p95_ms (target: 5 ms on loopback);
- `server_p50_ms`/`server_p95_ms`: the server's own share of a remote call (its Server-Timing
  header: token check, facade call, encoding); the rest is HTTP on loopback and the client;
- `load_average`: the machine's 1-minute load when done (a shared machine inflates tails).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import Engine, func, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor_desk.backend import migrate  # noqa: E402
from advisor_desk.backend.engine import make_engine, session_scope  # noqa: E402
from advisor_desk.backend.facade import SERVICES, Backend, BoundBackend  # noqa: E402
from advisor_desk.backend.orm import Advisor, Member  # noqa: E402
from advisor_desk.backend.remote import RemoteBackend  # noqa: E402
from advisor_desk.backend.security import hash_password  # noqa: E402
from advisor_desk.domain.enums import Role  # noqa: E402

BENCH_LOGIN = "bench_remote"
BENCH_PASSWORD = "Bench-remote-2026"
BLOCKS = 6


def _http_stack() -> str:
    """What uvicorn picks by itself ('auto'): httptools and uvloop when they are installed."""
    import importlib.util

    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    return f"uvicorn {http} + {loop}"


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="remote", description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a SQLite file in the temp folder)")
    parser.add_argument("--members", type=int, default=2000, help="members to seed if none")
    parser.add_argument("--calls", type=int, default=300, help="measured calls of each kind")
    parser.add_argument("--warmup", type=int, default=10, help="unmeasured steps per block")
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args(list(argv))


def prepare(url: str, members: int, seed: int, with_members: bool) -> Engine:
    engine = make_engine(url)
    migrate.upgrade(engine)
    if with_members:
        with session_scope(engine, readonly=True) as s:
            count = s.scalar(select(func.count()).select_from(Member)) or 0
        if count == 0:
            from advisor_desk.backend.seed import seed_database

            print(f"seeding {members} members…", file=sys.stderr, flush=True)
            seed_database(engine, members=members, seed=seed, progress=sys.stderr.isatty())
    role = Role.COUNTER if with_members else Role.ADMIN
    with session_scope(engine) as s:
        advisor = s.scalar(select(Advisor).where(Advisor.login == BENCH_LOGIN))
        if advisor is None:
            s.add(
                Advisor(
                    login=BENCH_LOGIN,
                    full_name="Banc d'essai distant",
                    role=role,
                    password_hash=hash_password(BENCH_PASSWORD),
                    active=True,
                    failed_attempts=0,
                )
            )
        else:
            advisor.role, advisor.active, advisor.locked_until = role, True, None
    return engine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "advisor_desk", "serve", "--db", url, "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"advisor-desk serve exited with {proc.returncode}")
        try:
            if requests.get(f"{base}/api/health", timeout=1).status_code == 200:
                return proc, base
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("advisor-desk serve did not start")


def workload(
    engine: Engine, with_members: bool, seed: int
) -> Callable[[BoundBackend, int], list[tuple[str, Callable[[], Any]]]]:
    """The calls of step i, for one bound facade: the same arguments on both transports."""
    if not with_members:
        return lambda bound, _i: [
            ("session.me", bound.session.me),
            ("admin.list_offices", bound.admin.list_offices),
        ]
    with session_scope(engine, readonly=True) as s:
        rows = s.execute(select(Member.id, Member.last_name).order_by(Member.id)).all()
    picks = random.Random(seed).sample(rows, min(len(rows), 500))

    def calls(bound: BoundBackend, i: int) -> list[tuple[str, Callable[[], Any]]]:
        member_id, last_name = picks[i % len(picks)]
        members: Any = bound.members
        return [
            ("members.search", lambda: members.search(last_name)),
            ("members.identity", lambda: members.identity(member_id)),
        ]

    return calls


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: Sequence[str]) -> dict[str, Any]:
    args = parse(argv)
    with_members = "members" in SERVICES
    url = args.db or (
        f"sqlite:///{Path(tempfile.gettempdir()) / f'advisor_desk_bench_remote_{args.members}.db'}"
    )
    engine = prepare(url, args.members, args.seed, with_members)
    proc, base = start_server(url)
    try:
        local = Backend(engine).login(BENCH_LOGIN, BENCH_PASSWORD)
        client = RemoteBackend(base)
        remote = client.login(BENCH_LOGIN, BENCH_PASSWORD)
        server_ms: list[float] = []
        # The server's own time (Server-Timing): the rest of a remote call is transport + client.
        client._http.hooks["response"].append(
            lambda response, *_a, **_k: server_ms.append(
                float(response.headers.get("Server-Timing", "app;dur=0").split("dur=")[1])
            )
        )
        steps = workload(engine, with_members, args.seed)
        timings: dict[str, dict[str, list[float]]] = {"local": {}, "remote": {}}
        block = max(1, args.calls // BLOCKS)
        for start in range(0, args.calls, block):
            for transport, bound in (("local", local), ("remote", remote)):
                # Each block starts with unmeasured calls: a write by the other process
                # empties this one's SQLite page cache, which is no cost of the transport.
                for i in range(start - args.warmup, min(start + block, args.calls)):
                    for name, call in steps(bound, i):
                        started = time.perf_counter()
                        call()
                        elapsed = (time.perf_counter() - started) * 1000
                        if i >= start:
                            timings[transport].setdefault(name, []).append(elapsed)
                        elif transport == "remote":
                            server_ms.pop()  # a warm-up call: not measured
        client.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        engine.dispose()
    remote_all = [t for ts in timings["remote"].values() for t in ts]
    local_all = [t for ts in timings["local"].values() for t in ts]
    per_call = {
        name: {
            "p50_ms": round(statistics.median(timings["remote"][name]), 2),
            "p95_ms": round(percentile(timings["remote"][name], 0.95), 2),
            "local_p50_ms": round(statistics.median(timings["local"][name]), 2),
            "local_p95_ms": round(percentile(timings["local"][name], 0.95), 2),
        }
        for name in timings["remote"]
    }
    p95, local_p95 = percentile(remote_all, 0.95), percentile(local_all, 0.95)
    return {
        "scenario": "remote",
        "db": engine.url.get_backend_name(),
        "calls": len(remote_all),
        "http": _http_stack(),
        "per_call": per_call,
        "p50_ms": round(statistics.median(remote_all), 2),
        "local_p50_ms": round(statistics.median(local_all), 2),
        "p95_ms": round(p95, 2),
        "local_p95_ms": round(local_p95, 2),
        "server_p50_ms": round(statistics.median(server_ms), 2),
        "server_p95_ms": round(percentile(server_ms, 0.95), 2),
        "load_average": round(os.getloadavg()[0], 2),
        "overhead_p95_ms": round(p95 - local_p95, 2),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False), flush=True)
