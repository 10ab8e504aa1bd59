"""The actor knowledge base: countries, capitals, people and their offices, organisations, places,
named events, and the titles news uses for offices. Loaded from data files, validated entry by entry
(a bad entry raises KnowledgeError naming the file and the entry), extended by the user's folders,
whose entries add to or replace the built-in ones by id."""
from __future__ import annotations

import datetime as _dt
import functools
import re
from pathlib import Path
from typing import Iterable

from .identity import norm_name as norm   # the one name key (identity.py)
from .loader import DATA, error, folders, packaged_names, read_file, user_files
# the built-in files this module owns; other files in data/ belong to other components
BUILTIN_FILES = ("countries.json", "people.toml", "organisations.toml", "places.toml",
                 "named_events.toml", "roles.toml", "not_names.toml")
# section of a file -> the type its entries get when they do not say
SECTIONS = {"countries": "GPE", "people": "PERSON", "orgs": "ORG", "organisations": "ORG",
            "places": None, "events": "EVENT"}
TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "NORP", "PRODUCT"}
_LIST_FIELDS = ("aliases", "short", "demonyms", "generic", "anaphors", "contains")
_REF_FIELDS = ("acts_for", "part_of", "capital", "capital_of")
# the tables and lists a file of actor knowledge may hold
_KEYS = {*SECTIONS, "titles", "heads", "not_names", "organs", "name_words"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# the word lists of the `organs` table (roles.toml)
ORGAN_FIELDS = ("heads", "modified_heads", "modifiers", "federal", "anaphors", "federations")
# the word lists of the `name_words` table (not_names.toml): words around a name that change what it names
NAME_WORD_FIELDS = ("suffixes", "generic_determiners", "type_suffixes", "modifier_suffixes", "event_heads")


_UNSET = object()   # a state_of answer not worked out yet (None is an answer)


class KnowledgeBase:
    """Entries by id, names to entries, and the titles of offices."""

    def __init__(self, entries: dict[str, dict], titles: list[dict], heads: Iterable[str] = (),
                 not_names: Iterable[str] = (), organs: dict | None = None, name_words: dict | None = None):
        self.entries = entries
        # words around a name (see not_names.toml's [name_words]): as written, and lowercased
        self.name_words: dict[str, set[str]] = {f: set((name_words or {}).get(f, ())) for f in NAME_WORD_FIELDS}
        self.titles = titles
        self.heads = set(heads)     # roles whose holder heads a government
        self.not_names = {norm(n) for n in not_names}   # common nouns that alone name no one
        # generic references to a state's organs ("federal agents", "the authorities"): word lists
        # by field (see roles.toml), lowercased; `federations` holds kb ids
        organs = organs or {}
        self.organs: dict[str, set[str]] = {f: {w.lower() for w in organs.get(f, ())} for f in ORGAN_FIELDS
                                            if f != "federations"}
        self.federations: set[str] = set(organs.get("federations", ()))
        self.folders: tuple[str, ...] = ()   # the --kb folders (set by build)
        self._states: dict[str | None, str | None] = {}   # state_of's answers, by kb id
        self._by_name: dict[str, list[str]] = {}
        self._by_other: dict[str, list[str]] = {}   # demonyms, shared names, family names
        for kb_id, entry in entries.items():
            for index, names in ((self._by_name, (entry["name"], *entry["aliases"])),
                                 (self._by_other, (*entry["demonyms"], *entry["generic"], *entry["short"]))):
                for name in names:
                    ids = index.setdefault(norm(name), [])
                    if kb_id not in ids:
                        ids.append(kb_id)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries.values())

    def get(self, kb_id: str | None) -> dict | None:
        return self.entries.get(kb_id) if kb_id else None

    def find(self, name: str) -> dict | None:
        """The entry named `name` (its name or any alias, case-insensitive); when several share the
        name, the one whose canonical name it is, else the first loaded. Failing that, the one entry
        with that demonym, shared name or family name ("American", "Trump"), if only one has it."""
        ids = self._by_name.get(norm(name or ""), [])
        if not ids:
            others = self._by_other.get(norm(name or ""), [])
            return self.entries[others[0]] if len(others) == 1 else None
        exact = [i for i in ids if norm(self.entries[i]["name"]) == norm(name)]
        return self.entries[(exact or ids)[0]]

    def find_all(self, name: str) -> list[dict]:
        return [self.entries[i] for i in self._by_name.get(norm(name or ""), [])]

    def state_of(self, kb_id: str | None) -> str | None:
        """The kb id of the state an entry acts for (a state acts for itself). Worked out once per
        entry: the linker asks for every mention of every candidate, and the base does not change
        once built."""
        found = self._states.get(kb_id, _UNSET)
        if found is _UNSET:
            found = self._states[kb_id] = self._state_of(kb_id)
        return found

    def _state_of(self, kb_id: str | None) -> str | None:
        """`state_of`, walked afresh."""
        entry = self.get(kb_id)
        seen = set()
        while entry and entry["id"] not in seen:
            seen.add(entry["id"])
            if entry.get("kind") == "country":
                return entry["id"]
            nxt = entry.get("acts_for")
            if not nxt or nxt == entry["id"]:
                return nxt
            entry = self.get(nxt)
        return None

    def roles_at(self, person_id: str, date: str) -> list[dict]:
        """The offices a person held on `date` (YYYY-MM-DD)."""
        person = self.get(person_id) or {}
        return [r for r in person.get("roles", []) if r["start"] <= date and (r["end"] is None or date < r["end"])]

    def state_for_person(self, person_id: str, date: str) -> str | None:
        """The state a person acts for on `date`: that of an office held then, else of the latest
        office held before (a former minister still speaks for the state he served)."""
        person = self.get(person_id) or {}
        held = self.roles_at(person_id, date)
        if not held:
            held = sorted((r for r in person.get("roles", []) if r["start"] <= date), key=lambda r: r["start"])[-1:]
        for role in held:
            state = self.state_of(role["of"])
            if state:
                return state
        return person.get("acts_for")

    def holders(self, roles: Iterable[str], state: str | None, date: str) -> list[dict]:
        """People holding the first of `roles` that anyone held for `state` on `date`."""
        for role in roles:
            found = [p for p in self.entries.values() if p["type"] == "PERSON"
                     and any(r["role"] == role and (state is None or self.state_of(r["of"]) == state)
                             for r in self.roles_at(p["id"], date))]
            if found:
                return found
        return []


