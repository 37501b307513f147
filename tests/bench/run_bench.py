#!/usr/bin/python3
"""Tsunagi's benchmarks, side by side with xterm, qterminal and openssl s_client.

    tests/bench/run_bench.py --build build [--only throughput,connect,...] [--bytes N] [--rounds N]

Everything runs on this machine under a private Xvfb, against tests/bench's loopback host
(127.0.0.1, TLS + Telnet). Prints one table and writes the same as JSON to BUILD/bench.json.
Timings are reported, never asserted: the exit status is 0 whenever the benchmarks ran.
"""
import argparse
import json
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ALL = ["throughput", "connect", "startup", "memory", "latency", "responsiveness"]
PAYLOADS = ["mixed", "ascii", "y"]
GRIDS = [(80, 24), (200, 50)]
FONT = ("Monospace", 11)  # the same TrueType font for every terminal


class Bench:
    def __init__(self, build, work):
        self.build = os.path.abspath(build)
        self.bin = os.path.join(self.build, "tests", "bench")
        self.work = work
        self.pki = os.path.join(work, "pki")
        self.ca = os.path.join(self.pki, "ca.pem")
        self.env = dict(os.environ)
        self.env.update({
            "LC_ALL": "C.UTF-8", "LANGUAGE": "", "QT_QPA_PLATFORM": "xcb",
            "TSUNAGI_CONFIG_DIR": os.path.join(work, "config"),
            "TSUNAGI_DATA_DIR": os.path.join(work, "data"),
            "TSUNAGI_SECRET_BACKEND": "memory",
            "XDG_RUNTIME_DIR": os.path.join(work, "runtime"),
            "HOME": os.path.join(work, "home"),
        })
        for d in ("config", "data", "runtime", "home"):
            os.makedirs(os.path.join(work, d), mode=0o700, exist_ok=True)
        self.xvfb = None

    # --- X server
    def start_x(self):
        for n in range(90, 140):
            if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
                break
        self.xvfb = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "2560x1600x24", "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.env["DISPLAY"] = f":{n}"
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{n}"):
                return
            time.sleep(0.05)
        raise RuntimeError("Xvfb did not start")

    def stop_x(self):
        if self.xvfb:
            self.xvfb.terminate()
            self.xvfb.wait()

    # --- the loopback host
    def host(self, mode, *extra):
        p = subprocess.Popen([os.path.join(self.bin, "tsunagi_bench_host"), "--dir", self.pki, "--mode", mode,
                              *extra], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=self.env)
        line = b""
        while not line.endswith(b"\n"):
            chunk = os.read(p.stdout.fileno(), 1)
            if not chunk:
                break
            line += chunk
        line = line.decode()
        m = re.match(r"PORT (\d+)", line)
        if not m:
            raise RuntimeError("bench host did not start: " + line)
        return p, int(m.group(1))

    @staticmethod
    def read_event(host, timeout):
        """The host's next JSON line. Reads the pipe directly: a buffered readline() after select()
        would leave a second line in Python's buffer where select() cannot see it."""
        buffer = getattr(host, "_lines", b"")
        deadline = time.monotonic() + timeout
        while b"\n" not in buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([host.stdout], [], [], left)[0]:
                host._lines = buffer
                return None
            chunk = os.read(host.stdout.fileno(), 65536)
            if not chunk:
                host._lines = buffer
                return None
            buffer += chunk
        line, _, rest = buffer.partition(b"\n")
        host._lines = rest
        return json.loads(line) if line.strip() else None

    @staticmethod
    def stop(p):
        if p and p.poll() is None:
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()

    def tsunagi(self, *args, **kw):
        return [os.path.join(self.bin, "tsunagi_bench"), *args]

    # --- throughput
    def terminal_command(self, name, port, cols, rows):
        pipe = (f"socat STDIO,raw,echo=0 OPENSSL:127.0.0.1:{port},cafile={self.ca},commonname=localhost")
        if name == "tsunagi":
            return self.tsunagi("term", "--port", str(port), "--ca", self.ca, "--rows", str(rows), "--cols",
                                str(cols))
        if name == "xterm":
            return ["xterm", "-geometry", f"{cols}x{rows}", "-fa", FONT[0], "-fs", str(FONT[1]), "-sl", "10000",
                    "-e", *pipe.split()]
        if name == "qterminal":
            self.qterminal_config()
            return ["qterminal", "-e", pipe]
        raise ValueError(name)

    def qterminal_config(self):
        d = os.path.join(self.env["HOME"], ".config", "qterminal.org")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "qterminal.ini"), "w") as f:
            f.write("[General]\nAskOnExit=false\nHistoryLimited=true\nHistoryLimitedTo=10000\n"
                    f"fontFamily={FONT[0]}\nfontSize={FONT[1]}\nSaveSizeOnExit=false\nSavePosOnExit=false\n"
                    "MenuVisible=true\nHideTabBarWithOneTab=true\n"
                    "[MainWindow]\nsize=@Size(800 500)\npos=@Point(0 0)\n")

    def xdotool(self, *args):
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True).stdout.strip()

    def fit_qterminal(self, host, cols, rows, grid):
        """qterminal has no geometry option: resize its window until the host's probe says cols x rows."""
        wid = self.xdotool("search", "--sync", "--onlyvisible", "--classname", "qterminal").split()[0]
        geometry = lambda: [int(v) for v in re.findall(r"Geometry: (\d+)x(\d+)",
                                                        self.xdotool("getwindowgeometry", wid))[0]]
        w0, h0 = geometry()
        c0, r0 = grid
        self.xdotool("windowsize", "--sync", wid, str(w0 + 300), str(h0 + 300))
        host.stdin.write("probe\n")
        host.stdin.flush()
        ev = self.read_event(host, 10)
        c1, r1 = ev["cols"], ev["rows"]
        cw, ch = 300 / max(1, c1 - c0), 300 / max(1, r1 - r0)
        w, h = w0 + 300, h0 + 300
        for _ in range(6):
            if (c1, r1) == (cols, rows):
                return (c1, r1)
            w = int(w + (cols - c1) * cw + (cw / 2 if cols != c1 else 0))
            h = int(h + (rows - r1) * ch + (ch / 2 if rows != r1 else 0))
            self.xdotool("windowsize", "--sync", wid, str(w), str(h))
            time.sleep(0.2)
            host.stdin.write("probe\n")
            host.stdin.flush()
            ev = self.read_event(host, 10)
            c1, r1 = ev["cols"], ev["rows"]
            print(f"bench: qterminal window {w}x{h} shows {c1}x{r1}", file=sys.stderr, flush=True)
        return (c1, r1)

    def throughput(self, name, cols, rows, size, reps, warmup=0):
        host, port = self.host("throughput", "--payloads", ",".join(PAYLOADS), "--bytes", str(size), "--reps",
                               str(reps), "--warmup", str(warmup))
        term = subprocess.Popen(self.terminal_command(name, port, cols, rows), env=self.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results = {}
        try:
            ev = self.read_event(host, 30)
            if not ev or ev.get("event") != "grid":
                raise RuntimeError(f"{name}: no grid answer")
            grid = (ev["cols"], ev["rows"])
            if name == "qterminal" and grid != (cols, rows):
                grid = self.fit_qterminal(host, cols, rows, grid)
            host.stdin.write("go\n")
            host.stdin.flush()
            while True:
                ev = self.read_event(host, 300)
                if not ev or ev.get("event") == "done":
                    break
                print(f"bench:   {ev}"[:160], file=sys.stderr, flush=True)
                if ev.get("event") == "result":
                    ms = statistics.median(ev["ms"])
                    results[ev["payload"]] = {"mb_per_s": ev["bytes"] / 1e6 / (ms / 1000), "median_ms": ms,
                                              "ms": ev["ms"], "bytes": ev["bytes"]}
            results["grid"] = f"{grid[0]}x{grid[1]}"
        finally:
            host.stdin.write("quit\n") if host.poll() is None else None
            try:
                host.stdin.flush()
            except BrokenPipeError:
                pass
            self.stop(host)
            try:
                term.wait(10)
            except subprocess.TimeoutExpired:
                self.stop(term)
        return results

    # --- connect
    def connect(self, count):
        host, port = self.host("greet")
        try:
            out = subprocess.run(self.tsunagi("connect", "--port", str(port), "--ca", self.ca, "--count",
                                              str(count)), env=self.env, capture_output=True, text=True,
                                 timeout=300)
            tsunagi = json.loads(out.stdout.strip().splitlines()[-1])
            raw, exec_only = [], []
            for _ in range(count):
                t0 = time.monotonic()
                p = subprocess.Popen(["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-CAfile", self.ca,
                                      "-verify_return_error", "-quiet"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                p.stdout.read(1)
                raw.append((time.monotonic() - t0) * 1000)
                p.kill()
                p.wait()
                t0 = time.monotonic()
                subprocess.run(["openssl", "version"], stdout=subprocess.DEVNULL)
                exec_only.append((time.monotonic() - t0) * 1000)
        finally:
            self.stop(host)
        s_raw, s_exec = statistics.median(raw), statistics.median(exec_only)
        return {"tsunagi_ms": tsunagi["median_ms"], "s_client_ms": s_raw, "s_client_exec_ms": s_exec,
                "s_client_net_ms": s_raw - s_exec}

    # --- start-up
    def startup(self, profiles, runs):
        config = os.path.join(self.work, "startup-config")
        shutil.rmtree(config, ignore_errors=True)
        os.makedirs(config)
        subprocess.run(self.tsunagi("make-profiles", "--config-dir", config, "--count", str(profiles)),
                       env=self.env, check=True, capture_output=True)

        def once(args):
            t0 = time.monotonic_ns()
            out = subprocess.run(self.tsunagi(*args), env=dict(self.env, TSUNAGI_CONFIG_DIR=config),
                                 capture_output=True, text=True, timeout=60)
            ev = json.loads(out.stdout.strip().splitlines()[-1])
            return (ev["monotonic_ns"] - t0) / 1e6

        # The store was written by Tsunagi's own save, which also keeps the outline of it in the
        # cache folder: a normal start reads that back. A store another program changed has no
        # matching outline and is scanned: timed too, with the cache folder removed each time.
        cache = os.path.join(self.env["HOME"], ".cache", "tsunagi")
        app, cold, empty = [], [], []
        for _ in range(runs):
            app.append(once(["startup", "--config-dir", config]))
            empty.append(once(["startup-empty"]))
        for _ in range(runs):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(once(["startup", "--config-dir", config]))
        return {"tsunagi_ms": statistics.median(app), "empty_ms": statistics.median(empty), "profiles": profiles,
                "tsunagi_runs": app, "empty_runs": empty, "store_changed_ms": statistics.median(cold),
                "store_changed_runs": cold}

    # --- memory
    def memory(self):
        out = subprocess.run(self.tsunagi("memory", "--sessions", "20", "--lines", "10000", "--cols", "80"),
                             env=self.env, capture_output=True, text=True, timeout=300)
        events = {e["event"]: e for e in map(json.loads, out.stdout.strip().splitlines())}
        return {"bytes_per_cell": events["cell"]["bytes_per_cell"],
                "rss_total_mb": events["memory"]["rss_total_bytes"] / 1e6,
                "rss_sessions_mb": events["memory"]["rss_sessions_bytes"] / 1e6}

    # --- keystroke latency
    def latency(self, count, rounds=4):
        """In rounds, like throughput: each terminal types count/rounds keys per round, in an order
        that turns every round, and a figure is the median of all its keys. Typing all of one
        terminal's keys and then all of the other's let a slow spell of the machine (other guests)
        land on one of them: the two medians moved by 0.3-0.5 ms between runs, more than they differ."""
        names = ["tsunagi", "xterm"]
        times = {name: [] for name in names}
        round_medians = {name: [] for name in names}  # one per round: how steady the lead is
        timeouts = {name: 0 for name in names}
        watch = {}
        per_round = max(1, count // rounds)
        for r in range(rounds):
            for name in names[r % 2:] + names[:r % 2]:
                host, port = self.host("echo")
                term = subprocess.Popen(self.terminal_command(name, port, 80, 24), env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                try:
                    search = ["search", "--sync", "--onlyvisible", "--pid", str(term.pid)]
                    wid = self.xdotool(*search).split()[0]
                    time.sleep(1.5)  # connected, first frame shown
                    out = subprocess.run(self.tsunagi("keyprobe", "--window", wid, "--count", str(per_round)),
                                         env=self.env, capture_output=True, text=True, timeout=600)
                    ev = json.loads(out.stdout.strip().splitlines()[-1])
                    times[name].extend(ev["ms"])
                    # NaN for a round with no echo seen, so the rounds still pair up.
                    round_medians[name].append(statistics.median(ev["ms"]) if ev["ms"] else float("nan"))
                    timeouts[name] += ev["timeouts"]
                    watch[name] = ev["watch"]
                finally:
                    self.stop(term)
                    self.stop(host)
        return {name: {"median_ms": statistics.median(times[name]) if times[name] else float("nan"),
                       "timeouts": timeouts[name], "watch": watch.get(name, ""), "keys": len(times[name]),
                       "rounds": rounds, "round_medians_ms": round_medians[name]}
                for name in names}

    # --- UI responsiveness under flood
    def responsiveness(self, seconds):
        flood, fport = self.host("flood", "--payloads", "y")
        echo, eport = self.host("echo")
        try:
            out = subprocess.run(self.tsunagi("responsiveness", "--flood-port", str(fport), "--echo-port",
                                              str(eport), "--ca", self.ca, "--seconds", str(seconds)),
                                 env=self.env, capture_output=True, text=True, timeout=120)
            return json.loads(out.stdout.strip().splitlines()[-1])
        finally:
            self.stop(flood)
            self.stop(echo)


def fmt(v, unit=""):
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    return f"{v:.1f}{unit}" if abs(v) >= 10 else f"{v:.2f}{unit}"


def table(report):
    rows = []  # figure, tsunagi, peer, peer value, ratio, goal, met

    def add(figure, ours, peer, theirs, ratio, goal, met):
        rows.append([figure, ours, peer, theirs, ratio, goal, "met" if met else "NOT met"])

    tp = report.get("throughput")
    if tp:
        for cols, rows_ in GRIDS:
            key = f"{cols}x{rows_}"
            for payload in PAYLOADS:
                ours = tp.get("tsunagi", {}).get(key, {}).get(payload, {}).get("mb_per_s")
                for peer, need in (("qterminal", 2.0), ("xterm", 5.0)):
                    theirs = tp.get(peer, {}).get(key, {}).get(payload, {}).get("mb_per_s")
                    grid = tp.get(peer, {}).get(key, {}).get("grid", "")
                    ratio = ours / theirs if ours and theirs else None
                    add(f"throughput {payload} {key} (MB/s)", fmt(ours), f"{peer} [{grid}]", fmt(theirs),
                        fmt(ratio, "x"), f">= {need:g}x", ratio is not None and ratio >= need)
    c = report.get("connect")
    if c:
        extra = c["tsunagi_ms"] - c["s_client_net_ms"]
        add("connect to first byte painted (ms, median)", fmt(c["tsunagi_ms"]), "openssl s_client (less exec)",
            fmt(c["s_client_net_ms"]), f"{extra:+.2f} ms", "<= +2 ms", extra <= 2.0)
    s = report.get("startup")
    if s:
        ratio = s["tsunagi_ms"] / s["empty_ms"]
        add(f"start-up, {s['profiles']} profiles (ms)", fmt(s["tsunagi_ms"]), "empty Qt window", fmt(s["empty_ms"]),
            fmt(ratio, "x"), "<= 1.5x", ratio <= 1.5)
        if "store_changed_ms" in s:
            cold = s["store_changed_ms"] / s["empty_ms"]
            add("  the same, store changed by another program (ms)", fmt(s["store_changed_ms"]), "empty Qt window",
                fmt(s["empty_ms"]), fmt(cold, "x"), "report", True)
    m = report.get("memory")
    if m:
        add("memory: bytes per scrollback cell", fmt(m["bytes_per_cell"]), "-", "-", "-", "report", True)
        add("memory: 20 sessions x 10,000 x 80 (MB RSS)", fmt(m["rss_total_mb"]), "-", "-", "-", "< 150 MB",
            m["rss_total_mb"] < 150)
    lat = report.get("latency")
    if lat:
        ours, theirs = lat["tsunagi"]["median_ms"], lat["xterm"]["median_ms"]
        pairs = list(zip(lat["tsunagi"].get("round_medians_ms", []), lat["xterm"].get("round_medians_ms", [])))
        ahead = f"; ahead in {sum(a <= b for a, b in pairs)}/{len(pairs)} rounds" if pairs else ""
        add(f"keystroke to echo painted (ms, median{ahead})", fmt(ours), "xterm", fmt(theirs),
            fmt(ours / theirs, "x"), "<= xterm", ours <= theirs)
    r = report.get("responsiveness")
    if r:
        add(f"event-loop stall under flood (ms, max; {fmt(r['flood_mb_per_s'])} MB/s)", fmt(r["max_stall_ms"]),
            "-", "-", "-", "<= 50 ms", r["max_stall_ms"] <= 50)
        add("second session's echo under flood (ms, median/max)",
            f"{fmt(r['echo_median_ms'])}/{fmt(r['echo_max_ms'])}", "-", "-", "-", "max <= 100 ms",
            r["echoes"] > 0 and r["echo_max_ms"] <= 100)
    head = ["figure", "Tsunagi", "peer", "peer value", "ratio", "goal", "result"]
    widths = [max(len(str(x[i])) for x in rows + [head]) for i in range(len(head))]
    lines = ["| " + " | ".join(str(v).ljust(w) for v, w in zip(head, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(str(v).ljust(w) for v, w in zip(r, widths)) + " |" for r in rows]
    return "\n".join(lines), rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--only", default=",".join(ALL))
    ap.add_argument("--terminals", default="tsunagi,qterminal,xterm")
    ap.add_argument("--bytes", type=int, default=4 * 1024 * 1024)
    ap.add_argument("--rounds", type=int, default=5, help="throughput: rounds over the terminals")
    ap.add_argument("--reps", type=int, default=1, help="throughput: repetitions per payload and round")
    ap.add_argument("--warmup", type=int, default=512 * 1024,
                    help="throughput: bytes of each payload sent untimed before its first repetition")
    ap.add_argument("--keys", type=int, default=200)
    ap.add_argument("--connects", type=int, default=100)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    only = args.only.split(",")
    work = tempfile.mkdtemp(prefix="tsunagi-bench-")
    bench = Bench(args.build, work)
    report = {"machine": {"cpus": os.cpu_count(), "uname": " ".join(os.uname())}, "payload_bytes": args.bytes}
    bench.start_x()
    try:
        if "throughput" in only:
            # In rounds, each terminal in turn per grid and the order turned every round, so that a
            # machine that slows down for a while (other guests on the host) weighs on every
            # terminal alike; each figure is the median of all the rounds' repetitions.
            names = args.terminals.split(",")
            samples = {}
            for r in range(args.rounds):
                for cols, rows in GRIDS:
                    key = f"{cols}x{rows}"
                    for name in names[r % len(names):] + names[:r % len(names)]:
                        print(f"bench: throughput round {r + 1}/{args.rounds} {name} {key}", file=sys.stderr,
                              flush=True)
                        got = bench.throughput(name, cols, rows, args.bytes, args.reps, args.warmup)
                        into = samples.setdefault(name, {}).setdefault(key, {"grid": got.get("grid", "")})
                        for payload in PAYLOADS:
                            if payload in got:
                                into.setdefault(payload, []).extend(got[payload]["ms"])
                                size = got[payload]["bytes"]
                                into.setdefault("bytes", {})[payload] = size
            tp = {}
            for name, grids in samples.items():
                for key, got in grids.items():
                    entry = {"grid": got["grid"]}
                    for payload in PAYLOADS:
                        if payload in got:
                            ms = statistics.median(got[payload])
                            entry[payload] = {"mb_per_s": got["bytes"][payload] / 1e6 / (ms / 1000),
                                              "median_ms": ms, "ms": got[payload], "bytes": got["bytes"][payload]}
                    tp.setdefault(name, {})[key] = entry
            report["throughput"] = tp
        if "connect" in only:
            print("bench: connect", file=sys.stderr, flush=True)
            report["connect"] = bench.connect(args.connects)
        if "startup" in only:
            print("bench: start-up", file=sys.stderr, flush=True)
            report["startup"] = bench.startup(5000, 41)
        if "memory" in only:
            print("bench: memory", file=sys.stderr, flush=True)
            report["memory"] = bench.memory()
        if "latency" in only:
            print("bench: keystroke latency", file=sys.stderr, flush=True)
            report["latency"] = bench.latency(args.keys)
        if "responsiveness" in only:
            print("bench: responsiveness", file=sys.stderr, flush=True)
            report["responsiveness"] = bench.responsiveness(5)
    finally:
        bench.stop_x()
        shutil.rmtree(work, ignore_errors=True)
    text, rows = table(report)
    report["table"] = [dict(zip(["figure", "tsunagi", "peer", "peer_value", "ratio", "goal", "result"], r))
                       for r in rows]
    out = args.out or os.path.join(args.build, "bench.json")
    with open(out, "w") as f:
        json.dump(report, f, indent=2)
    print(text)
    print(f"\n(JSON: {out})")


if __name__ == "__main__":
    main()
