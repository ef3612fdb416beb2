"""Candidate detection: one compiled regex whose alternatives are the expression rules.

Each rule is a named alternative; its inner groups are prefixed with the rule name so a single
`finditer` pass over the text finds every candidate (the regex engine does the work in C, which is
what makes the tagger fast). Rules are ordered longest/most specific first, because at one position
the first alternative that matches wins. `find(text)` yields `(rule, start, end, groups)`.

Macros such as {MONTH} are alternations built from data/en.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import alternation, load, trie_alternation

NUMWORD_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMWORD_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMWORD_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_ORD_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_ORD_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
# "first" .. "thirty-first": spoken day numbers ("March eighth")
DAY_WORDS = {w: i + 1 for i, w in enumerate(_ORD_UNITS)} | {w: i + 10 for i, w in enumerate(_ORD_TEENS)} \
    | {"twentieth": 20, "thirtieth": 30} | {f"twenty-{w}": 21 + i for i, w in enumerate(_ORD_UNITS)} | {"thirty-first": 31}


def _macros(lex: dict) -> dict:
    full = [m for m in lex["months"] if len(m) > 4 or m in ("may", "june", "july")]
    abbr = [m for m in lex["months"] if m not in full]
    weekdays_full = [w for w in lex["weekdays"] if len(w) > 4 or w.endswith("day")]
    abbrev = lex["weekday_abbrev_need_dot"]
    weekday = "(?:" + alternation(weekdays_full) + r")(?![a-z])|(?:" + alternation(abbrev) + r")\."
    unit_words = list(lex["units"])
    plurals = [u + "s" for u in unit_words if u not in lex["unit_plurals"].values()] + list(lex["unit_plurals"])
    numword = (rf"(?:(?:(?:{NUMWORD_TENS})(?:[-\s](?:{NUMWORD_ONES}))?|{NUMWORD_TEENS}|{NUMWORD_ONES})"
               r"(?:\s+(?:hundred|thousand)(?![a-z]))?"  # "two thousand years": an optional multiplier, not a second pass
               r"|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|a\s+hundred|one\s+hundred"
               r"|half\s+an?|a\s+half|a\s+quarter\s+of\s+an?|" + alternation(lex["vague_numbers"]) + r"|an|a)")
    return {
        "MONTH": rf"(?:(?:{alternation(full)})(?![a-z])|(?:{alternation(abbr)})(?![a-z])\.?)",
        "DAY": r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])(?!\s*(?:%|percent|per\s+cent))",
        "DAYWORD": "(?:" + alternation(w.replace("-", " ") for w in DAY_WORDS).replace(r"\s+", r"[-\s]") + r")(?![a-z])",
        "YEAR": r"(?<![0-9$£€#.,/])(?:(?<![0-9]-)|(?<=[12][0-9]{3}-))(?:1[0-9]{3}|20[0-9]{2})(?![0-9]|[.,][0-9]|\s*(?:%|percent)|s(?![a-z]))",  # "1990s" is a decade
        "WEEKDAY": rf"(?:{weekday})",
        "SPELLED_YEAR": rf"(?:two\s+thousand(?:\s+and)?(?:\s+(?:{NUMWORD_TENS})(?:[-\s](?:{NUMWORD_ONES}))?|\s+(?:{NUMWORD_TEENS}|{NUMWORD_ONES}))?"
                        rf"|nineteen[-\s]+(?:{NUMWORD_TENS})(?:[-\s](?:{NUMWORD_ONES}))?)(?![a-z-])",
        "WEEKDAYS": "(?:" + alternation([w + "s" for w in weekdays_full if w.endswith("day")]) + ")",
        "SEASON": "(?:" + alternation(lex["seasons"]) + r")(?![a-z])",
        "POD": "(?:" + alternation(lex["parts_of_day"]) + r")(?![a-z])",
        "PODS": r"(?:mornings|afternoons|evenings|nights)",
        "PLURALS": r"(?:years|months|weeks|days|decades|hours|minutes|centuries)(?![a-z])",
        "UNIT": "(?:" + alternation(unit_words) + r")(?![a-z])",
        "UNITW": "(?:" + alternation(unit_words) + ")",
        "UNITX": "(?:" + alternation(unit_words + plurals) + r")(?![a-z])",
        "UNITS": "(?:" + alternation(plurals + unit_words) + r")(?![a-z])",
        "NUM": rf"(?:[0-9]+(?:[.,][0-9]+)?(?:\s+[0-9]/[0-9])?|{numword})",
        "NUMW": rf"(?:(?:{NUMWORD_TENS})(?:[-\s](?:{NUMWORD_ONES}))?|{NUMWORD_TEENS}|{NUMWORD_ONES})",
        "ORD": "(?:" + alternation(lex["ordinals"]) + r"|[0-9]{1,2}(?:st|nd|rd|th))",
        "QORD": r"(?:first|second|third|fourth|1st|2nd|3rd|4th)",
        "HOLIDAY": "(?:" + alternation(lex["holidays"]) + r")(?![a-z])",
        "VAGUE": "(?:" + alternation(lex["vague"]) + r")(?![a-z])",
        "SETWORD": "(?:" + alternation(lex["sets"]) + r")(?![a-z])",
        "TZ": r"(?:\s+{ZONE})?",
        # a time zone after a clock time: an abbreviation, "local time", or "<Place> time" ("Moscow time")
        "ZONE": r"(?:(?-i:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|PKT|JST|KST|HKT|SGT|AEST|AEDT|SAST|WAT|EAT|[ECMPA][SD]T|[ECMP]T)"
                r"(?![A-Za-z])|local\s+time(?![a-z])|(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?-i:time)(?![a-z]))",
        "AMPM": r"(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?![a-z])",
    }


def _after(words: str) -> str:
    """A zero-width test that one of `words` (space-separated; a word may hold regex, as in "later\\sin") and one
    space come right before: _after("at by") holds after "at " or "by ". A lookbehind needs a fixed width, so there
    is one per word."""
    return "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in words.split()) + ")"


# (rule name, template). Order matters: at one text position the first rule that matches wins.
RULES: list[tuple[str, str]] = [
    # clock times, optionally followed by the day they belong to
    ("clock", r"(?P<h>[01]?[0-9]|2[0-3])(?:[:.](?P<mi>[0-5][0-9]))?\s*(?P<ap>{AMPM}){TZ}"
              r"(?:,?\s+(?P<wd>{WEEKDAY}|today|yesterday|tomorrow|tonight)|,?\s+(?P<mon>{MONTH})\s+(?P<d>{DAY}))?"),
    ("clock_words", r"(?P<h>[01]?[0-9])(?::(?P<mi>[0-5][0-9]))?\s+(?:(?P<oc>o['’]clock)(?:\s+in\s+the\s+(?P<pod>morning|afternoon|evening|night))?|in\s+the\s+(?P<pod2>morning|afternoon|evening))(?![a-z])"),
    ("clock24", r"(?P<h>[01]?[0-9]|2[0-3])(?::|\.|h)?(?P<mi>[0-5][0-9])(?:\s*(?P<tz>{ZONE})|\s+(?P<hrs>hours|hrs)(?![a-z])(?:\s+{ZONE})?)"),
    # "at 14:30", "by 09:00": a 24-hour clock time after a preposition (hours 13-23, or written with a leading zero)
    ("clock_colon", _after(r"at by until till from since before after around about") + r"(?P<h>0[0-9]|1[3-9]|2[0-3]):(?P<mi>[0-5][0-9])(?![0-9:.,]?[0-9])"),
    ("noon", r"(?P<w>noon|midnight|midday)(?:\s+{ZONE})?(?:\s+(?P<wd>{WEEKDAY}|today|yesterday|tomorrow))?"),
    # fully written dates
    ("iso", r"(?P<y>[12][0-9]{3})[-/](?P<mo>0[1-9]|1[0-2])[-/](?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])"
            r"(?:T(?P<hh>[01][0-9]|2[0-3]):(?P<mm>[0-5][0-9]))?"),
    ("numeric", r"(?<![0-9/.-])[0-9]{1,2}(?:/[0-9]{1,2}/(?:[0-9]{4}|[0-9]{2})|(?P<dot>\.)[0-9]{1,2}\.[0-9]{4}|(?P<dash>-)[0-9]{1,2}-[0-9]{4})(?![0-9/.-]?[0-9])(?![a-z])"),
    # "November of that year", "March of the following year": the month of a year named by reference
    ("month_of_rel", r"(?P<mon>{MONTH})\s+of\s+(?P<rel>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding|this|last|next)\s+year(?![a-z-])"),
    # "Feb. 24 last year": the day in the year named by reference (as "July last year" below)
    ("mdy_rel", r"(?P<mon>{MONTH})\s+(?P<d>{DAY}),?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year(?![a-z-])"),
    ("mdy", r"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?:the\s+)?(?P<d>{DAY}|{DAYWORD})(?:(?:,\s*|\s+)(?P<y>{YEAR}))?"),
    ("dmy", r"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"),
    ("day_only", _after(r"on by until till before since morning\sof afternoon\sof evening\sof night\sof") + r"the\s+(?P<d>(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th))(?=\s*(?:[.,;:)]|and\b|$))"),
    ("part_of_month", r"the\s+(?P<pos>first|last|final|second|third|fourth)\s+(?P<unit>week|weekend|day)\s+of\s+(?:(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?|the\s+(?P<this>month))(?![a-z])"),
    ("year2", _after(r"in since of from until by to class") + r"['’](?P<yy>[0-9]{2})(?![0-9a-z'’])"),
    ("month_year", r"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR}|{SPELLED_YEAR})"),
    ("month_rel", r"(?P<mon>{MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year"),
    ("holiday", r"(?:(?P<rel>last|next|this(?:\s+past|\s+coming)?)\s+)?(?P<h>{HOLIDAY})(?:,?\s+(?P<y>{YEAR}))?"),
    # quarters and halves: "the third quarter of 1990", "1989's fourth quarter", "Q3 2021"
    ("quarter", r"(?:(?P<rel>this|last|next)\s+year's\s+|(?:the\s+)?(?P<y1>{YEAR})(?:'s)?\s+)?(?P<the>the\s+)?(?:(?P<ya>year-earlier|year-ago|prior-year|year-before)\s+)?"
                r"(?:(?:fiscal|calendar|financial)[-\s]+)?(?P<ord>{QORD}|(?:last|latter)(?=\s+half\s+of))[-\s]+(?:fiscal\s+)?(?P<unit>quarter|half)(?![a-z])"
                r"(?:\s+(?:of\s+)?(?:(?:the|fiscal|calendar|financial)\s+)?(?:(?P<y2>{YEAR})|(?P<rel2>this|last|next)\s+year)|\s+of\s+the\s+(?P<ty>year))?"),
    # "Q3 2021", "H1", and the analysts' "3Q 2021", "1H19"
    ("qcode", r"(?-i:(?P<l>Q|H))(?P<q>[1-4])(?:\s+(?P<y>{YEAR})|[-/](?P<yy>[0-9]{2})(?![0-9]))?(?![0-9a-zA-Z])"
              r"|(?P<q2>[1-4])(?-i:(?P<l2>Q|H))(?:\s*(?P<y2>{YEAR})|[-/]?(?P<yy2>[0-9]{2})(?![0-9]))?(?![0-9a-zA-Z])"),
    # "the June quarter": the calendar quarter that ends in that month
    ("month_quarter", r"the\s+(?P<mon>march|june|september|december|mar\.|sept?\.|dec\.)\s+quarter(?![a-z-])"),
    # decades, centuries, spelled years, fiscal years
    ("decade", r"(?:the\s+)?(?P<dec>(?:1[0-9]|20)[0-9]0['’]?s|['’][0-9]0s)(?![a-z])|the\s+(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"),
    ("century", r"(?:the\s+)?(?P<ord>{ORD})[-\s]+century(?:\s+(?P<era>BC|B\.C\.|AD|A\.D\.|BCE|CE))?"),
    ("year_words", r"(?:the\s+year\s+)?(?P<w>two\s+thousand(?:\s+and)?(?:\s+{NUMW})?|nineteen[-\s]+{NUMW})(?![a-z-])(?!\s+{UNITS})"),
    ("fy", r"(?-i:FY)\s*'?(?P<y>[0-9]{4}|[0-9]{2})(?![0-9])"),
    ("fiscal", r"(?:the\s+)?(?P<f>fiscal|calendar|financial|model|school|academic|crop|marketing)\s+(?:year\s+)?(?P<y>{YEAR})(?:-(?P<y2>[0-9]{2,4}))?"),
    ("season_year", r"(?:the\s+)?(?P<s>{SEASON})\s+(?:of\s+)?(?P<y>{YEAR}|{SPELLED_YEAR})|(?P<y2>{YEAR})\s+(?P<s2>{SEASON})"),
    # recurring: every Monday, Monday nights, twice a year, daily
    ("set", r"(?:every|each)\s+(?:other\s+)?(?:(?P<n>{NUM})\s+)?(?P<unit>{UNITX}|(?P<wd>{WEEKDAY})(?:\s+(?P<pod>{POD}))?|(?P<mon>{MONTH})(?:\s+(?P<md>{DAY}))?|(?P<s>{SEASON}))"
            r"|(?P<freq>once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit2>{UNIT})"
            r"|per\s+(?P<unit3>{UNIT})"
            r"|(?P<wd2>{WEEKDAYS})(?:\s+and\s+{WEEKDAYS})?"
            r"|(?P<wd3>{WEEKDAY})\s+(?P<pod3>{PODS})"
            r"|(?:every|each)\s+(?P<pod4>morning|afternoon|evening)(?![a-z])"
            r"|(?P<word>{SETWORD})"),
    # durations anchored to now or to a start: "the past two months", "the first nine months"
    ("dur_rel", r"(?:the\s+)?(?P<rel>past|last|next|first|previous|coming|following|final|latest|remaining|ensuing|initial|preceding|prior)"
                r"\s+(?P<n>{NUM})(?:\s+(?P<join>to|or)\s+(?P<n2>{NUM}))?\s+(?P<unit>{UNITS})(?:\s+or\s+so)?"),
    ("year_unit", r"the\s+(?P<y>{YEAR})\s+(?P<unit>quarter|period|fiscal\s+year|year|season|half)(?![a-z])"),
    ("dur_the", r"the\s+(?P<n>{NUM})\s+(?P<unit>{UNITS})(?!\s+(?:ago|earlier|later))"),
    # "two years ago", "a year earlier", "three days later"
    ("ago", r"(?:(?P<n>{NUM})[-\s]+)?(?P<unit>{UNITX})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back)(?![a-z])"
            r"(?:\s+(?P<on>today|this\s+week|this\s+month)(?![a-z]))?"),
    # deictic days and parts of day
    ("deictic", r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight)(?:\s+(?P<pod>{POD}))?"),
    ("this_pod", r"(?P<rel>this|last|that|the\s+same|the\s+next|the\s+following|the\s+previous|tomorrow|yesterday)\s+(?P<pod>{POD})"),
    ("the_pod", _after(r"in during by until") + r"the\s+(?P<pod>morning|afternoon|evening)(?![a-z])(?!\s+of\b)"),
    ("pod_mod", r"(?P<pm>early|late|mid)[-\s]?(?P<pod>morning|afternoon|evening)(?![a-z])(?:\s+(?P<wd>{WEEKDAY}|yesterday|today|tomorrow))?"),
    ("wd_pod", r"(?P<wd>{WEEKDAY})\s+(?P<pod>{POD})"),
    # "today is the eighth day of the blockade": the day in focus, counted within some event
    ("nth_day", r"the\s+(?P<ord>{ORD})\s+(?:straight\s+|consecutive\s+)?day(?=\s+of\s+(?!the\s+(?:month|week|year)\b)(?!{MONTH}))"),
    # "later in the day", "earlier in the week": the unit that holds the date in focus
    ("in_the_unit", _after(r"earlier\sin later\sin early\sin late\sin") + r"the\s+(?P<unit>day|week|month|year|quarter)(?![a-z-])"),
    # the end of the year, the beginning of the month
    ("week_of", r"the\s+(?P<unit>week|weekend)\s+of\s+(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?"),
    ("pos_unit", r"the\s+(?P<pm>beginning|start|middle|end|close|turn)\s+of\s+the\s+(?P<unit>year|month|week|quarter|decade|century|day)(?![a-z])"),
    ("unit_end", r"(?:the\s+)?(?P<unit>year|quarter|month)(?:-|['’]s\s+|\s+)end(?![a-z])"),
    # the day before, the night after
    ("day_before", r"the\s+(?P<unit>day|night|week|month|year)\s+(?P<dir>before|after|earlier|later)(?![a-z])"),
    # last week, this year, next Monday, the following year, that month, the same day, the year-earlier period
    ("rel_unit", r"(?:the\s+)?(?P<rel>(?:comparable|corresponding)\s+year-(?:ago|earlier)|(?:that|this)\s+same|this\s+coming|this|last|next|past|previous|coming|current|following|preceding|prior|same|latest|most\s+recent|recent|that|this\s+past|year-earlier|year-ago|year-before|comparable|year-earlier|corresponding)"
                 r"\s+(?:(?:fiscal|calendar)\s+)?(?P<unit>{WEEKDAY}|{MONTH}(?!\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?(?![0-9]))|{SEASON}|day|week|weekend|month|quarter|year|decade|century|period|half|season|hour|minute)(?![a-z])"
                 r"(?P<ly>\s+(?:of\s+)?last\s+year|\s+a\s+year\s+(?:ago|earlier|before))?(?:\s+or\s+so)?"),
    ("the_year", r"the\s+(?:(?P<q>full|fiscal|calendar|whole|entire)\s+)?year(?![a-z-])(?!\s+(?:1[0-9]{3}|20[0-9]{2})(?![0-9]))(?:(?=\s+(?P<ended>ended|ending|through|to\s+date|to\s+(?:the\s+end\s+of\s+)?{MONTH})))?"),
    ("yago", r"(?P<unit>year|month|quarter)-(?:earlier|ago)(?![a-z])"),
    ("the_unit", r"the\s+(?P<unit>weekend|quarter|week|month|decade|{SEASON})(?![a-z]|-|\s+of\s)(?P<ly>\s+a\s+year\s+(?:ago|earlier))?"),
    # N units (a duration): "10-year", "two weeks", "2 1/2 years"
    ("duration", r"(?P<n>{NUM})(?P<half2>[-\s]and[-\s]a[-\s]half)?(?:\s+(?P<join>to|or)\s+(?P<n2>{NUM})|(?<=[0-9])(?P<dash>\s*[-–]\s*)(?P<n3>[0-9]+(?:[.,][0-9]+)?))?(?:\s+(?:consecutive|straight|successive|full|more|additional|extra|trading|business|working|calendar|long))?[-\s]+(?P<unit>{UNITX})(?!-(?:earlier|ago|before|end)\b)(?P<half>\s+and\s+a\s+half)?(?:-(?P<adj>old|long))?(?:\s+or\s+(?P<n4>two|three|four|so)(?![a-z-]))?"),
    # "the first days of the war", "the early years": an unmeasured stretch at one end of a period
    ("phase_plural", r"the\s+(?P<rel>first|early|final|opening|closing|initial)\s+(?P<unit>hours|days|weeks|months|years|decades)(?![a-z])"),
    ("vague_plural", r"(?:the\s+)?(?P<rel>past|previous|prior|coming|next|following|last|later|earlier|future|upcoming|ensuing|subsequent)\s+(?P<unit>years|months|weeks|days|decades|centuries|quarters)(?![a-z])"),
    ("the_years", _after(r"over through throughout across") + r"the\s+(?P<unit>years|decades|centuries|months)(?![a-z])"),
    # "weeks or months", "recent weeks and months": one vague stretch, the first unit's value
    ("recent_units", r"recent\s+(?P<unit>months|weeks|days|decades|hours|quarters)(?![a-z])(?:\s+(?P<conj>or|and)\s+{PLURALS})?"),
    ("bare_plural", r"(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)(?![a-z])(?:\s+(?P<conj>or|and)\s+{PLURALS})?"),
    ("vague_dur", _after(r"for after in took take") + r"(?P<w>a\s+(?:short\s+|long\s+|little\s+)?while|some\s+time|a\s+(?:long|short)\s+time|quite\s+some\s+time)(?![a-z])"),
    ("unit_long", r"(?P<unit>{UNITW}|(?P<plural>years|months|weeks|days|decades|hours|centuries))-?long(?![a-z])"),
    ("season", r"(?P<s2>{SEASON})\s+(?P<rel>this|last|next)\s+year|(?P<s>{SEASON})"),
    ("vague", r"(?P<w>{VAGUE})"),
    ("weekday", r"(?P<wd>{WEEKDAY})"),
    ("month", r"(?P<mon>{MONTH})"),
    ("era_year", r"(?P<y>[0-9]{1,4})\s*(?P<era>(?-i:BC|B\.C\.|AD|A\.D\.|BCE|CE))(?![A-Za-z])|(?-i:AD|A\.D\.)\s*(?P<y2>[0-9]{1,4})(?![0-9])"),
    ("year", r"(?:the\s+year\s+)?(?P<y>{YEAR})(?:\s+(?P<era>BC|B\.C\.|AD|A\.D\.|BCE|CE)(?![a-z]))?"),
]


# Words a rule can begin with, besides the lexicon's own words and digits. The combined regex
# only runs at word starts that begin one of these (tests check the gate loses nothing).
STARTERS = """the this last next past previous coming current following preceding prior same latest most recent
that year month quarter week day night weekend years months weeks days decades hours minutes centuries
every each once twice thrice per noon midnight midday today yesterday tomorrow tonight fiscal calendar financial
model school academic crop marketing nineteen two a an couple dozen dozens hundreds thousands several many few
numerous countless number half ensuing subsequent upcoming future later earlier weeklong yearlong monthlong daylong hourlong nightlong
decadelong fy early late mid ad quite""".split()


# Frequent function words that begin a rule only when one of these follows ("the past", "a year", "at least").
FUNCTION_STARTERS = {
    "the": None, "a": None, "an": None, "that": None, "this": None,  # None: any content starter or a digit
    "at": ["least", "most", "present"], "new": ["year's", "year’s", "years", "year"], "more": ["than", "recently"],
    "most": ["recent", "recently"], "some": None, "many": None, "few": None, "number": ["of"],
}
FOLLOWERS = """past last next following previous same latest beginning end middle start close turn early late mid
near foreseeable short long coming current present future full whole entire fiscal calendar financial prior
preceding most day night morning afternoon evening weekend few couple dozen half quarter decade century years
months weeks days decades hours minutes centuries year-earlier year-ago year-before comparable corresponding recent
twenties thirties forties fifties sixties seventies eighties nineties consecutive straight successive more
additional extra trading business working season period final second third fourth while long morning afternoon
evening time short little latter""".split()


def _gate(lex: dict) -> str:
    """The lookahead a candidate's first word must pass (see compiled())."""
    content = [w for w in _starters(lex) if w not in FUNCTION_STARTERS]
    follow = sorted(set(content) | set(FOLLOWERS))
    parts = [r"(?:" + trie_alternation(content) + r")(?![a-z])", r"[0-9]", r"['’][0-9]", r"(?-i:[QH])[1-4]"]
    general = [w for w, nxt in FUNCTION_STARTERS.items() if nxt is None]
    parts.append(r"(?:" + trie_alternation(general) + r")\s+(?:(?:" + trie_alternation(follow) + r")(?![a-z])|[0-9'’]|mid-)")
    for w, nxt in FUNCTION_STARTERS.items():
        if nxt:
            parts.append(re.escape(w) + r"\s+(?:" + trie_alternation(nxt) + r")(?![a-z])")
    return "(?=" + "|".join(parts) + ")"


