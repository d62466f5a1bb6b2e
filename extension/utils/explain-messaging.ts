// The asker of the "why?" popover and the entitlements page: the core answers plus explain and entitlements.
import { coreResponseSchemas } from '../../shared/extension-messages-core';
import { explainResponseSchemas } from '../../shared/access-explain-messages';
import { askerFor } from './messaging';

export const askExplain = askerFor({ ...coreResponseSchemas, ...explainResponseSchemas });
