"""pactwatch_events: event mentions typed with PLOVER's 16 types plus TRANSITION, with their
actors, date, place, modality and the clause that states them.

A trigger is a verb or noun from the lexicon (knowledge/data/triggers.toml). Its arguments come
from the dependency parse: the subject is the source, objects and a few prepositions give targets.
Modality is read from the trigger and the words governing it, up to the clause that reports it.
A trigger inside the complement of another trigger ("agreed to cooperate", "threatened to
withdraw") is that trigger's content, not an event of its own, and so is a verb coordinated with
that content ("threatened to raise tariffs and withdraw troops"). Mentions of one event merge: the
same type, a shared actor and compatible dates, or a definite noun referring back ("the summit").
An event its sentence does not date takes the date of what it refers back to, of the occasion it
took place at ("during the summit"), or of the story so far; a plan or expectation stated now takes
the day of publication instead.

A noun names an event only with an event reading (a date, a possessor or agent, a party, a verb
carrying it or of which it is the subject): "intensifying North Korean threats" is how things
stand, not a threat made. A verb names one only in the frame its event needs (triggers.toml
[frames]): "met the deadline" is no meeting, "charging more" no charge.

The trigger checks and the walk up to a trigger's governors read the Doc's parse table
(pipeline/parse_table.py) by token index; a spaCy Token is made only where a rule hands one on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..knowledge import loader, triggers as trigger_lexicon
from .attach import subtree_indices
from .event_args import (ACTOR_TYPES, ArgumentWords, Arguments, argument_words, before_semicolon, stand_in,
                         stand_in_at)
from .extensions import EVENTS, set_span_value, span_value
from .guard import Guarded
from .parse_table import ParseTable, parse_table

# dependencies that end the walk from a trigger up to the words governing it: a new clause
CLAUSE_BOUNDARY_DEPS = {"relcl", "advcl", "parataxis", "conj", "cc", "punct", "appos", "mark",
                        "csubj", "dep", "meta", "list"}
# prepositions that place an event in time or circumstance rather than stating its content
CIRCUMSTANTIAL_PREPS = {"during", "at", "after", "before", "since", "amid", "amidst", "ahead",
                        "following", "despite", "in", "by", "until", "through", "throughout",
                        "under", "as", "like", "within", "beyond", "besides", "than"}
# first words of prepositions of two or three words ("because of", "prior to", "in the wake of")
COMPLEX_PREP_HEADS = {"because", "instead", "regardless", "spite", "wake", "face", "prior", "ahead",
                      "lieu", "light", "view", "aftermath", "run", "eve", "context", "midst"}
# how a trigger hangs from another whose content it is: "agreed to meet", "demanded that ...",
# "threats to withdraw", "cancelled the talks"
CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "advcl", "attr", "oprd",
                "dative", "nsubjpass", "compound"}
DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}
# modifiers that pick one event out of several of its kind
SETTING_APART = {"first", "second", "third", "last", "previous", "next", "new", "earlier", "latest",
                 "later", "former", "final", "upcoming", "other"}
# what a warning is of: "warned of consequences", "warned against a fixed date"
WARNED_OF = {"of", "against", "about", "over", "on"}
# "pledged during the summit", "spoke at the talks": the occasion an act took place at
OCCASION_PREPS = {"during", "at"}
# "killed in an air strike", "arrested during a raid": a noun of the verb's own type after these
# names the same occurrence
SAME_OCCASION_PREPS = {"in", "during", "as"}
# commitments: a participle of one of these beside another act ("welcomed him, promising to ...",
# "..., threatening to ...") is a second event; a demand or charge made in an act ("rallied,
# calling for independence") states that act's content
STATEMENT_TYPES = {"AGREE", "THREATEN"}
# events done to a place: with no other target, the place they happen in is their target
PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}


@dataclass
class EventReading:
    """One trigger read as an event: its type, actors, date, place, modality and quote. Readings of
    one occurrence are merged into one event span (`EventFinder.merged`)."""
    token: Token
    type: str
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    primary: set[str] = field(default_factory=set)   # the actors' own names, for merging
    date: str | None = None
    location: str | None = None
    modality: str = "asserted"
    attributed_to: str | None = None
    quote: tuple[int, int] = (0, 0)
    mentions: int = 1
    dated_here: bool = False    # the date is stated in the mention's sentence, not carried over
    dated_now: bool = False     # dated by publication only: a plan or expectation stated now
    refers_to: "EventReading | None" = None   # the dated mention a definite noun refers back to
    # what `quote` and `attributed_to` are read from, kept until the reading is known to be an event
    # of its own (most readings are merged into another or name no actor): (the office noun, the
    # reporter, whether it was dated when read); None once they are read
    unquoted: tuple | None = None


class EventFinder:
    """Built once per pipeline: the lexicon frozen into lookups; called once per Doc."""

    def __init__(self, lexicon: trigger_lexicon.Triggers, arg_words: ArgumentWords | None = None):
        self.lex = lexicon
        self.arg_words = arg_words or argument_words()   # event_arguments.toml's, with the --kb additions
        self._actor_tokens: dict = {}   # per Doc: token index -> actor span, set in __call__
        self._args: Arguments | None = None   # per Doc, set in __call__
        self._renouncing: set[int] = set()   # per Doc: verbs that renounce an agreement ("scrapped the deal")
        self.event_nouns = frozenset(lexicon.nouns) | lexicon.event_heads
        # verbs whose subject acts the event their object noun names ("held talks"); with regular
        # inflections too, as the lemmatizer sometimes misses ("staged" -> "stag")
        carriers = (lexicon.light_verbs | lexicon.negators | lexicon.reversals | lexicon.reporting_verbs
                    | lexicon.acceptances | lexicon.publishing   # "released a joint statement"
                    | {verb for verb, _ in lexicon.phrasal_negators})   # "called off a trip"
        self.carriers = frozenset(carriers | {form for lemma in carriers for form in inflections(lemma)})
        self.receivers = lexicon.receivers
        # every verb lemma the VERB branch of trigger_type can return a type for; any other verb
        # lemma falls through every check there to `lex.verbs.get(lemma)`, None
        self._verb_lemmas = frozenset(
            set(lexicon.verbs) | lexicon.office_verbs | lexicon.office_becoming
            | {lemma for lemma, _ in lexicon.office_phrasal} | lexicon.office_removing
            | lexicon.office_winning | lexicon.office_leaving | lexicon.publishing
            | {key[0] for key in lexicon.prepositional_verbs} | {key[0] for key in lexicon.phrasal_verbs})
        # likewise every noun lemma the NOUN branch can type, or `_triggers` can undo ("ties")
        self._noun_lemmas = frozenset(
            set(lexicon.nouns) | {head for _, head in lexicon.noun_phrases} | set(lexicon.light_nouns)
            | lexicon.office_leaving | set(lexicon.reversible_nouns))
        # every lemma `obligation_subject` reads further
        self._obliging_lemmas = lexicon.reporting_verbs | lexicon.mandative_verbs | lexicon.clausal_reporting
        self._trigger_lemmas = self._verb_lemmas | self._noun_lemmas | self._obliging_lemmas

    # ------------------------------------------------------------ triggers
    # (by token index in the Doc's parse table: each candidate word is read this way, a spaCy Token
    # for each child looked at made the reading the component's main cost)
    def trigger_type(self, token: int) -> str | None:
        """The event type the verb or common noun at index `token` names here, or None."""
        table = self._args.table
        pos = table.pos[token]
        if pos == "VERB":
            return self._verb_type(token, table.lemma[token].lower())
        if pos == "NOUN":  # not PROPN: "Diplomacy" in a title-case headline names nothing
            return self._noun_type(token, table.lemma[token].lower())
        return None

    def _verb_type(self, token: int, lemma: str) -> str | None:
        """A verb's event type, unless it describes, carries another act, or only reports."""
        lex = self.lex
        if lemma not in self._verb_lemmas:
            return None   # no rule below can type this verb
        if self.office_term(token) is not None:
            return lex.office_type   # "her term began in May": a change of leadership
        if self.leaves_office(token):
            return lex.office_type   # "the minister quit", "fired his defense secretary"
        table = self._args.table
        dep, tag, pos, lower, lemmas, head = table.dep, table.tag, table.pos, table.lower, table.lemma, table.head
        kids = table.children[token]
        if lemma in lex.publishing:
            # "released a joint fact sheet", "issued the Joint Statement": putting out the
            # document is the act it records
            objects = [c for c in kids if dep[c] in ("dobj", "nsubjpass")]
            carried = dep[token] == "relcl" and any(lower[c] in ("which", "that") for c in objects)
            if carried:   # "the joint statement, which they issued on May 4": the noun is the event
                objects = [head[token]]
            kind = next((lex.noun_phrases[(lower[m], lower[c])] for c in objects
                         if pos[c] in ("NOUN", "PROPN") for m in table.children[c]
                         if dep[m] in ("compound", "amod") and (lower[m], lower[c]) in lex.noun_phrases), None)
            if kind:
                return None if carried else kind
            if dep[token] == "acl" and tag[token] == "VBN":
                objects = objects + [head[token]]   # "a report released on Friday"
            if any(lemmas[c].lower() in lex.documents for c in objects):
                return None   # "released a fact sheet", "published its report": no concession
        if dep[token] in ("amod", "acl") and tag[token] == "VBN" and not self.names_someone(head[token]) \
                and not any(dep[c] == "aux" and lower[c] == "to" for c in kids) \
                and not (lex.verbs.get(lemma) in lex.described_acts and stated_act(table, token)) \
                and not under_way(table, token):
            # ("deals being negotiated with Seoul": an act under way, not a description)
            return None   # "the long-threatened invasion", "a signed copy": description
        if lemma in lex.authorizing and any(dep[c] == "dobj" and lemmas[c].lower() in lex.nouns for c in kids):
            return None   # "approved the sale of jets": the sale is the act, approving carries it
        if not self.in_frame(token, lemma):
            return None   # "met the deadline", "charging more", "seeks to deter": no event
        kind = self._construction_type(token, lemma)
        if kind:
            return kind
        if lemma in lex.clausal_reporting and (any(dep[c] == "ccomp" for c in kids) or (
                dep[token] in ("parataxis", "advcl") and reporting_aside(table, token) and not any(
                    dep[c] in ("dobj", "xcomp", "dative") or (dep[c] == "prep" and lower[c] in WARNED_OF)
                    for c in kids))):
            # "warned that prices may rise" and "prices may rise, the bank warned" report;
            # "warned of consequences" threatens
            return None
        return lex.verbs.get(lemma)

    def _construction_type(self, token: int, lemma: str) -> str | None:
        """The type a verb takes from the words built with it: a preposition and its object
        ("returned to office"), a particle ("stepped down"), a counted object ("sent thousands of
        troops"), the marker of its clause ("called for Seoul to pay")."""
        lex = self.lex
        table = self._args.table
        dep, lower, lemmas, children = table.dep, table.lower, table.lemma, table.children
        addressed = lex.verbs.get(lemma) == "THREATEN" and any(dep[c] == "dobj" for c in children[token])
        for child in children[token]:
            child_dep = dep[child]
            if child_dep == "prep" and addressed:
                continue   # "warned Oslo against it" threatens Oslo; "warned against it" opposes it
            if child_dep == "prep":   # "returned to office", "came to power"
                for p in children[child]:
                    if dep[p] == "pobj" and not any(dep[d] in ("det", "poss") for d in children[p]):
                        kind = lex.prepositional_verbs.get((lemma, lower[child], lemmas[p].lower()))
                        if kind:
                            return kind
            if child_dep in ("prt", "prep", "dobj") or (child_dep == "advmod" and child > token):
                # the parser often reads a particle as an adverb: "stepped down on Friday"
                kind = lex.phrasal_verbs.get((lemma, lemmas[child].lower()))
                if kind:
                    return kind
            if child_dep == "dobj":   # "sent thousands of troops": the counted noun
                for p in (g for o in children[child] if dep[o] == "prep" and lower[o] == "of"
                          for g in children[o] if dep[g] == "pobj"):
                    kind = lex.phrasal_verbs.get((lemma, lemmas[p].lower()))
                    if kind:
                        return kind
            elif child_dep in ("advcl", "xcomp", "ccomp"):
                # "called for Seoul to pay": the parser hangs "for" on the clause
                for mark in children[child]:
                    if dep[mark] == "mark" and mark < child:
                        kind = lex.phrasal_verbs.get((lemma, lower[mark]))
                        if kind:
                            return kind
        return None

    def _noun_type(self, token: int, lemma: str) -> str | None:
        lex = self.lex
        table = self._args.table
        dep, lemmas, children = table.dep, table.lemma, table.children
        for child in children[token]:
            if dep[child] in ("compound", "amod"):
                kind = lex.noun_phrases.get((lemmas[child].lower(), lemma))
                if kind:
                    return kind
        kind = lex.nouns.get(lemma)
        head = table.head[token]
        if kind and dep[token] == "compound" and table.pos[head] == "NOUN" \
                and lemmas[head].lower() not in lex.event_heads:
            # "aid agencies", "summit venue": the head is no event; "tariff deal", "peace
            # talks": the head is the event, this noun its topic
            return None
        if kind:
            return kind
        if dep[token] == "dobj" and lemmas[head].lower() in lex.light_verbs:
            return lex.light_nouns.get(lemma)
        if dep[token] == "ROOT" and lemma in lex.office_leaving and any(
                dep[c] == "compound" and self.names_person(c) for c in children[token]):
            # "Finance Minister Kim Jong-su quit on Monday": a verb the tagger took for the
            # noun its hyphenated subject compounds
            return lex.office_type
        return None

    def holds_office(self, token: int) -> bool:
        """The token at `token` names someone who can hold an office: a person, an official ("his
        defense secretary"), a pronoun for one, or "who" in a clause describing one."""
        lex = self.lex
        table = self._args.table
        dep, head = table.dep, table.head
        lower = table.lower[token]
        if lower in ("he", "she", "him", "her"):
            return True
        if lower in ("who", "whom") and dep[head[token]] == "relcl":
            return self.holds_office(head[head[token]])
        if self.names_person(token) or any(dep[c] in ("compound", "appos") and self.names_person(c)
                                           for c in table.children[token]):
            return True
        return table.pos[token] == "NOUN" and table.lemma[token].lower() in lex.office_titles | lex.office_officials

    def leaves_office(self, verb: int) -> bool:
        """A verb that says someone took, left or was removed from an office only in some uses:
        "quit" with no object but an office, said of an office holder ("the minister quit");
        "fired", "dismissed", "sacked", "removed" done to one ("fired his chief of staff", "was
        dismissed"); "won" said of a person with a vote, race or runoff, or nothing, as object."""
        lex = self.lex
        table = self._args.table
        dep, lower, lemmas, head, children = table.dep, table.lower, table.lemma, table.head, table.children
        lemma = lemmas[verb].lower()
        kids = children[verb]
        if lemma in lex.office_removing:
            done_to = [c for c in kids if dep[c] in ("dobj", "nsubjpass")]
            if not done_to and any(dep[c] == "auxpass" for c in kids) and dep[verb] in ("acl", "relcl"):
                done_to = [head[verb]]   # "the minister fired last week"
            titles = lex.office_titles | lex.office_officials
            judged = any(dep[c] == "prep" and lower[c] == "as" and not any(
                lemmas[p].lower() in titles for p in children[c]) for c in kids)
            # "dismissed him as a puppet" judges him; "dismissed him as minister" removes him
            return bool(done_to) and all(self.holds_office(c) for c in done_to) and not judged
        if lemma in lex.office_winning:
            subject = next((c for c in kids if dep[c] == "nsubj"), None)
            if subject is None or not self.names_person(subject):
                return False
            won = False
            for c in kids:
                if dep[c] in ("dobj", "xcomp", "ccomp", "dative", "attr"):
                    if dep[c] != "dobj" or lemmas[c].lower() not in lex.office_winning_objects:
                        return False   # "won a concession", "won praise"
                    won = True
            # with no object: "now that Trump has won", not "won in court", "won on appeal"
            return won or not any(dep[c] == "prep" and lower[c] in ("in", "at", "on") and not any(
                table.ent_type[p] in ("DATE", "TIME") for p in children[c]) for c in kids)
        if lemma in lex.office_leaving:
            if any(dep[c] == "dobj" and lemmas[c].lower() not in lex.office_leaving_objects for c in kids):
                return False   # "quit the talks", "quit the accord"
            v = verb
            for _ in range(3):
                subject = next((c for c in children[v] if dep[c] in ("nsubj", "nsubjpass")), None)
                if subject is not None:
                    return self.holds_office(subject)
                if dep[v] not in ("xcomp", "conj", "advcl") or head[v] == v:
                    break
                v = head[v]
        return False

    def office_term(self, verb: int) -> int | None:
        """The term of office whose start or end the verb at `verb` states: its subject ("his tenure
        ended", "the presidency, which began in May", and the parser's "X's tenure as minister
        [ended]" hung from the noun), or its object with a possessor ("began her second term")."""
        lex = self.lex
        table = self._args.table
        dep, lower, lemmas, head, children = table.dep, table.lower, table.lemma, table.head, table.children
        lemma = lemmas[verb].lower()
        kids = children[verb]
        if lemma not in lex.office_verbs and lemma not in lex.office_becoming and not any(
                dep[c] == "prt" and (lemma, lower[c]) in lex.office_phrasal for c in kids):
            return None

        def office(noun: int | None) -> bool:
            return noun is not None and table.pos[noun] == "NOUN" and table.tag[noun] != "NNS" \
                and lemmas[noun].lower() in lex.office_nouns

        objects = [c for c in kids if dep[c] in ("dobj", "xcomp", "ccomp", "attr", "oprd")
                   and not before_semicolon(table, c)]
        if lemma in lex.office_becoming:
            # "became prime minister", not "became the first president to be arrested"
            title = objects[0] if len(objects) == 1 and dep[objects[0]] in ("attr", "oprd") else None
            if title is not None and lemmas[title].lower() in lex.office_titles and not any(
                    dep[c] in ("acl", "relcl") for c in children[title]):
                return title
            return None
        if len(objects) == 1 and dep[objects[0]] == "dobj" and office(objects[0]) \
                and any(dep[c] == "poss" for c in children[objects[0]]) and lemma in lex.office_verbs:
            return objects[0]     # "Ruto began his second term"
        if objects or any(dep[c] in ("nsubjpass", "auxpass") for c in kids):
            return None           # "the administration began talks": it acts, it does not start
        subject = next((c for c in kids if dep[c] == "nsubj"), None)
        if subject is not None and lower[subject] == "who" and dep[verb] == "relcl":
            subject = head[verb]   # "Rutte, who took over as secretary general in 2024"
        if subject is not None and lemma not in lex.office_verbs and self.names_person(subject):
            return subject        # "the finance minister then took over": a successor
        if subject is not None and lower[subject] in ("which", "that") and dep[verb] == "relcl":
            subject = head[verb]
        elif subject is None and dep[verb] in ("advcl", "acl", "relcl") and head[verb] < verb:
            subject = head[verb]
        return subject if office(subject) else None

    def names_person(self, token: int) -> bool:
        span = self._actor_tokens.get(token)
        return span is not None and span.label_ == "PERSON"

    def in_frame(self, verb: int, lemma: str) -> bool:
        """The verb stands in the frame its event needs (knowledge/data/triggers.toml, [frames])."""
        lex = self.lex
        table = self._args.table
        dep, pos, lower, lemmas, children = table.dep, table.pos, table.lower, table.lemma, table.children
        kids = children[verb]
        objects = [c for c in kids if dep[c] == "dobj"]
        if lemma in lex.party_verbs and any(not self.names_party(c) for c in objects):
            return False
        if lemma in lex.party_required:
            done_to = objects + [c for c in kids if dep[c] == "nsubjpass"]
            if dep[verb] in ("acl", "relcl") and any(dep[c] == "auxpass" for c in kids):
                done_to.append(table.head[verb])
            return bool(done_to) and all(self.names_party(c) for c in done_to)
        if lemma in lex.no_object and objects:
            return False
        if lemma in lex.event_object:
            attended = objects + [c for c in kids if dep[c] == "nsubjpass"]
            if dep[verb] in ("acl", "relcl") and table.tag[verb] == "VBN":
                attended.append(table.head[verb])   # "the ceremony, to be attended by the president"
            if any(pos[c] == "NOUN" and lemmas[c].lower() not in lex.nouns and not any(
                    dep[m] in ("poss", "compound") and (pos[m] == "PROPN" or m in self._actor_tokens)
                    for m in children[c]) for c in attended):
                return False   # "attended a ceremony": no meeting; "China's Victory Day parade" is a visit
        if lemma in lex.noun_object and not any(pos[c] in ("NOUN", "PROPN", "PRON") for c in objects) \
                and not any(dep[c] == "nsubjpass" for c in kids):
            return False
        if lemma in lex.recipient and not any(
                dep[c] == "prep" and lower[c] == lex.recipient[lemma] and any(
                    dep[p] == "pobj" and self.names_recipient(p) for p in children[c]) for c in kids) \
                and not any(dep[c] == "dative" for c in kids):
            return False
        if lex.verbs.get(lemma) == "REQUEST" and any(
                dep[c] in ("ccomp", "advcl") and any(dep[m] == "mark" and lower[m] in lex.question_markers
                                                     for m in children[c]) for c in kids):
            return False
        if lex.verbs.get(lemma) == "AGREE" and lemma in lex.publishing and objects \
                and all(lemmas[c].lower() in lex.own_instruments or any(
                    dep[m] == "compound" and lemmas[m].lower() in lex.own_instruments for m in children[c])
                    for c in objects):
            return False   # "signed an executive order": the government's own act
        return True

    def names_recipient(self, noun: int) -> bool:
        """The noun at `noun` is, or is modified by, an actor ("Kyiv", "the US submarine industry"),
        not a thing whose "of" phrase names one ("the infrastructure of the United States")."""
        dep, children = self._args.table.dep, self._args.table.children
        todo = [noun]
        while todo:
            t = todo.pop()
            span = self._actor_tokens.get(t)
            if span is not None and span.label_ in ACTOR_TYPES:
                return True
            todo.extend(c for c in children[t] if dep[c] in ("compound", "amod", "poss", "nmod"))
        return False

    def names_party(self, token: int) -> bool:
        """The token at `token` names someone one can meet: an actor, a pronoun, a name, or an official
        or a group named by a common noun ("his counterpart", "the delegation")."""
        table = self._args.table
        if table.pos[token] in ("PRON", "PROPN") or self.names_someone(token) or any(
                table.dep[c] in ("amod", "poss") and c in self._actor_tokens for c in table.children[token]):
            return True   # "three Chinese nationals", "Japan's envoy"
        lemma = table.lemma[token].lower()
        return lemma in self.lex.party_nouns or lemma in self.lex.office_titles or lemma in self.lex.office_officials

    def names_someone(self, token: int) -> bool:
        """The noun a participle describes (at `token`) is, or is headed by, a named actor ("newly
        elected President Lee")."""
        table = self._args.table
        return token in self._actor_tokens or any(
            c in self._actor_tokens for c in table.children[token] if table.dep[c] in ("compound", "appos"))

    def is_negator(self, token: int) -> bool:
        table = self._args.table
        lemma = table.lemma[token].lower()
        if lemma in self.lex.negators:
            return True
        return any(table.dep[c] in ("prt", "prep") and (lemma, table.lemma[c].lower()) in self.lex.phrasal_negators
                   for c in table.children[token])

    def transformed_type(self, noun: int, kind: str | None) -> str | None:
        """The type of what a verb or noun does to the event the noun at `noun` names: undoing it
        ("lifted the blockade", "suspension of aid deliveries") or granting it ("accepted the demands")."""
        table = self._args.table
        dep, lemmas = table.dep, table.lemma
        place = stand_in_at(table, noun, self.arg_words)
        head = table.head[place]
        if dep[place] == "pobj" and table.lower[head] == "of":
            head = table.head[head]          # "the suspension of air links"
        elif dep[place] not in ("dobj", "nsubjpass"):
            return None
        lemma = lemmas[head].lower()
        if kind == "AGREE" and lemmas[noun].lower() in self.lex.standing_agreements and table.pos[head] == "VERB" \
                and lemma in self.lex.renouncing and "AGREE" in self.lex.reversal_types:
            # "scrapped the deal": a commitment renounced, not an agreement that did not happen
            self._renouncing.add(head)
            return self.lex.reversal_types["AGREE"]
        if lemma in self.lex.reversals or lemma in self.lex.reversal_nominals:
            return self.lex.reversal_nouns.get(lemmas[noun].lower()) or self.lex.reversal_types.get(kind or "")
        if lemma in self.lex.acceptances:
            return self.lex.acceptance_types.get(kind or "")
        return None

    def obligation_subject(self, token: int) -> int | None:
        """For a reporting verb (at `token`) whose complement says someone must act ("X said Y must
        ..."), that complement's verb."""
        table = self._args.table
        dep, children = table.dep, table.children
        lemma = table.lemma[token].lower()
        if lemma not in self.lex.reporting_verbs and lemma not in self.lex.mandative_verbs \
                and lemma not in self.lex.clausal_reporting:
            return None   # "warned that Y should ..." demands of Y as "said that Y must ..." does
        for c in children[token]:
            if dep[c] != "ccomp":
                continue
            if any(dep[a] == "aux" and table.lower[a] in self.lex.obligation_auxiliaries for a in children[c]):
                return c
            if lemma in self.lex.mandative_verbs and subjunctive(table, c):
                return c     # "insists that the conditions be met first"
        return None

    # ------------------------------------------------------------ modality and governors
    # (by token index in the Doc's parse table: the walks run once per trigger and read every word
    # above it)
    def cues_of(self, token: int, cues: set[str], is_trigger: bool) -> None:
        lex = self.lex
        table = self._args.table
        if not is_trigger:
            lemma = table.lemma[token].lower()
            if lemma in lex.speculative_words:
                cues.add("speculative")
            elif lemma in lex.planned_words:
                cues.add("planned")
            elif table.lower[token] in lex.intent_words:
                cues.add("future")
            if self.is_negator(token) and token not in self._renouncing:
                cues.add("negated")
        for c in table.children[token]:
            dep, lower, lemma = table.dep[c], table.lower[c], table.lemma[c].lower()
            if dep in ("aux", "auxpass"):
                if lower in lex.speculative_auxiliaries:
                    cues.add("speculative")
                elif lower in lex.planned_auxiliaries or lemma in lex.planned_auxiliaries:
                    cues.add("future")
                elif lower in lex.conditional_auxiliaries:
                    cues.add("would")
            elif dep == "neg" or (dep == "det" and lower == "no"):
                cues.add("negated")
            elif dep == "det" and lower in lex.speculative_words:
                cues.add("speculative")   # "any attack on Taiwan"
            elif dep in ("advmod", "amod", "acomp", "npadvmod"):
                if lemma in lex.speculative_words or lower in lex.speculative_words:
                    cues.add("speculative")
                elif lemma in lex.planned_words or lower in lex.planned_words:
                    cues.add("planned")
                elif lower in lex.intent_words:
                    cues.add("future")
                elif lower in lex.negation_words:
                    cues.add("negated")
            elif dep == "mark" and lower in lex.speculative_markers:
                cues.add("speculative")

    def govern(self, trigger: int, triggers: dict[int, object]):
        """Walk from the trigger (a token index) up through the words governing it, within its clause.
        Returns (cues, index of the governing trigger or None, index of the reporting verb or None)."""
        table = self._args.table
        dep, head_of, pos, lower, lemma, children = \
            table.dep, table.head, table.pos, table.lower, table.lemma, table.children
        cues: set[str] = set()
        self.cues_of(trigger, cues, True)
        if dep[trigger] == "dobj" and lemma[head_of[trigger]].lower() in self.lex.authorizing:
            cues.discard("speculative")   # "approved the possible sale": approving makes it so
        if pos[trigger] == "NOUN" and framed_act(table, trigger) is not None:
            # "under the agreement announced this week, Japan will invest": the frame is not
            # the act's content, nor told in its mood
            return self.finish(trigger, cues, None, None)
        node = trigger
        absorbable = True
        reporter = None
        governor = None
        for _ in range(12):
            head = head_of[node]
            if head == node:
                break
            if before_semicolon(table, node):
                break   # "X became president; Y then took over": a semicolon joins two statements
            if node == trigger:
                own, governor = self._own_act(trigger, triggers)
                if own:
                    break
            node_dep = dep[node]
            if node_dep in CLAUSE_BOUNDARY_DEPS and not (self.elaborates(table, node)
                                                         and lemma[node].lower() not in self.lex.consequences) \
                    and not (node_dep == "conj" and pos[node] == "NOUN" and pos[head] == "NOUN"):
                if self.shares_clause(table, node):
                    # "threatened to impose tariffs and withdraw troops", "said it would ban aid and
                    # would deny entry": a verb sharing the subject of the verb it is coordinated
                    # with is governed as that verb is
                    above, governor, reporter = self.govern(head, triggers)
                    cues |= above - {"hypothetical"}
                    return self.finish(trigger, cues, governor, reporter)
                break   # coordinated nouns share their clause: "the meetings, and their talks, will ..."
            if node == trigger and node_dep == "pobj" and lower[head] in SAME_OCCASION_PREPS \
                    and head_of[head] in triggers and triggers[head_of[head]] == triggers.get(trigger) \
                    and pos[head_of[head]] in ("VERB", "NOUN") and pos[trigger] == "NOUN":
                # "were killed in a bombing": the bombing is the killing; "a hunger strike in
                # protest of the ruling": the protest is the strike
                governor = head_of[head]
                break
            if node_dep == "pobj" and (lower[head] in CIRCUMSTANTIAL_PREPS or (
                    lower[head] in ("of", "to") and lower[head_of[head]] in CIRCUMSTANTIAL_PREPS | COMPLEX_PREP_HEADS)):
                absorbable = False   # "ahead of his meeting with Trump", "because of the war": the setting
            if node_dep not in CONTENT_DEPS and not (node_dep == "conj" and self.elaborates(table, node)):
                absorbable = False
            if head in triggers and absorbable:
                governor = head
                break
            if absorbable and head not in triggers and (lemma[head].lower() in self.carriers
                                                        or lower[head] in self.carriers) and (
                    node_dep == "prep"
                    or (node_dep in ("advcl", "xcomp") and any(dep[c] == "aux" and lower[c] == "to"
                                                               for c in children[node]))):
                # "began a hunger strike to demand ...", "expressed openness to dialogue": the
                # purpose or the topic belongs to the event the light verb carries
                carried = next((c for c in children[head] if dep[c] == "dobj" and c in triggers), None)
                if carried is not None:
                    governor = carried
                    break
            if node_dep in ("ccomp", "xcomp") and (lemma[head].lower() in self.lex.reporting_verbs or (
                    node_dep == "ccomp" and lemma[head].lower() in self.lex.clausal_reporting)):
                reporter = head
                break
            self._cues_above(node, head, cues)
            node = head
        if reporter is None:
            reporter = self.reporter_below(node)
        return self.finish(trigger, cues, governor, reporter)

    def _own_act(self, trigger: int, triggers: dict[int, object]) -> tuple[bool, int | None]:
        """(True, governor) when the walk up from the trigger ends at the trigger itself: it is an act
        of its own, or (with a governor) the object of an act under way that names it."""
        table = self._args.table
        dep, tag = table.dep, table.tag
        head = table.head[trigger]
        if dep[trigger] in ("acl", "amod") and tag[trigger] == "VBN" \
                and triggers.get(trigger) in self.lex.described_acts and stated_act(table, trigger):
            return True, None   # "rejected the tariff threatened by Trump in July": the threat is an act of its own
        if dep[trigger] == "acl" and under_way(table, trigger):
            return True, None   # "deals being negotiated with Seoul": the negotiating is the act
        if table.pos[trigger] == "NOUN":
            doing = next((c for c in table.children[trigger] if c in triggers and c > trigger and (
                (dep[c] == "acl" and under_way(table, c))
                or (dep[c] == "relcl" and triggers[c] != triggers[trigger] and object_gap(table, c)))), None)
            if doing is not None:
                # ... and the deals are what it is about; so are "the agreements we are
                # negotiating with them": the noun is the object the clause leaves out
                return True, doing
        if head in triggers and dep[trigger] == "advcl" and tag[trigger] == "VBG" \
                and triggers.get(trigger) in STATEMENT_TYPES and triggers.get(trigger) != triggers[head]:
            return True, None   # "welcomed him, promising to ...": a commitment made alongside is its own event
        return False, None

    def _cues_above(self, node: int, head: int, cues: set[str]) -> None:
        """The cues `head` adds to the mood of what it governs, through the edge from `node`."""
        self.cues_of(head, cues, False)
        table = self._args.table
        lemma = table.lemma[head].lower()
        if table.dep[node] == "xcomp" and lemma in self.lex.present_obligations \
                and simple_present(table, head):
            cues.add("planned")   # "we have to talk": to be done
        if table.dep[node] in ("dobj", "prep") and lemma in self.lex.travel_present \
                and simple_present(table, head):
            cues.add("planned")   # "head to Washington for talks"
        if lemma in self.lex.preparations:
            cues.add("prepared")

    def finish(self, trigger: int, cues: set[str], governor, reporter):
        if reporter is not None and "would" in cues:
            cues.add("future")        # "said they would ...": the future seen from the past
        if self.hypothetical(trigger):
            cues.add("hypothetical")
        elif self.future_time_clause(trigger):
            cues.add("planned")   # told of as a time to come, not promised: no announced intent
        return cues, governor, reporter

    def future_time_clause(self, token: int) -> bool:
        """Inside a time clause in the present tense, which English uses for the future: "before
        they demobilize", "after the two leaders meet"."""
        table = self._args.table
        dep = table.dep
        for t in [token, *table.ancestors(token)]:
            if dep[t] == "advcl" and present_tense(table, t) and any(
                    dep[c] == "mark" and table.lower[c] in self.lex.future_time_markers for c in table.children[t]):
                return True
            if dep[t] in ("ccomp", "relcl", "parataxis"):
                return False
        return False

    @staticmethod
    def shares_clause(table: ParseTable, node: int) -> bool:
        """A verb coordinated with another verb, with no subject of its own and not set against
        it ("did not attend but sent an envoy"): it stands where that verb stands."""
        dep, pos, children = table.dep, table.pos, table.children
        head = table.head[node]
        return dep[node] == "conj" and pos[node] == "VERB" and pos[head] in ("VERB", "AUX") \
            and head != node \
            and not any(dep[c] in ("nsubj", "nsubjpass", "csubj", "expl") for c in children[node]) \
            and not any(dep[c] in ("cc", "preconj") and table.lower[c] in ("but", "yet", "while", "whereas")
                        for c in [*children[head], *children[node]])

    def ultimatum(self, token: Token) -> bool:
        clause = token if token.pos_ == "VERB" else token.head
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.lex.ultimatum_markers
                                             for m in c.children) for c in clause.children)

    def conditional(self, token: Token) -> bool:
        """The clause stating `token` carries a condition of its own ("would meet him if he ...")."""
        clause = token if token.pos_ == "VERB" else token.head
        markers = self.lex.hypothetical_markers - self.lex.ultimatum_markers
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in markers for m in c.children)
                   for c in clause.children)

    def hypothetical(self, token: int) -> bool:
        """Inside a condition ("unless Baghdad accepts", "if he is elected"), or a time clause in
        the present tense that waits on something not yet done ("until their demands are met",
        "once the treaty is ratified")."""
        table = self._args.table
        dep = table.dep
        for t in [token, *table.ancestors(token)]:
            if dep[t] != "advcl":
                continue
            marks = {table.lower[c] for c in table.children[t] if dep[c] == "mark"}
            if marks & self.lex.hypothetical_markers:
                return True
            if marks & self.lex.pending_markers and present_tense(table, t):
                return True
        return False

    @staticmethod
    def elaborates(table: ParseTable, node: int) -> bool:
        """An adverbial clause with no subject and no conjunction of its own ("..., detaining
        300 workers", "struck to demand higher pay") spells out the event of its head; so does a
        verb coordinated inside it ("..., killing one and arresting 12")."""
        dep, children = table.dep, table.children

        def bare_advcl(t: int) -> bool:   # not "..., only to be impeached": a passive is done to it
            return dep[t] == "advcl" and not any(dep[c] in ("nsubj", "nsubjpass", "mark", "auxpass") for c in children[t])
        if dep[node] == "conj":   # a noun the parser hung on the verb belongs to a list of its own
            return table.pos[node] in ("VERB", "AUX") and bare_advcl(table.head[node]) \
                and not any(dep[c] in ("nsubj", "nsubjpass") for c in children[node])
        return bare_advcl(node)

    def reporter_below(self, top: int) -> int | None:
        """"Y will invest, X said": a reporting verb hanging off the clause's top."""
        table = self._args.table
        dep, children = table.dep, table.children
        for c in children[top]:
            if dep[c] in ("parataxis", "ccomp", "advcl") and table.lemma[c].lower() in self.lex.reporting_verbs \
                    and not any(dep[g] == "ccomp" for g in children[c]):
                return c
        return None

    def modality(self, cues: set[str], reported: bool) -> str:
        if "speculative" in cues:
            return "speculative"
        if "negated" in cues:
            return "negated"
        if "future" in cues or "planned" in cues:
            return "planned"
        if "would" in cues:
            return "planned" if reported else "speculative"
        return "asserted"

    # ------------------------------------------------------------ the component
    def __call__(self, doc: Doc) -> Doc:
        args = Arguments(doc, self.carriers, self.event_nouns, self.receivers, self.lex.instruments,
                         self.lex.reporting_verbs, self.arg_words)
        self._actor_tokens = args.actor_at
        self._args = args   # its parse table too: the methods below read it by index
        self._renouncing = set()
        triggers = self._triggers(doc)
        mentions: list[EventReading] = []
        dated: list[EventReading] = []     # mentions dated in their own sentence, in text order
        absorbed: dict[int, list[int]] = {}
        walked = {}
        for i in triggers:
            walked[i] = self.govern(i, triggers)
            governor = walked[i][1]
            if governor is not None:
                absorbed.setdefault(governor, []).append(i)
        for i, kind in triggers.items():
            cues, governor, reporter = walked[i]
            if governor is not None or "hypothetical" in cues:
                continue  # content of another event, or a condition set for it ("unless ...")
            token = doc[i]
            mention = self.mention(doc, args, token, kind, cues, None if reporter is None else doc[reporter])
            contents = self.absorbed_all(i, absorbed)
            if kind == "AGREE" and any(self.lex.announced_intent.get(triggers[j]) == "THREATEN"
                                       for j in absorbed.get(i, [])):
                mention.type = "THREATEN"   # a vow to fight is a threat
            self._take_contents(doc, args, token, mention, contents, triggers)
            if not mention.target and mention.location and mention.type in PLACE_TARGET_TYPES:
                mention.target.append(mention.location)  # "the war in Ukraine" is waged on Ukraine
            mention.dated_here = mention.date is not None
            if mention.dated_here:
                dated.append(mention)
            else:   # "the summit" refers back to a dated summit; else the story's time so far
                mention.refers_to = self.referred(token, mention.type, dated)
                mention.date = (mention.refers_to.date if mention.refers_to else None) \
                    or self.occasion_date(token, triggers, dated) or self.part_of_date(args, token, triggers) \
                    or self.undated(doc, args, mention)
                mention.dated_now = bool(mention.date) and mention.date == (args.dct or "")[:10]
            if not mention.source and not mention.target and token.pos_ == "NOUN":
                act = framed_act(args.table, i)
                if act is not None and act in triggers:
                    # "under the terms of the agreement announced this week, Japan will invest in
                    # the US": the parties to an act are parties to what it is part of
                    inner = args.roles(doc[act])
                    mention.source, mention.target = inner.source_names(), inner.target_names()
                    mention.primary |= inner.primary()
            if not mention.source and not mention.target:
                continue  # no actor: an anaphoric or generic mention ("the summit", "tariffs")
            if token.pos_ == "NOUN" and not contents and not self.event_reading(args, token):
                continue  # "facing intensifying North Korean threats": a state of affairs, not an act
            mentions.append(mention)
        doc.spans[EVENTS] = self.merged(doc, mentions)
        # the Doc's readers are let go with it: the component outlives every Doc it reads
        self._actor_tokens, self._args = {}, None
        return doc

    def _triggers(self, doc: Doc) -> dict[int, str]:
        """Token index -> event type of every trigger outside photo captions."""
        triggers: dict[int, str] = {}
        captions = doc._.captions or []
        reversible_nouns = self.lex.reversible_nouns
        table = self._args.table
        pos, idx = table.pos, table.idx
        # only a lemma of the lexicon can make a trigger: skip the rest without a Token, the test made
        # once per distinct lemma of the Doc
        known = {lemma for lemma in set(table.lemma) if lemma.lower() in self._trigger_lemmas}
        typed: dict[int, str | None] = {}   # each noun's own type, before what is done to it
        for i in [i for i, lemma in enumerate(table.lemma) if lemma in known]:
            lemma = table.lemma[i].lower()
            if not ((pos[i] == "VERB" and lemma in self._verb_lemmas)
                    or (pos[i] == "NOUN" and lemma in self._noun_lemmas) or lemma in self._obliging_lemmas):
                continue
            if captions and any(start <= idx[i] < end for start, end in captions):
                continue   # a photo caption describes a picture, not an event the article reports
            kind = self.trigger_type(i)
            if pos[i] == "NOUN":
                typed[i] = kind
            if pos[i] == "NOUN" and (kind or lemma in reversible_nouns):
                kind = self.transformed_type(i, kind or reversible_nouns[lemma]) or kind
            if kind:
                triggers[i] = kind
            elif self.obligation_subject(i) is not None:
                triggers[i] = self.lex.obligation_type
        head = table.head
        for i in list(triggers):
            # the verb that undoes or grants an event ("demands were met") is not one itself
            if pos[i] == "NOUN" and triggers[i] != typed[i]:
                place = stand_in_at(table, i, self.arg_words)
                verb = head[head[place]] if table.dep[place] == "pobj" else head[place]
                if pos[verb] == "VERB" and verb in triggers and verb != i:
                    del triggers[verb]
        return triggers

    @staticmethod
    def _take_contents(doc: Doc, args: Arguments, token: Token, mention: EventReading, contents,
                       triggers: dict[int, str]) -> None:
        """The events the trigger `token` absorbed lend its mention their participants, place and (from a
        clause) date."""
        for j in contents:
            extra = args.roles(doc[j])
            # "an investigation of arms sales to Croatia" is aimed at the sellers, not the buyer:
            # a noun's "of" content lends its doers only
            of_content = token.pos_ == "NOUN" and doc[j].pos_ == "NOUN" and doc[j].dep_ == "pobj" \
                and doc[j].head.lower_ == "of" and doc[j].head.head.i == token.i
            for name in (extra.source_names() if of_content else extra.names()):
                if name not in mention.source and name not in mention.target:
                    mention.target.append(name)
            mention.primary |= extra.primary()
            mention.location = mention.location or args.location(doc[j], triggers[j])
            if mention.date is None and doc[j].dep_ == "advcl":
                mention.date = args.date(doc[j])   # "sent troops to fight there in 2023"

    @staticmethod
    def undated(doc: Doc, args: Arguments, mention: EventReading) -> str | None:
        """The date of an event its sentence does not date: the time the story has reached; but
        an expectation or plan stated now ("Lee is expected to ask", "Trump will not meet Kim")
        is news of the day it is published, never of a past the story told before."""
        dct = args.dct
        if mention.modality != "asserted" and dct and not past_clause(args.table, mention.token.i):
            story = args.narrative_date(mention.token)
            if story and not story[:10] < dct[:len(story[:10])]:
                return story
            return dct[:10]
        return args.narrative_date(mention.token)

    @staticmethod
    def occasion_date(token: Token, triggers: dict[int, str], dated: list[EventReading]) -> str | None:
        """The date of the occasion an act took place at, when that occasion refers back to a
        dated event: "Lee pledged during the summit" after "the summit on August 25"."""
        table = parse_table(token.doc)
        dep, lower, children = table.dep, table.lower, table.children
        for c in children[token.i]:
            if dep[c] == "prep" and lower[c] in OCCASION_PREPS:
                for p in children[c]:
                    if dep[p] == "pobj" and p in triggers and not any(
                            dep[a] == "amod" and (table.ent_type[a] == "ORDINAL" or lower[a] in SETTING_APART)
                            for a in children[p]):   # "during the first summit": one of several
                        date = EventFinder.referred_date(token.doc[p], triggers[p], dated)
                        if date:
                            return date
        return None

    @staticmethod
    def part_of_date(args: Arguments, token: Token, triggers: dict[int, str]) -> str | None:
        """The date of what the sentence says the act is part of: "pledged $550 billion as part
        of the agreement reached on July 22", "will invest under the deal signed on July 22"."""
        table = args.table
        dep, lower, children = table.dep, table.lower, table.children
        verb = token.i if table.pos[token.i] == "VERB" else table.head[token.i]
        for c in children[verb]:
            if dep[c] != "prep":
                continue
            whole = None
            if lower[c] == "under":
                whole = next((p for p in children[c] if dep[p] == "pobj"), None)
            elif lower[c] == "as":
                part = next((p for p in children[c] if dep[p] == "pobj" and table.lemma[p].lower() == "part"), None)
                of = next((q for q in children[part] if dep[q] == "prep" and lower[q] == "of"), None) \
                    if part is not None else None
                whole = next((p for p in children[of] if dep[p] == "pobj"), None) if of is not None else None
            if whole is not None and whole in triggers and args.dated_within(whole):
                return args.date(token.doc[whole])
        return None

    @staticmethod
    def referred_date(token: Token, kind: str, dated: list[EventReading]) -> str | None:
        earlier = EventFinder.referred(token, kind, dated)
        return earlier.date if earlier else None

    @staticmethod
    def referred(token: Token, kind: str, dated: list[EventReading]) -> EventReading | None:
        """The event a definite noun refers back to: "the talks", "the summit" after a dated
        mention of talks or a summit earlier in the text (same type, same word)."""
        table = parse_table(token.doc)
        dep, children, i = table.dep, table.children, token.i
        if table.pos[i] != "NOUN" or not any(dep[c] == "det" and table.lower[c] in DEFINITE_DETERMINERS
                                             for c in children[i]):
            return None
        if any(dep[c] == "compound" and table.pos[c] == "PROPN" for c in children[i]):
            return None   # "the Washington meeting": named apart from the ones before
        stem = table.lemma[i].lower()[:4]     # "the meeting" after "met", "the visit" after "visited"
        sent_start = table.sent_start[i]
        earlier = [m for m in dated if m.type == kind and m.token.i < sent_start
                   and table.lemma[m.token.i].lower()[:4] == stem]
        return earlier[-1] if earlier else None

    def absorbed_all(self, i: int, absorbed: dict[int, list[int]]) -> list[int]:
        out, todo = [], list(absorbed.get(i, []))
        while todo:
            j = todo.pop()
            out.append(j)
            todo.extend(absorbed.get(j, []))
        return out

    def mention(self, doc: Doc, args: Arguments, token: Token, kind: str, cues: set[str],
                reporter: Token | None) -> EventReading:
        office_at = self.office_term(token.i) if kind == self.lex.office_type and token.pos_ == "VERB" else None
        office = None if office_at is None else doc[office_at]
        roles = args.office_roles(office, token) if office is not None \
            else args.roles(token, kind in self.lex.sent_from)
        obligation_at = self.obligation_subject(token.i) if kind == self.lex.obligation_type else None
        obligation = None if obligation_at is None else doc[obligation_at]
        if obligation is not None and token.pos_ == "VERB" and (
                token.lemma_.lower() in self.lex.reporting_verbs or token.lemma_.lower() in self.lex.clausal_reporting):
            roles = args.roles_of_obligation(token, obligation)
            reporter = None
        m = EventReading(token=token, type=kind, source=roles.source_names(), target=roles.target_names(),
                    primary=roles.primary())
        given_to = self.lex.recipient.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
        if given_to:   # "invest $550 billion in the United States": the one it goes to
            for span in [a for c in token.children if c.dep_ == "prep" and c.lower_ == given_to
                         for p in c.children if p.dep_ == "pobj" and self.names_recipient(p.i)
                         for a in args.actors_in(p)]:
                actor = span_value(span, "actor") or {}
                for name in (actor.get("name"), actor.get("acts_for")):
                    if name and name not in m.source and name not in m.target:
                        m.target.append(name)
                if actor.get("name"):
                    m.primary.add(actor["name"])
        m.date = args.date(token)
        m.location = args.location(token, kind)
        m.modality = self.modality(cues, reporter is not None)
        if m.modality == "asserted" and m.date and args.dct and starts_after(m.date, args.dct):
            m.modality = "planned"  # a dated event after publication has not happened yet
        if "future" in cues and m.modality == "planned":
            if self.ultimatum(token):
                m.type = "THREATEN"   # "will withdraw ... unless they agree": an ultimatum
            elif kind in self.lex.conditional_offer and self.conditional(token):
                m.type = self.lex.conditional_offer[kind]   # "would meet him if ...": an offer
            elif kind in self.lex.announced_intent:
                m.type = self.lex.announced_intent[kind]  # a stated future act is a promise or a threat
        if "negated" in cues and "future" in cues and "speculative" not in cues and m.type in self.lex.refused_intent:
            m.type = self.lex.refused_intent[m.type]   # "will never compromise": a refusal, stated now
            m.modality = "asserted"
        if "prepared" in cues and m.type in self.lex.preparation_types:
            m.type = self.lex.preparation_types[m.type]   # "prepared to resume shelling": readying force
        if m.type in self.lex.joint_types and token.lemma_.lower() in self.lex.joint_nouns \
                and self.held_jointly(args, token, m):
            m.type = self.lex.joint_types[m.type]   # "the two navies began drills": held together
        m.unquoted = (office, reporter, bool(m.date))
        return m

    def _read_quote(self, doc: Doc, args: Arguments, m: EventReading) -> None:
        """The reading's quote and whom it is attributed to, from what `mention` kept of it."""
        office, reporter, dated = m.unquoted
        token = m.token
        if reporter is not None:
            m.attributed_to = args.speaker(reporter)
        else:
            m.attributed_to = args.according_to(token)
        if office is not None and token.head.i == office.i:
            m.quote = office_quote(doc, office, token)   # "X's term, which began in May"
        else:
            m.quote = args.quote(token, self.phrasal_clauses(token))
            head = token.head
            if dated and token.pos_ == "VERB" and self.elaborates(args.table, token.i) and head.pos_ in ("VERB", "AUX") \
                    and head.i < token.i and not args.dated_within(token.i):
                # "the court upheld the ruling on March 10, removing him from office": the clause
                # the participle spells out carries its date, and the quote keeps it
                begin, _ = args.quote(head, {token.i})
                m.quote = (min(begin, m.quote[0]), m.quote[1])
        m.unquoted = None

    def event_reading(self, args: Arguments, noun: Token) -> bool:
        """A noun names an act, not a standing state of affairs, when something in the sentence
        makes it one: a date of its own ("the 2014 pledge"), a possessor or an agent ("Seoul's
        request", "sanctions by the EU"), a party it is aimed at or held with ("talks with Tokyo",
        "tariffs on Indian goods"), a clause describing it, a verb carrying it ("held talks",
        "imposed tariffs") or a verb it is the subject of ("the tariffs took effect"). A noun
        with none of these, with only an adjective naming a side ("US tariffs", "intensifying
        North Korean threats", "Russian support"), tells how things stand."""
        return self._event_reading(args, noun.i)

    def _event_reading(self, args: Arguments, noun: int) -> bool:
        table = args.table
        dep, head_of, lower, children = table.dep, table.head, table.lower, table.children
        place = stand_in_at(table, noun, self.arg_words)
        if args.dated_within(place):
            return True
        if dep[noun] in ("conj", "appos") and head_of[noun] < noun and args.names_event(head_of[noun]):
            return self._event_reading(args, head_of[noun])   # "X's failed bid, impeachment and ouster"
        for host in {noun, place}:
            for c in children[host]:
                if dep[c] == "poss" or dep[c] in ("relcl", "acl"):
                    return True
                if dep[c] == "prep" and any(dep[p] == "pobj" and p != noun and args.resolve_at(p)
                                            for p in children[c]):
                    return True
        head = head_of[place]
        if head == place:
            return True   # a headline or a fragment made of the noun
        if dep[place] in ("nsubj", "nsubjpass") and table.pos[head] in ("VERB", "AUX"):
            return True
        if dep[place] == "pobj":
            if lower[head] == "under" and table.pos[head_of[head]] == "VERB":
                return True   # "was placed under arrest", "put under investigation"
            head = head_of[head]
        return table.lemma[head].lower() in self.carriers or lower[head] in self.carriers \
            or (dep[place] == "dobj" and table.lemma[head].lower() in self.receivers)

    @staticmethod
    def held_jointly(args: Arguments, noun: Token, m: EventReading) -> bool:
        """An exercise held by two parties: two of them its source ("French and Egyptian warships
        launched war games"), or a partner after "with" ("drills with South Korea")."""
        if len(set(m.source) & m.primary) >= 2:
            return True
        place = stand_in(noun, args.words)
        hosts = [noun, place] + ([place.head] if place.dep_ == "dobj" else [])
        return any(c.dep_ == "prep" and c.lower_ == "with" and any(
            args.resolve(p) for p in c.children if p.dep_ == "pobj") for h in hosts for c in h.children)

    def phrasal_clauses(self, verb: Token) -> set[int]:
        """Clauses that complete a phrasal trigger ("called [for Seoul to pay]"): the quote keeps them."""
        table = self._args.table
        dep, children = table.dep, table.children
        lemma = table.lemma[verb.i].lower()
        return {c for c in children[verb.i] if dep[c] in ("advcl", "xcomp", "ccomp") and any(
            dep[m] == "mark" and (lemma, table.lower[m]) in self.lex.phrasal_verbs for m in children[c])}

    def merged(self, doc: Doc, mentions: list[EventReading]) -> list[Span]:
        """One event per occurrence: same type, shared actor, compatible date. The quote and the
        attribution are read for the events kept only (a merged or dropped reading shows neither)."""
        events: list[EventReading] = []
        ending = self.lex.office_ending
        landed: dict[int, EventReading] = {}    # id of a mention -> the event it was merged into
        for m in mentions:
            same = next((e for e in events if same_event(e, m) and not (
                e.type == "TRANSITION" and (e.token.lemma_.lower() in ending) != (m.token.lemma_.lower() in ending))), None)
            if same is None and m.refers_to is not None:
                same = landed.get(id(m.refers_to))   # "the summit" again, whoever it names
            if same is None:
                events.append(m)
                landed[id(m)] = m
                continue
            landed[id(m)] = same
            same.mentions += 1
            for role in ("source", "target"):
                for name in getattr(m, role):
                    if name not in same.source and name not in same.target:
                        getattr(same, role).append(name)
            same.primary |= m.primary
            if same.dated_now and not m.dated_now and m.date:
                same.date, same.dated_now = m.date, False   # a stated date over the day of writing
            elif not (m.dated_now and same.date):
                same.date = longer(same.date, m.date)
            same.location = same.location or m.location
        spans = []
        for e in events:
            if e.unquoted is not None:
                self._read_quote(doc, self._args, e)   # an event of its own: its quote is read now
            span = doc[e.token.i:e.token.i + 1]
            set_span_value(span, "event", {
                "type": e.type, "source": e.source, "target": e.target, "date": e.date,
                "location": e.location, "modality": e.modality,
                "quote_start": e.quote[0], "quote_end": e.quote[1],
                "attributed_to": e.attributed_to, "trigger": e.token.text, "mentions": e.mentions,
            })
            spans.append(span)
        return spans