# ---------------------------------------------------------------- loading and validation
def _read(path: Path) -> dict:
    data = read_file(path)
    # countries.json is a bare list of country entries
    return {"countries": data} if isinstance(data, list) else data


def _date(value, path: Path, label: str, field: str, optional: bool = False) -> str | None:
    if optional and value in (None, ""):
        return None
    if not isinstance(value, str) or not _DATE.match(value):
        raise error(path, f"{field} must be a date YYYY-MM-DD, not {value!r}", label)
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise error(path, f"{field} {value!r} is not a real date", label) from None
    return value


def _entry(raw, section: str, index: int, path: Path) -> dict:
    label = f"{section}[{index}]"
    if not isinstance(raw, dict):
        raise error(path, f"must be a table of fields, not {type(raw).__name__}", label)
    kb_id = raw.get("id")
    if not isinstance(kb_id, str) or not kb_id.strip():
        raise error(path, "missing 'id'", label)
    label = f"entry {kb_id!r}"
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise error(path, "missing 'name'", label)
    etype = raw.get("type") or SECTIONS[section]
    if etype not in TYPES:
        raise error(path, f"type must be one of {sorted(TYPES)}, not {etype!r}", label)
    entry = dict(raw)
    entry.update(id=kb_id, name=name, type=etype)
    for field in _LIST_FIELDS:
        value = raw.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise error(path, f"{field} must be a list of names", label)
        entry[field] = list(value)
    for field in _REF_FIELDS:
        value = raw.get(field)
        if value is not None and (not isinstance(value, str) or not value):
            raise error(path, f"{field} must be a kb id", label)
        entry[field] = value
    context = raw.get("context_aliases", [])
    if not isinstance(context, list) or not all(
            isinstance(c, dict) and isinstance(c.get("alias"), str) and isinstance(c.get("requires"), list)
            for c in context):
        raise error(path, f"context_aliases must be a list of {{alias, requires}}", label)
    entry["context_aliases"] = context
    roles = raw.get("roles", [])
    if etype != "PERSON" and roles:
        raise error(path, "only people hold roles", label)
    if not isinstance(roles, list):
        raise error(path, "roles must be a list", label)
    entry["roles"] = []
    for r in roles:
        if not isinstance(r, dict) or not isinstance(r.get("role"), str) or not isinstance(r.get("of"), str):
            raise error(path, "each role needs 'role' and 'of'", label)
        start = _date(r.get("start"), path, label, f"role {r['role']!r} start")
        end = _date(r.get("end"), path, label, f"role {r['role']!r} end", optional=True)
        if end is not None and end < start:
            raise error(path, f"role {r['role']!r} ends ({end}) before it starts ({start})", label)
        entry["roles"].append({"role": r["role"], "of": r["of"], "start": start, "end": end})
    return entry


