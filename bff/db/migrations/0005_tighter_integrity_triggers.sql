-- Close the gaps around migrations 0002 and 0003: a grant brought back to life must still be a
-- delegation to the partner's own user; a relationship cannot be re-pointed; a tenant with live
-- grants or relationships cannot be moved under another parent.
DROP TRIGGER `access_grants_user_of_partner_update`;
--> statement-breakpoint
CREATE TRIGGER `access_grants_user_of_partner_update`
BEFORE UPDATE OF `user_id`, `partner_id`, `revoked_at` ON `access_grants`
WHEN NEW.`revoked_at` IS NULL
  AND NEW.`partner_id` IS NOT (SELECT `home_tenant_id` FROM `users` WHERE `id` = NEW.`user_id`)
BEGIN
  SELECT RAISE(ABORT, 'access grant user must belong to the granting partner');
END;
--> statement-breakpoint
CREATE TRIGGER `relationships_partner_is_parent_update`
BEFORE UPDATE OF `partner_id`, `customer_id` ON `relationships`
WHEN NEW.`partner_id` IS NOT (SELECT `parent_id` FROM `tenants` WHERE `id` = NEW.`customer_id`)
BEGIN
  SELECT RAISE(ABORT, 'relationship partner must be the customer''s parent');
END;
--> statement-breakpoint
CREATE TRIGGER `tenants_parent_fixed_while_managed`
BEFORE UPDATE OF `parent_id` ON `tenants`
WHEN NEW.`parent_id` IS NOT OLD.`parent_id`
  AND (EXISTS (SELECT 1 FROM `access_grants` WHERE `customer_id` = NEW.`id` AND `revoked_at` IS NULL)
    OR EXISTS (SELECT 1 FROM `relationships` WHERE `customer_id` = NEW.`id` AND `state` <> 'removed'))
BEGIN
  SELECT RAISE(ABORT, 'remove the tenant''s relationships and grants before moving it to another parent');
END;
