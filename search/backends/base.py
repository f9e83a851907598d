"""The interface every search backend implements, and the values that cross it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SearchDocument:
    """What an app hands to the index for one object: weighted title, then body text."""

    kind: str
    object_id: str
    title: str
    body: str = ""
    public: bool = True


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: str
    score: float
    title: str


class SearchBackend(ABC):
    name: str = "base"

    @abstractmethod
    def index(self, documents: Iterable[SearchDocument]) -> None:
        """Add or replace documents."""

    @abstractmethod
    def delete(self, kind: str, object_ids: Iterable[str]) -> None:
        """Remove documents; unknown ids are ignored."""

    @abstractmethod
    def clear(self, kind: str | None = None) -> None:
        """Remove every document, or those of one kind."""

    @abstractmethod
    def search(
        self,
        query: str,
        *,
        kinds: Sequence[str] | None = None,
        public_only: bool = True,
        limit: int = 1000,
    ) -> list[Hit]:
        """Ranked hits, best first; documents matching in the title come before the rest."""

    @abstractmethod
    def health(self) -> tuple[bool, str]:
        """Whether the backend can serve queries now, with a short reason."""
