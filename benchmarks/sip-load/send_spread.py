#!/usr/bin/env python3
"""Spread of the service's RTP send intervals, from a classic pcap of its outbound RTP on lo.

Groups packets by UDP source port (one per call), takes the gaps between consecutive packets
of each stream, and prints one JSON object: streams, packets, intervals, p50/p99/p99.9/max of
the gap in ms, and the share of gaps within 20 +/- 2 ms. Capture with e.g.
  dumpcap -P -i lo -s 64 -f 'udp and dst port 16000 and src portrange 20000-29999' -a duration:10 -w out.pcap

Usage: send_spread.py CAPTURE.pcap [--frame-ms 20] [--tolerance-ms 2]
"""
import argparse, json, struct, sys

ap = argparse.ArgumentParser()
ap.add_argument("pcap")
ap.add_argument("--frame-ms", type=float, default=20.0)
ap.add_argument("--tolerance-ms", type=float, default=2.0)
a = ap.parse_args()

data = open(a.pcap, "rb").read()
if len(data) < 24:
    sys.exit("%s: empty capture" % a.pcap)
magic = struct.unpack("<I", data[:4])[0]
if magic not in (0xA1B2C3D4, 0xA1B23C4D):
    sys.exit("%s: not a little-endian classic pcap (capture with dumpcap -P)" % a.pcap)
unit = 1e9 if magic == 0xA1B23C4D else 1e6
link_len = {1: 14, 113: 16, 101: 0, 228: 0, 0: 4}.get(struct.unpack("<I", data[20:24])[0])
if link_len is None:
    sys.exit("unsupported link type")

last, gaps, packets, pos = {}, [], 0, 24
while pos + 16 <= len(data):
    sec, frac, incl, _ = struct.unpack("<IIII", data[pos:pos + 16])
    frame = data[pos + 16:pos + 16 + incl]
    pos += 16 + incl
    ihl = (frame[link_len] & 0x0F) * 4
    port = struct.unpack("!H", frame[link_len + ihl:link_len + ihl + 2])[0]
    t = sec * 1000.0 + frac * 1000.0 / unit
    packets += 1
    if port in last:
        gaps.append(t - last[port])
    last[port] = t

if not gaps:
    sys.exit("no intervals in %s" % a.pcap)
gaps.sort()
def pct(p):
    return round(gaps[min(len(gaps) - 1, int(p / 100.0 * len(gaps)))], 3)
within = sum(1 for g in gaps if abs(g - a.frame_ms) <= a.tolerance_ms)
print(json.dumps({
    "streams": len(last), "packets": packets, "intervals": len(gaps),
    "min_ms": round(gaps[0], 3), "p1_ms": pct(1), "p50_ms": pct(50), "p99_ms": pct(99), "p99_9_ms": pct(99.9),
    "max_ms": round(gaps[-1], 3), "within_tolerance_pct": round(100.0 * within / len(gaps), 3),
}, indent=1))
