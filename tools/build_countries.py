"""Build pactwatch/knowledge/data/countries.json from pycountry's ISO 3166 data plus the hand-kept
facts in tools/country_extras.toml (names used in news, demonyms, capitals, Wikidata ids).

Run from the repository root: .venv/bin/python tools/build_countries.py
"""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
EXTRAS = ROOT / "tools" / "country_extras.toml"
OUT = ROOT / "pactwatch" / "knowledge" / "data" / "countries.json"


def canonical_name(country) -> str:
    # ISO's common name where it has one ("South Korea" for "Korea, Republic of"), else its short
    # name: the spelling evaluation data and other tools use, so actors line up across systems
    return getattr(country, "common_name", None) or country.name


def build() -> list[dict]:
    extras = tomllib.loads(EXTRAS.read_text(encoding="utf-8"))
    unknown = set(extras) - {c.alpha_3 for c in pycountry.countries}
    if unknown:
        raise SystemExit(f"{EXTRAS}: not ISO 3166 alpha-3 codes: {sorted(unknown)}")
    entries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        extra = extras.get(country.alpha_3, {})
        name = canonical_name(country)
        kb_id = f"gpe:{country.alpha_3}"
        names = [country.name, getattr(country, "official_name", None), getattr(country, "common_name", None),
                 *extra.get("aliases", [])]
        aliases = []
        for n in names:
            # the inverted ISO form is kept out: nobody writes it in running text
            if n and n != name and ", " not in n and n.removeprefix("the ") not in aliases:
                aliases.append(n.removeprefix("the "))
        entry = {"id": kb_id, "name": name, "type": "GPE", "kind": "country", "alpha3": country.alpha_3,
                 "aliases": aliases, "demonyms": extra.get("demonyms", []), "acts_for": kb_id}
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
