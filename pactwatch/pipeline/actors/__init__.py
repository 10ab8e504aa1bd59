"""`pactwatch_actors`: who is named in a document, linked to the knowledge base.

Candidates come from two places: a PhraseMatcher over every name the knowledge base knows, and the
model's entity spans. Each is then resolved, in this order:
  - ambiguous shared names ("the Foreign Ministry", "Georgia") by the state named beside them,
    else by the state the document is most about;
  - capitals: "Seoul" is South Korea wherever the document also names South Korea or uses Seoul as an
    actor; otherwise (a meeting "in Hanoi") it stays the city;
  - "the Trump administration": an ORG acting for the state its head leads;
  - short names ("Lee", "President Trump"): the person of that family name named earlier in the
    document, else the only one the knowledge base has in office on the document's date;
  - titles without a name ("the U.S. president", "Japan's foreign minister"): whoever held the
    office on the document's date;
  - people the knowledge base lacks, by their office: "Chilean Foreign Minister X", "X, Chile's
    foreign minister", "X, the country's president" act for that state; "President X" with no state
    beside it, for the one state the document names whose holder the knowledge base does not know;
    "his country" is the state of the person named before it;
  - a state's mission abroad ("the US embassy in Manila") is an ORG acting for it, and a city before
    a lowercase gathering word ("the Vilnius summit") an EVENT;
  - generic references to a state's organs ("federal agents", "police", "the administration"): a
    mention of the state the document makes clear (the place the act is set in, the one federation
    it names, the "X administration" named before), only of a state it names, else nothing;
  - entities the knowledge base lacks: kept, typed by the model, merged within the document.
Around the model's entities: the people and outlets the page credits (bylines, wire and photo
credits, copyright lines, an outlet run into the date line), read from Doc._.layout
(documents/layout/credits.py), give names the model misses or takes for a heading; headings, links
to other stories and site controls come from the layout too; a proper name before
"region"/"province" is a region and before "kingdom"/"dynasty" a historical state; a building's
name ("... Museum", "... Palace") is a place; a lone English word opening a sentence, wire markers,
time zones and links to other stories are not actors.

Each span in doc.spans["pw_actors"] has label = type and Span._.actor = {"kb_id", "name", "type",
"acts_for"}, acts_for being the canonical name of the state the actor acts for (or None), or of a
body that is a party in its own right (the European Union, NATO: organisations.toml).

Modules, one job each (the order the passes run in is component.py's `ActorLinker.__call__`):
  component.py  the linker: runs the passes over one document in order
  index.py      the knowledge base indexed for linking, and questions about a mention's entry
  words.py      the word lists of knowledge/data/actor_words.toml (with --kb additions), per index
  mention.py    `ActorMention`, a stretch of tokens that may name an actor, and list helpers
  matching.py   the knowledge base's names in the text (glued or broken tokens too)
  credits.py    names the page layout credits (bylines, wire and photo credits), heading ranges
  entities.py   the model's entities: cut to the name, checked, typed by their last word
  places.py     regions, host-city gatherings, missions abroad, capitals acting for their state
  ambiguity.py  shared names and places resolved by the state beside them or the document's
  people.py     family names and given names alone
  titles.py     offices: titles before, after or instead of a name
  anaphora.py   "his country", "the country's"
  organs.py     "the Trump administration", generic organs ("police", "the administration")
  merging.py    entities the knowledge base lacks, one name and type each
  spans.py      mentions to doc.spans["pw_actors"]; `actor_of`
"""
from __future__ import annotations

from spacy.language import Language

from ... import knowledge
from ..extensions import ACTORS
from ..guard import Guarded
from .component import ActorLinker
from .credits import PageRanges
from .mention import ActorMention
from .spans import actor_of

__all__ = ["ActorLinker", "ActorMention", "PageRanges", "actor_of", "make_component"]


@Language.factory("pactwatch_actors", assigns=["doc.spans", "span._.actor", "doc._.pipeline_errors"],
                  requires=["doc.ents", "token.ent_type", "token.tag"], default_config={"kb_dirs": []})
def make_component(nlp: Language, name: str, kb_dirs: list):
    return Guarded(name, ActorLinker(nlp, knowledge.load(kb_dirs)), [ACTORS])
