"""User-facing messages of the importers, in one place so the CLI, the dashboard and the tests agree."""

from __future__ import annotations

MESSAGES = {
    "not_found": "no such file",
    "unreadable": "cannot be read ({detail})",
    "empty": "file is empty; nothing to import",
    "binary": "looks like a binary file, not a text data file (found NUL bytes); expected a GDELT, ICEWS or ACLED export",
    "encoding": "is not UTF-8 text; re-save it as UTF-8 and import again",
    "not_data": "is a {kind} file, not a data file; expected a GDELT, ICEWS or ACLED export (.csv, .tsv, .txt or .zip)",
    "zip_members": "zip archive holds {n} files; expected exactly one data file",
    "zip_bad": "is not a readable zip archive ({detail})",
    "unknown": "is not a GDELT, ICEWS or ACLED file ({detail})",
    "wrong_kind": "looks like {found}, not {wanted}; use `import {found_kind}` or `import auto`",
    "not_kind": "is not {wanted} ({detail})",
    "fields": "line {line}: {got} fields, expected {want}; row skipped",
    "bad_value": "line {line}: {reason}; row skipped",
    "duplicate": "line {line}: event id {event_id} appears twice in the file; second row skipped",
    "utf8_mid": "not valid UTF-8 after the first bytes ({detail}); re-save it as UTF-8. The store is unchanged",
    "read_failed": "cannot be parsed ({detail}). The store is unchanged",
}


def message(key: str, **kw) -> str:
    return MESSAGES[key].format(**kw)
