"""The public sign-up: parse the request with the form, call signup.py,
send the emails, show the confirmation."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse

from website.consent import privacy_notice_url
from website.database_faults import DATABASE_UNAVAILABLE, NOT_SAVED, NOT_SAVED_STATUS
from website.form_protection import over_limit
from website.models import BrandSettings

from . import notifications
from .forms import ChampionSignUpForm
from .signup import sign_up

# Sign-ups one internet address may send in an hour: enough for a
# recruitment event on shared wifi, too few for a flood.
SIGN_UPS_PER_HOUR = 20
TOO_MANY = (
    "Sorry, we have had a lot of sign-ups from your internet connection in the last hour. "
    "Please try again in an hour. Nothing you typed has been lost."
)
OUTCOME = "champions_sign_up"


def join(request):
    privacy_url = privacy_notice_url(request)
    status = 200
    if request.method == "POST":
        form = ChampionSignUpForm(request.POST, privacy_url=privacy_url)
        if over_limit(request, "champion-sign-up", SIGN_UPS_PER_HOUR, window_seconds=3600):
            form.add_error(None, TOO_MANY)
        elif form.is_valid():
            try:
                result = sign_up(form.cleaned_data, form.consent_text)
            except DATABASE_UNAVAILABLE:
                form.add_error(None, NOT_SAVED)
                status = NOT_SAVED_STATUS
            else:
                partnership = BrandSettings.for_request(request).partnership_name
                notifications.thank_volunteer(result, partnership)
                notifications.tell_coordinators_and_host(result)
                request.session[OUTCOME] = "updated" if result.updated else "new"
                return redirect("champions:join_done")
    else:
        form = ChampionSignUpForm(privacy_url=privacy_url)
    return TemplateResponse(request, "champions/join.html", {"form": form}, status=status)


def join_done(request):
    outcome = request.session.pop(OUTCOME, "")
    return TemplateResponse(request, "champions/join_done.html", {"updated": outcome == "updated"})
