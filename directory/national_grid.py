"""British National Grid eastings and northings to WGS84 latitude and longitude.

OS Code-Point Open gives every postcode as a grid reference on the OSGB36 datum,
while maps and distance sums want WGS84 degrees. This is the method of Ordnance
Survey's "A guide to coordinate systems in Great Britain": inverse Transverse
Mercator on the Airy 1830 ellipsoid, then a seven-parameter Helmert transform to
WGS84. The Helmert step is good to a few metres, far finer than a postcode
centroid, and needs no grid file (OSTN15 would be centimetres, but is a 15 MB
download for precision we cannot use). Pure arithmetic, no Django, so that
`scripts/derive-postcode-files` can import it on its own.
"""

from math import atan2, cos, degrees, hypot, radians, sin, sqrt, tan

# Airy 1830 ellipsoid and the National Grid's projection.
AIRY_A = 6377563.396
AIRY_B = 6356256.909
SCALE_FACTOR = 0.9996012717
TRUE_ORIGIN_LAT = radians(49)
TRUE_ORIGIN_LNG = radians(-2)
FALSE_EASTING = 400_000
FALSE_NORTHING = -100_000

# GRS80/WGS84 ellipsoid.
WGS84_A = 6378137.0
WGS84_B = 6356752.314245

# OSGB36 to WGS84 (the OS guide's WGS84-to-OSGB36 parameters with every sign
# reversed; EPSG's "towgs84" for OSGB36): metres, parts per million, arc seconds.
HELMERT_TX, HELMERT_TY, HELMERT_TZ = 446.448, -125.157, 542.060
HELMERT_SCALE = -20.4894e-6
HELMERT_RX, HELMERT_RY, HELMERT_RZ = (
    radians(seconds / 3600) for seconds in (0.1502, 0.2470, 0.8421)
)

_AIRY_E2 = 1 - (AIRY_B * AIRY_B) / (AIRY_A * AIRY_A)
_AIRY_N = (AIRY_A - AIRY_B) / (AIRY_A + AIRY_B)
_WGS84_E2 = 1 - (WGS84_B * WGS84_B) / (WGS84_A * WGS84_A)


def _meridional_arc(lat: float) -> float:
    """Distance along the central meridian from the true origin to `lat`."""
    n = _AIRY_N
    d, s = lat - TRUE_ORIGIN_LAT, lat + TRUE_ORIGIN_LAT
    return (
        AIRY_B
        * SCALE_FACTOR
        * (
            (1 + n + 5 / 4 * n**2 + 5 / 4 * n**3) * d
            - (3 * n + 3 * n**2 + 21 / 8 * n**3) * sin(d) * cos(s)
            + (15 / 8 * n**2 + 15 / 8 * n**3) * sin(2 * d) * cos(2 * s)
            - 35 / 24 * n**3 * sin(3 * d) * cos(3 * s)
        )
    )


def grid_to_osgb36(easting: float, northing: float) -> tuple[float, float]:
    """Latitude and longitude in degrees on the OSGB36 datum: the inverse
    Transverse Mercator projection, OS guide annex C.2."""
    a_f0 = AIRY_A * SCALE_FACTOR
    lat = TRUE_ORIGIN_LAT + (northing - FALSE_NORTHING) / a_f0
    arc = _meridional_arc(lat)
    while abs(northing - FALSE_NORTHING - arc) >= 0.00001:  # 0.01 mm
        lat += (northing - FALSE_NORTHING - arc) / a_f0
        arc = _meridional_arc(lat)

    sin_lat = sin(lat)
    nu = a_f0 / sqrt(1 - _AIRY_E2 * sin_lat * sin_lat)
    rho = a_f0 * (1 - _AIRY_E2) / (1 - _AIRY_E2 * sin_lat * sin_lat) ** 1.5
    eta2 = nu / rho - 1
    t = tan(lat)
    t2, t4, t6 = t * t, t**4, t**6
    sec = 1 / cos(lat)

    vii = t / (2 * rho * nu)
    viii = t / (24 * rho * nu**3) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2)
    ix = t / (720 * rho * nu**5) * (61 + 90 * t2 + 45 * t4)
    x = sec / nu
    xi = sec / (6 * nu**3) * (nu / rho + 2 * t2)
    xii = sec / (120 * nu**5) * (5 + 28 * t2 + 24 * t4)
    xiia = sec / (5040 * nu**7) * (61 + 662 * t2 + 1320 * t4 + 720 * t6)

    de = easting - FALSE_EASTING
    lat = lat - vii * de**2 + viii * de**4 - ix * de**6
    lng = TRUE_ORIGIN_LNG + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    return degrees(lat), degrees(lng)


def _helmert_to_wgs84(x: float, y: float, z: float) -> tuple[float, float, float]:
    scale = 1 + HELMERT_SCALE
    return (
        HELMERT_TX + scale * x - HELMERT_RZ * y + HELMERT_RY * z,
        HELMERT_TY + HELMERT_RZ * x + scale * y - HELMERT_RX * z,
        HELMERT_TZ - HELMERT_RY * x + HELMERT_RX * y + scale * z,
    )


def osgb36_to_wgs84(easting: float, northing: float) -> tuple[float, float]:
    """(latitude, longitude) in WGS84 degrees for a National Grid reference in
    metres, good to a few metres anywhere in Great Britain."""
    lat_deg, lng_deg = grid_to_osgb36(easting, northing)
    lat, lng = radians(lat_deg), radians(lng_deg)

    # Geodetic to Cartesian on Airy 1830, at height 0.
    sin_lat = sin(lat)
    nu = AIRY_A / sqrt(1 - _AIRY_E2 * sin_lat * sin_lat)
    x = nu * cos(lat) * cos(lng)
    y = nu * cos(lat) * sin(lng)
    z = (1 - _AIRY_E2) * nu * sin_lat

    x, y, z = _helmert_to_wgs84(x, y, z)

    # Cartesian to geodetic on WGS84; converges to well under a millimetre in
    # three or four rounds.
    p = hypot(x, y)
    lat = atan2(z, p * (1 - _WGS84_E2))
    for _ in range(10):
        sin_lat = sin(lat)
        nu = WGS84_A / sqrt(1 - _WGS84_E2 * sin_lat * sin_lat)
        new_lat = atan2(z + _WGS84_E2 * nu * sin_lat, p)
        if abs(new_lat - lat) < 1e-12:
            lat = new_lat
            break
        lat = new_lat
    return degrees(lat), degrees(atan2(y, x))
