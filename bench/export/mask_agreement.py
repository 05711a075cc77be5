#!/usr/bin/python3
"""Land/background mask agreement of two PNGs of the same view (a benchmark image and a
peer's): each pixel is "land" when it is nearer the land fill colour than that image's own
background colour (the commonest colour on its border). Prints the share of pixels whose
masks agree, and writes a diff image if asked.

    mask_agreement.py ours.png peer.png [--fill d9d9c8] [--fill-ours RRGGBB|auto] [--diff diff.png]

--fill-ours: our image's land colour when it differs from the peer's (the viewer's own layer
style); "auto" takes the commonest colour of our image that is not its background.

Exit status 2 when the sizes differ or a file cannot be read. Needs python3-gdal (numpy).
"""
import argparse
import sys

import numpy as np
from osgeo import gdal


def read_rgb(path):
    ds = gdal.Open(path)
    if ds is None or ds.RasterCount < 3:
        raise SystemExit(f"{path}: not an RGB image")
    return np.dstack([ds.GetRasterBand(b + 1).ReadAsArray().astype(np.int32) for b in range(3)])


def background(rgb):
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]])
    colours, counts = np.unique(border.reshape(-1, 3), axis=0, return_counts=True)
    return colours[np.argmax(counts)]


def land_mask(rgb, fill):
    bg = background(rgb)
    to_fill = ((rgb - fill) ** 2).sum(axis=2)
    to_bg = ((rgb - bg) ** 2).sum(axis=2)
    return to_fill < to_bg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ours")
    ap.add_argument("peer")
    ap.add_argument("--fill", default="d9d9c8")
    ap.add_argument("--fill-ours")
    ap.add_argument("--diff")
    a = ap.parse_args()
    hex_rgb = lambda h: np.array([int(h[i:i + 2], 16) for i in (0, 2, 4)])
    fill = hex_rgb(a.fill)
    ours, peer = read_rgb(a.ours), read_rgb(a.peer)
    if ours.shape != peer.shape:
        print(f"sizes differ: {ours.shape[1]}x{ours.shape[0]} vs {peer.shape[1]}x{peer.shape[0]}", file=sys.stderr)
        return 2
    fill_ours = fill
    if a.fill_ours == "auto":
        colours, counts = np.unique(ours.reshape(-1, 3), axis=0, return_counts=True)
        counts[np.all(colours == background(ours), axis=1)] = 0
        fill_ours = colours[np.argmax(counts)]
    elif a.fill_ours:
        fill_ours = hex_rgb(a.fill_ours)
    m1, m2 = land_mask(ours, fill_ours), land_mask(peer, fill)
    agree = float((m1 == m2).mean())
    print(f"agreement {agree:.4f} land_ours {m1.mean():.4f} land_peer {m2.mean():.4f}")
    if a.diff:
        drv = gdal.GetDriverByName("MEM")
        out = drv.Create("", m1.shape[1], m1.shape[0], 3, gdal.GDT_Byte)
        colours = [np.where(m1 & ~m2, 255, np.where(m1 == m2, np.where(m1, 200, 255), 0)),
                   np.where(m1 == m2, np.where(m1, 200, 255), 0),
                   np.where(~m1 & m2, 255, np.where(m1 == m2, np.where(m1, 200, 255), 0))]
        for b, c in enumerate(colours):
            out.GetRasterBand(b + 1).WriteArray(c.astype(np.uint8))
        gdal.GetDriverByName("PNG").CreateCopy(a.diff, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
