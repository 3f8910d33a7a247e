"""The broken-data corpus: the edits that break a copy of data/, and a generator of large valid folders."""
