# Apache Superset 6.1 for the local stack: the portal embeds its dashboards
# (EMBEDDED_SUPERSET, guest tokens). Loaded through SUPERSET_CONFIG_PATH by
# gunicorn (gunicorn.conf.py) and by `scout stack up`'s initialisation. Each
# string placeholder is rendered as a Python string literal, quotes included.
# The secrets come from SCOUT_SUPERSET_* and default to development values
# that production must not use. No Redis and no Celery: caches live in each
# process, on disk beside this file, or in the metadata database.
import os

# Its metadata database, on the stack's PostgreSQL (created if missing).
SQLALCHEMY_DATABASE_URI = ${SUPERSET_DATABASE_URI}

# Signs sessions and encrypts the database passwords Superset stores.
SECRET_KEY = ${SUPERSET_SECRET_KEY}

FEATURE_FLAGS = {"EMBEDDED_SUPERSET": True}

# Guest tokens (POST /api/v1/security/guest_token/, by the service account)
# act as this role, a copy of Gamma's read permissions made at
# initialisation; the default, the empty Public role, shows nothing.
GUEST_ROLE_NAME = ${SUPERSET_GUEST_ROLE}
GUEST_TOKEN_JWT_SECRET = ${SUPERSET_GUEST_TOKEN_SECRET}

# The portal's origins (app.baseUrl and backend.baseUrl), space-separated:
# the only pages that may frame Superset or call it from a browser.
PORTAL_ORIGINS = ${SUPERSET_PORTAL_ORIGINS}.split()

ENABLE_CORS = True
CORS_OPTIONS = {
    "origins": PORTAL_ORIGINS,
    "supports_credentials": True,
    "allow_headers": ["*"],
    "resources": ["/api/*"],
}

# Superset's own Content-Security-Policy (6.1's TALISMAN_CONFIG without the
# third-party map, font and telemetry hosts), plus frame-ancestors. CSP's
# frame-ancestors replaces X-Frame-Options, whose SAMEORIGIN default would
# refuse every embedding.
TALISMAN_ENABLED = True
TALISMAN_CONFIG = {
    "content_security_policy": {
        "base-uri": ["'self'"],
        "default-src": ["'self'"],
        "img-src": ["'self'", "blob:", "data:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "object-src": "'none'",
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'"],
        "script-src": ["'self'", "'strict-dynamic'"],
        "frame-ancestors": ["'self'", *PORTAL_ORIGINS],
    },
    "content_security_policy_nonce_in": ["script-src"],
    "frame_options": None,
    "force_https": False,
    "session_cookie_secure": False,
}

# Metadata caches live in each gunicorn worker's memory. Chart data is kept
# on disk beside this file, shared by both workers: a dashboard opened again
# within 5 minutes (by anyone with the same row-level security) reads no
# lakehouse. Dashboard filter state and explore form data stay in the
# metadata database (Superset's default). No Redis.
CACHE_CONFIG = {
    "CACHE_TYPE": "SimpleCache",
    "CACHE_KEY_PREFIX": "superset_",
    "CACHE_DEFAULT_TIMEOUT": 300,
}
DATA_CACHE_CONFIG = {
    "CACHE_TYPE": "FileSystemCache",
    "CACHE_DIR": os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "chart-cache"),
    "CACHE_KEY_PREFIX": "superset_data_",
    "CACHE_DEFAULT_TIMEOUT": 300,
}
THUMBNAIL_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}

# Sign-in rate limits count in each process's memory.
RATELIMIT_STORAGE_URI = "memory://"

# Its home and uploads beside this file (.scout/stack/superset), not in the
# venv or ~/.superset.
DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
UPLOAD_FOLDER = os.path.join(DATA_DIR, "uploads", "")
IMG_UPLOAD_FOLDER = UPLOAD_FOLDER

SUPERSET_WEBSERVER_PORT = ${SUPERSET_PORT}
ROW_LIMIT = 5000
SHOW_STACKTRACE = False

# Superset's frontend (about 40 files and 8 MB of script for one embedded
# dashboard) leaves uncompressed: Flask-Compress would compress it again on
# every request, in the worker's Python process, and this Superset is
# reached over loopback. JSON answers are still compressed.
COMPRESS_STREAMS = False
