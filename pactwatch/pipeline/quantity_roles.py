"""Reading an amount's clause: what it measures, who holds it and whom it targets, how firm it is,
and which clause states it. Everything here walks the dependency parse from the amount outwards,
so each amount costs a few dozen token visits at most. The hot walks go by index over the Doc's
parse table (pipeline/parse_table.py), making a Token only where a rule needs spaCy's API, and
answers that depend on one position alone (a noun's condition, a token's measure cues, a sentence's
"not in force") are kept per Doc: every amount of a sentence asks them again. The actor index reads
each actor span's record once."""
from __future__ import annotations

import heapq
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..knowledge.measures import Measure, MeasureLexicon, Phrase
from .attach import CLAUSE_DEPS
from .extensions import span_value
from .parse_table import ParseTable, parse_table
from .quantity_amounts import Amount, by_first_word, by_last_word, match_backward

OTHER_MEASURE = "other"
# How far (in weighted dependency steps) a measure cue may sit from the amount.
CUE_REACH = 5.0
# Walking up to a parent costs a little more than down to a child: the amount's own phrase first.
UP_COST, DOWN_COST, CONJ_COST = 1.0, 1.0, 3.5
OWN_WORD_COST = 1.5
# An amount inside a phrase introduced by one of these describes something in passing ("pay more
# for the 28,500 troops there"): what the clause demands or pledges is not about the amount.
PASSING_PREPS = {"for", "on", "over", "about", "against", "despite", "after", "before", "since", "during", "toward", "towards",
                 "without", "amid", "among", "beyond", "behind", "regarding", "concerning"}
# Prepositions that set a clause inside a deal, plan or demand ("under the agreement, ...").
FRAME_PREPS = {"under", "in", "through", "via"}
# Conditions make what they govern speculative ("if Washington imposes a 25% tariff").
CONDITIONAL_MARKS = {"if", "unless", "whether"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
PRONOUNS = {"it", "its", "they", "their", "them", "itself", "themselves"}
NEUTER_PRONOUNS = {"it", "its", "itself"}
# steps that keep an amount inside the phrase it belongs to
PHRASE_DEPS = {"nummod", "quantmod", "compound", "amod", "appos", "npadvmod", "nmod", "punct"}


def _named_by(actors: "ActorIndex", obj: Token) -> str | None:
    """The state a prepositional object names: itself, its possessor ("its soil"), or one level down
    ("imports from South Korea", "goods made in Japan")."""
    who = actors.resolve(obj, states_only=True)
    if who is None:
        who = next((actors.resolve(c, states_only=True) for c in obj.children if c.dep_ == "poss"), None)
    if who is None:
        # "the US submarine industrial sector": a state modifying a modifier
        who = next((w for c in obj.children if c.dep_ in ("compound", "nmod")
                    for w in [actors.resolve(c, states_only=True)] if w is not None), None)
    if who is None:
        for c in obj.children:
            if c.dep_ in ("prep", "acl"):
                for g in c.subtree if c.dep_ == "acl" else c.children:
                    if g.dep_ == "pobj":
                        who = actors.resolve(g, states_only=True)
                        if who is not None:
                            return who
    return who


def _definite_in_passing(doc: Doc, amount: Amount, noun: Token) -> bool:
    """The amount's phrase is definite ("the 28,500 troops") and not itself the object or subject
    of the clause's verb."""
    table = parse_table(doc)
    dep, lower, tag = table.dep, table.lower, table.tag
    definite = any(dep[c] in ("det", "poss") and lower[c] in ("the", "these", "those", "its", "their")
                   for c in table.children[noun.i])
    k = amount.start - 1
    while k >= 0 and tag[k] in ("JJ", "RB", "VBN") and amount.start - k <= 3:
        k -= 1
    definite = definite or (k >= 0 and lower[k] in ("the", "these", "those"))
    return definite and dep[noun.i] not in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "conj")


def _definite(doc: Doc, amount: Amount, noun: Token) -> bool:
    """"the $550 billion", "this 25% tariff": the figure is one the reader already knows."""
    table = parse_table(doc)
    dep, lower, tag = table.dep, table.lower, table.tag
    k = amount.start - 1
    while k >= 0 and tag[k] in ("JJ", "RB", "VBN") and amount.start - k <= 3:
        k -= 1
    return (k >= 0 and lower[k] in ("the", "this", "that", "these", "those")) or \
        any(dep[c] == "det" and lower[c] in ("the", "this", "that", "these", "those") for c in table.children[noun.i])


def _complement_prep(table: ParseTable, prep: int) -> bool:
    """A preposition completing a verb that has no object: "settled on", "called for", "insisted on"."""
    verb, dep = table.head[prep], table.dep
    return dep[prep] == "prep" and table.pos[verb] == "VERB" and not any(dep[c] == "dobj" for c in table.children[verb])


def _in_passing(noun: Token, verb: Token) -> bool:
    """True when the path from the noun up to its verb goes through a preposition like "for" or "on":
    the verb's subject is then not the amount's holder, nor its trigger the amount's status."""
    table = parse_table(noun.doc)
    head, dep, lower = table.head, table.dep, table.lower
    t, v = noun.i, verb.i
    for _ in range(12):
        if t == v or head[t] == t:
            return False
        if dep[t] in ("pobj", "pcomp") and lower[head[t]] in PASSING_PREPS and not _complement_prep(table, head[t]):
            return True
        t = head[t]
    return False


def _conditional(verb: Token) -> bool:
    """The clause carries a condition: "if he were in charge", "unless talks fail"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
               for c in verb.children)


def _speaker_names_another(clause: Token) -> bool:
    """The reported clause's subject is a name other than the reporter ("Trump said Seoul would ..."),
    not a pronoun that may stand for the reporter ("Seoul said it would ...")."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    reporting = clause.head
    speaker = next((c for c in reporting.children if c.dep_ == "nsubj"), None)
    # "he called ... and said that ...": a coordinated verb shares its subject
    while speaker is None and reporting.dep_ == "conj" and reporting.head.i != reporting.i:
        reporting = reporting.head
        speaker = next((c for c in reporting.children if c.dep_ == "nsubj"), None)
    return subj is not None and speaker is not None and subj.pos_ == "PROPN" and subj.lower_ != speaker.lower_


def _past_perfect(table: ParseTable, verb: int) -> bool:
    """"had reached", "had not been signed": a condition about what did not happen."""
    dep, lower = table.dep, table.lower
    return table.tag[verb] == "VBN" and any(dep[c] == "aux" and lower[c] in ("had", "'d") for c in table.children[verb])


def _would_have(table: ParseTable, verb: int) -> bool:
    """"would have paid", "could have faced"."""
    dep, lower = table.dep, table.lower
    auxes = [lower[c] for c in table.children[verb] if dep[c] == "aux"]
    return "have" in auxes and any(a in ("would", "could", "might", "'d") for a in auxes)


