"""The quantity lexicon: units, scales, qualifiers, measures and status triggers, loaded from
knowledge/data/measures.toml and quantity_status.toml (plus the same files in any --kb folder) and
validated, so a bad entry fails at load with the file and entry named."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pycountry

from .loader import Checked

MEASURES_FILE = "measures.toml"
STATUS_FILE = "quantity_status.toml"

UNIT_KINDS = ("currency", "percent", "persons", "count")
STATUSES = ("actual", "agreed", "pledged", "proposed", "demanded", "threatened", "speculative")
ROLES = ("holder", "target")
_MEASURE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

Phrase = tuple[str, ...]


def phrase(text: str) -> Phrase:
    """A lexicon entry as the words a tokenizer would give, lower-cased; hyphens split words the way
    spaCy splits "cost-sharing", and the hyphen tokens themselves are skipped when matching."""
    return tuple(w for w in re.split(r"[\s\-]+", text.strip().lower()) if w)


@dataclass(frozen=True)
class Measure:
    name: str
    nouns: tuple[Phrase, ...]
    verbs: frozenset[str]
    units: frozenset[str]
    modifier: str            # the role a state modifying the cue noun fills first
    modifier_first: bool     # whether that modifier outranks the verb's subject for the holder
    target_preps: frozenset[str]
    subject_is_target: frozenset[str]
    # where the target's goods go names the holder: "Korean cars entering the US", "exports to Japan"
    destination_verbs: frozenset[str] = frozenset()
    destination_preps: frozenset[str] = frozenset()
    # prepositions naming where the figure comes from, its holder ("investment from Japan")
    source_preps: frozenset[str] = frozenset()
    # wholes the measure is often stated as a share of ("2% of GDP"), as keys: one word, or initials
    share_of: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StatusTriggers:
    verbs: dict[Phrase, str]          # phrase -> status
    nouns: dict[Phrase, str]
    modifiers: dict[Phrase, str]
    modals: dict[str, str]            # auxiliary -> status
    change_status: str                # status of an amount an agent changed something to
    future_modals: frozenset[str]
    future: dict[str, str]            # measure -> status of a figure announced with "will"
    future_exclude: frozenset[str]    # verbs that keep things as they are ("will keep it at 15%")
    obligation_modals: frozenset[str]
    reporting_verbs: frozenset[str]   # verbs of saying: "would" under them is a shifted "will"
    backshifted: frozenset[str]
    self_requests: frozenset[str] = frozenset()   # asking for a sum from nobody named: a budget request
    self_request_status: str = "proposed"
    # "the pact includes 2%": a verb stating what something contains takes its subject's status
    content_verbs: frozenset[str] = frozenset()
    # "will impose 15% as part of a trade agreement": a future figure set inside a deal is agreed
    deal_markers: tuple[Phrase, ...] = ()
    deal_status: str = "agreed"
    # "wants to stay at 2%": wanting something for oneself proposes it, it asks nobody
    self_directed: frozenset[str] = frozenset()
    self_directed_status: str = "proposed"
    # "is expected to demand", "could demand": a trigger under a guess is a guess
    hedging_verbs: frozenset[str] = frozenset()
    hedging_adjectives: frozenset[str] = frozenset()
    # "was facing a 25% levy if it had not reached a deal": what did not happen
    counterfactual_status: str = "threatened"
    counterfactual_by_measure: dict[str, str] = field(default_factory=dict)
    part_nouns: frozenset[str] = frozenset()
    not_in_force: tuple[Phrase, ...] = ()


@dataclass(frozen=True)
class MeasureLexicon:
    currency_symbols: dict[str, str]
    currency_codes: dict[str, str]      # upper-case code -> ISO 4217 code
    currency_words: dict[str, str]
    dollar_issuers: dict[Phrase, str]
    multipliers: dict[str, float]
    multiplier_abbreviations: dict[str, float]
    percent_words: tuple[Phrase, ...]
    percent_suffixes: tuple[str, ...]
    point_words: tuple[Phrase, ...]
    basis_point_words: tuple[Phrase, ...]
    person_nouns: tuple[Phrase, ...]
    strength_words: frozenset[str]
    person_verbs: frozenset[str]
    payment_verbs: frozenset[str]
    not_amount_after: frozenset[str]
    not_amount_before: frozenset[str]
    qualifiers: tuple[Phrase, ...]
    change_verbs: frozenset[str]
    change_nouns: frozenset[str]
    part_phrases: tuple[Phrase, ...]
    measures: tuple[Measure, ...]
    member_bodies: dict[str, frozenset[str]]   # counted noun -> words naming the body they sit in
    status: StatusTriggers
    sources: tuple[str, ...] = field(default=())
    # state name -> its own dollar: "$US10 billion ($15 billion)" in an Australian story is A$15 billion
    local_dollars: dict[str, str] = field(default_factory=dict)
    # "$20 billion, which amounts to 2.8% of its GDP": words by which a share restates the amount before it
    restating_words: frozenset[str] = frozenset()
    # [roles]: verbs whose object pays ("could cost Canberra $235 billion"), nouns standing for the body
    # they belong to ("the countries in the alliance"), nouns of a split between two parties ("90% of
    # the profits")
    payer_object_verbs: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    split_nouns: frozenset[str] = frozenset()

    def measure(self, name: str) -> Measure | None:
        return next((m for m in self.measures if m.name == name), None)


# ---------------------------------------------------------------- validation helpers

class _Checker(Checked):
    """The loader's typed reads, and the two this lexicon adds: word maps and currency codes."""

    def word_map(self, data: dict, key: str, entry: str, kind) -> dict:
        value = self.table(data, key, entry)
        for k, v in value.items():
            if not k.strip() or not isinstance(v, kind) or isinstance(v, bool):
                self.fail(f"{entry}.{key}", f"entry '{k}' = {v!r} is not a {getattr(kind, '__name__', 'value')}")
        return value

    def currency(self, code: str, entry: str) -> str:
        if not isinstance(code, str) or pycountry.currencies.get(alpha_3=code.upper()) is None:
            self.fail(entry, f"'{code}' is not an ISO 4217 currency code")
        return code.upper()


