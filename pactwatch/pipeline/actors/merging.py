"""Entities the knowledge base lacks, merged within the document: one canonical name and one type
per entity ("Holloway" is "Margaret Holloway", "Savin" is "Savin Corp.", "SB" defined in brackets
is "Some Body"), and the state any mention of it was seen acting for."""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from .mention import ActorMention, strip_possessive


def merge_unknown(doc: Doc, mentions: list[ActorMention]) -> None:
    """Entities the KB lacks: one canonical name per entity within the document. A later
    one-word mention takes the full name it shortens; an acronym defined in brackets after a
    name ("Some Body (SB)") stands for that name wherever it appears."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for m in [m for m in mentions if not m.kb_id and m.kind == "model" and m.end - m.start >= 2]:
        e = m.end
        if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and e + 1 not in covered \
                and doc[e + 1].is_upper and len(doc[e + 1]) >= 2:
            mentions.append(ActorMention(e + 1, e + 2, label=m.label, kind="model"))
    unknown = sorted((m for m in mentions if not m.kb_id and m.kind == "model"), key=lambda m: m.start)
    # organisations' full names anywhere in the text: "Savin" before or after "Savin Corp."
    multi_word = [(strip_possessive(doc[m.start:m.end].text), "LOC" if m.label == "FAC" else m.label)
                  for m in unknown if m.end - m.start >= 2 and not m.name and m.label == "ORG"]
    _name_unknown(doc, unknown, multi_word)
    # a name shortening an organisation's full name is that organisation, however it was merged
    for m in mentions:
        if not m.kb_id and m.name and m.label in ("PERSON", "ORG"):
            longer = next(((n, lab) for n, lab in multi_word if n.startswith(m.name + " ")), None)
            if longer:
                m.name, m.label = longer
    one_type_each(mentions)
    # every mention of an unknown entity acts for the state any of them was seen acting for
    states = {(m.name, m.label): m.acts_for for m in mentions if not m.kb_id and m.name and m.acts_for}
    for m in mentions:
        if not m.kb_id and m.name and m.acts_for is None:
            m.acts_for = states.get((m.name, m.label))


def _name_unknown(doc: Doc, unknown: list[ActorMention], multi_word: list[tuple[str, str]]) -> None:
    """A name for each unnamed unknown mention, in text order: the acronym's name, the full name a
    one-word mention shortens, else its own text (a full name later ones may shorten)."""
    full_names: list[tuple[str, str]] = []
    acronyms: dict[str, tuple[str, str]] = {}
    for m in unknown:
        if m.name:
            continue
        text = strip_possessive(doc[m.start:m.end].text)
        m.label = "LOC" if m.label == "FAC" else m.label
        if m.end - m.start == 1:
            if text in acronyms:
                m.name, m.label = acronyms[text]
            elif m.start >= 2 and doc[m.start - 1].text == "(":
                prev = next((u for u in unknown if u.end == m.start - 1 and u.name), None)
                if prev and abbreviates(text, prev.name):
                    m.name, m.label = prev.name, prev.label
                    acronyms[text] = (prev.name, prev.label)
            if m.name is None:
                m.name, m.label = shortened(text, m.label, full_names,
                                            multi_word if m.label in ("PERSON", "ORG") else [])
        if m.name is None and m.label in ("PERSON", "ORG"):
            # "Oshkosh Truck" for "Oshkosh Truck Corp.", whatever the model called it
            longer = next(((n, lab) for n, lab in multi_word if n.startswith(text + " ")), None)
            if longer:
                m.name, m.label = longer
        if m.name is None:
            m.name = text
            full_names.append((text, m.label))


def one_type_each(mentions: list[ActorMention]) -> None:
    """One type per unknown entity: the model may call one name a PERSON here and an ORG there; the
    type most of its mentions have wins (PERSON on a tie)."""
    votes: dict[str, Counter] = {}
    for m in mentions:
        if not m.kb_id and m.name and m.label and m.label != "NORP":
            votes.setdefault(m.name, Counter())[m.label] += 1
    for m in mentions:
        if not m.kb_id and m.name and m.label and len(votes.get(m.name, ())) > 1:
            m.label = max(votes[m.name].items(), key=lambda kv: (kv[1], kv[0] == "PERSON"))[0]


def shortened(text: str, label: str, full_names: list[tuple[str, str]],
              organisations: list[tuple[str, str]]) -> tuple[str | None, str]:
    """The full name a one-word mention shortens: the organisation whose name it begins ("Savin" for
    "Savin Corp.", whatever the model called it), else an earlier name of the same type that it
    begins or ends ("Holloway" for "Margaret Holloway")."""
    for name, org_label in organisations:
        if name.split()[0] == text:
            return name, org_label
    for name, name_label in full_names:
        words = name.split()
        if name_label == label and text in (words[0], words[-1]):
            return name, label
    return None, label


def abbreviates(acronym: str, name: str) -> bool:
    """"CDP" for "Constitutional Democratic Party of Japan", "KIDA" for "Korea Institute for
    Defense Analyses": the initials of the name's capitalised words, or of those before its
    closing "of ..." (a name's place is often left out of its acronym)."""
    full = _initials(name)
    head = _initials(re.split(r"\s+of\s+", name)[0]) if " of " in name else full
    return len(acronym) >= 2 and acronym in (full, head) or (len(acronym) >= 3 and full.startswith(acronym))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())