def _asks_someone(verb: Token, amount: Amount) -> bool:
    """The request names whom it asks or what they should do: "asked Seoul for", "requested $5
    billion from Tokyo", "requested that Seoul pay"."""
    return any((c.dep_ in ("dative", "ccomp", "xcomp") and not amount.start <= c.i < amount.end)
               or (c.dep_ == "prep" and c.lower_ in ("from", "of")) for c in verb.children)


def _condition_above(table: ParseTable, noun: int) -> str | None:
    """ClauseReader.condition, walking up from the noun by index."""
    head, dep, pos, lower, kids = table.head, table.dep, table.pos, table.lower, table.children
    tok = noun
    for _ in range(14):
        parent = head[tok]
        if parent == tok:
            return None
        if dep[tok] == "relcl":
            return None
        t = parent
        if pos[t] in ("VERB", "AUX"):
            # the amount is inside the condition: "if Washington imposes a 25% tariff"
            if any(dep[c] == "mark" and lower[c] in CONDITIONAL_MARKS for c in kids[t]) and dep[t] == "advcl":
                return "counterfactual" if _past_perfect(table, t) else "conditional"
            for c in kids[t]:
                if dep[c] == "advcl" and c != tok and any(dep[m] == "mark" and lower[m] in ("if", "unless")
                                                          for m in kids[c]):
                    return "counterfactual" if _past_perfect(table, c) or _would_have(table, t) else "conditional"
                # "had it not agreed": the inverted condition is always about what did not happen
                if dep[c] == "advcl" and c != tok and lower[table.edges(c)[0]] == "had" \
                        and _past_perfect(table, c):
                    return "counterfactual"
            # "would have faced a 25% tariff"
            if _would_have(table, t):
                return "counterfactual"
        tok = t
    return None


def _country(actor: dict) -> str | None:
    return actor.get("acts_for") or (actor.get("name") if actor.get("type") == "GPE" else None)


class ActorIndex:
    """Which actor covers which token, built once per Doc from doc.spans["pw_actors"]. Each span's
    actor record is read once here: a `span._.actor` look-up costs more than the rules around it."""

    def __init__(self, doc: Doc, spans, group_nouns: frozenset[str] = frozenset()):
        self.doc = doc
        self.table = parse_table(doc)
        self.group_nouns = group_nouns
        self.at: dict[int, Span] = {}
        # (span, actor) of the spans with an actor, in the group's order
        self.named: list[tuple[Span, dict]] = []
        self._actors: dict[int, dict] = {}    # id of a span in `at` -> its actor
        self._roots: dict[int, int] = {}      # id of a span in `at` -> its root's index
        for s in spans:
            actor = span_value(s, "actor")
            if actor is None:
                continue
            self.named.append((s, actor))
            self._actors[id(s)] = actor
            for i in range(s.start, s.end):
                self.at[i] = s

    def actor(self, span: Span) -> dict:
        """The span's actor record ({} for none)."""
        found = self._actors.get(id(span))
        return (found if found is not None else span_value(span, "actor")) or {}

    def _root(self, span: Span) -> int:
        found = self._roots.get(id(span))
        if found is None:
            found = self._roots[id(span)] = span.root.i
        return found

    # a figure measuring something a state does (a tariff, troops) belongs to the state an official
    # or body acts for; any other figure (a vote share, a death toll) to the actor itself
    by_name = False

    def state(self, span: Span) -> str | None:
        actor = self.actor(span)
        if self.by_name:
            return actor.get("name") or None
        return actor.get("acts_for") or actor.get("name") or None

    def actor_in(self, tok: Token) -> Span | None:
        """The actor a noun phrase names: the token itself, or a compound/possessive/adjective inside it."""
        return self._actor_at(tok.i)

    def _actor_at(self, i: int) -> Span | None:
        """`actor_in` by index."""
        at = self.at
        if i in at:
            return at[i]
        dep = self.table.dep
        for c in self.table.children[i]:
            if dep[c] in ("compound", "poss", "amod", "nmod") and c in at:
                return at[c]
        return None

    def _state_in_title(self, span: Span) -> bool:
        """A state named in the title of a person who is a subject: "US President Trump announced ...
        after it warned" (not "a U.S. ally said", where the ally is another state)."""
        if self.actor(span).get("type") not in ("GPE", "ORG"):
            return False
        t = span.root
        while t.dep_ == "compound" and t.head.i != t.i:
            t = t.head
        person = self.at.get(t.i)
        return t.i != span.root.i and t.dep_ in SUBJECT_DEPS and person is not None \
            and self.actor(person).get("type") == "PERSON"

    @staticmethod
    def country(span: Span) -> str | None:
        """The state an actor stands for, or None for a company, a body or a person acting for no state:
        targets are states (the taxed, the host, the receiver)."""
        return _country(span_value(span, "actor") or {})

    def country_of(self, span: Span) -> str | None:
        """`country` of a span of this index, its actor read once."""
        return _country(self.actor(span))

    def resolve(self, tok: Token, states_only: bool = False) -> str | None:
        """The state (or actor) a token names, following a pronoun back to the subject it stands for;
        a phrase owned by a pronoun ("its products") names its owner."""
        table = self.table
        dep, lower, kids, i = table.dep, table.lower, table.children, tok.i
        if lower[i] in PRONOUNS:
            return self.antecedent(tok)
        span = self._actor_at(i)
        if span is None and table.lemma[i].lower() in self.group_nouns:
            # "the 32 countries in the alliance", "members of the bloc": the body they make up
            span = next((self._actor_at(o) for p in kids[i] if dep[p] == "prep" and lower[p] in ("in", "of")
                         for o in kids[p] if dep[o] == "pobj" and self._actor_at(o) is not None), None)
        if span is None:
            owner = next((c for c in kids[i] if dep[c] == "poss" and lower[c] in PRONOUNS), None)
            return self.antecedent(self.doc[owner]) if owner is not None and table.pos[i] in ("NOUN", "PROPN") else None
        return self.country_of(span) if states_only else self.state(span)

    def antecedent(self, pronoun: Token) -> str | None:
        # nearest earlier subject in the sentence naming an actor, else the nearest earlier actor;
        # "it" and "its" stand for no person ("Trump told Seoul that its products ...")
        table = self.table
        dep = table.dep
        p = pronoun.i
        fallback = None
        neuter = table.lower[p] in NEUTER_PRONOUNS
        for i in range(p - 1, table.sent_start[p] - 1, -1):
            span = self.at.get(i)
            if span is None:
                continue
            actor = self.actor(span)
            if neuter and actor.get("type") == "PERSON":
                continue
            # an "it" that acts may stand for the state in the title of a person acting ("US President
            # Trump announced ... after it warned"); "its" in "a tariff on its imports" is another's
            if dep[self._root(span)] in SUBJECT_DEPS or (neuter and dep[p] in SUBJECT_DEPS and self._state_in_title(span)):
                return self.state(span)
            if fallback is None and actor.get("type") in ("GPE", "ORG"):
                fallback = self.state(span)
        return fallback


@dataclass
class _Outlook:
    """What the walk up from a figure has seen of a future ("will", "would" reported): read at its end."""
    future: bool = False
    verb_lemma: str = ""
    deal: bool = False


