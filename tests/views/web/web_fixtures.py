"""A small store built from hand-written records (no pipeline): two articles that disagree on a
figure, one of them full of markup and scripts, reconciled as an ingest would."""
from __future__ import annotations

import hashlib


HOSTILE = '<script>alert("pwned")</script>'
# every string an article gives us carries markup, so any page that forgets to escape shows it raw
TEXT_A = (f'{HOSTILE} Ruritania pledged $40 billion to Freedonia on March 3, 2025. '
          '<img src=x onerror="alert(1)"> Officials said 300 sailors were held at the port. '
          'Ruritania and Freedonia met in Geneva to discuss the pact.')
TEXT_B = ('Freedonia says 450 sailors were held at the port on March 3, 2025, '
          'and Ruritania confirmed its $40 billion pledge.')


def _doc(text: str, **fields) -> dict:
    doc_id = hashlib.sha256(text.encode()).hexdigest()
    return {"kind": "document", "doc_id": doc_id, "text": text, "text_sha256": doc_id, "authors": [],
            "captions": [], "format": "txt", **fields}


def _at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _quantity(doc: dict, amount: str, quote: str, **fields) -> dict:
    q0, q1 = _at(doc["text"], quote)
    a0, a1 = _at(doc["text"], amount)
    return {"kind": "quantity", "doc_id": doc["doc_id"], "quote": quote, "start": q0, "end": q1,
            "span_start": a0, "span_end": a1, "span_text": amount, "qualifier": None, "part_of": None,
            "part_of_start": None, "components": [], "change": None, **fields}


def _entity(doc: dict, name: str, written: str, type_: str) -> dict:
    start, end = _at(doc["text"], written)
    return {"kind": "entity", "doc_id": doc["doc_id"], "name": name, "type": type_, "kb_id": None,
            "aliases": [written], "mentions": [{"start": start, "end": end}]}


def build_store(path):
    from pactwatch import reconcile
    from pactwatch.store import Store

    store = Store(path)
    a = _doc(TEXT_A, source="https://example.test/a?x=<b>1</b>", title=f"Pact {HOSTILE}",
             authors=['<i onmouseover="alert(2)">Eve</i>'], published="2025-03-04", publisher=f"Wire {HOSTILE}")
    b = _doc(TEXT_B, source="samples/b.txt", title="Freedonia's count", published="2025-03-05", publisher="Daily")
    quote_a = "Officials said 300 sailors were held at the port."
    quote_b = "Freedonia says 450 sailors were held at the port on March 3, 2025,"
    records_a = [
        _entity(a, f"Ruritania {HOSTILE}", "Ruritania", "GPE"), _entity(a, "Freedonia", "Freedonia", "GPE"),
        {"kind": "timex", "doc_id": a["doc_id"], "text": "March 3, 2025", **dict(zip(("start", "end"), _at(TEXT_A, "March 3, 2025"))),
         "type": "DATE", "value": "2025-03-03"},
        _quantity(a, "$40 billion", "Ruritania pledged $40 billion to Freedonia on March 3, 2025.",
                  measure="investment_pledge", value=40e9, unit="USD", holder=f"Ruritania {HOSTILE}",
                  target="Freedonia", time="2025-03-03", status="pledged"),
        _quantity(a, "300 sailors", quote_a, measure="detained_persons", value=300.0, unit="persons",
                  holder="Freedonia", target=f"Ruritania {HOSTILE}", time="2025-03-03", status="actual"),
        {"kind": "event", "doc_id": a["doc_id"], "type": "CONSULT", "source": [f"Ruritania {HOSTILE}", "Freedonia"],
         "target": [], "date": "2025-03-03", "location": "Geneva", "modality": "asserted",
         "quote": "Ruritania and Freedonia met in Geneva to discuss the pact.",
         **dict(zip(("start", "end"), _at(TEXT_A, "Ruritania and Freedonia met in Geneva to discuss the pact."))),
         "span_start": TEXT_A.index(" met ") + 1, "span_end": TEXT_A.index(" met ") + 4, "attributed_to": None},
        {"kind": "event", "doc_id": a["doc_id"], "type": "AGREE", "source": [f"Ruritania {HOSTILE}"],
         "target": ["Freedonia"], "date": "2025-03-03", "location": None, "modality": "asserted",
         "quote": "Ruritania pledged $40 billion to Freedonia on March 3, 2025.",
         **dict(zip(("start", "end"), _at(TEXT_A, "Ruritania pledged $40 billion to Freedonia on March 3, 2025."))),
         "span_start": TEXT_A.index("pledged"), "span_end": TEXT_A.index("pledged") + 7, "attributed_to": None},
    ]
    records_b = [
        _entity(b, "Freedonia", "Freedonia", "GPE"), _entity(b, f"Ruritania {HOSTILE}", "Ruritania", "GPE"),
        _quantity(b, "450 sailors", quote_b, measure="detained_persons", value=450.0, unit="persons",
                  holder="Freedonia", target=f"Ruritania {HOSTILE}", time="2025-03-03", status="actual"),
        _quantity(b, "$40 billion", "Ruritania confirmed its $40 billion pledge.", measure="investment_pledge",
                  value=40e9, unit="USD", holder=f"Ruritania {HOSTILE}", target="Freedonia", time="2025-03-03",
                  status="pledged"),
    ]
    store.add(a, records_a)
    store.add(b, records_b)
    reconcile.update(store, [a["doc_id"], b["doc_id"]], kb=None)
    return store, a, b


class LiveServer:
    """The app on uvicorn in a thread, on a free loopback port (for the browser and load tests)."""

    def __init__(self, app):
        import socket
        import threading

        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        import time
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)
