"""The model's entities, where they add to the knowledge base's names: cut to the name itself
(no determiner, title, possessive or "-era"), checked that they are a name at all (not a heading's
capitalised words, a number, a word opening a sentence), and typed by their last word where the
model's type is less sure ("... Navy" an ORG, "... Museum" a place, "... Summit" an EVENT)."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..parse_table import parse_table
from .credits import PageRanges
from .index import ActorIndex, name_key
from .mention import ActorMention, all_generic
from .words import ActorWords, actor_words

MODEL_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"}


def full_name_words(ents) -> set[str]:
    """The words of the people the model names in full ("Ana", "Soto" of "Ana Soto")."""
    return {word for e in ents if e.label_ == "PERSON" and len(e) >= 2
            for word in parse_table(e.doc).text[e.start:e.end]}


def model_mentions(ix: ActorIndex, doc: Doc, ents, mentions: list[ActorMention], title_tokens: set[int],
                   headings: PageRanges, people_words: set[str]) -> list[ActorMention]:
    """The knowledge base's mentions with the model's entities (`ents`, doc.ents read once) added,
    cleaned, where they add to them; `people_words` are `full_name_words(ents)`."""
    kb_tokens = {}
    for m in mentions:
        for i in range(m.start, m.end):
            kb_tokens[i] = m
    out = list(mentions)
    # words of the people named in full: a lone capitalised word among them is a name
    named_in_full = people_words | {doc[i].text for m in mentions if m.label == "PERSON" for i in range(m.start, m.end)}
    text = doc._.text
    for ent in ents:
        if ent.label_ not in MODEL_LABELS:
            continue
        for start, end in clean_pieces(ent, ix.words):
            cut = _cut_to_name(ix, doc, ent.label_, start, end, title_tokens, kb_tokens, headings)
            if cut is None:
                continue
            start, end, label = cut
            if not _is_a_name(ix, doc, text, start, end, label, headings, named_in_full):
                continue
            label = _typed_by_last_word(ix, doc, start, end, label)
            found = _among_kb_names(ix, doc, ent.label_, start, end, label, kb_tokens, out)
            if found is not None:
                out.append(found)
    return out


def _cut_to_name(ix: ActorIndex, doc: Doc, ent_label: str, start: int, end: int, title_tokens: set[int],
                 kb_tokens: dict, headings: PageRanges) -> tuple[int, int, str] | None:
    """The model's piece [start, end) cut to the name it holds, with its label; None if nothing is left."""
    while start < end and start in title_tokens:
        start += 1
    while end > start and end - 1 in title_tokens:
        end -= 1
    if start == end:
        return None
    table = parse_table(doc)
    text, lower = table.text, table.lower
    # the model often stops a hyphenated given name at the hyphen ("Park Yoon|-joo")
    while (ent_label == "PERSON" and end + 1 < len(doc) and text[end] == "-"
           and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and table.is_alpha[end + 1]):
        end += 2
    # "Ambassador to Japan Gareth Pimm": the model runs the posting into the name
    head = kb_tokens.get(start)
    if (head is not None and head.start == start and head.end < end and ix.is_place(head)
            and start >= 2 and lower[start - 1] == "to" and start - 2 in title_tokens):
        start, label = head.end, "PERSON"
    else:
        label = ent_label
    # in a heading, "Lee Agree" is a family name and a capitalised verb
    if label == "PERSON" and end - start >= 2 and text[start] in ix.short \
            and not ix.names.get(name_key(doc[start:end].text)) and headings.holds(doc[start:end]):
        end = start + 1
    # "Trump-era", "US-led": the name is the actor, the hyphened word only makes it a modifier
    while (end - start >= 3 and text[end - 2] == "-" and not doc[end - 3].whitespace_
           and not doc[end - 2].whitespace_ and lower[end - 1] in ix.modifier_suffixes):
        end -= 2
    return start, end, label


def _is_a_name(ix: ActorIndex, doc: Doc, text: str, start: int, end: int, label: str, headings: PageRanges,
               full_name_words: set[str]) -> bool:
    """Tokens [start, end) of the Doc (whose text is `text`) are a name: not a kind ("Virginia-class"),
    a heading's or a title's capitalised words, a number, a phrase the knowledge base says is no
    name, or a word opening a sentence the model took for a person."""
    span = doc[start:end]
    if ix.names_a_kind(doc, end) or headline_words(ix, span, label, headings):
        return False
    if not plausible_name(span, label, headings, ix.words):
        return False
    table = parse_table(doc)
    # the span's text, cut from the Doc's (Span.text joins its Token objects); its end from its last
    # token's offset and length (the only read of an end offset here: no column of them is made)
    if name_key(text[table.idx[start]:table.idx[end - 1] + len(table.text[end - 1])]) in ix.kb.not_names:
        return False
    return not (label == "PERSON" and end - start == 1 and stray_capital(ix, doc, start, full_name_words))


