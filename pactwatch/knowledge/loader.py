"""The one reader of knowledge files. Every word list, lexicon and table pactwatch knows lives in
knowledge/data/; `data(name, kb_dirs)` gives a file's contents with the same-named file of each
user folder (`--kb`) merged in, read once per process. A file that cannot be read, is not valid
TOML or JSON, or gives a value of another kind than the packaged file has there is a KnowledgeError
naming the file, the entry and what to do; the modules that turn the data into lexicons check their
entries with `Checked`, so every error has that one shape.

Merging a user's file into a packaged one: tables merge key by key, lists gain the entries they lack,
and a single value (a string, a number, true/false) replaces the packaged one."""
from __future__ import annotations

import functools
import json
import os
import tomllib
from pathlib import Path
from typing import Any, Iterable, NoReturn

from ..errors import KnowledgeError

DATA = Path(__file__).resolve().parent / "data"
SUFFIXES = (".toml", ".json")
PACKAGED_FIX = "the packaged file is damaged; reinstall pactwatch"
USER_FIX = "correct the entry in your --kb file"


def folders(kb_dirs: Iterable[str | Path] = ()) -> tuple[str, ...]:
    """The user's knowledge folders (or single knowledge files) as resolved paths, each checked."""
    out = []
    for folder in kb_dirs:
        path = Path(folder)
        if not path.is_dir() and not (path.is_file() and path.suffix in SUFFIXES):
            raise KnowledgeError(path, "not a folder of knowledge files, nor a .toml or .json file",
                                 fix="give --kb a folder holding files named like those in pactwatch/knowledge/data")
        out.append(str(path.resolve()))
    return tuple(out)


def user_files(kb_dirs: Iterable[str | Path] = ()) -> list[Path]:
    """Every knowledge file the user gave: the .toml and .json files of each folder, by name, and each
    file given alone."""
    out = []
    for given in map(Path, folders(kb_dirs)):
        out += sorted(p for p in given.iterdir() if p.suffix in SUFFIXES and p.is_file()) if given.is_dir() else [given]
    return out


def error(files: Iterable[str | Path] | str | Path, problem: str, entry: str | None = None,
          fix: str | None = None) -> KnowledgeError:
    """The KnowledgeError for a problem found in `files` (one file, or a packaged file and the user's
    files merged into it): named by file and entry, with what to do (`fix`, else: correct the user's
    file, or reinstall a damaged packaged one)."""
    files = [files] if isinstance(files, (str, Path)) else list(files)
    user = [str(f) for f in files if Path(f).parent != DATA]
    names = [Path(files[0]).name if Path(files[0]).parent == DATA else str(files[0])] + \
        [str(f) for f in files[1:]]
    return KnowledgeError(" + ".join(names), problem, entry=entry, fix=fix or (USER_FIX if user else PACKAGED_FIX))


def packaged_names() -> frozenset[str]:
    """The names of the packaged knowledge files, which a user's file takes to add to one."""
    return frozenset(p.name for p in DATA.iterdir() if p.suffix in SUFFIXES)


