"""When a panel redraws, in a real kernel: after the slider's message is answered, not inside it.

A slider's front end (ipywidgets 8) sends its next value only when the kernel reports "idle" for
the previous one, so a redraw inside the message handler makes the last key of a burst wait for
a redraw it does not need (the browser tests' "settle" time). Here a real IPython kernel
(jupyter_client, no browser) gets the messages a front end sends, and the order of the kernel's
answers is checked: "idle" first, the new scene after; a burst redraws once per handled batch
and ends on the last value; a change made by code still redraws before its cell ends.
"""

from __future__ import annotations

import queue
import time

import pytest

jupyter_client = pytest.importorskip("jupyter_client")

from kl_helpers.panels.base import _frontend_update_loop  # noqa: E402

TIMEOUT_S = 60

SETUP = """
import kl_helpers.panels as panels
panels.use_canvas(True)
panel = panels.DirectionPanel()
slider = panel.controls["mu_q"]
print(slider.model_id, panel.image.model_id, sep=",")
"""


@pytest.fixture(scope="module")
def kernel():
    manager, client = jupyter_client.manager.start_new_kernel(kernel_name="python3",
                                                              startup_timeout=TIMEOUT_S)
    try:
        reply = client.execute_interactive(SETUP, timeout=TIMEOUT_S, output_hook=_keep(out := []))
        assert reply["content"]["status"] == "ok", out
        slider_id, canvas_id = "".join(out).strip().split(",")
        yield client, slider_id, canvas_id
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def _keep(into: list[str]):
    def hook(msg):
        if msg["msg_type"] == "stream":
            into.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            into.append("\n".join(msg["content"]["traceback"]))
    return hook


def _send_value(client, slider_id: str, value: float) -> str:
    """Send what the slider's front end sends when a key moves it; return the message id."""
    msg = client.session.msg("comm_msg", {"comm_id": slider_id, "data": {
        "method": "update", "state": {"value": value}, "buffer_paths": []}})
    client.shell_channel.send(msg)
    return msg["header"]["msg_id"]


def _answers(client, msg_ids: set[str], canvas_id: str, until_idle: int) -> list[tuple]:
    """The kernel's iopub messages answering ``msg_ids``, in order, as (kind, parent id, scene x).

    Reading stops 1 s after ``until_idle`` "idle" messages have come (a redraw after the last
    idle must have time to arrive).
    """
    events, idles, deadline, quiet_until = [], 0, time.monotonic() + TIMEOUT_S, None
    while time.monotonic() < deadline and (quiet_until is None or time.monotonic() < quiet_until):
        try:
            msg = client.get_iopub_msg(timeout=0.1)
        except queue.Empty:
            continue
        parent = msg["parent_header"].get("msg_id")
        if parent not in msg_ids:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status" and content["execution_state"] == "idle":
            events.append(("idle", parent, None))
            idles += 1
            if idles == until_idle:
                quiet_until = time.monotonic() + 1.0
        elif (kind == "comm_msg" and content["comm_id"] == canvas_id
              and "scene" in content["data"].get("state", {})):
            events.append(("scene", parent, None))
        elif kind in ("error", "stream") and (kind == "error" or content["name"] == "stderr"):
            raise AssertionError(f"the kernel reported an error: {content}")
    assert idles == until_idle, f"expected {until_idle} idle messages, saw {idles}: {events}"
    return events


def _value_shown(client) -> float:
    out: list[str] = []
    client.execute_interactive("print(panel.values['mu_q'], panel.result['mu_q'])",
                               timeout=TIMEOUT_S, output_hook=_keep(out))
    slider_value, drawn = map(float, "".join(out).split())
    assert slider_value == drawn, f"the slider is at {slider_value} but the panel shows {drawn}"
    return drawn


def test_no_deferral_outside_a_kernel():
    assert _frontend_update_loop() is None


def test_a_front_end_change_redraws_after_the_kernel_is_idle(kernel):
    client, slider_id, canvas_id = kernel
    msg_id = _send_value(client, slider_id, -1.2)
    events = _answers(client, {msg_id}, canvas_id, until_idle=1)
    kinds = [kind for kind, _, _ in events]
    assert kinds == ["idle", "scene"], (
        "the kernel must report idle for the slider's message first (the front end can send the "
        f"next value) and send the new scene right after; it answered {kinds}")
    assert _value_shown(client) == -1.2


def test_a_burst_ends_on_its_last_value_with_at_most_one_redraw_per_key(kernel):
    client, slider_id, canvas_id = kernel
    values = [0.1 * k for k in range(1, 11)]
    ids = [_send_value(client, slider_id, v) for v in values]  # no waiting: a queue of keys
    events = _answers(client, set(ids), canvas_id, until_idle=len(ids))
    scenes = sum(kind == "scene" for kind, _, _ in events)
    assert 1 <= scenes <= len(values), f"{scenes} redraws for {len(values)} keys: {events}"
    assert events[-1][0] == "scene", f"the last thing the kernel sent must be a redraw: {events}"
    assert _value_shown(client) == pytest.approx(values[-1])


def test_a_change_made_by_code_redraws_before_the_cell_ends(kernel):
    client, _, canvas_id = kernel
    msg = client.session.msg("execute_request", {
        "code": "slider.value = 2.0", "silent": False, "store_history": False,
        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    client.shell_channel.send(msg)
    events = _answers(client, {msg["header"]["msg_id"]}, canvas_id, until_idle=1)
    kinds = [kind for kind, _, _ in events]
    assert kinds == ["scene", "idle"], f"a cell's change must be drawn before the cell ends: {kinds}"
    assert _value_shown(client) == 2.0


def test_an_error_in_a_deferred_redraw_reaches_the_page(kernel):
    # The redraw runs after the slider's message was answered, so its error must still be sent
    # to the page (as stderr parented to that message, which the browser tests watch for).
    client, _, _ = kernel
    out: list[str] = []
    reply = client.execute_interactive(
        "class Broken(panels.DirectionPanel):\n"
        "    def compute(self, mu_q, sigma_q):\n"
        "        if mu_q == 3.0:\n"
        "            raise RuntimeError('broken on purpose')\n"
        "        return super().compute(mu_q, sigma_q)\n"
        "broken = Broken()\n"
        "print(broken.controls['mu_q'].model_id)",
        timeout=TIMEOUT_S, output_hook=_keep(out))
    assert reply["content"]["status"] == "ok", out
    msg_id = _send_value(client, "".join(out).strip(), 3.0)
    with pytest.raises(AssertionError, match="broken on purpose"):
        _answers(client, {msg_id}, "no canvas", until_idle=1)
