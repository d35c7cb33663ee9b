"""Benchmark measurements that the figures rely on."""

from __future__ import annotations

import sys

from qa.bench import peak_rss_mb


def test_a_child_s_peak_memory_is_its_own_not_that_of_the_process_measuring_it():
    ballast = b"x" * 300_000_000  # this process is large; the measured one allocates 50 MB
    wall, peak = peak_rss_mb([sys.executable, "-c", "data = b'y' * 50_000_000"])
    assert ballast and wall > 0
    assert 50 < peak < 250
