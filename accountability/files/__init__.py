"""Bytes ↔ documents: finding, reading, validating and locating files; git; atomic writes; YAML splicing."""
