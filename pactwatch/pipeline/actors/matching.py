"""Names the knowledge base knows, found in the text: the phrase matcher's hits, checked for case,
and names the tokenizer glued to a neighbour ("U.S.-Korea") or a line break cut in two ("Chin" / "a")."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..parse_table import parse_table
from .index import ActorIndex, name_key
from .mention import ActorMention, all_named, covered, longest_first

# characters that glue two words into one token ("U.S.-Korea", 'Day"—to')
_GLUE = re.compile(r"[-–—\"“”/]+")
_GLUE_CHARS = frozenset("-–—\"“”/")
CASE_ANSWERS_KEPT = 65536   # case_ok's answers kept before they are forgotten


def case_ok(ix: ActorIndex, key: str, words: list[str]) -> bool:
    """The token texts `words` are written as one of the name's surfaces is: capitals where it has
    capitals, an acronym as the acronym (with or without periods). Answered once per name and
    writing (`ix.case_answers`): the same names come back in every document."""
    written = (key, *words)
    found = ix.case_answers.get(written)
    if found is None:
        if len(ix.case_answers) >= CASE_ANSWERS_KEPT:
            ix.case_answers.clear()
        found = ix.case_answers[written] = _written_as_surface(ix, key, words)
    return found


def _written_as_surface(ix: ActorIndex, key: str, words: list[str]) -> bool:
    """`case_ok`, worked out."""
    for tests in ix.surface_cases.get(key, ()):
        if len(tests) != len(words):
            continue
        for (acronym, want), word in zip(tests, words):
            if acronym:
                if not (word.replace(".", "") == acronym or word == want):
                    break
            elif want and not word[:1].isupper():
                break
        else:
            return True
    return False


def kb_mentions(ix: ActorIndex, doc: Doc) -> list[ActorMention]:
    """The knowledge base's names in the text, longest first where they overlap; a name inside an
    event's name that the event contains ("war in Ukraine") is kept as well."""
    found = []
    table = parse_table(doc)
    words, lower, is_title = table.text, table.lower, table.is_title
    size = len(words)
    strings = ix.vocab.strings
    for match_id, start, end in ix.matcher(doc):
        key = strings[match_id]
        cands = ix.names[key]
        kinds = ix.name_kinds[key]
        prev = lower[start - 1] if start > 0 else ""
        if kinds <= {"anaphor"}:
            if prev != "the":
                continue
        elif not case_ok(ix, key, words[start:end]):
            continue
        # "the North" alone; not the start of a longer name ("the North American market")
        if kinds <= {"context"} and (prev != "the" or (end < size and is_title[end])):
            continue
        found.append(ActorMention(start, end, candidates=list(cands)))
    chosen = longest_first(found)
    # names inside an event's name that are actors themselves ("war in Ukraine")
    for m in list(chosen):
        entry = ix.kb.get(m.candidates[0][0])
        if entry and entry["contains"]:
            for inner in found:
                if m.start <= inner.start and inner.end <= m.end and inner is not m \
                        and any(i in entry["contains"] for i, _ in inner.candidates):
                    chosen.append(inner)
    return chosen


def joined_tokens(ix: ActorIndex, doc: Doc, words: list[str], mentions: list[ActorMention]) -> list[ActorMention]:
    """Names the tokenizer leaves glued to a neighbour inside one token ("U.S.-Korea",
    "U.S.–South Korea", 'Day"—to'): the pieces are looked up with the tokens around them."""
    taken = covered(mentions)
    out = []
    for i, word in enumerate(words):
        # most words hold no glue character at all: a set test, before stripping and searching
        if _GLUE_CHARS.isdisjoint(word) or i in taken or len(word) < 4 \
                or not _GLUE.search(word.strip("\"'“”‘’-–—/")):
            continue
        tok = doc[i]
        pieces = [p for p in _GLUE.split(tok.text) if p]
        if len(pieces) < 2:
            continue
        found = [m for m in (_name_ending_in(ix, doc, tok.i, pieces[0], taken),
                             _name_beginning_with(ix, doc, tok.i, pieces[-1], taken)) if m is not None]
        # one token can carry one actor's offsets: of two on the same token keep the first
        offsets = set()
        for m in found:
            if (m.start, m.end) not in offsets:
                offsets.add((m.start, m.end))
                out.append(m)
    return out


def _name_ending_in(ix: ActorIndex, doc: Doc, i: int, piece: str, taken: set[int]) -> ActorMention | None:
    """The first piece of glued token i may end a name begun in earlier tokens ("Liberation" + 'Day"—to')."""
    for n in (3, 2, 1, 0):
        if i - n < 0 or any(j in taken for j in range(i - n, i)):
            continue
        text = " ".join([t.text for t in doc[i - n: i]] + [piece])
        hit = ix.names.get(name_key(text))
        if hit and piece[:1].isupper() and all_named(hit):
            first = i - n
            while first < i and doc[first].lower_ in ix.words.determiners:
                first += 1
            return ActorMention(first, i + 1, candidates=list(hit))
    return None


def _name_beginning_with(ix: ActorIndex, doc: Doc, i: int, piece: str, taken: set[int]) -> ActorMention | None:
    """The last piece of glued token i may begin a name that runs on ("South" + "Korea")."""
    for n in (3, 2, 1, 0):
        if i + 1 + n > len(doc) or any(j in taken for j in range(i + 1, i + 1 + n)):
            continue
        text = " ".join([piece] + [t.text for t in doc[i + 1: i + 1 + n]])
        hit = ix.names.get(name_key(text))
        if hit and piece[:1].isupper() and all_named(hit):
            return ActorMention(i, i + 1 + n, candidates=list(hit))
    return None


def broken_words(ix: ActorIndex, words: list[str], mentions: list[ActorMention]) -> list[ActorMention]:
    """A name a line break cut in two, without a hyphen ("Chin" / "a" in text copied from a PDF
    or a narrow column): the two pieces joined name it when the first is capitalised, the
    second a lowercase fragment, and the joined word is a name the knowledge base knows."""
    taken = covered(mentions)
    out = []
    for i in range(len(words) - 2):
        if "\n" not in words[i + 1] or words[i + 1].strip() or i in taken or i + 2 in taken:
            continue
        head, tail = words[i], words[i + 2]
        if not (head[:1].isupper() and head.isalpha() and tail.isalpha() and tail.islower()):
            continue
        hit = ix.names.get(name_key(head + tail))
        if hit and all_named(hit) and not ix.names.get(name_key(head)):
            out.append(ActorMention(i, i + 3, candidates=list(hit)))
    return out
