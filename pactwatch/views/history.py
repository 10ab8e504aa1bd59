"""A commitment's history: its statements as dated steps, and what stands now.

Each statement is dated (by its text, by the deal its document reported it under, or only by its
report) and keyed by what it says. A statement repeating an earlier step is that step told again; one
dated apart is a reaffirmation; anything else is a step of its own. What stands is the last firm
figure (agreed, pledged, in force) — a later threat or proposal is pending until it is agreed or takes
effect — or, with no firm figure yet, the last step.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..reconcile.normalize import parse_day, timex_interval

STATUS_WORDS = {"actual": "in force", "speculative": "expected"}
# statuses that say the same thing of a figure: restating an agreed figure as pledged or in force is no change
STATUS_GROUPS = {"agreed": "firm", "pledged": "firm", "actual": "firm", "proposed": "asked", "demanded": "asked",
                 "threatened": "asked", "speculative": "expected"}
# how far a figure has come: once it is agreed or in force, a later undated report calling it threatened or
# expected retells the road to it rather than taking it back
GROUP_RANK = {"asked": 0, "expected": 1, "firm": 2}
# statements of one day in the order negotiations run: offer or threat, then deal, then the rate in force
STATUS_ORDER = {"threatened": 0, "demanded": 0, "proposed": 0, "speculative": 1, "agreed": 2, "pledged": 2,
                "actual": 3}
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
PERIODS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter", "H1": "first half of",
           "H2": "second half of", "Q1": "Q1", "Q2": "Q2", "Q3": "Q3", "Q4": "Q4"}


# ---------------------------------------------------------------- dates

def show_date(value: str | None) -> str:
    """A TIMEX3 date as a reader writes it: 30 Jul 2025, Jul 2025, week of 21 Jul 2025, autumn 2025, 2025."""
    if not value:
        return "undated"
    span = timex_interval(value)
    if span is None:
        return value
    first = span[0]
    if span[0] == span[1]:
        return f"{first.day} {MONTHS[first.month - 1]} {first.year}"
    year, _, rest = value.upper().partition("-")
    if rest.isdigit():
        return f"{MONTHS[first.month - 1]} {first.year}"
    if rest.startswith("W"):
        return f"week of {first.day} {MONTHS[first.month - 1]} {first.year}"
    if rest in PERIODS:
        return f"{PERIODS[rest]} {year}"
    return value


def sort_day(value: str | None, published: str | None) -> date:
    """Where a date falls in a history: a day is itself; a month or year stated in a report falls at its end,
    or at the report's publication when that comes first (so "in July" follows 30 July)."""
    span = timex_interval(value)
    if span is None:
        return date.max
    if span[0] == span[1]:
        return span[0]
    pub = parse_day(published)
    return min(span[1], pub) if pub and pub >= span[0] else span[1]


def past(value: str | None, published: str | None) -> bool:
    """True when the date has begun by the time the document was published (or the document is undated)."""
    span, pub = timex_interval(value), parse_day(published)
    return span is not None and (pub is None or span[0] <= pub)


def _overlap(a: str | None, b: str | None) -> bool:
    sa, sb = timex_interval(a), timex_interval(b)
    return bool(sa and sb and sa[0] <= sb[1] and sb[0] <= sa[1])


# ---------------------------------------------------------------- statements and steps

@dataclass
class Statement:
    """One source's statement about a commitment: what it says (`key`, `label`), when, and where from."""
    key: tuple
    label: str
    date: str | None
    basis: str               # how it is dated: "stated", "event" or "reported"
    order: int               # the STATUS_ORDER of the statement, for statements of one day
    source: dict
    kind: str = "figure"     # "figure", "event" (a ruling or move about a figure) or "statement" (no number)
    note: str | None = None  # the date a figure takes effect or is due, when later than the report
    prior: bool = False      # the "from" side of a change
    status: str | None = None
    amount: str | None = None
    reported: str | None = None  # when its document reports it

    @property
    def group(self) -> str | None:
        return STATUS_GROUPS.get(self.status) if self.kind == "figure" else None


