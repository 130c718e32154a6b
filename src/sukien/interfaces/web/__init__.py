"""interfaces/web."""
