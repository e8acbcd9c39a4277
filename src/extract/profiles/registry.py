"""The profiles extract knows, and the choice of one for a document.

The built-in profiles are the TOML files in `profiles/data/` (`leiden`, `bbv`); `register` adds
one (`load(path)` reads a profile file). `detect(text)` picks the profile whose marks the text
shows most strongly; the general `bbv` profile when none does.
"""
from __future__ import annotations

import re

from functools import lru_cache
from importlib import resources

from .definition import Profile, ProfileError, extend, from_dict, load

DEFAULT = "bbv"
_extra: dict[str, Profile] = {}


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict]:
    """The TOML tables of the built-in profiles, by name."""
    import tomllib

    out: dict[str, dict] = {}
    folder = resources.files("extract.profiles").joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            data["_path"] = f"profiles/data/{entry.name}"
            out[data["name"]] = data
    for name, data in list(out.items()):   # a built-in profile may extend another
        base = data.get("extends")
        if base:
            if base not in out or out[base].get("extends"):
                raise ProfileError(f"{data['_path']}: extends unknown profile '{base}'")
            out[name] = {**extend({k: v for k, v in out[base].items() if k != "_path"}, data),
                         "name": name, "title": data["title"], "_path": data["_path"],
                         **{k: data[k] for k in ("detect", "min_score") if k in data}}
    return out


@lru_cache(maxsize=1)
def _builtin() -> dict[str, Profile]:
    out: dict[str, Profile] = {}
    for name, data in _tables().items():
        table = {k: v for k, v in data.items() if k != "_path"}
        out[name] = from_dict(table, data["_path"])
    return out


def profiles() -> dict[str, Profile]:
    """Every known profile by name: the built-in ones, then those registered."""
    return {**_builtin(), **_extra}


def register(profile: Profile) -> Profile:
    """Make `profile` known by its name (replacing one of that name)."""
    _extra[profile.name] = profile
    return profile


def get(name_or_path: str) -> Profile:
    """The profile of that name, or read from that TOML file; ProfileError lists the known ones."""
    known = profiles()
    if name_or_path in known:
        return known[name_or_path]
    if name_or_path.endswith(".toml"):
        bases = {name: {k: v for k, v in t.items() if k != "_path"} for name, t in _tables().items()}
        return register(load(name_or_path, bases))
    raise ProfileError(f"unknown profile '{name_or_path}' (known: {', '.join(sorted(known))}; "
                       f"or give the path of a .toml profile file)")


_BLANK_RUN = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+\n")


def detect(text: str) -> Profile:
    """The profile whose marks `text` shows most strongly (at least its `min_score`); the
    general profile when none does. At most the first 5,000,000 characters are looked at."""
    # runs of blank lines as one: a profile's `(?m)^\s*...` mark, tried at each line start,
    # would run over the whole run each time (quadratic in 200,000 empty table rows)
    sample = _BLANK_RUN.sub("\n\n", text[:5_000_000])
    best, best_score = None, 0.0
    for profile in profiles().values():
        if not profile.detect:
            continue
        score = profile.score(sample)
        if score >= profile.min_score and score > best_score:
            best, best_score = profile, score
    return best or profiles()[DEFAULT]


__all__ = ["DEFAULT", "Profile", "ProfileError", "detect", "get", "load", "profiles", "register"]
