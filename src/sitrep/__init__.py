"""sitrep: news about political violence in, sourced structured data out."""

import logging

from .model import Document

__all__ = ["Document"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
