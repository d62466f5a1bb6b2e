-- Rules the schema alone cannot state, kept by the database itself.

-- Seed 002 (IT-Conductor): a tenant's e-mail domain is unique (see the index) and cannot change once set.
CREATE TRIGGER `tenants_email_domain_immutable`
BEFORE UPDATE OF `email_domain` ON `tenants`
WHEN OLD.`email_domain` IS NOT NULL AND NEW.`email_domain` IS NOT OLD.`email_domain`
BEGIN
  SELECT RAISE(ABORT, 'email_domain is immutable once set');
END;
--> statement-breakpoint
-- A partner manages, and grants access to, only its own clients: the customer's parent. A revoked
-- grant brought back to life, or a removed relationship re-approved, must still meet that.
CREATE TRIGGER `access_grants_partner_is_parent_insert`
BEFORE INSERT ON `access_grants`
WHEN NEW.`partner_id` IS NOT (SELECT `parent_id` FROM `tenants` WHERE `id` = NEW.`customer_id`)
BEGIN
  SELECT RAISE(ABORT, 'access grant partner must be the customer''s parent');
END;
--> statement-breakpoint
CREATE TRIGGER `access_grants_partner_is_parent_update`
BEFORE UPDATE OF `partner_id`, `customer_id`, `revoked_at` ON `access_grants`
WHEN NEW.`revoked_at` IS NULL
  AND NEW.`partner_id` IS NOT (SELECT `parent_id` FROM `tenants` WHERE `id` = NEW.`customer_id`)
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
--> statement-breakpoint
CREATE TRIGGER `relationships_partner_is_parent_update`
BEFORE UPDATE OF `partner_id`, `customer_id`, `state` ON `relationships`
WHEN NEW.`state` <> 'removed'
  AND NEW.`partner_id` IS NOT (SELECT `parent_id` FROM `tenants` WHERE `id` = NEW.`customer_id`)
BEGIN
  SELECT RAISE(ABORT, 'relationship partner must be the customer''s parent');
END;
--> statement-breakpoint
-- A grant is a partner's delegation to one of its own users: the user's home tenant is the partner.
CREATE TRIGGER `access_grants_user_of_partner_insert`
BEFORE INSERT ON `access_grants`
WHEN NEW.`partner_id` IS NOT (SELECT `home_tenant_id` FROM `users` WHERE `id` = NEW.`user_id`)
BEGIN
  SELECT RAISE(ABORT, 'access grant user must belong to the granting partner');
END;
--> statement-breakpoint
CREATE TRIGGER `access_grants_user_of_partner_update`
BEFORE UPDATE OF `user_id`, `partner_id`, `revoked_at` ON `access_grants`
WHEN NEW.`revoked_at` IS NULL
  AND NEW.`partner_id` IS NOT (SELECT `home_tenant_id` FROM `users` WHERE `id` = NEW.`user_id`)
BEGIN
  SELECT RAISE(ABORT, 'access grant user must belong to the granting partner');
END;
--> statement-breakpoint
-- Nobody changes sides while still delegated: move a user or a client only once its grants (and,
-- for a client, its relationships) are gone.
CREATE TRIGGER `users_home_fixed_while_granted`
BEFORE UPDATE OF `home_tenant_id` ON `users`
WHEN NEW.`home_tenant_id` IS NOT OLD.`home_tenant_id`
  AND EXISTS (SELECT 1 FROM `access_grants` WHERE `user_id` = NEW.`id` AND `revoked_at` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'revoke the user''s access grants before moving them to another tenant');
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
