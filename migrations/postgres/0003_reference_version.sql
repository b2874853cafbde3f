-- 0003 reference version: a number per operation that grows whenever its reference data changes
-- (the staff's names, roles and whether they are active; the member municipalities; the rules).
-- Every server instance keeps the reference data in memory and reads this one number to know
-- whether its copy is still current (services/internal/reference.cpp). Triggers, so that no
-- write can forget it.

ALTER TABLE operations ADD COLUMN reference_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION bump_reference_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE operations SET reference_version = reference_version + 1 WHERE id = NEW.operation_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE operations SET reference_version = reference_version + 1 WHERE id = OLD.operation_id;
  ELSE
    UPDATE operations SET reference_version = reference_version + 1
      WHERE id = OLD.operation_id OR id = NEW.operation_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER users_reference AFTER INSERT OR DELETE OR UPDATE OF operation_id, username, display_name, role, disabled
  ON users FOR EACH ROW EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER municipalities_reference AFTER INSERT OR UPDATE OR DELETE
  ON municipalities FOR EACH ROW EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER operation_configs_reference AFTER INSERT OR UPDATE OR DELETE
  ON operation_configs FOR EACH ROW EXECUTE FUNCTION bump_reference_version();
