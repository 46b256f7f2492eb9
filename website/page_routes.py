"""How a page model reaches the code that answers its routes and prepares
its context, without importing it.

That code needs the app's forms, searches and notifications, and they
import the models: were a page model to import it, the modules would import
each other in a circle. So each app's AppConfig.ready() names the module
(`self.page_routes`), and a page asks its app for it when a request comes:
`page_routes("directory").report_problem(request, self)`. Only apps.py
imports that module; see docs/architecture.md."""

from django.apps import apps


def page_routes(app_label):
    """The module that app's AppConfig.ready() named for its pages."""
    return apps.get_app_config(app_label).page_routes