NOUN_PHRASE_DEPS = {"poss", "compound", "amod", "det", "nummod", "nmod"}


def office_quote(doc: Doc, noun: Token, verb: Token) -> tuple[int, int]:
    """Char offsets from the noun phrase naming a term of office to the end of the clause that
    hangs from it saying it began or ended: "Lula's third term, which began in 2023"."""
    start = min([c.left_edge.i for c in noun.lefts if c.dep_ in NOUN_PHRASE_DEPS] + [noun.i])
    end = verb.right_edge.i
    while end > verb.i and doc[end].pos_ == "PUNCT":
        end -= 1
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def same_event(a: EventReading, b: EventReading) -> bool:
    """Two mentions of one occurrence: same type, a shared actor, compatible dates, and named
    alike ("the summit" again), or both dated in their sentences, or in one sentence, or one
    person's leadership change ("his election", "newly elected")."""
    if a.type != b.type or not (a.primary & b.primary) or not (
            dates_compatible(a.date, b.date) or not_before_now(a, b) or not_before_now(b, a)):
        return False
    if a.source and b.source and a.target and b.target and set(a.source) & set(b.source) \
            and not (set(a.target) & set(b.target)) and a.type != "TRANSITION":
        return False   # one party meeting two others: "may meet Xi", "open to meeting Kim"
    if a.modality != b.modality and a.token.sent.start == b.token.sent.start:
        return False   # "met Hegseth ahead of his scheduled meeting with Trump": a fact and a plan
    return (a.token.lemma_.lower()[:4] == b.token.lemma_.lower()[:4]
            # named differently, they are one event only if stated alike: "will attend the summit
            # on Monday, where he may meet Xi" is a plan and a possibility, two events
            or (a.modality == b.modality and (a.dated_here and b.dated_here
                                              or a.token.sent.start == b.token.sent.start))
            or a.type == "TRANSITION")


