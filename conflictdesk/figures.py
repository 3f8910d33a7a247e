"""Kept so older imports work: the figure wording now lives in conflictdesk.wording."""

from conflictdesk.wording import LOWER_BOUNDS, UPPER_BOUNDS, bound_kind, figure_text, total_text  # noqa: F401
