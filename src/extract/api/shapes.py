"""Document shapes (profiles) for the library's callers: the known ones and the one a name or
file names. Part of the library API; the profiles themselves are data (`profiles/data/*.toml`)."""
from __future__ import annotations

from ..profiles import registry
from ..profiles.definition import Profile, ProfileError

DEFAULT = registry.DEFAULT

__all__ = ["DEFAULT", "Profile", "ProfileError", "known_profiles", "resolve_profile"]


def known_profiles() -> dict[str, Profile]:
    """Every profile by name: the built-in ones and those registered or loaded from files."""
    return registry.profiles()


def resolve_profile(name_or_path: str) -> Profile:
    """The profile of that name or .toml file; ProfileError names the known ones."""
    return registry.get(name_or_path)