def framed_act(table: ParseTable, noun: int) -> int | None:
    """The verb whose act the sentence puts inside what the noun at `noun` names: "under the deal ...,
    Japan will invest", "as part of the agreement, Seoul will buy", "under the terms of the pact"."""
    dep, head, lower, pos = table.dep, table.head, table.lower, table.pos
    t, preps = noun, []
    for _ in range(4):
        if dep[t] != "pobj" or dep[head[t]] != "prep":
            return None
        preps.append(lower[head[t]])
        t = head[head[t]]
        if pos[t] in ("VERB", "AUX"):
            framed = preps[-1] == "under" or (preps[-1] == "as" and len(preps) >= 2 and preps[-2] == "of")
            return t if framed else None
    return None


def past_clause(table: ParseTable, token: int) -> bool:
    """The clause stating the token at `token` is told in the past ("was expected to", "had planned",
    "said he would"): the verbs from it up to its clause's top, any in the past tense."""
    pos, tag, dep, head, children = table.pos, table.tag, table.dep, table.head, table.children
    t = token
    for _ in range(8):
        if pos[t] in ("VERB", "AUX") and (tag[t] == "VBD" or any(
                dep[c] in ("aux", "auxpass") and tag[c] == "VBD" for c in children[t])):
            return True
        if head[t] == t:
            break
        t = head[t]
    return False


