// @vitest-environment node
// The editor against the real BFF in-process, its requests answered as the background answers them
// (brandingQueries with the signed-in user's token). Runs in Node with happy-dom installed after the
// BFF is up, for the reason given in entitlements-page.test.tsx.
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/preact';
import { Window } from 'happy-dom';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { populateGlobal } from 'vitest/runtime';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BrandingPreview } from '../../shared/branding-messages';
import { backgroundRequestSchema, type BackgroundRequest } from '../../shared/extension-messages';
import { sessionResponseSchema } from '../../shared/session';
import { brandingQueries } from '../background/branding-queries';
import { DEMO_PASSWORD, startBffWorld, type BffWorld } from '../test-support/bff-world';
import { askBrandingEditor as askBackground } from '../utils/branding-messaging';
import { BrandingEditorPage } from './branding-editor-page';

let w: BffWorld;
let screen: ReturnType<typeof within>;
let removeDom: () => Promise<void>;
beforeAll(async () => {
  w = await startBffWorld();
  const win = new Window({ url: 'http://localhost:3000/branding.html' });
  const node = { FormData, File, Blob };
  const { keys, originals } = populateGlobal(globalThis, win, { bindFunctions: true });
  // Uploads cross Node's fetch to the in-process BFF: keep Node's multipart types for them.
  Object.assign(globalThis, node);
  removeDom = async () => {
    await win.happyDOM.abort();
    for (const key of keys) delete (globalThis as Record<string, unknown>)[key];
    originals.forEach((value, key) => ((globalThis as Record<string | symbol, unknown>)[key] = value));
  };
  screen = within(document.body);
});
afterEach(cleanup);
afterAll(async () => {
  await removeDom();
  await w.world.close();
});

async function tokenOf(email: string) {
  const response = await w.bff.v1.session.$post({ json: { email, password: DEMO_PASSWORD } });
  return sessionResponseSchema.parse(await response.json()).session_token;
}

async function open(email: string) {
  const token = await tokenOf(email);
  const q = brandingQueries(w.bff);
  const asked: BackgroundRequest[] = [];
  const previews: BrandingPreview[] = [];
  const sendMessage = async (message: unknown) => {
    const r = backgroundRequestSchema.parse(message);
    asked.push(r);
    switch (r.type) {
      case 'branding.preview':
        return previews.push(r.preview), { ok: true };
      case 'branding.view':
        return q.view(token, r.tenantId);
      case 'branding.image':
        return q.image(token, r.tenantId, r.imageId);
      case 'branding.upload':
        return q.upload(token, r.tenantId, r.field, r.fileName, r.base64);
      case 'branding.saveDraft':
        return q.saveDraft(token, r.tenantId, r.baseVersion, r.values);
      case 'branding.changes':
        return q.changes(token, r.tenantId, r.version);
      case 'branding.publish':
        return q.publish(token, r.tenantId, r.expectedVersion);
      default:
        throw new Error(`the editor should not ask ${r.type}`);
    }
  };
  const runtime = { id: fakeBrowser.runtime.id, onMessage: fakeBrowser.runtime.onMessage, sendMessage } as unknown as Parameters<typeof askBackground>[1];
  const ports: { name: string; open: boolean }[] = [];
  const connect = (name: string) => {
    const port = { name, open: true };
    ports.push(port);
    return { disconnect: () => (port.open = false) };
  };
  render(<BrandingEditorPage search="?tab=42&tenant=t_acme" ask={(request) => askBackground(request, runtime)} connect={connect} />);
  await screen.findByRole('heading', { level: 1, name: 'Branding of Acme Retail' });
  return { asked, previews, ports };
}

const textbox = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const fileOf = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);
const png = (width: number, height: number) => {
  const image = new PNG({ width, height });
  image.data.fill(90);
  return new Uint8Array(PNG.sync.write(image));
};

