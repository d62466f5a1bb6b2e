-- Seed 002 (IT-Conductor): a tenant's e-mail domain is unique and cannot change once set.
CREATE TRIGGER `tenants_email_domain_immutable`
BEFORE UPDATE OF `email_domain` ON `tenants`
WHEN OLD.`email_domain` IS NOT NULL AND NEW.`email_domain` IS NOT OLD.`email_domain`
BEGIN
  SELECT RAISE(ABORT, 'email_domain is immutable once set');
END;
