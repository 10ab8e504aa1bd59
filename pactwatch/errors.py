"""Named errors, each with a code. The CLI prints `Error: <message>` and exits non-zero."""
from __future__ import annotations


class PactwatchError(Exception):
    """Base of every error pactwatch reports to a user."""
    code = "E000"


class InputError(PactwatchError):
    """One input could not be read: not found, empty, binary, undecodable, too large, unsupported, fetch failed."""
    code = "E001"

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class KnowledgeError(PactwatchError):
    """A knowledge file is malformed; the message names the file and the entry."""
    code = "E020"


class StoreError(PactwatchError):
    """The store cannot be opened or written."""
    code = "E030"


class UsageError(PactwatchError):
    """An option or argument the user gave is not valid."""
    code = "E040"
