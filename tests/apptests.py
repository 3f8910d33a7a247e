"""Shared by the page tests (AppTest): the page files, their titles, and a timeout generous for a busy machine."""

# Page file name (pages/<name>.py) -> the title a reader sees.
TITLES = {
    "overview": "Overview",
    "map": "Strikes map",
    "casualties": "Casualties",
    "truces": "Truce violations",
    "statements": "Statements",
    "air": "Air attacks",
    "sources": "Sources & method",
}
PAGES = list(TITLES)
# Seconds one AppTest run may take. A run takes about a second on a quiet machine; with two test workers and
# other work on two cores it can take many times that, and a timeout is a failure, not a wait.
TIMEOUT = 180
