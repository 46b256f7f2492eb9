from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Partnership website"

    def ready(self):
        from website import chrome, page_cache_receivers

        chrome.connect()
        page_cache_receivers.connect()

    # Data protection hooks (see website/personal_data.py): the emails in the
    # outbox addressed to the person.

    def personal_data(self, email):
        from website import outbox

        return [
            {
                "record": "Email",
                "subject": message.subject,
                "status": message.get_status_display(),
                "created": message.created_at,
                "sent": message.sent_at or "",
            }
            for message in outbox.addressed_to(email)
        ]

    def erase_personal_data(self, email):
        from website import outbox

        deleted, _ = outbox.addressed_to(email).delete()
        return deleted
