"""Settings: one object, defaults with help text, validated (unknown keys are errors)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


class SettingsError(ValueError):
    """A setting is unknown or has an invalid value."""


@dataclass(frozen=True)
class Settings:
    max_file_bytes: int = field(
        default=20_000_000,
        metadata={"help": "Largest single-document file (txt/html) read, in bytes; larger files are rejected (E006)."},
    )
    max_article_chars: int = field(
        default=1_000_000,
        metadata={"help": "Largest article text kept, in characters; longer articles are rejected (E006)."},
    )
    min_article_chars: int = field(
        default=40, metadata={"help": "Shortest clean text accepted as an article (else E005)."}
    )
    near_duplicate_threshold: float = field(
        default=0.8, metadata={"help": "Estimated Jaccard similarity (5-word shingles) above which an article is a near-duplicate."}
    )
    minhash_perm: int = field(default=64, metadata={"help": "MinHash permutations for near-duplicate search."})
    process_events: bool = field(
        default=True, metadata={"help": "Run the event pipeline (time, places, actors, events) after ingest."}
    )
    tile_url: str | None = field(
        default=None,
        metadata={"help": "XYZ tile server for the page's base map (http(s)://host/{z}/{x}/{y}.png); "
                          "None = the shipped country and province outlines only."},
    )

    def __post_init__(self) -> None:
        for name in ("max_file_bytes", "max_article_chars", "min_article_chars", "minhash_perm"):
            if getattr(self, name) <= 0:
                raise SettingsError(f"{name} must be positive, got {getattr(self, name)!r}")
        if not 0.0 < self.near_duplicate_threshold <= 1.0:
            raise SettingsError("near_duplicate_threshold must be in (0, 1]")
        if self.tile_url is not None and not (
            self.tile_url.startswith(("http://", "https://")) and all(k in self.tile_url for k in ("{z}", "{x}", "{y}"))
        ):
            raise SettingsError(f"tile_url must be an http(s) URL with {{z}}, {{x}} and {{y}}, got {self.tile_url!r}")

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> Settings:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return cls(**values)

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata.get("help", "") for f in dataclasses.fields(cls)}
