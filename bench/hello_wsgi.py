"""The yardstick of the benchmarks: Django answering one plain-text line, with the middleware a
new project starts with, DEBUG off and no database query. The benchmarks serve it as they serve
the app (`gunicorn --workers 2 hello_wsgi:application`, from this folder) and give each figure as
a share of its requests per second, since absolute figures vary from one machine and one moment
to the next."""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="only-for-the-benchmark-yardstick",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    USE_TZ=True,
    INSTALLED_APPS=[
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.messages",
        "django.contrib.sessions",
    ],
    # As `startproject` writes them.
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
)
django.setup()


def hello(request):
    return HttpResponse("Hello, world!\n", content_type="text/plain")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
