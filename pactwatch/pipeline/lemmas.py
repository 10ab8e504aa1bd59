"""The model's lemmatizer, asked once per distinct word form rather than once per token.

spaCy's rule lemmatizer makes a Token object per token and reads its text, part of speech and
morphology in Python before it consults its cache, which is keyed on exactly those three
(orth, POS, morphology). The lemma is a function of that key, so here the key is read for the
whole Doc from one array, each key is answered by spaCy's own lemmatizer the first time it is
seen, and the lemmas go back in one array: the same lemma on every token for a fraction of the
cost. Tokens that already carry a lemma (set by the attribute rules) keep it, as spaCy's does
unless told to overwrite. tests/pipeline/test_lemmas.py holds it to spaCy's lemmatizer.
PACTWATCH_SPACY_LEMMATIZER=1 keeps spaCy's own (pipeline.build)."""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

_MEMO_LIMIT = 500_000   # distinct (form, POS, morphology) keys kept before the memo starts again


class MemoLemmas:
    """A drop-in for the model's `lemmatizer`, wrapping it (`wrap`)."""

    def __init__(self, name: str = "lemmatizer"):
        self.name = name
        self.lemmatizer = None
        self.overwrite = False
        self._memo: dict[tuple[int, int, int], int] = {}

    def wrap(self, lemmatizer) -> "MemoLemmas":
        """Answer with `lemmatizer` (spaCy's Lemmatizer, already initialised with its tables)."""
        self.lemmatizer = lemmatizer
        self.overwrite = bool(getattr(lemmatizer, "overwrite", False))
        self._memo.clear()
        return self

    @property
    def lookups(self):
        """The wrapped lemmatizer's tables, for readers of the model's vocabulary (actors/index.py)."""
        return getattr(self.lemmatizer, "lookups", None)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or self.lemmatizer is None:
            return doc
        if len(self._memo) > _MEMO_LIMIT:
            self._memo.clear()
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        memo, strings, changed = self._memo, doc.vocab.strings, False
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("pactwatch_lemmas", assigns=["token.lemma"], requires=["token.pos", "token.morph"])
def make_memo_lemmas(nlp: Language, name: str) -> MemoLemmas:
    """Empty until `wrap` gives it the model's lemmatizer (pipeline.build does)."""
    return MemoLemmas(name)
