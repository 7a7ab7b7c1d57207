"""sitrep: news about political violence in, sourced structured data out.

Example:

    >>> import sitrep
    >>> doc = sitrep.extract("examples/quetta-police-college-2016-10-26.txt")
    >>> [p.basis for p in doc.incidents[0].perpetrators]
    >>> store = sitrep.Store("sitrep.db")  # the knowledge base: see sitrep.store
"""

import logging

from .errors import SitrepError
from .model import Document
from .pipeline import extract, process, process_paths
from .store.database import Store

__all__ = ["Document", "SitrepError", "Store", "extract", "process", "process_paths"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
