# gunicorn for the local Superset: loopback only, two workers, Superset's
# app factory with the superset_config.py beside this file.
import os

_here = os.path.dirname(os.path.abspath(__file__))

wsgi_app = "superset.app:create_app()"
bind = "${BIND_HOST}:${SUPERSET_PORT}"
workers = 2
worker_class = "gthread"
threads = 4
# Long dashboard queries; `scout stack down` waits 15 s before SIGKILL.
timeout = 120
graceful_timeout = 10
# Idle keep-alive connections stay open longer than clients keep them (Node's
# fetch drops its own after 4 s): with gunicorn's 2 s, the portal's requests
# met connections closed under them ("other side closed").
keepalive = 75
limit_request_line = 0
limit_request_field_size = 0
raw_env = [
    f"SUPERSET_CONFIG_PATH={_here}/superset_config.py",
    # Superset's home (DATA_DIR), instead of ~/.superset.
    f"SUPERSET_HOME={_here}/data",
]