def _typed_by_last_word(ix: ActorIndex, doc: Doc, start: int, end: int, label: str) -> str:
    """The type a name's last word gives it, where it says more than the model's label."""
    last = parse_table(doc).text[end - 1]
    # "Republic of Korea Navy", "Busan Metropolitan Council": an organisation, whatever
    # place the model heard in it
    if label in ("GPE", "LOC") and end - start >= 2 and last in ix.words.org_heads:
        label = "ORG"
    # "the Gyeongju National Museum", "Akasaka Palace": a building, where leaders meet
    if end - start >= 2 and (label in ("ORG", "GPE") and last in ix.words.venue_words
                             or label == "PERSON" and last in ix.words.building_words):
        label = "FAC"
    # "the Hague Summit", "the Munich Security Conference": a gathering, whatever the model heard
    if end - start >= 2 and label in ("ORG", "GPE", "LOC", "FAC", "PERSON") \
            and last in ix.event_heads:
        label = "EVENT"
    return label


def _among_kb_names(ix: ActorIndex, doc: Doc, ent_label: str, start: int, end: int, label: str,
                    kb_tokens: dict, out: list[ActorMention]) -> ActorMention | None:
    """The mention a model's name adds around the knowledge base's names inside it, or None. A longer
    proper name around place names or shared names replaces them (they leave `out` and `kb_tokens`)."""
    inside = {id(kb_tokens[i]): kb_tokens[i] for i in range(start, end) if i in kb_tokens}
    if not inside:
        return ActorMention(start, end, label=label, kind="model")
    inner = list(inside.values())
    # "the Government of India": the state itself, named by its government
    lower = parse_table(doc).lower
    if all(ix.is_place(m) for m in inner) and all(
            lower[i] in ix.kb.organs["anaphors"] or lower[i] in ("of", "the")
            for i in range(start, end) if not any(m.start <= i < m.end for m in inner)):
        return None
    # a longer proper name around place names or names many bodies share ("Seoul
    # National University", "University of Tokyo", "Constitutional Democratic Party
    # of Japan") is the name
    inner_tokens = {i for m in inner for i in range(m.start, m.end)}
    extra = [doc[i] for i in range(start, end) if i not in inner_tokens]
    if (ent_label in ("ORG", "PERSON", "FAC", "GPE", "LOC", "EVENT")
            and all(m.start >= start and m.end <= end for m in inner)
            and all(ix.is_any_place(m) or all_generic(m) for m in inner)
            and proper_words(doc[start:end], ix.words)
            and any(t.is_title or t.is_upper for t in extra)
            # a name, not a clause: short, and no verb outside the inner names
            and sum(not t.is_punct for t in doc[start:end]) <= 8
            and not any(t.pos_ in ("VERB", "AUX") for t in extra)
            # "Western Cambodia", "Eastern Ukraine": a part of the place, still the place
            and not all(t.lower_ in ix.words.compass_words for t in extra)):
        for m in inner:
            out.remove(m)
            for i in range(m.start, m.end):
                kb_tokens.pop(i, None)
        return ActorMention(start, end, label=label, kind="model")
    if (body_state := sub_body_state(ix, doc[start:end], label, inner, extra)) is not None:
        # "the House of Representatives Armed Services Committee": a body of a body,
        # acting for its state; the body it belongs to stays named
        return ActorMention(start, end, label="ORG", kind="model", acts_for=body_state)
    return None


def sub_body_state(ix: ActorIndex, span: Span, label: str, inner: list[ActorMention],
                   extra: list[Token]) -> str | None:
    """The state a longer organisation's name around a known state body acts for, when the name is
    a body of that body: capitalised words after it, ending in an organisation's word
    ("Committee", "Commission"), no verb; None otherwise."""
    if label != "ORG" or span[-1].text not in ix.words.org_heads or len(span) > 10:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in extra) or not all(t.is_title or t.is_punct or t.lower_ in
                                                               ("of", "the", "and", "on", "for") for t in extra):
        return None
    states = set()
    for m in inner:
        entry = ix.kb.get(m.kb_id or (m.candidates[0][0] if len(m.candidates) == 1 else None)) or {}
        if entry.get("type") != "ORG" or m.start < span.start or m.end > span.end:
            return None
        states.add(ix.kb.state_of(entry["id"]))
    if len(states) != 1 or None in states:
        return None
    # the words after the body name what part of it this is ("... Armed Services Committee")
    last_inner = max(m.end for m in inner)
    return next(iter(states)) if span.end - last_inner >= 2 else None


