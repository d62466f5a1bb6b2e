-- A new tenant moves everyone's context version: answers kept per (user, tenant) include "no such
-- tenant" (bff/db/caller-access-reads.ts keeps a missing tenant as it keeps a foreign one, so that
-- neither answers faster), and a tenant created afterwards must not stay missing.
CREATE TRIGGER `context_versions_tenant_insert` AFTER INSERT ON `tenants`
BEGIN
  INSERT INTO `context_versions` (`scope`, `version`) VALUES ('*', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
