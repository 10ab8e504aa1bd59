"""`ActorLinker`: the order the linker's passes run in over one document. Each pass lives in the
module named for its job; this one only hands the mentions from one to the next."""
from __future__ import annotations

import datetime as _dt

from spacy.language import Language
from spacy.tokens import Doc

from ... import knowledge
from ...documents import layout
from ...documents.layout.words import layout_words
from ...documents.metadata import recognise
from ..extensions import ACTORS
from ..parse_table import parse_table
from . import ambiguity, anaphora, entities, matching, merging, organs, people, places, titles
from .credits import PageRanges, credited
from .index import ActorIndex
from .mention import longest_first_matches
from .spans import to_spans


class ActorLinker:
    """Built once per pipeline (the knowledge base indexed: `index`); called on each Doc, it sets
    doc.spans["pw_actors"]."""

    def __init__(self, nlp: Language, kb: knowledge.KnowledgeBase):
        self.index = ActorIndex(nlp, kb)
        self.kb = kb
        # a Doc made without its page's layout reads it with the knowledge base's --kb folders
        self.layout_words = layout_words(getattr(kb, "folders", ()))

    def __call__(self, doc: Doc) -> Doc:
        ix = self.index
        # token texts read once (the Doc's parse table): cheaper than Token objects in each pass
        words = parse_table(doc).text
        date = doc._.dct or latest_date(words)
        title_matches = longest_first_matches(ix.title_matcher(doc))
        title_tokens = {i for _, s, e in title_matches for i in range(s, e)}
        # the knowledge base's names, then the page's credits, then the model's entities
        mentions = [m for m in matching.kb_mentions(ix, doc) if not ix.names_a_kind(doc, m.end)]
        mentions += matching.joined_tokens(ix, doc, words, mentions)
        mentions += matching.broken_words(ix, words, mentions)
        text = doc._.text
        page = doc._.layout if doc._.layout is not None else recognise(text, lw=self.layout_words)["layout"]
        mentions += credited(doc, text, page, mentions, ix.common_words)
        headings = PageRanges(layout.of_kind(page, "heading"))
        ents = doc.ents       # spaCy builds the list anew on each read
        people_words = entities.full_name_words(ents)
        mentions = entities.model_mentions(ix, doc, ents, mentions, title_tokens, headings, people_words)
        # what the names stand for
        mentions = places.regions(ix, doc, mentions, people_words)
        mentions += places.host_city_gatherings(ix, doc, mentions)
        mentions += places.missions(ix, doc, mentions)
        ambiguity.resolve_ambiguous(ix, doc, words, mentions)
        mentions = organs.administrations(ix, words, mentions, date)
        people.short_names(ix, doc, words, mentions, date)
        people.given_names(ix, doc, mentions)
        mentions += titles.titles(ix, doc, mentions, date, title_matches)
        places.capitals(ix, doc, mentions)
        mentions += anaphora.own_countries(ix, doc, mentions, date)
        mentions += organs.organs(ix, doc, words, mentions, date)
        merging.merge_unknown(doc, mentions)
        links = layout.of_kind(page, "link", "control")
        if links:
            # a link to another story ("Related: Lee Heads to Tokyo") or a site's control ("Download on
            # the App Store") names no actor of this one
            mentions = [m for m in mentions if not any(a <= doc[m.start].idx < b for a, b in links)]
        doc.spans[ACTORS] = to_spans(ix.kb, doc, mentions, date)
        return doc


def latest_date(words: list[str]) -> str:
    """For an undated document, the latest date it can be from: the end of the latest past year it
    mentions (capped at today), else today. Offices are looked up on that date."""
    today = _dt.date.today()
    years = [int(w) for w in words if len(w) == 4 and w.isascii() and w.isdigit() and 1900 <= int(w) <= today.year]
    if not years:
        return today.isoformat()
    return min(_dt.date(max(years), 12, 31), today).isoformat()
