"""The model's attribute rules (tag → part of speech and morphology, lemma exceptions), applied
with the same result as spaCy's `attribute_ruler` at a fraction of its cost.

spaCy's AttributeRuler runs a Matcher over every token for all of its ~180 patterns and then
builds a Span per match: on our bench it costs as much as the tagger and parser together, though
almost every rule looks at one token's tag, lowercase form or dependency. Here a one-token rule
is answered by a table keyed on those attributes (filled the first time a combination is seen),
and only the rest (several tokens, regular expressions, operators) go through a Matcher. Rules
are applied in the order they were added, a later rule winning for the attribute it sets —
exactly spaCy's order — so every token ends with the same tag, POS, morphology and lemma.
tests/pipeline/test_attribute_rules.py holds it to spaCy's own ruler."""
from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# token attributes a one-token rule may test and still be answered from the table
_TABLE_KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH}
_COLUMNS = [TAG, LOWER, DEP, IS_SPACE, ORTH]
_TABLE_LIMIT = 200_000   # distinct attribute combinations kept before the table starts again


class AttributeRules:
    """A drop-in for the model's `attribute_ruler`, built from it (`from_ruler`)."""

    def __init__(self, nlp: Language, name: str = "attribute_ruler"):
        self.name = name
        self.vocab = nlp.vocab
        self.attrs: list[dict] = []          # rule number -> normalised attributes to set
        self.indices: list[int] = []         # rule number -> which token of the match gets them
        self.tests: list[list[tuple[int, str, Any]]] = []   # token test -> [(column, how, wanted)]
        self.one_token: dict[int, list[int]] = {}            # token test -> rules it completes
        self.sequences: list[tuple[int, int, list[int]]] = []  # (rule, index, token tests) of longer rules
        self.matcher = Matcher(nlp.vocab, validate=False)    # rules no table can answer
        self.matched_rules = 0
        self._index: dict[tuple[int, int], list[int]] = {}   # (column, value) -> token tests
        self._unindexed: list[int] = []      # token tests with no single value to look up
        self._starts: set[int] = set()       # token tests that open a longer rule
        self._table: dict[tuple, tuple[tuple[int, ...], frozenset[int]]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    def from_ruler(self, ruler) -> "AttributeRules":
        """Take over the rules of a spaCy AttributeRuler, in its order."""
        for number, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
            self.attrs.append(attrs)
            self.indices.append(index)
            for pattern in ruler.matcher.get(ruler.vocab.strings[str(number)])[1]:
                token_tests = [self._token_test(spec) for spec in pattern]
                if any(t is None for t in token_tests) or not -len(pattern) <= index < len(pattern):
                    self.matcher.add(str(number), [pattern])
                    self.matched_rules += 1
                    continue
                ids = [self._add_test(t) for t in token_tests]
                if len(ids) == 1:
                    self.one_token.setdefault(ids[0], []).append(number)
                else:
                    self.sequences.append((number, index % len(ids), ids))
                    self._starts.add(ids[0])
        return self

    def _token_test(self, spec: dict) -> list[tuple[int, str, Any]] | None:
        """One pattern token as tests on plain attribute values, or None when it needs the
        Matcher (operators, other attributes, other predicates)."""
        tests = []
        for key, value in spec.items():
            column = _TABLE_KEYS.get(key.upper())
            if column is None:
                return None
            col = _COLUMNS.index(column)
            if not isinstance(value, dict):
                tests.append((col, "in", frozenset([self._value(column, value)])))
            elif set(value) == {"IN"}:
                tests.append((col, "in", frozenset(self._value(column, v) for v in value["IN"])))
            elif set(value) == {"NOT_IN"}:
                tests.append((col, "not_in", frozenset(self._value(column, v) for v in value["NOT_IN"])))
            elif set(value) == {"REGEX"} and column in (LOWER, ORTH, TAG, DEP):
                tests.append((col, "regex", re.compile(value["REGEX"])))
            else:
                return None
        return tests

    def _add_test(self, tests: list[tuple[int, str, Any]]) -> int:
        number = len(self.tests)
        self.tests.append(tests)
        # looked up by the most selective plain value (a word before a tag before the rest)
        for column in (ORTH, LOWER, TAG, DEP):
            col = _COLUMNS.index(column)
            wanted = next((w for c, how, w in tests if c == col and how == "in"), None)
            if wanted is not None:
                for value in wanted:
                    self._index.setdefault((col, value), []).append(number)
                return number
        self._unindexed.append(number)
        return number

    def _value(self, column: int, value: Any) -> int:
        if column == IS_SPACE:
            return int(bool(value))
        return self.vocab.strings.add(value) if isinstance(value, str) else int(value)

    def _passes(self, tests: list[tuple[int, str, Any]], key: tuple, strings) -> bool:
        for col, how, wanted in tests:
            if how == "in":
                if key[col] not in wanted:
                    return False
            elif how == "not_in":
                if key[col] in wanted:
                    return False
            elif not wanted.search(strings[key[col]]):
                return False
        return True

    def _lookup(self, key: tuple, strings) -> tuple[tuple[int, ...], frozenset[int]]:
        """For a token's attributes: the one-token rules it satisfies, and every token test it
        passes (for the longer rules)."""
        found = self._table.get(key)
        if found is None:
            if len(self._table) >= _TABLE_LIMIT:
                self._table.clear()
            candidates = set(self._unindexed)
            for column, value in enumerate(key):
                candidates.update(self._index.get((column, value), ()))
            passed = frozenset(t for t in candidates if self._passes(self.tests[t], key, strings))
            rules = tuple(sorted({r for t in passed for r in self.one_token.get(t, ())}))
            found = self._table[key] = (rules, passed)
        return found

    def _attrs_of(self, rules: tuple[int, ...]) -> dict:
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for number in rules:     # in rule order: a later rule's value wins, as in spaCy
                merged.update(self.attrs[number])
            if len(self._merged) >= _TABLE_LIMIT:
                self._merged.clear()
            self._merged[rules] = merged
        return merged

    def _extra(self, doc: Doc, found: list) -> dict[int, set[int]]:
        """Rules of several tokens (and any the Matcher answers): token -> rule numbers."""
        extra: dict[int, set[int]] = {}
        if self.sequences:
            for start, (_, passed) in enumerate(found):
                if self._starts.isdisjoint(passed):
                    continue
                for number, index, ids in self.sequences:
                    end = start + len(ids)
                    if end <= len(found) and all(t in found[start + k][1] for k, t in enumerate(ids)):
                        extra.setdefault(start + index, set()).add(number)
        if self.matched_rules:
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                number = int(self.vocab.strings[match_id])
                index = self.indices[number]
                target = (start if index >= 0 else end) + index
                if not start <= target < end:
                    raise ValueError(f"attribute rule {number} points at token {index} of a "
                                     f"{end - start}-token match")
                extra.setdefault(target, set()).add(number)
        return extra

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        table = self._table
        # the table read inline: this runs once per token of every document
        found = [table.get(key) or self._lookup(key, strings)
                 for key in map(tuple, doc.to_array(_COLUMNS).tolist())]
        per_token = [rules for rules, _ in found]
        for target, numbers in self._extra(doc, found).items():
            per_token[target] = tuple(sorted(numbers.union(per_token[target])))
        if any("_" in attrs for attrs in self.attrs):
            for i, rules in enumerate(per_token):   # extension values: applied one rule at a time
                for number in rules:
                    set_token_attrs(doc[i], self.attrs[number])
            return doc
        merged = self._merged
        for token, rules in zip(doc, per_token):
            if rules:
                attrs = merged.get(rules)
                set_token_attrs(token, self._attrs_of(rules) if attrs is None else attrs)
        return doc


@Language.factory("pactwatch_attribute_rules",
                  assigns=["token.tag", "token.pos", "token.morph", "token.lemma"],
                  requires=["token.tag", "token.dep"])
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """Empty until `from_ruler` gives it the model's rules (pipeline.build does)."""
    return AttributeRules(nlp, name)
