"""Synthetic card statements and receipts with a truth.json answer key (no Django needed)."""

from processing.samples.sample_set import write_sample_set

__all__ = ["write_sample_set"]
