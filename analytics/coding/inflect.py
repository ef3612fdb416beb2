"""Regular English verb inflection, for the verb lexicon (generator and loader share it)."""
from __future__ import annotations

import re

_VOWELS = set("AEIOU")


def inflect(verb: str) -> list[str]:
    """Regular forms of an upper-case verb: itself, -s, -ed, -ing (with doubling variants).

    >>> inflect("HOST")
    ['HOST', 'HOSTS', 'HOSTED', 'HOSTING']
    """
    verb = verb.upper()
    forms = [verb]
    if re.search(r"(S|X|Z|CH|SH)$", verb):
        forms.append(verb + "ES")
    elif re.search(r"[^AEIOU]Y$", verb):
        forms.append(verb[:-1] + "IES")
    else:
        forms.append(verb + "S")
    if verb.endswith("E"):
        forms += [verb + "D", (verb[:-2] + "YING") if verb.endswith("IE") else
                  verb + "ING" if verb.endswith("EE") else verb[:-1] + "ING"]
    elif re.search(r"[^AEIOU]Y$", verb):
        forms += [verb[:-1] + "IED", verb + "ING"]
    else:
        forms += [verb + "ED", verb + "ING"]
        # Consonant-vowel-consonant endings double in some words (stop -> stopped); the variant is
        # harmless when wrong, since a form that never occurs in text never matches.
        if len(verb) >= 3 and verb[-1] not in _VOWELS | set("WXY") and verb[-2] in _VOWELS and verb[-3] not in _VOWELS:
            forms += [verb + verb[-1] + "ED", verb + verb[-1] + "ING"]
    return list(dict.fromkeys(forms))
