"""The open data's limit on anonymous clients, counted as the public forms' limit is: per
client address behind the trusted proxies (va_conference/proxies.py), in the `rate_limits`
cache that every process and server shares."""

from rest_framework.throttling import AnonRateThrottle

from va_conference.caching import counting_cache
from va_conference.proxies import client_key


class AnonymousClientThrottle(AnonRateThrottle):
    # Rather than DRF's NUM_PROXIES, our one reading of X-Forwarded-For; rather than the
    # default cache, the rate limits' own, or each process's own while Redis does not answer
    # (a property, as DRF's documentation sets `cache`, read when a request comes rather than
    # when DRF is imported).
    @property
    def cache(self):
        return counting_cache()

    def get_ident(self, request):
        return client_key(request)
