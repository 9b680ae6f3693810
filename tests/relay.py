"""A TCP relay in front of a real server, for tests of lost connections: the relay can hold
every byte in flight (to its clients the server hangs) and be cut (every connection through it
drops and new ones are refused, as when the server goes away), while the server itself keeps
running for the tests that come next."""

from __future__ import annotations

import socket
import threading
import time


class Relay:
    """Listens on 127.0.0.1:``port`` and relays each connection to ``target``; what the
    server sends back arrives ``delay`` seconds late (a slow network: a write of a few small
    batches then lasts long enough for a test to act between two of them). ``delay`` may be
    changed at any time; it applies from the next reply on."""

    def __init__(self, target: tuple[str, int], delay: float = 0.0):
        self.target, self.socks, self.cut, self.delay = target, [], False, delay
        self._flowing = threading.Event()
        self._flowing.set()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.cut:
            try:
                c, _ = self.listener.accept()
            except OSError:
                return
            self._flowing.wait()  # held: a new connection hangs too, as on a hung server
            try:
                s = socket.create_connection(self.target)
            except OSError:  # the server is down: refused, as it would be without the relay
                c.close()
                continue
            self.socks += [c, s]
            if self.cut:  # cut while this one was being accepted
                self._drop(c, s)
                return
            for x, y, late in ((c, s, False), (s, c, True)):
                threading.Thread(target=self._pipe, args=(x, y, late), daemon=True).start()

    def _pipe(self, x, y, late):
        try:
            while data := x.recv(65536):
                if late and self.delay:
                    time.sleep(self.delay)
                self._flowing.wait()
                if self.cut:
                    break
                y.sendall(data)
        except OSError:
            pass
        self._flowing.wait()  # held, even the end of a connection waits (the test says when)
        self._drop(x, y)  # one side gone: the other end hears of it, as from a dead server

    @staticmethod
    def _drop(*socks):
        for s in socks:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def hold(self) -> None:
        """Stop passing bytes either way (what was read stays here until close), and the
        news of a side gone: to the clients the server hangs until :meth:`resume`."""
        self._flowing.clear()

    def resume(self) -> None:
        """Pass bytes again (what was held goes on; a connection whose server went away
        meanwhile then drops)."""
        self._flowing.set()

    def close(self) -> None:
        """Drop every connection and refuse new ones."""
        self.cut = True
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() (close alone does not)
        except OSError:
            pass
        self.listener.close()
        self._drop(*self.socks)
        for s in self.socks:
            s.close()
        self._flowing.set()