def _number_map(check: _Checker, data: dict, key: str, entry: str) -> dict[str, float]:
    raw = check.table(data, key, entry)
    out = {}
    for k, v in raw.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
            check.fail(f"{entry}.{key}", f"entry '{k}' = {v!r} must be a positive number")
        out[k.lower()] = float(v)
    return out


def _measure(check: _Checker, name: str, raw) -> Measure:
    entry = f"measures.{name}"
    if not _MEASURE_NAME.match(name):
        check.fail(entry, "a measure name is lower-case letters, digits and underscores")
    if not isinstance(raw, dict):
        check.fail(entry, "must be a table")
    nouns = check.words(raw, "nouns", entry, required=False)
    verbs = check.words(raw, "verbs", entry, required=False)
    if not nouns and not verbs:
        check.fail(entry, "needs cue words: 'nouns', 'verbs' or both")
    units = check.words(raw, "units", entry)
    for u in units:
        if u not in UNIT_KINDS:
            check.fail(entry, f"unit '{u}' is not one of {', '.join(UNIT_KINDS)}")
    modifier = raw.get("modifier", "holder")
    if modifier not in ROLES:
        check.fail(entry, f"modifier '{modifier}' is not one of {', '.join(ROLES)}")
    modifier_first = raw.get("modifier_first", True)
    if not isinstance(modifier_first, bool):
        check.fail(entry, f"modifier_first must be true or false, not {modifier_first!r}")
    return Measure(name=name, modifier_first=modifier_first, nouns=tuple(sorted({phrase(c) for c in nouns}, key=len, reverse=True)),
                   verbs=frozenset(v.lower() for v in verbs),
                   units=frozenset(units), modifier=modifier,
                   target_preps=frozenset(w.lower() for w in check.words(raw, "target_preps", entry, required=False)),
                   subject_is_target=frozenset(w.lower() for w in check.words(raw, "subject_is_target", entry, required=False)),
                   destination_verbs=frozenset(w.lower() for w in check.words(raw, "destination_verbs", entry, required=False)),
                   destination_preps=frozenset(w.lower() for w in check.words(raw, "destination_preps", entry, required=False)),
                   source_preps=frozenset(w.lower() for w in check.words(raw, "source_preps", entry, required=False)),
                   share_of=frozenset(whole_key(w) for w in check.words(raw, "share_of", entry, required=False)))


def whole_key(text: str) -> str:
    """The key of a whole a share is of: one word as itself, several by their initials, so "gross
    domestic product" and "GDP" are the same whole."""
    words = phrase(text)
    return words[0] if len(words) == 1 else "".join(w[0] for w in words)


