"""Drives a program through a pseudo-terminal, as a person at a terminal would.

    python3 pty_session.py <program> [args...] < steps.json

steps.json is a list of {"send": "<text>", "expect": "<regex>", "timeout": <seconds>}: each step types its text
(escapes such as \\t and \\x1b[A included) and waits until the terminal output since the step began matches
expect. Prints {"ok": true|false, "failedStep": i, "steps": [<output of each step>], "status": <exit status>}.
"""
import fcntl
import json
import os
import pty
import re
import select
import struct
import sys
import termios
import time


def main():
    steps = json.load(sys.stdin)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "dumb"
        os.execvp(sys.argv[1], sys.argv[1:])
    # wide enough that readline never scrolls a long command line sideways
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 400, 0, 0))
    outputs = []
    ok, failed = True, None
    for i, step in enumerate(steps):
        buf = b""
        if step.get("send"):
            os.write(fd, step["send"].encode("utf-8"))
        pattern = re.compile(step.get("expect", ""), re.S)
        deadline = time.time() + step.get("timeout", 20)
        text = ""
        while True:
            text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\r", "", buf.decode("utf-8", "replace"))
            if pattern.search(text):
                break
            remaining = deadline - time.time()
            if remaining <= 0:
                ok, failed = False, i
                break
            r, _, _ = select.select([fd], [], [], remaining)
            if r:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\r", "", buf.decode("utf-8", "replace"))
                    ok = ok and bool(pattern.search(text))
                    failed = None if ok else i
                    break
                buf += chunk
        outputs.append(text)
        if not ok:
            break
    status = None
    try:
        os.write(fd, b"\x04")
    except OSError:
        pass
    deadline = time.time() + 10
    while time.time() < deadline:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(st)
            break
        try:
            r, _, _ = select.select([fd], [], [], 0.2)
            if r:
                os.read(fd, 4096)
        except OSError:
            pass
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    print(json.dumps({"ok": ok, "failedStep": failed, "steps": outputs, "status": status}))


if __name__ == "__main__":
    main()
