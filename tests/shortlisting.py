"""Pressing a shortlist button, as the browser sends it: to
/shortlist/change/, with this site as its Origin."""

ORIGIN = "http://testserver"


def press(client, page_pk, action="add", next_url=None, origin=ORIGIN):
    data = {"page": page_pk, "action": action}
    if next_url is not None:
        data["next"] = next_url
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return client.post("/shortlist/change/", data, **headers)
