"""Named errors, each with a code and a reason (spaCy's ``Errors.E###`` idea).

Library code raises these; the CLI turns them into one clean message.
"""

from __future__ import annotations


class SukienError(Exception):
    """Base class: every error sukien raises on purpose."""

    code = "E000"

    def __str__(self) -> str:  # "E101 file.txt: reason"
        return f"{self.code} {super().__str__()}"


class ReadError(SukienError):
    """An input could not be read: names the file and, for JSONL, the line."""

    code = "E100"

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class EncodingError(ReadError):
    code = "E101"


class EmptyInput(ReadError):
    code = "E102"


class BinaryInput(ReadError):
    code = "E103"


class TooLarge(ReadError):
    code = "E104"


class MalformedRecord(ReadError):
    code = "E105"


class KnowledgeError(SukienError):
    """A knowledge data file is malformed (empty pattern, missing column, ...)."""

    code = "E200"


class StageFailed(SukienError):
    code = "E300"

    def __init__(self, stage: str, article_id: str, exc: BaseException) -> None:
        self.stage, self.article_id, self.exc = stage, article_id, exc
        super().__init__(f"stage '{stage}' failed on article {article_id}: {type(exc).__name__}: {exc}")


class StoreError(SukienError):
    code = "E400"


class MissingExtra(SukienError, ImportError):
    """A heavy optional part is not installed: says which extra to install."""

    code = "E500"

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs the '{extra}' extra: pip install 'sukien[{extra}]'")