def object_gap(table: ParseTable, verb: int) -> bool:
    """A relative clause whose verb has a subject but no object of its own: the noun it
    describes is its object ("the agreements [that] we are negotiating")."""
    dep, kids = table.dep, table.children[verb]
    return any(dep[c] == "nsubj" for c in kids) and not any(
        dep[c] in ("dobj", "nsubjpass", "ccomp", "xcomp") for c in kids) \
        and not any(dep[c] == "nsubj" and table.lower[c] in ("which", "that", "who") for c in kids)


def under_way(table: ParseTable, participle: int) -> bool:
    """A passive participle in the progressive: "the deals being negotiated", an act going on."""
    return any(table.dep[c] == "auxpass" and table.lower[c] == "being" for c in table.children[participle])


def stated_act(table: ParseTable, participle: int) -> bool:
    """A participle describing a noun that still reports an act: it names who did it or when
    ("the 10% levy requested by Washington", "duties imposed on May 2")."""
    dep, ent_type = table.dep, table.ent_type
    for c in table.children[participle]:
        if dep[c] == "agent":
            return True
        if dep[c] in ("prep", "npadvmod") and any(ent_type[t] == "DATE" for t in subtree_indices(table.doc, c)):
            return True
    return False


def reporting_aside(table: ParseTable, verb: int) -> bool:
    """A finite clause set into another with no conjunction of its own ("..., the bank has
    warned, ..."): it says who said the clause around it."""
    dep, kids = table.dep, table.children[verb]
    return any(dep[c] == "nsubj" for c in kids) and not any(dep[c] == "mark" for c in kids)


