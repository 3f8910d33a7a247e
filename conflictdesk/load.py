"""The loader's public names, kept here for the modules and tools that import `conflictdesk.load`.

The loader itself is the package `conflictdesk.loader` (reading, rules, links, hints, version).
"""

from conflictdesk.loader import (  # noqa: F401
    ID_PATTERN,
    ROOT,
    WHITESPACE,
    DataError,
    Folder,
    check_folder,
    data_dir,
    data_version,
    folder_signature,
    load,
    read_folder,
    validate,
)
