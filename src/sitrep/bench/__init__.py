"""Benchmarks that print throughput and peak memory (never timed unit tests): `extraction` for
`sitrep bench`, `fusion` for `sitrep bench fusion`."""
