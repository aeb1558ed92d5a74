"""Drafts of a province's PAPI plan for a year from the latest results before it."""
