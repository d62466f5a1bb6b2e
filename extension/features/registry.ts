// Every page feature, one line each; the content script runs them in this order.
import { brandingPreview } from './branding-preview';
import { explainDisabledControls } from './explain-disabled-controls';
import { inPageToolbar } from './in-page-toolbar';
import type { PageFeature } from './page-feature';

export const features: readonly PageFeature[] = [inPageToolbar, explainDisabledControls, brandingPreview];
