"""schema.org JSON-LD for access points, so search engines and assistants
can read a place's address, hours and contact details."""

import json

from django.utils.safestring import mark_safe

from directory.hours import DAY_NAMES

SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def access_point_json_ld(page, url):
    data = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": page.title,
        "description": page.summary,
        "url": url,
    }
    if page.phone:
        data["telephone"] = page.phone
    address = {"@type": "PostalAddress", "addressLocality": page.town, "addressCountry": "GB"}
    if not page.hide_address:
        street = ", ".join(part for part in (page.address_line_1, page.address_line_2) if part)
        if street:
            address["streetAddress"] = street
        address["postalCode"] = page.postcode
        if page.latitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": round(page.latitude, 5),
                "longitude": round(page.longitude, 5),
            }
    data["address"] = address
    hours = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{DAY_NAMES[session.weekday]}",
            "opens": session.opens.strftime("%H:%M"),
            "closes": session.closes.strftime("%H:%M"),
        }
        for session in page.hours_list
        if not session.by_appointment
    ]
    if hours:
        data["openingHoursSpecification"] = hours
    if page.accessibility_list:
        data["amenityFeature"] = [
            {"@type": "LocationFeatureSpecification", "name": feature.name, "value": True}
            for feature in page.accessibility_list
        ]
    # Safe inside <script>: <, > and & are escaped, so no sequence can close
    # the element, and the data is not HTML.
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES))  # noqa: S308
