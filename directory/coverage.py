"""Whether a searched postcode is outside the area the directory covers:
further from every place it lists than anyone would travel for help. Then
the page says so, and where else to look, instead of a bare "0 places"."""

from directory.geo import distance_miles

# Further than this from every listed place is outside the area.
OUTSIDE_MILES = 25


def miles_outside(location):
    """Whole miles to the nearest live place when `location` is outside
    the area, else None. One query, made only when a search found nothing."""
    from directory.models import AccessPointPage

    if location is None:
        return None
    points = AccessPointPage.objects.live().filter(latitude__isnull=False, longitude__isnull=False)
    distances = [
        distance_miles(location.latitude, location.longitude, latitude, longitude)
        for latitude, longitude in points.values_list("latitude", "longitude")
    ]
    if not distances or min(distances) <= OUTSIDE_MILES:
        return None
    return round(min(distances))
