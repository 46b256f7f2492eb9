"""For a resident with no device: a place that can lend one among the
suggestions, from further away than the others if need be, and a note that
is true of the places actually suggested."""

NO_DEVICE = "no_device"


def wants_a_device(needs):
    return NO_DEVICE in needs.barriers


def with_a_lender(top, fitting, needs, distance_to, max_places, reach_miles):
    """`top` (the places suggested), with the nearest lender that fits
    first when none of them lends: a place that lends stocked devices comes
    before one with none in stock."""
    if not wants_a_device(needs) or any(place.lends_devices for place in top):
        return top
    lenders = [
        place
        for place in fitting
        if place.lends_devices
        and (distance_to(place, needs) is None or distance_to(place, needs) <= reach_miles)
    ]
    if not lenders:
        return top
    nearest = min(
        lenders,
        key=lambda place: (not place.devices_in_stock, distance_to(place, needs) or 0, place.id),
    )
    others = [place for place in top if place.id != nearest.id]
    # A place the referrer chose stays first.
    at = 1 if others and others[0].id == needs.requested_place_id else 0
    return [*others[:at], nearest, *others[at:]][:max_places]


def device_note(places, reach_miles):
    """What the referrer is told about borrowing a device, of `places`."""
    lender = next((place for place in places if place.lends_devices), None)
    if lender is None:
        return (
            f"Borrowing a device: no place within {reach_miles} miles that suits lends devices. "
            "The partner will look for another way to get one."
        )
    if lender.devices_in_stock:
        return (
            f"Borrowing a device: {lender.title} lends devices and has "
            f"{lender.devices_in_stock} ready now."
        )
    return (
        f"Borrowing a device: {lender.title} lends devices but has none ready now; "
        "ask when one will be back."
    )