def stray_capital(ix: ActorIndex, doc: Doc, i: int, full_name_words: set[str]) -> bool:
    """A capitalised word the model took for a person ("Turnout was high"): an English word that
    opens a sentence or line, no one named in full carries it, the knowledge base knows no one
    by it, and it is written nowhere else in the document. News names a person in full at least
    once, or by a single name that is no English word ("Lula")."""
    word = doc[i].text
    if word in full_name_words or word in ix.short or doc[i].is_upper:
        return False
    lower = word.lower()
    if not {lower, lower[:-1] if lower.endswith("s") else lower} & ix.common_words:
        return False          # not an English word: a name ("Lula's presidency")
    if i + 1 < len(doc) and doc[i + 1].text in ix.words.possessive:
        return False
    opens = i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_
    if not opens:
        return False
    return not any(t.text == word for t in doc if t.i != i)


def headline_words(ix: ActorIndex, span: Span, label: str, headings: PageRanges) -> bool:
    """Capitalised common words the model took for a person: in a heading ("Offer Contradictory"),
    or three or more in a row anywhere ("Joint Fact Sheet"). A name the knowledge base knows is
    a name whatever its words."""
    if label != "PERSON" or len(span) < 2 or ix.names.get(name_key(span.text)):
        return False
    table = parse_table(span.doc)
    words = [i for i in range(span.start, span.end) if not table.is_punct[i]]
    if not words or not all(table.lower[i] in ix.common_words for i in words):
        return False
    return len(words) >= 3 or headings.holds(span)


def proper_words(span: Span, lists: ActorWords | None = None) -> bool:
    """Every word capitalised but the small words inside a name ("University of Tokyo",
    "Japan Maritime Self-Defense Force"); punctuation inside is part of it. `lists`: the linker's
    word lists (the packaged ones if not given), as for each function here that takes them."""
    lists = lists or actor_words()
    if not (span[0].is_title or span[0].is_upper) or not (span[-1].is_title or span[-1].is_upper):
        return False
    return all(t.is_title or t.is_upper or t.is_punct or t.lower_ in lists.name_connectors for t in span)


def clean_pieces(ent: Span, lists: ActorWords | None = None) -> list[tuple[int, int]]:
    """The model's span without determiners, possessives, ordinals and trailing numbers, split at an
    inner possessive ("Trump's Oval Office" -> "Trump", "Oval Office")."""
    lists = lists or actor_words()
    pieces, start = [], ent.start
    table = parse_table(ent.doc)
    text, lower, is_punct = table.text, table.lower, table.is_punct
    end = ent.end
    # a bracket cuts the name: "Umma (Nation" is "Umma"
    for i in range(ent.start, ent.end):
        if text[i] in ("(", ")", "[", "]") and i > ent.start:
            end = i
            break
    for i in range(ent.start, end):
        # a plural's bare apostrophe inside a name ("Workers' Party") is part of the name
        if text[i] in lists.possessive and not (text[i] in ("'", "’") and i + 1 < end
                                                and text[i - 1].endswith("s") and table.is_title[i + 1]):
            pieces.append((start, i))
            start = i + 1
    pieces.append((start, end))
    out = []
    for s, e in pieces:
        while s < e and (lower[s] in lists.determiners or text[s] in lists.ordinal_words or is_punct[s]):
            s += 1
        # (a white-space token: spaCy's `is_space` is the text's `isspace`; no column for this one test)
        while e > s and (is_punct[e - 1] or table.like_num[e - 1] or text[e - 1] in lists.possessive
                         or text[e - 1].isspace()):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def plausible_name(span: Span, label: str, headings: PageRanges, lists: ActorWords | None = None) -> bool:
    """Not a number, date or lowercase phrase the model mistook for a name, nor a heading."""
    lists = lists or actor_words()
    table = parse_table(span.doc)
    text, is_punct = table.text, table.is_punct
    words = [i for i in range(span.start, span.end) if not is_punct[i]]
    if not words or not any(text[i][:1].isupper() for i in words):
        return False
    if any(table.like_num[i] or any(map(str.isdigit, text[i])) for i in words):
        return False
    # lowercase words only as connectors or after a hyphen inside a name ("Choi Min-ho")
    if any(text[i][:1].islower() and table.lower[i] not in lists.name_lowercase_words
           and not (i > 0 and text[i - 1] == "-") for i in words):
        return False
    # in a heading ("Tricky Diplomacy Ahead") the model takes capitalised words for organisations
    if label in ("ORG", "EVENT", "LOC", "FAC") and headings.holds(span):
        return False
    return True
