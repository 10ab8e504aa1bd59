"""The server-drawn pictures: positions on the time axis, lanes, links, escaping."""
from __future__ import annotations

import re

from pactwatch.views.web.charts import network_svg, timeline_svg


def _entry(day_from, day_to, actors, type_="CONSULT", fact="event"):
    return {"from": day_from, "to": day_to, "date": day_from, "actors": actors, "type": type_, "fact": fact,
            "what": f"{type_}: {', '.join(actors)}", "modality": ["asserted"], "source_count": 1,
            "sources": [{"doc_id": "d1", "quote": "they met"}]}


def test_timeline_marks_sit_on_the_time_axis_in_their_lanes():
    entries = [_entry("2025-01-01", "2025-01-01", ["A"]), _entry("2025-12-31", "2025-12-31", ["B"]),
               _entry("2025-06-01", "2025-06-30", ["A"], "tariff_rate", "quantity")]
    svg = str(timeline_svg(entries))
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    assert xs[0] < xs[1]  # January left of December
    assert svg.count('<rect x=') == 1  # the month-long figure is a bar
    assert ">A</text>" in svg and ">B</text>" in svg and ">2025<" in svg or "Jan 2025" in svg
    assert 'href="/documents/d1?quote=they%20met#quote"' in svg
    by_type = str(timeline_svg(entries, lanes="type"))
    assert ">CONSULT</text>" in by_type and ">tariff_rate</text>" in by_type


def test_timeline_window_clips_and_empty_is_said():
    entries = [_entry("2024-01-01", "2024-01-01", ["A"]), _entry("2025-06-01", "2025-06-01", ["A"])]
    svg = str(timeline_svg(entries, window=["2025-01-01", "2025-12-31"]))
    assert svg.count("<circle") == 1
    assert "Nothing dated" in str(timeline_svg([]))


def test_names_are_escaped_in_both_pictures():
    hostile = "<script>x</script>"
    assert "<script>" not in str(timeline_svg([_entry("2025-01-01", "2025-01-01", [hostile])]))
    graph = {"nodes": [{"name": hostile, "type": "GPE", "weight": 2}, {"name": "B", "type": "ORG", "weight": 1}],
             "links": [{"source": hostile, "target": "B", "type": "CONSULT", "weight": 2}]}
    svg = str(network_svg(graph))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<circle") == 2 and svg.count("<line") == 1
    assert 'href="/actors/%3Cscript%3Ex%3C%2Fscript%3E"' in svg
