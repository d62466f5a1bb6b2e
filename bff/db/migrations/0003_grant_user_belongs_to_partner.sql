-- A grant is a partner's delegation to one of its own users: the user's home tenant is the partner.
CREATE TRIGGER `access_grants_user_of_partner_insert`
BEFORE INSERT ON `access_grants`
WHEN NEW.`partner_id` IS NOT (SELECT `home_tenant_id` FROM `users` WHERE `id` = NEW.`user_id`)
BEGIN
  SELECT RAISE(ABORT, 'access grant user must belong to the granting partner');
END;
--> statement-breakpoint
CREATE TRIGGER `access_grants_user_of_partner_update`
BEFORE UPDATE OF `user_id`, `partner_id` ON `access_grants`
WHEN NEW.`partner_id` IS NOT (SELECT `home_tenant_id` FROM `users` WHERE `id` = NEW.`user_id`)
BEGIN
  SELECT RAISE(ABORT, 'access grant user must belong to the granting partner');
END;
--> statement-breakpoint
CREATE TRIGGER `users_home_fixed_while_granted`
BEFORE UPDATE OF `home_tenant_id` ON `users`
WHEN NEW.`home_tenant_id` IS NOT OLD.`home_tenant_id`
  AND EXISTS (SELECT 1 FROM `access_grants` WHERE `user_id` = NEW.`id` AND `revoked_at` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'revoke the user''s access grants before moving them to another tenant');
END;
