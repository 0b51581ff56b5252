#!/usr/bin/env python3
"""Requests per second of a SPARQL endpoint on this machine: CLIENTS processes, each on
one keep-alive connection, send the same small query for SECONDS and count the answers.

    scripts/query-load.py http://127.0.0.1:7878/query [SECONDS] [CLIENTS] [QUERY]

Only for an endpoint of your own on the loopback address; the run stops by itself.
"""
import http.client
import multiprocessing
import sys
import time
import urllib.parse

QUERY = "SELECT ?o WHERE { actor:IRN ag:exportsTo ?o } ORDER BY ?o"


def client(url, seconds, query, out):
    u = urllib.parse.urlsplit(url)
    path = u.path + "?" + urllib.parse.urlencode({"query": query})
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    done, failed, end = 0, 0, time.monotonic() + seconds
    while time.monotonic() < end:
        conn.request("GET", path, headers={"Accept": "text/csv"})
        r = conn.getresponse()
        r.read()
        if r.status == 200:
            done += 1
        else:
            failed += 1
    out.put((done, failed))


def main():
    url = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10
    clients = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    query = sys.argv[4] if len(sys.argv) > 4 else QUERY
    if urllib.parse.urlsplit(url).hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("query-load: loopback endpoints only")
    out = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=client, args=(url, seconds, query, out)) for _ in range(clients)]
    started = time.monotonic()
    for p in procs:
        p.start()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    elapsed = time.monotonic() - started
    done = sum(d for d, _ in results)
    failed = sum(f for _, f in results)
    print(f"{done / elapsed:.0f} req/s ({done} answered, {failed} failed, {clients} clients, {elapsed:.1f} s)")


if __name__ == "__main__":
    main()
