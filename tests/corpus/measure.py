"""Time `validate` on a folder and report its peak memory, in a fresh process each run.

Usage: python tests/corpus/measure.py [--load] [--loader FILE] FOLDER [FOLDER ...]
Prints one line per folder: seconds, peak RSS (MB) of the process, the first problems and the row counts.
--load times `load` (validate, then build the database in memory) instead of `validate`;
--loader FILE measures another version of conflictdesk/load.py (say, the one before a change).
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import importlib.util, json, resource, sys, time
from pathlib import Path
folder, action, loader = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
if loader:
    spec = importlib.util.spec_from_file_location("measured_load", loader)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
else:
    import conflictdesk.load as module
imported = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
if action == "load":
    try:
        con = module.load(folder)
        problems = []
        counts = {name: con.execute("select count(*) from " + name).fetchone()[0] for name in ("strikes", "casualties")}
    except module.DataError as error:
        problems, counts = error.problems, {}
else:
    problems, counts = module.validate(folder)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak / 1024), "after_import_mb": round(imported / 1024),
                  "problems": [str(p) for p in problems][:3], "rows": counts}))
"""


def measure(folder: Path, action: str = "validate", loader: str = "") -> dict:
    """validate() (or load()) on the folder in a new interpreter: time, peak RSS, first problems."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(folder), action, loader], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    args = sys.argv[1:]
    action = "load" if "--load" in args else "validate"
    args = [a for a in args if a != "--load"]
    loader = ""
    if "--loader" in args:
        at = args.index("--loader")
        loader = str(Path(args[at + 1]).resolve())
        del args[at : at + 2]
    for name in args:
        size = sum(f.stat().st_size for f in Path(name).glob("*.csv")) / 1e6
        print(name, action, f"{size:.0f} MB of CSV", json.dumps(measure(Path(name), action, loader)))
