// Every page feature, one line each; the content script runs them in this order.
import { explainDisabledControls } from './explain-disabled-controls';
import { inPageToolbar } from './in-page-toolbar';
import type { PageFeature } from './page-feature';

export const features: readonly PageFeature[] = [inPageToolbar, explainDisabledControls];
