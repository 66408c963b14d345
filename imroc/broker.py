"""How long a request waits on the broker: connecting gives up within seconds and is retried
once, so queueing with Redis down costs a request a few seconds, not minutes."""

QUICK_RETRY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}


def transport_options(broker_url: str, *, timeout: int) -> dict:
    """The transport options for ``broker_url``: Redis gets socket timeouts; the embedded
    broker hands its options to SQLAlchemy, which knows no sockets, and there the web process
    and the worker write to one file, so a writer waits its turn instead of failing."""
    if broker_url.startswith(("redis://", "rediss://")):
        return QUICK_RETRY | {"socket_connect_timeout": timeout, "socket_timeout": 10}
    return QUICK_RETRY | {"connect_args": {"timeout": 30}}
