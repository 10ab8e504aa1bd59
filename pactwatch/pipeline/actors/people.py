"""People named in part: a family name alone ("Lee", "President Trump") or a given name alone
("Donald"), resolved within the document to the person named in full, else to the knowledge
base's one person of that name (in office on the document's date, if several)."""
from __future__ import annotations

from spacy.tokens import Doc

from .index import ActorIndex, name_key
from .mention import ActorMention, all_named, strip_possessive


def short_names(ix: ActorIndex, doc: Doc, words: list[str], mentions: list[ActorMention], date: str) -> None:
    """Family names alone, and model mentions not yet linked, resolved within the document: to
    the person of that name mentioned nearest before (else after), known or not; failing that,
    to the only person the knowledge base has by that name (in office on the date, if several).
    Two rounds: a name resolved late ("President Trump") also claims its earlier bare mentions."""
    unknown_people = sorted((m for m in mentions if m.kind == "model" and m.label == "PERSON"
                             and m.end - m.start >= 2), key=lambda m: m.start)
    unknown_short: dict[str, str] = {}
    for u in unknown_people:
        name = strip_possessive(doc[u.start:u.end].text)
        last = u.end - 1
        # "Ferdinand Marcos Jr.": the family name comes before the suffix
        while last > u.start and (doc[last].text in ix.suffixes or doc[last].is_punct):
            last -= 1
        for part in (doc[u.start].text, doc[last].text):
            unknown_short.setdefault(part, name)
    # a family name is capitalised: the words each round looks at
    capitalised = [(i, word) for i, word in enumerate(words) if word[:1].isupper()]
    for _ in range(2):
        full = sorted((m for m in mentions if ix.person_id(m)), key=lambda m: m.start)
        _add_family_names(ix, doc, capitalised, mentions, full, unknown_short)
        for m in mentions:
            if not (m.kb_id or m.name or m.kind not in ("model", "short")):
                _resolve_person(ix, doc, m, full, unknown_short, date)
    mentions[:] = [m for m in mentions if m.kind != "short" or m.kb_id or m.name]


def _add_family_names(ix: ActorIndex, doc: Doc, capitalised: list[tuple[int, str]], mentions: list[ActorMention],
                      full: list[ActorMention], unknown_short: dict[str, str]) -> None:
    """A mention (kind "short") for each capitalised word (`capitalised`: (position, word)) not yet
    covered that is the family name of someone this document names in full, or of a person the
    knowledge base knows after a title."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    in_doc_short = {s for m in full for s in ix.kb.get(m.kb_id)["short"]}
    for i, word in capitalised:
        if i in covered or not (word in in_doc_short or word in unknown_short or word in ix.short):
            continue
        tok = doc[i]
        after_title = ix.title_before(doc, i) is not None
        if ((word in in_doc_short or word in unknown_short) and (tok.pos_ == "PROPN" or tok.is_title)) \
                or (word in ix.short and after_title):
            mentions.append(ActorMention(i, i + 1, kind="short", label="PERSON"))


def _resolve_person(ix: ActorIndex, doc: Doc, m: ActorMention, full: list[ActorMention],
                    unknown_short: dict[str, str], date: str) -> None:
    """One open mention of a person: a variant spelling of a known name, the person of that family
    name named nearest before (else after), the unknown person named in full, or the knowledge
    base's one holder of an office by that name."""
    text = strip_possessive(doc[m.start:m.end].text)
    # a variant spelling of a known name ("Lee Jae-Myung")
    cands = ix.names.get(name_key(text), [])
    ids = {i for i, _ in cands}
    if len(ids) == 1 and all_named(cands) and ix.kb.get(next(iter(ids)))["type"] != "GPE":
        m.kb_id = next(iter(ids))
        return
    if m.end - m.start != 1 or m.label not in ("PERSON", "ORG", "GPE", None):
        return
    before = [f for f in full if f.start < m.start and text in ix.kb.get(f.kb_id)["short"]]
    after = [f for f in full if f.start > m.start and text in ix.kb.get(f.kb_id)["short"]]
    if before or after:
        m.kb_id = (before[-1] if before else after[0]).kb_id
        return
    if text in unknown_short and unknown_short[text] != text:
        m.name, m.label = unknown_short[text], "PERSON"
        return
    ids = ix.short.get(text, [])
    in_office = [i for i in ids if ix.kb.roles_at(i, date)]
    # a family name alone is the one holder of an office on the date; one out of office
    # only after a title ("former Prime Minister Choi"): a reporter or a witness may share
    # the family name of a minister long gone
    title = ix.title_before(doc, m.start)
    if len(in_office) == 1:
        m.kb_id = in_office[0]
    elif len(ids) == 1 and title and any(r["role"] in title["roles"] for r in ix.kb.get(ids[0])["roles"]):
        m.kb_id = ids[0]


def given_names(ix: ActorIndex, doc: Doc, mentions: list[ActorMention]) -> None:
    """A given name alone ("Donald", "Jae Myung") is the one person of this document whose full
    name it completes; left alone when two people share it."""
    owners: dict[str, set] = {}
    for m in mentions:
        person = ix.person_id(m)
        if person:
            entry = ix.kb.get(person)
            full, family = entry["name"], set(entry["short"])
        elif m.kind == "model" and m.label == "PERSON" and m.name is None and m.end - m.start >= 2:
            full, family = strip_possessive(doc[m.start:m.end].text), set()
        else:
            continue
        words = [w for w in full.split() if w not in ix.suffixes]
        family = family or {words[-1]} if len(words) >= 2 else family
        given = [w for w in words if w not in family]
        if given and len(given) < len(words):
            owners.setdefault(name_key(" ".join(given)), set()).add(person or ("name", full))
    if not owners:
        return
    for m in mentions:
        if m.kb_id or m.name or m.kind != "model" or m.label != "PERSON" or m.end - m.start > 2:
            continue
        found = owners.get(name_key(strip_possessive(doc[m.start:m.end].text)), ())
        if len(found) == 1:
            owner = next(iter(found))
            if isinstance(owner, tuple):
                m.name = owner[1]
            else:
                m.kb_id = owner

