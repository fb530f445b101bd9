-- The edge functions write as service_role, as they do on Supabase, where that
-- role bypasses row-level security. It must: PostgreSQL refuses COPY FROM into
-- a table to any role that RLS applies to, whatever the policies say, and the
-- ingest path COPYs its batches into bronze. Changing the attribute needs a
-- superuser; a database whose service_role already has it (Supabase) skips it.
do $$
begin
  if not (select rolbypassrls from pg_roles where rolname = 'service_role') then
    alter role service_role bypassrls;
  end if;
end
$$;
