// Sign-in against the BFF, typed only into the extension's own popup; the token stays in the background.
import { useState } from 'preact/hooks';
import type { UserSummary } from '../../shared/common';
import { askBackground } from '../utils/messaging';

export function SignInForm({ onSignedIn }: { onSignedIn: (user: UserSummary) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    const answer = await askBackground({ type: 'session.signIn', email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') });
    setBusy(false);
    if (answer.ok && answer.user) onSignedIn(answer.user);
    else setProblem(answer.ok ? 'Sign-in failed.' : answer.message);
  }
  return (
    <form class="sign-in" onSubmit={submit} aria-label="Sign in to MSP Switchboard">
      <h1>Sign in to MSP Switchboard</h1>
      <label>
        E-mail
        <input name="email" type="email" autocomplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      {problem ? <p role="alert" class="sign-in-problem">{problem}</p> : null}
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
