"""pandas reading the same generated logs as SiloScope's ingest benchmark.

The foundation issue's goal: SiloScope reads *and projects* a 1,000,000-row log faster than
pandas merely reads it. Times are process CPU seconds (time.process_time), best of 3, so the
figure is one core's work even on a loaded machine.
"""
import sys
import time

import pandas as pd


def best_of(n, fn):
    best = None
    for _ in range(n):
        t0 = time.process_time()
        result = fn()
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    return best, result


for path in sys.argv[1:]:
    t_c, df = best_of(3, lambda: pd.read_csv(path))
    t_a, _ = best_of(3, lambda: pd.read_csv(path, engine="pyarrow"))
    print(f"{path.rsplit('/', 1)[-1]}: {len(df):,} rows; pandas {pd.__version__} read_csv (C engine) "
          f"{t_c:.3f} s, read_csv(engine='pyarrow') {t_a:.3f} s CPU")