def _status(check: _Checker, data: dict, measure_names: set[str]) -> StatusTriggers:
    table = check.table(data, "status", "status")
    verbs: dict[Phrase, str] = {}
    nouns: dict[Phrase, str] = {}
    modifiers: dict[Phrase, str] = {}
    modals: dict[str, str] = {}
    for status, raw in table.items():
        entry = f"status.{status}"
        if status not in STATUSES:
            check.fail(entry, f"'{status}' is not one of {', '.join(STATUSES)}")
        if not isinstance(raw, dict):
            check.fail(entry, "must be a table")
        for key, target in (("verbs", verbs), ("nouns", nouns), ("modifiers", modifiers)):
            for w in check.words(raw, key, entry, required=False):
                target[phrase(w)] = status
        for w in check.words(raw, "modals", entry, required=False):
            modals[w.lower()] = status
    change = check.table(data, "change", "change")
    change_status = change.get("agentive")
    if change_status not in STATUSES:
        check.fail("change", f"agentive '{change_status}' is not one of {', '.join(STATUSES)}")
    future = check.table(data, "future", "future")
    by_measure = check.table(future, "statuses", "future")
    for m, status in by_measure.items():
        if m not in measure_names:
            check.fail("future.statuses", f"measure '{m}' is not defined in {MEASURES_FILE}")
        if status not in STATUSES:
            check.fail("future.statuses", f"{m} = '{status}' is not one of {', '.join(STATUSES)}")
    return StatusTriggers(verbs=verbs, nouns=nouns, modifiers=modifiers, modals=modals,
                          change_status=change_status,
                          future_modals=frozenset(w.lower() for w in check.words(future, "modals", "future")),
                          future=dict(by_measure),
                          future_exclude=frozenset(w.lower() for w in check.words(future, "exclude_verbs", "future", required=False)),
                          obligation_modals=frozenset(w.lower() for w in check.words(
                              check.table(data, "obligation", "obligation"), "modals", "obligation")),
                          reporting_verbs=frozenset(w.lower() for w in check.words(
                              check.table(data, "reported", "reported"), "verbs", "reported")),
                          backshifted=frozenset(w.lower() for w in check.words(
                              check.table(data, "reported", "reported"), "modals", "reported")),
                          **_self_request(check, data), **_frames(check, data))


def _frames(check: _Checker, data: dict) -> dict:
    """The optional tables that set a figure's status from the frame around its clause."""
    out: dict = {}
    for table_name, key, status_key in (("contents", "verbs", None), ("deal", "markers", "deal_status"),
                                        ("self_directed", "verbs", "self_directed_status"),
                                        ("hedged", "verbs", None), ("counterfactual", None, "counterfactual_status"),
                                        ("not_in_force", "phrases", None)):
        table = data.get(table_name)
        if table is None:
            continue
        if not isinstance(table, dict):
            check.fail(table_name, "must be a table")
        if status_key is not None and "status" in table:
            if table["status"] not in STATUSES:
                check.fail(table_name, f"status '{table['status']}' is not one of {', '.join(STATUSES)}")
            out[status_key] = table["status"]
        if table_name == "contents":
            out["content_verbs"] = frozenset(w.lower() for w in check.words(table, "verbs", table_name))
            out["part_nouns"] = frozenset(w.lower() for w in check.words(table, "part_nouns", table_name, required=False))
        elif table_name == "deal":
            out["deal_markers"] = _phrases(check.words(table, "markers", table_name))
        elif table_name == "self_directed":
            out["self_directed"] = frozenset(w.lower() for w in check.words(table, "verbs", table_name))
        elif table_name == "counterfactual":
            by_measure = table.get("statuses", {})
            if not isinstance(by_measure, dict) or any(v not in STATUSES for v in by_measure.values()):
                check.fail("counterfactual.statuses", f"each value must be one of {', '.join(STATUSES)}")
            out["counterfactual_by_measure"] = dict(by_measure)
        elif table_name == "not_in_force":
            out["not_in_force"] = _phrases(check.words(table, "phrases", table_name))
        elif table_name == "hedged":
            out["hedging_verbs"] = frozenset(w.lower() for w in check.words(table, "verbs", table_name))
            out["hedging_adjectives"] = frozenset(w.lower() for w in check.words(table, "adjectives", table_name, required=False))
    return out


def _self_request(check: _Checker, data: dict) -> dict:
    table = data.get("budget_request")
    if table is None:
        return {}
    if not isinstance(table, dict):
        check.fail("budget_request", "must be a table")
    status = table.get("status", "proposed")
    if status not in STATUSES:
        check.fail("budget_request", f"status '{status}' is not one of {', '.join(STATUSES)}")
    return {"self_requests": frozenset(w.lower() for w in check.words(table, "verbs", "budget_request")),
            "self_request_status": status}


