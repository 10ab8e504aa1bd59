"""Rival accounts inside one report: a statement that denies or corrects another speaker's statement on the
same topic ("X clarified that not all goods will get a zero tariff" against "Y's post that the US is
getting zero tariffs"; "Z pushed back, clarifying that profits would be split by contribution" against
"W claimed the US would capture 90% of the profits").

The pipeline records each reported statement with its speaker, the side the speaker speaks for, the nouns
of what is said, whether it denies ("no", "not", "without") and whether the reporting words set it
against another account ("clarified", "denied", "pushed back") (`statements`, pipeline/referents.py).
A denial or correction is paired with the statement of another speaker (of another side when both
sides are known) that shares a topic noun and does not itself deny: the one sharing most topics, then
the nearest. A plain denial (not a correction) needs the other statement's topic to be what it denies.
"""
from __future__ import annotations

from ..knowledge.identity import norm_name
from .model import stable_id


def check_accounts(doc_id: str, source: str | None, said: list[dict]) -> list[dict]:
    said = _unique(said)
    out, used = [], set()
    for b in said:
        if not (b.get("rebuttal") or b.get("negated")):
            continue
        best = None
        for a in said:
            if a is b or a.get("negated") or not _rivals(a, b):
                continue
            shared = set(a.get("topics") or ()) & set(b.get("topics") or ())
            if not b.get("rebuttal"):
                shared &= set(b.get("denied") or ())  # a plain denial must deny what the other one states
            if not shared:
                continue
            rank = (-len(shared), abs((a.get("start") or 0) - (b.get("start") or 0)))
            if best is None or rank < best[0]:
                best = (rank, a, shared)
        if best is None:
            continue
        _, a, shared = best
        # one conflict per two speakers and what they disagree on (a standfirst often repeats the body)
        ident = (norm_name(a.get("speaker")), norm_name(b.get("speaker")), tuple(sorted(shared)))
        if ident in used:
            continue
        used.add(ident)
        out.append(_record(doc_id, source, a, b, sorted(shared)))
    return out


def _unique(said: list[dict]) -> list[dict]:
    seen, out = set(), []
    for s in said:
        if isinstance(s, dict) and (s.get("start"), s.get("end")) not in seen:
            seen.add((s.get("start"), s.get("end")))
            out.append(s)
    return out


def _rivals(a: dict, b: dict) -> bool:
    """Two speakers, and two sides when both are known."""
    if norm_name(a.get("speaker")) == norm_name(b.get("speaker")):
        return False
    side_a, side_b = norm_name(a.get("side")), norm_name(b.get("side"))
    return not (side_a and side_b and side_a == side_b)


def _record(doc_id: str, source: str | None, a: dict, b: dict, shared: list[str]) -> dict:
    how = "a correction" if b.get("rebuttal") else "a denial"
    topic = ", ".join(shared[:3])
    about = f"rival accounts of {topic}: {a.get('speaker')} vs {b.get('speaker')} ({how})"
    items = [{"doc_id": doc_id, "source": source, "quote": s.get("quote", ""), "start": s.get("start"),
              "end": s.get("end"), "value": s.get("speaker"), "attributed_to": s.get("speaker")} for s in (a, b)]
    scope = f"doc|{doc_id}"
    return {"kind": "conflict", "type": "account", "about": about, "severity": "medium",
            "reason": f"In the same report, {b.get('speaker')}'s account ({how}) contradicts what {a.get('speaker')} "
                      f"says about {topic}.",
            "items": items, "block": scope,
            "conflict_id": stable_id("c", [scope, "account", a.get("quote"), b.get("quote")])}
