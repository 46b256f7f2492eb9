from django.urls import path

from learning import check_views, resource_views

urlpatterns = [
    path("skills-check/", check_views.start, name="skills_check_start"),
    path("skills-check/result/", check_views.result, name="skills_check_result"),
    path(
        "skills-check/result/shortlist/",
        check_views.save_to_shortlist,
        name="skills_check_shortlist",
    ),
    path("skills-check/<slug:slug>/", check_views.step, name="skills_check_step"),
    path("learn-at-home/", resource_views.learn_at_home, name="learn_at_home"),
    path("learn-at-home/go/<int:pk>/", resource_views.go, name="learn_at_home_go"),
]
