// The branding editor's asker: the core answers plus the editor's own (loaded by the editor page only).
import { coreResponseSchemas } from '../../shared/extension-messages-core';
import { brandingResponseSchemas } from '../../shared/branding-messages';
import { askerFor } from './messaging';

export const askBrandingEditor = askerFor({ ...coreResponseSchemas, ...brandingResponseSchemas });
