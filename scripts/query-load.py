#!/usr/bin/env python3
"""Requests per second and latency of a SPARQL endpoint on this machine: CLIENTS
processes, each on one keep-alive connection, send the same small query for SECONDS and
time each answer. With --slow N, N slow clients hold connections meanwhile: a third of
them silent, a third sending a request head a byte every 100 ms, a third announcing a
1,000-byte body and sending 6 bytes; each is connected again when the server closes it.

    scripts/query-load.py [--slow N] http://127.0.0.1:7878/query [SECONDS] [CLIENTS] [QUERY]

Only for an endpoint of your own on the loopback address; the run stops by itself.
"""
import http.client
import multiprocessing
import select
import socket
import sys
import threading
import time
import urllib.parse

QUERY = "SELECT ?o WHERE { actor:IRN ag:exportsTo ?o } ORDER BY ?o"


def client(url, seconds, query, out):
    u = urllib.parse.urlsplit(url)
    path = u.path + "?" + urllib.parse.urlencode({"query": query})
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    times, failed, end = [], 0, time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.monotonic()
        conn.request("GET", path, headers={"Accept": "text/csv"})
        r = conn.getresponse()
        r.read()
        if r.status == 200:
            times.append(time.monotonic() - started)
        else:
            failed += 1
    out.put((times, failed))


def slow_clients(host, port, n, stop, counts):
    """Holds n slow connections until stop is set; counts how each one ended."""
    head = b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"a" * 8000

    def connect(kind):
        s = socket.create_connection((host, port))
        if kind == 2:
            s.sendall(
                b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\nASK {}"
            )
        return [s, kind, 0]

    conns = [connect(i % 3) for i in range(n)]
    while not stop.is_set():
        for c in conns:
            if c[1] == 1:
                try:
                    c[0].send(head[c[2] % len(head) : c[2] % len(head) + 1])
                    c[2] += 1
                except OSError:
                    pass
        readable, _, _ = select.select([c[0] for c in conns], [], [], 0.1)
        for i, c in enumerate(conns):
            if c[0] in readable:
                try:
                    data = c[0].recv(4096)
                except OSError:
                    data = b""
                status = data.split(b" ")[1].decode() if data.startswith(b"HTTP/") else "closed"
                counts[status] = counts.get(status, 0) + 1
                c[0].close()
                conns[i] = connect(c[1])
    for c in conns:
        c[0].close()


def main():
    args = sys.argv[1:]
    slow = 0
    if args[:1] == ["--slow"]:
        slow, args = int(args[1]), args[2:]
    url = args[0]
    seconds = float(args[1]) if len(args) > 1 else 10
    clients = int(args[2]) if len(args) > 2 else 4
    query = args[3] if len(args) > 3 else QUERY
    u = urllib.parse.urlsplit(url)
    if u.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("query-load: loopback endpoints only")
    stop, counts = threading.Event(), {}
    holder = threading.Thread(target=slow_clients, args=(u.hostname, u.port, slow, stop, counts))
    if slow:
        holder.start()
        time.sleep(1)
    out = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=client, args=(url, seconds, query, out)) for _ in range(clients)]
    started = time.monotonic()
    for p in procs:
        p.start()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    elapsed = time.monotonic() - started
    stop.set()
    if slow:
        holder.join()
    times = sorted(t for ts, _ in results for t in ts)
    failed = sum(f for _, f in results)
    done = len(times)
    line = f"{done / elapsed:.0f} req/s ({done} answered, {failed} failed, {clients} clients, {elapsed:.1f} s)"
    if times:
        pct = lambda p: times[min(len(times) - 1, int(p * len(times)))] * 1000
        line += f"; latency p50 {pct(0.5):.1f} ms, p99 {pct(0.99):.1f} ms, max {times[-1] * 1000:.1f} ms"
    if slow:
        ended = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        line += f"; {slow} slow clients held, connections ended: {ended or 'none'}"
    print(line)


if __name__ == "__main__":
    main()
