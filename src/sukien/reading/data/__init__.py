"""Data files of the reading package."""