class ClauseReader:
    """Built once per pipeline: cue indexes and trigger tables from the lexicon."""

    def __init__(self, lex: MeasureLexicon):
        self.lex = lex
        self.cue_last: dict[str, list[Phrase]] = by_last_word(tuple({c for m in lex.measures for c in m.nouns}))
        self.cue_measures: dict[Phrase, list[Measure]] = {}
        self.verb_measures: dict[str, list[Measure]] = {}
        for m in lex.measures:
            for c in m.nouns:
                self.cue_measures.setdefault(c, []).append(m)
            for v in m.verbs:
                self.verb_measures.setdefault(v, []).append(m)
        st = lex.status
        self.verb_status = st.verbs
        self.verb_first: dict[str, list[Phrase]] = {}
        for p in st.verbs:
            self.verb_first.setdefault(p[0], []).append(p)
        for phrases in self.verb_first.values():
            phrases.sort(key=len, reverse=True)   # longest first, as `_verb_trigger` tries them
        self.noun_last = by_last_word(tuple(st.nouns))
        self.modifier_last = by_last_word(tuple(st.modifiers))
        self.not_in_force_first = by_first_word(st.not_in_force)

    # ------------------------------------------------------------ measure
    def measure(self, doc: Doc, amount: Amount) -> tuple[Measure | None, int | None]:
        """The measure named by the cue nearest to the amount in the parse that takes its unit."""
        table = parse_table(doc)
        heads, children, deps = table.head, table.children, table.dep
        start = amount.head
        s_start, s_end = table.sent_start[start], table.sent_end[start]
        best: dict[int, float] = {}
        # the amount's own words ("28,500 troops") come after the verb right above them, so
        # "detained 300 soldiers" counts detentions
        own = OWN_WORD_COST if amount.kind == "persons" else 0.0
        best[start] = own
        heap = [(own, start)]
        for i in range(amount.start, amount.end):
            if i != start:
                best[i] = own
                heap.append((own, i))
        if heads[start] != start and amount.kind == "persons":
            best[heads[start]] = UP_COST
            heap.append((UP_COST, heads[start]))
        heapq.heapify(heap)
        heappop, heappush = heapq.heappop, heapq.heappush
        up_cost, down_cost, conj_cost, reach = UP_COST, DOWN_COST, CONJ_COST, CUE_REACH
        kind = amount.kind
        # the measures a token's cue names depend on the token alone: every amount of a sentence
        # walks over the same words
        cues = table.memo("measure_cues")
        while heap:
            cost, i = heappop(heap)
            if cost > best[i]:
                continue
            pool = cues.get(i)
            if pool is None:
                pool = cues[i] = self._cues_at(doc, table, i)
            for m in pool:
                if kind in m.units:
                    return m, i
            for j in children[i]:
                if j < s_start or j >= s_end:
                    continue
                c = cost + (conj_cost if deps[j] == "conj" else down_cost)
                if c <= reach and c < best.get(j, 99):
                    best[j] = c
                    heappush(heap, (c, j))
            j = heads[i]
            if j != i and s_start <= j < s_end:
                c = cost + (conj_cost if deps[i] == "conj" else up_cost)
                if c <= reach and c < best.get(j, 99):
                    best[j] = c
                    heappush(heap, (c, j))
        return None, None

    def _cues_at(self, doc: Doc, table: ParseTable, i: int) -> list[Measure] | tuple:
        """The measures token i names as a cue: a verb by its lemma, a noun by the cue phrase it ends."""
        pos = table.pos[i]
        if pos == "VERB":
            return self.verb_measures.get(table.lemma[i].lower(), ())
        if pos in ("NOUN", "PROPN"):
            match = match_backward(doc, i, self.cue_last)
            return self.cue_measures.get(match[1], ()) if match is not None else ()
        return ()

    # ------------------------------------------------------------ structure
    @staticmethod
    def noun_of(doc: Doc, amount: Amount) -> Token:
        """The noun an amount's phrase is about: "$350 billion investment pledge" -> pledge,
        "28,500 troops" -> troops, "15 percent" -> percent."""
        tok = amount.head
        if amount.kind == "persons":
            return doc[tok]
        table = parse_table(doc)
        head, dep, pos = table.head, table.dep, table.pos
        # leave the amount's own tokens, then follow modifier links up to the noun they modify
        while amount.start <= head[tok] < amount.end and head[tok] != tok:
            tok = head[tok]
        while dep[tok] in ("nummod", "quantmod", "compound", "amod", "nmod") and head[tok] != tok and pos[head[tok]] in ("NOUN", "PROPN"):
            tok = head[tok]
        # "a tariff of 25%", "a pledge of $5 billion": the amount is the noun's value (not "on top of
        # the 25% duty", where the amount already has its noun)
        if amount.start <= tok < amount.end and dep[tok] == "pobj" and table.lower[head[tok]] == "of":
            noun = head[head[tok]]
            if pos[noun] == "NOUN" and noun < tok and not table.like_num[noun]:
                tok = noun
        return doc[tok]

    @staticmethod
    def verb_of(tok: Token) -> Token | None:
        """The verb governing a noun phrase (itself, if a verb)."""
        table = parse_table(tok.doc)
        head, dep, pos = table.head, table.dep, table.pos
        t = tok.i
        for _ in range(12):
            if pos[t] in ("VERB", "AUX") and dep[t] not in ("amod",):
                return tok.doc[t]
            if head[t] == t:
                return None
            t = head[t]
        return None

    def subject_of(self, verb: Token, actors: "ActorIndex | None" = None) -> tuple[Token | None, Token]:
        """(subject, the verb that has it): climbs open complements and coordinations to find one
        ("Trump could threaten ... to cut" -> Trump; "ICE raided ..., detaining" -> ICE). A complement
        of a verb with an actor as object takes that object ("asked Seoul to raise ..." -> Seoul)."""
        doc = verb.doc
        table = parse_table(doc)
        head, dep, tag, kids = table.head, table.dep, table.tag, table.children
        v = verb.i
        came_from = None
        for _ in range(6):
            if came_from is not None and dep[came_from] == "xcomp" and actors is not None:
                obj = next((c for c in kids[v] if dep[c] == "dobj" and c < came_from), None)
                if obj is not None and actors._actor_at(obj) is not None:
                    return doc[obj], doc[came_from]
            subj = next((c for c in kids[v] if dep[c] in ("nsubj", "csubj")), None)
            # "Trump is expected to impose ...", "Seoul was asked to pay ...": the passive subject of a
            # verb with an open complement does the complement
            if subj is None and came_from is not None and dep[came_from] == "xcomp":
                subj = next((c for c in kids[v] if dep[c] == "nsubjpass"), None)
            if subj is None:
                agent = next((c for c in kids[v] if dep[c] == "agent"), None)
                if agent is not None:
                    subj = next((c for c in kids[agent] if dep[c] == "pobj"), None)
            # "options that include pulling ...": a relative pronoun stands for the noun it hangs from,
            # whose own clause names the actor
            if subj is not None and tag[subj] in ("WDT", "WP") and dep[v] == "relcl":
                # "American forces, which number about 28,500 troops": the noun is the subject
                subj = head[v] if actors is not None and actors._actor_at(head[v]) is not None else None
            if subj is not None:
                return doc[subj], doc[v]
            # "responded to Trump raising tariffs": a gerund's subject is the name right before it
            if actors is not None and tag[v] == "VBG" and dep[v] in ("advcl", "acl", "pcomp") and table.edges(v)[0] == v \
                    and v > 0 and dep[v - 1] in ("pobj", "dobj") and actors._actor_at(v - 1) is not None:
                return doc[v - 1], doc[v]
            # "confirmed the announcement that the rate for Vietnam has been cut": a content clause with
            # a passive subject of its own says who is affected, not who acts; its reporter holds nothing
            if dep[v] in ("acl", "advcl") and any(dep[c] == "nsubjpass" and tag[c] not in ("WDT", "WP")
                                                  for c in kids[v]):
                return None, verb
            # "Seoul's pledge to invest ...", "Japan's decision to buy ...": the noun's owner does it
            if dep[v] == "acl" and table.pos[head[v]] == "NOUN" and actors is not None:
                owner = next((c for c in kids[head[v]] if dep[c] == "poss"), None)
                if owner is not None and actors.resolve(doc[owner]) is not None:
                    return doc[owner], doc[v]
            # a finite complement ("estimated that 4,000 were killed") has its own subject or none:
            # the one reporting it holds nothing
            if dep[v] in ("xcomp", "advcl", "conj", "pcomp", "acl", "relcl") and head[v] != v:
                came_from = v
                v = head[v]
                if table.pos[v] not in ("VERB", "AUX"):
                    nxt = self.verb_of(doc[v])
                    if nxt is None:
                        return None, verb
                    v = nxt.i
                continue
            return None, verb
        return None, verb

    # ------------------------------------------------------------ holder and target
    def roles(self, doc: Doc, actors: ActorIndex, amount: Amount, measure: Measure | None,
              cue: int | None, noun: Token, verb: Token | None) -> tuple[str | None, str | None]:
        """(holder, target) of a figure: from the amount's own noun, the phrase around it, the subject
        of its verb, the prepositions naming a target, then the states modifying its nouns."""
        # a number that borrowed its unit takes its measure from that amount later: read it as a state's
        actors.by_name = (measure is None or measure.name == OTHER_MEASURE) and not amount.extra.get("borrowed")
        nouns = self._role_nouns(doc, amount, cue, noun)
        positions = [n.i for n in nouns]
        holder, target = self._noun_names(actors, amount, measure, noun)
        if holder is None:
            holder = self._phrase_holder(actors, amount, measure, nouns, verb)
        first_role = measure.modifier if measure is not None else "holder"
        # "28,500 U.S. troops", "U.S. tariffs": the modifier says whose; for an ambiguous one
        # ("U.S. investment": by or in the U.S.?) the subject decides first
        if first_role == "holder" and holder is None and (measure is None or measure.modifier_first):
            holder = self._modifier_actor(actors, positions, exclude=(target,))
        subject = self._subject(doc, actors, amount, measure, noun, verb)
        if subject is not None and not subject[1] and holder is None:
            holder = subject[0]
        if holder is None:
            holder = self._changed_owner(actors, noun)
        target_tok = None
        if measure is not None and measure.target_preps and target is None:
            holder, target, target_tok = self._prep_target(actors, measure, nouns, verb, cue, holder, subject)
        if target is None and verb is not None and verb.lemma_.lower() in self.lex.payment_verbs and amount.kind == "currency":
            target, target_tok = self._paid_to(actors, noun, nouns, verb, holder, target_tok)
        # "Japan settled on a 15% tariff": the subject undergoes it, unless a target is named
        if subject is not None and subject[1] and target is None and subject[0] != holder:
            target = actors.resolve(subject[2], states_only=True)
            target_tok = target_tok if target is None else subject[2]
        # "Korean cars entering the United States", "exports to Japan": where the goods go taxes them
        if holder is None and target_tok is not None and measure is not None and \
                (measure.destination_verbs or measure.destination_preps):
            holder = self._destination(actors, measure, target_tok, exclude=target)
        if first_role == "holder" and holder is None:
            holder = self._modifier_actor(actors, positions, exclude=(target,))
        # states modifying the noun: "US investment pledge" after "Seoul's", "Korean workers";
        # for a target, also the goods the amount is of ("$8 billion of U.S. rice")
        if target is None:
            table = actors.table
            dep, kids = table.dep, table.children
            goods = [o for p in kids[noun.i] if dep[p] == "prep" and table.lower[p] in ("of", "in", "worth")
                     for o in kids[p] if dep[o] == "pobj"]
            target = self._modifier_actor(actors, positions + goods, exclude=(holder,), states_only=True)
        if holder is None:
            holder = self._modifier_actor(actors, positions, exclude=(target,))
        # "2.5% of Japan's GDP", "1.3% of its output": the owner of the whole
        if holder is None and amount.kind == "percent":
            holder = self._whole_owner(doc, actors, amount, exclude=target)
        actors.by_name = False
        if holder is not None and holder == target:
            target = None
        return holder, target

    @staticmethod
    def _role_nouns(doc: Doc, amount: Amount, cue: int | None, noun: Token) -> list[Token]:
        """The nouns whose modifiers and prepositions can say whose the figure is."""
        table = parse_table(doc)
        dep, pos = table.dep, table.pos
        nouns = [noun]
        # "keep its troop numbers at their present level of 3,000": whose numbers they are
        if amount.extra.get("counted") is not None and amount.extra["counted"] != noun.i:
            nouns.insert(0, doc[amount.extra["counted"]])
        if cue is not None and cue != noun.i and pos[cue] == "NOUN":
            nouns.append(doc[cue])
        n = noun.i
        up = table.head[n]
        # "the American troop presence of about 28,500 service members": the noun counted into
        if dep[n] == "pobj" and table.lower[up] == "of" and pos[table.head[up]] == "NOUN":
            nouns.append(doc[table.head[up]])
        # "tariffs on EU goods will be 15%": the subject of a copula is what the amount measures
        if dep[n] in ("attr", "acomp") and table.lemma[up].lower() == "be":
            nouns += [doc[c] for c in table.children[up] if dep[c] == "nsubj" and pos[c] == "NOUN"]
        return nouns

    @staticmethod
    def _noun_names(actors: ActorIndex, amount: Amount, measure: Measure | None,
                    noun: Token) -> tuple[str | None, str | None]:
        """(holder, target) the amount's own noun names, when it is an actor."""
        # the amount's noun naming an organisation itself ("28,500-strong US Forces Korea")
        if noun.i in actors.at and actors.actor(actors.at[noun.i]).get("type") == "ORG":
            return actors.state(actors.at[noun.i]), None
        # people counted by nationality ("300 South Koreans"): the nationality fills the role a
        # modifier would ("300 South Korean workers")
        if amount.kind == "persons" and noun.i in actors.at:
            who = actors.country_of(actors.at[noun.i])
            if measure is not None and measure.modifier == "target":
                return None, who
            return who, None
        return None, None

    def _phrase_holder(self, actors: ActorIndex, amount: Amount, measure: Measure | None,
                       nouns: list[Token], verb: Token | None) -> str | None:
        """The holder the phrase around the figure names: a possessor, a source preposition, the agent
        of a participle, the payer of a verb of costing."""
        doc = actors.doc
        table = actors.table
        dep, lower, kids = table.dep, table.lower, table.children
        # possessor: "Seoul's $350 billion pledge", "its tariff"
        for n in nouns:
            for c in kids[n.i]:
                if dep[c] == "poss":
                    holder = actors.resolve(doc[c])
                    if holder is not None:
                        return holder
        # "investments by Japanese firms", "a pledge by Seoul", "investment from Japan", "troops from
        # Australia": where the figure comes from holds it (a source preposition on the verb too, unless
        # it names the target there: "withdraw troops from Korea")
        sources = {"by"} | (measure.source_preps if measure is not None else frozenset())
        for place in nouns + ([verb] if verb is not None else []):
            for c in kids[place.i]:
                if dep[c] == "prep" and lower[c] in sources and not (
                        place is verb and measure is not None and lower[c] in measure.target_preps):
                    obj = next((o for o in kids[c] if dep[o] == "pobj"), None)
                    holder = _named_by(actors, doc[obj]) if obj is not None and lower[c] != "by" else \
                        actors.resolve(doc[obj]) if obj is not None else None
                    if holder is not None:
                        return holder
        # "a tariff imposed by the United States"
        for n in nouns:
            for c in kids[n.i]:
                if dep[c] == "acl":
                    agent = next((a for a in kids[c] if dep[a] == "agent"), None)
                    obj = next((o for o in kids[agent] if dep[o] == "pobj"), None) if agent is not None else None
                    if obj is not None:
                        holder = actors.resolve(doc[obj])
                        if holder is not None:
                            return holder
        # "could cost Canberra $235 billion": the object of a verb of costing pays
        if verb is not None and table.lemma[verb.i].lower() in self.lex.payer_object_verbs:
            payer = next((c for c in kids[verb.i] if dep[c] in ("dative", "dobj") and not amount.start <= c < amount.end),
                         None)
            return actors.resolve(doc[payer]) if payer is not None else None
        return None

    def _subject(self, doc: Doc, actors: ActorIndex, amount: Amount, measure: Measure | None, noun: Token,
                 verb: Token | None) -> tuple[str, bool, Token] | None:
        """(actor, undergoes, token) of the subject of the governing verb, or the agent of a passive one;
        `undergoes` when the verb makes its subject undergo the figure. None when the amount only comes
        up in passing ("pay more for the 28,500 troops")."""
        # "Trump has cast the $550 billion as money ...": a figure already known (definite), under a verb
        # that neither does what it measures nor sets how firm it is, is talked about, not held by the
        # talker; its first mention says whose it is
        talked_about = verb is not None and _definite(doc, amount, noun) and not self._acts_on(verb, measure)
        if verb is not None and not talked_about and not _in_passing(noun, verb):
            subj, owner = self.subject_of(verb, actors)
            # the counted people as subject ("300 Koreans were detained") hold nothing
            if subj is not None and not (amount.start <= subj.i < amount.end):
                who = actors.resolve(subj)
                if who is not None:
                    # "offered billions to avert the tariff": the amount's own verb may make its subject undergo it
                    return (who, measure is not None and (owner.lemma_.lower() in measure.subject_is_target
                                                          or verb.lemma_.lower() in measure.subject_is_target), subj)
        # "Korean cars will be faced with a 15% tariff": the passive subject of a verb of undergoing
        if verb is not None and measure is not None and verb.lemma_.lower() in measure.subject_is_target \
                and not _in_passing(noun, verb):
            undergoer = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            who = actors.resolve(undergoer, states_only=True) if undergoer is not None else None
            if who is not None:
                return who, True, undergoer
        return None

    def _changed_owner(self, actors: ActorIndex, noun: Token) -> str | None:
        """"tariffs would cut its operating profit by 180 billion yen": a change by an amount belongs to
        whoever owns what changed."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "by" and noun.head.head.pos_ == "VERB" \
                and noun.head.head.lemma_.lower() in self.lex.change_verbs:
            changed = next((c for c in noun.head.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            owner = next((c for c in changed.children if c.dep_ == "poss"), None) if changed is not None else None
            if owner is not None:
                return actors.resolve(owner)
        return None

    def _prep_target(self, actors: ActorIndex, measure: Measure, nouns: list[Token], verb: Token | None,
                     cue: int | None, holder: str | None, subject) -> tuple[str | None, str | None, Token | None]:
        """(holder, target, target token) after the prepositions naming the target: "tariff on Seoul",
        "pledge in the United States"."""
        target = target_tok = None
        doc, table = actors.doc, actors.table
        dep, lower, kids = table.dep, table.lower, table.children
        places = nouns + ([verb] if verb is not None else [])
        for place in places:
            for prep in kids[place.i]:
                # "troops from Australia": on the noun, a source preposition names the holder
                if place is not verb and lower[prep] in measure.source_preps:
                    continue
                if dep[prep] == "prep" and lower[prep] in measure.target_preps:
                    obj = next((c for c in kids[prep] if dep[c] == "pobj"), None)
                    if obj is None:
                        # "out of South Korea": the object sits under the second preposition
                        inner = next((c for c in kids[prep] if dep[c] == "prep"), None)
                        obj = next((c for c in kids[inner] if dep[c] == "pobj"), None) if inner is not None else None
                    # "$350 billion in South Korean investments": the measure's own noun is no place;
                    # a state modifying it says whose the figure is (read below)
                    if obj is not None and obj != cue:
                        who = _named_by(actors, doc[obj])
                        if who is not None and who != holder:
                            target, target_tok = who, doc[obj]
                            break
                        # "Seoul and Washington agreed to cut the tariff on Korean autos": of two
                        # subjects, the one not named as the target holds it
                        partner = self._co_subject(actors, subject, who)
                        if who is not None and partner is not None:
                            holder, target, target_tok = partner, who, doc[obj]
                            break
                # "stationed on its soil": a participle on the noun carries the place
                if dep[prep] == "acl" and target is None:
                    for p2 in kids[prep]:
                        if dep[p2] == "prep" and lower[p2] in measure.target_preps:
                            obj = next((c for c in kids[p2] if dep[c] == "pobj"), None)
                            if obj is not None:
                                who = _named_by(actors, doc[obj])
                                if who is not None and who != holder:
                                    target = who
            if target is not None:
                break
        return holder, target, target_tok

    @staticmethod
    def _paid_to(actors: ActorIndex, noun: Token, nouns: list[Token], verb: Token, holder: str | None,
                 target_tok: Token | None) -> tuple[str | None, Token | None]:
        """"contributing $3 billion to the US shipbuilding sector": money paid or given goes to its
        target, named on the verb, the amount's noun, or what the money is in ("$2 billion in grants to
        ...")."""
        kinds = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                 for o in p.children if o.dep_ == "pobj"]
        for prep in [c for place in [verb, *nouns, *kinds] for c in place.children]:
            if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                who = _named_by(actors, obj) if obj is not None else None
                if who is not None and who != holder:
                    return who, obj
        return None, target_tok

    @staticmethod
    def _whole_owner(doc: Doc, actors: ActorIndex, amount: Amount, exclude) -> str | None:
        """The named possessor of the whole a percentage is "of" (a pronoun's is too unsure a guess
        to override what the passage says about the figure)."""
        for t in doc[amount.start:amount.end]:
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    whole = next((o for o in p.children if o.dep_ == "pobj"), None)
                    owner = next((c for c in whole.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None) \
                        if whole is not None else None
                    who = actors.resolve(owner) if owner is not None else None
                    if who is not None and who != exclude:
                        return who
        return None

    @staticmethod
    def _co_subject(actors: ActorIndex, subject, named: str | None) -> str | None:
        """The other state of a coordinated subject ("Seoul and Washington") when one is `named`."""
        if subject is None or named is None or subject[0] != named:
            return None
        for c in subject[2].children:
            if c.dep_ == "conj":
                who = actors.resolve(c, states_only=True)
                if who is not None and who != named:
                    return who
        return None

    def _acts_on(self, verb: Token, measure: Measure | None) -> bool:
        """The verb does what the measure counts, changes it, pays it or sets its status."""
        lemma = verb.lemma_.lower()
        return (measure is not None and lemma in measure.verbs) or lemma in self.lex.change_verbs \
            or lemma in self.lex.payment_verbs or self._verb_trigger(verb) is not None

    @staticmethod
    def _destination(actors: ActorIndex, measure: Measure, goods: Token, exclude) -> str | None:
        """The state the goods go to: a participle of arriving with it as object ("entering the US"), or
        a preposition of direction ("exports into Japan", "shipments to the US")."""
        for c in goods.children:
            if c.dep_ == "acl" and c.lemma_.lower() in measure.destination_verbs:
                for o in c.children:
                    place = o if o.dep_ == "dobj" else next((g for g in o.children if g.dep_ == "pobj"), None) \
                        if o.dep_ == "prep" else None
                    who = actors.resolve(place, states_only=True) if place is not None else None
                    if who is not None and who != exclude:
                        return who
            if c.dep_ == "prep" and c.lower_ in measure.destination_preps:
                place = next((g for g in c.children if g.dep_ == "pobj"), None)
                who = actors.resolve(place, states_only=True) if place is not None else None
                if who is not None and who != exclude:
                    return who
        return None

    @staticmethod
    def _modifier_actor(actors: ActorIndex, nouns: list[int], exclude, states_only: bool = False) -> str | None:
        """A state named as a modifier of the nouns (by index): "U.S. troops", "US investment", "Korean
        workers"."""
        table = actors.table
        dep = table.dep
        for n in nouns:
            for c in table.children[n]:
                if dep[c] in ("compound", "amod", "nmod") and c in actors.at:
                    span = actors.at[c]
                    who = actors.country_of(span) if states_only else actors.state(span)
                    if who is not None and who not in exclude:
                        return who
        return None

    # ------------------------------------------------------------ status
    def local_status(self, doc: Doc, amount: Amount, noun: Token) -> str | None:
        """A trigger on the amount's own phrase: "the initially proposed 25 percent", "a $5 billion
        pledge", "24,000 suggested by ..."."""
        table = parse_table(doc)
        dep, kids, lower = table.dep, table.children, table.lower
        positions = [*range(amount.start, amount.end), noun.i]
        for t in positions:
            for c in kids[t]:
                if dep[c] in ("amod", "acl", "advmod", "compound") and not (amount.start <= c < amount.end):
                    s = self._modifier_status(doc, c)
                    if s:
                        return s
                # "the 25 percent rate Washington had threatened"
                if dep[c] == "relcl" and t == noun.i:
                    s = self._verb_status(doc[c])
                    if s:
                        return s
        m = match_backward(doc, noun.i, self.noun_last)
        if m is not None and not (amount.start <= noun.i < amount.end):
            return self.lex.status.nouns[m[1]]
        # "$490 billion in investment commitments", "$5 billion of pledges": what the sum is made of
        for p in [c for t in positions for c in kids[t]]:
            if dep[p] == "prep" and lower[p] in ("in", "of"):
                for o in kids[p]:
                    m = match_backward(doc, o, self.noun_last) if dep[o] == "pobj" else None
                    if m is not None:
                        return self.lex.status.nouns[m[1]]
        return None

    def _modifier_status(self, doc: Doc, i: int) -> str | None:
        """The status the modifier at token i gives its noun."""
        m = match_backward(doc, i, self.modifier_last)
        if m is not None:
            return self.lex.status.modifiers[m[1]]
        # a participle phrase on the noun: "suggested recently by the administration"
        if parse_table(doc).tag[i] == "VBN":
            return self._verb_status(doc[i])
        return None

    def _verb_status(self, tok: Token) -> str | None:
        found = self._verb_trigger(tok)
        return self.verb_status[found] if found is not None else None

    def _verb_trigger(self, tok: Token) -> Phrase | None:
        """The status phrase a verb starts ("impose", "take effect"), longest first."""
        table = parse_table(tok.doc)
        lower, i = table.lower, tok.i
        for p in self.verb_first.get(table.lemma[i].lower(), ()):
            if len(p) == 1:
                return p
            # "take effect", "come into effect", "call for": the next words, or a child for the second
            following = tuple(lower[i + 1:i + len(p)])
            if following == p[1:] or (len(p) == 2 and any(lower[c] == p[1] for c in table.children[i])):
                return p
        return None

    def _unreal(self, verb: Token) -> bool:
        """The clause is not a report of fact: future, modal, obligation, an infinitive ("threatened to
        impose") or a condition on it."""
        st = self.lex.status
        return any((c.dep_ == "aux" and (c.lower_ in st.modals or c.lower_ in st.future_modals
                                         or c.lower_ in st.obligation_modals or c.tag_ == "TO"))
                   or (c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS) for c in verb.children)

    def _hedged(self, verb: Token) -> bool:
        """A trigger under a guess: "could demand", "is expected to demand", "is likely to impose"
        ("would" is left alone: reported speech shifts "will" to it)."""
        st = self.lex.status
        if any(c.dep_ == "aux" and st.modals.get(c.lower_) == "speculative" and c.lower_ not in st.backshifted
               for c in verb.children):
            return True
        head = verb.head
        return verb.dep_ == "xcomp" and head.i != verb.i and (
            head.lemma_.lower() in st.hedging_verbs or head.lemma_.lower() in st.hedging_adjectives)

    def _document_status(self, doc: Doc, verb: Token) -> str | None:
        """The status of a verb's subject when it is a deal, plan or demand ("the deal calls for")."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        m = match_backward(doc, subj.i, self.noun_last) if subj is not None and subj.pos_ == "NOUN" else None
        return self.lex.status.nouns[m[1]] if m is not None else None

    def _frame_status(self, doc: Doc, verb: Token) -> str | None:
        """"Under the deal, Seoul would pay ...", "an agreement under which Seoul would pay ...": the
        status noun of the frame the clause is set in."""
        table = parse_table(doc)
        dep, kids, v = table.dep, table.children, verb.i
        for c in kids[v]:
            if dep[c] == "prep" and table.lower[c] in FRAME_PREPS:
                obj = next((o for o in kids[c] if dep[o] == "pobj"), None)
                if obj is not None and table.tag[obj] in ("WDT", "WP") and dep[v] == "relcl":
                    obj = table.head[v]
                m = match_backward(doc, obj, self.noun_last) if obj is not None else None
                if m is not None:
                    return self.lex.status.nouns[m[1]]
        return None

    def _in_deal(self, doc: Doc, verb: Token) -> bool:
        """A phrase on the verb sets the clause inside a deal: "as part of a trade agreement", "in
        exchange", "under the pact"."""
        st = self.lex.status
        for c in verb.children:
            if c.dep_ != "prep":
                continue
            if any(tuple(t.lower_ for t in doc[c.i:c.i + len(m)]) == m for m in st.deal_markers):
                return True
            # the nouns of the phrase, not of a clause inside it
            stack, steps = [c], 0
            while stack and steps < 12:
                t = stack.pop()
                steps += 1
                if t.pos_ in ("NOUN", "PROPN"):
                    m = match_backward(doc, t.i, self.noun_last)
                    if m is not None and st.nouns[m[1]] == st.deal_status:
                        return True
                stack.extend(g for g in t.children if g.pos_ not in ("VERB", "AUX"))
        return False

    def condition(self, doc: Doc, amount: Amount, noun: Token) -> str | None:
        """"counterfactual" when the figure would have held had things gone otherwise ("was facing 25%
        if it had not reached a deal", "would have paid"), "conditional" under an open condition ("will
        face 25% if talks fail", "if Washington imposes 25%"), else None. It depends on the noun alone:
        read once per noun and Doc (the status asks again)."""
        table = parse_table(doc)
        memo = table.memo("condition")
        if noun.i not in memo:
            memo[noun.i] = _condition_above(table, noun.i)
        return memo[noun.i]

    def status(self, doc: Doc, amount: Amount, noun: Token, measure: Measure | None,
               before: bool) -> tuple[str, bool]:
        """(status, explicit): the trigger nearest the amount, walking up its parse; "actual" when none.
        The earlier value of a change ("from 25 percent") only reads its own phrase."""
        status, explicit = self._status(doc, amount, noun, measure, before)
        if status == "actual" and not before and self._not_in_force(doc, amount):
            st = self.lex.status
            return (st.future.get(measure.name, "proposed") if measure is not None else "proposed"), True
        return status, explicit

    def _not_in_force(self, doc: Doc, amount: Amount) -> bool:
        """The sentence says the figure is not in force yet ("no executive order has been issued")."""
        if not self.lex.status.not_in_force:
            return False
        table = parse_table(doc)
        sent = (table.sent_start[amount.start], table.sent_end[amount.start])
        memo = table.memo("not_in_force")
        if sent not in memo:
            words = table.lower[sent[0]:sent[1]]
            first = self.not_in_force_first
            memo[sent] = not first.keys().isdisjoint(words) and \
                any(tuple(words[i:i + len(p)]) == p for i, w in enumerate(words) for p in first.get(w, ()))
        return memo[sent]

    def _status(self, doc: Doc, amount: Amount, noun: Token, measure: Measure | None,
                before: bool) -> tuple[str, bool]:
        own = self.local_status(doc, amount, noun)
        if own is not None:
            return own, True
        if not before and self.condition(doc, amount, noun) == "counterfactual":
            st = self.lex.status
            return st.counterfactual_by_measure.get(measure.name if measure is not None else "", st.counterfactual_status), True
        # "the future role of the 28,500 troops": a definite description presupposes the figure;
        # what the clause around it might do is not about the figure
        if before or _definite_in_passing(doc, amount, noun):
            return "actual", False
        st = self.lex.status
        changed = None
        outlook = _Outlook()
        table = parse_table(doc)
        heads, deps, pos, lower, kids = table.head, table.dep, table.pos, table.lower, table.children
        tok = noun.i
        for _ in range(14):
            parent = heads[tok]
            if parent == tok:
                break
            dep = deps[tok]
            # "4,500 of the 28,500 troops": the whole is described, the share is what the clause is about
            if dep == "pobj" and lower[parent] == "of" and table.like_num[heads[parent]]:
                break
            if dep in ("pobj", "pcomp") and lower[parent] in PASSING_PREPS:
                # unless the preposition belongs to the trigger: "called for", "settled on"
                if _complement_prep(table, parent):
                    verb = doc[heads[parent]]
                    s = self._verb_status(verb)
                    if s:
                        return self._document_status(doc, verb) or s, True
                break
            # the content of a noun ("an admission that forces killed 300") is not what the noun's
            # clause asks for
            if dep in ("acl", "ccomp") and pos[parent] in ("NOUN", "PROPN") and pos[tok] in ("VERB", "AUX") \
                    and any(deps[c] in SUBJECT_DEPS or deps[c] == "mark" for c in kids[tok]):
                break
            # a change verb with an object setting the amount ("cut its tariff to 15 percent")
            if dep == "pobj" and lower[parent] == "to" and table.lemma[heads[parent]].lower() in self.lex.change_verbs \
                    and any(deps[c] in ("dobj", "nsubjpass") for c in kids[heads[parent]]):
                changed = changed or st.change_status
            t = parent
            if pos[t] in ("VERB", "AUX"):
                found = self._verb_says(doc, amount, noun, doc[tok], doc[t], outlook)
                if found is not None:
                    return found
            elif pos[t] in ("NOUN", "PROPN"):
                m = match_backward(doc, t, self.noun_last)
                if m is not None:
                    return st.nouns[m[1]], True
                for c in kids[t]:
                    if deps[c] == "amod":
                        s = self._modifier_status(doc, c)
                        if s:
                            return s, True
            if dep == "relcl":
                break
            tok = t
        if changed:
            return changed, True
        if outlook.future and measure is not None and measure.name in st.future \
                and outlook.verb_lemma not in st.future_exclude:
            status = st.future[measure.name]
            # "will impose 15% as part of the trade deal" is what was agreed, not a threat
            return (st.deal_status if outlook.deal and status == "threatened" else status), True
        return "actual", False

    def _verb_says(self, doc: Doc, amount: Amount, noun: Token, tok: Token, t: Token,
                   outlook: "_Outlook") -> tuple[str, bool] | None:
        """The status the verb `t` above the figure (reached from `tok`) gives it, or None to walk on;
        a future auxiliary is noted in `outlook` for the end of the walk."""
        st = self.lex.status
        dep = tok.dep_
        # "200 lawmakers signed the letter", "400 workers demanded higher pay": what the
        # counted people do is not how firm their number is
        acting = amount.kind == "persons" and dep == "nsubj" and tok.i == noun.i
        if not acting:
            content = self._content_status(doc, t, dep)
            if content is not None:
                return content, True
        trigger = None if acting else self._verb_trigger(t)
        s = self.verb_status[trigger] if trigger is not None else None
        # "will impose a 25% tariff" announces no figure in force: the future reading decides
        if s == "actual" and len(trigger) == 1 and self._unreal(t):
            s = None
        if s and s not in ("actual", "speculative") and self._hedged(t):
            return "speculative", True
        # "the deal calls for $350 billion", "the plan requires 3%": a document asks nothing,
        # it states its terms
        if s and self._document_status(doc, t):
            return self._document_status(doc, t), True
        # "wants to stay at 2%": a wish for oneself, nobody asked
        if s and t.lemma_.lower() in st.self_directed and dep == "xcomp" \
                and not any(c.dep_ in ("dobj", "dative") for c in t.children):
            return st.self_directed_status, True
        if s:
            # "the ministry has requested 8.8 trillion yen for next year": asking for a sum
            # from nobody in particular is a budget request, a proposal
            # (a currency word the tagger read as a verb, "requested 3.1 trillion won", is the object)
            if (dep == "dobj" or amount.start <= tok.i < amount.end) and t.lemma_.lower() in st.self_requests \
                    and not _asks_someone(t, amount):
                return st.self_request_status, True
            return s, True
        framed = self._frame_status(doc, t)
        if framed is not None:
            return framed, True
        return self._auxiliary_status(doc, tok, t, outlook)

    def _content_status(self, doc: Doc, t: Token, dep: str) -> str | None:
        """"the pact includes 2%", "the pledge is $5 billion": the status the noun of what the figure
        is part of gives it ("the fund is part of the deal", "a pillar of the agreement")."""
        st = self.lex.status
        if t.lemma_.lower() not in st.content_verbs:
            return None
        if dep in SUBJECT_DEPS:
            part = next((c for c in t.children if c.dep_ in ("attr", "dobj") and c.lemma_.lower() in st.part_nouns), None)
            whole = next((o for p in part.children if p.dep_ == "prep" and p.lower_ == "of"
                          for o in p.children if o.dep_ == "pobj"), None) if part is not None else None
            m = match_backward(doc, whole.i, self.noun_last) if whole is not None else None
            if m is not None:
                return st.nouns[m[1]]
        if dep in ("dobj", "attr", "oprd"):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            m = match_backward(doc, subj.i, self.noun_last) if subj is not None and subj.pos_ == "NOUN" else None
            if m is not None:
                return st.nouns[m[1]]
        return None

    def _auxiliary_status(self, doc: Doc, tok: Token, t: Token, outlook: "_Outlook") -> tuple[str, bool] | None:
        """The status the auxiliaries, markers and participles on the verb `t` give the figure."""
        st = self.lex.status
        table = parse_table(doc)
        dep, lower, kids = table.dep, table.lower, table.children
        for c in kids[t.i]:
            word = lower[c]
            if dep[c] == "aux" and word in st.modals:
                # "confirmed that the tariff would be lowered": reported speech shifts "will"
                # to "would"; it is not a guess
                # (the same under a verb of agreeing, pledging or demanding: "agreed that 2,000
                # troops would stay" is what was agreed, read from "agreed" further up)
                if word in st.backshifted and t.dep_ == "ccomp" and (
                        t.head.lemma_.lower() in st.reporting_verbs or self._verb_status(t.head)):
                    # "Trump said that if he were in charge, Seoul would be paying $10 billion":
                    # one party's hypothetical about what another would pay is that party's demand
                    if _conditional(t):
                        return ("demanded" if _speaker_names_another(t) else "speculative"), True
                    outlook.future, outlook.verb_lemma = True, t.lemma_.lower()
                    outlook.deal = outlook.deal or self._in_deal(doc, t)
                    continue
                return st.modals[word], True
            if dep[c] == "aux" and word in st.obligation_modals:
                # "Seoul should pay $5 billion": someone is told to do it; "exports should
                # rise" is a forecast
                return ("demanded" if any(dep[s] == "nsubj" and table.pos[s] in ("PROPN", "PRON")
                                          for s in kids[t.i]) else "speculative"), True
            if dep[c] == "aux" and word in st.future_modals:
                outlook.future = True
                outlook.verb_lemma = t.lemma_.lower()
                outlook.deal = outlook.deal or self._in_deal(doc, t)
            if dep[c] == "mark" and word in CONDITIONAL_MARKS:
                return "speculative", True
            if dep[c] in ("advcl", "acl") and table.tag[c] == "VBN" and c > tok.i:
                s = self._verb_status(doc[c])
                if s:
                    return s, True
        return None

    # ------------------------------------------------------------ quote
    @staticmethod
    def quote(doc: Doc, amount: Amount) -> tuple[int, int]:
        """Char offsets of the shortest clause holding the amount: the clause head's subtree without
        the other clauses hanging off its edges."""
        table = parse_table(doc)
        head, dep, pos = table.head, table.dep, table.pos
        tok = amount.head
        while dep[tok] not in CLAUSE_DEPS and not (dep[tok] == "pcomp" and pos[tok] == "VERB") and head[tok] != tok:
            tok = head[tok]
        # a participle on a noun ("troops stationed on its soil") is too small: take its clause
        if dep[tok] == "acl" and head[tok] != tok:
            t = head[tok]
            while dep[t] not in CLAUSE_DEPS and head[t] != t:
                t = head[t]
            tok = t
        sent_start, sent_end = table.sent_start[tok], table.sent_end[tok]
        left, right = table.edges(tok)
        trim = ("advcl", "conj", "parataxis", "cc", "punct", "mark", "relcl", "ccomp", "prep", "advmod", "npadvmod")
        children = [c for c in table.children[tok] if dep[c] in trim]
        edges = {c: table.edges(c) for c in children}
        for c in children:
            lo, hi = edges[c]
            if lo <= amount.start and amount.end - 1 <= hi:
                continue
            if dep[c] in ("prep", "advmod", "npadvmod") and lo > left:
                continue
            if lo == left and hi < amount.start:
                left = hi + 1
        for c in reversed(children):
            if dep[c] in ("prep", "advmod", "npadvmod"):
                continue
            lo, hi = edges[c]
            if lo <= amount.start and amount.end - 1 <= hi:
                continue
            if hi == right and lo >= amount.end:
                right = lo - 1
        left = max(left, sent_start)
        right = min(right, sent_end - 1)
        is_punct, text = table.is_punct, table.text
        while right > left and is_punct[right] and text[right] not in (")", "%", '"', "”"):
            right -= 1
        while left < right and is_punct[left] and text[left] not in ("(", '"', "“", "$"):
            left += 1
        left = min(left, amount.start)
        right = max(right, amount.end - 1)
        return table.idx[left], table.idx[right] + len(text[right])
