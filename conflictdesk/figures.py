"""Figures in words no more precise than their source: "over 100", "at least 103", "hundreds"."""

import pandas as pd

LOWER_BOUNDS = {"at_least", "over", "vague"}  # the true number is this or more
UPPER_BOUNDS = {"nearly", "up_to"}  # the true number is this or less
TOTAL_WORDS = {"exact": "", "at_least": "at least ", "about": "about "}


def _blank(value) -> bool:
    return value is None or bool(pd.isna(value))


def figure_text(number, qualifier, phrase) -> str:
    """One source figure as the source put it: its phrase, else the number with its qualifier."""
    if not _blank(phrase) and str(phrase).strip():
        return str(phrase)
    if _blank(number):
        return "not reported"
    prefix = {"at_least": "at least ", "over": "over ", "about": "about ", "nearly": "nearly ", "up_to": "up to "}
    return f"{prefix.get(qualifier, '')}{int(number):,}"


def total_text(total, qualifier) -> str:
    """A sum of figures, said no more precisely than its least exact part."""
    if qualifier == "none" or _blank(total):
        return "not reported"
    return f"{TOTAL_WORDS.get(qualifier, 'about ')}{int(total):,}"


def bound_kind(qualifier) -> str:
    """How a figure bounds the true number: exact, lower (open-ended), upper or approximate."""
    if qualifier in LOWER_BOUNDS:
        return "lower"
    if qualifier in UPPER_BOUNDS:
        return "upper"
    if qualifier == "about":
        return "approximate"
    return "exact"
