"""Data files of the text package."""
