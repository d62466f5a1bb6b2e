CREATE TABLE `context_versions` (
	`scope` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `access_grants_user_customer_idx` ON `access_grants` (`user_id`,`customer_id`);--> statement-breakpoint
-- Every write that can change what GET /v1/me/context answers bumps a context version, so a cached
-- context (bff/db/context-versions.ts) is known fresh with one point read, whichever process or
-- code path wrote. Per user: their grants, recents, membership and own row. For everyone ('*'):
-- tenants (a customer's name or status, a home tenant) and relationships.
CREATE TRIGGER `context_versions_grant_insert` AFTER INSERT ON `access_grants`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_grant_update` AFTER UPDATE ON `access_grants`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `context_versions` (`scope`, `version`) SELECT OLD.`user_id`, 1 WHERE OLD.`user_id` IS NOT NEW.`user_id` ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_grant_delete` AFTER DELETE ON `access_grants`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_recent_insert` AFTER INSERT ON `recents`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_recent_update` AFTER UPDATE ON `recents`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_recent_delete` AFTER DELETE ON `recents`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_user_update` AFTER UPDATE ON `users`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES (NEW.`id`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_membership_insert` AFTER INSERT ON `memberships`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_membership_update` AFTER UPDATE ON `memberships`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_membership_delete` AFTER DELETE ON `memberships`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_tenant_update` AFTER UPDATE ON `tenants`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_relationship_insert` AFTER INSERT ON `relationships`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_relationship_update` AFTER UPDATE ON `relationships`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_relationship_delete` AFTER DELETE ON `relationships`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
-- Tenant chains with their subscriptions are cached by the '*' version too (bff/db/tenants.ts).
CREATE TRIGGER `context_versions_tenant_delete` AFTER DELETE ON `tenants`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_package_insert` AFTER INSERT ON `tenant_packages`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_package_update` AFTER UPDATE ON `tenant_packages`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_package_delete` AFTER DELETE ON `tenant_packages`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_addon_insert` AFTER INSERT ON `tenant_addons`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_addon_update` AFTER UPDATE ON `tenant_addons`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `context_versions_addon_delete` AFTER DELETE ON `tenant_addons`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