def read_file(path: str | Path) -> Any:
    """One knowledge file parsed (TOML, or JSON by its suffix); parsed again only when it changed on
    disk. Callers must not modify what it returns."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise error(path, "file not found") from None
    except OSError as e:
        raise error(path, f"cannot be read ({e.strerror})") from None
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=None)
def _parsed(path: Path, mtime_ns: int, size: int) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise error(path, f"cannot be read ({getattr(e, 'strerror', None) or e})") from None
    try:
        return json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as e:
        raise error(path, f"not valid {path.suffix[1:].upper()} ({e})") from None


def data(name: str | Path, kb_dirs: Iterable[str | Path] = ()) -> dict:
    """Knowledge file `name` (e.g. "time_words.toml"; a path, for a test's own file): the packaged
    file, with the file of that name in each of `kb_dirs` merged in, in order. Read once per process
    for each list of folders; callers must not modify it."""
    if not kb_dirs:
        return _merged(name, ())
    user = files(name, kb_dirs)[1:]
    # the user's files by path and state on disk: an edited file is merged afresh
    return _merged(name, tuple((f, os.stat(f).st_mtime_ns) for f in user))


def files(name: str | Path, kb_dirs: Iterable[str | Path] = ()) -> list[str]:
    """The files `data(name, kb_dirs)` is made of: the packaged one, then the user's."""
    return [str(DATA / name)] + [str(p) for p in user_files(kb_dirs) if p.name == name]


@functools.lru_cache(maxsize=None)
def _merged(name: str | Path, user: tuple[tuple[str, int], ...]) -> dict:
    out = read_file(DATA / name)
    if not isinstance(out, dict):
        raise error(DATA / name, "must hold tables")
    for path, _ in user:
        extra = read_file(path)
        if not isinstance(extra, dict):
            raise error(path, "must hold tables like the packaged file")
        out = merge(out, extra, path)
    return out


def merge(base: dict, extra: dict, path: str | Path, where: str = "") -> dict:
    """`extra` (read from `path`) merged into a copy of `base`: tables key by key, lists extended by
    the entries they lack, single values replaced. A value of another kind than `base` has at that
    key (a word where a list is, a list where a table is) is refused."""
    out = dict(base)
    for key, value in extra.items():
        entry = f"{where}.{key}" if where else key
        old = out.get(key)
        if isinstance(old, dict):
            if not isinstance(value, dict):
                raise error(path, f"must be a table, as in the packaged {Path(path).name}", entry)
            out[key] = merge(old, value, path, entry)
        elif isinstance(old, list):
            if not isinstance(value, list):
                raise error(path, f"must be a list, as in the packaged {Path(path).name}", entry)
            out[key] = old + [v for v in value if v not in old]
        elif old is not None and (isinstance(value, (dict, list)) or isinstance(old, bool) != isinstance(value, bool)):
            kind = "true or false" if isinstance(old, bool) else "a string" if isinstance(old, str) else "a number"
            raise error(path, f"must be {kind}, as in the packaged {Path(path).name}", entry)
        else:
            out[key] = value
    return out


class Checked:
    """Typed reads from one knowledge file's data, each failing with a KnowledgeError that names the
    file (or the packaged file and the user's files merged into it) and the entry."""

    def __init__(self, files: Iterable[str | Path] | str | Path):
        self.files = [files] if isinstance(files, (str, Path)) else list(files)

    @classmethod
    def of(cls, name: str | Path, kb_dirs: Iterable[str | Path] = ()) -> tuple[dict, "Checked"]:
        """A file's merged data and the checker that names its files."""
        return data(name, kb_dirs), cls(files(name, kb_dirs))

    def fail(self, entry: str | None, problem: str) -> NoReturn:
        raise error(self.files, problem, entry)

    def table(self, data: dict, key: str, entry: str, required: bool = True) -> dict:
        """`data[key]` as a table; missing, an empty one unless `required`."""
        value = data.get(key, None if required else {})
        if not isinstance(value, dict):
            self.fail(entry, f"'{key}' must be a table" if value is not None else f"'{key}' is missing")
        return value

    def words(self, data: dict, key: str, entry: str, required: bool = True) -> list[str]:
        """`data[key]` as a list of non-empty strings; missing, an empty one unless `required`."""
        value = data.get(key, None if required else [])
        if value is None:
            self.fail(entry, f"'{key}' is missing")
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(entry, f"'{key}' must be a list of non-empty strings")
        return value

    def word_sets(self, data: dict, entry: str, keys: Iterable[str] | None = None) -> dict[str, frozenset[str]]:
        """Each list of `data` (or the given `keys`, each required) as a frozenset of its words."""
        keys = [k for k, v in data.items() if isinstance(v, list)] if keys is None else list(keys)
        return {k: frozenset(self.words(data, k, entry)) for k in keys}
