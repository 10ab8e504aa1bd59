"""Named errors, each with a code. The CLI prints `Error: [<code>] <message>` and exits non-zero
(spaCy's way: the code finds the class here, the message says what to do)."""
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


class ModelError(PactwatchError):
    """The spaCy model is missing or not the pinned version."""
    code = "E010"


class KnowledgeError(PactwatchError):
    """A knowledge file is malformed: `<file>: [<entry>] <what is wrong>; <what to do>`.

    `file` names the file (or files, when a user's file was merged into a packaged one), `entry` the
    table or key, `problem` what is wrong, `fix` what to do. Given only `file`, it is a message already
    whole."""
    code = "E020"

    def __init__(self, file: object, problem: str | None = None, *, entry: str | None = None,
                 fix: str | None = None):
        self.file, self.entry, self.problem, self.fix = str(file), entry, problem, fix
        if problem is None:
            super().__init__(self.file)
            return
        where = f"{self.file}: [{entry}]" if entry else f"{self.file}:"
        super().__init__(f"{where} {problem}" + (f"; {fix}" if fix else ""))


class StoreError(PactwatchError):
    """The store cannot be opened or written."""
    code = "E030"


class UsageError(PactwatchError):
    """An option or argument the user gave is not valid."""
    code = "E040"


def coded(error: PactwatchError) -> str:
    """An error as a user reads it: its code, then its message ("[E020] measures.toml: …")."""
    return f"[{error.code}] {error}"
