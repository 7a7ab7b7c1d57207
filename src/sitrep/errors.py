"""Errors with stable codes. The library raises them; only the CLI prints them."""

from __future__ import annotations


class SitrepError(Exception):
    """Base error: a stable code, a message and, when known, the input location."""

    code = "E000"

    def __init__(self, message: str, *, origin: str | None = None):
        super().__init__(message)
        self.message = message
        self.origin = origin

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}[{self.code}] {self.message}"


class InputNotFound(SitrepError):
    "The path does not exist."

    code = "E101"


class NoArticlesFound(SitrepError):
    "A directory held no readable article files."

    code = "E102"


class UnreadableInput(SitrepError):
    "The file is binary, cannot be decoded, or cannot be opened."

    code = "E103"


class EmptyArticle(SitrepError):
    "The input holds no story text after cleaning."

    code = "E104"


class MalformedRecord(SitrepError):
    "A JSONL line is not a JSON object with `text` or `html`."

    code = "E105"


class MalformedFeed(SitrepError):
    "An RSS/Atom feed is not well-formed XML or has no entries."

    code = "E106"


class UnknownRecord(SitrepError):
    "A review edit names an incident, actor, fact or edit the knowledge base does not hold."

    code = "E201"


class InvalidEdit(SitrepError):
    "A review edit that cannot be made: a field that cannot be corrected, a bad value, no author or reason."

    code = "E202"


class StoreFailed(SitrepError):
    "An article could not be written to the knowledge base; the rest of the ingest goes on."

    code = "E301"


class InvalidUser(SitrepError):
    "A web user that cannot be added or signed in: a name taken, an unknown role, an empty password."

    code = "E401"


class AssetsMissing(SitrepError):
    "The web app's browser libraries (Leaflet, cytoscape.js, world-atlas) are not installed: run `npm ci`."

    code = "E402"


class ExtractionFailed(SitrepError):
    "An unexpected failure while extracting one article; the rest of the batch goes on."

    code = "E900"


ERRORS_BY_CODE = {cls.code: cls for cls in SitrepError.__subclasses__()}


def error_from_code(code: str, message: str, origin: str | None = None) -> SitrepError:
    """Rebuild the coded exception for an error reported as data (an `InputError`)."""
    return ERRORS_BY_CODE.get(code, SitrepError)(message, origin=origin)
