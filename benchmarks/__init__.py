"""Benchmarks: measured ratios against a baseline run in the same process."""
