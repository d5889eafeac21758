"""Servers and browser for the real-browser tests (the fixtures in conftest.py use these).

JupyterLab and Voilà run as subprocesses on 127.0.0.1, on a free port with a random token, with
their own Jupyter runtime, config and data directories, serving a temporary copy of the notebooks
(JupyterLab: a work folder made by tools/course.py, the code `python tools/course.py lab` runs).
They stop with bounded waits: SIGTERM, then SIGKILL for the server's process group and for any
kernel left behind (kernels run in their own process groups).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browser_page import SliderTiming

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import course  # noqa: E402  (tools/course.py: the launcher's work copies, arguments and settings)

NOTEBOOK_DIR = Path(os.environ.get("KL_NOTEBOOK_DIR", ROOT / "notebooks")).resolve()
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0

#: Filled by the tests; conftest.summary_rows turns them into the terminal summary's rows.
TIMINGS: list[SliderTiming] = []
#: Filled by test_latency.py: (browser path, PNG path) per slider, printed the same way.
LATENCY: list[tuple[SliderTiming, SliderTiming]] = []
SKIP_REASONS: list[str] = []


def notebooks() -> list[str]:
    """Notebook file names to test, found at collection time (new notebooks are covered)."""
    return sorted(p.name for p in NOTEBOOK_DIR.glob("*.ipynb"))


def chromium_path() -> str | None:
    """The browser binary: $KL_CHROMIUM, else Debian's /usr/bin/chromium, else chromium on PATH."""
    if "KL_CHROMIUM" in os.environ:
        return os.environ["KL_CHROMIUM"]
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


def no_browser(reason: str) -> None:
    # In CI a missing browser is a failure (a silent skip would hide untested sliders).
    message = (
        f"browser tests cannot run: {reason}. "
        "Install Chromium (apt-get install chromium) or set KL_CHROMIUM."
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    SKIP_REASONS.append(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _process_table() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, start time) for every process, from /proc."""
    table = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # The command name may hold spaces and parentheses; the fields after the last ')' don't.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            table[int(stat.parent.name)] = (int(fields[1]), fields[19])
    return table


def _descendants(pid: int) -> dict[int, str]:
    """Every descendant of ``pid`` (kernels run in their own process groups) -> its start time."""
    table = _process_table()
    found: dict[int, str] = {}
    todo = [pid]
    while todo:
        parent = todo.pop()
        for child, (ppid, started) in table.items():
            if ppid == parent and child not in found:
                found[child] = started
                todo.append(child)
    return found


class Server:
    """A Jupyter server subprocess (JupyterLab or Voilà) with its own directories and token."""

    def __init__(self, name: str, module: str, args: list[str], workdir: Path,
                 extra_env: dict[str, str] | None = None) -> None:
        self.name = name
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / f"{name}.log"
        self.workdir = workdir
        env = dict(os.environ)
        for var in ("JUPYTER_RUNTIME_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR"):
            env[var] = str(workdir / var.lower())
        # The course's own server settings, as `make lab` and `make explore` use them (the
        # save hook that stores panels as pictures, Voilà's offline template).
        env.update(project_jupyter_env())
        env.update(extra_env or {})  # e.g. the lecture decks' settings (tools/slides.py)
        args = [a.format(port=self.port, token=self.token) for a in args]
        self.command = [sys.executable, "-m", module, *args]
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                self.command, cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )

    def log_tail(self, lines: int = 30) -> str:
        """The end of the server's log, for failure messages."""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def wait_ready(self, path: str) -> None:
        """Wait until ``path`` answers 200, or fail with the server's log."""
        deadline = time.monotonic() + START_TIMEOUT_S
        url = f"{self.base}/{path}"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"{self.name} exited with {self.process.returncode}:\n{self.log_tail()}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return
            time.sleep(0.1)  # polling interval of a bounded wait, not a fixed delay
        pytest.fail(f"{self.name} not ready after {START_TIMEOUT_S:.0f} s:\n{self.log_tail()}")

    def api(self, method: str, path: str, body: object = None) -> bytes:
        """Call the server's REST API with the token (``body``, if given, is sent as JSON)."""
        data = None if body is None else json.dumps(body).encode()
        headers = {"Authorization": f"token {self.token}"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(f"{self.base}/{path}", data=data, method=method, headers=headers)
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read()

    def stop(self) -> None:
        """SIGTERM (the server shuts its kernels down), then SIGKILL whatever is left."""
        leftovers = _descendants(self.process.pid)
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(STOP_TIMEOUT_S)
        # A kernel that outlived its server: kill it by pid, but only if that pid is still the
        # same process (same start time), never one that reused the number.
        table = _process_table()
        for pid, started in leftovers.items():
            if pid in table and table[pid][1] == started:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)


def project_jupyter_env() -> dict[str, str]:
    """JUPYTER_CONFIG_PATH / JUPYTER_PATH pointing at tools/jupyter, exactly as tools/course.py sets them."""
    return course.jupyter_env(ROOT)


def work_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh work folder, made by the code `python tools/course.py lab` runs on first use."""
    work = tmp_path_factory.mktemp("served") / course.WORK
    report = course.sync_work(NOTEBOOK_DIR, work)
    assert report.added and not report.kept, report.summary()
    return work


def copy_notebooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh working directory holding a copy of the notebooks, outside the repository."""
    workdir = tmp_path_factory.mktemp("served")
    shutil.copytree(NOTEBOOK_DIR, workdir / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return workdir


