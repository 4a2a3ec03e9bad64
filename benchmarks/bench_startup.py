"""How fast the app starts, and how much memory it takes, against a bare Textual app (run by hand).

    .venv/bin/python benchmarks/bench_startup.py [--repeats 15]

Each measurement is a fresh Python process that builds an app, runs it headless at 80x24, and exits
as soon as its first screen has been drawn (the first refresh after the screen with the footer is
mounted). The parent times it from spawn to the "drawn" line, and reads the child's peak resident
memory from ``os.wait4``. The apps run alternately, so drift in the machine hits both alike:

- ``bare``: a Textual app with a Header, a Markdown, an Input and a Footer (the yardstick);
- ``app``: learnbot as ``learnbot`` builds it (the bundled pack, from the start-up cache that the
  unmeasured first run fills, then ``make_app``), without a progress store;
- ``cli``: the whole ``learnbot`` command (argument parsing, the progress store in a temporary data
  folder with one profile, so it opens on the Ask screen), for information.

The target is ``app`` / ``bare`` <= 1.3 for both the median time and the median peak memory.
``--settled`` also reports memory once the ask engine has been built (just after the first paint).
Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import inspect
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (80, 24)


# --- the child side ----------------------------------------------------------------------------


def _timed(app_class, settle: bool = False):
    """A subclass of ``app_class`` that says "drawn" after its first real screen is painted, then exits."""

    class Timed(app_class):  # type: ignore[misc, valid-type]
        def on_ready(self) -> None:
            self._wait_for_screen()

        def _wait_for_screen(self) -> None:
            if self.screen.query("Footer"):
                self.call_after_refresh(self._drawn)
            else:
                self.set_timer(0.001, self._wait_for_screen)

        def _drawn(self) -> None:
            print("drawn", flush=True)
            if settle and hasattr(self, "conversation"):
                self.conversation.get()
            self.exit()

        def run(self, *args, **kwargs):
            kwargs.update(headless=True, size=SIZE)
            return super().run(*args, **kwargs)

    css = getattr(app_class, "CSS_PATH", None)
    if css:  # a relative CSS_PATH is read beside the class's own module, not this file
        here = Path(inspect.getfile(app_class)).parent
        Timed.CSS_PATH = [here / path for path in ([css] if isinstance(css, (str, Path)) else css)]
    return Timed


def child(kind: str, settle: bool) -> None:
    if kind == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header, Input, Markdown

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Markdown("# A heading\n\nSome *Markdown* text, as a first screen might show.")
                yield Input(placeholder="Type here")
                yield Footer()

        _timed(Bare)().run()
        return

    import learnbot.ui.app as ui_app

    ui_app.LearnbotApp = _timed(ui_app.LearnbotApp, settle)  # type: ignore[misc]
    if kind == "app":
        from learnbot.locations import content_dir
        from learnbot.core.packcache import load_pack_cached

        ui_app.make_app(load_pack_cached(content_dir())).run()
    else:
        from learnbot.cli.main import main

        main([])


# --- the parent side ---------------------------------------------------------------------------


def measure(kind: str, settle: bool, env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from spawn to first paint, CPU seconds used, and peak RSS in MiB, of one child."""
    command = [sys.executable, __file__, "--child", kind] + (["--settled"] if settle else [])
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                               stdin=subprocess.DEVNULL, cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if line.strip() != b"drawn" or process.returncode != 0:
        error = process.stderr.read().decode(errors="replace") if process.stderr else ""
        raise SystemExit(f"{kind}: the child failed (exit {process.returncode}): {line!r}\n{error}")
    peak_kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss / 1024
    return elapsed, usage.ru_utime + usage.ru_stime, peak_kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--settled", action="store_true", help="also build the ask engine before exiting")
    parser.add_argument("--no-cache", action="store_true", help="load the pack from its YAML every time")
    parser.add_argument("--child", choices=("bare", "app", "cli"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.settled)
        return

    with tempfile.TemporaryDirectory() as data:
        cache = "off" if args.no_cache else str(Path(data) / "cache")
        env = {**os.environ, "LEARNBOT_DATA_DIR": data, "LEARNBOT_CACHE_DIR": cache}
        # One profile, so that `learnbot` opens on the Ask screen rather than asking who you are.
        subprocess.run([sys.executable, "-m", "learnbot", "profiles", "--add", "Bench", "--role", "other",
                        "--agency", "other"], env=env, cwd=ROOT, check=True, capture_output=True)
        kinds = ("bare", "app", "cli")
        for kind in kinds:  # warm the file cache (and byte-code) once, unmeasured
            measure(kind, args.settled, env)
        times: dict[str, list[float]] = {k: [] for k in kinds}
        cpus: dict[str, list[float]] = {k: [] for k in kinds}
        peaks: dict[str, list[float]] = {k: [] for k in kinds}
        for _ in range(args.repeats):
            for kind in kinds:
                elapsed, cpu, peak = measure(kind, args.settled, env)
                times[kind].append(elapsed)
                cpus[kind].append(cpu)
                peaks[kind].append(peak)

    print(f"start-up to first paint, headless {SIZE[0]}x{SIZE[1]}, {args.repeats} alternating runs each"
          + (" (memory after building the ask engine)" if args.settled else "")
          + (", no pack cache" if args.no_cache else ""))
    print(f"{'':6} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'CPU ms':>8} {'peak RSS MiB':>13}")
    for kind in kinds:
        print(f"{kind:6} {statistics.median(times[kind]) * 1000:10.0f} {min(times[kind]) * 1000:8.0f} "
              f"{max(times[kind]) * 1000:8.0f} {statistics.median(cpus[kind]) * 1000:8.0f} "
              f"{statistics.median(peaks[kind]):13.1f}")
    bare_time, bare_peak = statistics.median(times["bare"]), statistics.median(peaks["bare"])
    for kind in ("app", "cli"):
        time_ratio = statistics.median(times[kind]) / bare_time
        cpu_ratio = statistics.median(cpus[kind]) / statistics.median(cpus["bare"])
        memory_ratio = statistics.median(peaks[kind]) / bare_peak
        verdict = "ok" if time_ratio <= 1.3 and memory_ratio <= 1.3 else "OVER 1.3"
        print(f"{kind}/bare: time {time_ratio:.2f} (CPU {cpu_ratio:.2f}), memory {memory_ratio:.2f}  ({verdict})")
    print("(on a busy machine the wall-clock medians wander; the CPU time is steadier)")


if __name__ == "__main__":
    main()
