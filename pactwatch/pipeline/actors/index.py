"""`ActorIndex`: the knowledge base indexed for linking, built once per pipeline (every name as the
matcher sees it, family names, office titles, the English words of the model's lemmatizer), and the
questions the passes ask of it about a mention: is it a place, a person, in which state."""
from __future__ import annotations

import functools
import re
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ... import knowledge
from ...knowledge import norm
from ..parse_table import parse_table
from .mention import ActorMention, only_id
from .words import ActorWords, actor_words

PLACE_KINDS = {"country", "capital"}
# the knowledge base's name key, remembered: the passes ask for the same few thousand strings
name_key = functools.lru_cache(maxsize=65536)(norm)
# capital initials written with periods ("D.C.", "U.S.")
_DOTTED_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")


class ActorIndex:
    """Built once per pipeline: the matchers and indexes over the knowledge base."""

    def __init__(self, nlp: Language, kb: knowledge.KnowledgeBase):
        self.kb = kb
        # actor_words.toml with the knowledge base's own folders: every pass reads its words here
        self.words: ActorWords = actor_words(kb.folders)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.title_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.names: dict[str, list[tuple[str, str]]] = {}      # match key -> [(kb_id, kind)]
        # match key -> per surface (the token texts as written), per token what its case asks:
        # (acronym without periods, the token) for an acronym, ("", True) for a capital, ("", False)
        self.surface_cases: dict[str, list[list[tuple[str, str | bool]]]] = {}
        self.requires: dict[tuple[str, str], list[str]] = {}   # (key, kb_id) -> ids one of which the doc must name
        self.short: dict[str, list[str]] = {}                  # "Trump" -> person ids
        self.titles: dict[str, dict] = {}
        self._index_names(nlp, kb)
        # match key -> the kinds of name it is, asked of every match in every document
        self.name_kinds: dict[str, frozenset[str]] = {key: frozenset(k for _, k in ids)
                                                      for key, ids in self.names.items()}
        for t in kb.titles:
            for w in t["words"]:
                key = "title:" + w.lower()
                self.titles[key] = t
                self.title_matcher.add(key, [nlp.make_doc(w)])
        self.vocab = nlp.vocab
        self.suffixes = kb.name_words["suffixes"]
        self.generic_determiners = {w.lower() for w in kb.name_words["generic_determiners"]}
        self.type_suffixes = {w.lower() for w in kb.name_words["type_suffixes"]}
        self.modifier_suffixes = {w.lower() for w in kb.name_words["modifier_suffixes"]}
        self.event_heads = kb.name_words["event_heads"]
        self.common_words = _common_words(nlp)
        self._holders: dict[tuple, list[dict]] = {}
        self.case_answers: dict[tuple, bool] = {}   # matching.case_ok's, by name key and token texts

    def _index_names(self, nlp: Language, kb: knowledge.KnowledgeBase) -> None:
        """Every way the knowledge base writes an entry's name, as a matcher key, with the kind of
        name it is (name, alias, demonym, generic, anaphor, context) and its surfaces as written."""
        patterns: dict[str, list[str]] = {}
        for entry in kb:
            kinds = [("name", entry["name"])] + [("alias", a) for a in entry["aliases"]]
            kinds += [("demonym", d) for d in entry["demonyms"]] + [("generic", g) for g in entry["generic"]]
            kinds += [("anaphor", a) for a in entry["anaphors"]]
            if entry["type"] == "PERSON" and len(entry["name"].split()) == 2:
                # Japanese and Chinese names are also written family name first ("Ishiba Shigeru")
                kinds.append(("alias", " ".join(reversed(entry["name"].split()))))
            for c in entry["context_aliases"]:
                kinds.append(("context", c["alias"]))
                self.requires[(norm(c["alias"]), entry["id"])] = list(c["requires"])
            for kind, text in kinds:
                text = re.sub(r"^(the|The)\s+", "", text.strip())
                # "Washington D.C." is also written "Washington DC": initials with or without periods
                undotted = _DOTTED_INITIALS.sub(lambda m: m.group().replace(".", ""), text)
                for variant in {text, text.replace("-", " "), undotted}:
                    key = norm(variant)
                    if not key:
                        continue
                    ids = self.names.setdefault(key, [])
                    if (entry["id"], kind) not in ids:
                        ids.append((entry["id"], kind))
                    patterns.setdefault(key, [])
                    if variant not in patterns[key]:
                        patterns[key].append(variant)
            for s in entry["short"]:
                self.short.setdefault(s, []).append(entry["id"])
        for key, ids in self.names.items():
            generic = {i for i, k in ids if k == "generic"}
            self.names[key] = [(i, k) for i, k in ids if k == "generic" or i not in generic]
        for key, variants in patterns.items():
            docs = list(nlp.tokenizer.pipe(variants))
            self.surface_cases[key] = [[_case_of(t.text) for t in d] for d in docs]
            self.matcher.add(key, docs)

    def holders(self, roles, state: str | None, date: str) -> list[dict]:
        """`KnowledgeBase.holders`, remembered: it reads every entry, and a document asks the same
        office of the same date again and again (the knowledge base does not change once loaded)."""
        key = (tuple(roles), state, date)
        found = self._holders.get(key)
        if found is None:
            if len(self._holders) > 4096:
                self._holders.clear()
            found = self._holders[key] = self.kb.holders(roles, state, date)
        return found

    # ------------------------------------------------------------ questions about a mention
    def is_place(self, m: ActorMention) -> bool:
        """A state or a capital, or a demonym."""
        for kb_id, kind in m.candidates:
            entry = self.kb.get(kb_id)
            if kind == "demonym" or (entry and entry.get("kind") in PLACE_KINDS):
                return True
        return False

    def is_any_place(self, m: ActorMention) -> bool:
        """A place of any kind: a state, a capital, a city, a region, a sea."""
        return self.is_place(m) or bool(m.candidates) and all(
            (self.kb.get(i) or {}).get("type") in ("GPE", "LOC", "FAC") for i, _ in m.candidates)

    def person_id(self, m: ActorMention) -> str | None:
        """The knowledge base's person a mention is resolved to, if it is one."""
        entry = self.kb.get(m.kb_id)
        return m.kb_id if entry and entry["type"] == "PERSON" else None

    def place_state(self, m: ActorMention | None) -> str | None:
        """The state a place mention lies in (a state is in itself); None for anything but a place."""
        if m is None or not m.kb_id:
            return None
        entry = self.kb.get(m.kb_id) or {}
        if entry.get("kind") == "country":
            return entry["id"]
        if entry.get("kind") == "capital":
            return entry.get("capital_of")
        if entry.get("type") not in ("GPE", "LOC", "FAC"):
            return None
        seen = set()
        while entry and entry.get("part_of") and entry["id"] not in seen:
            seen.add(entry["id"])
            whole = self.kb.get(entry["part_of"]) or {}
            if whole.get("kind") == "country":
                return whole["id"]
            entry = whole
        return None

    def state_counts(self, mentions: list[ActorMention]) -> Counter:
        """How often each state is named, itself or through a body, person or place of it."""
        counts: Counter = Counter()
        for m in mentions:
            kb_id = only_id(m)
            if kb_id:
                state = self.kb.state_of(kb_id) or (self.kb.get(kb_id) or {}).get("part_of")
                if state:
                    counts[state] += 1
        return counts

    # ------------------------------------------------------------ questions about the text
    def title_before(self, doc: Doc, i: int) -> dict | None:
        """The title of an office written just before token i ("Finance Minister Choi")."""
        for n in (4, 3, 2, 1):
            if i - n >= 0:
                title = self.titles.get("title:" + " ".join(t.lower_ for t in doc[i - n:i]))
                if title:
                    return title
        return None

    def names_a_kind(self, doc: Doc, end: int) -> bool:
        """The name ending at `end` names a kind of thing after it: "Virginia-class submarines"."""
        if end + 1 >= len(doc):
            return False
        table = parse_table(doc)
        # a hyphen is rare: only then are Token objects made, for their trailing space
        return (table.text[end] == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
                and table.lower[end + 1] in self.type_suffixes)


def _case_of(want: str) -> tuple[str, str | bool]:
    """What a name's token written `want` asks of a token in the text (matching.case_ok)."""
    letters = [c for c in want if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return want.replace(".", ""), want
    return "", want[:1].isupper()


def _common_words(nlp: Language) -> set[str]:
    """The English words the model's lemmatizer knows (nouns, verbs, adjectives, adverbs): a
    capitalised one of these alone is more likely a word opening a sentence than a name."""
    words: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            index = lookups.get_table("lemma_index")
            for pos in ("noun", "verb", "adj", "adv"):
                words.update(index.get(pos, []))
    return words
