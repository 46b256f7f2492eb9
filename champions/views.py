"""The public sign-up: parse the request with the form, call signup.py,
send the emails, show the confirmation."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from website import site_address
from website.consent import privacy_notice_url
from website.database_faults import DATABASE_UNAVAILABLE, NOT_SAVED, NOT_SAVED_STATUS
from website.form_protection import count_over_limit, over_limit
from website.models import BrandSettings

from . import notifications
from .forms import ChampionSignUpForm
from .links import LinkExpired, champion_from_token, update_details_path
from .signup import current_answers, sign_up, update_details

# Sign-ups one internet address may send in an hour: enough for a
# recruitment event on shared wifi, too few for a flood.
SIGN_UPS_PER_HOUR = 20
TOO_MANY = (
    "Sorry, we have had a lot of sign-ups from your internet connection in the last hour. "
    "Please try again in an hour. Nothing you typed has been lost."
)
OUTCOME = "champions_sign_up"
# Links to change one volunteer's details, however many people sign up with
# their address: enough for a lost email, too few to fill an inbox.
LINKS_PER_DAY = 3


@never_cache
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
                _tell(request, result)
                # The same answer whether or not the address was registered.
                request.session[OUTCOME] = "new"
                return redirect("champions:join_done")
    else:
        form = ChampionSignUpForm(privacy_url=privacy_url)
    return TemplateResponse(request, "champions/join.html", {"form": form}, status=status)


def _tell(request, result):
    brand = BrandSettings.for_request(request)
    partnership = brand.partnership_name
    champion = result.champion
    if not result.already_registered:
        notifications.thank_volunteer(result, partnership, brand.contact_email)
        notifications.text_volunteer(result, partnership)
        notifications.tell_coordinators_and_host(result)
    elif not count_over_limit(f"champion-link:{champion.pk}", LINKS_PER_DAY, 24 * 3600):
        url = site_address.absolute(update_details_path(champion))
        notifications.already_registered(champion, partnership, url)


@never_cache
def update_details_view(request, token):
    """The volunteer's own form, reached by the link emailed to them: their
    current details to change, the email address fixed."""
    try:
        champion = champion_from_token(token)
    except LinkExpired:
        return _bad_link(request, expired=True)
    if champion is None:
        return _bad_link(request, expired=False)
    privacy_url = privacy_notice_url(request)
    initial = current_answers(champion)
    status = 200
    if request.method == "POST":
        form = ChampionSignUpForm(
            request.POST, initial=initial, privacy_url=privacy_url, for_update=True
        )
        if form.is_valid():
            try:
                update_details(champion, form.cleaned_data, form.consent_text)
            except DATABASE_UNAVAILABLE:
                form.add_error(None, NOT_SAVED)
                status = NOT_SAVED_STATUS
            else:
                notifications.details_changed(champion)
                request.session[OUTCOME] = "updated"
                return redirect("champions:join_done")
    else:
        form = ChampionSignUpForm(initial=initial, privacy_url=privacy_url, for_update=True)
    return TemplateResponse(request, "champions/update_details.html", {"form": form}, status=status)


def _bad_link(request, expired):
    return TemplateResponse(
        request,
        "champions/bad_link.html",
        {"expired": expired},
        status=410 if expired else 404,
    )


def join_done(request):
    outcome = request.session.pop(OUTCOME, "")
    return TemplateResponse(request, "champions/join_done.html", {"updated": outcome == "updated"})
