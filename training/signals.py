"""Signals other apps listen to. The champions register moves a volunteer
to "trained" when they complete a course marked as champion training."""

from django.dispatch import Signal

# Sent when a provider marks a booking completed, inside the transaction
# that records it. Arguments: booking (training.models.Booking), with
# booking.session.page the CoursePage and booking.email the person's email;
# user, the admin user who marked it (or None).
course_completed = Signal()
