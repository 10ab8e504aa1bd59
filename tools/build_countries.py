"""Build pactwatch/knowledge/data/countries.json from pycountry's ISO 3166 data plus the hand-kept
facts in tools/country_extras.toml (names used in news, demonyms, capitals, Wikidata ids).

Run from the repository root: .venv/bin/python tools/build_countries.py
"""
from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
EXTRAS = ROOT / "tools" / "country_extras.toml"
OUT = ROOT / "pactwatch" / "knowledge" / "data" / "countries.json"


def reordered(iso_name: str) -> str | None:
    """ISO's inverted form read the way it is written in running text: "Korea, Republic of" ->
    "Republic of Korea", "Virgin Islands, British" -> "British Virgin Islands". Only a tail that
    ends in "of" ("of the") or is one word was moved behind the comma; a comma that lists places
    ("Bonaire, Sint Eustatius and Saba") or qualifies ("Taiwan, Province of China") gives nothing."""
    if ", " not in iso_name:
        return None
    head, _, tail = iso_name.partition(", ")
    if not (re.search(r"\bof( the)?$", tail) or " " not in tail):
        return None
    text = f"{tail} {head}"
    return text[4:] if text.startswith(("The ", "the ")) else text


def with_plurals(demonyms: list[str]) -> list[str]:
    """The demonyms and the plural of each that takes one ("Zambian" -> "Zambians"); a demonym
    ending in -ese, -s, -sh, -ch, -x, -z, -y or -ic is its own plural or has none ("Chinese",
    "Swiss", "British", "Malagasy", "Greenlandic")."""
    out = list(demonyms)
    for d in demonyms:
        if not re.search(r"(ese|s|sh|ch|x|z|y|ic)$", d) and d + "s" not in out:
            out.append(d + "s")
    return out


def canonical_name(country, extra: dict) -> str:
    """ISO 3166's name as pycountry gives it: the common name where ISO has one ("South Korea" for
    "Korea, Republic of"), else the short name ("Russian Federation", "Palestine, State of").
    Event datasets code actors by these names (PLOVER's gold does), so records join with theirs;
    the names news uses ("Russia", "Palestine") are aliases, and they are what a mention matches."""
    return getattr(country, "common_name", None) or country.name


def build() -> list[dict]:
    extras = tomllib.loads(EXTRAS.read_text(encoding="utf-8"))
    unknown = set(extras) - {c.alpha_3 for c in pycountry.countries}
    if unknown:
        raise SystemExit(f"{EXTRAS}: not ISO 3166 alpha-3 codes: {sorted(unknown)}")
    entries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        extra = extras.get(country.alpha_3, {})
        name = canonical_name(country, extra)
        kb_id = f"gpe:{country.alpha_3}"
        # ISO's names stay aliases: its short name, official name, common name and the inverted
        # short name put the right way round
        names = [extra.get("name"), country.name, reordered(country.name), getattr(country, "official_name", None),
                 getattr(country, "common_name", None), *extra.get("aliases", [])]
        aliases = []
        for n in names:
            # the inverted ISO form is kept out: nobody writes it in running text
            n = n and re.sub(r"^(the|The) ", "", n)
            if n and n != name and ", " not in n and n not in aliases:
                aliases.append(n)
        entry = {"id": kb_id, "name": name, "type": "GPE", "kind": "country", "alpha3": country.alpha_3,
                 "aliases": aliases, "demonyms": with_plurals(extra.get("demonyms", [])), "acts_for": kb_id}
        if extra.get("wikidata"):
            entry["wikidata"] = extra["wikidata"]
        if extra.get("context_aliases"):
            entry["context_aliases"] = extra["context_aliases"]
        capital = extra.get("capital")
        # a city-state (Singapore) is its own capital: no separate entry
        if capital and capital != name:
            entry["capital"] = f"gpe:{country.alpha_3}:capital"
        entries.append(entry)
        if capital and capital != name:
            entries.append({"id": f"gpe:{country.alpha_3}:capital", "name": capital, "type": "GPE",
                            "kind": "capital", "aliases": extra.get("capital_aliases", []),
                            "capital_of": kb_id, "acts_for": kb_id})
    return entries


def main() -> None:
    entries = build()
    OUT.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(entries)} entries to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
