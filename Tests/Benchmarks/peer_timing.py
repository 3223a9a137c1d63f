"""The timing the peer scripts share: best of k runs by process CPU seconds."""
import time


def best_of(k, fn):
    """The least process CPU time of k calls of fn, and the result of that call."""
    best, best_result = None, None
    for _ in range(k):
        t0 = time.process_time()
        result = fn()
        dt = time.process_time() - t0
        if best is None or dt < best:
            best, best_result = dt, result
    return best, best_result