def subjunctive(table: ParseTable, verb: int) -> bool:
    """A clause in the bare form after a verb of demanding: "that Seoul pay more", "that the
    conditions be met" (no modal, no tense)."""
    dep, tag, kids = table.dep, table.tag, table.children[verb]
    auxes = [c for c in kids if dep[c] in ("aux", "auxpass")]
    if any(tag[a] in ("MD", "VBZ", "VBP", "VBD", "TO") for a in auxes):
        return False
    if tag[verb] == "VB":
        return any(dep[c] in ("nsubj", "nsubjpass") for c in kids)
    if tag[verb] == "VBP":   # "that China release": a bare verb after a singular subject
        return any(dep[c] == "nsubj" and tag[c] in ("NNP", "NN") for c in kids)
    return tag[verb] == "VBN" and any(dep[a] == "auxpass" and tag[a] == "VB" for a in auxes)


def simple_present(table: ParseTable, verb: int) -> bool:
    """"they head", "she has to": a present-tense verb with no auxiliary."""
    return (table.tag[verb] in ("VBP", "VBZ") or mistagged_verb(table, verb)) \
        and not any(table.dep[c] in ("aux", "auxpass") for c in table.children[verb])


def mistagged_verb(table: ParseTable, token: int) -> bool:
    """"Marles and Wong head to Washington": a bare form the tagger took for a noun, which its
    subject shows to be a verb in the present."""
    return table.pos[token] == "NOUN" and table.tag[token] == "NN" \
        and any(table.dep[c] == "nsubj" for c in table.children[token])


