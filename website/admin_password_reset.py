"""The admin's "forgotten password" form, limited: Wagtail's own view, but
each internet address may ask RESETS_PER_CLIENT times an hour (then it is
told to wait) and each email address gets at most RESETS_PER_ADDRESS reset
emails an hour, whoever asks (further requests look the same and send
nothing, so the form neither floods an inbox nor says who has an account)."""

from django.http import HttpResponseRedirect
from wagtail.admin.views.account import PasswordResetView

from website.form_protection import count_over_limit, counted_address

RESETS_PER_CLIENT = 5
RESETS_PER_ADDRESS = 3
HOUR = 3600
TOO_MANY = (
    "You have asked for a lot of password resets from this internet connection. "
    "Try again in an hour."
)


class LimitedPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        if count_over_limit(
            f"password-reset:{counted_address(self.request)}", RESETS_PER_CLIENT, HOUR
        ):
            form.add_error(None, TOO_MANY)
            return self.form_invalid(form)
        address = form.cleaned_data["email"].strip().lower()
        if count_over_limit(f"password-reset-to:{address}", RESETS_PER_ADDRESS, HOUR):
            return self.form_valid_without_sending()
        return super().form_valid(form)

    def form_valid_without_sending(self):
        return HttpResponseRedirect(self.get_success_url())
