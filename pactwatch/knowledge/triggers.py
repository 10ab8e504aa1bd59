"""The event trigger lexicon and modality cues: loaded from knowledge/data/triggers.toml and
modality.toml, validated, and frozen into the sets and dicts the events component looks up."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from .loader import Checked

TRIGGERS_FILE = "triggers.toml"
MODALITY_FILE = "modality.toml"

EVENT_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "TRANSITION",
})
MODALITIES = ("asserted", "planned", "speculative", "negated")


@dataclass(frozen=True)
class Triggers:
    """Lemma lookups for the events component; every key lower case."""
    verbs: Mapping[str, str]              # lemma -> type
    phrasal_verbs: Mapping[tuple[str, str], str]   # (lemma, particle) -> type
    nouns: Mapping[str, str]              # lemma -> type
    noun_phrases: Mapping[tuple[str, str], str]    # (modifier lemma, head lemma) -> type
    light_nouns: Mapping[str, str]        # lemma -> type, only as a light verb's object
    light_verbs: frozenset[str]
    event_heads: frozenset[str]          # nouns a trigger may modify and still name an event
    reporting_verbs: frozenset[str]
    clausal_reporting: frozenset[str]     # trigger verbs that only report when they take a clause
    negators: frozenset[str]
    phrasal_negators: frozenset[tuple[str, str]]
    reversals: frozenset[str]
    reversal_types: Mapping[str, str]     # object's type -> type of its undoing
    reversal_nouns: Mapping[str, str]     # object lemma -> type of its undoing
    reversal_nominals: frozenset[str]     # nouns of undoing: "suspension", "lifting"
    reversible_nouns: Mapping[str, str]   # nouns that name an event only when undone: "ties"
    acceptances: frozenset[str]
    acceptance_types: Mapping[str, str]   # object's type -> type of granting it
    announced_intent: Mapping[str, str]   # type of a stated future act -> PLOVER type
    speculative_auxiliaries: frozenset[str]
    speculative_words: frozenset[str]
    speculative_markers: frozenset[str]
    hypothetical_markers: frozenset[str]
    ultimatum_markers: frozenset[str]
    planned_auxiliaries: frozenset[str]
    planned_words: frozenset[str]
    intent_words: frozenset[str]
    negation_words: frozenset[str]
    conditional_auxiliaries: frozenset[str]
    obligation_auxiliaries: frozenset[str]
    obligation_type: str
    office_nouns: frozenset[str] = frozenset()     # a term of office: "term", "presidency"
    office_verbs: frozenset[str] = frozenset()     # what a term does when it starts or ends
    office_phrasal: frozenset[tuple[str, str]] = frozenset()   # ("take", "over")
    office_type: str = "TRANSITION"
    office_becoming: frozenset[str] = frozenset()   # "become": with a title, taking office
    office_titles: frozenset[str] = frozenset()     # head nouns of office titles: "president"
    office_ending: frozenset[str] = frozenset()     # TRANSITION triggers that end a tenure
    prepositional_verbs: Mapping[tuple[str, str, str], str] = field(default_factory=dict)   # (lemma, prep, noun) -> type
    pending_markers: frozenset[str] = frozenset()   # "until", "once": in the present, a condition
    future_time_markers: frozenset[str] = frozenset()   # "before", "after": in the present, the future
    mandative_verbs: frozenset[str] = frozenset()   # "insist that X pay": a demand of X
    preparations: frozenset[str] = frozenset()      # "prepared to attack": readying the act
    preparation_types: Mapping[str, str] = field(default_factory=dict)   # type readied -> type
    joint_nouns: frozenset[str] = frozenset()       # "drill", "exercise": held together, cooperation
    joint_types: Mapping[str, str] = field(default_factory=dict)   # type held alone -> held together
    conditional_offer: Mapping[str, str] = field(default_factory=dict)   # "would meet if ...": an offer
    publishing: frozenset[str] = frozenset()        # "released a joint statement": the noun is the event
    office_leaving: frozenset[str] = frozenset()    # "quit": leaving office with no object
    office_leaving_objects: frozenset[str] = frozenset()   # "quit his post"
    office_winning: frozenset[str] = frozenset()    # "win": with a person as subject, an election
    office_winning_objects: frozenset[str] = frozenset()   # "won the vote", "won the runoff"
    office_removing: frozenset[str] = frozenset()   # "fired", "dismissed": with a person as object
    office_officials: frozenset[str] = frozenset()  # "secretary", "chief": who can hold an office
    documents: frozenset[str] = frozenset()         # "released a report": putting out a text, no event
    party_verbs: frozenset[str] = frozenset()       # "meet": an event only with a party as object
    party_nouns: frozenset[str] = frozenset()       # "met his counterpart": nouns that name a party
    standing_agreements: frozenset[str] = frozenset()   # "cancelled the deal": a commitment renounced
    renouncing: frozenset[str] = frozenset()        # "cancel", "scrap": verbs that renounce one
    described_acts: frozenset[str] = frozenset()    # types a participle with an agent or date still reports
    party_required: frozenset[str] = frozenset()    # "charge": an event only done to a party
    no_object: frozenset[str] = frozenset()         # "demonstrate": an event only with no object
    noun_object: frozenset[str] = frozenset()       # "seek": an event only with a noun object
    recipient: Mapping[str, str] = field(default_factory=dict)   # "contribute" -> "to": given to an actor
    question_markers: frozenset[str] = frozenset()  # "asked whether ...": a question
    own_instruments: frozenset[str] = frozenset()   # "signed an order": no agreement
    event_object: frozenset[str] = frozenset()      # "attend": an event only with a meeting attended
    sent_from: frozenset[str] = frozenset()         # types whose noun's "from X" is the sender
    consequences: frozenset[str] = frozenset()      # "..., sparking warnings": an act of its own
    receivers: frozenset[str] = frozenset()         # "drew criticism from X": the subject undergoes it
    refused_intent: Mapping[str, str] = field(default_factory=dict)   # "will never compromise": REJECT
    authorizing: frozenset[str] = frozenset()       # "approved the sale": the noun is the act
    present_obligations: frozenset[str] = frozenset()   # "we have to talk": planned
    travel_present: frozenset[str] = frozenset()    # "head to Washington for talks": planned
    instruments: frozenset[str] = frozenset()       # "Act", "Order": names of laws, never actors


def _table(data: dict, key: str, file: Checked) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        file.fail(key, "must be a table")
    return value


def _word(value, file: Checked, where: str, words: int = 1) -> str:
    if not isinstance(value, str) or not value.strip() or value != value.strip().lower() \
            or len(value.split()) != words:
        kind = "one lower-case word" if words == 1 else f"{words} lower-case words"
        file.fail(where, f"{value!r} must be {kind}")
    return value


def _typed(table: dict, file: Checked, section: str, words: int = 1) -> dict:
    out = {}
    for key, kind in table.items():
        _word(key, file, f"{section}.{key}", words)
        if kind not in EVENT_TYPES:
            file.fail(f"{section}.{key}", f"unknown event type {kind!r}; known: {', '.join(sorted(EVENT_TYPES))}")
        out[tuple(key.split()) if words > 1 else key] = kind
    return out


def _type_map(table: dict, file: Checked, section: str) -> dict[str, str]:
    for key, kind in table.items():
        if key not in EVENT_TYPES or kind not in EVENT_TYPES:
            file.fail(f"{section}.{key}", f"{key!r} = {kind!r}: both must be event types")
    return dict(table)


def _words(data: dict, section: str, key: str, file: Checked, words: int = 1) -> frozenset:
    table = _table(data, section, file)
    values = table.get(key, [])
    if not isinstance(values, list):
        file.fail(f"{section}.{key}", "must be a list of words")
    return frozenset(tuple(_word(v, file, f"{section}.{key}", words).split()) if words > 1
                     else _word(v, file, f"{section}.{key}") for v in values)


def _recipients(table: dict, file: Checked) -> dict[str, str]:
    return {_word(verb, file, f"frames.recipient.{verb}"): _word(prep, file, f"frames.recipient.{verb}")
            for verb, prep in table.items()}


def _event_types(values, file: Checked, section: str) -> frozenset[str]:
    if not isinstance(values, list) or any(v not in EVENT_TYPES for v in values):
        file.fail(section, f"types must be a list of event types; known: {', '.join(sorted(EVENT_TYPES))}")
    return frozenset(values)


def _word_or_phrase(value, file: Checked, where: str) -> str:
    if not isinstance(value, str) or not value.strip() or value != value.strip().lower():
        file.fail(where, f"{value!r} must be lower-case words")
    return value


def load(folders: Iterable[Path | str] = ()) -> Triggers:
    """The lexicon shipped in knowledge/data, extended by the same files in `folders` (see loader.py:
    later folders win on a key, lists gain entries). Raises KnowledgeError naming the file and the entry on bad data.

    Long because it is one flat list: a line per field of Triggers, each saying where in the files
    that field is read from; splitting it would only scatter that list."""
    folders = list(folders)
    t, tf = Checked.of(TRIGGERS_FILE, folders)
    m, mf = Checked.of(MODALITY_FILE, folders)

    reversals = _table(t, "reversals", tf)
    reversal_types = _type_map(_table(reversals, "types", tf), tf, "reversals.types")
    intent = _type_map(_table(t, "announced_intent", tf), tf, "announced_intent")
    obligation = _table(m, "obligation", mf)
    obligation_type = obligation.get("type", "REQUEST")
    if obligation_type not in EVENT_TYPES:
        mf.fail("obligation", f"type {obligation_type!r}: unknown event type")
    office = _table(t, "office_terms", tf)
    office_type = office.get("type", "TRANSITION")
    if office_type not in EVENT_TYPES:
        tf.fail("office_terms", f"type {office_type!r}: unknown event type")
    planned_words = frozenset(_word_or_phrase(w, mf, "planned.words")
                              for w in _table(m, "planned", mf).get("words", []))
    speculative_words = frozenset(_word_or_phrase(w, mf, "speculative.words")
                                  for w in _table(m, "speculative", mf).get("words", []))
    return Triggers(
        verbs=_typed(_table(t, "verbs", tf), tf, "verbs"),
        phrasal_verbs=_typed(_table(t, "phrasal_verbs", tf), tf, "phrasal_verbs", 2),
        nouns=_typed(_table(t, "nouns", tf), tf, "nouns"),
        noun_phrases=_typed(_table(t, "noun_phrases", tf), tf, "noun_phrases", 2),
        light_nouns=_typed(_table(t, "light_nouns", tf), tf, "light_nouns"),
        light_verbs=_words(t, "light_verbs", "lemmas", tf),
        event_heads=_words(t, "event_heads", "lemmas", tf),
        reporting_verbs=_words(t, "reporting_verbs", "lemmas", tf),
        clausal_reporting=_words(t, "reporting_verbs", "with_clause", tf),
        negators=_words(t, "negators", "lemmas", tf),
        phrasal_negators=_words(t, "negators", "phrasal", tf, 2),
        reversals=_words(t, "reversals", "lemmas", tf),
        reversal_types=reversal_types,
        reversal_nouns=_typed(_table(reversals, "nouns", tf), tf, "reversals.nouns"),
        reversal_nominals=_words(t, "reversals", "nominals", tf),
        reversible_nouns=_typed(_table(reversals, "objects", tf), tf, "reversals.objects"),
        acceptances=_words(t, "acceptances", "lemmas", tf),
        acceptance_types=_type_map(_table(_table(t, "acceptances", tf), "types", tf), tf, "acceptances.types"),
        announced_intent=intent,
        speculative_auxiliaries=_words(m, "speculative", "auxiliaries", mf),
        speculative_words=speculative_words,
        speculative_markers=_words(m, "speculative", "markers", mf),
        hypothetical_markers=_words(m, "hypothetical", "markers", mf),
        ultimatum_markers=_words(m, "hypothetical", "ultimatum", mf),
        planned_auxiliaries=_words(m, "planned", "auxiliaries", mf),
        planned_words=planned_words,
        intent_words=_words(m, "planned", "intent", mf),
        negation_words=_words(m, "negated", "words", mf),
        conditional_auxiliaries=_words(m, "conditional", "auxiliaries", mf),
        obligation_auxiliaries=_words(m, "obligation", "auxiliaries", mf),
        obligation_type=obligation_type,
        office_nouns=_words(t, "office_terms", "nouns", tf),
        office_verbs=_words(t, "office_terms", "verbs", tf),
        office_phrasal=_words(t, "office_terms", "phrasal", tf, 2),
        office_type=office_type,
        office_becoming=_words(t, "office_terms", "becoming", tf),
        office_titles=_words(t, "office_terms", "titles", tf),
        office_ending=_words(t, "office_terms", "ending", tf),
        prepositional_verbs=_typed(_table(t, "prepositional_verbs", tf), tf, "prepositional_verbs", 3),
        pending_markers=_words(m, "hypothetical", "pending", mf),
        future_time_markers=_words(m, "planned", "time_clauses", mf),
        mandative_verbs=_words(m, "obligation", "mandative", mf),
        preparations=_words(t, "preparations", "lemmas", tf),
        preparation_types=_type_map(_table(_table(t, "preparations", tf), "types", tf), tf, "preparations.types"),
        joint_nouns=_words(t, "joint", "lemmas", tf),
        joint_types=_type_map(_table(_table(t, "joint", tf), "types", tf), tf, "joint.types"),
        publishing=_words(t, "publishing", "lemmas", tf),
        conditional_offer=_type_map(_table(t, "conditional_offer", tf), tf, "conditional_offer"),
        office_leaving=_words(t, "office_terms", "leaving", tf),
        office_leaving_objects=_words(t, "office_terms", "leaving_objects", tf),
        office_removing=_words(t, "office_terms", "removing", tf),
        office_winning=_words(t, "office_terms", "winning", tf),
        office_winning_objects=_words(t, "office_terms", "winning_objects", tf),
        office_officials=_words(t, "office_terms", "officials", tf),
        documents=_words(t, "publishing", "documents", tf),
        party_verbs=_words(t, "party_objects", "verbs", tf),
        party_nouns=_words(t, "party_objects", "nouns", tf),
        standing_agreements=_words(t, "negators", "standing_agreements", tf),
        renouncing=_words(t, "negators", "renouncing", tf),
        party_required=_words(t, "frames", "party_required", tf),
        no_object=_words(t, "frames", "no_object", tf),
        noun_object=_words(t, "frames", "noun_object", tf),
        recipient=_recipients(_table(_table(t, "frames", tf), "recipient", tf), tf),
        question_markers=_words(t, "frames", "question_markers", tf),
        own_instruments=_words(t, "frames", "own_instruments", tf),
        event_object=_words(t, "frames", "event_object", tf),
        sent_from=_event_types(_table(t, "sent_from", tf).get("types", []), tf, "sent_from"),
        consequences=_words(t, "consequences", "lemmas", tf),
        receivers=_words(t, "receivers", "lemmas", tf),
        refused_intent=_type_map(_table(t, "refused_intent", tf), tf, "refused_intent"),
        authorizing=_words(t, "authorizing", "lemmas", tf),
        present_obligations=_words(m, "planned", "obligations", mf),
        travel_present=_words(m, "planned", "travel", mf),
        instruments=_words(t, "instruments", "words", tf),
        described_acts=_event_types(_table(t, "described_acts", tf).get("types", []), tf, "described_acts"),
    )
