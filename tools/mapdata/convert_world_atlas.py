#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Convert a world-atlas TopoJSON land layer into Meridian's compact map resource.

Run once (the output is committed in resources/map/); never at run time:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    tools/mapdata/convert_world_atlas.py package/land-50m.json resources/map/land-cn.bin

Only the `land` object is used: land fill and coastline, no political borders
(see docs/latency.md). Rings are clipped to a box around China so the resource
stays small; the box is wider than the map's default view so its edges stay off screen.

Output ("MLND", little-endian):
    char[4] magic "MLND", u16 version 1, u16 reserved 0, u32 ring count,
    i16 lonMin, latMin, lonMax, latMax (centidegrees) — the clip box,
    then per ring: u32 point count, point count × (i16 lon, i16 lat) in centidegrees.
"""
import json
import struct
import sys

DEFAULT_BOX = (55.0, -5.0, 160.0, 62.0)  # lon min, lat min, lon max, lat max
MAX_INPUT = 64 * 1024 * 1024


def decode_arcs(topo):
    """Absolute lon/lat arcs from the delta-encoded, quantised TopoJSON arcs."""
    transform = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        points = []
        x = y = 0
        for p in arc:
            if transform:
                x += p[0]
                y += p[1]
                points.append((x * transform["scale"][0] + transform["translate"][0],
                               y * transform["scale"][1] + transform["translate"][1]))
            else:
                points.append((float(p[0]), float(p[1])))
        arcs.append(points)
    return arcs


def ring_points(arcs, indexes):
    """Stitch arcs into one ring; a negative index ~i is arc i reversed."""
    ring = []
    for k, index in enumerate(indexes):
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(arc if k == 0 else arc[1:])  # consecutive arcs share an end point
    return ring


def polygons(geometry):
    kind = geometry.get("type")
    if kind == "Polygon":
        yield geometry["arcs"]
    elif kind == "MultiPolygon":
        yield from geometry["arcs"]
    elif kind == "GeometryCollection":
        for g in geometry["geometries"]:
            yield from polygons(g)


def clip(ring, box):
    """Sutherland–Hodgman against the four edges of the box."""
    lon0, lat0, lon1, lat1 = box
    edges = [
        (lambda p: p[0] >= lon0, lambda a, b: (lon0, a[1] + (b[1] - a[1]) * (lon0 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= lon1, lambda a, b: (lon1, a[1] + (b[1] - a[1]) * (lon1 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= lat0, lambda a, b: (a[0] + (b[0] - a[0]) * (lat0 - a[1]) / (b[1] - a[1]), lat0)),
        (lambda p: p[1] <= lat1, lambda a, b: (a[0] + (b[0] - a[0]) * (lat1 - a[1]) / (b[1] - a[1]), lat1)),
    ]
    out = ring
    for inside, cut in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
            prev = cur
    return out


def quantise(ring):
    out = []
    for lon, lat in ring:
        q = (int(round(lon * 100)), int(round(lat * 100)))
        if not out or out[-1] != q:
            out.append(q)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()  # the reader closes every ring
    return out


def convert(topo, box=DEFAULT_BOX, object_name="land"):
    if topo.get("type") != "Topology" or object_name not in topo.get("objects", {}):
        raise ValueError("not a TopoJSON topology with a '%s' object" % object_name)
    arcs = decode_arcs(topo)
    rings = []
    for polygon in polygons(topo["objects"][object_name]):
        for indexes in polygon:
            ring = quantise(clip(ring_points(arcs, indexes), box))
            if len(ring) >= 3:
                rings.append(ring)
    out = bytearray(b"MLND")
    out += struct.pack("<HHI", 1, 0, len(rings))
    out += struct.pack("<4h", *(int(round(v * 100)) for v in box))
    for ring in rings:
        out += struct.pack("<I", len(ring))
        for lon, lat in ring:
            out += struct.pack("<hh", lon, lat)
    return bytes(out), rings


def main(argv):
    if len(argv) not in (3, 7):
        sys.stderr.write("usage: convert_world_atlas.py land-50m.json out.bin [lonMin latMin lonMax latMax]\n")
        return 2
    box = tuple(float(v) for v in argv[3:7]) if len(argv) == 7 else DEFAULT_BOX
    with open(argv[1], "rb") as f:
        raw = f.read(MAX_INPUT + 1)
    if len(raw) > MAX_INPUT:
        sys.stderr.write("input larger than %d bytes\n" % MAX_INPUT)
        return 1
    data, rings = convert(json.loads(raw), box)
    with open(argv[2], "wb") as f:
        f.write(data)
    print("%d rings, %d points, %d bytes" % (len(rings), sum(len(r) for r in rings), len(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
