"""A progress bar on stderr for a slow cold load: only on a terminal, and only once the load has taken a while.

The core knows nothing of this: the speed package's runner calls a `Progress` callback with (files read, files to
parse). A warm load parses nothing, a small tracker is done before the delay, and piped stderr (CI, scripts,
tests) never sees a bar.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

DELAY = 1.0  # seconds of parsing before the bar appears: a quicker load shows nothing


class LoadProgress:
    """A `Progress` callback that starts a rich bar once `delay` seconds have passed since it was made."""

    def __init__(
        self,
        console: Console,
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
        label: Callable[[], str] = lambda: "reading files",
    ) -> None:
        self.console, self.delay, self.clock, self.label = console, delay, clock, label
        self.started = clock()
        self.bar: Progress | None = None
        self.task = TaskID(0)

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if self.clock() - self.started < self.delay or done >= total:
                return
            self.bar = Progress(
                TextColumn(self.label()),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self.task = self.bar.add_task("read", total=total, completed=done)
            self.bar.start()
        self.bar.update(self.task, completed=done, total=total)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


@contextmanager
def load_progress(label: Callable[[], str] = lambda: "reading files") -> Iterator[LoadProgress | None]:
    """A bar for this run when stderr is a terminal, else None (nothing is ever printed); always cleared. `label`
    says what it shows, in the reader's language, once the bar appears."""
    if not sys.stderr.isatty():
        yield None
        return
    bar = LoadProgress(Console(stderr=True), label=label)
    try:
        yield bar
    finally:
        bar.close()
