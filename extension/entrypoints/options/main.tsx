import { render } from 'preact';
import { OptionsPage } from '../../components/options-page';
import './options.css';

// The extension's options page (WXT makes entrypoints/options/ the manifest's options_ui).
render(<OptionsPage />, document.getElementById('app')!);
