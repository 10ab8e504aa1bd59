"""The arguments of an event trigger, read from the dependency parse: who acts (source), on whom
(target), when (the attached temporal expression), where (a linked place), which clause says so,
and who said it.

`Arguments` is made once per Doc and holds its parse table (pipeline/parse_table.py): the walks
over children, heads and sentences read it by index, making a spaCy Token only where a rule needs
one."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
import functools
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..knowledge import loader
from .attach import clause_head_at, root_of
from .extensions import ACTORS, TIMEX, group_spans, span_value
from .parse_table import ParseTable, parse_table

WORDS_FILE = "event_arguments.toml"


@dataclass(frozen=True)
class ArgumentWords:
    """The words of event_arguments.toml (what each list is for is said there): sets of words, and for
    `allegiance` and `pair_nouns` tables of them."""
    target_preps: frozenset[str]
    noun_target_preps: frozenset[str]
    occasion_preps: frozenset[str]
    object_target_preps: frozenset[str]
    place_preps: frozenset[str]
    argument_preps: frozenset[str]
    visit_place_preps: frozenset[str]
    quote_trailing_preps: frozenset[str]
    conjunction_preps: frozenset[str]
    limit_preps: frozenset[str]
    occasion_at: frozenset[str]
    allegiance: dict[str, frozenset[str]]
    pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    first_plural: frozenset[str]
    relative_pronouns: frozenset[str]
    pair_nouns: dict[str, frozenset[str]]
    quote_marks: frozenset[str]
    state_nouns: frozenset[str]
    partitive_nouns: frozenset[str]
    temporal_marks: frozenset[str]


@functools.lru_cache(maxsize=8)
def argument_words(kb_dirs: tuple[str, ...] = ()) -> ArgumentWords:
    """event_arguments.toml with the additions of the user's knowledge folders `kb_dirs`, checked: each
    list a frozenset, each table of lists a dict of frozensets. The events component builds it once
    and every reading of a Doc takes it from there (`Arguments.words`)."""
    data, check = loader.Checked.of(WORDS_FILE, kb_dirs)
    sections = {}
    for section in ("prepositions", "pronouns", "words", "allegiance", "pair_nouns"):
        sections[section] = check.word_sets(check.table(data, section, section), section)
    return ArgumentWords(
        target_preps=sections["prepositions"]["target"],
        noun_target_preps=sections["prepositions"]["noun_target"],
        occasion_preps=sections["prepositions"]["occasion"],
        object_target_preps=sections["prepositions"]["object_target"],
        place_preps=sections["prepositions"]["place"],
        argument_preps=sections["prepositions"]["argument"],
        visit_place_preps=sections["prepositions"]["visit_place"],
        quote_trailing_preps=sections["prepositions"]["quote_trailing"],
        conjunction_preps=sections["prepositions"]["conjunction"],
        limit_preps=sections["prepositions"]["limit"],
        occasion_at=sections["prepositions"]["occasion_at"],
        allegiance=sections["allegiance"],
        pronouns=sections["pronouns"]["actor"],
        person_pronouns=sections["pronouns"]["person"],
        first_plural=sections["pronouns"]["first_plural"],
        relative_pronouns=sections["pronouns"]["relative"],
        pair_nouns=sections["pair_nouns"],
        quote_marks=sections["words"]["quote_marks"],
        state_nouns=sections["words"]["state_nouns"],
        partitive_nouns=sections["words"]["partitive_nouns"],
        temporal_marks=sections["words"]["temporal_marks"])


# spaCy's labels (entity types, dependencies, parts of speech) stay here: they are the parser's
# scheme, not English words
ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP"}     # who can act; places and named events cannot
PLACE_TYPES = {"GPE", "LOC", "FAC"}
# the parts of an argument's subtree that are another clause, not the argument
NOT_PART_OF_ARGUMENT = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc",
                        "prep"}
SUBJECT_DEPS = ("nsubj", "csubj")
QUOTE_EDGE_DEPS = {"advcl", "parataxis", "conj", "cc", "punct", "mark", "dep", "meta"}
QUOTE_TRIM = {"PUNCT", "CCONJ", "SCONJ"}



@dataclass
class Roles:
    source: list[Span] = field(default_factory=list)
    target: list[Span] = field(default_factory=list)

    @staticmethod
    def _names(spans: list[Span]) -> list[str]:
        out: list[str] = []
        for s in spans:
            actor = span_value(s, "actor") or {}
            for name in (actor.get("name"), actor.get("acts_for")):
                if name and name not in out:
                    out.append(name)
        return out

    def source_names(self) -> list[str]:
        return self._names(self.source)

    def target_names(self) -> list[str]:
        source = set(self.source_names())
        return [n for n in self._names(self.target) if n not in source]

    def names(self) -> list[str]:
        return self.source_names() + self.target_names()

    def primary(self) -> set[str]:
        return {(span_value(s, "actor") or {}).get("name") for s in self.source + self.target} - {None}


class Arguments:
    """Per-Doc lookups from tokens to the actor and time spans covering them."""

    def __init__(self, doc: Doc, carriers: frozenset[str] = frozenset(), event_nouns: frozenset[str] = frozenset(),
                 receivers: frozenset[str] = frozenset(), instruments: frozenset[str] = frozenset(),
                 reporters: frozenset[str] = frozenset(), words: ArgumentWords | None = None):
        self.doc = doc
        self.words = words or argument_words()   # event_arguments.toml's, with the pipeline's --kb additions
        self.text = doc._.text
        self.dct = doc._.dct   # the publication day, read once
        self.event_nouns = event_nouns   # nouns that name events: triggers and event heads
        self.carriers = carriers   # verbs (lemmas and inflected forms) whose subject acts their object noun
        self.receivers = receivers   # verbs whose subject undergoes their object noun ("drew criticism")
        self.reporters = reporters   # verbs of saying: whose subject speaks a quotation
        self.table = parse_table(doc)
        self.actor_at: dict[int, Span] = {}
        actors = group_spans(doc, ACTORS)
        bounds = [(span.start, span.end) for span in actors]
        laws = {start for start, end in bounds if names_instrument(self.table, start, end, instruments)}
        if laws:   # "IEEPA" after "the International Emergency Economic Powers Act": its initials
            initials = {"".join(t.text[0] for t in span if t.text[:1].isupper()).upper()
                        for span in actors if span.start in laws}
            laws |= {span.start for span in actors
                     if len(span) == 1 and span.text.isupper() and span.text in initials}
        sizes: dict[int, int] = {}   # token -> the length of the span actor_at holds for it
        for span, (start, end) in zip(actors, bounds):
            if start in laws:
                continue   # a statute or an order names no one who acts
            for i in range(start, end):
                known = sizes.get(i)
                if known is None or end - start < known:   # "Ukraine" within "war in Ukraine"
                    self.actor_at[i] = span
                    sizes[i] = end - start
        captions = doc._.captions or []
        # a caption's date is the photo's: it does not set the time the story goes on in
        self.timexes = [s for s in group_spans(doc, TIMEX) if usable_date(s)
                        and not any(start <= s.start_char < end for start, end in captions)]
        # positions for lookups by sentence: every event asks, and a scan of all the document's
        # dates per event made long documents quadratic
        self.timexes.sort(key=lambda s: s.start)
        self.timex_starts = [s.start for s in self.timexes]
        self.timex_ends = [s.end for s in self.timexes]
        self.timex_roots = [root_of(doc, s) for s in self.timexes]
        # the dates a story can move on to: a date in a relative clause describes a participant
        # ("the yard, which X bought last year"); one after "for", "through", "by" is a period
        # served or a limit; neither is a time the story has reached
        table = self.table
        story = sorted(((s, root) for s, root in zip(self.timexes, self.timex_roots)
                        if not for_period(table, root, self.words.limit_preps)
                        and not any(table.dep[a] == "relcl" for a in [root, *table.ancestors(root)])),
                       key=lambda pair: (pair[0].end, pair[0].start))
        self.story_dates = [s for s, _ in story]
        self.story_roots = [root for _, root in story]
        self.story_ends = [s.end for s in self.story_dates]
        self.story_latest_year: list[int] = []   # the latest year among story_dates[:k + 1]
        for s in self.story_dates:
            year = int(span_value(s, "timex")["value"][:4])
            self.story_latest_year.append(max(year, self.story_latest_year[-1]) if self.story_latest_year else year)

    # ------------------------------------------------------------ actors
    # (the walks below go by token index; the public methods taking a Token are their entry points)
    def actors_in(self, token: Token, kinds=ACTOR_TYPES) -> list[Span]:
        """Actor spans within the argument headed by `token` (not its clauses, nor prepositions
        other than self.words.argument_preps)."""
        return self._actors_in(token.i, kinds)

    def _actors_in(self, token: int, kinds=ACTOR_TYPES) -> list[Span]:
        found: list[Span] = []
        table = self.table
        dep, lower, children = table.dep, table.lower, table.children
        todo = [token]
        while todo:
            t = todo.pop()
            span = self.actor_at.get(t)
            if span is not None and span.label_ in kinds and span not in found:
                found.append(span)
            for c in children[t]:
                if dep[c] in NOT_PART_OF_ARGUMENT and not (dep[c] == "prep" and lower[c] in self.words.argument_preps) \
                        and not (dep[c] == "prep"
                                 and lower[c] in self.words.allegiance.get(table.lemma[t].lower(), ())):
                    continue
                todo.append(c)
        return found

    def resolve(self, token: Token) -> list[Span]:
        """The actors a subject or object token stands for; a pronoun stands for the subject of
        the clause it is reported or embedded in, a relative pronoun for the noun it modifies."""
        return self.resolve_at(token.i)

    def resolve_at(self, token: int) -> list[Span]:
        table = self.table
        head = table.head
        lower = table.lower[token]
        if lower in self.words.relative_pronouns and table.dep[head[token]] == "relcl":
            return self._actors_in(head[head[token]])
        pronoun = table.pos[token] == "PRON"
        if lower in self.words.person_pronouns and pronoun:
            return self.clause_person(self.doc[token]) or self.person_before(token)
        if lower in self.words.pronouns and pronoun:
            clause = head[token] if table.dep[token] != "poss" else clause_head_at(table, token)
            for _ in range(4):
                if head[clause] == clause:
                    break
                clause = head[clause]
                subject = subject_at(table, clause)
                if subject is not None and table.lower[subject] not in self.words.pronouns:
                    return self._actors_in(subject)
            if lower in self.words.first_plural:
                return self.quoted_speaker(self.doc[token])
            return []
        found = self._actors_in(token)
        if not found:
            found = self.pair_before(token)
        for c in table.children[token]:
            if table.dep[c] == "conj":
                found += [s for s in self.resolve_at(c) if s not in found]
        return found

    def pair_before(self, token: int) -> list[Span]:
        """"the two leaders", "both countries", "the two sides" (at index `token`): the last two
        distinct actors of that kind named before, in this sentence or the three before."""
        table = self.table
        lemma = table.lemma[token].lower()
        kinds = self.words.pair_nouns.get(lemma)
        if kinds is None or table.pos[token] != "NOUN" or not any(
                (table.dep[c] == "nummod" and table.lower[c] == "two")
                or (table.dep[c] in ("det", "predet") and table.lower[c] == "both")
                for c in table.children[token]):
            return []
        floor = table.sent_start[token]
        for _ in range(3):
            if floor > 0:
                floor = table.sent_start[floor - 1]
        found: list[Span] = []
        names: set[str] = set()
        i = token - 1
        while i >= floor and len(found) < 2:
            span = self.actor_at.get(i)
            if span is not None:
                actor = span_value(span, "actor") or {}
                name = actor.get("name") or span.text
                if span.label_ == "GPE":   # a state, told apart by the state it stands for
                    name = actor.get("acts_for")
                    if lemma in self.words.state_nouns and actor.get("name") != name:
                        name = None          # "both countries": states, not their cities
                    root = span.root
                    if root.dep_ == "pobj" and root.head.lower_ in self.words.place_preps | {"to", "from", "near"}:
                        name = None          # "met in Seoul": where, not who
                if span.label_ in kinds and name and name not in names:
                    found.append(span)
                    names.add(name)
                i = span.start - 1
            else:
                i -= 1
        return found if len(found) == 2 else []

    def names_event(self, token: int) -> bool:
        """The token at `token` is a noun that names an event."""
        return self.table.pos[token] == "NOUN" and self.table.lemma[token].lower() in self.event_nouns

    def quoted_speaker(self, token: Token) -> list[Span]:
        """Who says "we" inside a quotation: the named subject of the verb of saying after the
        quotation closes ('..., Akazawa said.'), or before it opens, in the sentence before ('X
        said. "In short, we will ..."'), within a sentence or two."""
        doc = self.doc
        sent = token.sent
        if not any(t.text in self.words.quote_marks for t in doc[max(sent.start - 1, 0):sent.end]):
            return []
        following = sent
        for _ in range(3):
            closing = next((t for t in following if t.i > token.i and t.text in self.words.quote_marks), None)
            if closing is not None:
                for t in doc[closing.i + 1:following.end]:
                    if t.dep_ == "nsubj" and t.head.lemma_.lower() in self.reporters:
                        # a named speaker only: "he said" is whoever the story is about, not
                        # the last person named
                        found = self.actors_in(t)
                        if found:
                            return found
                break
            if following.end >= len(doc):
                break
            following = doc[following.end].sent
        opening = next((t for t in sent if t.i < token.i and t.text in self.words.quote_marks), None)
        if (opening is None or opening.i == sent.start) and sent.start > 0:
            before = doc[sent.start - 1].sent
            for t in before:
                if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.head.lemma_.lower() in self.reporters:
                    return self.actors_in(t)
        return []

    def clause_person(self, pronoun: Token) -> list[Span]:
        """"Marcos met Hegseth ahead of his meeting with Trump": a possessive in a phrase of the
        clause refers to the clause's subject when that subject is a person named before it."""
        if pronoun.dep_ != "poss":
            return []
        verb = pronoun.head
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        subject = subject_of(verb)
        if subject is None or subject.i > pronoun.i:
            return []
        found = [s for s in self.actors_in(subject) if s.label_ == "PERSON"]
        return found[:1]

    def person_before(self, token: int) -> list[Span]:
        """"he", "his" (at index `token`): the nearest person named before, in this sentence or the
        two before."""
        floor = self.table.sent_start[token]
        for _ in range(2):
            if floor > 0:
                floor = self.table.sent_start[floor - 1]
        for i in range(token - 1, floor - 1, -1):
            span = self.actor_at.get(i)
            if span is not None and span.label_ == "PERSON":
                return [span]
        return []

    def subject_actors(self, verb: Token) -> list[Span]:
        """Who does what `verb` says: its subject, or the subject it shares with the verb it
        hangs from ("agreed to meet", "raided the plant, detaining workers")."""
        return self._subject_actors(verb.i)

    def _subject_actors(self, verb: int) -> list[Span]:
        table = self.table
        dep, head, children = table.dep, table.head, table.children
        v = verb
        raised = False
        for _ in range(4):
            subject = subject_at(table, v)
            if subject is not None:
                return self.resolve_at(subject)
            doer = gerund_subject(table, v, self.words)
            if doer is not None:
                return self.resolve_at(doer)
            kids = children[v]
            if raised:   # "X is expected / scheduled / set to meet Y": X meets
                subject = next((c for c in kids if dep[c] == "nsubjpass"), None)
                if subject is not None:
                    return self.resolve_at(subject)
            raised = dep[v] == "xcomp"
            agent = next((c for c in kids if dep[c] == "agent"), None)
            if agent is not None:
                return [s for p in children[agent] if dep[p] == "pobj" for s in self.resolve_at(p)]
            leaders = self._leaders_under(v)
            if leaders:
                return leaders
            if dep[v] == "relcl":
                return self._actors_in(head[v])
            # "Chile is likely / ready / willing to sign": the adjective's subject signs
            if dep[v] in ("xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "acomp") and head[v] != v:
                v = head[v] if dep[v] != "pcomp" else head[head[v]]
                continue
            break
        return []

    @staticmethod
    def is_town(span: Span) -> bool:
        """A place that is not a state and stands for none (a city, a region)."""
        actor = span_value(span, "actor") or {}
        return span.label_ in PLACE_TYPES and not actor.get("acts_for")

    def _leaders_under(self, verb: int) -> list[Span]:
        """A passive (the verb at `verb`) with no agent, done "under" a leader: "a deal was struck in
        2021 under President Biden" was struck by those in charge."""
        dep, children = self.table.dep, self.table.children
        kids = children[verb]
        if not any(dep[c] == "auxpass" for c in kids) or any(dep[c] == "agent" for c in kids):
            return []
        return [s for c in kids if dep[c] == "prep" and self.table.lower[c] == "under"
                for p in children[c] if dep[p] == "pobj" for s in self._actors_in(p)
                if s.label_ in ("PERSON", "ORG")]

    def roles(self, token: Token, from_source: bool = False) -> Roles:
        """`from_source`: "from X" after the noun names its sender ("warnings from China",
        "aid from Japan"), not a place left ("withdrawal from Syria")."""
        if self.table.pos[token.i] == "VERB":
            return self._verb_roles(token.i)
        return self._noun_roles(token.i, from_source)

    def verb_roles(self, verb: Token) -> Roles:
        return self._verb_roles(verb.i)

    def _verb_roles(self, verb: int) -> Roles:
        table = self.table
        dep, head, pos, lower, children = table.dep, table.head, table.pos, table.lower, table.children
        kids = children[verb]
        roles = Roles()
        passive = any(dep[c] in ("auxpass", "nsubjpass") for c in kids) or (
            # "had been killed or wounded": the second verb shares the first's passive
            dep[verb] == "conj" and subject_at(table, verb) is None
            and any(dep[c] in ("auxpass", "nsubjpass") for c in children[head[verb]]))
        if dep[verb] in ("amod", "acl") and pos[head[verb]] in ("NOUN", "PROPN"):
            roles.target += self._actors_in(head[verb])   # "the newly elected president"
        roles.source += self._subject_actors(verb) if not passive else self._leaders_under(verb)
        if passive and not any(dep[c] == "nsubjpass" for c in kids):
            # "won the vote and was sworn in", "only to be impeached", "the first president to be
            # arrested": the one it was done to is the subject of the verb it hangs from
            host = head[verb]
            infinitive = any(dep[c] == "aux" and lower[c] == "to" for c in kids)
            if dep[verb] in ("acl", "relcl") and infinitive and dep[host] == "attr":
                host = head[host]
            if (dep[verb] in ("conj", "xcomp", "advcl") or (dep[verb] in ("acl", "relcl") and infinitive)) \
                    and host != verb and pos[host] in ("VERB", "AUX"):
                done_to = next((c for c in children[host] if dep[c] == "nsubjpass"), None)
                # "4,000 had been killed or wounded": the host is passive too, its subject the one
                # it was done to (never the subject of a verb reporting it)
                roles.target += self.resolve_at(done_to) if done_to is not None else self._subject_actors(host)
        for c in kids:
            c_dep = dep[c]
            if c_dep in ("dobj", "dative", "nsubjpass", "oprd"):
                found = self.resolve_at(c)
                if not found and c_dep == "dobj" and pos[c] == "NOUN":
                    # "threatened further action against Russia", "signed a pact with Japan": the
                    # object names no one; the one it is aimed at is the target
                    found = [s for p in children[c] if dep[p] == "prep" and lower[p] in self.words.object_target_preps
                             for o in children[p] if dep[o] == "pobj" for s in self.resolve_at(o)]
                if self.names_event(c):   # "attended the summit in Gyeongju": where it was held
                    found = [s for s in found if not self.is_town(s)]
                roles.target += found
            elif c_dep == "agent":
                roles.source += [s for p in children[c] if dep[p] == "pobj" for s in self.resolve_at(p)]
            elif c_dep == "prep" and lower[c] in self.words.target_preps:
                roles.target += [s for p in children[c] if dep[p] == "pobj" for s in self.resolve_at(p)]
            elif c_dep in ("ccomp", "xcomp"):
                subject = subject_at(table, c)
                if subject is not None and lower[subject] not in self.words.pronouns:
                    roles.target += self.resolve_at(subject)
                if c_dep == "xcomp":   # "threatened to deliver blows to the United States"
                    roles.target += [a for a in self._verb_roles(c).target if a not in roles.target]
        roles.target = [s for s in roles.target if s not in roles.source]
        return roles

    def _noun_roles(self, noun: int, from_source: bool = False) -> Roles:
        roles = Roles()
        table = self.table
        deps, head, pos, lower, lemma, children = \
            table.dep, table.head, table.pos, table.lower, table.lemma, table.children
        for c in children[noun]:
            dep = deps[c]
            if dep in ("poss", "compound", "amod", "nmod", "nummod"):
                found = self.resolve_at(c) if dep == "poss" else self._actors_in(c)
                if dep == "compound":   # "the Gyeongju summit": a town names where, not who
                    found = [s for s in found if not self.is_town(s)]
                roles.source += found
            elif dep == "prep" and lower[c] == "from" and from_source:
                roles.source += [s for p in children[c] if deps[p] == "pobj" for s in self.resolve_at(p)
                                 if not self.is_town(s)]
            elif dep == "prep" and lower[c] in self.words.noun_target_preps:
                roles.target += [s for p in children[c] if deps[p] == "pobj" for s in self.resolve_at(p)]
            elif dep == "prep" and lower[c] == "by":
                roles.source += [s for p in children[c] if deps[p] == "pobj" for s in self.resolve_at(p)]
        if not roles.source and deps[noun] in ("conj", "appos") and self.names_event(head[noun]):
            # "Yoon's failed bid, impeachment and ouster": the possessor is shared
            first = head[noun]
            while deps[first] in ("conj", "appos") and head[first] != first:
                first = head[first]
            roles.source += [a for c in children[first] if deps[c] == "poss" for a in self.resolve_at(c)]
        elif not roles.source and deps[noun] == "conj" and pos[head[noun]] in ("VERB", "AUX") and head[noun] < noun:
            # "...'s failed bid, impeachment in December, and ouster in April": the parser hung the
            # list's last item on a verb; the item before it shares the list's possessor
            i = table.edges(noun)[0] - 1
            sent_start = table.sent_start[noun]
            while i > sent_start and pos[i] in ("PUNCT", "CCONJ"):
                i -= 1
            before = i if i >= 0 else i + table.size   # as `doc[i]` reads a negative index
            item = next((a for a in [before, *table.ancestors(before)] if self.names_event(a)), None)
            if item is not None:
                first = item
                while deps[first] in ("conj", "appos") and head[first] != first:
                    first = head[first]
                roles.source += [a for c in children[first] if deps[c] == "poss" for a in self.resolve_at(c)]
        if not roles.source and not roles.target:
            for c in children[noun]:
                if deps[c] == "relcl" and not any(                     # "a deal in which Washington
                        deps[g] in SUBJECT_DEPS and lower[g] in self.words.relative_pronouns  # cut tariffs", not
                        for g in children[c]):                                     # "a deal that helps"
                    inner = self._verb_roles(c)
                    roles.source += [a for a in inner.source if a not in roles.source]
                    roles.target += [a for a in inner.target if a not in roles.source]
        place = stand_in_at(table, noun, self.words)
        if place != noun and not roles.source:
            roles.source += [a for a in self._noun_roles(place).source if a not in roles.source]
        above = head[place]
        if deps[above] == "prep" and deps[place] == "pobj":
            above = head[above]
        # a verb lends its subject only when it does nothing but carry the noun's event ("held
        # talks", "cancelled the visit"); "ran in the election" does not make the runner elect
        if not roles.source and above != place \
                and (lemma[above].lower() in self.carriers or lower[above] in self.carriers) \
                and deps[place] in ("dobj", "pobj", "attr", "nsubjpass", "oprd") \
                and not (deps[place] == "pobj" and lower[head[place]] in self.words.occasion_preps):
            roles.source += self._subject_actors(above)
            if deps[place] in ("dobj", "nsubjpass"):   # "held talks with Seoul", "a deal was reached with Seoul"
                for c in children[above]:
                    if deps[c] == "dative" or (deps[c] == "prep" and lower[c] in self.words.target_preps
                                               and c != head[place]):
                        pobjs = [p for p in children[c] if deps[p] == "pobj"] if deps[c] == "prep" else [c]
                        roles.target += [s for p in pobjs for s in self.resolve_at(p)]
        if deps[place] == "dobj" and pos[above] == "VERB" and lemma[above].lower() in self.receivers:
            # "the plan drew criticism from Berlin", "Spain faced pressure from NATO": the sender
            # after "from", the subject the one it is aimed at
            roles.source += [s for c in children[above] if deps[c] == "prep" and lower[c] == "from"
                             for p in children[c] if deps[p] == "pobj" for s in self.resolve_at(p)
                             if s not in roles.source]
            roles.target += [s for s in self._subject_actors(above) if s not in roles.source]
        if deps[place] == "pobj" and lower[head[place]] == "under" and pos[above] == "VERB" and above != place:
            # "was put under investigation", "placed the editor under arrest": the one it is done to
            roles.target += [s for c in children[above] if deps[c] in ("nsubjpass", "dobj")
                             for s in self.resolve_at(c) if s not in roles.target]
        roles.target = [s for s in roles.target if s not in roles.source]
        return roles

    def office_roles(self, noun: Token, verb: Token) -> Roles:
        """Whose term of office starts or ends: the one who began it ("Ruto began his term"), its
        possessor ("her presidency", "Lula's third term"), a name in it ("the Macron
        administration") or its "of" ("the mandate of the Peruvian congress")."""
        roles = Roles()
        if noun.dep_ in ("dobj", "attr", "oprd") and noun.head.i == verb.i:
            roles.source += self.subject_actors(verb)
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ in self.words.pronouns and not roles.source:
                roles.source += self.resolve(c)
            elif c.dep_ == "poss" and c.lower_ == "whose" and noun.head.dep_ == "relcl":
                roles.source += self.actors_in(noun.head.head)   # "Boric, whose term ends ..."
        roles.source += [s for s in self.actors_in(noun) if s not in roles.source]
        return roles

    def roles_of_obligation(self, reporter: Token, complement: Token) -> Roles:
        """"X said Y must ...": X asks Y."""
        roles = Roles(source=self.subject_actors(reporter))
        subject = subject_of(complement)
        # the one obliged is named by the subject itself ("Seoul must pay", "they should"), not by
        # a word describing a thing ("Indian imports should be subject to the tariff")
        if subject is not None and (subject.i in self.actor_at or subject.pos_ == "PRON" or any(
                c.dep_ in ("compound", "appos", "conj") and c.i in self.actor_at for c in subject.children)):
            roles.target = [s for s in self.resolve(subject) if s not in roles.source]
        return roles

    def speaker(self, reporter: Token) -> str | None:
        spans = self.subject_actors(reporter)
        return (span_value(spans[0], "actor") or {}).get("name") if spans else None

    def according_to(self, token: Token) -> str | None:
        """"..., according to the Financial Times": the source named in the trigger's sentence."""
        sent_start, sent_end = self.table.sent_start[token.i], self.table.sent_end[token.i]
        lower = self.table.lower
        for i in range(sent_start, sent_end - 1):
            if lower[i] == "according" and lower[i + 1] == "to":
                for p in self.table.children[i + 1]:
                    spans = self._actors_in(p, ACTOR_TYPES | {"WORK_OF_ART"})
                    if spans:
                        return (span_value(spans[0], "actor") or {}).get("name")
        return None

    # ------------------------------------------------------------ place and time
    def location(self, token: Token, kind: str) -> str | None:
        preps = self.words.place_preps | (self.words.visit_place_preps if kind == "CONSULT" else set())
        table = self.table
        dep, children, pos = table.dep, table.children, table.pos
        ti = token.i
        anchors = [ti]
        place = stand_in_at(table, ti, self.words) if pos[ti] != "VERB" else ti
        if place != ti:
            anchors.append(place)
        if pos[ti] != "VERB" and pos[table.head[place]] in ("VERB", "AUX") and dep[place] in ("dobj", "nsubjpass"):
            anchors.append(table.head[place])
        if pos[ti] == "NOUN":
            for c in children[ti]:   # "the Gyeongju summit"
                if dep[c] == "compound":
                    span = self.actor_at.get(c)
                    if span is not None and self.is_town(span):
                        return (span_value(span, "actor") or {}).get("name") or span.text
        for anchor in anchors:
            for c in children[anchor]:
                if dep[c] == "prep" and table.lower[c] in preps:
                    for p in children[c]:
                        if dep[p] == "pobj":
                            span = self.actor_at.get(p)
                            if span is not None and span.label_ in PLACE_TYPES:
                                return (span_value(span, "actor") or {}).get("name") or span.text
        return None

    def date(self, token: Token) -> str | None:
        """The value of the temporal expression attached to the trigger: its own modifier first,
        then one in its clause, then one heading the whole sentence."""
        return self._date(token.i)

    def _date(self, token: int) -> str | None:
        if not self.timexes:
            return None
        table = self.table
        dep, head_of, lower, children = table.dep, table.head, table.lower, table.children
        sent_start, sent_end = table.sent_start[token], table.sent_end[token]
        first = bisect_left(self.timex_starts, sent_start)
        last = bisect_left(self.timex_starts, sent_end, lo=first)
        # the sentence's dates, by their place in self.timexes
        local = [k for k in range(first, last) if self.timex_ends[k] <= sent_end]
        if not local:
            return None
        roots = self.timex_roots
        local = [k for k in local if not for_period(table, roots[k])]
        if not local:
            return None
        own = [k for k in local if governs(table, token, roots[k]) and (
            not crosses_clause(table, roots[k], token) or describes_date(table, roots[k], token)
            or self.carried_date(roots[k], token))]
        if own:
            return self._nearest_value(own, token)
        # "raided a plant run by Hyundai in Georgia on Sept. 4": a day at the end of a participle
        # describing the object dates the act, the parse notwithstanding
        tail = [k for k in local if governs(table, token, roots[k]) and table.pos[token] == "VERB"
                and day_after_object(table, roots[k], token)]
        if tail:
            return self._nearest_value(tail, token)
        head = clause_head_at(table, token)
        clause_of = {k: clause_head_at(table, roots[k]) for k in local}
        same_clause = [k for k in local if clause_of[k] == head]
        if same_clause:
            return self._nearest_value(same_clause, token)
        main = [k for k in local if dep[clause_of[k]] == "ROOT" and governs(table, clause_of[k], token)]
        if main:
            return self._nearest_value(main, token)
        # "In a fact sheet released on November 13, Washington backed ...", "at a briefing held on
        # Monday, he said ...": the occasion the act took place at, dated by the participle
        # describing it
        occasion = [k for k in local if dated_occasion(table, clause_of[k], head, self.words)]
        if occasion:
            return self._nearest_value(occasion, token)
        # "when Lee took office in June, Trump was already moving on tariffs"
        when = [k for k in local if temporal_clause_over(table, clause_of[k], token, self.words)]
        if when:
            return self._nearest_value(when, token)
        # "will visit Tokyo on Monday, where he is to meet ...": the visit there and then dates it
        chain = [head]
        while dep[chain[-1]] in ("xcomp", "ccomp") and head_of[chain[-1]] != chain[-1]:
            chain.append(head_of[chain[-1]])      # "where X is expected to ask"
        clause = chain[-1]
        place = head_of[clause]
        if dep[clause] == "relcl" and place != clause and any(
                dep[c] == "advmod" and lower[c] in ("where", "when") for t in chain for c in children[t]):
            host = place
            while dep[host] in ("pobj", "prep", "compound", "appos") and head_of[host] != host:
                host = head_of[host]
            if host != place and table.pos[host] in ("VERB", "AUX"):
                return self._date(host)
        return None

    def _nearest_value(self, dates: list[int], token: int) -> str:
        """The value of the date (by place in self.timexes) nearest the token."""
        k = nearest(self.timex_starts, self.timex_ends, dates, token)
        return span_value(self.timexes[k], "timex")["value"]

    def dated_within(self, token: int) -> bool:
        """A usable date lies inside the subtree of the token at `token` (a lookup in the sorted starts)."""
        left, right = self.table.edges(token)
        k = bisect_left(self.timex_starts, left)
        return k < len(self.timex_starts) and self.timex_starts[k] <= right

    def carried_date(self, date: int, noun: int) -> bool:
        """The date at `date` sits in a relative clause whose verb only carries the event noun (at
        `noun`) it describes: "the joint statement, which they issued on May 4", "the talks, which
        they held on Monday"."""
        table = self.table
        dep, lower = table.dep, table.lower
        if table.pos[noun] not in ("NOUN", "PROPN"):
            return False
        clause = clause_head_at(table, date)
        if dep[clause] != "relcl" or table.head[clause] != noun:
            return False
        lemma = table.lemma[clause].lower()
        return (lemma in self.carriers or lower[clause] in self.carriers) and any(
            dep[c] in ("dobj", "nsubjpass") and lower[c] in self.words.relative_pronouns for c in table.children[clause])

    def narrative_date(self, token: Token) -> str | None:
        """A sentence that states no date is read in the time the two before it set, unless it
        speaks in the present ("has backed", "opposes")."""
        table = self.table
        pos, tag, dep, head = table.pos, table.tag, table.dep, table.head
        sent_start = table.sent_start[token.i]
        verb = token.i
        while pos[verb] not in ("VERB", "AUX") and head[verb] != verb:
            verb = head[verb]
        if tag[verb] in ("VBZ", "VBP") or any(dep[a] in ("aux", "auxpass") and tag[a] in ("VBZ", "VBP")
                                              for a in table.children[verb]):
            return None
        k = bisect_right(self.story_ends, sent_start)     # story dates that end before this sentence
        if not k:
            return None
        floor = sent_start
        for _ in range(2):
            if floor > 0:
                floor = table.sent_start[floor - 1]
        recent = None   # by place in story_dates
        for j in range(k - 1, -1, -1):
            s = self.story_dates[j]
            if s.end <= floor:
                break
            if s.start >= floor and (recent is None or s.start > self.story_dates[recent].start):
                recent = j
        if recent is None:
            return None
        # in the sentence that set it, the date of its main clause sets the story's time, not one
        # inside a phrase it mentions ("affirmed on Monday ..., calling the visit last March ...")
        if dep[clause_head_at(table, self.story_roots[recent])] != "ROOT":
            recent_sent = table.sent_start[self.story_dates[recent].start]
            main = []
            for j in range(k - 1, -1, -1):
                s = self.story_dates[j]
                if s.end <= recent_sent:
                    break
                if s.start >= recent_sent and dep[clause_head_at(table, self.story_roots[j])] == "ROOT":
                    main.append(j)
            if main:
                recent = max(main, key=lambda j: self.story_dates[j].start)
        recent = self.story_dates[recent]
        value = span_value(recent, "timex")["value"]
        # a historical aside ("returned in 1994") does not set the time the story goes on in
        return value if int(value[:4]) >= self.story_latest_year[k - 1] - 1 else None

    # ------------------------------------------------------------ quote
    def quote(self, token: Token, keep: set[int] = frozenset()) -> tuple[int, int]:
        """Char offsets of the shortest clause stating the event: the trigger's clause, without
        adverbial clauses, coordinated clauses and punctuation at its edges."""
        table = self.table
        ti = token.i
        root = ti if table.pos[ti] == "VERB" else clause_head_at(table, ti)
        sent_start, sent_end = table.sent_start[ti], table.sent_end[ti]
        root_left, root_right = table.edges(root)
        start, end = max(root_left, sent_start), min(root_right + 1, sent_end)
        # the root's children and what the loop below reads of them, read once: (left edge, right
        # edge, governs the trigger) of the edge children and of the trailing prepositions
        deps, words, children = table.dep, table.text, table.children
        ancestors = set(table.ancestors(ti))
        edge_kids = []
        trailing_kids = []
        for ci in children[root]:
            left, right = table.edges(ci)
            # governs(c, token), from the trigger's ancestors read once
            gov = left <= ti <= right and (ti == ci or ci in ancestors)
            dep = deps[ci]
            if not ((dep not in QUOTE_EDGE_DEPS and not (dep in ("ccomp", "xcomp") and before_semicolon(table, ci)))
                    or ci == ti or ci in keep):
                edge_kids.append((left, right, gov))
            if (dep == "prep" or (dep == "advmod" and any(deps[g] == "prep" for g in children[ci]))) \
                    and ci > ti and table.lower[ci] in self.words.quote_trailing_preps:   # "ahead of": adverb, "of"
                trailing_kids.append((left, right, gov))
        changed = True
        while changed:
            changed = False
            for left, right, gov in edge_kids:
                if left <= start <= right < end - 1 and not gov:
                    start, changed = right + 1, True
                elif start < left <= end - 1 <= right and not gov:
                    end, changed = left, True
            for left, right, gov in trailing_kids:   # a trailing "after a dispute ...": the occasion, not the event
                if right == end - 1 and not gov:
                    end, changed = left, True
            # a trailing clause set off by a comma, deeper down ("... in Tokyo on Wednesday, where
            # the U.S. side is expected to ask ..."): it says something else
            for i in range(max(start, ti + 1), end):
                if deps[i] not in ("relcl", "advcl", "acl"):
                    continue
                left, right = self.table.edges(i)
                if right == end - 1 and left > ti and words[left - 1] == "," and not governs(table, i, ti):
                    end, changed = left, True
                    break
        # (a white-space token: spaCy's `is_space` is the text's `isspace`; read for these few tokens)
        pos = table.pos
        while start < end - 1 and (pos[start] in QUOTE_TRIM or words[start].isspace()) and start != ti:
            start += 1
        while end - 1 > start and (pos[end - 1] in QUOTE_TRIM or words[end - 1].isspace()) and end - 1 != ti:
            end -= 1
        begin, finish = table.idx[start], table.idx[end - 1] + len(words[end - 1])
        # a missed sentence break at a line end: keep the line with the trigger
        text = self.text
        line_start = text.rfind("\n", begin, token.idx) + 1
        line_end = text.find("\n", token.idx, finish)
        begin = max(begin, line_start)
        finish = finish if line_end < 0 else line_end
        # the end with trailing white space dropped (as `len(text[:finish].rstrip())`, without copying
        # the text before the quote)
        kept = text[begin:finish].rstrip()
        return begin, begin + len(kept) if kept else len(text[:begin].rstrip())


def names_instrument(table: ParseTable, start: int, end: int, instruments: frozenset[str]) -> bool:
    """A name (the tokens [start, end)) that ends in a word for a law or an order ("the Defense
    Production Act", "Executive Order 14257"), written as a name: capitalized."""
    if end - start <= 1:
        return False
    like_num = table.like_num
    last = next((i for i in range(end - 1, start - 1, -1) if not like_num[i]), None)   # its last word
    return last is not None and table.text[last][:1].isupper() and table.lower[last] in instruments


def gerund_subject(table: ParseTable, verb: int, words: ArgumentWords) -> int | None:
    """"responded to Trump raising tariffs", "angered by Seoul buying jets": a gerund (at `verb`)
    right after a noun the parser made the object of the clause before is that noun's act."""
    dep, head, tag, lower = table.dep, table.head, table.tag, table.lower
    if dep[verb] not in ("advcl", "acl") or verb == 0:
        return None
    before = verb - 1
    if table.pos[before] != "PROPN" or dep[before] not in ("pobj", "dobj"):
        return None
    if tag[verb] != "VBG":
        # "one day after [the President of the Government] Sánchez announced": a conjunction the
        # parser took for a preposition, its object the subject
        top = before
        for _ in range(3):
            if dep[top] == "pobj" and lower[head[top]] in words.conjunction_preps \
                    and tag[verb] in ("VBD", "VBZ", "VBP") \
                    and head[head[top]] == head[verb]:
                return top
            if dep[top] == "pobj" and dep[head[top]] == "prep" and lower[head[top]] == "of":
                top = head[head[top]]
            else:
                break
        return None
    host = head[head[before]] if dep[before] == "pobj" else head[before]
    return before if host == head[verb] or head[before] == head[verb] else None


def stand_in(noun: Token, words: ArgumentWords) -> Token:
    """The token that takes a noun trigger's place in its clause: the head of a compound
    ("mediation efforts", "aid program") or of a partitive ("part of the aid", "tons of aid")."""
    place = stand_in_at(parse_table(noun.doc), noun.i, words)
    return noun if place == noun.i else noun.doc[place]


def stand_in_at(table: ParseTable, noun: int, words: ArgumentWords) -> int:
    """`stand_in` by token index."""
    dep, head, pos = table.dep, table.head, table.pos
    t = noun
    for _ in range(3):
        up = head[t]
        if dep[t] == "compound" and pos[up] in ("NOUN", "PROPN"):
            t = up
        elif dep[t] == "pobj" and table.lower[up] == "of" and pos[head[up]] == "NOUN" and (
                table.lemma[head[up]].lower() in words.partitive_nouns
                or any(dep[c] == "nummod" for c in table.children[head[up]])):
            t = head[up]
        else:
            break
    return t


CLAUSAL_DEPS = {"xcomp", "ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "pcomp"}


def before_semicolon(table: ParseTable, node: int) -> bool:
    """A complement (the token at `node`) the parser hung across a semicolon ("X became president; Y
    took over"): the semicolon joins two statements, neither the other's content."""
    if table.dep[node] not in ("ccomp", "xcomp"):
        return False
    after = table.edges(node)[1] + 1
    return table.head[node] > after and table.text[after] == ";"


def crosses_clause(table: ParseTable, token: int, top: int) -> bool:
    """The path from the token at `token` up to `top` enters another clause ("agreed to a handover
    by 2030": the year is the handover's)."""
    dep, head = table.dep, table.head
    t = token
    while t != top and head[t] != t:
        if dep[t] in CLAUSAL_DEPS:
            return True
        t = head[t]
    return False


def for_period(table: ParseTable, token: int, preps: set[str] = frozenset({"for"})) -> bool:
    """A date (rooted at `token`) after "for" is the period the event serves ("requested funds for
    fiscal 2026", "troops for 2027"), not when it happened; with `preps`, after those."""
    dep, head = table.dep, table.head
    t = token
    while dep[t] in ("compound", "nummod", "amod", "npadvmod", "appos") and head[t] != t:
        t = head[t]
    return dep[t] == "pobj" and table.lower[head[t]] in preps


def describes_date(table: ParseTable, token: int, noun: int) -> bool:
    """The date at `token` dates a participle that describes the event noun at `noun`: "the accord
    signed on May 2", "the talks held in Oslo in 2019" (the participle's own clause, no further one)."""
    dep, head = table.dep, table.head
    t = token
    while head[t] != t and head[t] != noun:
        if dep[t] in CLAUSAL_DEPS:
            return False
        t = head[t]
    return head[t] == noun and dep[t] == "acl" and table.tag[t] == "VBN" and table.pos[noun] == "NOUN"


def dated_occasion(table: ParseTable, clause: int, head: int, words: ArgumentWords) -> bool:
    """The clause at `clause` is a participle describing a noun set, by an occasion preposition
    (`occasion_at`), in the clause `head` heads: "[In a statement released on May 2], X said"."""
    dep, head_of = table.dep, table.head
    noun = head_of[clause]
    prep = head_of[noun]
    return dep[clause] == "acl" and table.tag[clause] == "VBN" and dep[noun] == "pobj" and dep[prep] == "prep" \
        and table.lower[prep] in words.occasion_at and head_of[prep] == head


def day_after_object(table: ParseTable, date: int, verb: int) -> bool:
    """The date at `date` is the object of "on" in a past participle that describes the direct
    object of the verb at `verb` ("... a site run by X on Sept. 4")."""
    dep, head = table.dep, table.head
    t = date
    while dep[t] in ("compound", "nummod", "appos") and head[t] != t:
        t = head[t]
    if dep[t] != "pobj" or table.lower[head[t]] != "on":
        return False
    participle = head[head[t]]
    return dep[participle] == "acl" and table.tag[participle] == "VBN" and dep[head[participle]] == "dobj" \
        and head[head[participle]] == verb


def temporal_clause_over(table: ParseTable, clause: int, token: int, words: ArgumentWords) -> bool:
    dep = table.dep
    return dep[clause] == "advcl" and any(dep[c] in ("mark", "advmod") and table.lower[c] in words.temporal_marks
                                          for c in table.children[clause]) and governs(table, table.head[clause], token)


def subject_of(verb: Token) -> Token | None:
    subject = subject_at(parse_table(verb.doc), verb.i)
    return None if subject is None else verb.doc[subject]


def subject_at(table: ParseTable, verb: int) -> int | None:
    """`subject_of` by token index."""
    return next((c for c in table.children[verb] if table.dep[c] in SUBJECT_DEPS), None)


def governs(table: ParseTable, head: int, token: int) -> bool:
    """The token at `token` is the one at `head` or sits in its subtree."""
    left, right = table.edges(head)
    if not left <= token <= right:
        return False
    return token == head or head in table.ancestors(token)


def nearest(starts: list[int], ends: list[int], spans: list[int], token: int) -> int:
    """Of the spans `spans` (by place k: first token `starts[k]`, end `ends[k]`), the one nearest the
    token at `token`; the first of the nearest."""
    return min(spans, key=lambda k: min(abs(starts[k] - token), abs(ends[k] - 1 - token)))


def usable_date(span: Span) -> bool:
    timex = span_value(span, "timex") or {}
    value = timex.get("value")
    return timex.get("type") in ("DATE", "TIME") and isinstance(value, str) and value[:4].isdigit()

