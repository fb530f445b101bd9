-- The three API roles, named as Supabase names them. Roles belong to the whole
-- cluster, so another database (or a parallel test run) may already have
-- created them: creating one that exists is not an error here.
do $$
declare
  role_name text;
begin
  foreach role_name in array array['anon', 'authenticated', 'service_role'] loop
    begin
      execute format('create role %I nologin', role_name);
    exception
      -- unique_violation: two sessions created the same role at the same time.
      when duplicate_object or unique_violation then null;
    end;
  end loop;
end
$$;
