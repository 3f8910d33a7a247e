"""View models: per page, plain functions from a View and a query runner to what the page shows.

Each takes `run(name, **params) -> DataFrame` (store.run in the app, a plain runner in tests) and returns
numbers, wording and notices; pages only lay them out.
"""