def _retells(s: Statement, last: dict | None) -> bool:
    """True when a statement the text leaves undated gives the current figure a weaker status than it has
    reached ("the 12% rate first proposed"): a retelling of the road to it, not a step back. One with a date
    ahead (a threat "from 1 August") is an announcement and always a step."""
    if (last is None or s.kind != "figure" or last["kind"] != "figure" or s.basis != "reported" or s.note
            or s.key[:2] != last["key"][:2]):
        return False
    return GROUP_RANK.get(s.group, 1) < GROUP_RANK.get(last["group"], 1)


def history(statements: list[Statement]) -> list[dict]:
    """Statements as steps in the order they happened. A statement that repeats an earlier step and is dated
    only by its report, or by a date that covers that step's ("in July" for 30 July), is that step told
    again (a source more); one the text dates apart repeats it as a reaffirmation; anything else is a step."""
    # on one day: the "from" side of a change first, then offer, deal, figure in force
    ordered = sorted(statements, key=lambda s: (sort_day(s.date, s.reported), not s.prior, s.order,
                                                s.reported or ""))
    steps: list[dict] = []
    for s in ordered:
        earlier = next((st for st in reversed(steps) if st["key"] == s.key), None)
        last = steps[-1] if steps else None
        if earlier is not None and (s.basis == "reported" or _overlap(earlier["date"], s.date)
                                    or earlier["date"] == s.date):
            earlier["sources"].append(s.source)
            continue
        if _retells(s, last):
            (earlier or last)["sources"].append(s.source)
            continue
        if s.prior:  # "cut from 25% to 15%": the 25% the history already holds, told again
            held = next((st for st in reversed(steps) if st["kind"] == "figure" and st["key"][:2] == s.key[:2]), None)
            if held is not None:
                held["sources"].append(s.source)
                continue
        steps.append(_step(s, last))
    return steps


def _step(s: Statement, last: dict | None) -> dict:
    change = "first" if last is None else "reaffirmed" if last["key"] == s.key else "changed"
    if s.kind == "event":
        change = "event"
    label = s.label
    if change == "reaffirmed":
        label = "reaffirmed" if s.status == last["status"] else STATUS_WORDS.get(s.status, s.status)
    return {"key": s.key, "kind": s.kind, "group": s.group, "date": s.date, "change": change, "label": label,
            "state": s.label, "status": s.status, "amount": s.amount, "note": s.note, "prior": s.prior,
            "dated_by": s.basis, "sources": [s.source]}


# ---------------------------------------------------------------- what stands

def standing(steps: list[dict]) -> dict:
    """What stands: the step holding the state now (`step`), the date that state began (`since`), the date it
    was last restated (`restated`), the state held before it began (`before`, None when it is the first) and
    the dated steps after it that have not changed it (`then`: a pending threat, a ruling). Undated steps
    stay in the history but decide nothing while any step is dated."""
    held = [i for i, st in enumerate(steps) if st["kind"] != "event"] or [len(steps) - 1]
    # a statement nothing dates (an undated report, no date in its text) cannot say what holds now
    held = [i for i in held if steps[i]["date"]] or held
    firm = [i for i in held if steps[i]["group"] == "firm"]
    at = firm[-1] if firm else held[-1]
    state = steps[at]
    began = at
    for j in range(at - 1, -1, -1):
        st = steps[j]
        if st["key"] == state["key"]:
            began = j
        elif st["kind"] != "event" and (st["group"] == "firm" or state["group"] != "firm"):
            break  # another figure held before this one
    before = next((st["state"] for st in reversed(steps[:began]) if st["kind"] != "event"), None)
    since = steps[began]["date"]
    return {"step": state, "since": since, "restated": state["date"] if state["date"] != since else None,
            "before": before, "then": [st for st in steps[at + 1:] if st["key"] != state["key"] and st["date"]]}


def public(steps: list[dict]) -> list[dict]:
    """Steps as the ledger gives them out (without the internal key and group)."""
    return [{k: v for k, v in st.items() if k not in ("key", "group")} for st in steps]
