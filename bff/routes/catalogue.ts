// GET /v1/catalogue: the product packages, add-ons, permission sets and roles (static, public).
import { Hono } from 'hono';
import { ADDONS, ADDON_IDS, BASE_PACKAGE, PACKAGES, PACKAGE_IDS, PERMISSIONS, PERMISSION_SETS, PERMISSION_SET_IDS, ROLES, ROLE_IDS } from '../../shared/catalogue';
import type { CatalogueResponse } from '../../shared/catalogue-response';

const catalogue: CatalogueResponse = {
  packages: PACKAGE_IDS.map((id) => ({ id, name: PACKAGES[id].name, always_on: id === BASE_PACKAGE })),
  addons: ADDON_IDS.map((id) => ({ id, name: ADDONS[id].name, package: ADDONS[id].package })),
  permission_sets: PERMISSION_SET_IDS.map((id) => ({
    id,
    name: PERMISSION_SETS[id].name,
    scope: PERMISSION_SETS[id].scope,
    package: PERMISSION_SETS[id].package,
    permissions: [...PERMISSIONS.values()].filter((p) => p.set === id).map((p) => p.id),
  })),
  roles: ROLE_IDS.map((id) => ({ id, name: ROLES[id].name, scope: ROLES[id].scope, permissions: [...ROLES[id].permissions] })),
};

export const catalogueRoutes = () => new Hono().get('/', (c) => c.json(catalogue, 200));
