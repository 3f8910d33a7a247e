"""Conflict Desk: source-linked conflict data, checked and loaded into DuckDB for the dashboard."""