def _starters(lex: dict) -> list[str]:
    words = set(STARTERS)
    for key in ("months", "weekdays", "seasons", "ordinals", "units", "sets"):
        words.update(lex[key])
    for key in ("numbers", "vague", "holidays"):
        words.update(k.split()[0] for k in lex[key])
    words.update(NUMWORD_TENS.split("|") + NUMWORD_ONES.split("|") + NUMWORD_TEENS.split("|"))
    words.update(w + "s" for w in lex["weekdays"])
    words.update(u + "s" for u in lex["units"])
    words.update(lex["unit_plurals"])
    return sorted(words)


@lru_cache(maxsize=None)
def _bodies(lang: str = "en") -> list[tuple[str, str]]:
    """Each rule's regex with macros expanded and its groups prefixed by the rule name."""
    macros = _macros(load(lang))
    out = []
    for name, template in RULES:
        body = template
        for key, val in macros.items():
            body = body.replace("{" + key + "}", val)
        out.append((name, re.sub(r"\(\?P<([a-z0-9_]+)>", lambda m: f"(?P<{name}__{m.group(1)}>", body)))
    return out


@lru_cache(maxsize=None)
def compiled(lang: str = "en"):
    """The combined regex plus, per rule, the (prefixed group name, short name) pairs."""
    lex = load(lang)
    parts, groups = [], {}
    for name, body in _bodies(lang):
        parts.append(f"(?P<{name}>{body})")
        groups[name] = [(f"{name}__{g}", g) for g in re.findall(r"\(\?P<([a-z0-9_]+)>", dict(RULES)[name])]
    # Candidates begin at a word start that can begin a rule; the prefix-factored lookahead rejects
    # every other word in a few steps, so the full alternation runs at few positions.
    pattern = r"(?<![\w'])" + _gate(lex) + "(?:" + "|".join(parts) + ")"
    return re.compile(pattern, re.IGNORECASE), groups


@lru_cache(maxsize=None)
def rules(lang: str = "en") -> list:
    """(name, compiled regex, groups) per rule, in order: the fallback when a rule rejects a match."""
    rx, groups = compiled(lang)
    out = []
    for name, body in _bodies(lang):
        out.append((name, re.compile(body, re.IGNORECASE), groups[name]))
    return out


def find(text: str, lang: str = "en"):
    """Yield (rule, start, end, groups) for every candidate, left to right, non-overlapping."""
    rx, groups = compiled(lang)
    for m in rx.finditer(text):
        rule = m.lastgroup
        g = {short: m.group(full) for full, short in groups[rule]}
        yield rule, m.start(), m.end(), g
