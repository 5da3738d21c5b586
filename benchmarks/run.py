"""`python benchmarks/run.py SCENARIO [args]`: runs benchmarks/<scenario>.py, prints its JSON line.

A scenario module has `main(argv) -> dict`; the dict is printed as the last line of output.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def scenarios() -> list[str]:
    here = Path(__file__).parent
    return sorted(
        p.stem for p in here.glob("*.py") if p.stem not in ("run", "__init__") and p.stem[0] != "_"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(__doc__.strip().splitlines()[0])
        print("scenarios: " + ", ".join(scenarios()))
        return 0 if args else 2
    name = args[0]
    if name not in scenarios():
        print(f"unknown scenario {name!r}; known: {', '.join(scenarios())}", file=sys.stderr)
        return 2
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    module = importlib.import_module(f"benchmarks.{name}")
    result = module.main(args[1:])
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
