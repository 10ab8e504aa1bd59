"""Article text inside Markdown, shown as text and never obeyed.

The brief puts words from articles (quotes, titles, names) and their URLs into Markdown that a
CommonMark renderer may turn into HTML. Everything from an article goes through here:
- `text`: one line (line breaks of every kind become spaces, so nothing can start a heading, a
  list or a raw HTML block), control characters dropped, and each character with an inline
  meaning (emphasis, links, code, HTML, entities, strikethrough, tables) escaped with a backslash;
- `link`: a link only for an http(s) URL, its target percent-encoded so it cannot close the link
  or carry markup; any other target is not linked at all.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that mean something inline
_INLINE = re.compile(r"([\\`*_\[\]<>&~|!])")
_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85\x0b\x0c]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# characters kept as they are in a link target; everything else is percent-encoded
_URL_SAFE = "/:?#=&%+,;@!$'*-._~"


def text(value) -> str:
    """`value` as inert, single-line Markdown text."""
    value = _CONTROLS.sub("", _BREAKS.sub(" ", str(value)))
    return _INLINE.sub(r"\\\1", value)


def link_target(url: str | None) -> str | None:
    """An http(s) URL made safe as a link destination, or None when it must not be linked."""
    if not url:
        return None
    url = _CONTROLS.sub("", _BREAKS.sub("", str(url))).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=_URL_SAFE)


def link(label, url: str | None) -> str:
    """`[label](url)` for a safe URL, else the label alone; the label is escaped either way."""
    target = link_target(url)
    return f"[{text(label)}]({target})" if target else text(label)
