"""The local Superset's metadata database, service account and guest role.

Run by `scout stack up superset` with the venv's Python, SUPERSET_CONFIG_PATH
naming the rendered superset_config.py, and the service account in
SCOUT_SUPERSET_USERNAME and SCOUT_SUPERSET_PASSWORD (the environment, so the
password never shows in a process list).

  bootstrap.py state  creates the metadata database if it is missing; prints
                      {"created", "revision", "admin", "guestRole"} as JSON
                      (plain SQL, no Superset import: about 0.1 s)
  bootstrap.py init   what `superset db upgrade`, `superset fab create-admin`
                      and `superset init` do, in one process, then makes the
                      guest role a copy of Gamma; prints {"revision"}.
                      Idempotent: an existing account gets the password again.
"""

import importlib.util
import json
import os
import sys


def load_config():
    spec = importlib.util.spec_from_file_location(
        "superset_config", os.environ["SUPERSET_CONFIG_PATH"]
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def connect(url, database=None):
    import psycopg2
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return psycopg2.connect(
        host=u.host,
        port=u.port,
        user=u.username,
        password=u.password,
        dbname=database or u.database,
        connect_timeout=10,
    )


def state():
    config = load_config()
    url = config.SQLALCHEMY_DATABASE_URI
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    server = connect(url, "postgres")
    server.autocommit = True
    with server.cursor() as cur:
        cur.execute("select 1 from pg_database where datname = %s", (name,))
        created = cur.fetchone() is None
        if created:
            # An identifier, not a value: quoted by PostgreSQL's rules.
            cur.execute('create database "%s"' % name.replace('"', '""'))
    server.close()

    found = {"created": created, "revision": None, "admin": False, "guestRole": False}
    db = connect(url)
    with db.cursor() as cur:
        cur.execute("select to_regclass('public.alembic_version') is not null")
        if cur.fetchone()[0]:
            cur.execute("select version_num from alembic_version")
            row = cur.fetchone()
            found["revision"] = row[0] if row else None
        cur.execute("select to_regclass('public.ab_user') is not null")
        if cur.fetchone()[0]:
            cur.execute(
                "select 1 from ab_user u join ab_user_role ur on ur.user_id = u.id"
                " join ab_role r on r.id = ur.role_id"
                " where u.username = %s and r.name = 'Admin' and u.active",
                (os.environ["SCOUT_SUPERSET_USERNAME"],),
            )
            found["admin"] = cur.fetchone() is not None
            cur.execute(
                "select count(*) from ab_role r join ab_permission_view_role pr"
                " on pr.role_id = r.id where r.name = %s",
                (config.GUEST_ROLE_NAME,),
            )
            found["guestRole"] = cur.fetchone()[0] > 0
    db.close()
    return found


def init():
    from superset.app import create_app

    app = create_app()
    with app.app_context():
        from flask_migrate import upgrade
        from superset import appbuilder, security_manager
        from superset.extensions import db

        # superset db upgrade
        upgrade()
        # superset init
        appbuilder.add_permissions(update_perms=True)
        security_manager.sync_role_definitions()
        # superset fab create-admin, or its password again
        username = os.environ["SCOUT_SUPERSET_USERNAME"]
        password = os.environ["SCOUT_SUPERSET_PASSWORD"]
        admin = security_manager.find_role("Admin")
        user = security_manager.find_user(username=username)
        if user is None:
            created = security_manager.add_user(
                username,
                "Scout",
                "Portal",
                f"{username}@localhost",
                admin,
                password,
            )
            if not created:
                raise SystemExit(f"could not create the Superset user {username}")
        else:
            security_manager.reset_password(user.id, password)
            if admin not in user.roles:
                user.roles.append(admin)
            user.active = True
        # The guest role: Gamma's read permissions, keeping the data access
        # already granted to it.
        security_manager.copy_role(
            "Gamma", app.config["GUEST_ROLE_NAME"], merge=True
        )
        db.session.commit()
        revision = db.session.execute(
            db.text("select version_num from alembic_version")
        ).scalar()
    return {"revision": revision}


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "state":
        print(json.dumps(state()))
    elif command == "init":
        result = init()
        # After Superset's own log lines: the last line is ours.
        print(json.dumps(result))
    else:
        raise SystemExit("usage: bootstrap.py state|init")
