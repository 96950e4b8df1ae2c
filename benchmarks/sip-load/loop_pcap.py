#!/usr/bin/env python3
"""Repeat the RTP stream of a pcap until it lasts at least --seconds, as ONE continuous stream.

Each repetition continues the RTP sequence number, timestamp and capture time of the one
before it (SSRC unchanged), so the receiver sees one long, gap-free stream rather than a
replay that jumps back. sipp then plays it with <exec play_pcap_audio=.../>.

Usage: loop_pcap.py IN.pcap --seconds 40 -o OUT.pcap   (classic pcap, IPv4/UDP/RTP only)
"""
import argparse, struct, sys

ap = argparse.ArgumentParser()
ap.add_argument("pcap")
ap.add_argument("--seconds", type=float, required=True)
ap.add_argument("-o", "--out", required=True)
a = ap.parse_args()

data = open(a.pcap, "rb").read()
magic = struct.unpack("<I", data[:4])[0]
if magic not in (0xA1B2C3D4, 0xA1B23C4D):
    sys.exit("%s: only little-endian classic pcap is supported" % a.pcap)
nano = magic == 0xA1B23C4D
unit = 1e9 if nano else 1e6
linktype = struct.unpack("<I", data[20:24])[0]
link_len = {1: 14, 113: 16, 101: 0, 228: 0, 0: 4}.get(linktype)
if link_len is None:
    sys.exit("%s: unsupported link type %d" % (a.pcap, linktype))

packets, pos = [], 24
while pos + 16 <= len(data):
    sec, frac, incl, orig = struct.unpack("<IIII", data[pos:pos + 16])
    packets.append((sec * unit + frac, bytearray(data[pos + 16:pos + 16 + incl]), orig))
    pos += 16 + incl
if len(packets) < 2:
    sys.exit("%s: too few packets" % a.pcap)

def rtp_offset(frame):
    ip = link_len
    ihl = (frame[ip] & 0x0F) * 4
    return ip + ihl + 8

first_t = packets[0][0]
step_t = (packets[-1][0] - first_t) + (packets[1][0] - packets[0][0])  # one packet interval after the last
o0 = rtp_offset(packets[0][1])
seq0, ts0 = struct.unpack("!HI", packets[0][1][o0 + 2:o0 + 8])
ol = rtp_offset(packets[-1][1])
seql, tsl = struct.unpack("!HI", packets[-1][1][ol + 2:ol + 8])
o1 = rtp_offset(packets[1][1])
ts1 = struct.unpack("!I", packets[1][1][o1 + 4:o1 + 8])[0]
step_seq = (seql - seq0 + 1) & 0xFFFF
step_ts = (tsl - ts0 + (ts1 - ts0)) & 0xFFFFFFFF

loops = max(1, int(-(-a.seconds * unit // step_t)))
out = bytearray(data[:24])
for n in range(loops):
    for t, frame, orig in packets:
        f = bytearray(frame)
        o = rtp_offset(f)
        seq, ts = struct.unpack("!HI", f[o + 2:o + 8])
        struct.pack_into("!HI", f, o + 2, (seq + n * step_seq) & 0xFFFF, (ts + n * step_ts) & 0xFFFFFFFF)
        # The UDP checksum is optional over IPv4 (RFC 768); zero it rather than recompute it.
        struct.pack_into("!H", f, o - 2, 0)
        when = int(t + n * step_t)
        out += struct.pack("<IIII", int(when // unit), int(when % unit), len(f), orig) + f
open(a.out, "wb").write(out)
print("%s: %d packets, %.1f s" % (a.out, loops * len(packets), loops * step_t / unit), file=sys.stderr)
