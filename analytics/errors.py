"""User-facing errors and their messages, kept in one place so they stay consistent.

A `UserError` is a mistake the user can fix (a bad file, a bad option): the CLI prints its one line
and exits without a traceback. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input, reported as one line: what, where, what to do."""

    def __init__(self, message: str, *, where: str | None = None):
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class SchemaError(Exception):
    """A frame broke the event-frame contract. `problems` lists every failure, not just the first."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        head = "; ".join(problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(f"event frame fails its schema: {head}{more}")


# Messages about documents, keyed so that the CLI, the dashboard and the tests say the same thing.
MESSAGES = {
    "empty": "file is empty",
    "binary": "looks like a binary file, not text (found NUL bytes); expected .txt, .md, .html, .json or .jsonl",
    "encoding": "is not valid UTF-8 text and no other encoding fits; re-save it as UTF-8",
    "too_large": "is {size} bytes, over the {limit}-byte limit for one document; split it",
    "unsupported": "has an unsupported extension '{ext}'; expected .txt, .md, .html, .htm, .json or .jsonl",
    "not_found": "no such file or folder",
    "json": "is not valid JSON ({detail})",
    "json_line": "line {line}: not valid JSON ({detail})",
    "json_fields": "line {line}: a document needs a non-empty 'text' field",
    "bad_date": "has an impossible publication date {value!r}; use YYYY-MM-DD",
    "no_text": "has no readable main text",
    "unreadable": "cannot be read ({detail})",
    # added in session 3: say what a mis-named file really is, and where a text file stops being text
    "not_text": "is a {kind} file, not text; save it as .txt, .html or .json first",
    "encoding_at": "is not valid UTF-8 text (byte 0x{byte:02X} at offset {offset}; Latin-1 or Windows-1252?); "
                   "re-save it as UTF-8",
    "nul_at": "looks like a binary file, not text (a NUL byte at offset {offset}); expected .txt, .md, .html, .json or .jsonl",
    "published_range": "has a publication date {value!r} outside the years {lo}-{hi}; use YYYY-MM-DD",
    "future": "{count} document(s) have a publication date after today ({example}); check it: relative dates are "
              "resolved against it as given",
}


def message(key: str, **kw) -> str:
    return MESSAGES[key].format(**kw)
