-- A grant brought back to life, or a relationship re-approved, must still come from the customer's
-- parent (migration 0005 checked only the grantee's side).
DROP TRIGGER `access_grants_partner_is_parent_update`;
--> statement-breakpoint
CREATE TRIGGER `access_grants_partner_is_parent_update`
BEFORE UPDATE OF `partner_id`, `customer_id`, `revoked_at` ON `access_grants`
WHEN NEW.`revoked_at` IS NULL
  AND NEW.`partner_id` IS NOT (SELECT `parent_id` FROM `tenants` WHERE `id` = NEW.`customer_id`)
BEGIN
  SELECT RAISE(ABORT, 'access grant partner must be the customer''s parent');
END;
--> statement-breakpoint
DROP TRIGGER `relationships_partner_is_parent_update`;
--> statement-breakpoint
CREATE TRIGGER `relationships_partner_is_parent_update`
BEFORE UPDATE OF `partner_id`, `customer_id`, `state` ON `relationships`
WHEN NEW.`state` <> 'removed'
  AND NEW.`partner_id` IS NOT (SELECT `parent_id` FROM `tenants` WHERE `id` = NEW.`customer_id`)
BEGIN
  SELECT RAISE(ABORT, 'relationship partner must be the customer''s parent');
END;
