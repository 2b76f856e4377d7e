"""The open data's limit on anonymous clients, counted as the public forms' limit is: per
client address behind the trusted proxies (va_conference/proxies.py), in the `rate_limits`
cache that every process and server shares.

A client's requests are counted in windows of the rate's period (a minute for "120/minute"),
in one round trip to Redis (va_conference/caching.py), rather than as DRF counts them: a list
of each request's time, read and written back for every request.
"""

import math
import time

from rest_framework.throttling import AnonRateThrottle

from va_conference import caching
from va_conference.proxies import client_key


class AnonymousClientThrottle(AnonRateThrottle):
    def allow_request(self, request, view):
        if self.rate is None:
            return True
        window = int(time.time() // self.duration)
        self.window_ends_at = (window + 1) * self.duration
        ident = f"{client_key(request)}:{window}"
        key = self.cache_format % {"scope": self.scope, "ident": ident}
        return caching.count(key, self.duration) <= self.num_requests

    def wait(self):
        """Seconds until the window ends, when the client may ask again."""
        return max(math.ceil(self.window_ends_at - time.time()), 1)
