import { render } from 'preact';
import { AccessAdminPage } from '../../components/access-admin-page';
import './access.css';

// The extension page the background opens as access.html?tenant=<id>&view=<tab>.
render(<AccessAdminPage />, document.getElementById('app')!);
