from .pages import EventIndexPage, EventPage

__all__ = ["EventIndexPage", "EventPage"]
