"""No leaks over 10^5 create/destroy cycles: the resident set stays within a bound."""
import gc

import numpy as np

import ivycpp as xp


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cycle(n, src):
    for _ in range(n):
        x = xp.asarray([1.0, 2.0, 3.0])
        y = (x + 1.0) * x
        _ = y[1:]
        _ = np.from_dlpack(y)
        _ = xp.from_dlpack(src)


def test_no_growth_over_1e5_cycles():
    with xp.use("xtensor" if "xtensor" in xp.available_backends() else xp.current_backend()):
        src = np.ones(16, dtype=np.float32)
        cycle(2000, src)  # warm up allocator pools and caches
        gc.collect()
        before = rss_kib()
        cycle(100_000, src)
        gc.collect()
        growth = rss_kib() - before
    # Each cycle creates ~6 arrays; a leak of even one 32-byte Array per cycle would be ~3 MiB,
    # a leaked capsule with its shape ~10 MiB.
    assert growth < 8 * 1024, f"RSS grew by {growth} KiB"
