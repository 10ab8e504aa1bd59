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
to other stories and site controls come from the layout too; a proper name before "region"/"province" is a region and before "kingdom"/"dynasty" a
historical state; a building's name ("... Museum", "... Palace") is a place; a lone English word
opening a sentence, wire markers, time zones and links to other stories are not actors.

Each span in doc.spans["pw_actors"] has label = type and Span._.actor = {"kb_id", "name", "type",
"acts_for"}, acts_for being the canonical name of the state the actor acts for (or None), or of a
body that is a party in its own right (the European Union, NATO: organisations.toml).
"""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .. import knowledge
from ..documents import layout
from ..documents.metadata import recognise
from ..knowledge import norm
from .attach import clause_head
from .extensions import ACTORS
from .guard import Guarded

MODEL_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"}
PLACE_KINDS = {"country", "capital"}
# characters that glue two words into one token ("U.S.-Korea", 'Day"—to')
_GLUE = re.compile(r"[-–—\"“”/]+")
_POSSESSIVE = {"'s", "’s", "'", "’"}
# capital initials written with periods ("D.C.", "U.S.")
_DOTTED_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}
# words that rank an office without changing whose it is ("Vice Foreign Minister")
_RANK_WORDS = {"vice", "deputy", "first", "senior", "acting", "former", "assistant", "under"}
# verbs whose object is someone addressed, pressed or blamed: a capital there is its government
_ADDRESS_VERBS = {"urge", "remind", "tell", "warn", "ask", "press", "pressure", "persuade", "convince", "accuse",
                  "criticize", "criticise", "thank", "invite", "notify", "inform", "assure", "reassure", "lobby",
                  "blame", "push", "punish", "sanction", "threaten", "condemn", "summon", "rebuke", "praise",
                  "court", "woo"}
# "the Kursk region", "Donetsk province": a proper name before one of these is a region
_REGION_WORDS = {"region", "province", "oblast", "prefecture", "county", "district", "governorate"}
_COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                  "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                  "southeastern", "southwestern"}
# the noun after a name that makes it a historical state ("the Silla kingdom")
_POLITY_WORDS = {"kingdom", "dynasty", "empire", "shogunate", "caliphate", "sultanate"}
# the ORTH ids of those words, to find them in a Doc's array without building its tokens
_REGION_OR_POLITY_IDS = frozenset(get_string_id(w) for w in _REGION_WORDS | _POLITY_WORDS)
# the last word of a building's name: a venue rather than an organisation
_VENUE_WORDS = {"Museum", "Palace", "Hotel", "Airport", "Stadium", "Arena", "Bridge", "Tower", "Square",
                "Guesthouse", "Cathedral", "Temple", "Shrine", "Mausoleum", "Castle", "Villa", "Residence"}
# of those, the ones no family name is spelled like: "Trump Tower" may be a person, "Lotte Hotel" not
_BUILDING_WORDS = {"Museum", "Palace", "Hotel", "Airport", "Stadium", "Arena", "Guesthouse", "Cathedral", "Shrine",
                   "Mausoleum"}
# the last word of an organisation's name
_ORG_HEADS = {"Navy", "Army", "Force", "Forces", "Corps", "Command", "Guard", "Party", "Ministry", "Department",
              "Agency", "Office", "Council", "Assembly", "Parliament", "Court", "Bank", "University", "Institute",
              "Commission", "Committee", "Authority", "Service", "Corporation", "Company", "Group", "Association",
              "Foundation", "Center", "Centre", "Times", "Post", "News", "Daily", "Herald"}
_ORDINAL_WORDS = {"first", "second", "third", "former", "current", "new", "previous", "next", "incoming",
                  "outgoing", "then"}
# prepositions whose object is where something happens ("detained at a plant in Georgia"); "to" and
# "from" say where someone goes or comes from, not where the act is
_LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "within"}
# links from a place name up to the phrase it places: "a Georgia plant", "near Ellabell, Georgia",
# "Seoul's outskirts", "the state of Georgia" (through "of", separately)
_PLACE_STEPS = {"compound", "appos", "conj", "npadvmod", "nmod", "poss"}
# what a state keeps on others' soil: "outside the U.S. embassy" is not in the United States
_ABROAD_WORDS = {"embassy", "embassies", "consulate", "consulates", "mission", "legation", "base", "bases",
                 "garrison", "office", "offices", "pavilion"}
# a state's missions abroad: "the US embassy in Manila" is an organisation of the United States
_MISSION_WORDS = {"embassy", "consulate"}
# nouns a person's possessive turns into the state he or she acts for ("his country")
_OWN_COUNTRY_NOUNS = {"country", "nation"}
# clauses that go on with the same actor: a place in one sets where the others happen too
_SAME_ACT_DEPS = {"conj", "xcomp", "advcl"}


@dataclass
class Mention:
    start: int
    end: int
    kb_id: str | None = None          # resolved entry
    candidates: list = field(default_factory=list)  # (kb_id, kind) for KB matches
    label: str | None = None          # the model's label, for unknown entities
    kind: str = "kb"                  # kb, model, short, title, admin
    name: str | None = None           # canonical name for entities not in the KB
    acts_for: str | None = None       # kb id of the state, for entities not in the KB


class ActorLinker:
    """Built once per pipeline: the matchers and indexes over the knowledge base."""

    def __init__(self, nlp: Language, kb: knowledge.KnowledgeBase):
        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.title_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.names: dict[str, list[tuple[str, str]]] = {}      # match key -> [(kb_id, kind)]
        self.surfaces: dict[str, list[list[str]]] = {}         # match key -> token texts as written
        self.requires: dict[tuple[str, str], list[str]] = {}   # (key, kb_id) -> ids one of which the doc must name
        self.short: dict[str, list[str]] = {}                  # "Trump" -> person ids
        self.titles: dict[str, dict] = {}
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
            self.surfaces[key] = [[t.text for t in d] for d in docs]
            self.matcher.add(key, docs)
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
        # the English words the model's lemmatizer knows (nouns, verbs, adjectives, adverbs): a
        # capitalised one of these alone is more likely a word opening a sentence than a name
        self.common_words: set[str] = set()
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                index = lookups.get_table("lemma_index")
                for pos in ("noun", "verb", "adj", "adv"):
                    self.common_words.update(index.get(pos, []))

    # ------------------------------------------------------------ per document
    def __call__(self, doc: Doc) -> Doc:
        # token texts read once from the array: cheaper than iterating Token objects in each pass
        words = [self.vocab.strings[o] for o in doc.to_array(ORTH).tolist()]
        date = doc._.dct or _latest_date(words)
        title_matches = _longest_first_raw(self.title_matcher(doc))
        title_tokens = {i for _, s, e in title_matches for i in range(s, e)}
        mentions = [m for m in self._kb_mentions(doc) if not self._names_a_kind(doc, m.end)]
        mentions += self._joined_tokens(doc, words, mentions)
        mentions += self._broken_words(doc, words, mentions)
        text = doc._.text
        page = doc._.layout if doc._.layout is not None else recognise(text)["layout"]
        mentions += _credited(doc, text, page, mentions, self.common_words)
        headings = PageRanges(layout.of_kind(page, "heading"))
        mentions = self._add_model_mentions(doc, mentions, title_tokens, headings)
        mentions = self._regions(doc, mentions)
        mentions += self._host_city_gatherings(doc, mentions)
        mentions += self._missions(doc, mentions)
        self._resolve_ambiguous(doc, mentions)
        mentions = self._administrations(doc, words, mentions, date)
        self._short_names(doc, words, mentions, date)
        self._given_names(doc, mentions)
        mentions += self._titles(doc, mentions, date, title_matches)
        self._capitals(doc, mentions)
        mentions += self._own_countries(doc, mentions, date)
        mentions += self._organs(doc, mentions, date)
        self._merge_unknown(doc, mentions)
        links = layout.of_kind(page, "link", "control")
        if links:
            # a link to another story ("Related: Lee Heads to Tokyo") or a site's control ("Download on
            # the App Store") names no actor of this one
            mentions = [m for m in mentions if not any(a <= doc[m.start].idx < b for a, b in links)]
        doc.spans[ACTORS] = self._spans(doc, mentions, date)
        return doc

    def _case_ok(self, key: str, tokens: Span) -> bool:
        for surface in self.surfaces.get(key, []):
            if len(surface) != len(tokens):
                continue
            ok = True
            for want, tok in zip(surface, tokens):
                letters = [c for c in want if c.isalpha()]
                if len(letters) >= 2 and all(c.isupper() for c in letters):
                    ok = tok.text.replace(".", "") == want.replace(".", "") or tok.text == want
                elif want[:1].isupper():
                    ok = tok.text[:1].isupper()
                if not ok:
                    break
            if ok:
                return True
        return False

    def _kb_mentions(self, doc: Doc) -> list[Mention]:
        found = []
        for match_id, start, end in self.matcher(doc):
            key = self.vocab.strings[match_id]
            cands = self.names[key]
            kinds = {k for _, k in cands}
            prev = doc[start - 1].lower_ if start > 0 else ""
            if kinds <= {"anaphor"}:
                if prev != "the":
                    continue
            elif not self._case_ok(key, doc[start:end]):
                continue
            # "the North" alone; not the start of a longer name ("the North American market")
            if kinds <= {"context"} and (prev != "the" or (end < len(doc) and doc[end].is_title)):
                continue
            found.append(Mention(start, end, candidates=list(cands)))
        chosen = _longest_first(found)
        # names inside an event's name that are actors themselves ("war in Ukraine")
        for m in list(chosen):
            entry = self.kb.get(m.candidates[0][0])
            if entry and entry["contains"]:
                for inner in found:
                    if m.start <= inner.start and inner.end <= m.end and inner is not m \
                            and any(i in entry["contains"] for i, _ in inner.candidates):
                        chosen.append(inner)
        return chosen

    def _joined_tokens(self, doc: Doc, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Names the tokenizer leaves glued to a neighbour inside one token ("U.S.-Korea",
        "U.S.–South Korea", 'Day"—to'): the pieces are looked up with the tokens around them."""
        covered = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        for i, word in enumerate(words):
            if i in covered or len(word) < 4 or not _GLUE.search(word.strip("\"'“”‘’-–—/")):
                continue
            tok = doc[i]
            pieces = [p for p in _GLUE.split(tok.text) if p]
            if len(pieces) < 2:
                continue
            found = []
            # the first piece may end a name begun in earlier tokens ("Liberation" + 'Day"—to')
            for n in (3, 2, 1, 0):
                if tok.i - n < 0 or any(i in covered for i in range(tok.i - n, tok.i)):
                    continue
                text = " ".join([t.text for t in doc[tok.i - n: tok.i]] + [pieces[0]])
                hit = self.names.get(norm(text))
                if hit and pieces[0][:1].isupper() and _all_named(hit):
                    first = tok.i - n
                    while first < tok.i and doc[first].lower_ in _DETERMINERS:
                        first += 1
                    found.append(Mention(first, tok.i + 1, candidates=list(hit)))
                    break
            # the last piece may begin a name that runs on ("South" + "Korea")
            for n in (3, 2, 1, 0):
                if tok.i + 1 + n > len(doc) or any(i in covered for i in range(tok.i + 1, tok.i + 1 + n)):
                    continue
                text = " ".join([pieces[-1]] + [t.text for t in doc[tok.i + 1: tok.i + 1 + n]])
                hit = self.names.get(norm(text))
                if hit and pieces[-1][:1].isupper() and _all_named(hit):
                    found.append(Mention(tok.i, tok.i + 1 + n, candidates=list(hit)))
                    break
            # one token can carry one actor's offsets: of two on the same token keep the first
            offsets = set()
            for m in found:
                if (m.start, m.end) not in offsets:
                    offsets.add((m.start, m.end))
                    out.append(m)
        return out

    def _broken_words(self, doc: Doc, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A name a line break cut in two, without a hyphen ("Chin" / "a" in text copied from a PDF
        or a narrow column): the two pieces joined name it when the first is capitalised, the
        second a lowercase fragment, and the joined word is a name the knowledge base knows."""
        covered = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        for i in range(len(words) - 2):
            if "\n" not in words[i + 1] or words[i + 1].strip() or i in covered or i + 2 in covered:
                continue
            head, tail = words[i], words[i + 2]
            if not (head[:1].isupper() and head.isalpha() and tail.isalpha() and tail.islower()):
                continue
            hit = self.names.get(norm(head + tail))
            if hit and _all_named(hit) and not self.names.get(norm(head)):
                out.append(Mention(i, i + 3, candidates=list(hit)))
        return out

    def _add_model_mentions(self, doc: Doc, mentions: list[Mention], title_tokens: set[int],
                            headings: "PageRanges") -> list[Mention]:
        """The model's entities, cleaned, where they add to the knowledge base's matches."""
        kb_tokens = {}
        for m in mentions:
            for i in range(m.start, m.end):
                kb_tokens[i] = m
        out = list(mentions)
        # words of the people named in full: a lone capitalised word among them is a name
        full_name_words = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2 for t in e}
        full_name_words |= {doc[i].text for m in mentions if m.label == "PERSON" for i in range(m.start, m.end)}
        for ent in doc.ents:
            if ent.label_ not in MODEL_LABELS:
                continue
            for start, end in _clean_pieces(ent):
                while start < end and start in title_tokens:
                    start += 1
                while end > start and end - 1 in title_tokens:
                    end -= 1
                if start == end:
                    continue
                # the model often stops a hyphenated given name at the hyphen ("Park Yoon|-joo")
                while (ent.label_ == "PERSON" and end + 1 < len(doc) and doc[end].text == "-"
                       and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_alpha):
                    end += 2
                # "Ambassador to Japan Gareth Pimm": the model runs the posting into the name
                head = kb_tokens.get(start)
                if (head is not None and head.start == start and head.end < end and self._is_place(head)
                        and start >= 2 and doc[start - 1].lower_ == "to" and start - 2 in title_tokens):
                    start, label = head.end, "PERSON"
                else:
                    label = ent.label_
                # in a heading, "Lee Agree" is a family name and a capitalised verb
                if label == "PERSON" and end - start >= 2 and doc[start].text in self.short \
                        and not self.names.get(norm(doc[start:end].text)) and headings.holds(doc[start:end]):
                    end = start + 1
                # "Trump-era", "US-led": the name is the actor, the hyphened word only makes it a modifier
                while (end - start >= 3 and doc[end - 2].text == "-" and not doc[end - 3].whitespace_
                       and not doc[end - 2].whitespace_ and doc[end - 1].lower_ in self.modifier_suffixes):
                    end -= 2
                if self._names_a_kind(doc, end) or self._headline_words(doc[start:end], label, headings):
                    continue
                if not _plausible_name(doc[start:end], label, headings) or norm(doc[start:end].text) in self.kb.not_names:
                    continue
                if label == "PERSON" and end - start == 1 and self._stray_capital(doc, start, full_name_words):
                    continue
                # "Republic of Korea Navy", "Busan Metropolitan Council": an organisation, whatever
                # place the model heard in it
                if label in ("GPE", "LOC") and end - start >= 2 and doc[end - 1].text in _ORG_HEADS:
                    label = "ORG"
                # "the Gyeongju National Museum", "Akasaka Palace": a building, where leaders meet
                if end - start >= 2 and (label in ("ORG", "GPE") and doc[end - 1].text in _VENUE_WORDS
                                         or label == "PERSON" and doc[end - 1].text in _BUILDING_WORDS):
                    label = "FAC"
                # "the Hague Summit", "the Munich Security Conference": a gathering, whatever the model heard
                if end - start >= 2 and label in ("ORG", "GPE", "LOC", "FAC", "PERSON") \
                        and doc[end - 1].text in self.event_heads:
                    label = "EVENT"
                inside = {id(kb_tokens[i]): kb_tokens[i] for i in range(start, end) if i in kb_tokens}
                if inside:
                    inner = list(inside.values())
                    # "the Government of India": the state itself, named by its government
                    if all(self._is_place(m) for m in inner) and all(
                            t.lower_ in self.kb.organs["anaphors"] or t.lower_ in ("of", "the")
                            for t in doc[start:end] if not any(m.start <= t.i < m.end for m in inner)):
                        continue
                    # a longer proper name around place names or names many bodies share ("Seoul
                    # National University", "University of Tokyo", "Constitutional Democratic Party
                    # of Japan") is the name
                    inner_tokens = {i for m in inner for i in range(m.start, m.end)}
                    extra = [doc[i] for i in range(start, end) if i not in inner_tokens]
                    if (ent.label_ in ("ORG", "PERSON", "FAC", "GPE", "LOC", "EVENT")
                            and all(m.start >= start and m.end <= end for m in inner)
                            and all(self._is_any_place(m) or _all_generic(m) for m in inner)
                            and _proper_words(doc[start:end])
                            and any(t.is_title or t.is_upper for t in extra)
                            # a name, not a clause: short, and no verb outside the inner names
                            and sum(not t.is_punct for t in doc[start:end]) <= 8
                            and not any(t.pos_ in ("VERB", "AUX") for t in extra)
                            # "Western Cambodia", "Eastern Ukraine": a part of the place, still the place
                            and not all(t.lower_ in _COMPASS_WORDS for t in extra)):
                        for m in inner:
                            out.remove(m)
                            for i in range(m.start, m.end):
                                kb_tokens.pop(i, None)
                    elif (body_state := self._sub_body_state(doc[start:end], label, inner, extra)) is not None:
                        # "the House of Representatives Armed Services Committee": a body of a body,
                        # acting for its state; the body it belongs to stays named
                        out.append(Mention(start, end, label="ORG", kind="model", acts_for=body_state))
                        continue
                    else:
                        continue
                out.append(Mention(start, end, label=label, kind="model"))
        return out

    def _missions(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"the US embassy in Manila", "the Japanese consulate": a state's mission abroad, an ORG
        acting for that state, named with the place it is in when the text gives one; the state and
        the place stay mentions of their own."""
        by_end = {m.end: m for m in mentions}
        by_start = {m.start: m for m in mentions}
        covered = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        for m in list(by_end.values()):
            i = m.end
            if i >= len(doc) or doc[i].lower_ not in _MISSION_WORDS or i in covered:
                continue
            kb_id = m.kb_id or (m.candidates[0][0] if len(m.candidates) == 1 else None)
            state = self.kb.state_of(kb_id) if kb_id else None
            if not state or (self.kb.get(state) or {}).get("kind") != "country":
                continue
            end = i + 1
            place = by_start.get(end + 1) if end + 1 < len(doc) and doc[end].lower_ == "in" else None
            if place is not None and self._is_any_place(place):
                end = place.end
            name = " ".join(t.text for t in doc[m.start:end])
            out.append(Mention(m.start, end, label="ORG", kind="mission", name=name, acts_for=state))
        return out

    def _host_city_gatherings(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"the Hague summit", "the Vilnius summit": a city before a gathering's word in lower case,
        after "the", names that gathering, an EVENT; the city stays a mention of its own."""
        heads = {w.lower() for w in self.event_heads}
        by_end = {m.end: m for m in mentions}
        out = []
        for m in by_end.values():
            if m.end >= len(doc) or doc[m.end].text not in heads or m.start == 0 or doc[m.start - 1].lower_ != "the":
                continue
            kb_id = m.kb_id or (m.candidates[0][0] if len(m.candidates) == 1 else None)
            entry = self.kb.get(kb_id) or {}
            city = entry.get("kind") == "capital" or (entry.get("type") == "GPE" and entry.get("kind") != "country") \
                or (not kb_id and m.label == "GPE")
            if city and any(t.is_title for t in doc[m.start:m.end]):
                out.append(Mention(m.start, m.end + 1, label="EVENT", kind="model"))
        return out

    def _sub_body_state(self, span: Span, label: str, inner: list[Mention], extra: list[Token]) -> str | None:
        """The state a longer organisation's name around a known state body acts for, when the name is
        a body of that body: capitalised words after it, ending in an organisation's word
        ("Committee", "Commission"), no verb; None otherwise."""
        if label != "ORG" or span[-1].text not in _ORG_HEADS or len(span) > 10:
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in extra) or not all(t.is_title or t.is_punct or t.lower_ in
                                                                   ("of", "the", "and", "on", "for") for t in extra):
            return None
        states = set()
        for m in inner:
            entry = self.kb.get(m.kb_id or (m.candidates[0][0] if len(m.candidates) == 1 else None)) or {}
            if entry.get("type") != "ORG" or m.start < span.start or m.end > span.end:
                return None
            states.add(self.kb.state_of(entry["id"]))
        if len(states) != 1 or None in states:
            return None
        # the words after the body name what part of it this is ("... Armed Services Committee")
        last_inner = max(m.end for m in inner)
        return next(iter(states)) if span.end - last_inner >= 2 else None

    def _regions(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A proper name before a lowercase region word ("the Kursk region") names a region, and one
        before "kingdom" or "dynasty" ("the Silla kingdom") a historical state, whatever the model
        called it; the model's mention of the name alone, if any, is widened to it. A family name
        ("the Kim dynasty", "the Bush dynasty") stays a family's."""
        kept = list(mentions)
        people = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2 for t in e}
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            if i == 0 or orth not in _REGION_OR_POLITY_IDS:
                continue
            tok = doc[i]
            polity = tok.text in _POLITY_WORDS
            if not (polity or tok.text in _REGION_WORDS):
                continue
            start = i
            while start > 0 and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title
                                 or doc[start - 1].text == "-" and start > 1 and doc[start - 2].is_title):
                start -= 1
            if start == i or start == 0 or doc[start - 1].lower_ not in ("the", "of", "in", "'s", "’s"):
                continue
            if polity and any(doc[j].text in self.short or doc[j].text in people for j in range(start, i)):
                continue
            inside = [m for m in kept if m.start < i + 1 and start < m.end]
            # a name the knowledge base knows, or that the model already read as a place, stays as it is
            if any(m.kind != "model" or m.label in ("GPE", "LOC", "FAC") or m.start < start or m.end > i
                   for m in inside):
                continue
            for m in inside:
                kept.remove(m)
            kept.append(Mention(start, i + 1, label="GPE", kind="model", name=doc[start:i].text))
        return kept

    def _stray_capital(self, doc: Doc, i: int, full_name_words: set[str]) -> bool:
        """A capitalised word the model took for a person ("Turnout was high"): an English word that
        opens a sentence or line, no one named in full carries it, the knowledge base knows no one
        by it, and it is written nowhere else in the document. News names a person in full at least
        once, or by a single name that is no English word ("Lula")."""
        word = doc[i].text
        if word in full_name_words or word in self.short or doc[i].is_upper:
            return False
        lower = word.lower()
        if not {lower, lower[:-1] if lower.endswith("s") else lower} & self.common_words:
            return False          # not an English word: a name ("Lula's presidency")
        if i + 1 < len(doc) and doc[i + 1].text in _POSSESSIVE:
            return False
        opens = i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_
        if not opens:
            return False
        return not any(t.text == word for t in doc if t.i != i)

    def _is_place(self, m: Mention) -> bool:
        for kb_id, kind in m.candidates:
            entry = self.kb.get(kb_id)
            if kind == "demonym" or (entry and entry.get("kind") in PLACE_KINDS):
                return True
        return False

    def _is_any_place(self, m: Mention) -> bool:
        """A place of any kind: a state, a capital, a city, a region, a sea."""
        return self._is_place(m) or bool(m.candidates) and all(
            (self.kb.get(i) or {}).get("type") in ("GPE", "LOC", "FAC") for i, _ in m.candidates)

    def _state_counts(self, mentions: list[Mention]) -> Counter:
        counts: Counter = Counter()
        for m in mentions:
            if len(m.candidates) == 1 or m.kb_id:
                kb_id = m.kb_id or m.candidates[0][0]
                state = self.kb.state_of(kb_id) or (self.kb.get(kb_id) or {}).get("part_of")
                if state:
                    counts[state] += 1
        return counts

    def _family_name_states(self, span) -> Counter:
        """States of the people a text names by family name alone, where the knowledge base has one
        person of that name ("President Trump"): not resolved yet when shared names are."""
        counts: Counter = Counter()
        for t in span:
            ids = self.short.get(t.text, ())
            if len(ids) == 1 and (state := self.kb.state_of(ids[0])):
                counts[state] += 1
        return counts

    def _modifier_state(self, doc: Doc, start: int, by_end: dict, bodies: bool = False) -> str | None:
        """The state named just before position `start` ("South Korea's", "the Japanese"); with
        `bodies`, also the state of a body named there ("Chinese Foreign Ministry spokesperson")."""
        j = start
        if j > 0 and doc[j - 1].text in _POSSESSIVE:
            j -= 1
        m = by_end.get(j)
        if m is None:
            return None
        kb_id = m.kb_id or (m.candidates[0][0] if len(m.candidates) == 1 else None)
        if not kb_id or not (bodies or self._is_place(m)):
            return None
        return self.kb.state_of(kb_id)

    def _resolve_ambiguous(self, doc: Doc, mentions: list[Mention]) -> None:
        named = {c[0] for m in mentions if len(m.candidates) == 1 for c in m.candidates}
        counts = self._state_counts(mentions)
        people_states = None     # the states of people named by family name alone, counted when needed
        by_end = {m.end: m for m in mentions if m.candidates}
        for m in mentions:
            if not m.candidates:
                continue
            cands = m.candidates
            # names valid only beside another ("the South" in a text about the North)
            cands = [(i, k) for i, k in cands if k != "context"
                     or any(r in named for r in self.requires.get((norm(doc[m.start:m.end].text), i), []))]
            if not cands:
                m.candidates = []
                continue
            modifier = self._modifier_state(doc, m.start, by_end)

            def state(c):
                return self.kb.state_of(c[0]) or (self.kb.get(c[0]) or {}).get("part_of")
            if all(k == "generic" for _, k in cands):
                # a name many states' bodies share: the one of the state named beside it, else of
                # a state the document names; a body of some other state is left unlinked
                if people_states is None:
                    people_states = self._family_name_states(doc)
                fitting = [c for c in cands if state(c) == modifier] if modifier else \
                          [c for c in cands if counts.get(state(c), 0) + people_states.get(state(c), 0) > 0]
                if len(fitting) > 1 and not modifier:
                    # several states named: the one the sentence itself is about ("the Supreme Court
                    # struck down the president's tariffs" in a story that also names the allies taxed)
                    sent = doc[m.start].sent
                    here = self._state_counts([x for x in mentions if x is not m and sent.start <= x.start < sent.end])
                    here.update(self._family_name_states(doc[sent.start:sent.end]))
                    fitting = [c for c in fitting if here.get(state(c), 0) == max(here.get(state(f), 0)
                                                                                 for f in fitting)]
                if not fitting:
                    m.candidates = []
                    if doc[m.start].text[:1].isupper():
                        m.kind, m.label = "model", "ORG"
                    continue
                cands = fitting
            if len(cands) == 1:
                m.kb_id = cands[0][0]
                continue
            # "Ellabell, Georgia": a place after a town and a comma is the town's region; the
            # town's own state decides when the town is known ("Tbilisi, Georgia")
            after_town = m.start >= 2 and doc[m.start - 1].text == "," and doc[m.start - 2].is_title
            town = by_end.get(m.start - 1) if after_town else None
            town_state = self.kb.state_of(town.candidates[0][0]) if town and len(town.candidates) == 1 else None
            m.kb_id = max(cands, key=lambda c: (modifier is not None and state(c) == modifier,
                                                town_state is not None and state(c) == town_state,
                                                after_town and bool((self.kb.get(c[0]) or {}).get("part_of")),
                                                counts.get(state(c), 0), c[1] != "generic"))[0]
        # "the peninsula" refers to a place only where the document names it in full
        named_fully = {m.kb_id for m in mentions if m.kb_id and not all(k == "anaphor" for _, k in m.candidates)}
        mentions[:] = [m for m in mentions if (m.kb_id or not m.candidates)
                       and (m.kb_id or m.kind != "kb")
                       and not (m.candidates and all(k == "anaphor" for _, k in m.candidates) and m.kb_id not in named_fully)]

    def _person_id(self, m: Mention) -> str | None:
        entry = self.kb.get(m.kb_id)
        return m.kb_id if entry and entry["type"] == "PERSON" else None

    def _administrations(self, doc: Doc, words: list[str], mentions: list[Mention], date: str) -> list[Mention]:
        """"the Trump administration": the government a leader heads, an ORG of its own."""
        by_end = {m.end: m for m in mentions}
        out = list(mentions)
        for i, word in enumerate(words):
            if i == 0 or word.lower() not in ("administration", "government"):
                continue
            m = by_end.get(i)
            person_id = self._person_id(m) if m else None
            if person_id is None:
                # the leader named by family name alone, not yet resolved ("the Trump administration")
                leaders = [p for p in self.short.get(words[i - 1], [])
                           if any(r["role"] in self.kb.heads for r in self.kb.get(p)["roles"])]
                if len(leaders) != 1:
                    continue
                person_id = leaders[0]
            if m is None:
                m = next((x for x in out if x.start <= i - 1 < x.end), None)
            if m and m.end != i:
                continue
            start = m.start if m else i - 1
            # "the Yoon Suk Yeol government" names the person in full as well as the government
            if m in out and not (m.kb_id == person_id and m.end - m.start >= 2):
                out.remove(m)
            short = (self.kb.get(person_id)["short"] or [words[i - 1]])[0]
            out.append(Mention(start, i + 1, kind="admin", label="ORG", name=f"{short} {word.lower()}",
                               acts_for=self.kb.state_for_person(person_id, date)))
        return out

    def _short_names(self, doc: Doc, words: list[str], mentions: list[Mention], date: str) -> None:
        """Family names alone, and model mentions not yet linked, resolved within the document: to
        the person of that name mentioned nearest before (else after), known or not; failing that,
        to the only person the knowledge base has by that name (in office on the date, if several).
        Two rounds: a name resolved late ("President Trump") also claims its earlier bare mentions."""
        unknown_people = sorted((m for m in mentions if m.kind == "model" and m.label == "PERSON"
                                 and m.end - m.start >= 2), key=lambda m: m.start)
        unknown_short: dict[str, str] = {}
        for u in unknown_people:
            name = _strip_possessive(doc[u.start:u.end].text)
            last = u.end - 1
            # "Ferdinand Marcos Jr.": the family name comes before the suffix
            while last > u.start and (doc[last].text in self.suffixes or doc[last].is_punct):
                last -= 1
            for part in (doc[u.start].text, doc[last].text):
                unknown_short.setdefault(part, name)
        for _ in range(2):
            self._short_names_round(doc, words, mentions, date, unknown_short)
        mentions[:] = [m for m in mentions if m.kind != "short" or m.kb_id or m.name]

    def _short_names_round(self, doc: Doc, words: list[str], mentions: list[Mention], date: str,
                           unknown_short: dict[str, str]) -> None:
        full = sorted((m for m in mentions if self._person_id(m)), key=lambda m: m.start)
        covered = {i for m in mentions for i in range(m.start, m.end)}
        in_doc_short = {s for m in full for s in self.kb.get(m.kb_id)["short"]}
        for i, word in enumerate(words):
            if i in covered or not word[:1].isupper() or not (word in in_doc_short or word in unknown_short
                                                              or word in self.short):
                continue
            tok = doc[i]
            after_title = self._title_before(doc, i) is not None
            if ((word in in_doc_short or word in unknown_short) and (tok.pos_ == "PROPN" or tok.is_title)) \
                    or (word in self.short and after_title):
                mentions.append(Mention(i, i + 1, kind="short", label="PERSON"))
        for m in mentions:
            if m.kb_id or m.name or m.kind not in ("model", "short"):
                continue
            text = _strip_possessive(doc[m.start:m.end].text)
            # a variant spelling of a known name ("Lee Jae-Myung")
            cands = self.names.get(norm(text), [])
            ids = {i for i, _ in cands}
            if len(ids) == 1 and _all_named(cands) and self.kb.get(next(iter(ids)))["type"] != "GPE":
                m.kb_id = next(iter(ids))
                continue
            if m.end - m.start != 1 or m.label not in ("PERSON", "ORG", "GPE", None):
                continue
            before = [f for f in full if f.start < m.start and text in self.kb.get(f.kb_id)["short"]]
            after = [f for f in full if f.start > m.start and text in self.kb.get(f.kb_id)["short"]]
            if before or after:
                m.kb_id = (before[-1] if before else after[0]).kb_id
                continue
            if text in unknown_short and unknown_short[text] != text:
                m.name, m.label = unknown_short[text], "PERSON"
                continue
            ids = self.short.get(text, [])
            in_office = [i for i in ids if self.kb.roles_at(i, date)]
            # a family name alone is the one holder of an office on the date; one out of office
            # only after a title ("former Prime Minister Choi"): a reporter or a witness may share
            # the family name of a minister long gone
            title = self._title_before(doc, m.start)
            if len(in_office) == 1:
                m.kb_id = in_office[0]
            elif len(ids) == 1 and title and any(r["role"] in title["roles"] for r in self.kb.get(ids[0])["roles"]):
                m.kb_id = ids[0]

    def _given_names(self, doc: Doc, mentions: list[Mention]) -> None:
        """A given name alone ("Donald", "Jae Myung") is the one person of this document whose full
        name it completes; left alone when two people share it."""
        owners: dict[str, set] = {}
        for m in mentions:
            person = self._person_id(m)
            if person:
                entry = self.kb.get(person)
                full, family = entry["name"], set(entry["short"])
            elif m.kind == "model" and m.label == "PERSON" and m.name is None and m.end - m.start >= 2:
                full, family = _strip_possessive(doc[m.start:m.end].text), set()
            else:
                continue
            words = [w for w in full.split() if w not in self.suffixes]
            family = family or {words[-1]} if len(words) >= 2 else family
            given = [w for w in words if w not in family]
            if given and len(given) < len(words):
                owners.setdefault(norm(" ".join(given)), set()).add(person or ("name", full))
        if not owners:
            return
        for m in mentions:
            if m.kb_id or m.name or m.kind != "model" or m.label != "PERSON" or m.end - m.start > 2:
                continue
            found = owners.get(norm(_strip_possessive(doc[m.start:m.end].text)), ())
            if len(found) == 1:
                owner = next(iter(found))
                if isinstance(owner, tuple):
                    m.name = owner[1]
                else:
                    m.kb_id = owner

    def _names_a_kind(self, doc: Doc, end: int) -> bool:
        """The name ending at `end` names a kind of thing after it: "Virginia-class submarines"."""
        return (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
                and not doc[end].whitespace_ and doc[end + 1].lower_ in self.type_suffixes)

    def _headline_words(self, span: Span, label: str, headings: "PageRanges") -> bool:
        """Capitalised common words the model took for a person: in a heading ("Offer Contradictory"),
        or three or more in a row anywhere ("Joint Fact Sheet"). A name the knowledge base knows is
        a name whatever its words."""
        if label != "PERSON" or len(span) < 2 or self.names.get(norm(span.text)):
            return False
        words = [t for t in span if not t.is_punct]
        if not words or not all(t.lower_ in self.common_words for t in words):
            return False
        return len(words) >= 3 or headings.holds(span)

    def _title_before(self, doc: Doc, i: int) -> dict | None:
        """The title of an office written just before token i ("Finance Minister Choi")."""
        for n in (4, 3, 2, 1):
            if i - n >= 0:
                title = self.titles.get("title:" + " ".join(t.lower_ for t in doc[i - n:i]))
                if title:
                    return title
        return None

    def _titles(self, doc: Doc, mentions: list[Mention], date: str, title_matches) -> list[Mention]:
        """Offices named without the holder's name, resolved by the document's date."""
        starts = {m.start: m for m in mentions}
        by_end = {m.end: m for m in mentions if m.kb_id}
        in_doc = {m.kb_id for m in mentions if m.kb_id}
        by_end_any = {m.end for m in mentions}
        countries = {m.kb_id for m in mentions if (self.kb.get(m.kb_id) or {}).get("kind") == "country"}
        out = []
        for match_id, start, end in title_matches:
            title = self.titles[self.vocab.strings[match_id]]
            after = end
            # "Ambassador to Japan George Glass": the posting sits between the title and the name
            if end + 1 < len(doc) and doc[end].lower_ == "to" and end + 1 in starts and self._is_place(starts[end + 1]):
                after = starts[end + 1].end
            nxt = starts.get(after)
            if nxt is not None and (self._person_id(nxt) or nxt.label == "PERSON"):
                # the name follows: "President Lee"; a person the KB lacks still acts for the
                # state the title names ("Chilean Vice Foreign Minister Ana Soto")
                if not nxt.kb_id and nxt.acts_for is None:
                    lead = start
                    while lead > 0 and doc[lead - 1].lower_ in _RANK_WORDS:
                        lead -= 1
                    nxt.acts_for = self._modifier_state(doc, lead, by_end, bodies=True) or title["country"]
                    if nxt.acts_for is None and lead not in by_end_any and (lead == 0 or doc[lead - 1].text not in _POSSESSIVE):
                        nxt.acts_for = self._office_state(title, countries, date, doc[nxt.start:nxt.end].text)
                continue
            # "Ana Soto, Chile's foreign minister", "Ana Soto, the country's president": a person the
            # KB lacks, in apposition to a state's office, acts for that state
            holder = self._apposed_person(doc, start, starts)
            if holder is not None:
                state = self._modifier_state(doc, start, by_end) or self._country_anaphor_state(doc, start, mentions)
                if state is not None:
                    holder.acts_for = state
                    continue
            if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
                continue          # an unknown name follows
            if any(m.start < end and start < m.end for m in mentions):
                continue
            state = self._modifier_state(doc, start, by_end)
            first = start
            if state is not None:
                first = by_end[start - 1 if doc[start - 1].text in _POSSESSIVE else start].start
            if first > 0 and doc[first - 1].lower_ in self.generic_determiners:
                continue          # "no American president", "a prime minister": no one in particular
            elif end + 1 < len(doc) and doc[end].lower_ == "of" and end + 1 in starts:
                place = starts[end + 1]           # "the president of Armenia"
                if place.kb_id and self._is_place(place):
                    state = self.kb.state_of(place.kb_id)
            if state is None:
                state = title["country"]
            if state is None:
                # "the president": the only holder of such an office this document names
                holders = [p for p in in_doc if self.kb.get(p)["type"] == "PERSON"
                           and any(r["role"] in title["roles"] for r in self.kb.roles_at(p, date))]
                if len(holders) != 1 or start == 0 or doc[start - 1].lower_ != "the":
                    continue
                person = holders[0]
            else:
                people = self.kb.holders(title["roles"], state, date)
                if len(people) != 1:
                    continue
                person = people[0]["id"]
            out.append(Mention(first, end, kb_id=person, kind="title"))
        return out

    def _office_state(self, title: dict, countries: set[str], date: str, name: str) -> str | None:
        """Whose office an unknown "President X" or "Foreign Minister X" holds when the text names no
        state beside the title: the one state the document names whose holder of that office on the
        date the knowledge base does not know ("President X" in a story naming the United States,
        whose president is known, and the Philippines is the Philippines'). Only for offices whose
        holders the knowledge base lists: a "director" or a "spokesman" may serve no state at all."""
        if not title.get("holders_known", True):
            return None
        words = set(norm(name).split())
        open_states = []
        for state in countries:
            known = self.kb.holders(title["roles"], state, date)
            if any(words & set(norm(p["name"]).split()) for p in known):
                return None     # the known holder, spelled another way: not another state's
            if not known:
                open_states.append(state)
        return open_states[0] if len(open_states) == 1 else None

    @staticmethod
    def _apposed_person(doc: Doc, start: int, starts: dict) -> Mention | None:
        """The unknown person a title phrase starting at `start` stands in apposition to: "Ana Soto,
        Chile's foreign minister" (the phrase may open with "the" and a state)."""
        i = start
        # back over the state and "the" that open the phrase ("the country's", "Chile's", "the Chilean")
        for _ in range(4):
            if i > 0 and doc[i - 1].text != ",":
                i -= 1
            else:
                break
        if i < 2 or doc[i - 1].text != ",":
            return None
        if any(t.is_punct and t.text not in _POSSESSIVE for t in doc[i:start]):
            return None
        before = next((m for m in starts.values() if m.end == i - 1), None)
        if before is None or before.kb_id or before.label != "PERSON" or before.acts_for is not None:
            return None
        return before

    def _country_anaphor_state(self, doc: Doc, start: int, mentions: list[Mention]) -> str | None:
        """"the country's president": the state most recently named before, in this sentence or
        the one before it."""
        j = start
        if j > 0 and doc[j - 1].text in _POSSESSIVE:
            j -= 1
        if not (j >= 2 and doc[j - 1].lower_ in ("country", "nation") and doc[j - 2].lower_ == "the"):
            return None
        sent = doc[j - 1].sent
        floor = doc[sent.start - 1].sent.start if sent.start > 0 else 0
        named = [m for m in mentions if floor <= m.start < j - 2
                 and (self.kb.get(m.kb_id) or {}).get("kind") in ("country", "capital")]
        return self.kb.state_of(max(named, key=lambda m: m.start).kb_id) if named else None

    def _own_countries(self, doc: Doc, mentions: list[Mention], date: str) -> list[Mention]:
        """"his country", "her nation": the state of the person named last before it in the
        sentence ("Sánchez argued that his country can ..." is Spain), if that person acts for a state."""
        covered = {i for m in mentions for i in range(m.start, m.end)}
        people = sorted((m for m in mentions if self._person_id(m) or (m.label == "PERSON" and not m.kb_id)),
                        key=lambda m: m.start)
        out = []
        for tok in doc:
            if tok.lower_ not in _OWN_COUNTRY_NOUNS or tok.i == 0 or tok.i in covered:
                continue
            owner = doc[tok.i - 1]
            if owner.lower_ not in ("his", "her") or owner.head.i != tok.i:
                continue
            # "his country's welfare programs": the state only owns what the phrase is about
            if tok.i + 1 < len(doc) and doc[tok.i + 1].text in _POSSESSIVE:
                continue
            sent_start = tok.sent.start
            person = next((m for m in reversed(people) if sent_start <= m.start and m.end <= owner.i), None)
            if person is None:
                continue
            state = self.kb.state_for_person(person.kb_id, date) if person.kb_id else person.acts_for
            if state and (self.kb.get(state) or {}).get("kind") == "country":
                out.append(Mention(owner.i, tok.i + 1, kb_id=state, kind="organ"))
        return out

    def _capitals(self, doc: Doc, mentions: list[Mention]) -> None:
        """A capital is folded into its state where the document names the state or makes the
        capital act ("Seoul said", "Seoul's position"); otherwise it is the city."""
        by_state: dict[str, list[Mention]] = {}
        named_states = set()
        for m in mentions:
            entry = self.kb.get(m.kb_id)
            if not entry:
                continue
            if entry.get("kind") == "capital":
                by_state.setdefault(entry["capital_of"], []).append(m)
            elif entry.get("kind") == "country":
                named_states.add(entry["id"])
        for state, caps in by_state.items():
            acting = any(_acts(doc, m) for m in caps)
            if state in named_states or acting:
                for m in caps:
                    m.kb_id = state

    # ------------------------------------------------------------ generic organs
    def _organs(self, doc: Doc, mentions: list[Mention], date: str) -> list[Mention]:
        """Generic references to a state's organs, which name no entity: "federal agents", "the
        authorities", "police", "the administration". Each stands for the state the document makes
        clear, as a mention of that state, and only of a state the document names: a wrong state is
        worse than none, so an unclear one stays unlinked. In order:
          - a place the phrase itself carries ("police in Busan");
          - the places its act is set in ("... at a plant in Georgia"), if they are all of one state;
          - for "federal ...", the one federation among the states the document is about.
        "the administration" and "the government" stand for the "X administration" or "X government"
        named before them, if all of those are of one state; failing that, "the administration" is
        the government of the one head of government the document names."""
        organs = self.kb.organs
        if not organs or not (organs.get("heads") or organs.get("modified_heads") or organs.get("anaphors")):
            return []
        covered = {i for m in mentions for i in range(m.start, m.end)}
        at = {i: m for m in mentions for i in range(m.start, m.end)}
        named = {m.kb_id for m in mentions if m.kb_id and (self.kb.get(m.kb_id) or {}).get("kind") == "country"}
        counts = self._state_counts(mentions)
        out: list[Mention] = []
        anaphors = organs.get("anaphors", ())
        heads = organs.get("heads", ())
        modified_heads = organs.get("modified_heads", ())
        for tok in doc:
            lower = tok.lower_
            if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if lower in anaphors:
                m = self._government_anaphor(doc, tok, mentions, named, date)
                if m is not None:
                    out.append(m)
                    covered.add(tok.i)
                continue
            if lower not in heads and lower not in modified_heads:
                continue   # the test below fails whatever the modifiers
            # "police sources", "a police raid": the organ only describes another noun
            if tok.dep_ == "compound" and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
                continue
            mods = self._organ_modifiers(tok)
            if lower not in organs.get("heads", ()) and not (lower in organs.get("modified_heads", ()) and mods):
                continue
            # "South Korean police", "Seoul police", "ICE agents": whose they are is already named
            if any(c.dep_ in ("compound", "amod", "poss", "nmod") and c.i in covered for c in tok.children):
                continue
            start = tok.i
            while start - 1 in mods:
                start -= 1
            if any(i in covered for i in range(start, tok.i + 1)):
                continue
            federal = any(doc[i].lower_ in organs.get("federal", ()) for i in mods)
            state = self._organ_state(doc, tok, federal, at, counts)
            if state is not None and state in named:
                out.append(Mention(start, tok.i + 1, kb_id=state, kind="organ"))
                covered.update(range(start, tok.i + 1))
        return out

    def _organ_modifiers(self, tok: Token) -> set[int]:
        """Positions of the words before an organ's noun that say which organ it is ("federal
        immigration agents", "law enforcement officials"), themselves modified or not."""
        words = self.kb.organs.get("modifiers", ())
        found: set[int] = set()
        todo = [c for c in tok.children if c.i < tok.i]
        while todo:
            c = todo.pop()
            if c.dep_ in ("amod", "compound") and c.lower_ in words:
                found.add(c.i)
                todo.extend(g for g in c.children if g.i < c.i)
        return found

    def _place_state(self, m: Mention | None) -> str | None:
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

    @staticmethod
    def _locates(tok: Token) -> bool:
        """The place at `tok` sets where something happens: the object of "in", "at", "near" ...,
        directly or through the phrase it names ("at a Georgia plant", "near Ellabell, Georgia",
        "in the state of Georgia")."""
        t = tok
        for _ in range(6):
            if t.dep_ == "pobj" and t.head.lower_ in _LOCATION_PREPS:
                return True
            if t.dep_ in _PLACE_STEPS and t.head.i != t.i:
                if t.dep_ in ("compound", "poss", "nmod") and t.head.lower_ in _ABROAD_WORDS:
                    return False
                t = t.head
            elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.head.i \
                    and t.head.head.pos_ in ("NOUN", "PROPN"):
                t = t.head.head
            else:
                return False
        return False

    def _organ_state(self, doc: Doc, tok: Token, federal: bool, at: dict, counts: Counter) -> str | None:
        federations = self.kb.federations

        def fitting(states: set[str]) -> set[str]:
            return {s for s in states if s in federations} if federal else states

        # the phrase's own place: "police in Busan", "the authorities of Georgia"
        for prep in tok.children:
            if prep.dep_ == "prep" and (prep.lower_ in _LOCATION_PREPS or prep.lower_ == "of"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.i in at:
                        state = self._place_state(at[obj.i])
                        if state is not None:
                            return state if fitting({state}) else None
        # the places its act is set in: those of its own clause (with the clauses sharing its
        # subject: "raided a plant and detained 300 workers in Georgia"), not those of a clause about
        # something else ("workers who were held by agents landed at Incheon")
        clause = _main_clause(tok)
        states = set()
        for i in range(tok.sent.start, tok.sent.end):
            m = at.get(i)
            if m is None or m.start != i:
                continue
            state = self._place_state(m)
            root = doc[m.start:m.end].root
            # "at Korean protesters": a nationality says who, not where
            kinds = [kind for kb_id, kind in m.candidates if kb_id == m.kb_id]
            demonym = bool(kinds) and all(k == "demonym" for k in kinds)
            if state is not None and not demonym and self._locates(root) and _main_clause(root).i == clause.i:
                states.add(state)
        if states:
            states = fitting(states)
            if len(states) == 1:
                return next(iter(states))
            if len(states) > 1 or not federal:
                return None
        # "federal agents" in a story about one federation and other states. Nothing else about a
        # story says whose "the authorities" are: a story set in one state and naming no other may
        # still be about its nationals held by another's ("workers held by immigration agents
        # landed in Seoul")
        if federal:
            feds = [s for s in counts if s in federations]
            return feds[0] if len(feds) == 1 else None
        return None

    def _government_anaphor(self, doc: Doc, tok: Token, mentions: list[Mention], named: set[str],
                            date: str) -> Mention | None:
        """"the administration", "the government": the government named so before ("the Trump
        administration ... the administration"), if every such name before it is of one state; else,
        for "the administration", the state of the one head of government the document names."""
        if tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            return None
        # "the administration of justice": a process, not a government
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
            return None
        word = tok.lower_
        before = [m for m in mentions if m.kind == "admin" and m.end <= tok.i and m.name
                  and m.name.lower().endswith(" " + word) and m.acts_for]
        if before:
            if len({m.acts_for for m in before}) != 1:
                return None
            last = max(before, key=lambda m: m.start)
            return Mention(tok.i, tok.i + 1, kind="admin", label="ORG", name=last.name, acts_for=last.acts_for)
        if word != "administration":
            return None
        # the heads the document names: linked, or only written by family name where the model saw
        # no person ("Trump and Lee met"), which still makes "the administration" unclear
        heads = {m.kb_id for m in mentions if m.kb_id and (self.kb.get(m.kb_id) or {}).get("type") == "PERSON"}
        heads |= {p for t in doc if t.text in self.short for p in self.short[t.text]}
        states = set()
        for person in heads:
            if any(r["role"] in self.kb.heads for r in self.kb.roles_at(person, date)):
                state = self.kb.state_for_person(person, date)
                if state:
                    states.add(state)
        if len(states) == 1 and next(iter(states)) in named:
            return Mention(tok.i, tok.i + 1, kb_id=next(iter(states)), kind="organ")
        return None

    def _merge_unknown(self, doc: Doc, mentions: list[Mention]) -> None:
        """Entities the KB lacks: one canonical name per entity within the document. A later
        one-word mention takes the full name it shortens; an acronym defined in brackets after a
        name ("Some Body (SB)") stands for that name wherever it appears."""
        covered = {i for m in mentions for i in range(m.start, m.end)}
        for m in [m for m in mentions if not m.kb_id and m.kind == "model" and m.end - m.start >= 2]:
            e = m.end
            if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and e + 1 not in covered \
                    and doc[e + 1].is_upper and len(doc[e + 1]) >= 2:
                mentions.append(Mention(e + 1, e + 2, label=m.label, kind="model"))
        unknown = sorted((m for m in mentions if not m.kb_id and m.kind == "model"), key=lambda m: m.start)
        full_names: list[tuple[str, str]] = []
        # organisations' full names anywhere in the text: "Savin" before or after "Savin Corp."
        multi_word = [(_strip_possessive(doc[m.start:m.end].text), "LOC" if m.label == "FAC" else m.label)
                      for m in unknown if m.end - m.start >= 2 and not m.name and m.label == "ORG"]
        acronyms: dict[str, tuple[str, str]] = {}
        for m in unknown:
            if m.name:
                continue
            text = _strip_possessive(doc[m.start:m.end].text)
            m.label = "LOC" if m.label == "FAC" else m.label
            if m.end - m.start == 1:
                if text in acronyms:
                    m.name, m.label = acronyms[text]
                elif m.start >= 2 and doc[m.start - 1].text == "(":
                    prev = next((u for u in unknown if u.end == m.start - 1 and u.name), None)
                    if prev and _abbreviates(text, prev.name):
                        m.name, m.label = prev.name, prev.label
                        acronyms[text] = (prev.name, prev.label)
                if m.name is None:
                    m.name, m.label = _shortened(text, m.label, full_names,
                                                 multi_word if m.label in ("PERSON", "ORG") else [])
            if m.name is None and m.label in ("PERSON", "ORG"):
                # "Oshkosh Truck" for "Oshkosh Truck Corp.", whatever the model called it
                longer = next(((n, lab) for n, lab in multi_word if n.startswith(text + " ")), None)
                if longer:
                    m.name, m.label = longer
            if m.name is None:
                m.name = text
                full_names.append((text, m.label))
        # a name shortening an organisation's full name is that organisation, however it was merged
        for m in mentions:
            if not m.kb_id and m.name and m.label in ("PERSON", "ORG"):
                longer = next(((n, lab) for n, lab in multi_word if n.startswith(m.name + " ")), None)
                if longer:
                    m.name, m.label = longer
        # one type per unknown entity: the model may call one name a PERSON here and an ORG there
        votes: dict[str, Counter] = {}
        for m in mentions:
            if not m.kb_id and m.name and m.label and m.label != "NORP":
                votes.setdefault(m.name, Counter())[m.label] += 1
        for m in mentions:
            if not m.kb_id and m.name and m.label and len(votes.get(m.name, ())) > 1:
                m.label = max(votes[m.name].items(), key=lambda kv: (kv[1], kv[0] == "PERSON"))[0]
        # every mention of an unknown entity acts for the state any of them was seen acting for
        states = {(m.name, m.label): m.acts_for for m in mentions if not m.kb_id and m.name and m.acts_for}
        for m in mentions:
            if not m.kb_id and m.name and m.acts_for is None:
                m.acts_for = states.get((m.name, m.label))

    def _spans(self, doc: Doc, mentions: list[Mention], date: str) -> list[Span]:
        spans = []
        seen: set[tuple[int, int]] = set()
        for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
            if (m.start, m.end) in seen:
                continue
            entry = self.kb.get(m.kb_id)
            if entry:
                etype = entry["type"]
                if etype == "PERSON":
                    state = self.kb.state_for_person(entry["id"], date)
                else:
                    state = self.kb.state_of(entry["id"])
                actor = {"kb_id": entry["id"], "name": entry["name"], "type": etype,
                         "acts_for": (self.kb.get(state) or {}).get("name")}
            elif m.name and m.label:
                if m.label == "NORP":
                    continue
                actor = {"kb_id": None, "name": m.name, "type": m.label,
                         "acts_for": (self.kb.get(m.acts_for) or {}).get("name")}
            else:
                continue
            seen.add((m.start, m.end))
            span = Span(doc, m.start, m.end, label=actor["type"], kb_id=actor["kb_id"] or "")
            span._.actor = actor
            spans.append(span)
        return spans


# ---------------------------------------------------------------- helpers
def _longest_first(found: list[Mention]) -> list[Mention]:
    chosen, taken = [], set()
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if any(i in taken for i in range(m.start, m.end)):
            continue
        chosen.append(m)
        taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def _longest_first_raw(matches):
    chosen, taken = [], set()
    for match_id, start, end in sorted(matches, key=lambda x: (-(x[2] - x[1]), x[1])):
        if any(i in taken for i in range(start, end)):
            continue
        chosen.append((match_id, start, end))
        taken.update(range(start, end))
    return sorted(chosen, key=lambda x: x[1])


def _latest_date(words: list[str]) -> str:
    """For an undated document, the latest date it can be from: the end of the latest past year it
    mentions (capped at today), else today. Offices are looked up on that date."""
    today = _dt.date.today()
    years = [int(w) for w in words if len(w) == 4 and w.isascii() and w.isdigit() and 1900 <= int(w) <= today.year]
    if not years:
        return today.isoformat()
    return min(_dt.date(max(years), 12, 31), today).isoformat()


def _shortened(text: str, label: str, full_names: list[tuple[str, str]],
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


def _abbreviates(acronym: str, name: str) -> bool:
    """"CDP" for "Constitutional Democratic Party of Japan", "KIDA" for "Korea Institute for
    Defense Analyses": the initials of the name's capitalised words, or of those before its
    closing "of ..." (a name's place is often left out of its acronym)."""
    full = _initials(name)
    head = _initials(re.split(r"\s+of\s+", name)[0]) if " of " in name else full
    return len(acronym) >= 2 and acronym in (full, head) or (len(acronym) >= 3 and full.startswith(acronym))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


def _all_generic(m: Mention) -> bool:
    """A name many states' bodies share ("Democratic Party", "Foreign Ministry")."""
    return bool(m.candidates) and all(k == "generic" for _, k in m.candidates)


_CONNECTORS = {"of", "and", "for", "the", "on", "in", "de", "du", "la", "&"}


def _proper_words(span: Span) -> bool:
    """Every word capitalised but the small words inside a name ("University of Tokyo",
    "Japan Maritime Self-Defense Force"); punctuation inside is part of it."""
    if not (span[0].is_title or span[0].is_upper) or not (span[-1].is_title or span[-1].is_upper):
        return False
    return all(t.is_title or t.is_upper or t.is_punct or t.lower_ in _CONNECTORS for t in span)


def _all_named(cands) -> bool:
    # a glued piece is trusted only as a name or alias, not as a shared or contextual one
    return all(k in ("name", "alias", "demonym") for _, k in cands)


# the order credited names are taken in: where two overlap, the earlier kind wins
_CREDIT_ORDER = {"photographer": 0, "credited_outlet": 1, "wire_author": 2, "copyright_outlet": 3,
                 "byline_author": 4, "byline_outlet": 4, "outlet": 5}


class PageRanges:
    """Ranges of one layout kind (whole lines), asked whether a span lies in one: a bisect, not a scan."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]

    def holds(self, span: Span) -> bool:
        i = bisect_right(self.starts, span.start_char) - 1
        return i >= 0 and span.start_char < self.ranges[i][1]


def _credited(doc: Doc, text: str, page: list, mentions: list[Mention],
              common_words: set[str] = frozenset()) -> list[Mention]:
    """The people and outlets the page credits (bylines, photo and wire credits, copyright lines;
    documents/layout/credits.py finds them), which the model often misses or takes for a heading.
    A line of names and an outlet after a bar, without "By", counts only if the model sees a
    person there or a name has a word that is no English word ("Trade War | Markets" is a kicker)."""
    out = []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    bars = [(s, e) for s, e, kind in page if kind == "bar_byline"]
    credited = sorted(((s, e, kind) for s, e, kind in page if kind in _CREDIT_ORDER),
                      key=lambda x: (_CREDIT_ORDER[x[2]], x[0]))
    refused = {bar for bar in bars if not _bar_is_byline(doc, text, bar, page, common_words)}

    def add(start: int, end: int, label: str, name: str | None = None) -> None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        inner = []
        if label == "ORG":
            # an outlet's name is whole: a place inside it ("The Korea Ledger") is not an actor
            inner = [m for m in mentions if span.start <= m.start and m.end <= span.end and m.kind == "kb"
                     and m.end - m.start < len(span)]
        inner_tokens = {i for m in inner for i in range(m.start, m.end)}
        if not any(i in covered and i not in inner_tokens for i in range(span.start, span.end)):
            for m in inner:
                mentions.remove(m)
            out.append(Mention(span.start, span.end, label=label, kind="model", name=name))
            covered.update(range(span.start, span.end))

    for start, end, kind in credited:
        if any(s <= start < e for s, e in refused):
            continue
        if kind == "byline_author" or kind == "wire_author":
            # a name glued to markup by the tokenizer ("Roe</h6") keeps its own text as its name
            span = doc.char_span(start, end, alignment_mode="expand")
            add(start, end, "PERSON", text[start:end] if span is not None and span.text != text[start:end] else None)
        elif kind == "photographer":
            add(start, end, "PERSON", text[start:end])
        else:
            add(start, end, "ORG", text[start:end])
    return out


def _bar_is_byline(doc: Doc, text: str, bar: tuple[int, int], page: list, common_words: set[str]) -> bool:
    start, end = bar
    names_part, _, outlet_part = text[start:end].partition(" | ")
    names = [text[s:e] for s, e, kind in page if kind == "byline_author" and start <= s < end]
    seen = any(e.label_ == "PERSON" and start <= e.start_char < start + len(names_part) for e in doc.ents)
    plain = all(all(w.lower() in common_words for w in re.split(r"[\s-]+", n)) for n in names)
    return not ((plain and not seen) or outlet_part.strip().lower() in common_words)


def _strip_possessive(text: str) -> str:
    return re.sub(r"['’]s?$", "", text).strip()


def _clean_pieces(ent: Span) -> list[tuple[int, int]]:
    """The model's span without determiners, possessives, ordinals and trailing numbers, split at an
    inner possessive ("Trump's Oval Office" -> "Trump", "Oval Office")."""
    pieces, start = [], ent.start
    doc = ent.doc
    end = ent.end
    # a bracket cuts the name: "Umma (Nation" is "Umma"
    for i in range(ent.start, ent.end):
        if doc[i].text in ("(", ")", "[", "]") and i > ent.start:
            end = i
            break
    for i in range(ent.start, end):
        # a plural's bare apostrophe inside a name ("Workers' Party") is part of the name
        if doc[i].text in _POSSESSIVE and not (doc[i].text in ("'", "’") and i + 1 < end
                                               and doc[i - 1].text.endswith("s") and doc[i + 1].is_title):
            pieces.append((start, i))
            start = i + 1
    pieces.append((start, end))
    out = []
    for s, e in pieces:
        while s < e and (doc[s].lower_ in _DETERMINERS or doc[s].text in _ORDINAL_WORDS or doc[s].is_punct):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].like_num or doc[e - 1].text in _POSSESSIVE
                         or doc[e - 1].is_space):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _plausible_name(span: Span, label: str, headings: PageRanges) -> bool:
    """Not a number, date or lowercase phrase the model mistook for a name, nor a heading."""
    words = [t for t in span if not t.is_punct]
    if not words or not any(t.text[:1].isupper() for t in words):
        return False
    if any(t.like_num or any(c.isdigit() for c in t.text) for t in words):
        return False
    # lowercase words only as connectors or after a hyphen inside a name ("Choi Min-ho")
    if any(t.text[:1].islower() and t.lower_ not in ("of", "and", "for", "the", "de", "on", "in")
           and not (t.i > 0 and t.nbor(-1).text == "-") for t in words):
        return False
    # in a heading ("Tricky Diplomacy Ahead") the model takes capitalised words for organisations
    if label in ("ORG", "EVENT", "LOC", "FAC") and headings.holds(span):
        return False
    return True


def _main_clause(tok: Token) -> Token:
    """The head of the clause a token sits in, through clauses that go on with the same actor
    ("raided the plant and detained 300 workers", "moved in to arrest them")."""
    t = clause_head(tok)
    for _ in range(8):
        if t.dep_ not in _SAME_ACT_DEPS or t.head.i == t.i:
            break
        t = clause_head(t.head)
    return t


def _acts(doc: Doc, m: Mention) -> bool:
    """A place name used for its government: a subject, a possessor, or the target of a measure."""
    root = doc[m.start:m.end].root
    if m.end < len(doc) and doc[m.end].text in _POSSESSIVE:
        return True
    # "Seoul and Washington agreed": the second of two subjects acts as the first does
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    # "urged Tokyo to act", "reminded Washington that...": addressed as someone who decides
    if root.dep_ in ("dobj", "dative") and root.head.lemma_ in _ADDRESS_VERBS:
        return True
    # "tariffs on Seoul", "talks with Tokyo", "a rift between Seoul and Tokyo"; not "flew to Manila"
    return root.dep_ == "pobj" and root.head.lower_ in ("on", "against", "with", "between") \
        and root.head.head.pos_ in ("NOUN", "VERB")


def actor_of(doc: Doc, token_or_span: Token | Span) -> dict | None:
    """The actor whose span covers a token (for a span, its root); the narrowest one wins."""
    token = token_or_span if isinstance(token_or_span, Token) else token_or_span.root
    best = None
    for span in doc.spans.get(ACTORS, []):
        if span.start <= token.i < span.end and (best is None or len(span) < len(best)):
            best = span
    return best._.actor if best is not None else None


@Language.factory("pactwatch_actors", assigns=["doc.spans", "span._.actor", "doc._.pipeline_errors"],
                  requires=["doc.ents", "token.ent_type", "token.tag"], default_config={"kb_dirs": []})
def make_component(nlp: Language, name: str, kb_dirs: list):
    return Guarded(name, ActorLinker(nlp, knowledge.load(kb_dirs)), [ACTORS])
