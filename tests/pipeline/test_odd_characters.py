"""Characters that look like one thing to str methods and another to int(): no component fails on them."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Japan and Australia met in Canberra in 202\u00b2 to sign a port deal.",     # superscript two
    "Japan and Australia met in Canberra in \u0662\u0660\u0662\u0665 to sign a port deal.",   # Arabic-Indic digits
    "Japan and Australia met in Canberra in \uff12\uff10\uff12\uff15 to sign a port deal.",   # full-width digits
])
def test_odd_digits_leave_every_component_working(annotate, text):
    doc = annotate(text)
    assert not doc._.pipeline_errors
    assert {"Japan", "Australia"} <= {s._.actor["name"] for s in doc.spans["pw_actors"] if s._.actor}