describe('the branding editor', () => {
  it('previews every edit on its tab while open, refuses bad files before upload, and publishes after review', async () => {
    const { asked, previews, ports } = await open('admin@contoso-msp.example');
    await waitFor(() => expect(ports).toEqual([{ name: 'branding-preview:42', open: true }]));
    fireEvent.input(textbox('Website title'), { target: { value: 'Acme Store Ops' } });
    await waitFor(() => expect(previews.at(-1)?.look.website_title).toBe('Acme Store Ops'));
    expect(previews.at(-1)?.look.background_colour).toBe('#0b3d91'); // inherited from Contoso

    fireEvent.input(textbox('Text colour'), { target: { value: '#3b5b9b' } });
    await waitFor(() => expect(screen.getByLabelText('Contrast').textContent).toMatch(/^Contrast \d\.\d\d:1, below the 4\.5:1 WCAG 2\.2 asks for text/));
    fireEvent.input(textbox('Text colour'), { target: { value: 'gold' } });
    await waitFor(() => expect(previews.at(-1)?.look.text_colour).toBe('#ffd700'));

    const logoFile = screen.getByLabelText('Logo file');
    fireEvent.change(logoFile, { target: { files: [fileOf(new TextEncoder().encode('just text'), 'logo.png')] } });
    await screen.findByText('logo.png was refused:');
    expect(asked.some((r) => r.type === 'branding.upload')).toBe(false); // never left the editor
    // A truncated PNG: its header reads fine in the editor; the BFF decodes it whole, refuses it and says so.
    const whole = png(256, 512);
    fireEvent.change(logoFile, { target: { files: [fileOf(whole.subarray(0, Math.floor(whole.length * 0.6)), 'cut.png')] } });
    await screen.findByText('The Switchboard service refused cut.png:');
    expect(within(screen.getByRole('list', { name: 'Logo: findings' })).getByRole('alert').textContent).toMatch(/corrupt or truncated/);
    expect(asked.filter((r) => r.type === 'branding.upload')).toHaveLength(1);
    fireEvent.change(logoFile, { target: { files: [fileOf(whole, 'acme.png')] } });
    await waitFor(() => expect(previews.at(-1)?.look.logo).toMatch(/^data:image\/png;base64,/));
    expect(asked.filter((r) => r.type === 'branding.upload')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Review and publish…' }));
    const review = await screen.findByRole('dialog', { name: 'Publish the branding of Acme Retail' });
    const rows = within(within(review).getByRole('table', { name: 'Changes' })).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(expect.arrayContaining(['Website titleContoso MonitorAcme Store Ops', 'Text colour#ffffff#ffd700']));
    const seenBefore = await brandingQueries(w.bff).view(await tokenOf('viewer@acme.example'), 't_acme');
    expect(seenBefore.ok && 'view' in seenBefore && seenBefore.view.effective.values.website_title).toBe('Contoso Monitor'); // the draft is nobody else's
    fireEvent.click(within(review).getByRole('button', { name: 'Confirm publish' }));
    expect((await screen.findByRole('status', { name: 'Publish result' })).textContent).toBe('Published version 2: users see it on their next page load.');
    const published = await brandingQueries(w.bff).view(await tokenOf('viewer@acme.example'), 't_acme'); // another user sees it now
    expect(published.ok && 'view' in published && published.view.effective.values.website_title).toBe('Acme Store Ops');

    cleanup();
    await waitFor(() => expect(ports).toEqual([{ name: 'branding-preview:42', open: false }])); // closing the editor lets the background restore the page
  });

  it('tells an analyst up front and on publish which permission is missing', async () => {
    await open('analyst@contoso-msp.example');
    expect(screen.getByRole('note', { name: 'Your rights' }).textContent).toMatch(/^You can preview but not publish: .*Platform Administrator/);
    fireEvent.input(textbox('Website title'), { target: { value: 'Not allowed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review and publish…' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^The Switchboard service refused the draft: .*Platform Administrator on Acme Retail/));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
