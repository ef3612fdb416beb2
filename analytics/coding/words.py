"""Words the coding rules share, defined once: closed-class words (articles, determiners, auxiliaries,
pronouns, quotes) here, and the coder's open word lists (verb lemma sets, noun lists) from
analytics/lexicons/coding_words.yaml, loaded once at import.

>>> "the" in ARTICLES and "SAY" in SPEECH_LEMMAS
True
"""
from __future__ import annotations

from analytics.coding.lexicon import coding_words

ARTICLES = frozenset({"a", "an", "the"})
POSSESSIVE_DETS = frozenset({"its", "their", "his", "her"})
PERFECT_AUX = frozenset({"had", "have", "has"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it"})
QUOTES = frozenset({'"', "\u201c", "\u201d"})
FUTURE_MODALS = frozenset({"will", "would", "'ll", "shall", "wo"})
BOTH_WORDS = frozenset({"two", "both"})
RELATIVE_PRONOUNS = frozenset({"who", "whose", "whom", "which"})
OBJECT_OPENERS = ARTICLES | {"its", "their"}     # the first word of a noun phrase as an object

DETERMINERS = ARTICLES | {"its", "their", "his", "her", "our", "my", "your", "this", "that", "these",
                          "those", "any", "no", "each", "every", "some", "such", "another", "of", "'s"}
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "get", "got", "gets"})
FUNCTION_WORDS = ARTICLES | {"and", "or", "but", "to", "of", "in", "on", "at", "by", "for", "with", "from",
                             "that", "which", "who", "as", "after", "before", "over", "into", "against", "about",
                             "since", "until", "while", "when", "than", "its", "their", "his", "her", "this",
                             "these", "those", "is", "are", "was", "were", "be", "been", "has", "have", "had",
                             "will", "would", "not", "between", "among", "during", "under", "near", "across",
                             "amid", "despite", "toward", "towards", "out", "up", "down", "off", "away", "back",
                             "if", "unless", "whether"}

# The open lists: each constant is the YAML key in upper case; its use is told where it is used.
WORDS = coding_words()
RECIPROCAL_VERBS = WORDS["reciprocal_verbs"]
OBSTRUCT_VERBS = WORDS["obstruct_verbs"]
KILLING_VERBS = WORDS["killing_verbs"]
SPEECH_LEMMAS = WORDS["speech_lemmas"]
REPORT_LEMMAS = WORDS["report_lemmas"]
CONDEMNING = WORDS["condemning"]
ADDRESSED = WORDS["addressed"]
ADMISSIONS = WORDS["admissions"]
FORCE_VERBS = WORDS["force_verbs"]
TRANSFER_VERBS = WORDS["transfer_verbs"]
ARRIVAL_VERBS = WORDS["arrival_verbs"]
PLACE_NOUNS = WORDS["place_nouns"]
SELF_ACTS = WORDS["self_acts"]
CARRY_VERBS = WORDS["carry_verbs"]
COUP_LEMMAS = WORDS["coup_lemmas"]
COUP_WORDS = WORDS["coup_words"]
FIGHT_NOUNS = WORDS["fight_nouns"]
PEOPLE_WORDS = WORDS["people_words"]
QUESTIONING = WORDS["questioning"]
LEGAL_CHARGES = WORDS["legal_charges"]
CONSEQUENCES = WORDS["consequences"]
BACKING = WORDS["backing"]
MASS_DESTRUCTION = WORDS["mass_destruction"]
WMD_SITES = WORDS["wmd_sites"]
NUCLEAR_WORDS = WORDS["nuclear_words"]
TEST_WORDS = WORDS["test_words"]
OPEN_WATER = WORDS["open_water"]
SHOW_WORDS = WORDS["show_words"]
CROWD_CONTROL = WORDS["crowd_control"]
PROTEST_PEOPLE = WORDS["protest_people"]
DEPARTURE_VERBS = WORDS["departure_verbs"]
WMD_USE = WORDS["wmd_use"]
DIRECTIVES = WORDS["directives"]
DISASTERS = WORDS["disasters"]
DOCUMENTS = WORDS["documents"]
ADVANCE_VERBS = WORDS["advance_verbs"]
VESSELS = WORDS["vessels"]
PAUSES = WORDS["pauses"]
EXECUTIONS = WORDS["executions"]
HELP_VERBS = WORDS["help_purposes"]
ING_ADJECTIVES = WORDS["ing_adjectives"]
EXERCISE_NOUNS = WORDS["exercise_nouns"]
RELIEF_WORDS = WORDS["relief_words"]
BOMB_WORDS = WORDS["bomb_words"]
AIR_WORDS = WORDS["air_words"]
PERSON_TITLES = WORDS["person_titles"]
WILLING = WORDS["willing"]
AMID_NOUNS = WORDS["amid_nouns"]
FACE_FORMS = WORDS["face_forms"]
NATION_WORDS = WORDS["nation_words"]
RESCUE_WORDS = WORDS["rescue_words"]
CAPTIVITY_WORDS = WORDS["captivity_words"]
DEFEAT_NOUNS = WORDS["defeat_nouns"]
JOINT_WORDS = WORDS["joint_words"]
CONSEQUENCES_PAST = WORDS["consequences_past"]
SITE_NOUNS = WORDS["site_nouns"]
RANK_WORDS = WORDS["rank_words"]
EFFORT_VERBS = WORDS["effort_verbs"]
