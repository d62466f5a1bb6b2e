import { render } from 'preact';
import { BrandingEditorPage } from '../../components/branding-editor-page';
import './branding.css';

// The branding editor, opened for a console tab as branding.html?tab=<id>&tenant=<id>.
render(<BrandingEditorPage />, document.getElementById('app')!);
