"""One narrow row per place the directory lists (live and public), holding
only what a search within a radius filters and orders on.

At 100,000 listings a postcode search with a service and an access feature
read 60,000 service links, checked 30,000 access links and joined 20,000
pages: 190 ms of PostgreSQL before a single result was shown. The same
search over these rows reads one narrow table, the services and features
held inline as text (",3,7,": ids between commas, matched with LIKE), and
takes about 40 ms. directory/place_rows.py keeps the rows in step with the
pages; directory/nearest.py searches them."""

from django.db import models


class PlaceRow(models.Model):
    page = models.OneToOneField(
        "directory.AccessPointPage",
        primary_key=True,
        on_delete=models.CASCADE,
        # A course's session reaches its venue's point as
        # venue__search_row__latitude (training/nearest_courses.py).
        related_name="search_row",
    )
    title = models.CharField(max_length=255)
    # The title as Python lowers it, which the database orders by code
    # point (directory/title_order.py): the order a results page without a
    # postcode or words shows.
    sort_title = models.CharField(max_length=255, default="")
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    hide_address = models.BooleanField(default=False)
    postcode = models.CharField(max_length=8)
    show_from = models.DateField(null=True)
    show_until = models.DateField(null=True)
    cost = models.CharField(max_length=20)
    temporarily_closed = models.BooleanField(default=False)
    # Ids of the place's service types and accessibility features, each
    # between commas: ",3,7," (",": none).
    service_ids = models.TextField(default=",")
    feature_ids = models.TextField(default=",")

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self):
        return self.title
