-- A partner manages, and grants access to, only its own clients: the customer's parent.
CREATE TRIGGER `access_grants_partner_is_parent_insert`
BEFORE INSERT ON `access_grants`
WHEN NEW.`partner_id` IS NOT (SELECT `parent_id` FROM `tenants` WHERE `id` = NEW.`customer_id`)
BEGIN
  SELECT RAISE(ABORT, 'access grant partner must be the customer''s parent');
END;
--> statement-breakpoint
CREATE TRIGGER `access_grants_partner_is_parent_update`
BEFORE UPDATE OF `partner_id`, `customer_id` ON `access_grants`
WHEN NEW.`partner_id` IS NOT (SELECT `parent_id` FROM `tenants` WHERE `id` = NEW.`customer_id`)
BEGIN
  SELECT RAISE(ABORT, 'access grant partner must be the customer''s parent');
END;
--> statement-breakpoint
CREATE TRIGGER `relationships_partner_is_parent_insert`
BEFORE INSERT ON `relationships`
WHEN NEW.`partner_id` IS NOT (SELECT `parent_id` FROM `tenants` WHERE `id` = NEW.`customer_id`)
BEGIN
  SELECT RAISE(ABORT, 'relationship partner must be the customer''s parent');
END;
