"""The shared cache on Redis, where Redis being down is a miss, not an outage.

Sessions (``cached_db``) and chart results read the cache on every page; with Django's own
``RedisCache`` a stopped Redis turns every signed-in page, the sign-in page and signing in
into a 500. Here a Redis error is logged and answered as a miss (reads find nothing, writes
are dropped), so pages fall back on the database. After an error Redis is left alone for a
few seconds, so a page does not wait on a dead server once per cache call."""

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

RETRY_AFTER = 5  # seconds without trying Redis after it failed


def _miss_on_error(answer):
    """Run the method unless Redis failed lately; on a Redis error, log it and return
    ``answer(*args, **kwargs)``, what a cache without the key would have said."""

    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self.down_until:
                return answer(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except RedisError as exc:
                self.down_until = time.monotonic() + RETRY_AFTER
                log.warning("Cache unreachable, answered as a miss (%s): %s", method.__name__, exc)
                return answer(*args, **kwargs)

        return wrapper

    return decorate


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _default(key, default=None, version=None):
    return default


def _no_keys(keys, version=None):
    return {}


def _all_failed(data, *args, **kwargs):
    return list(data)


def _not_found(key, delta=1, version=None):
    raise ValueError(f"Key '{key}' not found")  # what BaseCache.incr says of a missing key


class ResilientRedisCache(RedisCache):
    down_until = 0.0

    add = _miss_on_error(_false)(RedisCache.add)
    get = _miss_on_error(_default)(RedisCache.get)
    set = _miss_on_error(_nothing)(RedisCache.set)
    touch = _miss_on_error(_false)(RedisCache.touch)
    delete = _miss_on_error(_false)(RedisCache.delete)
    get_many = _miss_on_error(_no_keys)(RedisCache.get_many)
    has_key = _miss_on_error(_false)(RedisCache.has_key)
    incr = _miss_on_error(_not_found)(RedisCache.incr)
    set_many = _miss_on_error(_all_failed)(RedisCache.set_many)
    delete_many = _miss_on_error(_nothing)(RedisCache.delete_many)
    clear = _miss_on_error(_false)(RedisCache.clear)

    def reachable(self) -> bool:
        """For /healthz: does Redis answer now (the back-off aside)?"""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except RedisError as exc:
            log.warning("Health check: cache unreachable: %s", exc)
            return False
