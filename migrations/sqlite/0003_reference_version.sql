-- 0003 reference version: a number per operation that grows whenever its reference data changes
-- (the staff's names, roles and whether they are active; the member municipalities; the rules).
-- Every server instance keeps the reference data in memory and reads this one number to know
-- whether its copy is still current (services/internal/reference.cpp). Triggers, so that no
-- write can forget it.

ALTER TABLE operations ADD COLUMN reference_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER users_reference_insert AFTER INSERT ON users BEGIN
  UPDATE operations SET reference_version = reference_version + 1 WHERE id = NEW.operation_id;
END;
CREATE TRIGGER users_reference_update AFTER UPDATE OF operation_id, username, display_name, role, disabled ON users
BEGIN
  UPDATE operations SET reference_version = reference_version + 1 WHERE id IN (OLD.operation_id, NEW.operation_id);
END;
CREATE TRIGGER users_reference_delete AFTER DELETE ON users BEGIN
  UPDATE operations SET reference_version = reference_version + 1 WHERE id = OLD.operation_id;
END;

CREATE TRIGGER municipalities_reference_insert AFTER INSERT ON municipalities BEGIN
  UPDATE operations SET reference_version = reference_version + 1 WHERE id = NEW.operation_id;
END;
CREATE TRIGGER municipalities_reference_update AFTER UPDATE ON municipalities BEGIN
  UPDATE operations SET reference_version = reference_version + 1 WHERE id IN (OLD.operation_id, NEW.operation_id);
END;
CREATE TRIGGER municipalities_reference_delete AFTER DELETE ON municipalities BEGIN
  UPDATE operations SET reference_version = reference_version + 1 WHERE id = OLD.operation_id;
END;

CREATE TRIGGER operation_configs_reference_insert AFTER INSERT ON operation_configs BEGIN
  UPDATE operations SET reference_version = reference_version + 1 WHERE id = NEW.operation_id;
END;
CREATE TRIGGER operation_configs_reference_update AFTER UPDATE ON operation_configs BEGIN
  UPDATE operations SET reference_version = reference_version + 1 WHERE id IN (OLD.operation_id, NEW.operation_id);
END;
CREATE TRIGGER operation_configs_reference_delete AFTER DELETE ON operation_configs BEGIN
  UPDATE operations SET reference_version = reference_version + 1 WHERE id = OLD.operation_id;
END;