def _title(raw, index: int, path: Path) -> dict:
    label = f"titles[{index}]"
    if not isinstance(raw, dict):
        raise error(path, "must be a table of fields", label)
    words, roles = raw.get("words"), raw.get("roles")
    for field, value in (("words", words), ("roles", roles)):
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise error(path, f"{field} must be a non-empty list of strings", label)
    country = raw.get("country")
    if country is not None and not isinstance(country, str):
        raise error(path, "country must be a kb id", label)
    known = raw.get("holders_known", True)
    if not isinstance(known, bool):
        raise error(path, "holders_known must be true or false", label)
    return {"words": list(words), "roles": list(roles), "country": country, "holders_known": known,
            "_file": str(path)}


def _load_file(path: Path, entries: dict, sources: dict, titles: list, heads: set, not_names: set,
               override: bool, organs: dict | None = None, name_words: dict | None = None) -> None:
    data = _read(path)
    if not isinstance(data, dict):
        raise error(path, "must hold tables of entries")
    seen_here: set[str] = set()
    for section in SECTIONS:
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            raise error(path, f"{section} must be a list of entries")
        for i, raw in enumerate(items):
            entry = _entry(raw, section, i, path)
            kb_id = entry["id"]
            if kb_id in seen_here or (kb_id in entries and not override):
                raise error(path, "id used twice" + (f" (also in {sources[kb_id]})" if kb_id in sources else ""),
                            f"entry {kb_id!r}")
            seen_here.add(kb_id)
            entries[kb_id] = entry
            sources[kb_id] = str(path)
    raw_titles = data.get("titles")
    if raw_titles is not None:
        if not isinstance(raw_titles, list):
            raise error(path, "titles must be a list")
        titles.extend(_title(t, i, path) for i, t in enumerate(raw_titles))
    raw_heads = data.get("heads")
    if raw_heads is not None:
        if not isinstance(raw_heads, list) or not all(isinstance(h, str) and h for h in raw_heads):
            raise error(path, "heads must be a list of role names")
        heads.update(raw_heads)
    raw_not_names = data.get("not_names")
    if raw_not_names is not None:
        if not isinstance(raw_not_names, list) or not all(isinstance(n, str) and n for n in raw_not_names):
            raise error(path, "not_names must be a list of words")
        not_names.update(raw_not_names)
    raw_organs = data.get("organs")
    if raw_organs is not None:
        if not isinstance(raw_organs, dict):
            raise error(path, "organs must be a table of word lists")
        for field, words in raw_organs.items():
            if field not in ORGAN_FIELDS:
                raise error(path, f"unknown field {field!r} (known: {', '.join(ORGAN_FIELDS)})", "organs")
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise error(path, f"{field} must be a list of words", "organs")
            if organs is not None:
                organs.setdefault(field, set()).update(words)
    raw_name_words = data.get("name_words")
    if raw_name_words is not None:
        if not isinstance(raw_name_words, dict):
            raise error(path, "name_words must be a table of word lists")
        for field, words in raw_name_words.items():
            if field not in NAME_WORD_FIELDS:
                raise error(path, f"unknown field {field!r} (known: {', '.join(NAME_WORD_FIELDS)})", "name_words")
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise error(path, f"{field} must be a list of words", "name_words")
            if name_words is not None:
                name_words.setdefault(field, set()).update(words)