def _members(check: _Checker, data: dict) -> dict[str, frozenset[str]]:
    table = data.get("members", {})
    if not isinstance(table, dict):
        check.fail("members", "must be a table")
    return {noun.lower(): frozenset(w.lower() for w in check.words(table, noun, "members"))
            for noun in table}


def _phrases(words: Iterable[str]) -> tuple[Phrase, ...]:
    return tuple(sorted({phrase(w) for w in words}, key=len, reverse=True))


def load(kb_dirs: Iterable[str | Path] = ()) -> MeasureLexicon:
    """The lexicon from the packaged data files, extended by the same files in `kb_dirs`."""
    kb_dirs = list(kb_dirs)
    mdata, check = _Checker.of(MEASURES_FILE, kb_dirs)
    mfiles = check.files
    units = check.table(mdata, "units", "units")
    symbols = check.word_map(units, "currency_symbols", "units", str)
    codes = {c.upper(): check.currency(c, "units.currency_codes") for c in check.words(units, "currency_codes", "units")}
    cwords = check.word_map(units, "currency_words", "units", str)
    issuers = check.word_map(units, "dollar_issuers", "units", str)
    measures_raw = check.table(mdata, "measures", "measures")
    measures = tuple(_measure(check, name, raw) for name, raw in measures_raw.items())
    if not measures:
        check.fail("measures", "defines no measure")
    qualifiers = check.table(mdata, "qualifiers", "qualifiers")
    changes = check.table(mdata, "changes", "changes")
    parts = check.table(mdata, "parts", "parts")

    sdata, scheck = _Checker.of(STATUS_FILE, kb_dirs)
    sfiles = scheck.files
    status = _status(scheck, sdata, {m.name for m in measures})

    return MeasureLexicon(
        currency_symbols={k: check.currency(v, f"units.currency_symbols.{k}") for k, v in symbols.items()},
        currency_codes=codes,
        currency_words={k.lower(): check.currency(v, f"units.currency_words.{k}") for k, v in cwords.items()},
        dollar_issuers={phrase(k): check.currency(v, f"units.dollar_issuers.{k}") for k, v in issuers.items()},
        multipliers=_number_map(check, units, "multipliers", "units"),
        multiplier_abbreviations=_number_map(check, units, "multiplier_abbreviations", "units"),
        percent_words=_phrases(check.words(units, "percent_words", "units")),
        percent_suffixes=tuple(sorted({w.lower() for w in check.words(units, "percent_suffixes", "units")}, key=len, reverse=True)),
        point_words=_phrases(check.words(units, "point_words", "units")),
        basis_point_words=_phrases(check.words(units, "basis_point_words", "units")),
        person_nouns=_phrases(check.words(units, "person_nouns", "units")),
        strength_words=frozenset(w.lower() for w in check.words(units, "strength_words", "units")),
        person_verbs=frozenset(w.lower() for w in check.words(units, "person_verbs", "units")),
        payment_verbs=frozenset(w.lower() for w in check.words(units, "payment_verbs", "units")),
        not_amount_after=frozenset(w.lower() for w in check.words(units, "not_amount_after", "units")),
        not_amount_before=frozenset(w.lower() for w in check.words(units, "not_amount_before", "units")),
        qualifiers=_phrases(check.words(qualifiers, "phrases", "qualifiers")),
        change_verbs=frozenset(w.lower() for w in check.words(changes, "verbs", "changes")),
        change_nouns=frozenset(w.lower() for w in check.words(changes, "nouns", "changes")),
        part_phrases=_phrases(check.words(parts, "phrases", "parts")),
        measures=measures,
        member_bodies=_members(check, mdata),
        status=status,
        sources=tuple(mfiles + sfiles),
        local_dollars={k: check.currency(v, f"units.local_dollars.{k}")
                       for k, v in check.word_map(units, "local_dollars", "units", str).items()}
        if "local_dollars" in units else {},
        restating_words=frozenset(w.lower() for w in check.words(
            check.table(mdata, "restatements", "restatements"), "words", "restatements"))
        if "restatements" in mdata else frozenset(),
        **_roles(check, mdata),
    )


def _roles(check: _Checker, data: dict) -> dict:
    if "roles" not in data:
        return {}
    table = check.table(data, "roles", "roles")
    return {key: frozenset(w.lower() for w in check.words(table, key, "roles", required=False))
            for key in ("payer_object_verbs", "group_nouns", "split_nouns")}
