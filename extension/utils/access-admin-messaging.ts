// The access view's asker: the core answers plus the access-admin ones (loaded by the access page only).
import { coreResponseSchemas } from '../../shared/extension-messages-core';
import { accessAdminResponseSchemas } from '../../shared/access-admin-messages';
import { askerFor } from './messaging';

export const askAccessAdmin = askerFor({ ...coreResponseSchemas, ...accessAdminResponseSchemas });
