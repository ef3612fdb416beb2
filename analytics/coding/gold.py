"""The project's gold coding data (tests/data/devset/) and its leave-one-annotator-out folds.

One place for the learned models' trainers and cross-validation scripts: which files hold the gold, which
splits each independent annotator wrote (one fold each; every other split is always training data), the
hash a shipped model records to say which gold trained it, and the loader.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = (ROOT / "tests" / "data" / "devset" / "passages.jsonl", ROOT / "tests" / "data" / "devset" / "dev2.jsonl")
# one fold per independent annotator who never saw the coder (tests/data/devset/README.md says who wrote what)
FOLDS = {"F1": ("heldout7", "sentences1"), "F2": ("heldout8", "sentences2"), "F3": ("dev3", "dev3s"),
         "F4": ("heldout9", "sentences3"), "F5": ("heldout10", "sentences4"), "F6": ("heldout11", "sentences5"),
         "F7": ("heldout12", "sentences6"), "F8": ("heldout13", "sentences7")}
FOLD_OF = {split: fold for fold, splits in FOLDS.items() for split in splits}


def gold_hash(paths=GOLD) -> str:
    """SHA-256 of the gold files' bytes, in order."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.read_bytes())
    return h.hexdigest()


def load_gold(paths=GOLD) -> list[dict]:
    """Every gold record, in file order."""
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            out += [json.loads(line) for line in fh if line.strip()]
    return out
