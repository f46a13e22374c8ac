/** A failure the person should hear about at once: announced as an alert, shown in the error colour. */
export function ErrorText({ text }: { text: string | null }) {
  if (text === null) return null;
  return (
    <p class="error" role="alert">
      {text}
    </p>
  );
}
