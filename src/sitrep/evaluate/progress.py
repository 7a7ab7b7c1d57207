"""A progress bar on stderr for the evaluation commands, shown only on a terminal; stdout stays for the scores."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import track

T = TypeVar("T")


def tracked(items: Iterable[T], *, total: int, label: str) -> Iterator[T]:
    console = Console(stderr=True)
    return iter(track(items, total=total, description=label, console=console, transient=True,
                      disable=not console.is_terminal))
