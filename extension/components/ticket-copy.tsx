// "Copy for ticket": writes the plain-text summary to the clipboard and always shows it in a
// read-only box, so it can be read, and copied by hand (selected) when the clipboard refuses.
import { useEffect, useRef, useState } from 'preact/hooks';

interface TicketCopyProps {
  /** Builds the summary when the button is pressed, from what is on screen then. */
  summary: () => string;
  clipboard?: Pick<Clipboard, 'writeText'>;
}

interface Attempt {
  text: string;
  copied: boolean;
}

export function TicketCopy({ summary, clipboard = globalThis.navigator?.clipboard }: TicketCopyProps) {
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // Selected after the box shows the new text: Ctrl+C then copies exactly the summary.
  useEffect(() => {
    if (attempt && !attempt.copied) box.current?.select();
  }, [attempt]);

  async function copy() {
    const text = summary();
    let copied = false;
    try {
      if (clipboard) {
        await clipboard.writeText(text);
        copied = true;
      }
    } catch {
      // Denied (no focus, no permission): the text is selected for copying by hand instead.
    }
    setAttempt({ text, copied });
  }

  return (
    <section class="ticket-copy" aria-label="Copy for ticket">
      <button type="button" onClick={copy}>
        Copy for ticket
      </button>
      {attempt ? (
        <>
          <p role="status" class={attempt.copied ? 'copied' : 'problem'}>
            {attempt.copied ? 'Copied to the clipboard.' : 'The clipboard refused: the summary below is selected, copy it with Ctrl+C (⌘C).'}
          </p>
          <textarea ref={box} class="ticket-text" aria-label="Ticket summary" readOnly rows={12} value={attempt.text} />
        </>
      ) : null}
    </section>
  );
}