def _check_references(entries: dict, sources: dict, titles: list) -> None:
    for kb_id, entry in entries.items():
        path, where = sources[kb_id], f"entry {kb_id!r}"
        for field in _REF_FIELDS:
            if entry.get(field) and entry[field] not in entries:
                raise error(path, f"{field} {entry[field]!r} is not in the knowledge base", where)
        for ref in entry["contains"]:
            if ref not in entries:
                raise error(path, f"contains {ref!r}, which is not in the knowledge base", where)
        for c in entry["context_aliases"]:
            for ref in c["requires"]:
                if ref not in entries:
                    raise error(path, f"context alias {c['alias']!r} requires unknown {ref!r}", where)
        for r in entry["roles"]:
            if r["of"] not in entries:
                raise error(path, f"role {r['role']!r} of {r['of']!r}, which is not in the knowledge base", where)
    for t in titles:
        if t["country"] and t["country"] not in entries:
            raise error(t["_file"], f"country {t['country']!r} is not in the knowledge base", f"title {t['words'][0]!r}")


def _people_act_for(entries: dict) -> None:
    # a person's standing acts_for is the state of the latest office held
    kb = KnowledgeBase(entries, [])
    for entry in entries.values():
        if entry["type"] == "PERSON" and not entry.get("acts_for") and entry["roles"]:
            latest = max(entry["roles"], key=lambda r: r["start"])
            entry["acts_for"] = kb._state_of(latest["of"])   # the entries change as it goes: no memo


def build(extra_dirs: Iterable[str | Path] = ()) -> KnowledgeBase:
    """A fresh knowledge base from the built-in files, then each folder of `extra_dirs` in order."""
    entries: dict[str, dict] = {}
    sources: dict[str, str] = {}
    titles: list[dict] = []
    heads: set[str] = set()
    not_names: set[str] = set()
    organs: dict[str, set[str]] = {}
    name_words: dict[str, set[str]] = {}
    for name in BUILTIN_FILES:
        _load_file(DATA / name, entries, sources, titles, heads, not_names, override=False, organs=organs,
                   name_words=name_words)
    for path in user_files(extra_dirs):
        if path.name not in packaged_names() and not _KEYS & set(_read(path)):
            # a misspelt "time_word.toml" would otherwise add nothing, silently
            raise error(path, "is named like no packaged knowledge file and holds no actor entries",
                        fix="name it like the file it adds to (" + ", ".join(sorted(packaged_names())) + ")")
        _load_file(path, entries, sources, titles, heads, not_names, override=True, organs=organs,
                   name_words=name_words)
    _check_references(entries, sources, titles)
    for state in organs.get("federations", ()):
        if state not in entries:
            raise error(DATA / "roles.toml", f"federation {state!r} is not in the knowledge base", "organs")
    _people_act_for(entries)
    kb = KnowledgeBase(entries, titles, heads, not_names, organs, name_words)
    # the user's folders it was built with: reconciliation reads the other knowledge files with them
    kb.folders = folders(extra_dirs)
    return kb


@functools.lru_cache(maxsize=8)
def _cached(extra_dirs: tuple[str, ...]) -> KnowledgeBase:
    return build(extra_dirs)


def load(extra_dirs: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The knowledge base, built once per process for each list of extra folders. Callers must
    not modify it."""
    return _cached(folders(extra_dirs))