def present_tense(table: ParseTable, verb: int) -> bool:
    """A finite verb in the present: "they disarm", "demands are met", "it has ended"."""
    tag = table.tag
    if tag[verb] in ("VBP", "VBZ") or mistagged_verb(table, verb):
        return True
    return tag[verb] == "VBN" and any(table.dep[c] in ("aux", "auxpass") and tag[c] in ("VBP", "VBZ")
                                      for c in table.children[verb])


def not_before_now(now: EventReading, other: EventReading) -> bool:
    """`now` is dated only by publication (a plan or expectation stated now) and `other` is no
    earlier than that: "may make demands at the summit" and "the summit on August 25"."""
    return now.dated_now and bool(now.date) and bool(other.date) and other.date[:4].isdigit() and (
        other.date[:len(now.date)] >= now.date[:len(other.date)])


def inflections(lemma: str) -> set[str]:
    """Regular English verb forms of a lemma: stage -> stages, staged, staging."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return {lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}


CALENDAR_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def starts_after(value: str, dct: str) -> bool:
    """The period `value` (2025, 2025-09, 2025-09-03) begins after the day `dct`."""
    m = CALENDAR_DATE.match(value)
    if not m:
        return False
    year, month, day = m.group(1), m.group(2) or "01", m.group(3) or "01"
    return f"{year}-{month}-{day}" > dct[:10]


def dates_compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def longer(a: str | None, b: str | None) -> str | None:
    """The more precise of two compatible dates."""
    if not a:
        return b
    if not b:
        return a
    return a if len(a) >= len(b) else b


@Language.factory("pactwatch_events", assigns=["doc.spans", "span._.event", "doc._.pipeline_errors"],
                  requires=["token.dep", "token.lemma", "span._.actor", "span._.timex"],
                  default_config={"kb_dirs": []})
def make_component(nlp: Language, name: str, kb_dirs: list):
    finder = EventFinder(trigger_lexicon.load(kb_dirs), argument_words(loader.folders(kb_dirs)))
    return Guarded(name, finder, [EVENTS])

