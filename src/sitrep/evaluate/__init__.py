"""Scoring extraction against human-coded benchmarks (`sitrep eval ...`)."""
