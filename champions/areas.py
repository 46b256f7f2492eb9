"""A champion's area (ward or borough), worked out from their postcode with
the directory's own postcode data: no outside service is asked.

Areas have no boundaries in our data, so the area is the one given to the
nearest listed place within `NEAREST_PLACE_MILES`. A postcode we cannot
place (a new one, or one in Northern Ireland) leaves the area empty: it is
still a valid postcode, and a coordinator can set the area by hand."""

from directory import geo
from directory.models import AccessPointPage, Area

NEAREST_PLACE_MILES = 3


def area_for_postcode(postcode):
    """The Area for a postcode, or None."""
    try:
        location = geo.locate(postcode)
    except geo.PostcodeError:
        return None
    min_lat, max_lat, min_lng, max_lng = geo.bounding_box(
        location.latitude, location.longitude, NEAREST_PLACE_MILES
    )
    places = AccessPointPage.objects.filter(
        area__isnull=False,
        latitude__range=(min_lat, max_lat),
        longitude__range=(min_lng, max_lng),
    ).values_list("area_id", "latitude", "longitude")
    nearest = None
    for area_id, latitude, longitude in places:
        miles = geo.distance_miles(location.latitude, location.longitude, latitude, longitude)
        if miles <= NEAREST_PLACE_MILES and (nearest is None or miles < nearest[0]):
            nearest = (miles, area_id)
    return Area.objects.filter(pk=nearest[1]).first() if nearest else None
