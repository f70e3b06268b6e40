"""Caches, workers, incremental checks and output replay. Only the command line imports this package; the core runs without it."""
