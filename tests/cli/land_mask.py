"""Land masks of an export GeoTIFF and of gdal_rasterize's reference on the same grid, for the
export tests: a pixel of the export is land when it is nearer the land fill (#d9d9c8) than the
sea colour of its top-left corner; a reference pixel is land when it was burnt."""
import numpy as np
from osgeo import gdal


def masks(export_tif, reference_tif):
    """(export dataset, export land mask, reference land mask). The dataset is returned so
    that its georeference can be read (and because a band dies with its dataset)."""
    ds, refds = gdal.Open(export_tif), gdal.Open(reference_tif)
    img = np.dstack([ds.GetRasterBand(b).ReadAsArray().astype(int) for b in (1, 2, 3)])
    fill, sea = np.array([0xd9, 0xd9, 0xc8]), img[0, 0]
    land = ((img - fill) ** 2).sum(2) < ((img - sea) ** 2).sum(2)
    ref = refds.GetRasterBand(1).ReadAsArray() > 0
    return ds, land, ref
