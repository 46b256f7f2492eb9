from django.urls import path

from . import skills_views, views

urlpatterns = [
    path("", views.start, name="referral_start"),
    path("no-consent/", views.no_consent, name="referral_no_consent"),
    path("details/", views.details, name="referral_details"),
    path("skills-check/", skills_views.first_step, name="referral_skills_check"),
    path("skills-check/<slug:slug>/", skills_views.step, name="referral_skills_step"),
    path("check/", views.check, name="referral_check"),
    path("done/", views.done, name="referral_done"),
    path("next-steps/", views.next_steps, name="referral_next_steps"),
    path("sheet/<str:token>/", views.next_steps_by_link, name="referral_sheet_by_link"),
]
